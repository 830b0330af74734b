// The archive's quotations as completion offers them after an opening quote mark with no speaker named:
// for typed words, the archive's best distinct quotations (its database ranks them as the embedded index
// would, corpus/quoteSearch.ts), each with the sentence holding it and its article's title, so neither a
// search of the archive's sentences nor a fetch of their articles is needed (before: 0.1-1 s a typed
// opening at 100,000 articles, and most openings of common words found nothing).

import type { QuoteMatch } from '../api.ts';
import { fromStoredSentence } from './archivedArticle.ts';
import type { QuoteRow } from './archiveSource.ts';
import { Lru } from '../util/lru.ts';

/** Typed openings whose quotations are kept. */
const KEPT = 500;

export class ArchivedQuotes {
  private readonly byTyped = new Lru<string, { limit: number; matches: QuoteMatch[] }>(KEPT);

  /** The matches fetched for these typed words (folded), if at least `limit` were asked for. */
  get(words: string, limit: number): QuoteMatch[] | undefined {
    const known = this.byTyped.get(words);
    return known && known.limit >= limit ? known.matches.slice(0, limit) : undefined;
  }

  set(words: string, limit: number, rows: readonly QuoteRow[]): void {
    const matches = rows.flatMap((row): QuoteMatch[] => {
      const sentence = fromStoredSentence(row.uri, row.index, row.text, row.stored);
      const quote = sentence.quotes.find((q) => q.start === row.start);
      if (!quote) return [];
      const m: QuoteMatch = { quote, sentence, tier: row.tier, articles: row.articles, source: { title: row.title, key: row.key } };
      if (row.speaker) m.speakerName = row.speaker;
      return [m];
    });
    this.byTyped.set(words, { limit, matches });
  }

  clear(): void {
    this.byTyped.clear();
  }
}
