// A result set against what was expected: "a better result than economists had expected" against the
// source's "The figure was weaker than forecast", "well above forecasts" against "in line with
// forecasts". The claim's relation to expectations turned round (or a surprise where the source says
// none) contradicts it, whatever else the passage shares with the claim.

import type { CorpusIndex } from '../corpus/corpusIndex.ts';
import { contentStems } from '../text/words.ts';
import type { EvidenceUnit } from './evidence.ts';
import type { AlignedOpposite } from './antonym.ts';
import { turnedRound } from './turnedRound.ts';

/** What was expected, as news copy writes it. */
const EXPECTED = String.raw`(?:expected|expectations?|forecasts?|predicted|predictions?|anticipated|estimates?|estimated|projected|projections?|hoped|feared)`;
/** The same as things (not "the expected announcement"): what a result is above, below or in line with. */
const EXPECTATIONS = String.raw`(?:expectations?|forecasts?|predictions?|estimates?|projections?)`;
/** Whose expectations, or which ("analysts' forecasts", "the consensus forecast"). */
const WHOSE = String.raw`(?:(?:the|most|many|some|market|markets|analysts|analysts'|economists|economists'|city|consensus|its|their|earlier|official|had|been|was|were|have|has)\s+){0,4}`;

/** The axis a comparison is on: a value (higher, fewer), a judgement (better, weaker), a time (earlier),
 *  or any of them ("above forecasts", "beat expectations"). */
type Axis = 'value' | 'judgement' | 'time' | 'any';

const COMPARATIVES: Record<string, [Axis, 1 | -1]> = {};
const put = (axis: Axis, side: 1 | -1, words: string) => {
  for (const w of words.split(' ')) COMPARATIVES[w] = [axis, side];
};
put('value', 1, 'higher more greater bigger larger faster quicker sharper steeper deeper');
put('value', -1, 'lower less fewer smaller slower milder shallower lighter');
put('judgement', 1, 'better stronger healthier brighter rosier firmer');
put('judgement', -1, 'worse weaker poorer gloomier softer');
put('time', 1, 'earlier sooner');
put('time', -1, 'later');

const COMPARED = new RegExp(
  String.raw`\b(${Object.keys(COMPARATIVES).join('|')})(?:[\s-]+[\p{L}'’]+){0,2}?[\s-]+than[\s-]+(?:[\p{L}'’]+\s+){0,4}?${EXPECTED}\b`,
  'giu',
);
const PAST = String.raw`(?:above|below|ahead\s+of|short\s+of|beat|beats|beating|exceeded|exceeds|exceeding|surpassed|topped|outstripped|overshot|missed|misses|missing|undershot)`;
const PASSED = new RegExp(String.raw`\b(${PAST})\s+${WHOSE}${EXPECTATIONS}\b`, 'giu');
const DOWN_PAST = new Set(['below', 'short of', 'missed', 'misses', 'missing', 'undershot']);
const INLINE = new RegExp(String.raw`\b(?:(?:in\s+line\s+with|matching|matched|met|meeting)\s+${WHOSE}${EXPECTATIONS}|as\s+${WHOSE}${EXPECTED})\b`, 'giu');

interface Stance {
  /** 0: as expected. */
  side: -1 | 0 | 1;
  axis: Axis;
  /** How it is written: a comparative ("better … than expected"), a verb or preposition ("beat
   *  forecasts", "below expectations"), or "as expected". */
  form: 'comparative' | 'past' | 'inline';
  start: number;
  end: number;
  text: string;
  /** The comparative, verb or preposition that says which side ("better", "below"). */
  head: string;
}

/** Every comparison with expectations a text writes. */
export function stancesIn(text: string): Stance[] {
  const out: Stance[] = [];
  const at = (m: RegExpMatchArray, form: Stance['form'], axis: Axis, side: Stance['side']) => {
    const start = m.index ?? 0;
    out.push({ side, axis, form, start, end: start + m[0].length, text: m[0], head: m[1] ?? m[0] });
  };
  for (const m of text.matchAll(COMPARED)) {
    const [axis, side] = COMPARATIVES[m[1].toLowerCase()];
    at(m, 'comparative', axis, side);
  }
  for (const m of text.matchAll(PASSED)) at(m, 'past', 'any', DOWN_PAST.has(m[1].toLowerCase().replace(/\s+/g, ' ')) ? -1 : 1);
  for (const m of text.matchAll(INLINE)) at(m, 'inline', 'any', 0);
  return out;
}

const sameAxis = (a: Stance, b: Stance) => a.axis === b.axis || a.axis === 'any' || b.axis === 'any';
/** Two stances that cannot both be true of one result. */
const clash = (a: Stance, b: Stance) => (a.side === 0) !== (b.side === 0) || (a.side !== 0 && sameAxis(a, b) && a.side !== b.side);
const agree = (a: Stance, b: Stance) => (a.side === 0 && b.side === 0) || (a.side !== 0 && a.side === b.side && sameAxis(a, b));

/** A sentence that goes on about the one before it ("The figure was weaker than forecast"). */
const FOLLOW_UP = /^(?:the\s+(?:figure|figures|rise|fall|increase|decrease|decline|drop|gain|growth|result|results|number|numbers|data|reading|rate)|this|that|it)\b/i;

/** How many of `words` a text's content stems hold. */
function shared(words: ReadonlySet<string>, text: string): number {
  let n = 0;
  for (const w of new Set(contentStems(text))) if (words.has(w)) n++;
  return n;
}

/**
 * The claim's comparison with expectations turned round in the sentence of a passage backing the rest
 * of it that shares most words with the claim (or in the sentence right after, when it goes on about the
 * same result), where neither compares as the claim does.
 */
export function turnedExpectation(claimSentence: string, units: readonly EvidenceUnit[], corpus: CorpusIndex): AlignedOpposite | undefined {
  const mine = stancesIn(claimSentence);
  if (mine.length === 0) return undefined;
  const words = new Set(contentStems(claimSentence));
  // The unit's sentence sharing most words with the claim, and the one after it when it goes on.
  const sentencesOf = (unit: EvidenceUnit) => {
    const main = unit.sentences.reduce((best, x) => (shared(words, x.text) > shared(words, best.text) ? x : best));
    const next = corpus.article(main.uri)?.sentences[main.index + 1];
    return next && FOLLOW_UP.test(next.text) ? [main, next] : [main];
  };
  const found = turnedRound(mine, units, stancesIn, agree, clash, sentencesOf);
  if (!found) return undefined;
  const { mine: c, theirs: t } = found;
  const said = { draft: c.text, source: t.text };
  // Written the same way, the word that says which side is what to change ("a weaker result than
  // economists had expected" for "a better result …"); else the whole comparison.
  if (c.form === t.form && c.form !== 'inline') return { unit: found.unit, sentence: found.sentence, start: c.start, end: c.start + c.head.length, draft: c.head, source: t.head, said };
  return { unit: found.unit, sentence: found.sentence, start: c.start, end: c.end, ...said, said };
}
