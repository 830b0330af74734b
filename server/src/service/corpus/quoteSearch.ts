// Quotations matching what a writer types after an opening quote mark with no speaker named, searched by
// their own words: those starting with the typed words first, then those holding them as typed, then
// those holding every typed word (the last as a word's start); within each, the words the sources carry
// in more articles first, then corpus order. One match a distinct quotation. Not searched through the
// sentences' search terms: what a writer remembers of a quotation is often its opening of common words
// ("We are", "Only if"), which the search index drops, and a sentence matching the words best may hold no
// quotation. An archive answers the same search from its quotations table (host/archive/quoteQuery.ts).

import type { Article, QuoteMatch } from '../api.ts';
import type { Quote } from '../types.ts';
import { foldText } from './textMatch.ts';
import { CompactArticle } from './compactArticle.ts';

/** Typed characters (folded) before a quotation is looked for. */
const MIN_TYPED = 3;
/** A quotation is compared by its folded words' first characters (its key): two alike that far are one,
 *  and what is typed past them matches no more (an archive's btree holds keys of this length). */
export const QUOTE_KEY_LENGTH = 200;

/** A quotation's key, or typed text as keys are compared: its words folded (foldText), to QUOTE_KEY_LENGTH. */
function quoteKey(text: string): string {
  return foldText(text).slice(0, QUOTE_KEY_LENGTH);
}

/** How a match ranks: better tier, then more articles carrying it, then first met. */
interface Ranked {
  tier: number;
  articles: number;
  order: number;
}

function byRank(a: Ranked, b: Ranked): number {
  return a.tier - b.tier || b.articles - a.articles || a.order - b.order;
}

/** The typed text folded as quotations' words are compared, or undefined when too short to look for. */
export function typedWords(typed: string): string | undefined {
  const needle = quoteKey(typed);
  return needle.length >= MIN_TYPED ? needle : undefined;
}

/** The keys of each article's quotations (their words folded, foldText, to QUOTE_KEY_LENGTH), in text
 *  order: made when first searched and kept while the article is (~100 bytes a quotation; the first
 *  search of 50,000 articles makes them for 350,000 quotations: 0.7 s, 60 MB). */
export class QuoteWords {
  private readonly byArticle = new WeakMap<Article, readonly string[]>();

  of(article: Article): readonly string[] {
    let words = this.byArticle.get(article);
    if (!words) this.byArticle.set(article, (words = quotesOf(article).map((q) => quoteKey(q.text))));
    return words;
  }
}

/** Every quotation of an article, in text order (without making a compact article's sentences). */
export function quotesOf(article: Article): readonly Quote[] {
  return article instanceof CompactArticle ? article.quotes : article.sentences.flatMap((s) => s.quotes);
}

/** Whether folded `words` hold `word` as a word of its own (`whole`) or as a word's start. */
function holdsWord(words: string, word: string, whole: boolean): boolean {
  for (let at = words.indexOf(word); at >= 0; at = words.indexOf(word, at + 1)) {
    if (at > 0 && words.charCodeAt(at - 1) !== 32) continue;
    const end = at + word.length;
    if (!whole || end === words.length || words.charCodeAt(end) === 32) return true;
  }
  return false;
}

/** matchTier's tiers kept (0 starts with the typed words, 1 holds them, 2 holds every one of them),
 *  without splitting the candidate; undefined for a worse one. */
function tierOf(needle: string, want: readonly string[], words: string): number | undefined {
  if (words.startsWith(needle)) return 0;
  if (words.includes(needle)) return 1;
  for (let i = 0; i < want.length; i++) if (!holdsWord(words, want[i], i < want.length - 1)) return undefined;
  return 2;
}

export interface QuoteCandidate {
  article: Article;
  quote: Quote;
  tier: number;
  /** Articles carrying the same words. */
  articles: number;
}

/** The best `limit` distinct quotations of these articles for the typed text (see the file's header). */
export function matchQuotes(articles: Iterable<Article>, typed: string, limit: number, folded: QuoteWords): QuoteCandidate[] {
  const needle = typedWords(typed);
  if (!needle || limit <= 0) return [];
  const want = needle.split(' ');
  // Every tier kept needs each typed word in the quotation: its longest rules most out in one scan.
  const probe = want.reduce((a, b) => (b.length > a.length ? b : a));
  return collectMatches(
    needle,
    want,
    limit,
    (visit) => {
      for (const article of articles) {
        const words = folded.of(article);
        for (let i = 0; i < words.length; i++) if (words[i].includes(probe)) visit(article, words[i], i);
      }
    },
  );
}

/** The matches among the quotations `each` visits (in corpus order: article by article, each article's
 *  quotations in text order, and at least every quotation that matches), ranked. */
export function collectMatches(
  needle: string,
  want: readonly string[],
  limit: number,
  each: (visit: (article: Article, key: string, index: number) => void) => void,
): QuoteCandidate[] {
  // Articles are read one after another: a group counts an article when it meets it the first time.
  const byWords = new Map<string, Ranked & { candidate: QuoteCandidate; last: Article }>();
  each((article, key, i) => {
    const known = byWords.get(key);
    if (known) {
      if (known.last !== article) {
        known.articles++;
        known.last = article;
      }
      return;
    }
    const tier = tierOf(needle, want, key);
    if (tier === undefined) return;
    byWords.set(key, { candidate: { article, quote: quotesOf(article)[i], tier, articles: 0 }, tier, articles: 1, order: byWords.size, last: article });
  });
  return [...byWords.values()]
    .sort(byRank)
    .slice(0, limit)
    .map((m) => ({ ...m.candidate, articles: m.articles }));
}

/** Matches of two searches (a workspace's own sources and an archive's) in one ranking, the first's
 *  first among equals; the same words found by both count the articles of both. */
export function mergeMatches(first: readonly QuoteMatch[], second: readonly QuoteMatch[], limit: number): QuoteMatch[] {
  const byWords = new Map<string, QuoteMatch & { order: number }>();
  for (const m of [...first, ...second]) {
    const key = quoteKey(m.quote.text);
    const known = byWords.get(key);
    byWords.set(key, known ? { ...known, articles: known.articles + m.articles } : { ...m, order: byWords.size });
  }
  return [...byWords.values()]
    .sort(byRank)
    .slice(0, limit)
    .map(({ order: _, ...m }) => m);
}
