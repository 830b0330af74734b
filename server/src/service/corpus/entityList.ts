// The resolved entity list: merged groups become entities (kind decided across the corpus, canonical
// name, aliases), with lookup tables by key and by surname; mentions and roles are gathered lazily.

import type { Entity, EntityKind, EntityRole, SourceLocation } from '../types.ts';
import { decideKinds, type KindCandidate } from './entityKinds.ts';
import { rankRoles } from './cardFacts.ts';
import { emptyVotes, KINDS, rootOf, sentenceOf, startOf, surfacesOf, STEP, topKind, type Group, type Packed } from './entityGroups.ts';
import { nameKey, wordCount } from './entityKeys.ts';
import { lookupsOf, type Lookups } from './entityLookups.ts';

export interface Resolved extends Lookups {
  list: Entity[];
}

/**
 * Entities of the merged groups. `resolution` numbers this resolution (each greater than the last): an
 * entity a previous one made is kept when its groups are the same and none changed since (`changed`, set
 * as mentions are counted, is below the entity's `made` number) and its kind is decided the same; a
 * rebuild after a few articles changed makes only their names' entities again. `keepLookups`: entities
 * keep their look-up keys for the next resolution (while a bulk index goes on; not for its last one).
 * `previous`: the last resolution, whose order the entities kept from it keep (see byMentions) and
 * whose look-up maps are updated for this one where they can be (entityLookups.ts).
 */
export function* materialise(
  groups: Map<string, Group>,
  canon: (surface: string) => string,
  resolution: number,
  keepLookups = true,
  previous?: Resolved,
): Generator<void, Resolved> {
  // Gather each root with the groups merged into it (a root alone, most of them, with no list of its own).
  const members = new Map<Group, Group | Group[]>();
  let n = 0;
  for (const g of groups.values()) {
    if (++n % STEP === 0) yield;
    const root = rootOf(g);
    if (root !== g) g.made = undefined;
    const m = members.get(root);
    if (m === undefined) members.set(root, g);
    else if (Array.isArray(m)) m.push(g);
    else members.set(root, [m, g]);
  }
  // A root alone keeps its own votes, and its spellings are read only for an entity made anew. An entity
  // kept (its groups unchanged) has the same evidence for its kind as when it was made. A root of several
  // groups has their evidence summed (`several`).
  const kepts: Array<LazyEntity | undefined> = [];
  const several = new Map<Group, { surfaces: Map<string, number>; count: number }>();
  const candidates: KindCandidate[] = [];
  for (const [root, gs] of members) {
    if (++n % STEP === 0) yield;
    const kept = unchanged(root.made, gs) ? root.made : undefined;
    kepts.push(kept);
    if (!Array.isArray(gs)) {
      candidates.push(kept?.candidate ?? candidateOf(root, root.count, root.votes, gs.strongPerson, gs.strongOther, loneSpelling(root)));
      continue;
    }
    const votes = emptyVotes();
    const surfaces = new Map<string, number>();
    let count = 0;
    let strongPerson = 0;
    let strongOther = 0;
    for (const g of gs) {
      for (const k of KINDS) votes[k] += g.votes[k];
      for (const [s, n] of surfacesOf(g)) surfaces.set(s, (surfaces.get(s) ?? 0) + n);
      count += g.count;
      strongPerson += g.strongPerson;
      strongOther += g.strongOther;
    }
    several.set(root, { surfaces, count });
    candidates.push(kept?.candidate ?? candidateOf(root, count, votes, strongPerson, strongOther, hasLoneWord(surfaces.keys())));
  }
  const kinds = decideKinds(candidates);
  const keptList: LazyEntity[] = [];
  const made: LazyEntity[] = [];
  let i = 0;
  for (const [root, gs] of members) {
    if (++n % STEP === 0) yield;
    const kept = kepts[i];
    const kind = kinds[i];
    const candidate = candidates[i++];
    if (kept && kept.kind === kind) {
      kept.keptIn = resolution;
      kept.candidate = keepLookups ? candidate : undefined;
      keptList.push(kept);
      continue;
    }
    const sum = several.get(root);
    const surfaces = sum?.surfaces ?? surfacesOf(root);
    const name = canonicalName(root, kind, surfaces, canon);
    const entity = new LazyEntity(`${kind}:${nameKey(name)}`, name, kind, aliasesOf(name, kind, surfaces), sum?.count ?? root.count, Array.isArray(gs) ? gs : [gs], resolution);
    if (keepLookups) entity.candidate = candidate;
    root.made = entity;
    made.push(entity);
  }
  const { list, gone } = byMentions(keptList, made, previous?.list, resolution);
  const lookups = yield* lookupsOf(list, made, gone && previous && { list: previous.list, lookups: previous, gone }, canon, keepLookups);
  return { list, ...lookups };
}

