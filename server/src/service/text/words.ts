// Word tokens for search and matching, text folding (quotes, dashes, mojibake) and a stemmer.

import type { Span } from '../types.ts';

export interface Token extends Span {
  /** The original text of [start, end). */
  text: string;
  /** Folded, lower-case form without diacritics or apostrophes ("Biegun's" → "biegun", "U.S." → "us"). */
  norm: string;
}

// ---------------------------------------------------------------------------------------------------
// Mojibake: UTF-8 bytes decoded as Windows-1252 ("Â£" for "£", "â€™" for "’"). Each byte 0x80-0xBF shows
// up as one character; 0xA0-0xBF are Latin-1 themselves, 0x80-0x9F are the cp1252 specials below.

const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
/** Byte value of a character that can stand for a UTF-8 continuation byte, else -1. */
const CONT_BYTE = new Map<number, number>();
for (let b = 0x80; b <= 0xbf; b++) {
  CONT_BYTE.set(b < 0xa0 ? CP1252_HIGH.charCodeAt(b - 0x80) : b, b);
}
const CONT_CLASS = [...CONT_BYTE.keys()].map((c) => '\\u' + c.toString(16).padStart(4, '0')).join('');
const MOJIBAKE_RE = new RegExp(
  `[\\u00c2-\\u00df][${CONT_CLASS}]|[\\u00e0-\\u00ef][${CONT_CLASS}]{2}|[\\u00f0-\\u00f4][${CONT_CLASS}]{3}`,
  'g',
);
// A three-byte sequence that lost its last byte or had it folded to a straight quote: "â€"" in crawled
// text is almost always an em dash (E2 80 94 → "â€”" → "â€\"").
const BROKEN_DASH_RE = /\u00e2\u20ac["\u009d]?/g;

function decodeMojibake(seq: string): string {
  const b0 = seq.charCodeAt(0);
  const n = seq.length;
  let cp = n === 2 ? b0 & 0x1f : n === 3 ? b0 & 0x0f : b0 & 0x07;
  for (let k = 1; k < n; k++) cp = (cp << 6) | ((CONT_BYTE.get(seq.charCodeAt(k)) ?? 0x80) & 0x3f);
  // Overlong or out-of-range sequences are not real mojibake: keep the text.
  const min = n === 2 ? 0x80 : n === 3 ? 0x800 : 0x10000;
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return seq;
  return String.fromCodePoint(cp);
}

/** Repairs UTF-8-as-Windows-1252 mojibake; text without it is returned unchanged. */
export function repairMojibake(s: string): string {
  if (!/[\u00c2-\u00f4]/.test(s)) return s;
  return s.replace(MOJIBAKE_RE, decodeMojibake).replace(BROKEN_DASH_RE, (m) => (m.length === 2 ? '"' : '—'));
}

const FOLD_MAP: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201b': "'", '\u2032': "'", '\u02bc': "'", '\u0060': "'",
  '\u00b4': "'", '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u201f': '"', '\u2033': '"', '\u00ab': '"',
  '\u00bb': '"', '\u2039': "'", '\u203a': "'", '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-',
  '\u2014': '-', '\u2015': '-', '\u2212': '-', '\ufe58': '-', '\ufe63': '-', '\uff0d': '-', '\u2026': '...',
  '\u00ad': '', '\u200b': '', '\u200c': '', '\u200d': '', '\u2060': '', '\ufeff': '',
};
const FOLD_RE = new RegExp(`[${Object.keys(FOLD_MAP).map((c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0')).join('')}]`, 'g');
const SPACE_RUN_RE = /[\s\u00a0\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;

/** NFKC, straight quotes, '-' for dashes, '...' for an ellipsis, mojibake repaired, white space collapsed. */
export function foldText(s: string): string {
  return repairMojibake(s)
    .normalize('NFKC')
    .replace(FOLD_RE, (c) => FOLD_MAP[c])
    .replace(SPACE_RUN_RE, ' ')
    .trim();
}

// ---------------------------------------------------------------------------------------------------
// Tokenizer: a hand-written scanner over the original text, so offsets stay exact while mojibake,
// curly apostrophes and soft hyphens are read as what they stand for.

const enum Cls {
  Other = 1,
  Letter = 2,
  Digit = 3,
  Mark = 4,
  Apostrophe = 5,
  Ignorable = 6,
}

const classCache = new Uint8Array(0x10000);
const LETTER_RE = /^\p{L}$/u;
const MARK_RE = /^\p{M}$/u;
const DIGIT_RE = /^\p{Nd}$/u;
for (let c = 0; c < 128; c++) {
  classCache[c] =
    (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? Cls.Letter : c >= 48 && c <= 57 ? Cls.Digit : c === 39 ? Cls.Apostrophe : Cls.Other;
}
for (const c of [0x2019, 0x02bc]) classCache[c] = Cls.Apostrophe;
for (const c of [0x00ad, 0x200c, 0x200d, 0x2060, 0xfeff]) classCache[c] = Cls.Ignorable;

function classOf(cp: number): Cls {
  if (cp < 0x10000) {
    const cached = classCache[cp];
    if (cached !== 0) return cached;
  }
  const ch = String.fromCodePoint(cp);
  const cls = LETTER_RE.test(ch) ? Cls.Letter : MARK_RE.test(ch) ? Cls.Mark : DIGIT_RE.test(ch) ? Cls.Digit : Cls.Other;
  if (cp < 0x10000) classCache[cp] = cls;
  return cls;
}

/** A character as the scanner reads it: the code point it stands for and how many code units it spans. */
interface Read {
  cp: number;
  len: number;
}

class Scanner {
  private readonly r: Read = { cp: 0, len: 0 };
  constructor(
    private readonly text: string,
    readonly end: number,
  ) {}

  /** Reads the character at i (end of range → cp -1). The returned object is reused. */
  at(i: number): Read {
    const r = this.r;
    if (i >= this.end) {
      r.cp = -1;
      r.len = 0;
      return r;
    }
    const c = this.text.charCodeAt(i);
    if (c < 0xc2) {
      r.cp = c;
      r.len = 1;
      return r;
    }
    if (c <= 0xf4) {
      const n = c <= 0xdf ? 2 : c <= 0xef ? 3 : 4;
      if (i + n <= this.end) {
        let ok = true;
        for (let k = 1; k < n && ok; k++) ok = CONT_BYTE.has(this.text.charCodeAt(i + k));
        if (ok) {
          const decoded = decodeMojibake(this.text.slice(i, i + n));
          if (decoded.length <= 2 && decoded !== this.text.slice(i, i + n)) {
            r.cp = decoded.codePointAt(0) ?? c;
            r.len = n;
            return r;
          }
        }
      }
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < this.end) {
      const lo = this.text.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        r.cp = ((c - 0xd800) << 10) + (lo - 0xdc00) + 0x10000;
        r.len = 2;
        return r;
      }
    }
    r.cp = c;
    r.len = 1;
    return r;
  }

  cls(i: number): Cls {
    const r = this.at(i);
    return r.cp < 0 ? Cls.Other : classOf(r.cp);
  }
}

const NOT_BASES = new Map([['ca', 'can'], ['wo', 'will'], ['sha', 'shall']]);
const CLITICS = new Set(['s', 're', 've', 'll', 'd', 'm']);
const ORDINAL_SUFFIXES = new Set(['st', 'nd', 'rd', 'th', 's']);
const MARKS_RE = /\p{M}+/gu;
const NON_ASCII_RE = /[\u0080-\uffff]/;

/** Lower-case, diacritics removed, compatibility forms (ligatures, full-width) unfolded. */
function normWord(raw: string): string {
  const lower = raw.toLowerCase();
  if (!NON_ASCII_RE.test(lower)) return lower;
  return lower.normalize('NFKD').replace(MARKS_RE, '').normalize('NFC');
}

/**
 * Words and numbers of text[start, end) with exact offsets. Hyphens split words ("Jong-un" → jong, un);
 * dotted acronyms join ("U.S." → us); possessives and clitics drop ("Biegun's" → biegun); "n't" becomes its
 * own token "not" ("didn't" → did, not); numbers keep decimal points and drop thousands separators.
 */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const out: Token[] = [];
  const lo = Math.max(0, Math.min(start, text.length));
  const hi = Math.max(lo, Math.min(end, text.length));
  const sc = new Scanner(text, hi);
  let i = lo;
  while (i < hi) {
    const c = text.charCodeAt(i);
    if (c < 128 && classCache[c] !== Cls.Letter && classCache[c] !== Cls.Digit) {
      i++; // fast path: ASCII space and punctuation
      continue;
    }
    const r = sc.at(i);
    const cls = classOf(r.cp);
    if (cls === Cls.Digit) i = scanNumber(text, sc, i, out);
    else if (cls === Cls.Letter) i = scanWord(text, sc, i, out);
    else i += r.len;
  }
  return out;
}

