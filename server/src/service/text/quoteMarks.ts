// Pairing quotation marks. One linear pass pairs double quotes (straight, curly, and the "spun" ”…” that
// opens with a closing mark) with a small state machine, and single quotes ('…' / ‘…’, British style) from
// opener/closer candidates that exclude apostrophes. A quote never runs across a blank line; an unclosed
// one ends with its paragraph.

const ELISION_RE = /^(?:em|tis|twas|til|cause|cos|n|bout|round|s)(?![\p{L}])|^\d\d(?:s|\b)/iu;

const DQ = 0x22;
const LDQ = 0x201c;
const RDQ = 0x201d;
const LOW_DQ = 0x201e;
const LGUIL = 0xab;
const RGUIL = 0xbb;
const SQ = 0x27;
const LSQ = 0x2018;
const RSQ = 0x2019;

/** A quotation as found: its marks, its inner text and its paragraph. */
export interface Found {
  start: number;
  end: number;
  innerStart: number;
  innerEnd: number;
  /** Bounds of the paragraph (for attribution context). */
  paraStart: number;
  paraEnd: number;
}

interface SingleMark {
  pos: number;
  open: boolean;
  /** A closer that may be a plural possessive ("the Democrats' plan"). */
  weak: boolean;
  para: number;
}

/** Finds quotations in `text[start, end)` with the speaker the sentence names, when it does. */
export function scan(text: string, start: number, end: number): Found[] {
  const doubles: Found[] = [];
  const singles: SingleMark[] = [];
  const paraStarts: number[] = [start];
  let paraStart = start;
  let open = -1;
  let para = 0;

  // markEnd > innerEnd when a closing mark was seen; otherwise the quote ends with its text.
  const close = (markEnd: number, innerEnd: number): void => {
    const f = trimmed(text, open, markEnd, open + 1, innerEnd, paraStart);
    if (f) doubles.push(f);
    open = -1;
  };

  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      const blank = blankLineAfter(text, i, end);
      if (blank >= 0) {
        if (open >= 0) close(i, i);
        paraStart = blank;
        para++;
        paraStarts.push(blank);
        continue;
      }
      if (open >= 0 && lineBreakEndsQuote(text, i, end)) close(i, i);
      continue;
    }
    if (c === DQ || c === LDQ || c === RDQ || c === LOW_DQ || c === LGUIL || c === RGUIL) {
      const before = i > start ? text.charCodeAt(i - 1) : 10;
      const after = i + 1 < end ? text.charCodeAt(i + 1) : 10;
      const openerLike = (isSpace(before) || isOpenPunct(before)) && !isSpace(after);
      const closerLike = !isSpace(before) && (isSpace(after) || isClosePunct(after));
      if (open < 0) {
        if (c === RDQ || c === RGUIL) {
          // Spun text opens with a closing mark: `” It’s type of creepy…`
          if (isSpace(before) || i === start) open = i;
        } else if (!(closerLike && !openerLike)) open = i;
      } else if ((c === LDQ || c === LOW_DQ || c === LGUIL) && !(closerLike && !openerLike)) {
        // An opening mark inside an open quote: the previous one was never closed.
        close(i, i);
        open = i;
      } else if (c === DQ && openerLike && !closerLike && afterSentenceEnd(text, i, open)) {
        // A straight mark opening a new sentence's quotation: the open one lost its closing mark where
        // its paragraph ended (`…a criminal offence. He also said… "I think…"` in text whose paragraphs
        // were run together).
        close(i, i);
        open = i;
      } else {
        // The same, the new quotation introduced by a colon: the open one ends with its last sentence.
        const lost = c === DQ && openerLike && !closerLike ? lostAt(text, i, open) : -1;
        if (lost > 0) {
          close(lost, lost);
          open = i;
        } else close(i + 1, i);
      }
      continue;
    }
    if (open < 0 && (c === SQ || c === LSQ || c === RSQ)) {
      const mark = singleMark(text, i, start, end, para);
      if (mark) singles.push(mark);
    }
  }
  if (open >= 0) close(end, end);
  for (const d of doubles) {
    d.paraStart = paraStarts[upperBound(paraStarts, d.start)] ?? start;
    d.paraEnd = paraEndAfter(paraStarts, d.start, end, text);
  }
  const pairs = pairSingles(text, singles, paraStarts, end);
  if (pairs.length === 0) return doubles;
  return dropNested(mergeSorted(doubles, pairs));
}

/** Whether the mark at `i` follows a sentence's end (". " before it) after the open quote's text began. */
function afterSentenceEnd(text: string, i: number, open: number): boolean {
  let p = i - 1;
  while (p > open && isSpace(text.charCodeAt(p))) p--;
  if (p === i - 1 || p <= open + 1) return false;
  const c = text.charCodeAt(p);
  return c === 46 || c === 33 || c === 63 || c === 0x2026;
}

/** Where an open quotation lost its closing mark, when the mark at `i` follows a colon (`Mr Milburn said:
 *  "…`) and the open quotation's text already ran past a sentence's end: the end of its last sentence
 *  (`said: "…for the country. In reference to it, Mr Milburn said: "Michael Howard is…`); else -1. */
