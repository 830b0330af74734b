// Near-duplicate articles: the same wire story republished, lightly edited, cut short or machine-"spun"
// (words swapped for synonyms). Such copies are one source, not several: a claim three copies of one
// story back has one independent source.
//
// Each article is sketched by a hash-sampled set of its word pairs (every word pair whose hash falls in
// one of SAMPLE buckets; the same pairs are sampled in every article, so two copies keep the same
// samples). Pairs of articles sharing a rare sample are candidates; a candidate pair is a near
// duplicate when most of the shorter article's samples are in the longer one (containment: a copy cut
// short still matches). Groups are the connected components. Sketches are kept per article object, so
// regrouping after an edit only sketches the changed article.

import type { Article } from '../api.ts';

export interface DuplicateTuning {
  /** Words per shingle. */
  gram: number;
  /** One shingle in SAMPLE is kept. */
  sample: number;
  /** Smallest samples an article is indexed under. */
  bottom: number;
  /** Samples shared by more articles than this do not make candidates (they are phrases, not copies). */
  maxPosting: number;
  /** Share of the shorter article's samples found in the other that makes a near duplicate. */
  containment: number;
  /** Articles with fewer samples than this are never grouped (too short to tell a copy from a phrase). */
  minSamples: number;
}

export const duplicateTuning: DuplicateTuning = { gram: 2, sample: 4, bottom: 24, maxPosting: 64, containment: 0.7, minSamples: 12 };

/** A group of near-duplicate articles (uris in corpus order); a single article is a group of one. */
export interface DuplicateGroup {
  id: number;
  uris: string[];
}

const WORD = /[\p{L}\p{N}]+/gu;

/** FNV-1a over a string, 32 bits. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The sorted, distinct sampled shingle hashes of an article's body. */
export function sketch(text: string, tuning: DuplicateTuning = duplicateTuning): Uint32Array {
  const words = (text.toLowerCase().match(WORD) ?? []).map(fnv1a);
  const kept = new Set<number>();
  for (let i = 0; i + tuning.gram <= words.length; i++) {
    let h = 0;
    for (let k = 0; k < tuning.gram; k++) h = mix(Math.imul(h, 0x9e3779b1) ^ words[i + k]);
    if (h % tuning.sample === 0) kept.add(h);
  }
  return Uint32Array.from(kept).sort();
}

/** A 32-bit finaliser (murmur3's), so shingle hashes spread over the sample buckets. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function shared(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      n++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return n;
}

/** Share of the shorter sketch's samples found in the other (0 when either is too short to tell). */
export function containment(a: Uint32Array, b: Uint32Array, tuning: DuplicateTuning = duplicateTuning): number {
  const small = Math.min(a.length, b.length);
  if (small < tuning.minSamples) return 0;
  return shared(a, b) / small;
}

export interface Grouping {
  byUri: Map<string, DuplicateGroup>;
  list: DuplicateGroup[];
}

export class DuplicateIndex {
  private readonly sketches = new WeakMap<Article, Uint32Array>();
  private groups: { key: unknown; grouping: Grouping } | undefined;

  constructor(private readonly tuning: DuplicateTuning = duplicateTuning) {}

  /** The groups of `articles`, recomputed when `key` changes: every article is in exactly one group. */
  grouping(articles: Iterable<Article>, key: unknown): Grouping {
    if (this.groups && this.groups.key === key) return this.groups.grouping;
    const grouping = this.among([...articles]);
    this.groups = { key, grouping };
    return grouping;
  }

  /** The groups among these articles only, not kept: which of them are near duplicates of one another. */
  among(articles: Article[]): Grouping {
    const steps = this.build(articles);
    let r = steps.next();
    while (!r.done) r = steps.next();
    return r.value;
  }

