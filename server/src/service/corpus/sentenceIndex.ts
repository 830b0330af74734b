// BM25 index over corpus sentences: an inverted index of stemmed terms to sentence ids. It scores exactly
// like minisearch 7 with one field and default options (BM25+ k=1.2 b=0.7 d=0.5, OR of query terms, score
// times the number of distinct query terms matched, ties in first-match order), which it replaced: a Map of
// Maps per term and document cost ~1 KB per sentence and most of the indexing time.

import { STOPWORDS, stem, tokenize } from '../text/words.ts';

const K = 1.2;
const B = 0.7;
const D = 0.5;
const MEMO_LIMIT = 300_000;
/** Postings this long are worth a typed array; shorter ones are smaller as plain arrays. */
const TYPED_FROM = 8;

/** Terms as the index sees them: folded, stop words dropped, stemmed. Shared with the checker. */
export function searchTerm(term: string): string | null {
  if (term.length === 0 || STOPWORDS.has(term)) return null;
  return stem(term);
}

/** Token norms of a text (what the field length counts) . */
export function searchTokens(text: string): string[] {
  const tokens = tokenize(text);
  const out = new Array<string>(tokens.length);
  for (let i = 0; i < tokens.length; i++) out[i] = tokens[i].norm;
  return out;
}

/** A sentence's search terms, one per token that has one (in order, repeats kept), and its field length
 *  (distinct tokens), as `SentenceIndex.add` counts them: computed apart (in a worker thread) they are
 *  added with `addTerms`. Memoises the term of each token. */
export class SentenceTerms {
  /** Token norm → its search term, and the last sentence it was counted in (distinct tokens per sentence). */
  private readonly memo = new Map<string, { term: string | null; seen: number }>();
  private seq = 0;

  of(text: string): { terms: string[]; length: number } {
    const memo = this.memo;
    if (memo.size >= MEMO_LIMIT) memo.clear();
    const seq = ++this.seq;
    let length = 0;
    const terms: string[] = [];
    for (const token of tokenize(text)) {
      let info = memo.get(token.norm);
      if (!info) memo.set(token.norm, (info = { term: searchTerm(token.norm), seen: 0 }));
      if (info.seen !== seq) {
        info.seen = seq;
        length++;
      }
      if (info.term) terms.push(info.term);
    }
    return { terms, length };
  }
}

/** Ids of the sentences holding a term, ascending; an id repeats once per extra occurrence (term frequency). */
interface Posting {
  /** A plain array while short; from TYPED_FROM ids on a typed array with room to grow (half the memory of
   *  a number array, and no conversion back and forth as a bulk index adds to it). */
  ids: number[] | Int32Array;
  /** How many entries of `ids` are used. */
  n: number;
  /** Distinct live ids. */
  df: number;
}

/** Corpus-wide statistics that replace the index's own when it holds only part of a corpus (a working set
 *  fetched from an archive): scores then equal those over the whole corpus. */
export interface SearchStats {
  sentences: number;
  avgLength: number;
  /** Sentences holding the term in the whole corpus; undefined when not known (the index's own count serves). */
  df(term: string): number | undefined;
}

export interface SearchHit {
  id: number;
  score: number;
}

interface Serialised {
  v: 1;
  avg: number;
  live: number;
  /** Field length per id, -1 for ids not (or no longer) indexed. */
  lens: number[];
  terms: string[];
  /** Per term: ids delta-encoded (0 = the previous id again). */
  ids: number[][];
}

export class SentenceIndex {
  private postings = new Map<string, Posting>();
  private lens: number[] = [];
  private live = 0;
  private avg = 0;
  private dead = 0;
  private readonly terms = new SentenceTerms();
  /** Terms by their first letters (`hasPrefixIn`); dropped when a term comes or goes. */
  private byPrefix: { length: number; terms: Map<string, string[]> } | undefined;

  /** Set for a partial index: corpus-wide N, average length and document frequencies (see SearchStats). */
  stats: SearchStats | undefined;

  get size(): number {
    return this.live;
  }