function lostAt(text: string, i: number, open: number): number {
  let p = i - 1;
  while (p > open && isSpace(text.charCodeAt(p))) p--;
  if (p === i - 1 || text.charCodeAt(p) !== 58) return -1;
  let at = -1;
  for (const m of text.slice(open + 1, p).matchAll(/[.!?]["'”’)]?(?=\s+\p{Lu})/gu)) at = open + 1 + (m.index ?? 0) + m[0].length;
  return at;
}

/** Builds a quote with white space trimmed from the inner text; undefined when empty. */
function trimmed(text: string, start: number, end: number, innerStart: number, innerEnd: number, paraStart: number): Found | undefined {
  let s = innerStart;
  let e = innerEnd;
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  if (e <= s) return undefined;
  // An unclosed quote ends where its text ends.
  const qEnd = end > innerEnd ? end : e;
  return { start, end: qEnd, innerStart: s, innerEnd: e, paraStart, paraEnd: qEnd };
}

function singleMark(text: string, i: number, start: number, end: number, para: number): SingleMark | undefined {
  const before = i > start ? text.charCodeAt(i - 1) : 10;
  const after = i + 1 < end ? text.charCodeAt(i + 1) : 10;
  if (isWordChar(before) && isWordChar(after)) return undefined; // don't, Biegun's
  const c = text.charCodeAt(i);
  if ((isSpace(before) || isOpenPunct(before) || isDoubleMark(before)) && !isSpace(after) && after !== SQ && after !== RSQ) {
    if (ELISION_RE.test(text.slice(i + 1, Math.min(end, i + 6)))) return undefined; // 'em, '90s
    return { pos: i, open: true, weak: false, para };
  }
  if (c !== LSQ && !isSpace(before) && (isSpace(after) || isClosePunct(after) || isDoubleMark(after))) {
    let weak = false;
    if ((before === 115 || before === 83) && after === 32) {
      const next = i + 2 < end ? text.charCodeAt(i + 2) : 0;
      weak = (next >= 97 && next <= 122) || (next >= 48 && next <= 57);
    }
    return { pos: i, open: false, weak, para };
  }
  return undefined;
}

/** Pairs each single opener with the next closer in its paragraph. */
function pairSingles(text: string, marks: SingleMark[], paraStarts: number[], end: number): Found[] {
  const out: Found[] = [];
  let pending: SingleMark | undefined;
  for (let k = 0; k < marks.length; k++) {
    const m = marks[k];
    if (pending && pending.para !== m.para) pending = undefined;
    if (m.open) {
      pending = m;
      continue;
    }
    if (!pending) continue;
    const next = marks[k + 1];
    // "the Democrats' plan'": a later closer in the same paragraph is the real end.
    if (m.weak && next && !next.open && next.para === m.para) continue;
    const paraStart = paraStarts[m.para] ?? 0;
    const f = trimmed(text, pending.pos, m.pos + 1, pending.pos + 1, m.pos, paraStart);
    if (f) {
      f.paraEnd = paraStarts[m.para + 1] ?? end;
      out.push(f);
    }
    pending = undefined;
  }
  return out;
}

function mergeSorted(a: Found[], b: Found[]): Found[] {
  return [...a, ...b].sort((x, y) => x.start - y.start || y.end - x.end);
}

/** Inner quotes of a quote are part of it, not separate quotations. */
function dropNested(sorted: Found[]): Found[] {
  const out: Found[] = [];
  let lastEnd = -1;
  for (const f of sorted) {
    if (f.start < lastEnd) continue;
    out.push(f);
    lastEnd = f.end;
  }
  return out;
}

function upperBound(starts: number[], pos: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function paraEndAfter(starts: number[], pos: number, end: number, _text: string): number {
  const k = upperBound(starts, pos);
  return starts[k + 1] ?? end;
}

/** Index after a blank line starting at the newline `i`, or -1. */
function blankLineAfter(text: string, i: number, end: number): number {
  let j = i + 1;
  while (j < end) {
    const c = text.charCodeAt(j);
    if (c === 10) return j + 1;
    if (c !== 32 && c !== 9 && c !== 13) return -1;
    j++;
  }
  return -1;
}

/**
 * A single line break ends an open quote when the text is laid out one paragraph per line: the line
 * ends a sentence, or the next line opens a quote or a Markdown block.
 */
function lineBreakEndsQuote(text: string, i: number, end: number): boolean {
  let p = i - 1;
  while (p >= 0 && (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 13 || text.charCodeAt(p) === 9) && i - p < 8) p--;
  const last = p >= 0 ? text.charCodeAt(p) : 10;
  if (last === 46 || last === 33 || last === 63 || last === 0x2026) return true;
  let n = i + 1;
  while (n < end && (text.charCodeAt(n) === 32 || text.charCodeAt(n) === 9) && n - i < 8) n++;
  const first = n < end ? text.charCodeAt(n) : 10;
  return first === DQ || first === LDQ || first === RDQ || first === 35 || first === 62 || first === 45 || first === 42 || first === 124;
}

export function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 160 || c === 0x2028 || c === 0x2029 || c === 0xfeff || c === 0x202f || c === 0x2009;
}

function isOpenPunct(c: number): boolean {
  // ( [ { — – - / :
  return c === 40 || c === 91 || c === 123 || c === 0x2014 || c === 0x2013 || c === 45 || c === 47 || c === 58 || c === 0x2018 || c === 0x201c;
}

function isClosePunct(c: number): boolean {
  // , . ; : ! ? ) ] } … — –
  return c === 44 || c === 46 || c === 59 || c === 58 || c === 33 || c === 63 || c === 41 || c === 93 || c === 125 || c === 0x2026 || c === 0x2014 || c === 0x2013 || c === 45 || c === RSQ || c === SQ;
}

export function isDoubleMark(c: number): boolean {
  return c === DQ || c === LDQ || c === RDQ || c === LOW_DQ;
}

export function isWordChar(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return /[\p{L}\p{N}]/u.test(String.fromCharCode(c));
}
