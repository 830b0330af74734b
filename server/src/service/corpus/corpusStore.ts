// The saved index's format: JSON lines written from a corpus index and read back into a new one (a head,
// one line per article, the search index in chunks, the entity resolution, the near-duplicate groups, an
// end mark). CorpusIndex lends this module its parts (IndexParts to write, IndexRestore to read); nothing
// else reaches them.

import type { Article } from '../api.ts';
import type { Quantity, Quote } from '../types.ts';
import type { EntityTable, SavedMentions } from './entities.ts';
import { SentenceIndex, type SentenceIndexReader } from './sentenceIndex.ts';
import { ResolutionReader, resolutionLines, restoreResolution, type SavedResolution } from './entityStore.ts';
import { compactQuotes } from './compactSentences.ts';
import { CompactArticle, flatRuns, runsOf, type CompactParts, type RecentlyMade, type SentenceRuns } from './compactArticle.ts';
import { NO_QUANTITIES, NO_QUOTES } from './articleAnalysis.ts';

const INDEX_FORMAT = 9;
/** A large saved index loads in slices of this many milliseconds. */
const LOAD_SLICE_MS = 20;

/** One saved article: sentence bounds and lines flat, analyses only for sentences that have any. */
interface StoredArticle extends Pick<Article, 'uri' | 'key' | 'meta' | 'title' | 'text' | 'bodyStart'> {
  /** Search id of the first sentence (an article's ids are consecutive). */
  id0: number;
  /** start, end, line per sentence. */
  sel: number[];
  /** [sentence index, quotes, figures] for sentences with either. */
  x: Array<[number, Quote[] | 0, StoredFigure[] | 0]>;
  /** The article's mentions with their resolution in the article (see EntityTable.savedMentions); absent
   *  when it has none. */
  m?: SavedMentions;
  /** Names and figures as written that this article is the first to use: they extend the index's
   *  string table, which `m` and figures refer to by number. */
  n?: string[];
  /** The format the text was extracted from, with its page or cue marks. */
  e?: Article['extracted'];
}

/** A figure whose text is its number in the index's string table. */
type StoredFigure = Omit<Quantity, 'text'> & { text: number };

/** What the writer reads of an index. */
export interface IndexParts {
  readonly articles: ReadonlyMap<string, Article>;
  /** Search id of each article's first sentence. */
  readonly firstId: ReadonlyMap<string, number>;
  readonly docCount: number;
  readonly table: EntityTable;
  readonly search: SentenceIndex;
  /** The corpus's generation now (it changes with the corpus). */
  generation(): number;
}

/** What the reader fills in a new, empty index. */
export interface IndexRestore {
  readonly table: EntityTable;
  /** The index's shared copy of a string. */
  intern(text: string): string;
  /** Holds the lists of sentences restored articles made (see CompactArticle). */
  readonly recent: RecentlyMade;
  setDocCount(n: number): void;
  /** Holds a restored article whose first sentence has search id `id0`. */
  addArticle(article: Article, id0: number): void;
  articleUris(): string[];
  setSearch(search: SentenceIndex): void;
  setSavedGroups(groups: string[][]): void;
}

/** The index as JSON lines (`groups`: the near-duplicate groups of several articles, when given): written
 *  and read a line at a time, so a 50,000-article corpus never needs one giant string. */
export function* indexLines(parts: IndexParts, groups?: readonly (readonly string[])[]): Generator<string> {
  const generation = parts.generation();
  yield JSON.stringify({ format: INDEX_FORMAT, articles: parts.articles.size, docCount: parts.docCount });
  // Names and figures as written are numbered, each written once with the first article that uses it:
  // a reload parses each spelling once instead of once per article.
  const strings = new Map<string, number>();
  let fresh: string[] = [];
  const ref = (v: string) => {
    let i = strings.get(v);
    if (i === undefined) {
      strings.set(v, (i = strings.size));
      fresh.push(v);
    }
    return i;
  };
  let lines = 1;
  for (const a of parts.articles.values()) {
    const sel: number[] = [];
    const x: StoredArticle['x'] = [];
    const mentions = a.sentences.flatMap((s) => s.mentions);
    const m = mentions.length ? parts.table.savedMentions(a.uri, mentions, ref) : undefined;
    // The table holds every mention of an indexed article; anything else is a bug, not a saved index.
    if (mentions.length && !m) throw new Error(`the entity table does not hold the mentions of ${a.uri}`);
    for (const s of a.sentences) {
      sel.push(s.start, s.end, s.line);
      if (s.quotes.length || s.quantities.length) {
        const figures = s.quantities.length ? s.quantities.map((q): StoredFigure => ({ ...q, text: ref(q.text) })) : 0;
        x.push([s.index, s.quotes.length ? s.quotes : 0, figures]);
      }
    }
    const stored: StoredArticle = { uri: a.uri, key: a.key, meta: a.meta, title: a.title, text: a.text, bodyStart: a.bodyStart, id0: parts.firstId.get(a.uri) ?? 0, sel, x };
    if (m) stored.m = m;
    if (a.extracted) stored.e = a.extracted;
    if (fresh.length) {
      stored.n = fresh;
      fresh = [];
    }
    yield JSON.stringify({ a: stored });
    lines++;
  }
  for (const line of parts.search.toLines()) {
    yield `{"s":${line}}`;
    lines++;
  }
  for (const line of resolutionLines(parts.table.resolution())) {
    yield line;
    lines++;
  }
  if (groups) {
    const ordinal = new Map<string, number>();
    for (const uri of parts.articles.keys()) ordinal.set(uri, ordinal.size);
    const g = groups.map((uris) => uris.map((uri) => ordinal.get(uri) ?? -1));
    if (g.some((ids) => ids.includes(-1))) throw new Error('a near-duplicate group names an article the index does not hold');
    yield JSON.stringify({ g });
    lines++;
  }
  // A change while the lines were being written would have mixed two states of the corpus.
  if (parts.generation() !== generation) throw new Error('the corpus changed while its index was being saved');
  yield JSON.stringify({ end: lines });
}

