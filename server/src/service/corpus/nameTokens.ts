// Tokens of the name finder: words (with a possessive split off, titles' and initials' periods kept,
// "profitQuarterly" run-ins split), numbers and punctuation, each marked capitalised, clause-initial and
// so on; and whether a sentence is a headline.

import type { EntityKind, Sentence } from '../types.ts';
import { tokKey } from './nameCues.ts';

export interface Tok {
  start: number;
  end: number; // excludes a possessive 's
  text: string; // surface without possessive
  word: boolean;
  cap: boolean; // starts with an upper-case letter (or is a particle-prefixed name: al-Assad)
  allCaps: boolean;
  key: string; // lower case, periods removed
  initial: boolean; // first word of a sentence, quote or clause after a colon
  poss: boolean;
  glueBreak: boolean; // split off a run-in headline: never continues the previous run
}

export type Cue = 'strong' | 'weak';
export interface Found {
  start: number;
  end: number;
  kind: EntityKind;
  cue: Cue;
  role?: string;
  tokens: Tok[];
}

// Acronyms with periods, words (letters with inner hyphens/apostrophes; one or two digits after a lone
// capital: "O2", "G7", "T20"), numbers, single punctuation.
const TOKEN_RE = /((?:\p{Lu}\.){2,})|(\p{L}[\p{L}\p{M}]*(?:[-'’][\p{L}\p{M}]+)*(?:(?<=(?<![\p{L}\p{M}'’-])\p{Lu})\p{N}{1,2}(?![\p{L}\p{N}]))?)|(\p{N}+(?:[.,:]\p{N}+)*)|[^\s\p{L}\p{N}]/gu;
/** A capitalised name joined to a participle that says where or by whom ("Frankfurt-based", "Paris-born"). */
const JOINED_RE = /^(\p{Lu}[\p{L}\p{M}]*(?:-\p{Lu}[\p{L}\p{M}]*)*)-(?:based|born|bred|headquartered|owned|listed|registered|made|run|backed|led|built)$/u;
const PARTICLE_PREFIX_RE = /^(?:al|el|bin|ibn|ben|abu)-\p{Lu}/u;
const UPPER_RE = /^\p{Lu}/u;
const HAS_LOWER_RE = /\p{Ll}/u;
const TERMINAL_RE = /[.?!:;…][\s"'”’)\]]*$/u;

const ABBREV_WITH_PERIOD = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'cmdr', 'adm', 'sgt', 'gov', 'sen', 'rep',
  'rev', 'st', 'jr', 'sr', 'hon', 'pres', 'supt', 'det', 'insp', 'inc', 'ltd', 'co', 'corp', 'bros', 'mt', 'ft',
]);

