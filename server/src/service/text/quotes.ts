// Quotations and who the sentence says spoke them. One linear pass pairs the marks: double quotes
// (straight, curly, and the "spun" ”…” that opens with a closing mark) with a small state machine,
// single quotes ('…' / ‘…’, British style) from opener/closer candidates that exclude apostrophes.
// A quote never runs across a blank line; an unclosed one ends with its paragraph. Attribution then
// reads the words just after the quote (`," Conway said`) or before it (`Biegun told reporters: "`),
// within the sentence and never across a neighbouring quote, so the total work stays linear.

import type { Quote } from '../types.ts';

const SAYING = ['say', 'tell', 'add', 'declare', 'write', 'warn', 'ask', 'insist', 'explain', 'continue', 'argue', 'announce', 'reply', 'respond', 'acknowledge', 'admit', 'recall', 'suggest', 'stress', 'emphasise', 'emphasize', 'urge', 'predict', 'concede', 'confirm', 'deny', 'observe', 'remark', 'exclaim', 'shout', 'caution', 'conclude', 'boast', 'complain', 'agree', 'maintain', 'reiterate', 'testify', 'muse', 'quip', 'lament', 'retort', 'assert', 'allege', 'mention', 'whisper', 'plead', 'wonder', 'recount'];
// Verbs whose base and -s forms are mostly nouns in news ("the report", "his claims"): past and -ing only.
const SAYING_PAST_ONLY = ['state', 'note', 'claim', 'comment', 'tweet', 'post', 'report', 'answer', 'counter', 'joke', 'vow', 'promise', 'pledge', 'describe', 'repeat', 'demand', 'question'];
const IRREGULAR: Record<string, string[]> = {
  say: ['said'], tell: ['told'], write: ['wrote', 'written'],
};

/** Lower-case verb forms that introduce reported speech ("said", "told", "according to"…). */
export const ATTRIBUTION_VERBS: ReadonlySet<string> = buildVerbs();

function buildVerbs(): Set<string> {
  const out = new Set<string>(['according to']);
  for (const v of [...SAYING, ...SAYING_PAST_ONLY]) {
    const stem = v.endsWith('e') ? v.slice(0, -1) : v;
    const y = v.endsWith('y') && !/[aeiou]y$/.test(v);
    if (SAYING.includes(v)) {
      out.add(v);
      out.add(y ? `${v.slice(0, -1)}ies` : /(?:s|sh|ch|x)$/.test(v) ? `${v}es` : `${v}s`);
    }
    out.add(`${stem}ing`);
    const irregular = IRREGULAR[v];
    if (irregular) for (const f of irregular) out.add(f);
    else out.add(y ? `${v.slice(0, -1)}ied` : v.endsWith('e') ? `${v}d` : /[^aeiou][aeiou][pt]$/.test(v) && v !== 'post' ? `${v}${v.slice(-1)}ed` : `${v}ed`);
  }
  // Doubled consonants the rule above misses or invents.
  out.add('admitted').add('admitting').add('regretted');
  return out;
}

