// The resolved entities' look-up maps: by key (a name, a group's or an alias's key, each also without
// initials; a key several entities hold is the most mentioned's, the first in list order), by surname
// word (a person's, in list order) and by id (an id two entities share is the last's, as a map made from
// the list would have it). After a rebuild that kept most entities (a few articles changed), the maps
// are updated where the entities made anew and those gone hold keys, instead of made again from every
// entity: at 60,000 entities, making them was a third of a rebuild (and of its garbage).

import type { Entity } from '../types.ts';
import { FIRST_NAMES } from './gazetteer.ts';
import { push, STEP } from './entityGroups.ts';
import { dropInitials, firstWord, lastWord, nameKey, wordCount } from './entityKeys.ts';
import type { LazyEntity } from './entityList.ts';

export interface Lookups {
  byKey: Map<string, Entity>;
  byWord: Map<string, Entity[]>;
  byId: Map<string, Entity>;
  /** What updating the maps needs, while they answer for `list` (absent: they are made afresh). */
  holders?: Holders;
}

/** The keys and ids more than one entity holds, with their holders, and the list the maps answer for
 *  (changed with the maps: a rebuild begun on the previous list finds they answer for another). */
interface Holders {
  list: readonly Entity[];
  keys: Map<string, LazyEntity[]>;
  ids: Map<string, LazyEntity[]>;
}

/** Updating in place is for a few changes: past this share of the list, the maps are made afresh. */
const UPDATE_AT_MOST = 0.25;

/**
 * The maps for `list` (most mentioned first). `made`: its entities made by this resolution; the others
 * were kept from `previous`, whose list held every one of them beside those `gone` (its maps are updated
 * in place when they answer for its list: the previous resolution's maps are then this one's).
 */
export function* lookupsOf(
  list: readonly LazyEntity[],
  made: readonly LazyEntity[],
  previous: { list: readonly Entity[]; lookups: Lookups; gone: readonly LazyEntity[] } | undefined,
  canon: (surface: string) => string,
  keepLookups: boolean,
): Generator<void, Lookups> {
  for (let i = 0; i < list.length; i++) list[i].rank = i;
  const holders = previous?.lookups.holders;
  // The maps answer for the previous list unless a rebuild in slices that another overtook made them
  // answer for another.
  if (holders && holders.list === previous.list && made.length + previous.gone.length <= UPDATE_AT_MOST * list.length) {
    // No pause from here on: the maps change in place and must not be read half changed.
    return update(previous.lookups, holders, list, made, previous.gone, canon, keepLookups);
  }
  const byKey = new Map<string, Entity>();
  const byWord = new Map<string, Entity[]>();
  const byId = new Map<string, Entity>();
  const fresh: Holders = { list, keys: new Map(), ids: new Map() };
  // Most mentioned first: a shared alias goes to the bigger entity.
  for (let n = 0; n < list.length; n++) {
    if (n % STEP === STEP - 1) yield;
    const e = list[n];
    const { keys, words } = lookupOf(e, canon, keepLookups);
    for (const k of keys) {
      const h = byKey.get(k);
      if (!h) byKey.set(k, e);
      else if (h !== e) share(fresh.keys, k, h as LazyEntity, e);
    }
    for (const w of words) push(byWord, w, e);
    const h = byId.get(e.id);
    byId.set(e.id, e);
    if (h) share(fresh.ids, e.id, h as LazyEntity, e);
  }
  return { byKey, byWord, byId, holders: fresh };
}

