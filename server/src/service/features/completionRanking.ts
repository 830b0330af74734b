// Ranking of quote and citation completions: the best textual match of what is typed first (the
// candidate starts with it, then contains it, then has every typed word, then most of them), then the
// most prominent (a quote the sources repeat in more articles; an article that supports the sentence
// being written), then the order the candidates came in.

import type { Article, QuoteHit } from '../api.ts';
import { foldText, matchTier, NO_MATCH } from '../corpus/textMatch.ts';

/** Quotes ranked by match to the typed words, then by how many articles carry the same words; one hit
 *  per distinct quote. Unmatched quotes are kept last when `keepUnmatched` (a named speaker's quotes). */
export function rankQuotes(hits: readonly QuoteHit[], typed: string, keepUnmatched: boolean): QuoteHit[] {
  const needle = foldText(typed);
  const byWords = new Map<string, { hit: QuoteHit; order: number; tier: number; articles: Set<string> }>();
  hits.forEach((hit, order) => {
    const words = hit.quote.text.trim();
    if (!words) return;
    const key = foldText(words);
    const cur = byWords.get(key);
    if (cur) {
      cur.articles.add(hit.sentence.uri);
      return;
    }
    byWords.set(key, { hit, order, tier: matchTier(needle, key), articles: new Set([hit.sentence.uri]) });
  });
  return [...byWords.values()]
    .filter((q) => keepUnmatched || q.tier !== NO_MATCH)
    .sort((a, b) => a.tier - b.tier || b.articles.size - a.articles.size || a.order - b.order)
    .map((q) => q.hit);
}

/** Titles folded once per article (every keystroke after `[^` looks at every article). */
const foldedTitles = new WeakMap<Article, string>();

/** How well an article's citation key or title matches what is typed after `[^`: the key starts with
 *  it, a part of the key does ("harb" in "2021-harbor-deal"), the key contains it, a word of the title
 *  starts with it, the title contains it; NO_MATCH otherwise. */
export function citationTier(typed: string, article: Article): number {
  const t = typed.toLowerCase();
  if (!t) return 0;
  const key = article.key.toLowerCase();
  if (key.startsWith(t)) return 0;
  if (key.split(/[-_]/).some((p) => p.startsWith(t))) return 1;
  if (key.includes(t)) return 2;
  let title = foldedTitles.get(article);
  if (title === undefined) foldedTitles.set(article, (title = foldText(article.title)));
  const tt = foldText(typed);
  if (tt && title.split(' ').some((w) => w.startsWith(tt))) return 3;
  if (tt && title.includes(tt)) return 4;
  return NO_MATCH;
}

/** Articles ranked by match to the typed key, then by support for the sentence being written (its rank
 *  in `support`, best first), then in corpus order; at most `max`. Returns whether more matched. */
export function rankArticles(articles: Iterable<Article>, typed: string, support: ReadonlyMap<string, number>, max: number): { chosen: Article[]; more: boolean } {
  const scored: Array<{ a: Article; tier: number; support: number; order: number }> = [];
  let order = 0;
  for (const a of articles) {
    const tier = citationTier(typed, a);
    if (tier !== NO_MATCH) scored.push({ a, tier, support: support.get(a.uri) ?? Number.MAX_SAFE_INTEGER, order });
    order++;
  }
  scored.sort((x, y) => x.tier - y.tier || x.support - y.support || x.order - y.order);
  return { chosen: scored.slice(0, max).map((s) => s.a), more: scored.length > max };
}
