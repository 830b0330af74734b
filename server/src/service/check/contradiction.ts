// Contradictions: a passage about the same thing that gives another figure, names another person or
// place of the same kind, says the opposite of the claim's verb, or is negated where the claim is not.

import type { CorpusIndex } from '../corpus/corpusIndex.ts';
import { repairMojibake } from '../text/words.ts';
import type { DraftSentence } from './draft.ts';
import type { EvidenceUnit } from './evidence.ts';
import { isBareCount } from './counted.ts';
import type { ClaimName } from './nameMatch.ts';
import { swappedName } from './nameSwap.ts';
import type { oppositeIn } from './predicateSupport.ts';
import type { PredicateWord } from './predicate.ts';
import { round, type Judgement } from './judgement.ts';
import { tuning } from './tuning.ts';

/** The unit names another person or place of the same kind where the claim's one is missing. */
export function findContradiction(
  scored: EvidenceUnit[],
  s: DraftSentence,
  names: ClaimName[],
  corpus: CorpusIndex,
  verb?: PredicateWord,
): Omit<Judgement, 'entities'> | undefined {
  const ranked = [...scored].sort((a, b) => b.coverage - a.coverage);
  for (const u of ranked) {
    if (u.coverage < tuning.contradiction) break;
    const rival = rivalFigure(u, s);
    if (rival) return rival;
    // Another person, place or organisation of the same kind in the same statement: one name swapped.
    if (u.missingNames.length === 1 && u.missingFigures.length === 0 && u.coverage >= tuning.swap) {
      const missing = u.missingNames[0];
      const swap = swappedName(u, names, s, corpus, verb);
      if (swap && missing.mention.end > missing.mention.start) {
        return {
          verdict: 'contradicted',
          reason: `The sources say this of ${swap.name}, not ${missing.mention.text}.`,
          sources: u.sentences.map((sentence) => ({ sentence, score: round(u.coverage) })),
          conflict: { start: missing.mention.start - s.start, end: missing.mention.end - s.start, draft: missing.mention.text, source: swap.name },
        };
      }
    }
    const reversed = reversal([u], 0);
    if (reversed) return reversed;
  }
  return undefined;
}

/** A different figure for the same thing: the names are there, one figure differs and the unit's article
 *  never gives the claim's figure (`anywhere`: or does, in a passage saying less of the claim). */
function rivalFigure(u: EvidenceUnit, s: DraftSentence, anywhere = false): Omit<Judgement, 'entities'> | undefined {
  if (u.missingNames.some((n) => !n.inArticle)) return undefined;
  // With the claim's figure elsewhere in the article, only a rival written between the claim's own words
  // ("Prize in 1995" for "Prize in 1994", "a similar $540m repayment demand" for "a $900m repayment
  // demand"; not "achievements in 2018" for "cup in 2019").
  const figure = u.missingFigures.find(
    (f) =>
      f.conflict &&
      (!f.inArticle ||
        (anywhere && !!f.conflictSentence && sameContext(s.text, f.claim.start - s.start, f.claim.end - s.start, f.conflictSentence.text, f.conflict.start - f.conflictSentence.start, f.conflict.end - f.conflictSentence.start))),
  );
  if (!figure?.conflict || !figure.conflictSentence) return undefined;
  return {
    verdict: 'contradicted',
    // As the source means it: "Â£35bn" in a file read with the wrong encoding is "£35bn" (and a quick
    // fix writes it into the draft).
    reason: `The sources give ${repairMojibake(figure.conflict.text)}, not ${figure.claim.text}.`,
    sources: [{ sentence: figure.conflictSentence, score: round(u.coverage) }],
    conflict: { start: figure.claim.start - s.start, end: figure.claim.end - s.start, draft: figure.claim.text, source: repairMojibake(figure.conflict.text) },
  };
}

/** Whether the two words before a figure (`x` from `a` to `aEnd`) are those before another (`y` from `b` to
 *  `bEnd`), or the two words after it those after the other (case aside). */
function sameContext(x: string, a: number, aEnd: number, y: string, b: number, bEnd: number): boolean {
  const words = (t: string) => t.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const lead = (t: string, at: number) => words(t.slice(Math.max(0, at - 60), at)).slice(-2).join(' ');
  const tail = (t: string, at: number) => words(t.slice(at, at + 60)).slice(0, 2).join(' ');
  const [before, after] = [lead(x, a), tail(x, aEnd)];
  return (before.includes(' ') && before === lead(y, b)) || (after.includes(' ') && after === tail(y, bEnd));
}

/** A passage giving another figure that says clearly more of the claim than every backing passage
 *  (`above`: the most any of them holds) contradicts it though they back it: "the technology will be
 *  available in the fourth quarter of 2005" over a passage of another story that happens to hold
 *  "third quarter" and "2005". */
export function closerRivalFigure(scored: EvidenceUnit[], s: DraftSentence, above: number): Omit<Judgement, 'entities'> | undefined {
  const ranked = [...scored].sort((a, b) => b.coverage - a.coverage);
  for (const u of ranked) {
    // Close enough to back the claim itself, had its figure been the claim's.
    if (u.coverage < Math.max(tuning.support, above + tuning.figureOverSupport)) break;
    const rival = rivalFigure(u, s, u.coverage >= tuning.rivalOverArticle);
    if (rival) return rival;
  }
  return undefined;
}

/** Share of what a claim says that a reversed clause must hold to outweigh a supporting passage. */
const REVERSAL_SHARE = 0.6;

/** The verdict on a claim whose verb a passage states the opposite of. */
export function opposed(opposite: NonNullable<ReturnType<typeof oppositeIn>>): Omit<Judgement, 'entities'> {
  return {
    verdict: 'contradicted',
    reason: `The source says “${opposite.source}”, not “${opposite.word.text}”.`,
    sources: opposite.unit.sentences.map((sentence) => ({ sentence, score: round(opposite.unit.coverage) })),
    conflict: { start: opposite.word.start, end: opposite.word.end, draft: opposite.word.text, source: opposite.source },
  };
}

/** The unit with the claim's names and figures that covers more of it than `above` and has the opposite
 *  polarity, as a contradiction. */
export function reversal(scored: EvidenceUnit[], above: number): Omit<Judgement, 'entities'> | undefined {
  let best: EvidenceUnit | undefined;
  for (const u of scored) {
    // A count the passage lacks is no obstacle when it negates what is counted ("I don't need strikers"
    // against "needed two new strikers"), unless it gives another count of it.
    const figuresDiffer = u.missingFigures.some((f) => !isBareCount(f.claim) || f.conflict);
    if (!u.negationMismatch || u.missingNames.length > 0 || figuresDiffer || u.coverage < tuning.support) continue;
    // Over a passage that supports the claim, only a clause that says most of the same thing.
    if (above > 0 && u.reversedShare < REVERSAL_SHARE) continue;
    if (u.coverage > above && (!best || u.coverage > best.coverage)) best = u;
  }
  return (
    best && {
      verdict: 'contradicted',
      reason: 'The source says the opposite (one of the two is negated).',
      sources: best.sentences.map((sentence) => ({ sentence, score: round(best.coverage) })),
    }
  );
}
