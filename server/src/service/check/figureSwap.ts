// Figures given to the wrong names: "growth of 2.2% in Germany and 1.5% in France" where the source
// says "1.5% in Germany and 2.2% in France", or to the wrong times ("2.4% this year, 2% next year" where it
// says "2% this year and 2.4% next"). Each figure is paired with a name written in its part of
// the sentence (parts split at commas and at "and", "while", "with"…): the first after it, else the
// last before it, else, in a part "with …", the sentence's subject. The claim is
// contradicted when a passage pairs the same two figures with the same two names the other way round.
// Every figure and name of the claim is in that passage, so nothing else would flag it.

import type { SourceSentence } from '../api.ts';
import type { Mention, Quantity } from '../types.ts';
import { compareQuantities } from '../text/numbers.ts';
import { lastWord, nameKey } from '../corpus/entityKeys.ts';
import type { EvidenceUnit } from './evidence.ts';

export interface FigureSwap {
  sentence: SourceSentence;
  unit: EvidenceUnit;
  /** The claim's figure (offsets in the claim sentence) and the figure the source gives its name. */
  start: number;
  end: number;
  draft: string;
  source: string;
  /** The name the claim gives the figure to, as the claim writes it. */
  name: string;
  /** The name is a time ("this year"). */
  time?: boolean;
}

interface Pair {
  figure: Quantity;
  /** The name's key (entityKeys.nameKey: lower case, no possessive or accents), its last word. */
  key: string;
  name: string;
  /** The name is a time ("this year", "next", "2005"), not a person, place or body. */
  time?: boolean;
}

/** Times a figure may be given to, as names are ("2% this year and 2.4% next"): keyed by their first word
 *  ("next year" is "next"; a bare "next" only where its part ends, not "Scott next at 5-2"), a year by its
 *  number. */
const TIME_ANCHOR = /\b(?:this|next|last)\s+(?:year|month|week|season|quarter)\b|\b(?:next|last)\b(?=\s*(?:[.;,)]|$))/gi;

function timeAnchors(text: string, offset: number, figures: readonly Quantity[]): Mention[] {
  const out: Mention[] = [];
  for (const m of text.matchAll(TIME_ANCHOR)) {
    const start = offset + (m.index ?? 0);
    out.push({ start, end: start + m[0].length, text: m[0], kind: 'event' } as Mention);
  }
  for (const q of figures) if (q.kind === 'year') out.push({ start: q.start, end: q.end, text: q.text, kind: 'event' } as Mention);
  return out;
}

/** Where a sentence's parts end: punctuation within it, and words that start a coordinate part. */
const PART_BREAK = /[,;:()]|\s(?:and|while|whereas|but|with|followed\s+by|compared\s+with|against|ahead\s+of|behind|versus|vs)\s/gi;

/** Kinds of figure paired with names (a date or a year belongs to the event, not to one name). */
const PAIRED: ReadonlySet<Quantity['kind']> = new Set(['money', 'percent', 'number', 'duration']);

/**
 * Figures with the one name written in their part of `text`; `offset` is where `text` starts in the
 * offsets of `figures` and `mentions`.
 */