// Words between a subject and its verb: "he later said", "Conway has repeatedly warned".
const AUXILIARIES = new Set(['has', 'have', 'had', 'also', 'later', 'then', 'again', 'previously', 'would', 'will', 'was', 'is', 'once', 'earlier', 'reportedly', 'further', 'separately', 'simply', 'recently', 'repeatedly', 'just', 'subsequently', 'publicly', 'privately', 'bluntly', 'angrily', 'quickly', 'firmly', 'flatly', 'famously', 'memorably']);
const PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'it', 'you']);
const DETERMINERS = new Set(['the', 'a', 'an', 'one', 'another', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'this', 'these', 'those', 'some', 'several', 'many', 'two', 'three', 'four', 'other', 'both', 'each', 'every', 'most']);
// Words that cannot start or form a speaker.
const NOT_SPEAKER = new Set(['and', 'but', 'or', 'so', 'then', 'that', 'which', 'who', 'whom', 'what', 'when', 'while', 'as', 'if', 'because', 'than', 'also', 'there', 'here', 'now', 'not', 'never', 'to', 'in', 'on', 'at', 'by', 'for', 'of', 'from', 'with', 'after', 'before', 'adding', 'saying', 'just', 'however', 'yet', 'still', 'even', 'once', 'where', 'why', 'how', 'all', 'no', 'is', 'was', 'be', 'been', 'being', 'were', 'are', 'it\'s', 'this', 'these']);
// Lower-case words allowed inside a capitalised name: "Secretary of State", "Ludwig van Beethoven".
const NAME_CONNECTORS = new Set(['of', 'de', 'da', 'del', 'der', 'den', 'van', 'von', 'bin', 'al', 'el', 'la', 'le', 'du', 'dos', 'das', 'for', 'and']);
// Capitalised words that start sentences rather than names.
const SENTENCE_STARTERS = new Set(['at', 'in', 'on', 'the', 'but', 'however', 'and', 'yet', 'meanwhile', 'also', 'when', 'while', 'after', 'before', 'earlier', 'later', 'last', 'this', 'that', 'speaking', 'asked', 'still', 'then', 'so', 'as', 'if', 'since', 'for', 'with', 'from', 'a', 'an', 'by', 'during', 'despite', 'although', 'though', 'instead', 'indeed', 'now', 'today', 'yesterday']);
const AFTER_VERB = new Set(['on', 'in', 'at', 'yesterday', 'today', 'tonight', 'last', 'this', 'earlier', 'later', 'afterwards', 'reporters', 'journalists', 'the', 'a', 'an', 'during', 'after', 'before', 'when', 'while', 'via', 'from', 'to']);
const PREPOSITIONS = new Set(['of', 'in', 'at', 'for', 'from', 'on', 'with']);
const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'gen', 'sen', 'rep', 'gov', 'lt', 'col', 'prof', 'jr', 'sr', 'rev', 'capt', 'sgt', 'maj', 'adm', 'no', 'vs', 'inc', 'ltd', 'co', 'corp']);

