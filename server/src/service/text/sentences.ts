// Sentence splitting: Intl.Segmenter (ICU rules) plus a merge step for the abbreviations news text is
// full of ("U.S.", "Gen.", "N. Korea", "Dec. 5"), which ICU treats as sentence ends.

import type { Sentence } from '../types.ts';

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

// Words that end in a period without ending the sentence when the next word is capitalised.
const TITLE_ABBREVIATIONS = new Set(
  [
    'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'cmdr', 'adm', 'sgt', 'cpl', 'pvt',
    'gov', 'sen', 'rep', 'rev', 'fr', 'st', 'mt', 'ft', 'hon', 'pres', 'supt', 'det', 'insp', 'sr', 'jr',
    'messrs', 'mme', 'mlle', 'no', 'nos', 'vol', 'fig', 'pp', 'art', 'sec', 'ch', 'ltd', 'inc', 'co', 'corp',
    'bros', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'vs', 'v',
    'approx', 'est', 'dept', 'univ', 'assn', 'ave', 'blvd', 'rd',
  ],
);
// Abbreviations that may legitimately end a sentence ("…in the U.S. The talks…"): merge only when the
// next word is lower case or a number.
const AMBIGUOUS_ABBREVIATIONS = /(?:\b[A-Za-z]\.){2,}$|\b(?:etc|al|approx)\.$/;

/** Splits `text[start, end)` into sentences with exact offsets; surrounding white space is trimmed. */
export function splitSentences(text: string, start = 0, end = text.length): Sentence[] {
  const slice = text.slice(start, end);
  const raw: Array<{ start: number; end: number }> = [];
  for (const seg of segmenter.segment(slice)) {
    raw.push({ start: start + seg.index, end: start + seg.index + seg.segment.length });
  }
  const merged: Array<{ start: number; end: number }> = [];
  for (const seg of raw) {
    const prev = merged[merged.length - 1];
    if (prev && shouldMerge(text, prev, seg)) prev.end = seg.end;
    else merged.push({ ...seg });
  }
  const out: Sentence[] = [];
  for (const seg of merged) {
    let s = seg.start;
    let e = seg.end;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (e > s) out.push({ start: s, end: e, text: text.slice(s, e) });
  }
  return out;
}

function shouldMerge(text: string, prev: { start: number; end: number }, next: { start: number; end: number }): boolean {
  const prevText = text.slice(prev.start, prev.end);
  // A line break ends a sentence whatever precedes it (headlines, list items, datelines).
  if (/\n[ \t]*$/.test(prevText)) return false;
  const trimmed = prevText.trimEnd();
  if (!trimmed.endsWith('.')) return false;
  const nextText = text.slice(next.start, next.end).trimStart();
  const firstChar = nextText.charAt(0);
  const nextLower = /^[a-z0-9,;:%$£€(–—-]/.test(firstChar);
  const lastWord = /([A-Za-z.]+)\.$/.exec(trimmed)?.[1] ?? '';
  if (TITLE_ABBREVIATIONS.has(lastWord.toLowerCase())) return true;
  // Single initial: "N. Korea", "George W. Bush", "J. K. Rowling".
  if (/(?:^|[\s(])[A-Z]$/.test(lastWord) && /^[A-Z]/.test(firstChar)) return true;
  return AMBIGUOUS_ABBREVIATIONS.test(trimmed) && nextLower;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 160 || code === 0x2028 || code === 0x2029 || code === 0xfeff;
}
