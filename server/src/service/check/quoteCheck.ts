// Is a quotation in the draft in the sources, word for word? Quote marks, case, punctuation and
// ellipses do not count as differences; anything else does. When it is not, find the nearest real words.

import type { Article } from '../api.ts';
import type { Span } from '../types.ts';
import { foldText } from '../text/words.ts';
import { Lru } from '../util/lru.ts';

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

/** Articles whose word tables (~30 KB each, measured on BBC) are kept. */
const tables = new Lru<Article, WordTable>(300);

function wordTable(article: Article): WordTable {
  return tables.getOrSet(article, () => buildWordTable(article));
}

function buildWordTable(article: Article): WordTable {
  const words: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const text = article.text;
  const re = /[\p{L}\p{N}'’‘]+/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index < article.bodyStart) continue;
    // "Â£75,000" in a file read with the wrong encoding is "£75,000": the "Â" is no word of the quotation.
    if (m[0] === '\u00c2' && /[\u0080-\u00bf]/.test(text.charAt(m.index + 1))) continue;
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
  return { words, starts, ends, joined: ` ${words.join(' ')} `, joinedAt };
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
export function matchQuote(quote: string, articles: Iterable<Article>, segmentsOf: (a: Article) => Span[]): QuoteMatch {
  const fragments = quoteFragments(quote);
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
    const near = nearestWindow(fragments.flat(), t, segmentsOf(article));
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

/**
 * Every place an article has the quotation's words (fragments split by an ellipsis in order, each place
 * starting at the first fragment), as character spans of the article text.
 */
export function quoteSpans(quote: string, article: Article): Span[] {
  const fragments = quoteFragments(quote);
  if (fragments.length === 0) return [];
  const t = wordTable(article);
  const out: Span[] = [];
  const first = ` ${fragments[0].join(' ')} `;
  for (let at = t.joined.indexOf(first); at >= 0; at = t.joined.indexOf(first, at + 1)) {
    const wi = wordAt(t, at + 1);
    let last = wi + fragments[0].length - 1;
    let from = at + first.length - 1;
    let ok = true;
    for (const f of fragments.slice(1)) {
      const next = t.joined.indexOf(` ${f.join(' ')} `, from);
      if (next < 0) {
        ok = false;
        break;
      }
      last = wordAt(t, next + 1) + f.length - 1;
      from = next + f.join(' ').length + 1;
    }
    if (ok) out.push({ start: t.starts[wi], end: t.ends[last] });
  }
  return out;
}

function quoteFragments(quote: string): string[][] {
  return quote
    .split(/\.{3}|…|\[\.\.\.\]/)
    .map(quoteWords)
    .filter((f) => f.length > 0);
}

/** A source quotation at most this many words longer than the draft's is offered whole. */
const WHOLE_SLACK = 3;

/** Word index of the first word starting at or after a character offset. */
function wordFrom(t: WordTable, offset: number): number {
  let lo = 0;
  let hi = t.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (t.starts[mid] < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The stretch of source words most like the quote (shared words over the longer length), looked for inside each
 * segment (the source's own quotations, else its sentences) so it never starts mid-way into another
 * paragraph; stretches up to two words shorter or longer than the quote are tried.
 */
function nearestWindow(q: string[], t: WordTable, segments: Span[]): { from: number; to: number; similarity: number } | undefined {
  const n = q.length;
  if (n === 0 || t.words.length === 0) return undefined;
  const want = new Map<string, number>();
  for (const w of q) want.set(w, (want.get(w) ?? 0) + 1);
  let best: { from: number; to: number; similarity: number; rank: number } | undefined;
  for (const seg of segments) {
    const a = wordFrom(t, seg.start);
    const b = Math.min(wordFrom(t, seg.end), t.words.length); // exclusive
    if (b <= a) continue;
    for (let size = Math.max(1, Math.min(n - 2, b - a)); size <= Math.min(n + 2, b - a); size++) {
      const have = new Map<string, number>();
      let common = 0;
      for (let i = a; i < b; i++) {
        const w = t.words[i];
        const h = (have.get(w) ?? 0) + 1;
        have.set(w, h);
        if (h <= (want.get(w) ?? 0)) common++;
        if (i - a >= size) {
          const out = t.words[i - size];
          const ho = have.get(out)! - 1;
          have.set(out, ho);
          if (ho < (want.get(out) ?? 0)) common--;
        }
        if (i - a >= size - 1) {
          const from = i - size + 1;
          const sim = common / Math.max(n, size);
          // Ties: the stretch that starts and ends like the quote, then the one closest in length.
          const rank = sim + (t.words[from] === q[0] ? 0.01 : 0) + (t.words[i] === q[n - 1] ? 0.01 : 0) - 0.001 * Math.abs(size - n);
          // A short source quotation is offered whole: the writer wants the exact words, not a slice.
          const whole = b - a <= n + WHOLE_SLACK;
          if (!best || rank > best.rank) best = whole ? { from: a, to: b - 1, similarity: sim, rank } : { from, to: i, similarity: sim, rank };
        }
      }
    }
  }
  return best && { from: best.from, to: best.to, similarity: best.similarity };
}
