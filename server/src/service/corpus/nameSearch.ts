// Fuzzy search over entity names and aliases (completion, workspace symbols). Fuse over every name took
// ~50 ms a query on 15k entities, so names that cannot match are ruled out first and Fuse scores only the
// rest. Fuse (bitap, `threshold` 0.4, location ignored) matches a name when some part of it is within
// k = ⌊0.4·m⌋ edits of the m-character pattern; Myers' bit-parallel edit distance decides exactly that, far
// cheaper. Candidates keep their order, so Fuse's ties (broken by list position) come out as over all names.

import Fuse from 'fuse.js';
import type { Entity } from '../types.ts';

interface Item {
  entity: Entity;
  name: string;
}

const THRESHOLD = 0.4;
const FUSE_OPTIONS = { keys: ['name'], threshold: THRESHOLD, ignoreLocation: true, includeScore: true };
/** Fuse splits longer patterns into chunks that match separately; those go to Fuse unfiltered. */
const MAX_FILTERED = 32;
/** What an entity's own name adds to a match's score over an alias's (complete). */
const CANONICAL = 3;

/** Case and accents folded ("Zoë" → "zoe"), as completion compares what was typed with names. */
export function foldName(s: string): string {
  // ASCII has nothing to decompose or strip (most names: a NameSearch over a working set's 60,000 names
  // is rebuilt after each fetch from an archive, and normalising was a third of it).
  return NON_ASCII.test(s) ? s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase() : s.toLowerCase();
}

const NON_ASCII = /[\u0080-\uffff]/;

/** Whether an ASCII character code splits a name's words (as `/[\s-]+/` does). */
function splitsWords(c: number): boolean {
  return c === 32 || c === 45 || (c >= 9 && c <= 13);
}

/** First two letters of each word of a folded name (words split at spaces and hyphens), each once. */
function wordHeads(folded: string): string[] {
  const heads: string[] = [];
  if (NON_ASCII.test(folded)) {
    for (const w of folded.split(/[\s-]+/)) if (w.length >= 2 && !heads.includes(w.slice(0, 2))) heads.push(w.slice(0, 2));
    return heads;
  }
  let start = 0;
  for (let i = 0; i <= folded.length; i++) {
    if (i < folded.length && !splitsWords(folded.charCodeAt(i))) continue;
    if (i - start >= 2) {
      const head = folded.slice(start, start + 2);
      if (!heads.includes(head)) heads.push(head);
    }
    start = i + 1;
  }
  return heads;
}

function charBit(c: number): number {
  return 1 << (c & 31);
}

function maxErrors(m: number): number {
  let k = 0;
  while ((k + 1) / m <= THRESHOLD) k++;
  return k;
}

export class NameSearch {
  private readonly items: Item[] = [];
  private readonly lower: string[] = [];
  private readonly masks: number[] = [];
  /** Each item's folded words, for completion by typed words (computed when first needed). */
  private readonly words: Array<string[] | undefined> = [];
  /** Items by the first two letters of a word of their name: completion only offers names with a word
   *  starting as the typed word does, so it searches those instead of every name in the corpus. */
  private readonly byHead = new Map<string, number[]>();
  private all: Fuse<Item> | undefined;

  constructor(entities: readonly Entity[]) {
    for (const entity of entities) {
      this.push(entity, entity.name);
      for (const alias of entity.aliases) if (alias !== entity.name) this.push(entity, alias);
    }
  }

  private push(entity: Entity, name: string): void {
    const lower = name.toLowerCase();
    let mask = 0;
    for (let i = 0; i < lower.length; i++) mask |= charBit(lower.charCodeAt(i));
    const index = this.items.length;
    this.items.push({ entity, name });
    this.lower.push(lower);
    this.masks.push(mask);
    for (const head of wordHeads(NON_ASCII.test(name) ? foldName(name) : lower)) {
      const list = this.byHead.get(head);
      if (list) list.push(index);
      else this.byHead.set(head, [index]);
    }
  }

