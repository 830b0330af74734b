// A rank among the superlatives: "the world's second biggest reinsurer" against the source's "the
// world's biggest reinsurer", "London's most senior police officer" against "second most senior", or
// "third-largest" against "fourth-largest". The same superlative of the same thing with another place
// contradicts the claim; nothing else in the passage differs, so nothing else would flag it.

import type { EvidenceUnit } from './evidence.ts';
import type { AlignedOpposite } from './antonym.ts';
import { shownAsOpposite, turnedRound } from './turnedRound.ts';

const ORDINALS: Record<string, number> = {
  second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  '2nd': 2, '3rd': 3, '4th': 4, '5th': 5, '6th': 6, '7th': 7, '8th': 8, '9th': 9, '10th': 10,
};

/** An optional place, then a superlative ("biggest", "most senior", "fastest-growing"), then the word after
 *  it (what it ranks). Words that end in -est but are no superlatives are left out by the list below. */
const RANKED = new RegExp(
  String.raw`\b(?:(${Object.keys(ORDINALS).join('|')})[\s-]+)?((?:most|least)\s+\p{L}+|\p{L}{2,}est|best|worst)(?:-\p{L}+)?\s+([\p{L}][\p{L}'’-]*)`,
  'giu',
);
/** Words in -est that rank nothing ("interest", "latest" ranks only by time, "honest", "west"…). */
const NOT_SUPERLATIVE = new Set(['interest', 'latest', 'honest', 'modest', 'west', 'rest', 'test', 'best-known', 'request', 'protest', 'contest', 'suggest', 'arrest', 'invest', 'forest', 'harvest', 'manifest', 'digest', 'quest', 'guest', 'nest', 'chest', 'crest', 'pest', 'vest', 'zest', 'earnest', 'conquest', 'inquest', 'unrest', 'behest', 'tempest', 'priest', 'midwest', 'southwest', 'northwest']);

interface Ranked {
  place: number;
  superlative: string;
  noun: string;
  start: number;
  /** End of the place and the superlative (what a fix replaces). */
  end: number;
  text: string;
}

function rankedIn(text: string): Ranked[] {
  const out: Ranked[] = [];
  for (const m of text.matchAll(RANKED)) {
    const superlative = m[2].toLowerCase().replace(/\s+/g, ' ');
    if (NOT_SUPERLATIVE.has(superlative)) continue;
    const start = m.index ?? 0;
    const end = start + m[0].length - m[3].length;
    const text_ = text.slice(start, end).trimEnd();
    out.push({ place: m[1] ? ORDINALS[m[1].toLowerCase()] : 1, superlative, noun: m[3].toLowerCase(), start, end: start + text_.length, text: text_ });
  }
  return out;
}

/**
 * A superlative of the claim that a passage backing the rest of it gives the same thing at another
 * place, where the passage does not also give the claim's.
 */
export function otherRank(claimSentence: string, units: readonly EvidenceUnit[]): AlignedOpposite | undefined {
  const sameThing = (c: Ranked, t: Ranked) => t.superlative === c.superlative && t.noun === c.noun;
  return shownAsOpposite(
    turnedRound(
      rankedIn(claimSentence),
      units,
      rankedIn,
      (c, t) => sameThing(c, t) && t.place === c.place,
      (c, t) => sameThing(c, t) && t.place !== c.place,
    ),
  );
}