function scanNumber(text: string, sc: Scanner, s: number, out: Token[]): number {
  let i = s;
  const digits = (): void => {
    while (sc.cls(i) === Cls.Digit) i += sc.at(i).len;
  };
  digits();
  let hasComma = false;
  for (;;) {
    const c = text.charCodeAt(i);
    if ((c !== 46 && c !== 44) || sc.cls(i + 1) !== Cls.Digit) break;
    if (c === 44) {
      // A comma separates thousands only when exactly three digits follow ("1,200" but not "1,2").
      let k = i + 1;
      while (k < i + 5 && sc.cls(k) === Cls.Digit) k++;
      if (k - (i + 1) !== 3) break;
      hasComma = true;
    }
    i++;
    digits();
  }
  let norm = normWord(text.slice(s, i));
  if (hasComma) norm = norm.replace(/,/g, '');
  // Ordinals and decades stay with their number ("10th", "1990s"); units ("bn", "km") become words.
  let k = i;
  while (k - i < 3 && sc.cls(k) === Cls.Letter) k += sc.at(k).len;
  if (k > i && sc.cls(k) !== Cls.Letter && sc.cls(k) !== Cls.Digit) {
    const suffix = text.slice(i, k).toLowerCase();
    if (ORDINAL_SUFFIXES.has(suffix)) {
      norm += suffix;
      i = k;
    }
  }
  out.push({ start: s, end: i, text: text.slice(s, i), norm });
  // "1990's", "G7's": the possessive or plural 's goes with the number.
  if (sc.cls(i) === Cls.Apostrophe) {
    const k = i + sc.at(i).len;
    if ((text.charCodeAt(k) | 32) === 115 && !isWordChar(sc.cls(k + 1))) return k + 1;
  }
  return i;
}