const WORD_RE = /[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}'’-]|\.(?=[\p{L}\p{N}]))*|[^\s\p{L}\p{N}]/gu;
const TERMINAL_INSIDE_RE = /[.!?…]['’"”)]*$/;
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

interface Found {
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
export function findQuotes(text: string, start = 0, end = text.length): Quote[] {
  const found = scan(text, start, end);
  const quotes: Quote[] = found.map((f) => ({
    start: f.start,
    end: f.end,
    text: text.slice(f.innerStart, f.innerEnd),
    innerStart: f.innerStart,
    innerEnd: f.innerEnd,
  }));
  attribute(text, found, quotes);
  return quotes;
}

// ---- pairing marks -----------------------------------------------------------------------------

function scan(text: string, start: number, end: number): Found[] {
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
      } else close(i + 1, i);
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

function isSpace(c: number): boolean {
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

function isDoubleMark(c: number): boolean {
  return c === DQ || c === LDQ || c === RDQ || c === LOW_DQ;
}

function isWordChar(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return /[\p{L}\p{N}]/u.test(String.fromCharCode(c));
}

// ---- attribution -------------------------------------------------------------------------------

interface Tok {
  s: number;
  e: number;
  t: string;
  /** Lower case. */
  l: string;
  word: boolean;
  cap: boolean;
}

const CONTEXT = 300;

function attribute(text: string, found: Found[], quotes: Quote[]): void {
  const fromAfter: boolean[] = [];
  for (let k = 0; k < found.length; k++) {
    const f = found[k];
    const prevEnd = k > 0 ? found[k - 1].end : f.paraStart;
    const nextStart = k + 1 < found.length ? found[k + 1].start : f.paraEnd;
    const beforeFrom = sentenceStart(text, Math.max(prevEnd, f.paraStart, f.start - CONTEXT), f.start);
    const afterTo = Math.max(f.end, Math.min(nextStart, f.paraEnd, f.end + CONTEXT));
    const inner = text.slice(f.innerStart, f.innerEnd);
    const terminal = TERMINAL_INSIDE_RE.test(inner) || /^\s*[.!?]/.test(text.slice(f.end, Math.min(f.end + 3, afterTo)));
    const afterToks = tokens(text.slice(f.end, afterTo));
    const beforeToks = tokens(text.slice(beforeFrom, f.start));
    const afterLower = afterToks.length > 0 && !afterToks[0].cap && afterToks[0].word;
    let speaker: string | undefined;
    let after = false;
    if (!terminal || afterLower) {
      speaker = speakerAfter(afterToks, terminal);
      after = speaker !== undefined;
      speaker ??= speakerBefore(beforeToks);
    } else {
      speaker = speakerBefore(beforeToks);
      if (speaker === undefined) {
        speaker = speakerAfter(afterToks, terminal);
        after = speaker !== undefined;
      }
    }
    if (speaker !== undefined) quotes[k].speaker = speaker;
    fromAfter.push(after);
  }
  // Several quotes in one sentence share its attribution: `declared it was "regrettable" and "hostile"`.
  for (let k = 1; k < found.length; k++) {
    if (quotes[k].speaker === undefined && quotes[k - 1].speaker !== undefined && sameSentence(text, found[k - 1], found[k])) {
      quotes[k].speaker = quotes[k - 1].speaker;
    }
  }
  for (let k = found.length - 2; k >= 0; k--) {
    if (quotes[k].speaker === undefined && fromAfter[k + 1] && sameSentence(text, found[k], found[k + 1])) {
      quotes[k].speaker = quotes[k + 1].speaker;
    }
  }
}

function sameSentence(text: string, a: Found, b: Found): boolean {
  if (a.paraStart !== b.paraStart || b.start - a.end > CONTEXT) return false;
  const between = text.slice(a.end, b.start);
  if (/[.!?]\s|\n/.test(between)) return false;
  if (TERMINAL_INSIDE_RE.test(text.slice(a.innerStart, a.innerEnd)) && /^\s*[\p{Lu}]/u.test(between)) return false;
  return true;
}

/** Start of the sentence containing `pos`, searching back no further than `min`. */
function sentenceStart(text: string, min: number, pos: number): number {
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

function tokens(s: string): Tok[] {
  const out = [] as unknown as Toks;
  out.src = s;
  const re = new RegExp(WORD_RE.source, WORD_RE.flags);
  for (let m = re.exec(s); m; m = re.exec(s)) {
    let t = m[0];
    const word = isWordChar(t.charCodeAt(0));
    // Keep the period of "Mr." / "U.S." / "W." with its word.
    if (word && s.charCodeAt(re.lastIndex) === 46 && (t.includes('.') || (t.length === 1 && isUpper(t)) || ABBREVIATIONS.has(t.toLowerCase()))) {
      t += '.';
      re.lastIndex++;
    }
    out.push({ s: m.index, e: m.index + t.length, t, l: t.toLowerCase(), word, cap: word && isUpper(t) });
  }
  return out;
}

function isUpper(t: string): boolean {
  const c = t.charAt(0);
  return c !== c.toLowerCase() && c === c.toUpperCase();
}

function isVerb(tok: Tok | undefined): boolean {
  // Capitalised forms are names ("US State Department", "United States").
  return !!tok && tok.word && !tok.cap && ATTRIBUTION_VERBS.has(tok.l);
}

function isParticiple(tok: Tok): boolean {
  return tok.l.endsWith('ing');
}

function isAccordingTo(toks: Tok[], i: number): boolean {
  return toks[i]?.l === 'according' && toks[i + 1]?.l === 'to';
}

/** `," Conway said`, `," said Conway`, `," Jenny Town, managing editor…, stated`, `," according to X`. */
function speakerAfter(toks: Tok[], terminal: boolean): string | undefined {
  let i = 0;
  while (i < toks.length && !toks[i].word && (toks[i].t === ',' || toks[i].t === '—' || toks[i].t === '–' || toks[i].t === '-')) i++;
  const first = toks[i];
  if (!first || !first.word) return undefined;
  if (isAccordingTo(toks, i)) return nounPhraseForward(toks, i + 2, true)?.text;
  if (isVerb(first) && !isParticiple(first)) {
    const np = nounPhraseForward(toks, i + 1, true);
    if (np) return np.text;
  }
  const np = nounPhraseForward(toks, i, true);
  if (!np) return undefined;
  let j = np.end;
  if (toks[j]?.t === ',') {
    // Appositive: `Jenny Town, managing editor at 38 North, stated`.
    let k = j + 1;
    while (k < toks.length && k - j < 30 && (toks[k].word || toks[k].t === '-' || toks[k].t === '(' || toks[k].t === ')' || toks[k].t === '&')) k++;
    if (toks[k]?.t !== ',' || k === j + 1) return undefined;
    j = k + 1;
  }
  let aux = 0;
  while (aux < 3 && toks[j] && AUXILIARIES.has(toks[j].l)) {
    j++;
    aux++;
  }
  if (!isVerb(toks[j]) || isParticiple(toks[j])) return undefined;
  // After a finished sentence, `He continued: "…"` introduces the next quote, not this one.
  // A new sentence after a finished quote attributes it only when it is just that: `Conway said.`,
  // `he told reporters on Monday.`; `He said the talks…` and `He continued: "…"` are new statements.
  const next = toks[j + 1];
  if (terminal && next && (next.word ? !AFTER_VERB.has(next.l) : next.t === ':' || isQuoteChar(next.t))) return undefined;
  return np.text;
}

/** `Biegun told reporters: "`, `Biegun declared it was "`, `…deadline, saying: "`, `According to X, "`. */
function speakerBefore(toks: Tok[]): string | undefined {
  let v = -1;
  for (let k = toks.length - 1; k >= 0; k--) {
    if (isVerb(toks[k]) || isAccordingTo(toks, k)) {
      v = k;
      break;
    }
  }
  if (v < 0) return undefined;
  if (isAccordingTo(toks, v)) return nounPhraseForward(toks, v + 2, true)?.text;
  let k = v - 1;
  let aux = 0;
  while (aux < 3 && k >= 0 && toks[k].word && AUXILIARIES.has(toks[k].l)) {
    k--;
    aux++;
  }
  // "was quoted as saying"
  if (toks[k]?.l === 'as' && toks[k - 1]?.l === 'quoted') return subject(toks, k);
  if (toks[k]?.l === 'who' && toks[k - 1]?.t === ',') k--;
  if (toks[k]?.t === ',') {
    if (isParticiple(toks[v])) return subject(toks, k);
    // Appositive: `Stephen Biegun, the US envoy, said`.
    let c = k - 1;
    while (c >= 0 && k - c < 30 && toks[c].t !== ',' && (toks[c].word || toks[c].t === '-')) c--;
    if (c < 0 || toks[c].t !== ',') return undefined;
    k = c - 1;
  }
  const np = nounPhraseBackward(toks, k);
  if (np) return np;
  return isParticiple(toks[v]) ? subject(toks, v) : undefined;
}

/** The first name or pronoun that begins a clause before token `end` (the subject of "…, saying:"). */
function subject(toks: Tok[], end: number): string | undefined {
  for (let k = 0; k < end; k++) {
    const t = toks[k];
    if (!t.word) continue;
    if (PRONOUNS.has(t.l) && t.l !== 'it') return t.t;
    if ((t.l === 'the' || t.l === 'a') && (k === 0 || !toks[k - 1].word)) {
      // "The US president has…, describing…"
      const np = nounPhraseForward(toks, k, true);
      if (np && np.end <= end && np.end > k + 1) return np.text;
    }
    if (t.cap && !SENTENCE_STARTERS.has(t.l) && !isVerb(t)) {
      const np = nounPhraseForward(toks, k, false);
      if (np && np.end <= end) return np.text;
    }
  }
  return undefined;
}

/**
 * A speaker starting at token i: a pronoun, a capitalised name ("Jenny Town", "Secretary of State
 * Mike Pompeo"), or, when `loose` (a verb must follow), a short phrase ("the letter", "US officials").
 */
function nounPhraseForward(toks: Tok[], i: number, loose: boolean): { text: string; end: number } | undefined {
  const first = toks[i];
  if (!first || !first.word || isVerb(first) || (NOT_SPEAKER.has(first.l) && !DETERMINERS.has(first.l))) return undefined;
  if (PRONOUNS.has(first.l)) return { text: first.t, end: i + 1 };
  let j = i;
  let last = -1;
  const hasDet = DETERMINERS.has(first.l);
  if (hasDet) {
    if (!loose) return undefined;
    j++;
  }
  // Capitalised run with connectors.
  while (j < toks.length && j - i < 9) {
    const t = toks[j];
    if (t.word && t.cap && !isVerb(t)) {
      last = j++;
      continue;
    }
    if (last >= 0 && t.word && NAME_CONNECTORS.has(t.l) && t.l !== 'and' && toks[j + 1]?.cap) {
      j++;
      continue;
    }
    break;
  }
  if (loose) {
    // Lower-case words of a description: "the letter", "a senior official", "US officials".
    let lower = 0;
    const max = hasDet ? 5 : last >= 0 ? 2 : 2;
    while (j < toks.length && lower < max) {
      const t = toks[j];
      if (!t.word || t.cap || isVerb(t) || AUXILIARIES.has(t.l) || NOT_SPEAKER.has(t.l)) break;
      lower++;
      last = j++;
    }
  }
  if (last < 0) return undefined;
  return { text: join(toks, i, last + 1), end: last + 1 };
}

/** A speaker ending at token k: pronoun, the trailing capitalised name, or a determiner phrase. */
function nounPhraseBackward(toks: Tok[], k: number): string | undefined {
  const last = toks[k];
  if (!last || !last.word || isVerb(last)) return undefined;
  if (PRONOUNS.has(last.l)) return last.t;
  if (NOT_SPEAKER.has(last.l) && !last.cap) return undefined;
  if (last.cap) {
    let s = k;
    while (s > 0 && s > k - 8) {
      const p = toks[s - 1];
      if (p.word && p.cap && !isVerb(p)) s--;
      else if (p.word && NAME_CONNECTORS.has(p.l) && !p.cap && toks[s - 2]?.cap && p.l !== 'and') s--;
      else break;
    }
    while (s < k && SENTENCE_STARTERS.has(toks[s].l)) s++;
    if (toks[s].l === 'of' || toks[s].l === 'for') s++;
    // A name inside a prepositional phrase ("the leader of US forces in the Pacific stated"):
    // the speaker is the whole phrase from its determiner.
    if (toks[s - 1]?.l === 'the' && PREPOSITIONS.has(toks[s - 2]?.l ?? '')) {
      for (let d = s - 3; d >= 0 && d > s - 14; d--) {
        const t = toks[d];
        if (!t.word || isVerb(t)) break;
        if (DETERMINERS.has(t.l) && !PREPOSITIONS.has(toks[d - 1]?.l ?? '')) return join(toks, d, k + 1);
      }
    }
    return join(toks, s, k + 1);
  }
  // "the ministry", "a senior official", "US officials"
  for (let s = k; s >= 0 && s > k - 6; s--) {
    const t = toks[s];
    if (!t.word || (NOT_SPEAKER.has(t.l) && !DETERMINERS.has(t.l)) || isVerb(t)) break;
    if (DETERMINERS.has(t.l)) return join(toks, s, k + 1);
  }
  let s = k;
  while (s > 0 && toks[s - 1].word && toks[s - 1].cap && s > k - 4) s--;
  return join(toks, s, k + 1);
}

/** The words from..to as written in the context they were read from. */
function join(toks: Tok[], from: number, to: number): string {
  return (toks as Toks).src.slice(toks[from].s, toks[to - 1].e).replace(/\s+/g, ' ');
}

type Toks = Tok[] & { src: string };

function isQuoteChar(t: string): boolean {
  return t === '"' || t === '“' || t === '”' || t === '‘' || t === "'" || t === '„' || t === '«';
}
