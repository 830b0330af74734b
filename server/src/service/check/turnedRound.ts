// The reading the checks of a judgement turned round share (expectation.ts, motion.ts, stance.ts,
// rank.ts): each finds phrases of its kind in the claim and in the sentences of the passages backing the
// rest of it. A passage writing one the claim's way says what the claim says; else the first that clashes
// with it contradicts the claim.

import type { SourceSentence } from '../api.ts';
import type { EvidenceUnit } from './evidence.ts';
import type { AlignedOpposite } from './antonym.ts';

/** A phrase as written, with its offsets in its own text. */
export interface Phrase {
  start: number;
  end: number;
  text: string;
}

export interface Turned<T extends Phrase> {
  unit: EvidenceUnit;
  sentence: SourceSentence;
  mine: T;
  theirs: T;
}

/**
 * The first of the claim's phrases (`mine`) that a unit's sentences (`sentencesOf`, all of them by
 * default) turn round: a phrase there `clashes` with it and none `agrees` with it.
 */
export function turnedRound<T extends Phrase>(
  mine: readonly T[],
  units: readonly EvidenceUnit[],
  read: (text: string, sentence: SourceSentence) => T[],
  agrees: (mine: T, theirs: T) => boolean,
  clashes: (mine: T, theirs: T) => boolean,
  sentencesOf: (unit: EvidenceUnit) => readonly SourceSentence[] = (unit) => unit.sentences,
): Turned<T> | undefined {
  if (mine.length === 0) return undefined;
  for (const unit of units) {
    const theirs = sentencesOf(unit).flatMap((sentence) => read(sentence.text, sentence).map((phrase) => ({ sentence, phrase })));
    for (const c of mine) {
      if (theirs.some((t) => agrees(c, t.phrase))) continue;
      const other = theirs.find((t) => clashes(c, t.phrase));
      if (other) return { unit, sentence: other.sentence, mine: c, theirs: other.phrase };
    }
  }
  return undefined;
}

/** The finding shown on the claim's phrase, with the source's as its fix. */
export function shownAsOpposite<T extends Phrase>(found: Turned<T> | undefined): AlignedOpposite | undefined {
  return found && { unit: found.unit, sentence: found.sentence, start: found.mine.start, end: found.mine.end, draft: found.mine.text, source: found.theirs.text };
}