  /** The same, in slices of `sliceMs` with `pause()` between them, so requests are answered meanwhile. */
  async groupingInSlices(articles: Iterable<Article>, key: unknown, pause: () => Promise<void>, sliceMs: number): Promise<Grouping> {
    if (this.groups && this.groups.key === key) return this.groups.grouping;
    const steps = this.build([...articles]);
    let t = performance.now();
    let r = steps.next();
    while (!r.done) {
      if (performance.now() - t > sliceMs) {
        await pause();
        t = performance.now();
      }
      r = steps.next();
    }
    this.groups = { key, grouping: r.value };
    return r.value;
  }

  /** Sketches every article, then groups; yields now and then (a generator, so callers choose how to pause). */
  private *build(list: Article[]): Generator<void, Grouping> {
    const sk: Uint32Array[] = [];
    for (const a of list) {
      sk.push(this.sketchOf(a));
      if (sk.length % 64 === 0) yield;
    }
    const parent = list.map((_, i) => i);
    const find = (i: number): number => {
      while (parent[i] !== i) {
        parent[i] = parent[parent[i]];
        i = parent[i];
      }
      return i;
    };
    // Each article is indexed under its `bottom` smallest samples (a min-hash sketch); every article probes
    // the index with all its samples, so a short copy inside a longer article is found from the longer.
    const postings = new Map<number, number[]>();
    sk.forEach((s, i) => {
      if (s.length < this.tuning.minSamples) return;
      for (let k = 0; k < Math.min(this.tuning.bottom, s.length); k++) {
        const p = postings.get(s[k]);
        if (p) p.push(i);
        else postings.set(s[k], [i]);
      }
    });
    yield;
    const counts = new Int32Array(list.length);
    const touched: number[] = [];
    for (let i = 0; i < list.length; i++) {
      if (i % 64 === 63) yield;
      if (sk[i].length < this.tuning.minSamples) continue;
      for (const h of sk[i]) {
        const p = postings.get(h);
        if (!p || p.length > this.tuning.maxPosting) continue;
        for (const j of p) {
          if (j !== i && counts[j]++ === 0) touched.push(j);
        }
      }
      for (const j of touched) {
        if (counts[j] >= 2 && find(i) !== find(j) && containment(sk[i], sk[j], this.tuning) >= this.tuning.containment) {
          parent[find(j)] = find(i);
        }
        counts[j] = 0;
      }
      touched.length = 0;
    }
    const byRoot = new Map<number, DuplicateGroup>();
    const byUri = new Map<string, DuplicateGroup>();
    const groups: DuplicateGroup[] = [];
    list.forEach((a, i) => {
      const root = find(i);
      let g = byRoot.get(root);
      if (!g) {
        g = { id: groups.length, uris: [] };
        byRoot.set(root, g);
        groups.push(g);
      }
      g.uris.push(a.uri);
      byUri.set(a.uri, g);
    });
    return { byUri, list: groups };
  }

  private sketchOf(a: Article): Uint32Array {
    let s = this.sketches.get(a);
    if (!s) this.sketches.set(a, (s = sketch(a.text.slice(a.bodyStart), this.tuning)));
    return s;
  }
}

/** The grouping of `articles` whose groups of several articles are `groups` (uri lists, as a saved index
 *  holds them): every other article is a group of one. */
export function groupingOf(articles: Iterable<Article>, groups: readonly (readonly string[])[]): Grouping {
  const byUri = new Map<string, DuplicateGroup>();
  const list: DuplicateGroup[] = [];
  for (const uris of groups) {
    const g: DuplicateGroup = { id: list.length, uris: [...uris] };
    list.push(g);
    for (const uri of uris) byUri.set(uri, g);
  }
  for (const a of articles) {
    if (byUri.has(a.uri)) continue;
    const g: DuplicateGroup = { id: list.length, uris: [a.uri] };
    list.push(g);
    byUri.set(a.uri, g);
  }
  return { byUri, list };
}

/** "2 independent sources (3 articles)", "1 source": how many stories back a claim, and in how many copies. */
export function independenceText(independent: number, articles: number): string {
  const sources = `${independent} ${independent === 1 ? 'independent source' : 'independent sources'}`;
  if (articles === independent) return independent === 1 ? '1 source' : `${independent} independent sources`;
  return `${sources} (${articles} articles)`;
}
