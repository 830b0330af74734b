// The groups a person's archive card counts beyond those its working set merged: the embedded index
// merges name groups across the whole corpus (corpus/shortForms.ts), a lone surname no article resolved
// ("Blair" in an article naming no Blair in full) into the person most mentioned under it, and a name
// with a stray word before it ("Blair Tony Blair") into the name; the working set holds only part of the
// corpus, and its merges miss the articles it has not read. A card asks the archive for the groups of
// the card's surnames and applies the same rules to their counts.

import type { ArchiveSource } from './archiveSource.ts';
import type { EntityKind } from '../types.ts';
import { KINDS, topKind, WEAK_FLAG } from '../corpus/entityGroups.ts';
import { firstWord, lastWord, wordCount } from '../corpus/entityKeys.ts';
import { FIRST_NAMES } from '../corpus/gazetteer.ts';

/** A group's counts as the embedded entity table keeps them (corpus/entityGroups.ts Group). */
interface Counted {
  key: string;
  count: number;
  /** Mentions by kind, a guess counting 1 and a name known for its kind 3. */
  votes: Record<EntityKind, number>;
  strongPerson: number;
  strongOther: number;
}

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
      const g = groups.get(row.key) ?? { key: row.key, count: 0, votes: { person: 0, organization: 0, place: 0, event: 0 }, strongPerson: 0, strongOther: 0 };
      const kind = KINDS[row.flags & 3];
      const weak = (row.flags & WEAK_FLAG) !== 0;
      g.count += row.mentions;
      g.votes[kind] += row.mentions * (weak ? 1 : 3);
      if (!weak && kind === 'person') g.strongPerson += row.mentions;
      else if (!weak) g.strongOther += row.mentions;
      groups.set(row.key, g);
    }
    const isPerson = (g: Counted) => topKind(g.votes) === 'person';
    // A person's name with a stray word before it is the longest shorter name that is a person at least
    // as often mentioned.
    const strayOf = (g: Counted): Counted | undefined => {
      if (wordCount(g.key) < 3 || FIRST_NAMES.has(firstWord(g.key))) return undefined;
      for (let at = g.key.indexOf(' '); at > 0; at = g.key.indexOf(' ', at + 1)) {
        const rest = g.key.slice(at + 1);
        if (rest.indexOf(' ') < 0) break;
        const shorter = groups.get(rest);
        if (shorter && shorter.count >= g.count && isPerson(shorter)) return shorter;
      }
      return undefined;
    };
    let top: Counted | undefined;
    for (const g of groups.values()) {
      if (wordCount(g.key) < 2 || !isPerson(g)) continue;
      const into = strayOf(g);
      if (into) {
        if (out.has(into.key)) out.add(g.key);
        continue;
      }
      // The people a lone surname may stand for (ties: the first key).
      if (lastWord(g.key) === surname && (!top || g.count > top.count || (g.count === top.count && g.key < top.key))) top = g;
    }
    // A lone surname joins the person most mentioned under it when it is mostly used as a person, or when
    // it is only a guess and the person a well-attested one.
    const lone = groups.get(surname);
    if (!lone || !top || !out.has(top.key)) continue;
    const v = lone.votes;
    if (v.person * 2 > v.organization + v.place + v.event || (lone.strongOther === 0 && top.strongPerson * 2 >= top.count)) out.add(surname);
  }
  return [...out].sort();
}
