// The archive's names as completion offers them: for a typed prefix, the name table's most mentioned
// names starting as typed, each an entity of its own (its name, kind and how often the archive mentions
// it), beside the names the working set holds. No article naming them is fetched: fetching a few for each
// name and rebuilding the working set's name table cost every new prefix 0.2-0.3 s at 100,000 articles
// (seconds with eight editors on two cores). A card for one of them reads its facts from the database by
// its name's key (archiveCard.ts).

import type { Entity, EntityKind } from '../types.ts';
import { canonicalKey, lastWord, nameKey, wordCount } from '../corpus/entityKeys.ts';
import { Lru } from '../util/lru.ts';

/** A name of the archive's name table. */
export interface ArchivedNameRow {
  name: string;
  kind: string;
  mentions: number;
}

const KINDS: ReadonlySet<string> = new Set<EntityKind>(['person', 'organization', 'place', 'event']);
/** Prefixes whose names are kept, and names kept for `completionItem/resolve`. */
const PREFIXES_KEPT = 1_000;
const NAMES_KEPT = 5_000;
/** Mentions of a person's full name before its last word alone is taken for their surname: a name the
 *  archive holds once is as likely a slip of the name finder ("Colchester Chelsea" in a list of fixtures)
 *  as a person, and must not take the club's own name out of completion. */
const SURNAME_OF_MENTIONS = 2;

/** The surname a name (its key) gives: a person's full name's last word, when it is mentioned enough. */
function surnameOf(kind: EntityKind, key: string, mentions: number): string | undefined {
  return kind === 'person' && wordCount(key) >= 2 && mentions >= SURNAME_OF_MENTIONS ? lastWord(key) : undefined;
}

export class ArchivedNames {
  private readonly byPrefix = new Lru<string, Entity[]>(PREFIXES_KEPT);
  private readonly byId = new Lru<string, Entity>(NAMES_KEPT);
  /** How often the archive mentions a name (by name key), for ranking. */
  private readonly counts = new Lru<string, number>(NAMES_KEPT);
  /** Last words of the people's full names fetched. */
  private readonly surnames = new Lru<string, true>(NAMES_KEPT);

  /** Whether the names of this prefix (name-key words) were fetched. */
  has(prefix: string): boolean {
    return this.byPrefix.peek(prefix) !== undefined;
  }

  set(prefix: string, rows: readonly ArchivedNameRow[]): void {
    const names = rows.map((r): Entity => {
      const kind = (KINDS.has(r.kind) ? r.kind : 'organization') as EntityKind;
      const key = nameKey(r.name);
      // One entity a name, whichever prefixes found it (completion tells its items apart by identity).
      const id = `${kind}:${key}`;
      const e: Entity = this.byId.peek(id) ?? { id, name: r.name, kind, aliases: [], roles: [], mentions: [], mentionCount: r.mentions };
      this.byId.set(id, e);
      this.counts.set(key, Math.max(r.mentions, this.counts.peek(key) ?? 0));
      const surname = surnameOf(kind, key, r.mentions);
      if (surname) this.surnames.set(surname, true);
      return e;
    });
    this.byPrefix.set(prefix, names);
  }

  /** A name completion offered (for `completionItem/resolve`). */
  entity(id: string): Entity | undefined {
    return this.byId.get(id);
  }

  /** How often the archive mentions this name (by name key), when completion fetched it. */
  mentions(key: string): number | undefined {
    return this.counts.peek(key);
  }

  /** The held entities, then the archive's names of the prefix that none of them already is. A lone
   *  word ending the full name of a person held or fetched (mentioned more than once) is that person's
   *  surname ("Lindqvist" beside "Marta Lindqvist"), as the embedded index merges it, not a name of its
   *  own, whatever kind its lone mentions were taken for ("Lindgren said" is often no person to the name
   *  finder), but a place ("Washington" beside "Denzel Washington"); a person's name with a stray word
   *  before it is theirs. */
  merge(held: readonly Entity[], prefix: string): Entity[] {
    const fetched = this.byPrefix.get(prefix) ?? [];
    const covered = new Set<string>();
    const surnames = new Set<string>();
    for (const e of held) {
      const k = nameKey(e.name);
      const surname = surnameOf(e.kind, k, Math.max(e.mentionCount, this.counts.peek(k) ?? 0));
      if (surname) surnames.add(surname);
      for (const n of [e.name, ...e.aliases]) covered.add(canonicalKey(nameKey(n)));
    }
    const people = [...held, ...fetched].filter((e) => e.kind === 'person' && wordCount(nameKey(e.name)) >= 2).map((e) => ` ${nameKey(e.name)}`);
    const out = [...held];
    for (const e of fetched) {
      const k = canonicalKey(nameKey(e.name));
      if (covered.has(k) || (e.kind !== 'place' && wordCount(k) === 1 && (surnames.has(k) || this.surnames.peek(k)))) continue;
      // A person's name with a stray word before it ("Blair Tony Blair") is that person's, as the
      // embedded index merges it.
      if (e.kind === 'person' && people.some((p) => k.endsWith(p))) continue;
      covered.add(k);
      out.push(e);
    }
    return out;
  }

  clear(): void {
    this.byPrefix.clear();
    this.byId.clear();
    this.counts.clear();
    this.surnames.clear();
  }
}
