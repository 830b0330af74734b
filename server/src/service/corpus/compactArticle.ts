// An indexed article as a large corpus keeps it: its sentences' bounds and lines in one typed array, their
// quotes, figures and name mentions in one flat list each (with where each sentence's run starts; the
// figures packed into numbers, see packedFigures.ts), and the sentence objects made only when `sentences`
// is read. A corpus of 50,000 articles holds 1.25 million sentences; an object and three short lists for
// each was a third of the index's memory.
//
// Made sentences are kept while anything holds one of them: each holds the list it belongs to, and the
// article finds that list again through a weak reference, so a sentence read twice is the same object as
// long as the first one can still be compared with it (caches keyed by sentences, evidence maps). A few
// recently made lists are also held by the index (`RecentlyMade`), so a check reading one article many
// times makes its sentences once.

import type { Article, SourceSentence } from '../api.ts';
import type { Mention, Quantity, Quote } from '../types.ts';
import { IndexedSentence } from './indexedSentence.ts';
import { NO_MENTIONS, NO_QUANTITIES, NO_QUOTES } from './articleAnalysis.ts';
import { mentionAt, type Packed } from './entityGroups.ts';
import { figureAt, packFigures, type PackedFigures } from './packedFigures.ts';
import { int32s } from '../util/slab.ts';

/** Where each sentence's run starts in a flat list (one entry more than sentences); absent when empty. */
type Runs = Int32Array | undefined;

/** One of an article's flat lists: its items in sentence order and where each sentence's run starts. */
export interface SentenceRuns<T> {
  items: readonly T[];
  from: Runs;
}

/** Flattens per-sentence lists (each in order) into one list and its run starts. */
export function flatRuns<T>(lists: readonly (readonly T[])[]): SentenceRuns<T> {
  let total = 0;
  for (const l of lists) total += l.length;
  if (total === 0) return { items: [], from: undefined };
  const items: T[] = new Array<T>(total);
  const from = new Int32Array(lists.length + 1);
  let k = 0;
  for (let i = 0; i < lists.length; i++) {
    from[i] = k;
    for (const x of lists[i]) items[k++] = x;
  }
  from[lists.length] = k;
  return { items, from };
}

/** Run starts of items already in sentence order, given each item's sentence (`sentenceOf(i)`), or
 *  undefined when the items are not in sentence order (or name a sentence past `count`). */
export function runsOf(n: number, count: number, sentenceOf: (i: number) => number): Runs | null {
  if (n === 0) return undefined;
  const from = new Int32Array(count + 1);
  let s = 0;
  for (let i = 0; i < n; i++) {
    const at = sentenceOf(i);
    if (at < 0 || at >= count || (i > 0 && at < sentenceOf(i - 1))) return null;
    while (s <= at) from[s++] = i;
  }
  while (s <= count) from[s++] = n;
  return from;
}

/** What an article's columns are built from. */
export interface CompactParts {
  /** start, end, line of each sentence. */
  bounds: ArrayLike<number>;
  /** The entity table's columns of the article's mentions (in sentence order) and where each sentence's
   *  run starts in them; absent when it has none. */
  mentions?: { store: Packed; from: Int32Array };
  quotes: SentenceRuns<Quote>;
  figures: SentenceRuns<Quantity>;
  /** Sentences whose text is not the article's text at their offsets. */
  texts?: Map<number, string>;
}

/** The lists of sentences made last, held (at most `size`); shared by an index's articles and holding
 *  nothing of the index itself (a module-level cache holding an article must not hold its corpus). */
export class RecentlyMade {
  private readonly lists: Array<SourceSentence[] | undefined>;
  private at = 0;
  constructor(size: number) {
    this.lists = new Array<SourceSentence[] | undefined>(size);
  }
  keep(made: SourceSentence[]): void {
    this.lists[this.at] = made;
    this.at = (this.at + 1) % this.lists.length;
  }
}

const NOTHING: readonly never[] = Object.freeze([]);

export class CompactArticle implements Article {
  declare extracted?: Article['extracted'];
  /** One typed array an article (each has ~180 bytes of overhead): start, end, line of each sentence,
   *  then where each sentence's run starts in the mentions, the quotes and the figures, for each of those
   *  lists that is not empty (one entry more than sentences). */
  readonly #cols: Int32Array;
  readonly #mentions: Packed | undefined;
  readonly #quotes: readonly Quote[];
  /** Packed (see packedFigures.ts), or the objects when they do not pack. */
  readonly #figures: PackedFigures | readonly Quantity[];
  readonly #texts: Map<number, string> | undefined;
  readonly #recent: RecentlyMade;
  #made: WeakRef<SourceSentence[]> | undefined;