  /** Entities whose name or an alias fuzzily matches, best first, each once. With `wordHead` (two folded
   *  letters), only names with a word starting so are considered. */
  search(query: string, limit: number, wordHead?: string): Entity[] {
    const seen = new Set<string>();
    const out: Entity[] = [];
    const within = wordHead === undefined ? undefined : (this.byHead.get(wordHead) ?? []);
    for (const hit of this.fuseFor(query, within).search(query, { limit: limit * 3 })) {
      if (seen.has(hit.item.entity.id)) continue;
      seen.add(hit.item.entity.id);
      out.push(hit.item.entity);
      if (out.length >= limit) break;
    }
    return out;
  }

  /**
   * Completion of the words typed so far (`typed`: the words before the cursor that may belong to the
   * name, the last one possibly partial): entities whose name or alias has a run of words that each start
   * with a typed word, in order, ranked by how well they match (the full name's first word or its surname
   * matched, name before alias, every word) and then by how much the corpus mentions them (`mentions`: a
   * corpus holding part of an archive knows the archive's counts).
   */
  complete(typed: readonly string[], limit: number, mentions: (e: Entity) => number = (e) => e.mentionCount): Entity[] {
    // "Jean-Pierre J": hyphenated words are matched word by word, as names are split.
    const words = typed.flatMap((t) => foldName(t).split('-')).filter(Boolean);
    if (!words.length) return [];
    const last = words[words.length - 1];
    const anchor = last.length >= 2 ? last : words[0];
    if (anchor.length < 2) return [];
    const within = this.byHead.get(anchor.slice(0, 2)) ?? [];
    const best = new Map<Entity, number>();
    for (const j of within) {
      const item = this.items[j];
      const nameWords = (this.words[j] ??= foldName(item.name).split(/[\s-]+/));
      let score = matchScore(words, nameWords, item.entity.kind === 'person');
      if (score < 0) continue;
      // A name over an alias, unless the corpus wrote it once: a name seen once is as likely a slip of the
      // name finder ("X City Y", two clubs run together) as a name, and must not outrank the entity
      // whose alias the writer is typing. (Asked of the names that match only: with an archive, an
      // entity's count is looked up by its name key, and a working set's name index holds thousands of
      // names a word's first two letters.)
      if (item.name === item.entity.name && mentions(item.entity) > 1) score += CANONICAL;
      const cur = best.get(item.entity);
      if (cur === undefined || score > cur) best.set(item.entity, score);
    }
    return [...best.entries()]
      .map(([e, score]) => ({ e, score, n: mentions(e) }))
      .sort((a, b) => b.score - a.score || b.n - a.n || (a.e.name < b.e.name ? -1 : 1))
      .slice(0, limit)
      .map((x) => x.e);
  }

  /** Names that could match `query` (for tests: a superset of what Fuse over all names finds), among the
   *  items numbered in `within` when given. */
  candidates(query: string, within?: readonly number[]): Item[] | undefined {
    const p = query.toLowerCase();
    const m = p.length;
    // Fuse answers a blank query with the first names unscored; long patterns are chunked by Fuse.
    if (m === 0 || m > MAX_FILTERED || !p.trim()) return undefined;
    const k = maxErrors(m);
    const ascii = new Int32Array(128);
    const other = new Map<number, number>();
    let bits = 0;
    for (let i = 0; i < m; i++) {
      const c = p.charCodeAt(i);
      bits |= charBit(c);
      if (c < 128) ascii[c] |= 1 << i;
      else other.set(c, (other.get(c) ?? 0) | (1 << i));
    }
    const high = 1 << (m - 1);
    const out: Item[] = [];
    const count = within ? within.length : this.items.length;
    for (let w = 0; w < count; w++) {
      const j = within ? within[w] : w;
      // Cheap pre-check: a match keeps at least m − k of the pattern's characters.
      const mask = this.masks[j];
      if ((mask & bits) !== bits) {
        let missing = 0;
        for (let i = 0; i < m && missing <= k; i++) if ((mask & charBit(p.charCodeAt(i))) === 0) missing++;
        if (missing > k) continue;
      }
      const text = this.lower[j];
      let pv = -1;
      let mv = 0;
      let score = m;
      let hit = score <= k;
      for (let i = 0; i < text.length && !hit; i++) {
        const c = text.charCodeAt(i);
        const eq = c < 128 ? ascii[c] : (other.get(c) ?? 0);
        const xv = eq | mv;
        const xh = ((((eq & pv) + pv) | 0) ^ pv) | eq;
        let ph = mv | ~(xh | pv);
        let mh = pv & xh;
        if (ph & high) score++;
        else if (mh & high) score--;
        ph <<= 1;
        mh <<= 1;
        pv = mh | ~(xv | ph);
        mv = ph & xv;
        if (score <= k) hit = true;
      }
      if (hit) out.push(this.items[j]);
    }
    return out;
  }

