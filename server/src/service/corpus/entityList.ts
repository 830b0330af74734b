// The resolved entity list: merged groups become entities (kind decided across the corpus, canonical
// name, aliases), with lookup tables by key and by surname; mentions and roles are gathered lazily.

import type { Entity, EntityKind, EntityRole, SourceLocation } from '../types.ts';
import { FIRST_NAMES } from './gazetteer.ts';
import { decideKinds } from './entityKinds.ts';
import { emptyVotes, KINDS, push, rootOf, sentenceOf, surfacesOf, STEP, topKind, type Group, type Packed } from './entityGroups.ts';
import { dropInitials, firstWord, lastWord, nameKey, wordCount } from './entityKeys.ts';

export interface Resolved {
  list: Entity[];
  byKey: Map<string, Entity>;
  byWord: Map<string, Entity[]>;
}

export function* materialise(groups: Map<string, Group>, canon: (surface: string) => string): Generator<void, Resolved> {
  // Gather each root with the groups merged into it.
  const members = new Map<Group, Group[]>();
  let n = 0;
  for (const g of groups.values()) {
    if (++n % STEP === 0) yield;
    push(members, rootOf(g), g);
  }
  const merged: Array<{ root: Group; gs: Group[]; votes: Record<EntityKind, number>; surfaces: Map<string, number>; count: number }> = [];
  for (const [root, gs] of members) {
    if (++n % STEP === 0) yield;
    let votes = root.votes;
    let surfaces = surfacesOf(root);
    let count = root.count;
    if (gs.length > 1) {
      votes = emptyVotes();
      surfaces = new Map();
      count = 0;
      for (const g of gs) {
        for (const k of KINDS) votes[k] += g.votes[k];
        for (const [s, n] of surfacesOf(g)) surfaces.set(s, (surfaces.get(s) ?? 0) + n);
        count += g.count;
      }
    }
    merged.push({ root, gs, votes, surfaces, count });
  }
  const kinds = decideKinds(merged.map((m) => {
    let strongPerson = 0;
    let strongOther = 0;
    for (const g of m.gs) {
      strongPerson += g.strongPerson;
      strongOther += g.strongOther;
    }
    return { key: m.root.key, count: m.count, words: m.root.words, kind: topKind(m.votes), strongPerson, strongOther, surfaces: m.surfaces };
  }));
  const list: LazyEntity[] = [];
  for (let i = 0; i < merged.length; i++) {
    if (++n % STEP === 0) yield;
    const { root, gs, surfaces, count } = merged[i];
    const kind = kinds[i];
    const name = canonicalName(root, kind, surfaces, canon);
    let aliases: string[] = [];
    if (surfaces.size > 1) {
      aliases = [...surfaces.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([s]) => s).filter((s) => s !== name).slice(0, 50);
    } else {
      for (const s of surfaces.keys()) if (s !== name) aliases.push(s);
    }
    if (kind === 'person') aliases = personAliases(name, aliases);
    list.push(new LazyEntity(`${kind}:${nameKey(name)}`, name, kind, aliases, count, gs));
  }
  list.sort((a, b) => b.mentionCount - a.mentionCount || (a.id < b.id ? -1 : 1));
  const byKey = new Map<string, Entity>();
  const byWord = new Map<string, Entity[]>();
  // Most mentioned first: a shared alias goes to the bigger entity.
  const add = (k: string, e: Entity) => {
    if (!byKey.has(k)) byKey.set(k, e);
    const di = dropInitials(k);
    if (di !== k && !byKey.has(di)) byKey.set(di, e);
  };
  for (const e of list) {
    if (++n % STEP === 0) yield;
    add(canon(e.name), e);
    for (const g of e.groups) add(g.key, e);
    for (const a of e.aliases) add(canon(a), e);
    if (e.kind === 'person') {
      const k = nameKey(e.name);
      if (wordCount(k) >= 2) {
        push(byWord, lastWord(k), e);
        if (wordCount(k) >= 3 && !FIRST_NAMES.has(firstWord(k))) push(byWord, firstWord(k), e);
      }
    }
  }
  return { list, byKey, byWord };
}

/** An entity whose mentions and roles are gathered from its groups when first asked for: most entities'
 *  never are, and building them all was most of the time and memory of a rebuild. */
export class LazyEntity implements Entity {
  private sites: { mentions: SourceLocation[]; roles: EntityRole[] } | undefined;
  constructor(
    readonly id: string,
    readonly name: string,
    readonly kind: EntityKind,
    readonly aliases: string[],
    readonly mentionCount: number,
    readonly groups: Group[],
  ) {}
  get mentions(): SourceLocation[] {
    return (this.sites ??= gatherSites(this.groups)).mentions;
  }
  get roles(): EntityRole[] {
    return (this.sites ??= gatherSites(this.groups)).roles;
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
  found.sort((a, b) => (a.p.uri < b.p.uri ? -1 : a.p.uri > b.p.uri ? 1 : a.p.mentions[a.i].start - b.p.mentions[b.i].start));
  const mentions: SourceLocation[] = [];
  const roles = new Map<string, { role: EntityRole; n: number; words: number }>();
  for (const { p, i } of found) {
    const m = p.mentions[i];
    const loc: SourceLocation = { uri: p.uri, sentence: sentenceOf(p, i), start: m.start, end: m.end };
    mentions.push(loc);
    const role = m.role;
    if (role) {
      const rk = role.toLowerCase().replace(/\s+/g, ' ');
      const r = roles.get(rk);
      if (r) r.n++;
      else roles.set(rk, { role: { text: role, source: loc }, n: 1, words: wordCount(rk) });
    }
  }
  // Most frequent first, then the more specific (longer) of equally frequent roles.
  return { mentions, roles: [...roles.values()].sort((a, b) => b.n - a.n || b.words - a.words).map((r) => r.role) };
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