  /** Average field length (distinct tokens per sentence). */
  get averageLength(): number {
    return this.avg;
  }

  /** Indexes a sentence under a new id (ids must be added in increasing order). */
  add(id: number, text: string): void {
    const { terms, length } = this.terms.of(text);
    this.addTerms(id, terms, length);
  }

  /** Indexes a sentence by its terms and field length (see SentenceTerms). */
  addTerms(id: number, terms: readonly string[], length: number): void {
    for (const term of terms) {
      const p = this.postings.get(term);
      if (!p) {
        // Most terms are in one sentence or two: a one-element literal, not [] with room for 16.
        this.postings.set(term, { ids: [id], n: 1, df: 1 });
        this.byPrefix = undefined;
        continue;
      }
      // A sentence's occurrences of a term are pushed together, so a repeat is the last id again.
      if (p.ids[p.n - 1] !== id) p.df++;
      append(p, id);
    }
    // Running average exactly as minisearch computes it, so scores are bit-identical.
    this.avg = (this.avg * this.live + length) / (this.live + 1);
    this.live++;
    while (this.lens.length < id) this.lens.push(-1);
    this.lens[id] = length;
  }

  /** Drops a sentence; `text` must be the text it was added with. Postings are cleaned in bulk later. */
  remove(id: number, text: string): void {
    const length = this.lens[id];
    if (length === undefined || length < 0) return;
    if (this.live === 1) this.avg = 0;
    else this.avg = (this.avg * this.live - length) / (this.live - 1);
    this.live--;
    this.lens[id] = -1;
    const seen = new Set<string>();
    for (const norm of searchTokens(text)) {
      const term = searchTerm(norm);
      if (!term || seen.has(term)) continue;
      seen.add(term);
      const p = this.postings.get(term);
      if (p && --p.df === 0) {
        this.postings.delete(term);
        this.byPrefix = undefined;
      }
    }
    if (++this.dead > 1000 && this.dead * 2 > this.live) this.vacuum();
  }

  /** Number of sentences containing a term. */
  documentFrequency(term: string): number {
    return this.postings.get(term)?.df ?? 0;
  }

  /** Whether one of the sentences `from` … `to - 1` holds the term (a binary search of its posting). */
  hasTermIn(term: string, from: number, to: number): boolean {
    const p = this.postings.get(term);
    return !!p && anyInRange(p.ids, p.n, from, to);
  }

  /** Whether one of the sentences `from` … `to - 1` holds a term at least as long as the prefix that starts with it. */
  hasPrefixIn(prefix: string, from: number, to: number): boolean {
    if (this.byPrefix?.length !== prefix.length) {
      const terms = new Map<string, string[]>();
      for (const term of this.postings.keys()) {
        if (term.length < prefix.length) continue;
        const key = term.slice(0, prefix.length);
        const list = terms.get(key);
        if (list) list.push(term);
        else terms.set(key, [term]);
      }
      this.byPrefix = { length: prefix.length, terms };
    }
    for (const term of this.byPrefix.terms.get(prefix) ?? []) if (this.hasTermIn(term, from, to)) return true;
    return false;
  }

  /** Sentences matching any query term, best first; at most `limit` of them. */
  search(query: string, limit = Infinity): SearchHit[] {
    // Scores accumulate in arrays indexed by sentence id (a Map of hits cost a third of a check);
    // `stamp` tells which entries belong to this query, `touched` keeps the order ids were first met.
    const scratch = this.scratchFor(this.lens.length);
    const stamp = ++scratch.query;
    const done = new Set<string>();
    const touched: number[] = [];
    const stats = this.stats;
    const n = stats ? stats.sentences : this.live;
    const lens = this.lens;
    const avg = stats ? stats.avgLength : this.avg;
    for (const norm of searchTokens(query)) {
      const term = searchTerm(norm);
      if (!term) continue;
      const p = this.postings.get(term);
      if (!p) continue;
      const repeat = done.has(term);
      done.add(term);
      const df = (stats && stats.df(term)) ?? p.df;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      const ids = p.ids;
      const count = p.n;
      for (let i = 0; i < count; ) {
        const id = ids[i];
        let j = i + 1;
        while (j < count && ids[j] === id) j++;
        const tf = j - i;
        i = j;
        const length = lens[id];
        if (length < 0) continue;
        const score = idf * (D + (tf * (K + 1)) / (tf + K * (1 - B + (B * length) / avg)));
        if (scratch.stamps[id] !== stamp) {
          scratch.stamps[id] = stamp;
          scratch.scores[id] = score;
          scratch.terms[id] = 1;
          touched.push(id);
        } else {
          scratch.scores[id] += score;
          if (!repeat) scratch.terms[id]++;
        }
      }
    }
    for (const id of touched) scratch.scores[id] *= scratch.terms[id];
    return topByScore(touched, scratch.scores, limit);
  }