  private fuseFor(query: string, within: readonly number[] | undefined): Fuse<Item> {
    const subset = this.candidates(query, within);
    if (subset) return new Fuse(subset, FUSE_OPTIONS);
    if (within) return new Fuse(within.map((j) => this.items[j]), FUSE_OPTIONS);
    return (this.all ??= new Fuse(this.items, FUSE_OPTIONS));
  }
}

/**
 * How well typed words match a name's words: -1 when they do not (each typed word must start a name word,
 * consecutive and in order; the last one may be partial, the others whole words or initials). Higher is
 * better: the whole name typed from its start or a person's surname typed alone rank above a middle
 * word; more typed words matched above fewer. (The entity's own name over an alias: `complete` adds it.)
 */
export function matchScore(typed: readonly string[], name: readonly string[], person: boolean): number {
  const n = typed.length;
  let bestAt = -1;
  for (let at = 0; at + n <= name.length && bestAt < 0; at++) {
    let ok = true;
    for (let i = 0; i < n && ok; i++) {
      const t = typed[i];
      const w = name[at + i];
      ok = i === n - 1 ? w.startsWith(t) : w === t || (t.length === 1 && w.startsWith(t)) || (t.endsWith('.') && w.startsWith(t.slice(0, -1)));
    }
    if (ok) bestAt = at;
  }
  if (bestAt < 0) return gapScore(typed, name);
  let score = n * 10;
  // "Gordon B…", "Gor…"; a one-word name typed from its start too ("Chel…" for Chelsea, which two-word
  // names ending in "Chelsea", slips of the name finder among them, outranked as if it were a surname).
  if (bestAt === 0) score += 6;
  // A person's surname: "Brow…". Not another name's last word: "Lab" is not typed for "Fraunhofer
  // German-Sino Lab" nor "Man" for "Isle of Man", and two names the name finder ran together ("Bolton
  // Arsenal") must not rank with the club they end with.
  if (person && n === 1 && bestAt === name.length - 1 && name.length >= 2) score += 6;
  if (bestAt + n === name.length && name[name.length - 1] === typed[n - 1]) score += 2; // typed in full
  return score;
}

/** The given name typed whole and later words' starts with words skipped between them ("Jose R" for
 *  "Jose Antonio Reyes", "Robert N" for "Robert De Niro"): below a match without gaps; -1 when none. */
function gapScore(typed: readonly string[], name: readonly string[]): number {
  const n = typed.length;
  if (n < 2 || name.length <= n || name[0] !== typed[0]) return -1;
  let at = 1;
  let skipped = 0;
  for (let i = 1; i < n; i++) {
    const t = typed[i];
    const last = i === n - 1;
    while (at < name.length && !(last ? name[at].startsWith(t) : name[at] === t || (t.length === 1 && name[at].startsWith(t)))) {
      at++;
      skipped++;
    }
    if (at >= name.length) return -1;
    at++;
  }
  return n * 10 + 6 - Math.min(skipped, 5);
}