function pairsIn(text: string, offset: number, figures: readonly Quantity[], names: readonly Mention[]): Pair[] {
  const breaks = [0, ...[...text.matchAll(PART_BREAK)].map((m) => m.index ?? 0), text.length];
  const part = (at: number) => breaks.findIndex((b, i) => at >= b && at < (breaks[i + 1] ?? Infinity));
  const times = timeAnchors(text, offset, figures);
  const mentions = [...names, ...times].sort((a, b) => a.start - b.start);
  // A part "with …" naming no one says more of the sentence's subject ("May is the bigger chain, with
  // sales of $15.6bn"): the one name of its first part.
  const subjectOf = (p: number) => {
    if (p === 0 || !/^\s*with\s/i.test(text.slice(breaks[p], breaks[p + 1]))) return undefined;
    const first = names.filter((x) => part(x.start - offset) === 0);
    return first.length === 1 ? first[0] : undefined;
  };
  const out: Pair[] = [];
  for (const figure of figures) {
    if (!PAIRED.has(figure.kind)) continue;
    const p = part(figure.start - offset);
    const near = mentions.filter((m) => part(m.start - offset) === p);
    // The name written after the figure in its part ("2.2% in Germany"), else the last one before it
    // ("Owen was favourite at 6-9").
    const m = near.find((x) => x.start >= figure.end) ?? near.filter((x) => x.end <= figure.start).pop() ?? subjectOf(p);
    if (!m) continue;
    const time = times.includes(m);
    const key = time ? `@${m.text.toLowerCase().split(/\s+/)[0]}` : lastWord(nameKey(m.text));
    // The same figure written twice in a sentence pairs with no one name.
    if (out.some((x) => sameValue(x.figure, figure))) return [];
    out.push({ figure, key, name: m.text, time });
  }
  return out;
}

/**
 * Two figures of the claim that a passage gives to each other's names. `claim` is the claim sentence as
 * written, `start` where it starts in the offsets of `figures` and `mentions`.
 */
export function swappedFigures(claim: string, start: number, figures: readonly Quantity[], mentions: readonly Mention[], units: readonly EvidenceUnit[]): FigureSwap | undefined {
  const mine = pairsIn(claim, start, figures, mentions);
  if (mine.length < 2) return undefined;
  for (const unit of units) {
    for (const sentence of unit.sentences) {
      const theirs = pairsIn(sentence.text, sentence.start, sentence.quantities, sentence.mentions);
      if (theirs.length < 2) continue;
      for (const a of mine) {
        for (const b of mine) {
          // Two figures written in one sentence are told apart exactly ("2.4% this year, 2% next": a
          // rounded "2%" could otherwise stand for 2.4%).
          if (a.key === b.key || sameValue(a.figure, b.figure) || compareQuantities(a.figure, b.figure) === 'incomparable') continue;
          // The source gives a's figure to b's name and b's figure to a's name.
          const aFigure = pairOf(theirs, a.figure);
          const bFigure = pairOf(theirs, b.figure);
          if (aFigure?.key !== b.key || bFigure?.key !== a.key) continue;
          // A side of odds or a score ("6-9") is shown, and fixed, with its other side.
          const [from, to] = wholeScore(claim, a.figure.start - start, a.figure.end - start);
          const [sFrom, sTo] = wholeScore(sentence.text, bFigure.figure.start - sentence.start, bFigure.figure.end - sentence.start);
          return { sentence, unit, start: from, end: to, draft: claim.slice(from, to), source: sentence.text.slice(sFrom, sTo), name: a.name, time: a.time };
        }
      }
    }
  }
  return undefined;
}

/** The pair whose figure is `q`: written the same, else the same within rounding. */
function pairOf(pairs: readonly Pair[], q: Quantity): Pair | undefined {
  return pairs.find((t) => sameValue(t.figure, q)) ?? pairs.find((t) => compareQuantities(t.figure, q) === 'same');
}

/** The same kind of figure with the same value and unit. */
function sameValue(a: Quantity, b: Quantity): boolean {
  return a.kind === b.kind && a.unit === b.unit && a.value === b.value;
}

/** The span of a score or odds ("6-9", "5/2") a number at `start`–`end` of `text` is a side of, else
 *  the number's own. */
function wholeScore(text: string, start: number, end: number): [number, number] {
  const before = /\d+(?:\.\d+)?[-–/]$/.exec(text.slice(Math.max(0, start - 8), start));
  if (before) return [start - before[0].length, end];
  const after = /^[-–/]\d+(?:\.\d+)?/.exec(text.slice(end, end + 8));
  return after ? [start, end + after[0].length] : [start, end];
}