function isWordChar(cls: Cls): boolean {
  return cls === Cls.Letter || cls === Cls.Digit || cls === Cls.Mark;
}

/** Dotted acronym at s ("U.S.", "a.m.", "U.N."): single letters each followed by a period. */
function scanAcronym(text: string, sc: Scanner, s: number, out: Token[]): number {
  let k = s;
  let letters = '';
  for (;;) {
    const r = sc.at(k);
    if (r.cp < 0 || classOf(r.cp) !== Cls.Letter) break;
    const cp = r.cp;
    const after = k + r.len;
    if (isWordChar(sc.cls(after))) break; // a longer word, not an initial
    letters += String.fromCodePoint(cp);
    if (text.charCodeAt(after) !== 46) {
      k = after; // last letter without its period ("U.S")
      break;
    }
    k = after + 1;
  }
  if (letters.length < 2) return -1;
  out.push({ start: s, end: k, text: text.slice(s, k), norm: normWord(letters) });
  return k;
}

function scanWord(text: string, sc: Scanner, s: number, out: Token[]): number {
  if (text.charCodeAt(s + sc.at(s).len) === 46) {
    const k = scanAcronym(text, sc, s, out);
    if (k >= 0) return k;
  }
  let i = s;
  // The word as read, once it differs from the raw slice (mojibake, soft hyphens, inner apostrophes).
  let read: string | undefined;
  for (;;) {
    if (read === undefined) {
      // Fast path: plain ASCII letters and digits.
      for (let c = text.charCodeAt(i); i < sc.end && c < 128 && (classCache[c] === Cls.Letter || classCache[c] === Cls.Digit); ) c = text.charCodeAt(++i);
    }
    const r = sc.at(i);
    if (r.cp < 0) break;
    const cls = classOf(r.cp);
    if (isWordChar(cls)) {
      if (r.len > 1 && r.cp <= 0xffff) read ??= text.slice(s, i);
      if (read !== undefined) read += String.fromCodePoint(r.cp);
      i += r.len;
      continue;
    }
    if (cls === Cls.Ignorable && sc.cls(i + r.len) === Cls.Letter) {
      read ??= text.slice(s, i);
      i += r.len;
      continue;
    }
    if (cls !== Cls.Apostrophe) break;
    const aposLen = r.len;
    if (sc.cls(i + aposLen) !== Cls.Letter) break;
    // The letters after the apostrophe decide: a clitic, "n't", or part of a name (O'Brien).
    let k = i + aposLen;
    let suffix = '';
    while (suffix.length < 3 && sc.cls(k) === Cls.Letter) {
      const rk = sc.at(k);
      suffix += String.fromCodePoint(rk.cp).toLowerCase();
      k += rk.len;
    }
    const suffixEnds = !isWordChar(sc.cls(k));
    const word = read ?? text.slice(s, i);
    if (suffixEnds && suffix === 't' && word.length >= 2 && (word.endsWith('n') || word.endsWith('N'))) {
      const baseEnd = i - 1;
      const baseNorm = normWord(word.slice(0, -1));
      out.push({ start: s, end: baseEnd, text: text.slice(s, baseEnd), norm: NOT_BASES.get(baseNorm) ?? baseNorm });
      out.push({ start: baseEnd, end: k, text: text.slice(baseEnd, k), norm: 'not' });
      return k;
    }
    if (suffixEnds && CLITICS.has(suffix)) {
      out.push({ start: s, end: i, text: text.slice(s, i), norm: normWord(word) });
      return k;
    }
    read = word;
    i += aposLen;
  }
  const slice = text.slice(s, i);
  out.push({ start: s, end: i, text: slice, norm: normWord(read ?? slice) });
  return i;
}

