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
// Words that often open a sentence: after "…in the U.S." they mean a new sentence has begun.
const SENTENCE_STARTERS = new Set(
  ('the a an it he she they we i you this that these those there but and or so yet in on at for as after before if when while ' +
    'its his her their our my some many most no not then now meanwhile however although though since because officials ' +
    'analysts critics experts one two three last next earlier later still also both all each other such what who why how').split(' '),
);
const LAST_WORD = /([A-Za-z.]+)\.$/;
const NEXT_LOWER = /^[a-z0-9,;:%$£€(–—-]/;
// Merge decisions only look at the end of the previous segment: long sentences cost nothing extra.
const TAIL = 48;

export interface SplitOptions {
  /**
   * Treat every single line break as a space (a Markdown paragraph wrapped by hand). Without it, a line
   * break still joins two lines when the next line starts in lower case or the previous one ends in a
   * comma; otherwise it ends the sentence (headlines, datelines, bylines).
   */
  softBreaks?: boolean;
}

/** Splits `text[start, end)` into sentences with exact offsets; surrounding white space is trimmed. */
export function splitSentences(text: string, start = 0, end = text.length, options: SplitOptions = {}): Sentence[] {
  const from = Math.max(0, Math.min(start, text.length));
  const to = Math.max(from, Math.min(end, text.length));
  const slice = joinSoftBreaks(text.slice(from, to), options.softBreaks === true);
  const merged: Array<{ start: number; end: number }> = [];
  for (const [s, e] of icuSegments(slice)) {
    const prev = merged[merged.length - 1];
    if (prev && shouldMerge(slice, prev.end, s, e)) prev.end = e;
    else merged.push({ start: s, end: e });
  }
  const out: Sentence[] = [];
  for (const seg of merged) {
    let s = from + seg.start;
    let e = from + seg.end;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (e > s) out.push({ start: s, end: e, text: text.slice(s, e) });
  }
  return out;
}

const WINDOW = 4096;

/**
 * ICU sentence segments of s as [start, end) pairs. V8's segment iterator costs time proportional to the
 * whole string per segment (quadratic on long texts), so it runs over windows; the last two segments of a
 * window are re-read with the next one because ICU may have cut them short for lack of look-ahead.
 */
function* icuSegments(s: string): Generator<[number, number]> {
  let pos = 0;
  let size = WINDOW;
  while (pos < s.length) {
    const to = Math.min(s.length, pos + size);
    const starts: number[] = [];
    for (const seg of segmenter.segment(s.slice(pos, to))) starts.push(pos + seg.index);
    if (to === s.length) {
      for (let k = 0; k < starts.length; k++) yield [starts[k], k + 1 < starts.length ? starts[k + 1] : to];
      return;
    }
    if (starts.length < 3) {
      size *= 2;
      continue;
    }
    for (let k = 0; k < starts.length - 2; k++) yield [starts[k], starts[k + 1]];
    pos = starts[starts.length - 2];
    size = WINDOW;
  }
}

const LOWER_START = /^\p{Ll}/u;
const HAS_LOWER = /\p{Ll}/u;
const BYLINE = /^by\s/i;

/** Whether a hand-wrapped line goes on in the next one: it ends in a comma or the next starts in lower
 *  case, unless the line is a heading or all capitals, or the next one is a byline ("by Jane Doe"). */
function continuesLine(s: string, lineStart: number, lineEnd: number, next: number): boolean {
  const head = s.slice(next, next + 3);
  if (!(s.charCodeAt(lineEnd - 1) === 44 || LOWER_START.test(head)) || BYLINE.test(head)) return false;
  const line = s.slice(lineStart, lineEnd);
  return !line.trimStart().startsWith('#') && HAS_LOWER.test(line);
}

/** Replaces soft line breaks with spaces (same length, so offsets hold). */
function joinSoftBreaks(s: string, all: boolean): string {
  if (s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
  const parts: string[] = [];
  let copied = 0;
  let lineStart = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 10 && c !== 13) continue;
    const brkLen = c === 13 && s.charCodeAt(i + 1) === 10 ? 2 : 1;
    let p = i - 1;
    while (p >= 0 && (s.charCodeAt(p) === 32 || s.charCodeAt(p) === 9)) p--;
    let n = i + brkLen;
    while (n < s.length && (s.charCodeAt(n) === 32 || s.charCodeAt(n) === 9)) n++;
    const before = p >= 0 ? s.charCodeAt(p) : 10;
    const next = n < s.length ? s.charCodeAt(n) : 10;
    const hasText = before !== 10 && before !== 13 && next !== 10 && next !== 13;
    if (hasText && (all || continuesLine(s, lineStart, p + 1, n))) {
      parts.push(s.slice(copied, i), brkLen === 2 ? '  ' : ' ');
      copied = i + brkLen;
    }
    i += brkLen - 1;
    lineStart = i + 1;
  }
  if (copied === 0) return s;
  parts.push(s.slice(copied));
  return parts.join('');
}

function shouldMerge(slice: string, prevEnd: number, nextStart: number, nextEnd: number): boolean {
  const prevTail = slice.slice(Math.max(0, prevEnd - TAIL), prevEnd);
  // A line break ends a sentence whatever precedes it (headlines, list items, datelines).
  if (/\n[ \t]*$/.test(prevTail)) return false;
  const trimmed = prevTail.trimEnd();
  const nextHead = slice.slice(nextStart, Math.min(nextEnd, nextStart + TAIL)).trimStart();
  const firstChar = nextHead.charAt(0);
  const nextLower = NEXT_LOWER.test(firstChar);
  // A question or exclamation mark inside a sentence, of a title or a quotation ("the Shall We Dance?
  // premiere", "\"Why now?\" he asked"): the next word is not a sentence's first.
  if (/[?!]['"’”)]*$/.test(trimmed)) return nextLower;
  if (!trimmed.endsWith('.')) return false;
  const lastWord = LAST_WORD.exec(trimmed)?.[1] ?? '';
  if (TITLE_ABBREVIATIONS.has(lastWord.toLowerCase())) return true;
  // Single initial: "N. Korea", "George W. Bush", "J. K. Rowling".
  if (/(?:^|[\s(])[A-Z]$/.test(lastWord) && /^[A-Z]/.test(firstChar)) return true;
  if (!AMBIGUOUS_ABBREVIATIONS.test(trimmed)) return false;
  if (nextLower) return true;
  // "the U.S. Senate wrote", "U.N. Security Council": an initialism followed by a capitalised word that
  // does not usually start a sentence is part of a name.
  const nextWord = /^[A-Z][A-Za-z'’-]*/.exec(nextHead)?.[0];
  return !!nextWord && /^(?:[A-Z]\.){2,}$/.test(lastWord + '.') && !SENTENCE_STARTERS.has(nextWord.toLowerCase());
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 160 || code === 0x2028 || code === 0x2029 || code === 0xfeff;
}