/** Most mentioned first, then by id. The entities kept from the previous resolution are in its order
 *  already (their counts and ids are the same): they are taken in that order and the few made anew,
 *  sorted, merged in (sorting all of them again was a sixth of a rebuild); `gone`: the previous list's
 *  others. Without a previous list holding every kept entity, all are sorted (and nothing is gone). */
function byMentions(kept: LazyEntity[], made: LazyEntity[], previous: readonly Entity[] | undefined, resolution: number): { list: LazyEntity[]; gone?: LazyEntity[] } {
  made.sort(mentionOrder);
  const inOrder: LazyEntity[] = [];
  const gone: LazyEntity[] = [];
  if (previous && kept.length <= previous.length) {
    for (const e of previous) {
      if (!(e instanceof LazyEntity)) continue;
      if (e.keptIn === resolution) inOrder.push(e);
      else gone.push(e);
    }
  }
  if (!previous || inOrder.length !== kept.length) return { list: [...kept, ...made].sort(mentionOrder) };
  if (!made.length) return { list: inOrder, gone };
  const list: LazyEntity[] = new Array(inOrder.length + made.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < inOrder.length && j < made.length) list[k++] = mentionOrder(made[j], inOrder[i]) < 0 ? made[j++] : inOrder[i++];
  while (i < inOrder.length) list[k++] = inOrder[i++];
  while (j < made.length) list[k++] = made[j++];
  return { list, gone };
}

function mentionOrder(a: Entity, b: Entity): number {
  return b.mentionCount - a.mentionCount || (a.id < b.id ? -1 : 1);
}

/** Whether a root alone has a spelling of one word (a surname written alone, for decideKinds). */
function loneSpelling(g: Group): boolean {
  if (g.surfaces) return hasLoneWord(g.surfaces.keys());
  return g.surface !== undefined && g.count > 0 && g.surface.indexOf(' ') < 0;
}

function hasLoneWord(spellings: Iterable<string>): boolean {
  for (const s of spellings) if (s.indexOf(' ') < 0) return true;
  return false;
}

/** Whether `made` was made of exactly these groups (one, or a list), none of which changed since. */
function unchanged(made: LazyEntity | undefined, gs: Group | readonly Group[]): made is LazyEntity {
  if (!made) return false;
  if (!Array.isArray(gs)) return made.groups.length === 1 && made.groups[0] === gs && (gs as Group).changed < made.made;
  if (made.groups.length !== gs.length) return false;
  for (let i = 0; i < gs.length; i++) if (made.groups[i] !== gs[i] || gs[i].changed >= made.made) return false;
  return true;
}

/** What decides a root's kind across the corpus (entityKinds.ts), from its groups' evidence summed. */
function candidateOf(root: Group, count: number, votes: Record<EntityKind, number>, strongPerson: number, strongOther: number, loneSpelling: boolean): KindCandidate {
  return { key: root.key, count, words: root.words, kind: topKind(votes), strongPerson, strongOther, loneSpelling };
}

/** An entity whose mentions and roles are gathered from its groups when first asked for: most entities'
 *  never are, and building them all was most of the time and memory of a rebuild. */
