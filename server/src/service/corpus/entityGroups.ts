// The entity table's data: one article's resolved mentions stored by column (`Packed`), the mentions of
// one name key across articles (`Group`), and small helpers on their kind votes.

import type { EntityKind, Mention } from '../types.ts';
import type { LazyEntity } from './entityList.ts';
import { remadeMention } from './names.ts';
import { int32s } from '../util/slab.ts';

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

/** One article's mentions, as found and as resolved in the article, by column (in the order given, which
 *  is sentence order): a mention object for each of the 2 million mentions of 50,000 articles was a
 *  sixth of the index's memory. An indexed article makes its sentences' mentions from these (mentionAt). */
export interface Packed {
  uri: string;
  n: number;
  /** Start, end and flags as found (kind index | WEAK_FLAG) of each mention. */
  span: Int32Array;
  /** Each mention's text as written. */
  surface: string[];
  /** Roles by mention index, when any mention has one. */
  roles?: Map<number, string>;
  /** Sentence index << 3 | flags (kind index | WEAK_FLAG) as resolved in the article. */
  code: Int32Array;
  /** Key of the name each mention stands for in its article. */
  target: string[];
  /** [acronym key, the name it was written after]. */
  acronyms?: Array<[string, string]>;
  /** Set when the article is taken out of the table: its groups' article lists drop it lazily. */
  gone?: boolean;
}

/** Mention `i` as the analysis made it. */
export function mentionAt(p: Packed, i: number): Mention {
  const f = p.span[3 * i + 2];
  return remadeMention(p.span[3 * i], p.span[3 * i + 1], p.surface[i], KINDS[f & 3], p.roles?.get(i), (f & WEAK_FLAG) !== 0);
}

export function startOf(p: Packed, i: number): number {
  return p.span[3 * i];
}

export function sentenceOf(p: Packed, i: number): number {
  return p.code[i] >> 3;
}

export function flagsAt(p: Packed, i: number): number {
  return p.code[i] & 7;
}

/** Counts `n` mentions of these flags (flagsOf) in a group's votes: a kind known from the name 3, a guess 1. */
export function addVotes(g: Pick<Group, 'votes' | 'strongPerson' | 'strongOther'>, flags: number, n: number): void {
  const kind = KINDS[flags & 3];
  const weak = (flags & WEAK_FLAG) !== 0;
  g.votes[kind] += n * (weak ? 1 : 3);
  if (!weak) {
    if (kind === 'person') g.strongPerson += n;
    else g.strongOther += n;
  }
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
  /** What short forms find an organisation's key by (shortForms.ts), made once: it is the key's alone. */
  forms?: OrgForms;
}

/** An organisation's key as shorter names find it: the suffixes a qualifier begins ("welsh liberal
 *  democrats" → "liberal democrats"), its initials (three words or more) and its shape (shortForms.ts). */
export interface OrgForms {
  suffixes: string[];
  initials: string | undefined;
  shape: string;
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

/** An empty store of `n` mentions (filled by the caller). */
export function packed(uri: string, n: number): Packed {
  return { uri, n, span: int32s(3 * n), surface: new Array<string>(n), code: int32s(n), target: new Array<string>(n) };
}

/** `mentions`: the mentions as found, one for each site (`mentions[i]` is the mention `sites[i]` was made
 *  from; resolution may change a site's kind). */
export function pack(uri: string, sites: Site[], mentions: readonly Mention[]): Packed {
  const n = sites.length;
  const p = packed(uri, n);
  for (let i = 0; i < n; i++) {
    const s = sites[i];
    const m = mentions[i];
    p.span[3 * i] = m.start;
    p.span[3 * i + 1] = m.end;
    p.span[3 * i + 2] = flagsOf(m.kind, m.weak === true);
    p.surface[i] = m.text;
    if (m.role !== undefined) (p.roles ??= new Map()).set(i, m.role);
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

export function pickTop<G extends Pick<Group, 'count' | 'key'>>(gs: G[]): G {
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

/** The kind most voted for; at equal votes the first of KINDS, organisation before the later ones when
 *  none is voted more than it (named comparisons: a loop over KINDS was a tenth of a rebuild). */
export function topKind(v: Record<EntityKind, number>): EntityKind {
  let best: EntityKind = 'organization';
  let n = v.organization;
  if (v.person > n) {
    best = 'person';
    n = v.person;
  }
  if (v.place > n) {
    best = 'place';
    n = v.place;
  }
  return v.event > n ? 'event' : best;
}

export function rootOf(g: Group): Group {
  let r = g;
  for (let i = 0; r.into && i < 8; i++) r = r.into;
  return r;
}
