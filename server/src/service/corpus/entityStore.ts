// The corpus-wide entity resolution in the saved index: entities (name, kind, aliases, and the name
// groups merged into each) and the lookup tables, so a reload takes them as they were instead of merging
// every name group again (most of a reload's entity work). The groups themselves are rebuilt from the
// saved mentions, and the saved resolution is used only if it fits them exactly.

import type { Entity, EntityKind } from '../types.ts';
import type { Group } from './entityGroups.ts';
import { LazyEntity, type Resolved } from './entityList.ts';

const KINDS: readonly EntityKind[] = ['person', 'organization', 'place', 'event'];

export interface SavedResolution {
  /** Per entity, most mentioned first: id, name, kind index, aliases, mention count, group keys. */
  e: Array<[string, string, number, string[], number, string[]]>;
  /** Lookup keys and the index of the entity each stands for. */
  k: string[];
  ki: number[];
  /** Words (surnames) and the people bearing them, as entity indexes. */
  w: Array<[string, number[]]>;
}

/** Entities, keys or words per line of the saved index, so no line of a large corpus is huge. */
const PER_LINE = 4096;

/** The resolution as parts of a SavedResolution, each a JSON line `{"r": part}`. */
export function* resolutionLines(r: Resolved, perLine = PER_LINE): Generator<string> {
  const saved = saveResolution(r);
  for (let i = 0; i < saved.e.length; i += perLine) yield JSON.stringify({ r: { e: saved.e.slice(i, i + perLine) } });
  for (let i = 0; i < saved.k.length; i += perLine) yield JSON.stringify({ r: { k: saved.k.slice(i, i + perLine), ki: saved.ki.slice(i, i + perLine) } });
  for (let i = 0; i < saved.w.length; i += perLine) yield JSON.stringify({ r: { w: saved.w.slice(i, i + perLine) } });
}

/** Gathers the parts `resolutionLines` wrote; false for a part that is not one. */
export class ResolutionReader {
  readonly saved: SavedResolution = { e: [], k: [], ki: [], w: [] };

  add(part: Partial<SavedResolution>): boolean {
    if (!part || typeof part !== 'object') return false;
    const { e, k, ki, w } = part;
    if (e !== undefined && !Array.isArray(e)) return false;
    if ((k !== undefined || ki !== undefined) && !(Array.isArray(k) && Array.isArray(ki) && k.length === ki.length)) return false;
    if (w !== undefined && !Array.isArray(w)) return false;
    for (const x of e ?? []) this.saved.e.push(x);
    for (const x of k ?? []) this.saved.k.push(x);
    for (const x of ki ?? []) this.saved.ki.push(x);
    for (const x of w ?? []) this.saved.w.push(x);
    return true;
  }
}

function saveResolution(r: Resolved): SavedResolution {
  const index = new Map<Entity, number>();
  r.list.forEach((e, i) => index.set(e, i));
  const e: SavedResolution['e'] = r.list.map((x) => {
    const lazy = x as LazyEntity;
    return [x.id, x.name, KINDS.indexOf(x.kind), x.aliases, x.mentionCount, lazy.groups.map((g) => g.key)];
  });
  const k: string[] = [];
  const ki: number[] = [];
  for (const [key, entity] of r.byKey) {
    k.push(key);
    ki.push(index.get(entity) ?? -1);
  }
  const w: SavedResolution['w'] = [...r.byWord].map(([word, people]) => [word, people.map((p) => index.get(p) ?? -1)]);
  return { e, k, ki, w };
}

/** The saved resolution over these groups, or undefined when it does not fit them (a group missing, a
 *  count that differs, a malformed entry). */
export function restoreResolution(saved: SavedResolution, groups: ReadonlyMap<string, Group>): Resolved | undefined {
  if (!saved || !Array.isArray(saved.e) || !Array.isArray(saved.k) || !Array.isArray(saved.ki) || !Array.isArray(saved.w)) return undefined;
  if (saved.k.length !== saved.ki.length) return undefined;
  const list: LazyEntity[] = [];
  let grouped = 0;
  for (const [id, name, kind, aliases, count, keys] of saved.e) {
    const gs: Group[] = [];
    let mentions = 0;
    for (const key of keys) {
      const g = groups.get(key);
      if (!g) return undefined;
      gs.push(g);
      mentions += g.count;
    }
    if (mentions !== count || !KINDS[kind] || typeof name !== 'string' || !Array.isArray(aliases)) return undefined;
    grouped += gs.length;
    list.push(new LazyEntity(id, name, KINDS[kind], aliases, count, gs));
  }
  // Every group is in exactly one entity.
  if (grouped !== groups.size) return undefined;
  const byKey = new Map<string, Entity>();
  for (let i = 0; i < saved.k.length; i++) {
    const e = list[saved.ki[i]];
    if (!e) return undefined;
    byKey.set(saved.k[i], e);
  }
  const byWord = new Map<string, Entity[]>();
  for (const [word, people] of saved.w) {
    const es = people.map((i) => list[i]);
    if (es.some((e) => !e)) return undefined;
    byWord.set(word, es);
  }
  // Made afresh by the next rebuild (entityLookups.ts): no holders of shared keys.
  return { list, byKey, byWord, byId: new Map(list.map((e) => [e.id, e])) };
}