export class LazyEntity implements Entity {
  private sites: { mentions: SourceLocation[]; roles: EntityRole[] } | undefined;
  /** Its look-up keys, computed when first resolved (a later resolution keeping it reuses them). */
  lookup: { keys: string[]; words: string[] } | undefined = undefined;
  /** The last resolution that kept it (made by an earlier one, its groups unchanged). */
  keptIn = 0;
  /** Its place in the last resolution's list that holds it (entityLookups.ts). */
  rank = 0;
  /** The evidence its kind was decided on, for a later resolution that keeps it (unchanged while it is). */
  candidate: KindCandidate | undefined = undefined;
  constructor(
    readonly id: string,
    readonly name: string,
    readonly kind: EntityKind,
    readonly aliases: string[],
    readonly mentionCount: number,
    groups: Group[],
    /** The resolution that made it (0: read with a saved index). */
    readonly made = 0,
  ) {
    // A copy of its exact length: a list grown by push keeps room for 16 more (even of one group), for
    // each of 100,000 entities.
    this.groups = groups.slice();
  }
  readonly groups: Group[];
  get mentions(): SourceLocation[] {
    return (this.sites ??= gatherSites(this.groups)).mentions;
  }
  /** A person's titles as the sources write them. The finder gives roles to mentions it takes for people
   *  only; an entity the corpus makes something else ("UK" after "Chief Executive of AOL") has none. */
  get roles(): EntityRole[] {
    return this.kind === 'person' ? (this.sites ??= gatherSites(this.groups)).roles : [];
  }
  toJSON(): Entity {
    return { id: this.id, name: this.name, kind: this.kind, aliases: this.aliases, roles: this.roles, mentions: this.mentions, mentionCount: this.mentionCount };
  }
}

/** Mentions of a set of groups in a fixed order (article path, then offset) with the roles they carry. */
function gatherSites(gs: Group[]): { mentions: SourceLocation[]; roles: EntityRole[] } {
  const found: Array<{ p: Packed; i: number }> = [];
  for (const g of gs) {
    for (const p of g.articles) if (!p.gone) for (let i = 0; i < p.n; i++) if (p.target[i] === g.key) found.push({ p, i });
  }
  found.sort((a, b) => (a.p.uri < b.p.uri ? -1 : a.p.uri > b.p.uri ? 1 : startOf(a.p, a.i) - startOf(b.p, b.i)));
  const mentions: SourceLocation[] = [];
  const given: EntityRole[] = [];
  for (const { p, i } of found) {
    const loc: SourceLocation = { uri: p.uri, sentence: sentenceOf(p, i), start: startOf(p, i), end: p.span[3 * i + 1] };
    mentions.push(loc);
    const role = p.roles?.get(i);
    if (role) given.push({ text: role, source: loc });
  }
  return { mentions, roles: rankRoles(given) };
}

function canonicalName(root: Group, kind: EntityKind, surfaces: Map<string, number>, canon: (s: string) => string): string {
  // The most frequent full form; people need at least two words when any such form was seen.
  let best = '';
  let n = -1;
  for (const [s, c] of surfaces) {
    if (canon(s) !== root.key) continue;
    if (c > n || (c === n && (s.length > best.length || (s.length === best.length && s < best)))) [best, n] = [s, c];
  }
  if (!best) {
    for (const [s, c] of surfaces) {
      if (kind === 'person' && wordCount(nameKey(s)) < 2) continue;
      if (c > n || (c === n && s < best)) [best, n] = [s, c];
    }
  }
  if (!best) best = [...surfaces.keys()].sort()[0] ?? root.key;
  return best.replace(/^the\s+/i, '');
}

/** An entity's other spellings, the most written first (`surfaces`: how often each is written). */
export function aliasesOf(name: string, kind: EntityKind, surfaces: ReadonlyMap<string, number>): string[] {
  let aliases: string[] = [];
  if (surfaces.size > 1) {
    aliases = [...surfaces.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([s]) => s).filter((s) => s !== name).slice(0, 50);
  } else {
    for (const s of surfaces.keys()) if (s !== name) aliases.push(s);
  }
  return kind === 'person' ? personAliases(name, aliases) : aliases;
}

/** A person's aliases as a card shows them: other spellings and the surname, not a given name alone
 *  (it names many people), not the name with a stray word before it ("Conservative X Y", "EU X Y"), not
 *  a lone word that is none of the name's. */
function personAliases(name: string, aliases: string[]): string[] {
  const key = nameKey(name);
  const words = key.split(' ');
  if (words.length < 2) return aliases;
  return aliases.filter((a) => {
    const k = nameKey(a);
    if (k.endsWith(' ' + key)) return false;
    if (k.indexOf(' ') >= 0 || k === '') return true;
    if (k === words[0] && words.length === 2) return false;
    return words.includes(k);
  });
}
