// Is a quotation in the draft in the sources, word for word? Quote marks, case, punctuation and
// ellipses do not count as differences; anything else does. When it is not, find the nearest real words.

import type { Article } from '../api.ts';
import { foldText } from '../text/words.ts';

/** Lower-case words only: what a quotation is compared on. */
export function quoteWords(text: string): string[] {
  return foldText(text)
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .split(/[^\p{L}\p{N}']+/u)
    .map((w) => w.replace(/^'+|'+$/g, ''))
    .filter((w) => w.length > 0);
}

export interface QuoteMatch {
  found: boolean;
  article?: Article;
  /** Start offset (in the article text) of the matched or nearest words. */
  start?: number;
  end?: number;
  /** The nearest real words, verbatim from the source (for a misquote). */
  nearest?: string;
  similarity?: number;
}

interface WordTable {
  words: string[];
  starts: number[];
  ends: number[];
  joined: string;
  /** For each word index, the character offset of that word in `joined`. */
  joinedAt: number[];
}

const tables = new WeakMap<Article, WordTable>();

function wordTable(article: Article): WordTable {
  let t = tables.get(article);
  if (t) return t;
  const words: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const text = article.text;
  const re = /[\p{L}\p{N}'’‘]+/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index < article.bodyStart) continue;
    const w = quoteWords(m[0]);
    for (const part of w) {
      words.push(part);
      starts.push(m.index);
      ends.push(m.index + m[0].length);
    }
  }
  const joinedAt: number[] = [];
  let pos = 1;
  for (const w of words) {
    joinedAt.push(pos);
    pos += w.length + 1;
  }
  t = { words, starts, ends, joined: ` ${words.join(' ')} `, joinedAt };
  tables.set(article, t);
  return t;
}

/** Finds the word index whose joined offset is `offset` (binary search). */
function wordAt(t: WordTable, offset: number): number {
  let lo = 0;
  let hi = t.joinedAt.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (t.joinedAt[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Checks a quotation against candidate articles. Fragments separated by an ellipsis may be apart. */
export function matchQuote(quote: string, articles: Iterable<Article>): QuoteMatch {
  const fragments = quote
    .split(/\.{3}|…|\[\.\.\.\]/)
    .map(quoteWords)
    .filter((f) => f.length > 0);
  if (fragments.length === 0) return { found: true };
  let best: QuoteMatch = { found: false, similarity: 0 };
  for (const article of articles) {
    const t = wordTable(article);
    let ok = true;
    let first = -1;
    let last = -1;
    for (const f of fragments) {
      const at = t.joined.indexOf(` ${f.join(' ')} `);
      if (at < 0) {
        ok = false;
        break;
      }
      const wi = wordAt(t, at + 1);
      if (first < 0) first = wi;
      last = wi + f.length - 1;
    }
    if (ok) return { found: true, article, start: t.starts[first], end: t.ends[last] };
    const near = nearestWindow(fragments.flat(), t);
    if (near && near.similarity > (best.similarity ?? 0)) {
      best = {
        found: false,
        article,
        start: t.starts[near.from],
        end: t.ends[near.to],
        nearest: article.text.slice(t.starts[near.from], t.ends[near.to]),
        similarity: near.similarity,
      };
    }
  }
  return best;
}

/** The window of source words most like the quote (Dice over word multisets), in linear time. */
function nearestWindow(q: string[], t: WordTable): { from: number; to: number; similarity: number } | undefined {
  const n = q.length;
  if (n === 0 || t.words.length === 0) return undefined;
  const want = new Map<string, number>();
  for (const w of q) want.set(w, (want.get(w) ?? 0) + 1);
  const have = new Map<string, number>();
  let common = 0;
  let best: { from: number; to: number; similarity: number } | undefined;
  const size = Math.min(n, t.words.length);
  for (let i = 0; i < t.words.length; i++) {
    const w = t.words[i];
    const h = (have.get(w) ?? 0) + 1;
    have.set(w, h);
    if (h <= (want.get(w) ?? 0)) common++;
    if (i >= size) {
      const out = t.words[i - size];
      const ho = have.get(out)! - 1;
      have.set(out, ho);
      if (ho < (want.get(out) ?? 0)) common--;
    }
    if (i >= size - 1) {
      const sim = (2 * common) / (n + size);
      if (!best || sim > best.similarity) best = { from: i - size + 1, to: i, similarity: sim };
    }
  }
  return best;
}