/** Reads what `indexLines` wrote into `index` (through `restore`); undefined if the lines are not a whole
 *  index of this format. Calls `pause` now and then so a large index loads without blocking requests. */
export async function readIndex<T>(lines: Iterable<string> | AsyncIterable<string>, index: T, restore: IndexRestore, pause?: () => Promise<void>): Promise<T | undefined> {
  let articles = -1;
  let count = 0;
  let search: SentenceIndexReader | undefined;
  let groups: number[][] | undefined;
  let resolution: ResolutionReader | undefined;
  const strings: string[] = [];
  let ended = false;
  let t0 = performance.now();
  for await (const line of lines) {
    if (ended || !line) return undefined;
    const d = JSON.parse(line) as { format?: number; articles?: number; docCount?: number; a?: StoredArticle; s?: unknown; g?: number[][]; r?: Partial<SavedResolution>; end?: number };
    if (count++ === 0) {
      if (d.format !== INDEX_FORMAT || typeof d.articles !== 'number') return undefined;
      articles = d.articles;
      restore.setDocCount(d.docCount ?? 0);
    } else if (d.a) {
      try {
        for (const v of d.a.n ?? []) strings.push(restore.intern(v));
        addStored(d.a, strings, restore);
      } catch {
        return undefined; // a damaged line, or a string table missing an earlier article's part
      }
    } else if (d.s) {
      if (!search) search = SentenceIndex.reader(d.s);
      else if (!search.add(d.s)) return undefined;
      if (!search) return undefined;
    } else if (d.r) {
      if (!(resolution ??= new ResolutionReader()).add(d.r)) return undefined;
    } else if (d.g) {
      if (groups || !Array.isArray(d.g)) return undefined;
      groups = d.g;
    } else if (d.end !== undefined) {
      ended = d.end === count - 1;
      if (!ended) return undefined;
    } else {
      return undefined;
    }
    if (pause && performance.now() - t0 > LOAD_SLICE_MS) {
      await pause();
      t0 = performance.now();
    }
  }
  const loaded = search?.done();
  if (!ended || !loaded || restore.articleUris().length !== articles) return undefined;
  restore.setSearch(loaded);
  // The entity resolution as saved, if it fits the name groups the mentions rebuilt (else it is rebuilt).
  const saved = resolution?.saved;
  if (saved) restore.table.adoptResolution((g) => restoreResolution(saved, g));
  if (groups) {
    const uris = restore.articleUris();
    const named = groups.map((ids) => (Array.isArray(ids) ? ids.map((i) => uris[i]) : []));
    if (named.some((g) => g.length < 2 || g.some((uri) => typeof uri !== 'string'))) return undefined;
    restore.setSavedGroups(named);
  }
  return index;
}

/** Per-sentence lists from a saved article's sparse entries ([sentence index, list] in sentence order). */
function sparseRuns<T>(count: number, entries: Array<[number, T[]]>, none: T[]): SentenceRuns<T> {
  if (!entries.length) return { items: [], from: undefined };
  const lists = new Array<T[]>(count).fill(none);
  for (const [i, list] of entries) if (i >= 0 && i < count) lists[i] = lists[i] === none ? list : [...lists[i], ...list];
  return flatRuns(lists);
}

/** Adds a saved article; `strings` is the index's table of names and figures as written. */
function addStored(raw: StoredArticle, strings: readonly string[], restore: IndexRestore): void {
  const count = Math.floor(raw.sel.length / 3);
  const quotes: Array<[number, Quote[]]> = [];
  const figures: Array<[number, Quantity[]]> = [];
  for (const [i, q, n] of raw.x) {
    if (i >= count) continue;
    if (q) quotes.push([i, compactQuotes(q, raw.text, restore.intern)]);
    if (n) {
      const list = n as unknown as Quantity[];
      for (let k = 0; k < n.length; k++) {
        const text = strings[n[k].text];
        if (typeof text !== 'string') throw new Error(`a saved figure of ${raw.uri} has no text`);
        // In place: the parsed object becomes the Quantity.
        list[k].text = text;
      }
      figures.push([i, list]);
    }
  }
  // The entity table is rebuilt from the mentions, as resolved in their article when saved; saved in
  // sentence order, the table's list of them is the article's too.
  let mentions: CompactParts['mentions'];
  if (raw.m) {
    const store = restore.table.restoreMentions(raw.uri, raw.m, strings);
    const of = raw.m.s;
    const runs = runsOf(store.n, count, (i) => of[i]);
    // Saved in sentence order, always: anything else is not an index this code wrote.
    if (runs === null) throw new Error(`the saved mentions of ${raw.uri} are out of order`);
    if (runs) mentions = { store, from: runs };
  }
  // The compact article copies the bounds into its own typed array (a trailing partial triple is dropped).
  const parts: CompactParts = { bounds: raw.sel, mentions, quotes: sparseRuns(count, quotes, NO_QUOTES), figures: sparseRuns(count, figures, NO_QUANTITIES) };
  restore.addArticle(new CompactArticle(raw.uri, raw.key, raw.meta, raw.title, raw.text, raw.bodyStart, parts, restore.recent, raw.e), raw.id0);
}
