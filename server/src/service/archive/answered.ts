// What the working set answers for the whole archive: the searches whose best hits it holds, the names
// whose articles it holds, and the keys and uris the archive does not hold. Forgotten with what they
// answered for (ArchiveCorpus drops the working set).

import { aliasKeys, nameKey } from '../corpus/entityKeys.ts';
import { Lru } from '../util/lru.ts';

/** Names whose keys are kept: a check notes every name of the draft once per name it resolves. */
const NAME_KEYS = 20_000;
const keysByName = new Lru<string, readonly string[]>(NAME_KEYS);

/** A name's key and its aliases' (the gazetteer's "UN" for "United Nations"), computed once per name. */
export function nameKeys(name: string): readonly string[] {
  return keysByName.getOrSet(name, () => aliasKeys(nameKey(name)));
}

export class Answered {
  /** Queries whose best hits are held, with the limit they were fetched for. */
  readonly searched = new Map<string, number>();
  /** The searched queries' weights, and the queries of each of their terms. */
  private readonly searchedWeight = new Map<string, number>();
  private readonly searchedByTerm = new Map<string, Set<string>>();
  /** Name keys whose articles were fetched, with up to how many. */
  readonly named = new Map<string, number>();
  /** Article keys and uris the archive does not hold. */
  readonly absentKeys = new Set<string>();
  readonly absentUris = new Set<string>();

  /** Notes a search whose best `limit` hits are held now, with its terms and their weights. */
  noteSearch(query: string, limit: number, terms: ReadonlyArray<{ term: string; weight: number }>): void {
    this.searched.set(query, Math.max(limit, this.searched.get(query) ?? 0));
    let weight = 0;
    for (const t of terms) {
      weight += t.weight;
      let queries = this.searchedByTerm.get(t.term);
      if (!queries) this.searchedByTerm.set(t.term, (queries = new Set()));
      queries.add(query);
    }
    this.searchedWeight.set(query, weight);
  }

  /** How much a search shares with the nearest one whose best `limit` hits are held: the weight of the
   *  terms both have, over the weight of the larger (1: the same terms). */
  nearestSearch(terms: ReadonlyArray<{ term: string; weight: number }>, limit: number): number {
    let weight = 0;
    const shared = new Map<string, number>();
    for (const t of terms) {
      weight += t.weight;
      for (const q of this.searchedByTerm.get(t.term) ?? []) shared.set(q, (shared.get(q) ?? 0) + t.weight);
    }
    let best = 0;
    for (const [q, w] of shared) {
      if ((this.searched.get(q) ?? 0) < limit) continue;
      const share = w / Math.max(weight, this.searchedWeight.get(q) ?? 0);
      if (share > best) best = share;
    }
    return best;
  }

  /** Forgets the names (after the articles held by their names were dropped). */
  forgetNames(): void {
    this.named.clear();
  }

  /** Forgets everything (after the working set was emptied). */
  clear(): void {
    this.searched.clear();
    this.searchedWeight.clear();
    this.searchedByTerm.clear();
    this.absentKeys.clear();
    this.absentUris.clear();
    this.forgetNames();
  }
}