export function tokenize(text: string, sentence: Sentence, headlineRunIn: boolean): Tok[] {
  const out: Tok[] = [];
  const s = sentence.text;
  const base = sentence.start;
  let initial = true;
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(s); m; m = TOKEN_RE.exec(s)) {
    const raw = m[0];
    const start = base + m.index;
    if (m[1] === undefined && m[2] === undefined) {
      const isNum = m[3] !== undefined;
      // A bare apostrophe after a possessive plural ("Novartis' shares") is part of that word.
      if ((raw === "'" || raw === '’') && out.length && out[out.length - 1].poss) continue;
      out.push({ start, end: start + raw.length, text: raw, word: false, cap: false, allCaps: false, key: raw, initial: false, poss: false, glueBreak: false });
      // Quotes, colons, brackets and dashes open a new capitalised clause.
      initial = !isNum && CLAUSE_OPENERS.has(raw) ? true : initial && !isNum && raw !== ',';
      continue;
    }
    // "Frankfurt-based", "London-born": the name, then the word it is joined to.
    const joined = JOINED_RE.exec(raw);
    if (joined) {
      const cut = joined[1].length;
      pushWord(out, s, base, joined[1], start, initial, false);
      out.push({ start: start + cut, end: start + cut + 1, text: '-', word: false, cap: false, allCaps: false, key: '-', initial: false, poss: false, glueBreak: false });
      pushWord(out, s, base, raw.slice(cut + 1), start + cut + 1, false, false);
      initial = false;
      continue;
    }
    // Split "profitQuarterly" (and, in a run-in headline, "WarnerQuarterly") into words; not a word the
    // text writes again ("PlayStation", "YouGov"): a run-in join does not recur.
    let last = 0;
    let recurs: boolean | undefined;
    for (let i = 3; i < raw.length; i++) {
      if (!isLower(raw.charCodeAt(i - 1)) || !isUpper(raw.charCodeAt(i))) continue;
      const left = raw.slice(last, i);
      const seg = left.slice(Math.max(left.lastIndexOf('-'), left.lastIndexOf("'"), left.lastIndexOf('’')) + 1);
      if (seg.length >= 3 && (isLower(seg.charCodeAt(0)) || (headlineRunIn && !(recurs ??= text.indexOf(raw) !== text.lastIndexOf(raw))))) {
        pushWord(out, s, base, left, start + last, initial, last > 0);
        initial = false;
        last = i;
      }
    }
    pushWord(out, s, base, last ? raw.slice(last) : raw, start + last, initial, last > 0);
    initial = false;
  }
  return out;
}

const CLAUSE_OPENERS = new Set(['"', '“', '‘', '(', ':', '-', '–', '—', '[', '•', '*', '#', '>', '|']);
function pushWord(out: Tok[], s: string, base: number, word: string, start: number, initial: boolean, brk: boolean): void {
  let text = word;
  let end = start + text.length;
  let poss = false;
  const n = text.length;
  const lastC = text.charCodeAt(n - 1);
  if (lastC === 115 || lastC === 83) {
    const ap = text.charCodeAt(n - 2);
    if (n > 2 && (ap === 39 || ap === 0x2019)) {
      text = text.slice(0, -2);
      end -= 2;
      poss = true;
    } else {
      const next = s.charCodeAt(end - base);
      if ((next === 39 || next === 0x2019) && !isLetter(s.charCodeAt(end - base + 1))) poss = true; // "Novartis' shares"
    }
  }
  const c0 = text.charCodeAt(0);
  let cap = isUpper(c0) || (c0 > 0xff && UPPER_RE.test(text));
  // Particle-prefixed names: "al-Assad", "bin-Salman".
  if (!cap && text.indexOf('-') > 0 && PARTICLE_PREFIX_RE.test(text)) cap = true;
  const allCaps = cap && text.length >= 2 && !HAS_LOWER_RE.test(text);
  // Titles and initials keep their period: "Gen.", "W.", "Jr.".
  if (s.charCodeAt(end - base) === 46 && !poss && (cap || text.length <= 4)) {
    if ((text.length === 1 && cap) || ABBREV_WITH_PERIOD.has(text.toLowerCase())) {
      end += 1;
      text += '.';
      if (end - base > TOKEN_RE.lastIndex) TOKEN_RE.lastIndex = end - base;
    }
  }
  out.push({ start, end, text, word: true, cap, allCaps, key: tokKey(text), initial: initial || brk, poss, glueBreak: brk });
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && c < 0x2000);
}

export function isHeadline(toks: Tok[], sentence: Sentence): boolean {
  let words = 0;
  let caps = 0;
  let allCaps = 0;
  for (const t of toks) {
    if (!t.word) continue;
    words++;
    if (t.cap) caps++;
    if (t.allCaps && t.text.length >= 3) allCaps++;
  }
  if (words === 0) return false;
  if (allCaps >= 2 && allCaps / words >= 0.6) return true;
  return words <= 14 && caps / words >= 0.5 && !TERMINAL_RE.test(sentence.text);
}

function isLower(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 0xdf && c <= 0xff && c !== 0xf7);
}

function isUpper(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
}
