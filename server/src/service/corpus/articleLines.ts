// Line starts of source articles, for turning passage offsets into editor ranges (evidence, hovers,
// links); kept for the articles shown last.

import type { Article } from '../api.ts';
import { LineIndex } from '../text/positions.ts';
import { Lru } from '../util/lru.ts';

/** Line starts of the articles whose passages were shown last (evidence, hovers, links). */
const articleLines = new Lru<Article, LineIndex>(256);

export function linesOf(article: Article): LineIndex {
  return articleLines.getOrSet(article, () => new LineIndex(article.text));
}
