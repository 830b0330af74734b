// The quotations of a corpus by the words of their keys (quoteSearch.ts), so that an opening of two words
// or more is matched against the quotations that can match it rather than against every quotation (a scan
// of 350,000 at 50,000 articles: 45-140 ms an opening). Every quotation of the tiers kept holds each
// typed word in a known way: the first as the end of one of its words (tier 1 finds typed words anywhere,
// so the first may end a longer word: "ile we" in "while we"), a middle one as a word, the last as a
// word's start. So the quotations holding the rarest of those are a superset of the matches; they are
// read in corpus order, as the scan reads them, and ranked by the same rules: the same matches. A single
// typed word may be anywhere inside a word, and is matched by the scan.

import type { Article } from '../api.ts';
import { collectMatches, typedWords, type QuoteCandidate, type QuoteWords } from './quoteSearch.ts';

/** Words shorter than this are not indexed (no typed word this short is looked up: a word of the
 *  quotation matching a longer typed word, by its start, its end or whole, is at least as long). */
const MIN_WORD = 3;

export class QuoteWordIndex {
  /** Every quotation's key, in corpus order (article by article, in text order). */
  private readonly keys: string[] = [];
  /** Per key, its article's index in `articles`, and its quotation's index in the article. */
  private readonly articleAt: number[] = [];
  private readonly quoteAt: number[] = [];
  private readonly articles: Article[] = [];
  /** Per word, the positions (in `keys`) of the quotations holding it, ascending. */
  private readonly postings = new Map<string, Int32Array>();
  /** The words, sorted; and reversed, sorted (a word's end is a reversed word's start). */
  private readonly sorted: string[];
  private readonly reversed: string[];

  constructor(articles: Iterable<Article>, folded: QuoteWords) {
    const lists = new Map<string, number[]>();
    for (const article of articles) {
      const a = this.articles.length;
      this.articles.push(article);
      const keys = folded.of(article);
      for (let i = 0; i < keys.length; i++) {
        const at = this.keys.length;
        this.keys.push(keys[i]);
        this.articleAt.push(a);
        this.quoteAt.push(i);
        for (const word of keys[i].split(' ')) {
          if (word.length < MIN_WORD) continue;
          const list = lists.get(word);
          if (!list) lists.set(word, [at]);
          else if (list[list.length - 1] !== at) list.push(at);
        }
      }
    }
    for (const [word, list] of lists) this.postings.set(word, Int32Array.from(list));
    this.sorted = [...lists.keys()].sort();
    this.reversed = this.sorted.map(reverse).sort();
  }

  /** The best `limit` distinct quotations for the typed text, as matchQuotes finds them; undefined when
   *  the typed text is not for this index (one word, or no word long enough to look up). */
  match(typed: string, limit: number): QuoteCandidate[] | undefined {
    const needle = typedWords(typed);
    if (!needle || limit <= 0) return needle ? [] : undefined;
    const want = needle.split(' ');
    if (want.length < 2) return undefined;
    // Each usable typed word's quotations (the words it may be, and their postings), the fewest kept.
    let best: Int32Array[] | undefined;
    let bestSize = Infinity;
    want.forEach((w, i) => {
      if (w.length < MIN_WORD) return;
      const words = i === 0 ? this.ending(w) : i === want.length - 1 ? this.starting(w) : this.postings.has(w) ? [w] : [];
      const lists = words.map((x) => this.postings.get(x) as Int32Array);
      const size = lists.reduce((n, l) => n + l.length, 0);
      if (size < bestSize) [best, bestSize] = [lists, size];
    });
    if (!best) return undefined;
    const positions = union(best);
    return collectMatches(
      needle,
      want,
      limit,
      (visit) => {
        for (const at of positions) {
          const article = this.articles[this.articleAt[at]];
          visit(article, this.keys[at], this.quoteAt[at]);
        }
      },
    );
  }

  /** Words starting with `prefix`. */
  private starting(prefix: string): string[] {
    const out: string[] = [];
    for (let i = lowerBound(this.sorted, prefix); i < this.sorted.length && this.sorted[i].startsWith(prefix); i++) out.push(this.sorted[i]);
    return out;
  }

  /** Words ending with `suffix`. */
  private ending(suffix: string): string[] {
    const r = reverse(suffix);
    const out: string[] = [];
    for (let i = lowerBound(this.reversed, r); i < this.reversed.length && this.reversed[i].startsWith(r); i++) out.push(reverse(this.reversed[i]));
    return out;
  }
}

const reverse = (s: string): string => [...s].reverse().join('');

function lowerBound(sorted: readonly string[], s: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < s) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The positions of several ascending lists, ascending, each once. */
function union(lists: readonly Int32Array[]): Int32Array {
  if (lists.length === 1) return lists[0];
  let n = 0;
  for (const l of lists) n += l.length;
  const all = new Int32Array(n);
  let k = 0;
  for (const l of lists) {
    all.set(l, k);
    k += l.length;
  }
  all.sort();
  let w = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[w++] = all[i];
  return all.subarray(0, w);
}
