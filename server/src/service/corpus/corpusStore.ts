// The saved index's format: JSON lines written from a corpus index and read back into a new one (a head,
// one line per article, the search index in chunks, the entity resolution, the near-duplicate groups, an
// end mark). CorpusIndex lends this module its parts (IndexParts to write, IndexRestore to read); nothing
// else reaches them.

import type { Article, SourceSentence } from '../api.ts';
import type { Quantity, Quote } from '../types.ts';
import type { EntityTable, SavedMentions } from './entities.ts';
import { SentenceIndex, type SentenceIndexReader } from './sentenceIndex.ts';
import { ResolutionReader, resolutionLines, restoreResolution, type SavedResolution } from './entityStore.ts';
import { compactQuotes } from './compactSentences.ts';
import { IndexedSentence } from './indexedSentence.ts';
import { NO_MENTIONS, NO_QUANTITIES, NO_QUOTES } from './articleAnalysis.ts';

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
  setDocCount(n: number): void;
  setDoc(id: number, sentence: SourceSentence): void;
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

/** Adds a saved article; `strings` is the index's table of names and figures as written. */
function addStored(raw: StoredArticle, strings: readonly string[], restore: IndexRestore): void {
  const sentences: SourceSentence[] = [];
  for (let i = 0, k = 0; k + 2 < raw.sel.length; i++, k += 3) {
    const start = raw.sel[k];
    const end = raw.sel[k + 1];
    const s = new IndexedSentence(raw.text, start, end, raw.uri, i, raw.sel[k + 2], NO_QUOTES, NO_QUANTITIES, NO_MENTIONS);
    sentences.push(s);
    restore.setDoc(raw.id0 + i, s);
  }
  for (const [i, q, n] of raw.x) {
    const s = sentences[i];
    if (!s) continue;
    if (q) s.quotes = compactQuotes(q, raw.text, restore.intern);
    if (n) {
      const figures = n as unknown as Quantity[];
      for (let k = 0; k < n.length; k++) {
        const text = strings[n[k].text];
        if (typeof text !== 'string') throw new Error(`a saved figure of ${raw.uri} has no text`);
        // In place: the parsed object becomes the Quantity.
        figures[k].text = text;
      }
      s.quantities = figures;
    }
  }
  const article: Article = { uri: raw.uri, key: raw.key, meta: raw.meta, title: raw.title, text: raw.text, bodyStart: raw.bodyStart, sentences };
  if (raw.e) article.extracted = raw.e;
  restore.addArticle(article, raw.id0);
  // The entity table is rebuilt from the mentions, as resolved in their article when saved.
  if (raw.m) {
    // Saved in sentence order: each run of one sentence's mentions becomes its list, exactly sized.
    const mentions = restore.table.restoreMentions(article.uri, raw.m, strings);
    const of = raw.m.s;
    for (let i = 0, j = 0; i < mentions.length; i = j) {
      while (j < mentions.length && of[j] === of[i]) j++;
      const s = sentences[of[i]];
      if (s) s.mentions = s.mentions === NO_MENTIONS ? mentions.slice(i, j) : [...s.mentions, ...mentions.slice(i, j)];
    }
  }
}
