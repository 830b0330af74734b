// The groups a person's archive card counts beyond those its working set merged: the embedded index
// merges name groups across the whole corpus (corpus/shortForms.ts), a lone surname no article resolved
// ("Blair" in an article naming no Blair in full) into the person most mentioned under it, and a name
// with a stray word before it ("Blair Tony Blair") into the name; the working set holds only part of the
// corpus, and its merges miss the articles it has not read. A card asks the archive for the groups of
// the card's surnames and applies the same rules to their counts.

import type { ArchiveSource } from './archiveSource.ts';
import { addVotes, emptyVotes, pickTop, topKind, type Group } from '../corpus/entityGroups.ts';
import { lastWord, wordCount } from '../corpus/entityKeys.ts';
import { loneWordJoins, strayWordOf } from '../corpus/shortForms.ts';

/** A group's counts as the embedded entity table keeps them. */
type Counted = Pick<Group, 'key' | 'count' | 'votes' | 'strongPerson' | 'strongOther'>;

/** `keys` with the groups that join them corpus-wide (corpus/shortForms.ts mergeShortForms's rules for a
 *  lone surname and a name with a stray word before it). */
export async function withCorpusMerges(source: Pick<ArchiveSource, 'surnameGroups'>, keys: readonly string[]): Promise<string[]> {
  const full = keys.filter((k) => wordCount(k) >= 2);
  // A lone surname the working set merged into a full name is decided again here: the working set's
  // merge saw only the articles it holds (where the person may be the only one of that name).
  const out = new Set(full.length ? full : keys);
  const surnames = new Set(full.map(lastWord));
  for (const surname of surnames) {
    const groups = new Map<string, Counted>();
    for (const row of await source.surnameGroups(surname)) {
      let g = groups.get(row.key);
      if (!g) groups.set(row.key, (g = { key: row.key, count: 0, votes: emptyVotes(), strongPerson: 0, strongOther: 0 }));
      g.count += row.mentions;
      addVotes(g, row.flags, row.mentions);
    }
    // The people a lone surname may stand for: persons of two words or more under it, each not another
    // person's name with a stray word before it (which joins that name).
    const people: Counted[] = [];
    for (const g of groups.values()) {
      if (wordCount(g.key) < 2 || topKind(g.votes) !== 'person') continue;
      const into = strayWordOf(g, groups);
      if (into) {
        if (out.has(into.key)) out.add(g.key);
      } else if (lastWord(g.key) === surname) {
        people.push(g);
      }
    }
    const lone = groups.get(surname);
    if (!lone || !people.length) continue;
    const top = pickTop(people);
    if (out.has(top.key) && loneWordJoins(lone, top)) out.add(surname);
  }
  return [...out].sort();
}