function update(
  maps: Lookups,
  holders: Holders,
  list: readonly LazyEntity[],
  made: readonly LazyEntity[],
  gone: readonly LazyEntity[],
  canon: (surface: string) => string,
  keepLookups: boolean,
): Lookups {
  const { byKey, byWord, byId } = maps;
  const dirtyKeys = new Set<string>();
  const dirtyIds = new Set<string>();
  for (const x of gone) {
    const { keys, words } = x.lookup ?? lookupKeys(x, canon);
    for (const k of keys) {
      const hs = holders.keys.get(k);
      if (hs) {
        drop(hs, x);
        dirtyKeys.add(k);
      } else if (byKey.get(k) === x) byKey.delete(k);
    }
    for (const w of words) {
      const es = byWord.get(w);
      if (!es) continue;
      const left = es.filter((e) => e !== x);
      if (left.length) byWord.set(w, left);
      else byWord.delete(w);
    }
    const hs = holders.ids.get(x.id);
    if (hs) {
      drop(hs, x);
      dirtyIds.add(x.id);
    } else if (byId.get(x.id) === x) byId.delete(x.id);
  }
  for (const e of made) {
    const { keys, words } = lookupOf(e, canon, keepLookups);
    for (const k of keys) {
      const h = byKey.get(k);
      if (!h) byKey.set(k, e);
      else if (h !== e) {
        share(holders.keys, k, h as LazyEntity, e);
        dirtyKeys.add(k);
      }
    }
    for (const w of words) {
      const es = byWord.get(w);
      if (!es) byWord.set(w, [e]);
      else es.splice(firstAfter(es as LazyEntity[], e.rank), 0, e);
    }
    const h = byId.get(e.id);
    if (!h) byId.set(e.id, e);
    else {
      share(holders.ids, e.id, h as LazyEntity, e);
      dirtyIds.add(e.id);
    }
  }
  settle(dirtyKeys, holders.keys, byKey, (a, b) => a.rank < b.rank);
  settle(dirtyIds, holders.ids, byId, (a, b) => a.rank > b.rank);
  holders.list = list;
  return { byKey, byWord, byId, holders };
}

/** Each changed shared key's holder: the one `better` than every other (none left: the key goes). */
function settle(dirty: Set<string>, shared: Map<string, LazyEntity[]>, map: Map<string, Entity>, better: (a: LazyEntity, b: LazyEntity) => boolean): void {
  for (const k of dirty) {
    const hs = shared.get(k);
    if (!hs?.length) {
      shared.delete(k);
      map.delete(k);
      continue;
    }
    let best = hs[0];
    for (const h of hs) if (better(h, best)) best = h;
    map.set(k, best);
    if (hs.length === 1) shared.delete(k);
  }
}

/** Notes that `e` holds `k` beside `h`, which held it first. */
function share(shared: Map<string, LazyEntity[]>, k: string, h: LazyEntity, e: LazyEntity): void {
  const hs = shared.get(k);
  if (!hs) shared.set(k, [h, e]);
  else if (!hs.includes(e)) hs.push(e);
}

function drop(hs: LazyEntity[], e: LazyEntity): void {
  const i = hs.indexOf(e);
  if (i >= 0) hs.splice(i, 1);
}

/** Where an entity of this rank goes in a list in rank order: after those of lower or equal rank (an
 *  entity whose name gives the same word twice is in its list twice, in a row). */
function firstAfter(es: readonly LazyEntity[], rank: number): number {
  let lo = 0;
  let hi = es.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (es[mid].rank <= rank) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function lookupOf(e: LazyEntity, canon: (surface: string) => string, keep: boolean): { keys: string[]; words: string[] } {
  const lookup = e.lookup ?? lookupKeys(e, canon);
  if (keep) e.lookup = lookup;
  return lookup;
}

/** The keys an entity is looked up by (its name's, its groups', its aliases', each also without
 *  initials), and for a person the words a lone surname finds it by. */
function lookupKeys(e: LazyEntity, canon: (surface: string) => string): { keys: string[]; words: string[] } {
  const keys: string[] = [];
  const add = (k: string) => {
    keys.push(k);
    const di = dropInitials(k);
    if (di !== k) keys.push(di);
  };
  add(canon(e.name));
  for (const g of e.groups) add(g.key);
  for (const a of e.aliases) add(canon(a));
  const words: string[] = [];
  if (e.kind === 'person') {
    const k = nameKey(e.name);
    if (wordCount(k) >= 2) {
      words.push(lastWord(k));
      if (wordCount(k) >= 3 && !FIRST_NAMES.has(firstWord(k))) words.push(firstWord(k));
    }
  }
  return { keys, words };
}
