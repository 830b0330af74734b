// Where the sentence around a quotation starts: the attribution of a quotation is read in its own
// sentence, back to the last full stop that is no abbreviation's ("Mr.", "U.S.") and no line's end that
// continues a sentence.

import { isDoubleMark, isSpace, isWordChar } from './quoteMarks.ts';

/** Words a full stop follows without ending the sentence ("Mr.", "Gen.", "Inc."). */
export const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'gen', 'sen', 'rep', 'gov', 'lt', 'col', 'prof', 'jr', 'sr', 'rev', 'capt', 'sgt', 'maj', 'adm', 'no', 'vs', 'inc', 'ltd', 'co', 'corp']);

/** Start of the sentence containing `pos`, searching back no further than `min`. */
export function sentenceStart(text: string, min: number, pos: number): number {
  for (let i = pos - 1; i > min; i--) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      if (i + 1 < pos && lineEndsSentence(text, i, min)) return i + 1;
      continue;
    }
    if (!isSpace(c)) continue;
    const p = text.charCodeAt(i - 1);
    if (p !== 46 && p !== 33 && p !== 63) continue;
    if (p === 46 && isAbbreviation(text, i - 1, min)) continue;
    // Next word must not be lower case ("the U.S. said").
    let n = i + 1;
    while (n < pos && isSpace(text.charCodeAt(n))) n++;
    const nc = n < pos ? text.charCodeAt(n) : 65;
    if (nc >= 97 && nc <= 122) continue;
    return i + 1;
  }
  return min;
}

function lineEndsSentence(text: string, i: number, min: number): boolean {
  let p = i - 1;
  while (p > min && isSpace(text.charCodeAt(p))) p--;
  const c = text.charCodeAt(p);
  return c === 46 || c === 33 || c === 63 || c === 58 || isDoubleMark(c) || p <= min;
}

function isAbbreviation(text: string, dot: number, min: number): boolean {
  let s = dot;
  while (s > min && s > dot - 6 && isWordChar(text.charCodeAt(s - 1))) s--;
  const word = text.slice(s, dot);
  if (word.length === 1 && word >= 'A' && word <= 'Z') return true;
  if (text.charCodeAt(s - 1) === 46) return true; // "U.S."
  return ABBREVIATIONS.has(word.toLowerCase());
}