// ---------------------------------------------------------------------------------------------------

/**
 * English function words. Deliberately absent: negations (not, no, never, nor, none, neither, without),
 * words of direction or comparison (against, up, down, over, under, more, less, before, after, only),
 * numbers, and "us" (it is also how "U.S." tokenizes).
 */
export const STOPWORDS: ReadonlySet<string> = new Set([
  'a', 'about', 'am', 'an', 'and', 'are', 'as', 'at', 'be', 'been', 'being', 'but', 'by', 'can', 'could',
  'did', 'do', 'does', 'doing', 'done', 'for', 'from', 'had', 'has', 'have', 'having', 'he', 'her', 'here',
  'hers', 'herself', 'him', 'himself', 'his', 'how', 'i', 'if', 'in', 'into', 'is', 'it', 'its', 'itself',
  'just', 'may', 'me', 'might', 'must', 'my', 'myself', 'of', 'on', 'onto', 'or', 'our', 'ours',
  'ourselves', 'shall', 'she', 'should', 'so', 'than', 'that', 'the', 'their', 'theirs', 'them',
  'themselves', 'then', 'there', 'these', 'they', 'this', 'those', 'through', 'to', 'too', 'upon', 'very',
  'was', 'we', 'were', 'what', 'when', 'where', 'which', 'while', 'who', 'whom', 'whose', 'why', 'will',
  'with', 'would', 'you', 'your', 'yours', 'yourself', 'yourselves', 'also', 'although', 'because', 'each',
  'either', 'else', 'even', 'ever', 'however', 'indeed', 'per', 'quite', 'rather', 'since', 'such',
  'thus', 'till', 'until', 'via', 'whether', 'within', 'yet', 'whereas', 'whereby', 'wherein', 'whatever',
  'whoever', 'whichever', 'whenever', 'wherever', 'among', 'amongst', 'across', 'along', 'around',
  'behind', 'beside', 'besides', 'between', 'beyond', 'during', 'except', 'inside', 'outside', 'toward',
  'towards', 'unto', 'de', 'la', 'le', 'el', 'von', 'van', 'der', 'du', 'des', 'al', 'etc', 'ie', 'eg',
  'mr', 'mrs', 'ms', 'got', 'get', 'gets', 'let', 'lets', 'oh', 'ok', 'okay', 'yes', 'like', 'own', 'same',
  'other', 'others', 'another', 'some', 'any', 'both', 'every', 'many', 'much', 'several', 'various',
]);