  private scratch: { scores: Float64Array; terms: Uint32Array; stamps: Uint32Array; query: number } | undefined;

  /** Per-sentence accumulators for `search`, grown with the index (16 bytes a sentence). */
  private scratchFor(size: number): { scores: Float64Array; terms: Uint32Array; stamps: Uint32Array; query: number } {
    if (!this.scratch || this.scratch.scores.length < size || this.scratch.query >= 0xffffffff) {
      const room = Math.max(size, Math.ceil((this.scratch?.scores.length ?? 0) * 1.25), 1024);
      this.scratch = { scores: new Float64Array(room), terms: new Uint32Array(room), stamps: new Uint32Array(room), query: 0 };
    }
    return this.scratch;
  }

  /** Copies short postings that grew by push (room for 16 or more) to their exact length; called when a
   *  bulk index ends. Typed postings keep their spare room: trimming them all would pause the server. */
  compact(): void {
    for (const p of this.postings.values()) if (Array.isArray(p.ids) && p.n > 1) p.ids = p.ids.slice(0, p.n);
  }

  private vacuum(): void {
    for (const [term, p] of this.postings) {
      const kept: number[] = [];
      for (let i = 0; i < p.n; i++) if (this.lens[p.ids[i]] >= 0) kept.push(p.ids[i]);
      if (kept.length) {
        p.ids = kept.length >= TYPED_FROM ? Int32Array.from(kept) : kept;
        p.n = kept.length;
      } else {
        this.postings.delete(term);
        this.byPrefix = undefined;
      }
    }
    this.dead = 0;
  }

  /** The index as JSON lines: a head (lengths) then postings in chunks, so no single string is huge. */
  *toLines(termsPerLine = 4096): Generator<string> {
    if (this.dead) this.vacuum();
    const head: SerialisedHead = { v: 1, avg: this.avg, live: this.live, terms: this.postings.size, lens: this.lens };
    yield JSON.stringify(head);
    let terms: string[] = [];
    let ids: number[][] = [];
    for (const [term, p] of this.postings) {
      terms.push(term);
      ids.push(deltaEncode(p.ids, p.n));
      if (terms.length >= termsPerLine) {
        yield JSON.stringify({ terms, ids } satisfies SerialisedChunk);
        terms = [];
        ids = [];
      }
    }
    if (terms.length) yield JSON.stringify({ terms, ids } satisfies SerialisedChunk);
  }

  /** Reads what `toLines` wrote (parsed); undefined when a part is missing or malformed. */
  static reader(head: unknown): SentenceIndexReader | undefined {
    const d = head as SerialisedHead;
    if (!d || d.v !== 1 || !Array.isArray(d.lens) || typeof d.avg !== 'number' || typeof d.live !== 'number' || typeof d.terms !== 'number') return undefined;
    const index = new SentenceIndex();
    index.avg = d.avg;
    index.live = d.live;
    index.lens = d.lens;
    let expected = d.terms;
    return {
      add(chunk: unknown): boolean {
        const c = chunk as SerialisedChunk;
        if (!c || !Array.isArray(c.terms) || !Array.isArray(c.ids) || c.terms.length !== c.ids.length) return false;
        for (let t = 0; t < c.terms.length; t++) {
          const p = deltaDecode(c.ids[t]);
          if (!p) return false;
          index.postings.set(c.terms[t], p);
        }
        expected -= c.terms.length;
        return true;
      },
      done: () => (expected === 0 ? index : undefined),
    };
  }

