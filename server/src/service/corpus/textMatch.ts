// How well a candidate's words match what a writer typed, compared folded (lower case, no accents, no
// punctuation): quotations and citation titles in completion, the archive's quotations in its database
// (whose folding, host/archive/schema.ts, is this one in SQL).

import { foldName } from './nameSearch.ts';

/** No typed word matched. */
export const NO_MATCH = Number.POSITIVE_INFINITY;

/** Lower case, accents and punctuation dropped, single spaces: "“We’ll go,” he said" → "we ll go he said". */
export function foldText(s: string): string {
  return foldName(s).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** How well `candidate` matches `typed` (both folded): 0 starts with it, 1 contains it, 2 has every
 *  typed word (the last one as a word's start), 3 + n when n typed words are missing; NO_MATCH when none
 *  is there. Empty typed text matches everything equally (0). */
export function matchTier(typed: string, candidate: string): number {
  if (!typed) return 0;
  if (candidate.startsWith(typed)) return 0;
  if (candidate.includes(typed)) return 1;
  const words = candidate.split(' ');
  const want = typed.split(' ');
  let missing = 0;
  for (let i = 0; i < want.length; i++) {
    const w = want[i];
    const last = i === want.length - 1;
    if (!words.some((c) => (last ? c.startsWith(w) : c === w))) missing++;
  }
  if (missing === want.length) return NO_MATCH;
  return missing === 0 ? 2 : 3 + missing;
}