/** Tokenizes, drops stopwords, stems: the terms used for retrieval and overlap. */
export function contentStems(text: string): string[] {
  const out: string[] = [];
  for (const t of tokenize(text)) if (!STOPWORDS.has(t.norm)) out.push(stem(t.norm));
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Stemmer: the Snowball English ("Porter2") algorithm, memoised. Only plain a-z words are stemmed;
// numbers and words with other characters pass through.

const STEM_CACHE_LIMIT = 200_000;
let stemCache = new Map<string, string>();

const EXCEPTIONS = new Map(Object.entries({
  skis: 'ski', skies: 'sky', dying: 'die', lying: 'lie', tying: 'tie', idly: 'idl', gently: 'gentl',
  ugly: 'ugli', early: 'earli', only: 'onli', singly: 'singl', sky: 'sky', news: 'news', howe: 'howe',
  atlas: 'atlas', cosmos: 'cosmos', bias: 'bias', andes: 'andes',
}));
const INVARIANT_AFTER_1A = new Set(['inning', 'outing', 'canning', 'herring', 'earring', 'proceed', 'exceed', 'succeed']);
const R1_PREFIXES = ['gener', 'commun', 'arsen', 'past', 'univers', 'later', 'emerg', 'organ'];
const ALPHA_RE = /^[a-z]+$/;

// Irregular past forms and plurals frequent in news, mapped to the form Porter would reach from the base.
const IRREGULAR = new Map<string, string>();
for (const [base, forms] of Object.entries({
  say: 'said', tell: 'told', meet: 'met', go: 'went gone', take: 'took taken', give: 'gave given', make: 'made',
  come: 'came', become: 'became', begin: 'began begun', hold: 'held', lead: 'led', pay: 'paid', sell: 'sold',
  buy: 'bought', bring: 'brought', think: 'thought', find: 'found', win: 'won', lose: 'lost', fall: 'fell fallen',
  rise: 'rose risen', strike: 'struck stricken', speak: 'spoke spoken', write: 'wrote written', know: 'knew known',
  see: 'saw seen', run: 'ran', send: 'sent', spend: 'spent', build: 'built', keep: 'kept', feel: 'felt',
  mean: 'meant', stand: 'stood', sit: 'sat', choose: 'chose chosen', drive: 'drove driven', fight: 'fought',
  catch: 'caught', teach: 'taught', seek: 'sought', grow: 'grew grown', throw: 'threw thrown', fly: 'flew flown',
  draw: 'drew drawn', break: 'broke broken', freeze: 'froze frozen', steal: 'stole stolen', hide: 'hid hidden',
  shoot: 'shot', flee: 'fled', forget: 'forgot forgotten', withdraw: 'withdrew withdrawn', undergo: 'underwent undergone',
  undertake: 'undertook undertaken', overtake: 'overtook overtaken', wear: 'wore worn', swear: 'swore sworn',
  deal: 'dealt', lend: 'lent', hang: 'hung', sing: 'sang sung', sink: 'sank sunk', shake: 'shook shaken',
  feed: 'fed', lay: 'laid', get: 'got gotten', hear: 'heard', understand: 'understood', eat: 'ate eaten',
  arise: 'arose arisen', forbid: 'forbade forbidden', forecast: 'forecast', seize: 'seized', sweep: 'swept',
  man: 'men', woman: 'women', child: 'children',
})) {
  for (const form of forms.split(' ')) IRREGULAR.set(form, base);
}

// British spellings folded to American ones so "organisation"/"organization", "defence"/"defense" meet.
const BRITISH_WORDS = new Map(Object.entries({
  defence: 'defense', offence: 'offense', licence: 'license', pretence: 'pretense', programme: 'program',
  programmes: 'programs', grey: 'gray', aluminium: 'aluminum', jewellery: 'jewelry', tyre: 'tire', tyres: 'tires',
}));
const BRITISH_IS_RE = /^(\w{3,})is(e|es|ed|ing|ation|ations|er|ers)$/;
const BRITISH_YSE_RE = /^(\w{3,})ys(e|es|ed|ing)$/;
const BRITISH_OUR_RE = /^(\w{2,}[lvmnrbdi])our(s|ed|ing|able|ite|ites|ful)?$/;
const BRITISH_TRE_RE = /^(\w{2,}[^aeiou])tre(s|d)?$/;
const BRITISH_LL_RE = /^(\w*[aeiou][^aeiou]?e)ll(ed|ing|er|ers)$/;

function americanize(w: string): string {
  const direct = BRITISH_WORDS.get(w);
  if (direct) return direct;
  if (w.length < 6) return w;
  return w
    .replace(BRITISH_IS_RE, '$1iz$2')
    .replace(BRITISH_YSE_RE, '$1yz$2')
    .replace(BRITISH_OUR_RE, '$1or$2')
    .replace(BRITISH_TRE_RE, '$1ter$2')
    .replace(BRITISH_LL_RE, '$1l$2');
}

/**
 * A stem shared by a word's inflections and derivations ("launched", "launching", "launches" → "launch").
 * Expects a lower-case token norm; non-alphabetic words (numbers) are returned as they are.
 */
export function stem(word: string): string {
  const cached = stemCache.get(word);
  if (cached !== undefined) return cached;
  const result = word.length <= 2 || word.length > 40 || !ALPHA_RE.test(word) ? word : porter2(IRREGULAR.get(word) ?? americanize(word));
  if (stemCache.size >= STEM_CACHE_LIMIT) stemCache = new Map();
  stemCache.set(word, result);
  return result;
}

function isVowel(c: string): boolean {
  return c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u' || c === 'y';
}

function porter2(input: string): string {
  const exception = EXCEPTIONS.get(input);
  if (exception) return exception;
  let w = input;
  // Y as a consonant: initial y, or y after a vowel.
  if (w[0] === 'y') w = 'Y' + w.slice(1);
  for (let i = 1; i < w.length; i++) if (w[i] === 'y' && isVowel(w[i - 1])) w = w.slice(0, i) + 'Y' + w.slice(i + 1);

  let r1 = w.length;
  const prefix = R1_PREFIXES.find((p) => w.startsWith(p));
  if (prefix) r1 = prefix.length;
  else r1 = regionStart(w, 0);
  const r2 = regionStart(w, r1);
  const inR1 = (sufLen: number): boolean => w.length - sufLen >= r1;
  const inR2 = (sufLen: number): boolean => w.length - sufLen >= r2;

  // Step 1a.
  if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('ied') || w.endsWith('ies')) w = w.length > 4 ? w.slice(0, -2) : w.slice(0, -1);
  else if (w.endsWith('us') || w.endsWith('ss')) {
    // unchanged
  } else if (w.endsWith('s')) {
    if (/[aeiouy]/.test(w.slice(0, -2))) w = w.slice(0, -1);
  }
  if (INVARIANT_AFTER_1A.has(w)) return w;

  // Step 1b.
  const e1b = /(eedly|eed|ingly|edly|ing|ed)$/.exec(w);
  if (e1b) {
    const suf = e1b[1];
    if (suf === 'eed' || suf === 'eedly') {
      if (inR1(suf.length)) w = w.slice(0, -suf.length) + 'ee';
    } else {
      const stemPart = w.slice(0, -suf.length);
      if (/[aeiouy]/.test(stemPart)) {
        w = stemPart;
        if (/(at|bl|iz)$/.test(w)) w += 'e';
        else if (/(bb|dd|ff|gg|mm|nn|pp|rr|tt)$/.test(w)) w = w.slice(0, -1);
        else if (isShortWord(w, r1)) w += 'e';
      }
    }
  }

  // Step 1c.
  if (w.length > 2 && (w.endsWith('y') || w.endsWith('Y')) && !isVowel(w[w.length - 2])) w = w.slice(0, -1) + 'i';

  // Step 2.
  const e2 = STEP2_RE.exec(w);
  if (e2 && inR1(e2[1].length)) {
    const suf = e2[1];
    if (suf === 'ogi') {
      if (w[w.length - 4] === 'l') w = w.slice(0, -1);
    } else if (suf === 'li') {
      if (/[cdeghkmnrt]/.test(w[w.length - 3] ?? '')) w = w.slice(0, -2);
    } else {
      w = w.slice(0, -suf.length) + STEP2[suf];
    }
  }

  // Step 3.
  const e3 = STEP3_RE.exec(w);
  if (e3 && inR1(e3[1].length)) {
    const suf = e3[1];
    if (suf === 'ative') {
      if (inR2(5)) w = w.slice(0, -5);
    } else {
      w = w.slice(0, -suf.length) + STEP3[suf];
    }
  }

  // Step 4.
  const e4 = STEP4_RE.exec(w);
  if (e4 && inR2(e4[1].length)) {
    const suf = e4[1];
    if (suf === 'ion') {
      const c = w[w.length - 4];
      if (c === 's' || c === 't') w = w.slice(0, -3);
    } else {
      w = w.slice(0, -suf.length);
    }
  }

  // Step 5.
  if (w.endsWith('e')) {
    if (inR2(1) || (inR1(1) && !endsWithShortSyllable(w.slice(0, -1)))) w = w.slice(0, -1);
  } else if (w.endsWith('ll') && inR2(1)) {
    w = w.slice(0, -1);
  }
  return w.replace(/Y/g, 'y');
}

