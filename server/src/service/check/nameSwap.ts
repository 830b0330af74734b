// A claim with one name swapped: the passage says the same of another person or place of the same kind
// ("…against Iraq" for "…against France"), which contradicts the claim rather than supporting it.

import type { SourceSentence } from '../api.ts';
import type { Entity } from '../types.ts';
import type { CorpusIndex } from '../corpus/corpusIndex.ts';
import { hasWeakKind } from '../corpus/names.ts';
import type { DraftSentence } from './draft.ts';
import type { EvidenceUnit } from './evidence.ts';
import type { ClaimName } from './nameMatch.ts';
import type { PredicateWord } from './predicate.ts';
import { verbSubjects } from './agent.ts';

/** Another entity of the kind of a name the unit lacks, in the unit, that the claim does not name. */
export function swappedName(u: EvidenceUnit, names: ClaimName[], s: DraftSentence, corpus: CorpusIndex, verb?: PredicateWord): Entity | undefined {
  for (const missing of u.missingNames) {
    const kind = missing.entity?.kind ?? (hasWeakKind(missing.mention) ? undefined : missing.mention.kind);
    if (kind !== 'person' && kind !== 'place') continue;
    // A name after a preposition ("sanctions against France") is swapped only by one in the same slot
    // ("force against Iraq"), not by any place the passage happens to name ("written in Downing Street").
    const slot = prepositionBefore(s.text.slice(0, missing.mention.start - s.start));
    const swaps = u.otherEntities.filter(
      (e) => e.kind === kind && !names.some((n) => n.entity?.id === e.id) && (!slot || u.sentences.some((x) => inSlot(x, e, slot, corpus))),
    );
    // Of several, the one the passage gives the claim's verb to ("Andrew Marr says Mr Blair will ask…"
    // for "Gordon Brown will ask…": Blair, not Marr).
    if (swaps.length > 1 && verb && missing.mention.start < s.start + verb.start) {
      const subjects = new Set(u.sentences.flatMap((x) => verbSubjects(x, verb, corpus)));
      const subject = swaps.find((e) => subjects.has(e.id));
      if (subject) return subject;
    }
    if (swaps.length > 0) return swaps[0];
  }
  return undefined;
}

const PREPOSITIONS = new Set(['of', 'by', 'for', 'from', 'with', 'to', 'at', 'in', 'on', 'against', 'into', 'over', 'under', 'near', 'between', 'across', 'towards', 'toward', 'outside', 'inside', 'beyond']);

/** The preposition right before the end of `text` (past "the"), if any. */
function prepositionBefore(text: string): string | undefined {
  const m = /\b(\p{L}+)\s+(?:the\s+)?$/u.exec(text);
  const word = m?.[1].toLowerCase();
  return word && PREPOSITIONS.has(word) ? word : undefined;
}

/** Whether a source sentence names `e` right after the preposition `slot`. */
function inSlot(x: SourceSentence, e: Entity, slot: string, corpus: CorpusIndex): boolean {
  return x.mentions.some(
    (m) => (m.text === e.name || corpus.lookupEntity(m.text)?.id === e.id) && prepositionBefore(x.text.slice(0, m.start - x.start)) === slot,
  );
}
