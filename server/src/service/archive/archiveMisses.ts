// What a request read that the working set could not answer for the whole archive (see ArchiveCorpus),
// and the small helper that fetches it a few requests at a time.

export interface Misses {
  searches: Map<string, number>;
  terms: Set<string>;
  keys: Set<string>;
  uris: Set<string>;
  /** Name keys, with how many articles naming each are wanted. */
  names: Map<string, number>;
  /** Typed name prefixes (name-key words) whose names are wanted for completion. */
  prefixes: Set<string>;
  /** Cards wanted: their entity's group keys and whether it shows quotations, by card id. */
  cards: Map<string, { keys: readonly string[]; quotes: boolean }>;
  /** Typed quotation openings (folded words), with how many of their quotations are wanted. */
  quotes: Map<string, number>;
}

export function noMisses(): Misses {
  return { searches: new Map(), terms: new Set(), keys: new Set(), uris: new Set(), names: new Map(), prefixes: new Set(), cards: new Map(), quotes: new Map() };
}

export function isEmpty(m: Misses): boolean {
  return !m.searches.size && !m.terms.size && !m.keys.size && !m.uris.size && !m.names.size && !m.prefixes.size && !m.cards.size && !m.quotes.size;
}

/** Adds what `from` missed to `into` (the larger number of articles wanted where both name a key). */
export function addMisses(into: Misses, from: Misses): void {
  for (const [query, limit] of from.searches) into.searches.set(query, Math.max(limit, into.searches.get(query) ?? 0));
  for (const t of from.terms) into.terms.add(t);
  for (const k of from.keys) into.keys.add(k);
  for (const u of from.uris) into.uris.add(u);
  for (const [key, limit] of from.names) into.names.set(key, Math.max(limit, into.names.get(key) ?? 0));
  for (const p of from.prefixes) into.prefixes.add(p);
  for (const [id, keys] of from.cards) into.cards.set(id, keys);
  for (const [words, limit] of from.quotes) into.quotes.set(words, Math.max(limit, into.quotes.get(words) ?? 0));
}

/** `run` over the items with at most `width` calls pending at once; the results in the items' order. */
export async function inTurn<T, R>(items: readonly T[], width: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await run(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return out;
}