/** Start of the region after the first non-vowel that follows a vowel, searching from `from`. */
function regionStart(w: string, from: number): number {
  for (let i = from + 1; i < w.length; i++) if (!isVowel(w[i]) && isVowel(w[i - 1])) return i + 1;
  return w.length;
}

function endsWithShortSyllable(w: string): boolean {
  const n = w.length;
  if (n === 2) return isVowel(w[0]) && !isVowel(w[1]);
  if (n < 3) return false;
  const c = w[n - 1];
  return !isVowel(w[n - 3]) && isVowel(w[n - 2]) && !isVowel(c) && c !== 'w' && c !== 'x' && c !== 'Y';
}

function isShortWord(w: string, r1: number): boolean {
  return r1 >= w.length && endsWithShortSyllable(w);
}

const STEP2: Record<string, string> = {
  tional: 'tion', enci: 'ence', anci: 'ance', abli: 'able', entli: 'ent', izer: 'ize', ization: 'ize',
  ational: 'ate', ation: 'ate', ator: 'ate', alism: 'al', aliti: 'al', alli: 'al', fulness: 'ful',
  ousli: 'ous', ousness: 'ous', iveness: 'ive', iviti: 'ive', biliti: 'ble', bli: 'ble', fulli: 'ful',
  lessli: 'less', ogi: 'og', li: '',
};
const STEP3: Record<string, string> = {
  tional: 'tion', ational: 'ate', alize: 'al', icate: 'ic', iciti: 'ic', ical: 'ic', ful: '', ness: '', ative: '',
};
const STEP4 = [
  'ement', 'ance', 'ence', 'able', 'ible', 'ment', 'ant', 'ent', 'ism', 'ate', 'iti', 'ous', 'ive', 'ize', 'ion', 'al', 'er', 'ic',
];
const longestFirst = (keys: string[]): string => [...keys].sort((a, b) => b.length - a.length).join('|');
const STEP2_RE = new RegExp(`(${longestFirst(Object.keys(STEP2))})$`);
const STEP3_RE = new RegExp(`(${longestFirst(Object.keys(STEP3))})$`);
const STEP4_RE = new RegExp(`(${longestFirst(STEP4)})$`);
