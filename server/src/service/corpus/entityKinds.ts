// A name's kind decided from the evidence across the corpus. Several capitalised words default to a
// person when an article has no better cue; across the corpus such a name stays a person only with
// evidence: a title, role, honorific or listed given name somewhere (a strong person vote), the surname
// written alone for it, or a first word that begins another name so attested (given names learnt from the
// corpus: "Brad" of one well-attested person makes "Brad X" a person too), or a surname another attested
// person has ("X Blair" beside "Tony Blair"). A run that only ever defaulted
// ("Tote King", "Direct Connect", "Million Dollar Baby") at least three times is a body or a work.

import type { EntityKind } from '../types.ts';

/** Offices that end a title, never a person's name ("Cabinet Secretary", "Deputy Prime Minister"). */
const OFFICES = new Set(['secretary', 'minister', 'chancellor', 'president', 'ambassador', 'spokesman', 'spokeswoman', 'spokesperson', 'commissioner', 'chairman', 'chairwoman', 'secretary-general', 'director-general', 'attorney-general', 'vice-president', 'president-elect']);

/** Mentions a name needs before the lack of person evidence counts against it. */
const MIN_EVIDENCE = 3;

export interface KindCandidate {
  key: string;
  count: number;
  words: number;
  kind: EntityKind;
  strongPerson: number;
  /** Mentions with a cue of another kind ("the X Y", "X Y magazine", "firm X Y"). */
  strongOther?: number;
  /** Whether one of its spellings is a single word (the surname written alone for it). */
  loneSpelling: boolean;
  /** Its key's first and last words, once asked for (a resolution keeping the entity keeps them). */
  first?: string;
  last?: string;
}

function attested(c: KindCandidate): boolean {
  return c.strongPerson > 0 || c.loneSpelling;
}

function lastWord(c: KindCandidate): string {
  return (c.last ??= c.key.slice(c.key.lastIndexOf(' ') + 1));
}

function firstWord(c: KindCandidate): string {
  if (c.first === undefined) {
    const i = c.key.indexOf(' ');
    c.first = i < 0 ? c.key : c.key.slice(0, i);
  }
  return c.first;
}

/** The kinds of `candidates` (in order), with unattested multi-word people made organisations. */
export function decideKinds(candidates: readonly KindCandidate[]): EntityKind[] {
  const given = new Set<string>();
  const surnames = new Set<string>();
  const ok = candidates.map((c) => c.kind === 'person' && c.words >= 2 && attested(c));
  candidates.forEach((c, i) => {
    if (!ok[i]) return;
    given.add(firstWord(c));
    surnames.add(lastWord(c));
  });
  return candidates.map((c, i) => {
    // An office written as a name is a title: it does not name a person on its own.
    if (c.kind === 'person' && c.words >= 2 && OFFICES.has(lastWord(c))) return 'organization';
    // A name the corpus marks as something else ("the X Y", "X Y magazine", "film X Y") more often than
    // as a person (a title, role, honorific or listed given name) is that something else.
    if (c.kind === 'person' && c.words >= 2 && (c.strongOther ?? 0) > c.strongPerson) return 'organization';
    // A name seen once or twice without evidence keeps the finder's default: too little to go on.
    if (c.kind !== 'person' || c.words < 2 || ok[i] || c.count < MIN_EVIDENCE) return c.kind;
    return given.has(firstWord(c)) || surnames.has(lastWord(c)) ? 'person' : 'organization';
  });
}