  constructor(
    readonly uri: string,
    readonly key: string,
    readonly meta: Article['meta'],
    readonly title: string,
    readonly text: string,
    readonly bodyStart: number,
    parts: CompactParts,
    recent: RecentlyMade,
    extracted?: Article['extracted'],
  ) {
    const n = Math.floor(parts.bounds.length / 3);
    const m = parts.mentions && parts.mentions.store.n > 0 ? parts.mentions : undefined;
    const lists = [{ items: m?.store.surface ?? NOTHING, from: m?.from }, parts.quotes, parts.figures];
    let size = 3 * n;
    for (const l of lists) if (l.from && l.items.length) size += n + 1;
    const cols = int32s(size);
    for (let i = 0; i < 3 * n; i++) cols[i] = parts.bounds[i];
    let at = 3 * n;
    for (const l of lists) {
      if (!l.from || !l.items.length) continue;
      cols.set(l.from.subarray(0, n + 1), at);
      at += n + 1;
    }
    this.#cols = cols;
    const items = <T>(l: SentenceRuns<T>): readonly T[] => (l.from && l.items.length ? l.items : NOTHING);
    this.#mentions = m?.store;
    this.#quotes = items(parts.quotes);
    const figures = items(parts.figures);
    this.#figures = (figures.length && packFigures(figures, text)) || figures;
    this.#texts = parts.texts;
    this.#recent = recent;
    if (extracted) this.extracted = extracted;
  }

  /** The article's compact form, or undefined when its sentences do not fit one (a sentence of another
   *  article, or out of order): such an article is kept as it is. `mentions`: the entity table's columns
   *  of its mentions (see CompactParts), when it has any. */
  static of(a: Article, recent: RecentlyMade, mentions?: CompactParts['mentions']): CompactArticle | undefined {
    const n = a.sentences.length;
    const bounds = new Array<number>(n * 3);
    let texts: Map<number, string> | undefined;
    let listed = 0;
    for (let k = 0; k < n; k++) {
      const s = a.sentences[k];
      if (s.uri !== a.uri || s.index !== k) return undefined;
      bounds[3 * k] = s.start;
      bounds[3 * k + 1] = s.end;
      bounds[3 * k + 2] = s.line;
      const text = s.text;
      if (text !== a.text.slice(s.start, s.end)) (texts ??= new Map()).set(k, text);
      listed += s.mentions.length;
    }
    if (listed !== (mentions?.store.n ?? 0)) return undefined;
    const parts: CompactParts = {
      bounds,
      quotes: flatRuns(a.sentences.map((s) => s.quotes)),
      figures: flatRuns(a.sentences.map((s) => s.quantities)),
    };
    if (texts) parts.texts = texts;
    if (mentions) parts.mentions = mentions;
    return new CompactArticle(a.uri, a.key, a.meta, a.title, a.text, a.bodyStart, parts, recent, a.extracted);
  }

  /** Number of sentences (without making them). */
  get sentenceCount(): number {
    const n = this.#cols.length;
    const lists = (this.#mentions ? 1 : 0) + (this.#quotes.length ? 1 : 0) + (this.#figures.length ? 1 : 0);
    return (n - lists) / (3 + lists);
  }

  /** Every quotation of the article, in text order (without making its sentences). */
  get quotes(): readonly Quote[] {
    return this.#quotes;
  }

  get sentences(): SourceSentence[] {
    const held = this.#made?.deref();
    if (held) return held;
    const made = this.#make();
    this.#made = new WeakRef(made);
    this.#recent.keep(made);
    return made;
  }

  #make(): SourceSentence[] {
    const cols = this.#cols;
    const n = this.sentenceCount;
    let at = 3 * n;
    const runsAt = (items: ArrayLike<unknown>): number => {
      if (!items.length) return -1;
      const here = at;
      at += n + 1;
      return here;
    };
    const store = this.#mentions;
    const m = runsAt(store ? store.surface : NOTHING);
    const q = runsAt(this.#quotes);
    const f = runsAt(this.#figures);
    /** Sentence k's run in the list whose run starts are at `from` (-1: an empty list), made by `take`. */
    const run = <T>(from: number, k: number, none: T[], take: (a: number, b: number) => T[]): T[] => {
      if (from < 0) return none;
      const a = cols[from + k];
      const b = cols[from + k + 1];
      return a === b ? none : take(a, b);
    };
    const quotes = this.#quotes;
    const figures = this.#figures;
    const takeQuotes = (a: number, b: number) => quotes.slice(a, b);
    const takeFigures = (a: number, b: number): Quantity[] => {
      if (!(figures instanceof Float64Array)) return figures.slice(a, b);
      const out = new Array<Quantity>(b - a);
      for (let i = a; i < b; i++) out[i - a] = figureAt(figures, i, this.text);
      return out;
    };
    const takeMentions = (a: number, b: number) => {
      const out = new Array<Mention>(b - a);
      if (store) for (let i = a; i < b; i++) out[i - a] = mentionAt(store, i);
      return out;
    };
    const made: SourceSentence[] = new Array<SourceSentence>(n);
    for (let k = 0; k < n; k++) {
      const b = 3 * k;
      made[k] = new IndexedSentence(this.text, cols[b], cols[b + 1], this.uri, k, cols[b + 2], run(q, k, NO_QUOTES, takeQuotes), run(f, k, NO_QUANTITIES, takeFigures), run(m, k, NO_MENTIONS, takeMentions), made, this.#texts?.get(k));
    }
    return made;
  }

  toJSON(): Article {
    const { uri, key, meta, title, text, bodyStart, sentences, extracted } = this;
    const a: Article = { uri, key, meta, title, text, bodyStart, sentences };
    if (extracted) a.extracted = extracted;
    return a;
  }
}

/** Sentences of an article without making them (a compact article's count). */
export function sentenceCount(a: Article): number {
  return a instanceof CompactArticle ? a.sentenceCount : a.sentences.length;
}
