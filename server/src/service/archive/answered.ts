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
  /** Name keys whose articles were fetched, with up to how many. */
  readonly named = new Map<string, number>();
  /** Article keys and uris the archive does not hold. */
  readonly absentKeys = new Set<string>();
  readonly absentUris = new Set<string>();

  /** Forgets the names (after the articles held by their names were dropped). */
  forgetNames(): void {
    this.named.clear();
  }

  /** Forgets everything (after the working set was emptied). */
  clear(): void {
    this.searched.clear();
    this.absentKeys.clear();
    this.absentUris.clear();
    this.forgetNames();
  }
}