  toJSON(): Serialised {
    if (this.dead) this.vacuum();
    const terms: string[] = [];
    const ids: number[][] = [];
    for (const [term, p] of this.postings) {
      terms.push(term);
      ids.push(deltaEncode(p.ids, p.n));
    }
    return { v: 1, avg: this.avg, live: this.live, lens: this.lens, terms, ids };
  }

  static fromJSON(data: unknown): SentenceIndex | undefined {
    const d = data as Serialised;
    if (!d || !Array.isArray(d.terms) || !Array.isArray(d.ids)) return undefined;
    const reader = SentenceIndex.reader({ v: d.v, avg: d.avg, live: d.live, lens: d.lens, terms: d.terms.length });
    if (!reader || !reader.add({ terms: d.terms, ids: d.ids })) return undefined;
    return reader.done();
  }
}

export interface SentenceIndexReader {
  /** Adds one chunk of postings; false if it is malformed. */
  add(chunk: unknown): boolean;
  /** The index, once every term announced by the head has come. */
  done(): SentenceIndex | undefined;
}

interface SerialisedHead {
  v: 1;
  avg: number;
  live: number;
  /** Number of terms in the chunks that follow. */
  terms: number;
  lens: number[];
}

interface SerialisedChunk {
  terms: string[];
  ids: number[][];
}

/** Adds an id at the end of a posting, turning it typed once it is long and growing it by half. */
function append(p: Posting, id: number): void {
  if (Array.isArray(p.ids)) {
    if (p.n + 1 < TYPED_FROM) {
      p.ids.push(id);
      p.n++;
      return;
    }
    const typed = new Int32Array(TYPED_FROM * 2);
    typed.set(p.ids);
    p.ids = typed;
  } else if (p.n === p.ids.length) {
    const grown = new Int32Array(p.n + (p.n >> 1));
    grown.set(p.ids);
    p.ids = grown;
  }
  p.ids[p.n++] = id;
}

/** Whether the first `n` ids of an ascending id list hold an id in [from, to). */
function anyInRange(ids: ArrayLike<number>, n: number, from: number, to: number): boolean {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ids[mid] < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < n && ids[lo] < to;
}

function deltaEncode(ids: ArrayLike<number>, n: number): number[] {
  const d = new Array<number>(n);
  let prev = 0;
  for (let i = 0; i < n; i++) {
    d[i] = ids[i] - prev;
    prev = ids[i];
  }
  return d;
}

function deltaDecode(delta: unknown): Posting | undefined {
  if (!Array.isArray(delta)) return undefined;
  const n = delta.length;
  const ids = n >= TYPED_FROM ? new Int32Array(n) : new Array<number>(n);
  let prev = 0;
  let df = 0;
  for (let i = 0; i < n; i++) {
    if (delta[i] !== 0 || i === 0) df++;
    ids[i] = prev += delta[i];
  }
  return { ids, n, df };
}

/** The `limit` best of the touched ids (`scores` by id), sorted by score; equal scores keep their order
 *  (as a stable full sort would). Hit objects are made only for ids that can make the cut. */
function topByScore(touched: readonly number[], scores: Float64Array, limit: number): SearchHit[] {
  let cut = -Infinity;
  if (touched.length > limit * 4 && limit < 1000) {
    // The limit-th best score is the cut-off.
    const best = new Float64Array(limit).fill(-Infinity); // ascending; best[0] is the cut-off
    for (const id of touched) {
      const score = scores[id];
      if (score <= best[0]) continue;
      let i = 1;
      while (i < limit && best[i] < score) {
        best[i - 1] = best[i];
        i++;
      }
      best[i - 1] = score;
    }
    cut = best[0];
  }
  const hits: SearchHit[] = [];
  for (const id of touched) if (scores[id] >= cut) hits.push({ id, score: scores[id] });
  hits.sort((a, b) => b.score - a.score);
  return hits.length > limit ? hits.slice(0, limit) : hits;
}
