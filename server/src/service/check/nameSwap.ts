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
import { misspelt } from '../util/misspelt.ts';
import { tuning } from './tuning.ts';

/** Another entity of the kind of a name the unit lacks, in the unit, that the claim does not name. */
export function swappedName(u: EvidenceUnit, names: ClaimName[], s: DraftSentence, corpus: CorpusIndex, verb?: PredicateWord): Entity | undefined {
  for (const missing of u.missingNames) {
    // A name after a preposition ("sanctions against France") is swapped only by one in the same slot
    // ("force against Iraq"), not by any place the passage happens to name ("written in Downing Street").
    const slot = prepositionBefore(s.text.slice(0, missing.mention.start - s.start));
    // After "in", a name is a place, though the corpus may know it best as an organisation (its football
    // club: "at the Sparkassen Cup in Stuttgart" for "…in Leipzig").
    const placed = !!slot && LOCATIVE.has(slot);
    const kindOf = (k: string | undefined) => (placed && k === 'organization' ? 'place' : k);
    const kind = kindOf(missing.entity?.kind ?? (hasWeakKind(missing.mention) ? undefined : missing.mention.kind));
    if (kind !== 'person' && kind !== 'place') continue;
    const sameKind = (e: Entity) => kindOf(e.kind) === kind;
    // Not the missing name misspelt ("Sheffied" for "Sheffield").
    const written = missing.mention.text.toLowerCase();
    const swaps = u.otherEntities.filter(
      (e) => sameKind(e) && !names.some((n) => n.entity?.id === e.id) && !misspelt(e.name.toLowerCase(), written) && (!slot || u.sentences.some((x) => inSlot(x, e, slot, corpus))),
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

/** Prepositions that place what follows them. */
const LOCATIVE = new Set(['in', 'near', 'outside']);

/** The word before a preposition and the preposition, right before the end of `text` ("Cup in"). */
function slotContext(text: string): string | undefined {
  const m = /\b(\p{L}+)\s+(\p{L}+)\s+(?:the\s+)?$/u.exec(text);
  return m && PREPOSITIONS.has(m[2].toLowerCase()) ? `${m[1]} ${m[2]}`.toLowerCase() : undefined;
}

/**
 * A swap in the very words of the claim: the unit's sentence that names another place or person where
 * the claim names the one the unit lacks, after the same word and preposition ("the Sparkassen Cup in
 * Stuttgart" for "the Sparkassen Cup in Leipzig").
 */
function swappedInPlace(u: EvidenceUnit, names: ClaimName[], s: DraftSentence, corpus: CorpusIndex): SourceSentence | undefined {
  if (u.missingNames.length !== 1) return undefined;
  const missing = u.missingNames[0];
  const context = slotContext(s.text.slice(0, missing.mention.start - s.start));
  const swap = context && swappedName(u, names, s, corpus);
  if (!swap) return undefined;
  return u.sentences.find((x) => x.mentions.some((m) => (m.text === swap.name || corpus.lookupEntity(m.text)?.id === swap.id) && slotContext(x.text.slice(0, m.start - x.start)) === context));
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

/**
 * Units that cannot back the claim because the passage of their article saying most of it says it of
 * another place or person in the claim's own words: the article's other passages, covering less ("at the
 * Sparkassen Cup in Stuttgart" for "…in Leipzig", though the article names Leipzig elsewhere), and any
 * passage joining that sentence to a neighbour that names the claim's place.
 */
export function swapBlocked(scored: EvidenceUnit[], names: ClaimName[], s: DraftSentence, corpus: CorpusIndex): (u: EvidenceUnit) => boolean {
  const coverageIn = new Map<string, number>();
  const sentences = new Set<SourceSentence>();
  for (const u of scored) {
    const swapped = u.coverage >= tuning.swap && u.missingFigures.length === 0 ? swappedInPlace(u, names, s, corpus) : undefined;
    if (!swapped) continue;
    coverageIn.set(swapped.uri, Math.max(u.coverage, coverageIn.get(swapped.uri) ?? 0));
    sentences.add(swapped);
  }
  if (sentences.size === 0) return () => false;
  return (u) => u.coverage < (coverageIn.get(u.sentences[0].uri) ?? 0) || u.sentences.some((x) => sentences.has(x));
}
