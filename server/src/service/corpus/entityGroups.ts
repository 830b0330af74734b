// The entity table's data: one article's resolved mentions stored by column (`Packed`), the mentions of
// one name key across articles (`Group`), and small helpers on their kind votes.

import type { EntityKind, Mention } from '../types.ts';
import type { LazyEntity } from './entityList.ts';

export const KINDS: readonly EntityKind[] = ['person', 'organization', 'place', 'event'];
export const WEAK_FLAG = 4;
/** Groups handled between checks of the time slice in a sliced rebuild. */
export const STEP = 512;

export function flagsOf(kind: EntityKind, weak: boolean): number {
  return KINDS.indexOf(kind) | (weak ? WEAK_FLAG : 0);
}

/** A mention while its article is resolved on its own. */
export interface Site {
  sentence: number;
  start: number;
  end: number;
  surface: string;
  kind: EntityKind;
  weak: boolean;
  role?: string;
  key: string; // nameKey of the surface (gazetteer aliases applied)
  target: string; // key of the name this mention stands for in its article
  acronymOf?: string; // "(FDD)" right after "Foundation for Defense of Democracies"
}

/** One article's mentions as resolved in the article. The mentions themselves are the article's (the
 *  objects its sentences hold, in order): only what resolution adds is stored here, by column. */
export interface Packed {
  uri: string;
  n: number;
  mentions: readonly Mention[];
  /** Sentence index << 3 | flags (kind index | WEAK_FLAG) as resolved in the article. */
  code: Int32Array;
  /** Key of the name each mention stands for in its article. */
  target: string[];
  /** [acronym key, the name it was written after]. */
  acronyms?: Array<[string, string]>;
  /** Set when the article is taken out of the table: its groups' article lists drop it lazily. */
  gone?: boolean;
}

export function sentenceOf(p: Packed, i: number): number {
  return p.code[i] >> 3;
}

export function flagsAt(p: Packed, i: number): number {
  return p.code[i] & 7;
}

/** All mentions that stand for one name key, kept up to date as articles come and go. */
export interface Group {
  key: string;
  words: number;
  count: number;
  /** The spelling of all `count` mentions when they share one (most groups: no Map for them), else the
   *  spellings with their counts (see surfacesOf). */
  surface?: string;
  surfaces?: Map<string, number>;
  votes: Record<EntityKind, number>;
  strongOther: number; // strong votes for non-person kinds
  strongPerson: number;
  /** Articles with mentions in this group, each once; `dead` of them are gone (dropped from the list
   *  when they are half of it: dropping each at once cost a pass over the list per article removed). */
  articles: Packed[];
  dead: number;
  /** The number of the last resolution begun when the group's mentions last changed (see `materialise`). */
  changed: number;
  /** The entity made from this group and those merged into it, when it was their root. */
  made?: LazyEntity;
  into?: Group; // set by each build
}

/** Takes the articles that are gone out of a group's list. */
export function dropGone(g: Group): void {
  g.articles = g.articles.filter((a) => !a.gone);
  g.dead = 0;
}

export function emptyVotes(): Record<EntityKind, number> {
  return { person: 0, organization: 0, place: 0, event: 0 };
}

/** Counts a mention spelled `surface` into (sign 1) or out of (-1) a group, before `count` changes. */
export function countSurface(g: Group, surface: string, sign: 1 | -1): void {
  if (g.surfaces) {
    bump(g.surfaces, surface, sign);
    if (g.surfaces.size === 1) {
      for (const only of g.surfaces.keys()) g.surface = only;
      g.surfaces = undefined;
    }
  } else if (g.count === 0 || g.surface === surface) {
    if (sign > 0) g.surface = surface;
  } else if (sign > 0) {
    g.surfaces = new Map([[g.surface as string, g.count], [surface, 1]]);
    g.surface = undefined;
  }
}

/** A group's spellings with their counts. */
export function surfacesOf(g: Group): Map<string, number> {
  return g.surfaces ?? new Map(g.surface !== undefined && g.count > 0 ? [[g.surface, g.count]] : []);
}

/** Keeps a map of counts: adds `by` (negative to take away) and drops keys that reach zero. */
export function bump<K>(m: Map<K, number>, k: K, by: number): void {
  const n = (m.get(k) ?? 0) + by;
  if (n > 0) m.set(k, n);
  else m.delete(k);
}

/** `mentions[i]` is the mention `sites[i]` was made from. */
export function pack(uri: string, sites: Site[], mentions: readonly Mention[]): Packed {
  const n = sites.length;
  const p: Packed = { uri, n, mentions, code: new Int32Array(n), target: new Array<string>(n) };
  for (let i = 0; i < n; i++) {
    const s = sites[i];
    p.code[i] = (s.sentence << 3) | flagsOf(s.kind, s.weak);
    p.target[i] = s.target;
    if (s.acronymOf) (p.acronyms ??= []).push([s.key, s.acronymOf]);
  }
  return p;
}

export function push<K, T>(m: Map<K, T[]>, k: K, v: T): void {
  const a = m.get(k);
  if (a) a.push(v);
  else m.set(k, [v]);
}

export function pickTop(gs: Group[]): Group {
  let best = gs[0];
  for (const g of gs) if (g.count > best.count || (g.count === best.count && g.key < best.key)) best = g;
  return best;
}

export function argmax(m: Map<string, number>): string {
  let best = '';
  let n = -1;
  for (const [k, v] of m) if (v > n || (v === n && k < best)) [best, n] = [k, v];
  return best;
}

export function topKind(v: Record<EntityKind, number>): EntityKind {
  let best: EntityKind = 'organization';
  for (const k of KINDS) if (v[k] > v[best]) best = k;
  return best;
}

export function rootOf(g: Group): Group {
  let r = g;
  for (let i = 0; r.into && i < 8; i++) r = r.into;
  return r;
}
