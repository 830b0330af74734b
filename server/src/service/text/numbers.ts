// Numbers, amounts, percentages, years, dates, durations and ordinals in news text, normalised so a
// draft's figure can be compared with a source's ("$US300 million" vs "$30 million").
// One linear tokenising pass, then a small grammar that looks a few tokens ahead of each figure.
//
// Conventions (documented choices):
// - Scores and ranges ("2-1 win", "5-10%") give two quantities; a unit written after the second
//   figure applies to both ("$5-10 million" → 5e6 and 1e7 USD). Year ranges "1950–53" give two years.
// - Dates carry the year in `value` (0 when no year is written: "Dec. 5"), plus month/day.
// - Ages ("aged 10", "68-year-old") are plain numbers; "tens of thousands", decades ("1990s"),
//   clock times ("5pm", "10:30"), fractions ("1/2") and weekdays give nothing.
// - "1.5m" without a currency is 1.5 million (news usage); measurement units (km, kg…) go in `unit`.

import type { Quantity, QuantityKind } from '../types.ts';

type Approx = Quantity['approx'];

/** Lookup tables are Maps: words like "constructor" must not hit Object.prototype. */
function table<T>(entries: Record<string, T>): ReadonlyMap<string, T> {
  return new Map(Object.entries(entries));
}

const enum K {
  Num,
  Word,
  Cur,
  Dash,
  Pct,
  Punct,
}

interface Tok {
  s: number;
  e: number;
  k: K;
  /** Raw text. */
  t: string;
  /** Lower-case text. */
  l: string;
  /** Starts where the previous token ends (no space between). */
  adj: boolean;
}

const TOKEN_RE =
  /(\d{1,3}(?:,\d{3}(?!\d))+(?:\.\d+)?|\d+(?:\.\d+)?)|(Â?£|â‚¬|€|\$|Â?¥)|([\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*)|([-–—])|(%)|([^\s\p{L}\p{N}])/gu;

const UNITS = table<number>({
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19,
});
const TENS = table<number>({
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
});
const SCALE_WORDS = table<number>({ thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 });
// Multipliers written after digits: "5m", "1.2bn", "$5 billion", "10k".
const DIGIT_SCALES = table<number>({
  hundred: 100, thousand: 1e3, k: 1e3, million: 1e6, m: 1e6, mn: 1e6, mln: 1e6, billion: 1e9, bn: 1e9,
  trillion: 1e12, tn: 1e12, trn: 1e12,
});
const ORDINAL_WORDS = table<number>({
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19, twentieth: 20, thirtieth: 30, fortieth: 40, fiftieth: 50, sixtieth: 60,
  seventieth: 70, eightieth: 80, ninetieth: 90, hundredth: 100,
});
const ORDINAL_SUFFIX = new Set(['st', 'nd', 'rd', 'th']);

const MONTHS = table<number>({
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9,
  october: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
});
// A bare month ("in November") only counts after these words; "May" and "March" are too often not months.
const MONTH_PREPS = new Set(['in', 'since', 'until', 'till', 'by', 'early', 'late', 'mid', 'last', 'next', 'this', 'of', 'from', 'during', 'before', 'after', 'through', 'between', 'and', 'to']);

const CURRENCY_SYMBOLS = table<string>({
  $: 'USD', '£': 'GBP', 'Â£': 'GBP', '€': 'EUR', 'â‚¬': 'EUR', '¥': 'JPY', 'Â¥': 'JPY',
});
// Letters glued to "$": "US$5", "$US300", "A$", "HK$".
const DOLLAR_PREFIXES = table<string>({
  us: 'USD', a: 'AUD', au: 'AUD', c: 'CAD', ca: 'CAD', can: 'CAD', hk: 'HKD', nz: 'NZD', s: 'SGD', sg: 'SGD', nt: 'TWD', r: 'BRL', mx: 'MXN',
});
const CURRENCY_CODES = new Set(['usd', 'gbp', 'eur', 'jpy', 'cny', 'rmb', 'aud', 'cad', 'inr', 'chf', 'krw', 'hkd', 'nzd', 'sgd', 'rub']);
const CURRENCY_WORDS = table<string>({
  dollar: 'USD', dollars: 'USD', pound: 'GBP', pounds: 'GBP', sterling: 'GBP', euro: 'EUR', euros: 'EUR',
  yen: 'JPY', yuan: 'CNY', renminbi: 'CNY', rupee: 'INR', rupees: 'INR', rouble: 'RUB', roubles: 'RUB',
  ruble: 'RUB', rubles: 'RUB',
});

const TIME_UNITS = table<string>({
  second: 'second', seconds: 'second', minute: 'minute', minutes: 'minute', hour: 'hour', hours: 'hour',
  day: 'day', days: 'day', week: 'week', weeks: 'week', fortnight: 'fortnight', fortnights: 'fortnight',
  month: 'month', months: 'month', year: 'year', years: 'year', decade: 'decade', decades: 'decade',
  century: 'century', centuries: 'century',
});
const MEASURE_UNITS = table<string>({
  km: 'km', kilometre: 'km', kilometres: 'km', kilometer: 'km', kilometers: 'km', mile: 'mile', miles: 'mile',
  metre: 'metre', metres: 'metre', meter: 'metre', meters: 'metre', kg: 'kg', kilogram: 'kg', kilograms: 'kg',
  tonne: 'tonne', tonnes: 'tonne', ton: 'ton', tons: 'ton', feet: 'foot', foot: 'foot', ft: 'foot',
  acre: 'acre', acres: 'acre', hectare: 'hectare', hectares: 'hectare', mph: 'mph', barrels: 'barrel',
});
const CLOCK_WORDS = new Set(['am', 'pm', 'gmt', 'bst', 'et', 'est', 'edt', 'pst', 'utc', 'hrs', 'a.m', 'p.m']);

// Qualifiers before a figure, longest first.
const QUALIFIERS3 = table<Approx>({
  'no more than': 'under', 'no less than': 'over', 'no fewer than': 'over', 'in excess of': 'over',
  'as many as': 'under', 'as much as': 'under', 'an estimated': 'about',
});
const QUALIFIERS2 = table<Approx>({
  'more than': 'over', 'at least': 'over', 'upwards of': 'over', 'less than': 'under', 'fewer than': 'under',
  'up to': 'under', 'at most': 'under', 'close to': 'about', 'an estimated': 'about',
});
const QUALIFIERS1 = table<Approx>({
  nearly: 'about', almost: 'about', about: 'about', around: 'about', approximately: 'about', roughly: 'about',
  some: 'about', circa: 'about', estimated: 'about', approx: 'about', over: 'over', above: 'over',
  exceeding: 'over', under: 'under', below: 'under',
});
// Lower-case words ending in "s" that are not plural nouns (so "2017 was" stays a year).
const NOT_PLURAL = new Set(['was', 'is', 'has', 'his', 'its', 'this', 'as', 'us', 'thus', 'plus', 'whereas', 'besides', 'always', 'sees', 'says', 'makes', 'marks', 'remains', 'becomes', 'gives', 'takes', 'brings', 'ends', 'begins', 'starts', 'saw', 'does', 'goes', 'comes', 'across', 'towards', 'versus']);
const PLURAL_IRREGULAR = new Set(['people', 'men', 'women', 'children', 'staff', 'police', 'troops', 'cattle', 'personnel', 'feet']);
const ONE_SKIP_BEFORE = new Set(['no', 'any', 'every', 'each', 'some', 'the', 'this', 'that', 'which', 'someone', 'anyone', 'everyone', 'no-one']);
const ONE_SKIP_AFTER = new Set(['of', 'another', 'who', 'which', 'that', 'thing', 'way', 'hand', 'or', 'day']);

/** A preposition of time before a year-like number makes it a year, a plural noun after it or not ("from
 *  2006 employers will be barred"). */
const YEAR_BEFORE = /\b(?:from|since|until|till|before|during)\s+$/i;
/** "at number four", "to No 2": a place in a chart or a table. */
const CHART_PLACE = /\b(?:at|to|reached|hit|entered|in|from)\s+(?:number|no\.?)\s+$/i;
const ARTICLE_DURATION_PREVS = new Set(['for', 'within', 'than', 'about', 'nearly', 'almost', 'over', 'after', 'around', 'lasting', 'spent']);
const SPACED_ABBREVIATIONS = new Set(['bn', 'mn', 'mln', 'tn', 'trn']);
const DIGITS_RE = /\d[\d,]*(?:\.(\d+))?/;
const SCALE_IN_TEXT_RE = /(trillion|tn|trn|billion|bn|million|mn|mln|thousand|\d\s*[mbk])\b/i;

interface Num {
  value: number;
  /** Token index just after the figure (and its multiplier). */
  end: number;
  /** Multiplier written ("million"). */
  scaled: boolean;
  /** Written in digits as a plain 4-digit integer (a year candidate). */
  yearLike: boolean;
  /** Number written as words. */
  words: boolean;
}

interface Unit {
  kind: QuantityKind;
  unit?: string;
  /** Token index after the unit. */
  end: number;
  /** Multiplies the value (currency word after a scale, pence…). */
  factor?: number;
  /** The figure is not a quantity (clock time, decade…): skip it. */
  skip?: boolean;
}

// Only text near something figure-like is tokenised: prose between figures is most of a corpus. An anchor
// is a run of digits, a currency sign, or a whole ASCII word that names a number, unit, month or ordinal.
// Words are matched whole and checked against a set: one alternation of ~70 words tried at every word
// start (with `\w+th`-style backtracking) was a large share of indexing time.
const ANCHOR_RE = /\d+|[$£€¥]|\b[A-Za-z_]\w*/g;
const ANCHOR_WORDS = new Set(
  ('zero one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty sixty seventy eighty ninety ' +
    'hundred hundreds thousand thousands million millions billion billions trillion trillions dozen dozens tens first second third ' +
    'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'minute minutes hour hours day days week weeks fortnight fortnights month months year years decade decades century centuries ' +
    'dollar dollars pound pounds euro euros yen yuan usd gbp eur').split(' '),
);

function isAnchorWord(word: string): boolean {
  const w = word.toLowerCase();
  return ANCHOR_WORDS.has(w) || (w.length >= 3 && w.endsWith('th')) || (w.length >= 5 && w.endsWith('teen'));
}

/** The next anchor at or after `re.lastIndex` (a word that is not one is re-scanned for digits inside it). */
function nextAnchor(re: RegExp, text: string): RegExpExecArray | null {
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const c = m[0].charCodeAt(0);
    if ((c >= 48 && c <= 57) || m[0].length === 1 && (c === 36 || c === 163 || c === 8364 || c === 165)) return m;
    if (isAnchorWord(m[0])) return m;
    re.lastIndex = m.index + 1;
  }
  return null;
}
const LOOK_BEHIND = 40;
const LOOK_AHEAD = 56;

function tokenize(text: string, start: number, end: number): Tok[] {
  const out: Tok[] = [];
  const anchors = new RegExp(ANCHOR_RE.source, ANCHOR_RE.flags);
  const re = new RegExp(TOKEN_RE.source, TOKEN_RE.flags);
  anchors.lastIndex = start;
  let winEnd = start;
  let prevEnd = -1;
  for (let a = nextAnchor(anchors, text); a && a.index < end; a = nextAnchor(anchors, text)) {
    const aEnd = a.index + a[0].length;
    if (aEnd + LOOK_AHEAD <= winEnd) continue;
    let from = Math.max(a.index - LOOK_BEHIND, winEnd, start);
    if (from > winEnd) {
      from = snapBack(text, from, Math.max(winEnd, start));
      // A gap between windows: later patterns must not see across it.
      if (out.length) out.push({ s: from, e: from, k: K.Punct, t: '', l: '', adj: false });
    }
    const to = snapForward(text, Math.min(aEnd + LOOK_AHEAD, end), end);
    re.lastIndex = Math.max(from, winEnd);
    for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
      const s = m.index;
      const e = s + m[0].length;
      if (e > end) break;
      const k = m[1] !== undefined ? K.Num : m[2] !== undefined ? K.Cur : m[3] !== undefined ? K.Word : m[4] !== undefined ? K.Dash : m[5] !== undefined ? K.Pct : K.Punct;
      out.push({ s, e, k, t: m[0], l: k === K.Word ? m[0].toLowerCase() : m[0], adj: s === prevEnd });
      prevEnd = e;
      winEnd = e;
    }
    winEnd = Math.max(winEnd, to);
  }
  joinSpaced(out, text);
  return out;
}

const SPACED_SCALES = new Set(['m', 'k', 'bn', 'b']);

/**
 * Machine-tokenized text (model-written summaries, PTB-style copy) spaces out what is written together:
 * "34 - year - old", "18 - month", "£ 50 m". A plain hyphen with one space on each side between two
 * words or figures joins them, and a lone "m"/"bn" one space after a currency amount is its scale.
 */
function joinSpaced(toks: Tok[], text: string): void {
  const oneSpace = (a: Tok, b: Tok) => b.s === a.e + 1 && text[a.e] === ' ';
  for (let i = 1; i + 1 < toks.length; i++) {
    const [a, d, b] = [toks[i - 1], toks[i], toks[i + 1]];
    if (d.t === '-' && (a.k === K.Num || a.k === K.Word) && (b.k === K.Num || b.k === K.Word) && oneSpace(a, d) && oneSpace(d, b)) {
      d.adj = true;
      b.adj = true;
    }
    if (a.k === K.Cur && d.k === K.Num && oneSpace(a, d) && b.k === K.Word && SPACED_SCALES.has(b.l) && oneSpace(d, b)) b.adj = true;
  }
}

/** Moves a window start back to a token boundary (bounded, for giant unbroken strings). */
function snapBack(text: string, pos: number, min: number): number {
  const limit = Math.max(min, pos - 24);
  while (pos > limit && !isBreak(text.charCodeAt(pos - 1))) pos--;
  return pos;
}

function snapForward(text: string, pos: number, max: number): number {
  const limit = Math.min(max, pos + 24);
  while (pos < limit && !isBreak(text.charCodeAt(pos))) pos++;
  return pos;
}

function isBreak(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 160;
}

/** Finds numbers, amounts, dates and durations in `text[start, end)`. */
export function findQuantities(text: string, start = 0, end = text.length): Quantity[] {
  // A character reference left in copied web text ("pass&#233;") is no figure; nor are the digits of a
  // name written with a letter before them ("the G7", "the M25", "an A380", "MP3 players") or a capital
  // after a hyphen ("the 3-Series", "7-Eleven").
  return new Parser(text, tokenize(text, start, end))
    .run()
    .filter(
      (q) =>
        !(text[q.start - 1] === '#' && /&#x?$/i.test(text.slice(Math.max(0, q.start - 3), q.start))) &&
        !(q.kind === 'number' && isDigit(text.charCodeAt(q.start)) && (LETTER.test(text[q.start - 1] ?? '') || NAME_AFTER.test(text.slice(q.end, q.end + 2)))),
    );
}

const LETTER = /\p{L}/u;
const NAME_AFTER = /^-\p{Lu}/u;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

class Parser {
  private readonly out: Quantity[] = [];
  constructor(
    private readonly text: string,
    private readonly toks: Tok[],
  ) {}

  run(): Quantity[] {
    const n = this.toks.length;
    let i = 0;
    while (i < n) {
      const next = this.at(i);
      i = next > i ? next : i + 1;
    }
    return this.out;
  }

  /** Tries every pattern at token i; returns the index after what it consumed (or i). */
  private at(i: number): number {
    const t = this.toks[i];
    if (t.k === K.Num) {
      const skip = this.clockOrFraction(i);
      if (skip > i) return skip;
      return this.isoDate(i) || this.dayMonth(i) || this.figure(i, i, undefined);
    }
    if (t.k === K.Cur) return this.money(i);
    if (t.k !== K.Word) return i;
    if (DOLLAR_PREFIXES.get(t.l) !== undefined && this.toks[i + 1]?.t === '$' && this.toks[i + 1].adj) return this.money(i);
    if (CURRENCY_CODES.has(t.l) && t.t === t.t.toUpperCase() && this.toks[i + 1]?.k === K.Num) return this.money(i);
    if (MONTHS.get(t.l) !== undefined && isCapitalised(t.t)) return this.monthFirst(i);
    if (ORDINAL_WORDS.get(t.l) !== undefined) return this.ordinalWord(i);
    if (t.l === 'tens' || t.l === 'hundreds' || t.l === 'thousands' || t.l === 'millions' || t.l === 'dozens') {
      // "tens of thousands": vague, skip the whole phrase.
      return this.toks[i + 1]?.l === 'of' && /^(?:thousands|millions|billions|hundreds)$/.test(this.toks[i + 2]?.l ?? '') ? i + 3 : i + 1;
    }
    if ((t.l === 'a' || t.l === 'an') && TIME_UNITS.get(this.toks[i + 1]?.l ?? '') !== undefined) return this.articleDuration(i);
    if (TIME_UNITS.get(t.l) !== undefined && !t.l.endsWith('s')) return this.spanUnit(i) ?? this.longUnit(i);
    if (UNITS.get(t.l) !== undefined || TENS.get(t.l) !== undefined || ((t.l === 'a' || t.l === 'an') && this.isArticleFigure(i))) {
      return this.figure(i, i, undefined);
    }
    return i;
  }

  // ---- figures -------------------------------------------------------------------------------

  /** A number at `i` (figure starts at `from`, which may be a currency symbol), then its unit. */
  private figure(from: number, i: number, currency: string | undefined): number {
    const num = this.number(i);
    if (!num) return i;
    // "One million" is a figure wherever it stands; "one" alone often is not ("one of the…").
    if (num.words && this.toks[i].l === 'one' && !num.scaled && this.skipOne(i, num.end)) return num.end;
    let unit = this.unit(num, currency);
    // Range or score: "5-10 years", "2-1", "five to 10 per cent", "1950–53".
    if (!unit || unit.kind === 'money') {
      const j = num.end;
      const joiner = this.toks[j];
      const dashRange = joiner?.k === K.Dash && joiner.adj && this.toks[j + 1]?.adj && this.toks[j + 1].k === K.Num;
      const toRange = joiner?.l === 'to' && !unit && this.startsNumber(j + 1);
      if (dashRange || toRange) {
        const second = this.number(j + 1);
        // "in 2005 to 5.5 million tonnes": a year, then a figure, not a range of tonnes.
        const yearThenFigure = toRange && !dashRange && num.yearLike && !!second && (second.scaled || !second.yearLike);
        if (second && !yearThenFigure) {
          if (num.yearLike && dashRange && !currency && this.isYearRangeEnd(num.value, j + 1)) {
            const y2 = expandYear(num.value, this.toks[j + 1].t);
            this.push('year', from, num.end, num.value, undefined, this.approxBefore(from));
            this.push('year', j + 1, j + 2, y2);
            return j + 2;
          }
          const unit2 = this.unit(second, currency);
          const shared = unit2 ?? unit;
          // "5 to 10 million" is 5 million to 10 million; "rose 32,000 to 1.41 million" is no range of
          // millions: a first figure in the thousands already keeps its own scale.
          const scale = !num.scaled && second.scaled && num.value < 1000 ? this.scaleOf(second) : 1;
          const approx = this.approxBefore(from);
          this.emit(from, num.end, { ...num, value: num.value * scale }, shared ? { ...shared, end: num.end } : undefined, approx);
          this.emit(j + 1, unit2 ? unit2.end : second.end, second, shared ? { ...shared, end: unit2 ? unit2.end : second.end } : undefined, approx);
          return unit2 ? unit2.end : second.end;
        }
      }
    }
    if (unit?.skip) return unit.end;
    if (!unit && currency) unit = { kind: 'money', unit: currency, end: num.end };
    const end = unit ? unit.end : num.end;
    this.emit(from, end, num, unit, this.approxBefore(from));
    return end;
  }

  private emit(from: number, end: number, num: Num, unit: Unit | undefined, approx: Approx): void {
    if (unit?.skip) return;
    if (unit) {
      this.push(unit.kind, from, end, num.value * (unit.factor ?? 1), unit.unit, unit.kind === 'ordinal' ? undefined : approx);
      return;
    }
    if (num.yearLike && !approx && (this.looksLikeYear(num.end) || YEAR_BEFORE.test(this.text.slice(Math.max(0, this.toks[from].s - 8), this.toks[from].s)))) this.push('year', from, end, num.value);
    else if (!approx && num.value >= 1 && num.value <= 100 && Number.isInteger(num.value) && CHART_PLACE.test(this.text.slice(Math.max(0, this.toks[from].s - 24), this.toks[from].s))) {
      // "opened at number four", "reached No 2": a place in a chart or a table.
      this.push('ordinal', from, end, num.value);
    } else this.push('number', from, end, num.value, undefined, approx);
  }

  private push(kind: QuantityKind, from: number, to: number, value: number, unit?: string, approx?: Approx, month?: number, day?: number): void {
    const s = this.toks[from].s;
    const e = this.toks[to - 1].e;
    const q: Quantity = { start: s, end: e, kind, text: this.text.slice(s, e), value };
    if (unit !== undefined) q.unit = unit;
    if (month !== undefined) q.month = month;
    if (day !== undefined) q.day = day;
    if (approx) q.approx = approx;
    this.out.push(q);
  }

  /** Parses digits (with a multiplier) or number words at i. */
  private number(i: number): Num | undefined {
    const t = this.toks[i];
    if (!t) return undefined;
    if (t.k === K.Num) {
      const plain = t.t.replace(/,/g, '');
      let value = Number(plain);
      let end = i + 1;
      let scaled = false;
      const next = this.toks[end];
      const scale = next?.k === K.Word ? DIGIT_SCALES.get(next.l) : undefined;
      // "5m" must be glued ("5 m" may be metres); full words and "bn"/"mn" may be spaced.
      if (scale !== undefined && (next.adj || next.l.length > 3 || SPACED_ABBREVIATIONS.has(next.l))) {
        value *= scale;
        end++;
        scaled = true;
      }
      const yearLike = !scaled && /^\d{4}$/.test(t.t) && value >= 1000 && value <= 2100;
      return { value, end, scaled, yearLike, words: false };
    }
    if (t.k !== K.Word) return undefined;
    return this.numberWords(i);
  }

  private numberWords(i: number): Num | undefined {
    let total = 0;
    let cur = 0;
    let j = i;
    let prev: 'none' | 'num' | 'hundred' | 'scale' = 'none';
    let lastGood = -1;
    let scaled = false;
    const toks = this.toks;
    if ((toks[i].l === 'a' || toks[i].l === 'an') && toks[i + 1]) {
      const w = toks[i + 1].l;
      if (w === 'dozen') return { value: 12, end: i + 2, scaled: false, yearLike: false, words: true };
      if (w === 'hundred' || SCALE_WORDS.get(w) !== undefined) {
        cur = 1;
        prev = 'num';
        j = i + 1;
      } else return undefined;
    }
    while (j < toks.length) {
      const t = toks[j];
      if (t.k !== K.Word) break;
      const w = t.l;
      if ((UNITS.get(w) !== undefined || TENS.get(w) !== undefined) && prev !== 'num') {
        let v = UNITS.get(w) ?? TENS.get(w) ?? 0;
        let k = j + 1;
        const dash = toks[k];
        const unitAfter = dash?.k === K.Dash && dash.adj && toks[k + 1]?.adj ? (UNITS.get(toks[k + 1].l) ?? 0) : 0;
        // "fifty-nine", and "fifty nine" written without the hyphen.
        const spaced = dash?.k === K.Word ? (UNITS.get(dash.l) ?? 0) : 0;
        if (TENS.has(w) && unitAfter > 0 && unitAfter < 10) {
          v += unitAfter;
          k += 2;
        } else if (TENS.has(w) && spaced > 0 && spaced < 10) {
          v += spaced;
          k += 1;
        }
        cur += v;
        prev = 'num';
        j = k;
        lastGood = j;
      } else if (w === 'hundred' && prev === 'num') {
        cur *= 100;
        prev = 'hundred';
        j++;
        lastGood = j;
      } else if (w === 'dozen' && prev === 'num') {
        cur *= 12;
        prev = 'hundred';
        j++;
        lastGood = j;
      } else if (SCALE_WORDS.get(w) !== undefined && (prev === 'num' || prev === 'hundred')) {
        total += cur * (SCALE_WORDS.get(w) ?? 1);
        cur = 0;
        prev = 'scale';
        scaled = true;
        j++;
        lastGood = j;
      } else if (w === 'and' && (prev === 'hundred' || prev === 'scale') && (UNITS.get(toks[j + 1]?.l) !== undefined || TENS.get(toks[j + 1]?.l) !== undefined)) {
        prev = 'none';
        j++;
      } else break;
    }
    if (lastGood < 0) return undefined;
    return { value: total + cur, end: lastGood, scaled, yearLike: false, words: true };
  }

  private scaleOf(num: Num): number {
    const t = this.toks[num.end - 1];
    return DIGIT_SCALES.get(t.l) ?? SCALE_WORDS.get(t.l) ?? 1;
  }

  /** What follows a figure: %, per cent, a currency word, a time unit, an ordinal suffix… */
  private unit(num: Num, currency: string | undefined): Unit | undefined {
    const toks = this.toks;
    const j = num.end;
    const t = toks[j];
    const last = toks[j - 1];
    if (!t) return currency ? { kind: 'money', unit: currency, end: j } : undefined;
    if (currency) {
      // "$5 billion" done; "US$5 bn" handled by number(); a trailing code is redundant ("$5 USD").
      if (t.k === K.Word && CURRENCY_CODES.has(t.l)) return { kind: 'money', unit: currency, end: j + 1 };
      return { kind: 'money', unit: currency, end: j };
    }
    if (t.k === K.Pct) return { kind: 'percent', unit: '%', end: j + 1 };
    if (t.k === K.Word) {
      const w = t.l;
      if (w === 'per' && toks[j + 1]?.l === 'cent') return { kind: 'percent', unit: '%', end: j + 2 };
      if (w === 'percent' || w === 'pc') return { kind: 'percent', unit: '%', end: j + 1 };
      if (w === 'percentage' && /^points?$/.test(toks[j + 1]?.l ?? '')) return { kind: 'percent', unit: 'pp', end: j + 2 };
      if (CURRENCY_WORDS.get(w) !== undefined) {
        return { kind: 'money', unit: CURRENCY_WORDS.get(w), end: j + 1 };
      }
      if (CURRENCY_CODES.has(w) && t.t === t.t.toUpperCase()) return { kind: 'money', unit: w === 'rmb' ? 'CNY' : w.toUpperCase(), end: j + 1 };
      if (w === 'won' && num.scaled) return { kind: 'money', unit: 'KRW', end: j + 1 };
      if ((w === 'p' || w === 'pence') && !num.scaled && (t.adj || w === 'pence') && last.k === K.Num) return { kind: 'money', unit: 'GBP', end: j + 1, factor: 0.01 };
      if (ORDINAL_SUFFIX.has(w) && t.adj && last.k === K.Num && !num.scaled) return { kind: 'ordinal', end: j + 1 };
      if (w === 's' && t.adj && last.k === K.Num) return { kind: 'number', end: j + 1, skip: true };
      if (CLOCK_WORDS.has(w) && last.k === K.Num && num.value <= 24) return { kind: 'number', end: j + 1, skip: true };
      const timeUnit = TIME_UNITS.get(w);
      if (timeUnit !== undefined && !(w === 'second' && num.value !== 1)) {
        let end = j + 1;
        if (toks[end]?.l === 'old' || (toks[end]?.k === K.Dash && toks[end + 1]?.l === 'old')) {
          return { kind: 'number', end: toks[end].l === 'old' ? end + 1 : end + 2 }; // "10 years old"
        }
        if (toks[end]?.l === 'ago') end++;
        return this.duration(timeUnit, end);
      }
      if (MEASURE_UNITS.get(w) !== undefined) return { kind: 'number', unit: MEASURE_UNITS.get(w), end: j + 1 };
    }
    if (t.k === K.Dash && t.adj && toks[j + 1]?.adj && toks[j + 1].k === K.Word) {
      const w = toks[j + 1].l;
      // "three-day visit", "68-year-old", "12-month", "a 500-strong crowd"
      const timeUnit = TIME_UNITS.get(w);
      if (timeUnit !== undefined) {
        const k = j + 2;
        if (toks[k]?.k === K.Dash && toks[k].adj && toks[k + 1]?.l === 'old') return { kind: 'number', end: k + 2 };
        if (toks[k]?.l === 'old') return { kind: 'number', end: k + 1 }; // "54-year old", a hyphen dropped
        if (toks[k]?.k === K.Dash && toks[k].adj && toks[k + 1]?.l === 'long') return this.duration(timeUnit, k + 2);
        return this.duration(timeUnit, k);
      }
      if (MEASURE_UNITS.get(w) !== undefined) return { kind: 'number', unit: MEASURE_UNITS.get(w), end: j + 2 };
      // "a 1.4bn-euro profit" is the amount "1.4bn euros" ("a 500-pound bomb" is a weight).
      if (CURRENCY_WORDS.get(w) !== undefined && (num.scaled || !w.startsWith('pound'))) return { kind: 'money', unit: CURRENCY_WORDS.get(w), end: j + 2 };
      // Number words in other compounds ("two-thirds", "one-off", "three-pronged") are not counts.
      if (num.words) return { kind: 'number', end: j + 2, skip: true };
    }
    return undefined;
  }

  private duration(unit: string, end: number): Unit {
    if (unit === 'fortnight') return { kind: 'duration', unit: 'week', end, factor: 2 };
    return { kind: 'duration', unit, end };
  }

  private startsNumber(i: number): boolean {
    const t = this.toks[i];
    return !!t && (t.k === K.Num || UNITS.get(t.l) !== undefined || TENS.get(t.l) !== undefined);
  }

  /** "a hundred", "a dozen", "a week-long trip", "for a year". */
  private isArticleFigure(i: number): boolean {
    const next = this.toks[i + 1];
    if (!next || next.k !== K.Word) return false;
    if (next.l === 'dozen' || next.l === 'hundred' || SCALE_WORDS.get(next.l) !== undefined) return true;
    return false;
  }

  /** "a week-long trip", "for a year", "a month ago". */
  private articleDuration(i: number): number {
    const toks = this.toks;
    const unitTok = toks[i + 1];
    const u = TIME_UNITS.get(unitTok.l);
    if (!u || unitTok.l.endsWith('s')) return i;
    const k = i + 2;
    if (toks[k]?.k === K.Dash && toks[k].adj && toks[k + 1]?.l === 'long') {
      const d = this.duration(u, k + 2);
      this.push('duration', i, k + 2, d.factor ?? 1, d.unit);
      return k + 2;
    }
    const prev = toks[i - 1]?.l ?? '';
    // "9.3% higher than a year earlier": the point compared with, not a length of time.
    if (toks[k]?.l === 'earlier' || toks[k]?.l === 'before' || toks[k]?.l === 'previously') return i;
    if (ARTICLE_DURATION_PREVS.has(prev) || toks[k]?.l === 'ago' || u === 'fortnight') {
      const d = this.duration(u, k);
      const approx = this.approxBefore(i);
      this.push('duration', i, k, d.factor ?? 1, d.unit, approx);
      return k;
    }
    return i;
  }

  /** "over the next decade", "in the past century": one of the unit, counted from now. */
  private spanUnit(i: number): number | undefined {
    const t = this.toks[i];
    if (t.l !== 'decade' && t.l !== 'century') return undefined;
    if (!/\b(?:next|past|last|coming|previous)\s+$/i.test(this.text.slice(Math.max(0, t.s - 12), t.s))) return undefined;
    const u = TIME_UNITS.get(t.l);
    if (!u) return undefined;
    const d = this.duration(u, i + 1);
    this.push('duration', i, i + 1, d.factor ?? 1, d.unit);
    return i + 1;
  }

  /** "his week long trip": a unit word followed by "long" is one of that unit. */
  private longUnit(i: number): number {
    const toks = this.toks;
    let k = i + 1;
    if (toks[k]?.k === K.Dash && toks[k].adj) k++;
    if (toks[k]?.l !== 'long') return i;
    const d = this.duration(TIME_UNITS.get(toks[i].l) ?? 'day', k + 1);
    this.push('duration', i, k + 1, d.factor ?? 1, d.unit);
    return k + 1;
  }

  private skipOne(i: number, end: number): boolean {
    const before = this.toks[i - 1];
    const after = this.toks[end];
    if (before && before.k === K.Word && ONE_SKIP_BEFORE.has(before.l)) return true;
    if (!after || after.k === K.Punct) return true;
    if (after.k === K.Dash) return false; // "one-day" is decided by unit()
    return after.k === K.Word && ONE_SKIP_AFTER.has(after.l);
  }

  /** Is a 4-digit number a year? Not when a plural noun follows ("1950 people"). */
  private looksLikeYear(next: number): boolean {
    const t = this.toks[next];
    if (!t || t.k !== K.Word) return true;
    const w = t.l;
    if (t.t !== w) return true;
    if (PLURAL_IRREGULAR.has(w)) return false;
    return !(w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !NOT_PLURAL.has(w));
  }

  private isYearRangeEnd(first: number, j: number): boolean {
    const t = this.toks[j].t;
    if (!/^\d{2}$|^\d{4}$/.test(t)) return false;
    const v = expandYear(first, t);
    return v > first && v - first <= 30;
  }

  // ---- money ---------------------------------------------------------------------------------

  /** Currency first: "$1.2 billion", "Â£5m", "US$5", "$US300 million", "USD 5". */
  private money(i: number): number {
    const toks = this.toks;
    let j: number;
    let code: string | undefined;
    const t = toks[i];
    if (t.k === K.Word && DOLLAR_PREFIXES.get(t.l) !== undefined) {
      code = DOLLAR_PREFIXES.get(t.l);
      j = i + 2;
    } else if (t.k === K.Word) {
      code = t.l === 'rmb' ? 'CNY' : t.t.toUpperCase();
      j = i + 1;
    } else {
      code = CURRENCY_SYMBOLS.get(t.t);
      j = i + 1;
      if (t.t === '$' && toks[j]?.k === K.Word && toks[j].adj && DOLLAR_PREFIXES.get(toks[j].l) !== undefined && toks[j + 1]?.k === K.Num && toks[j + 1].adj) {
        code = DOLLAR_PREFIXES.get(toks[j].l);
        j++;
      }
    }
    if (toks[j]?.k !== K.Num) return i + 1;
    if (!toks[j].adj && t.k === K.Cur && toks[j].s - t.e > 1) return i + 1;
    // "$5B" / "$5b": billions only after a currency.
    const after = toks[j + 1];
    if (after?.adj && after.l === 'b') {
      const value = Number(toks[j].t.replace(/,/g, '')) * 1e9;
      this.push('money', i, j + 2, value, code, this.approxBefore(i));
      return j + 2;
    }
    return this.figure(i, j, code);
  }

  // ---- dates ---------------------------------------------------------------------------------

  /** "2019-12-18" */
  private isoDate(i: number): number {
    const t = this.toks;
    if (!/^\d{4}$/.test(t[i].t) || t[i + 1]?.t !== '-' || !t[i + 1].adj || !t[i + 2]?.adj || !/^\d{2}$/.test(t[i + 2].t)) return 0;
    if (t[i + 3]?.t !== '-' || !t[i + 3].adj || !t[i + 4]?.adj || !/^\d{2}$/.test(t[i + 4].t)) return 0;
    const month = Number(t[i + 2].t);
    const day = Number(t[i + 4].t);
    if (month < 1 || month > 12 || day < 1 || day > 31) return 0;
    this.push('date', i, i + 5, Number(t[i].t), undefined, undefined, month, day);
    return i + 5;
  }

  /** "18 December 2019", "18th of December". */
  private dayMonth(i: number): number {
    const toks = this.toks;
    const t = toks[i];
    if (!/^\d{1,2}$/.test(t.t)) return 0;
    const day = Number(t.t);
    if (day < 1 || day > 31) return 0;
    let j = i + 1;
    if (toks[j]?.adj && ORDINAL_SUFFIX.has(toks[j].l)) j++;
    if (toks[j]?.l === 'of') j++;
    const m = toks[j];
    if (!m || m.k !== K.Word || MONTHS.get(m.l) === undefined || !isCapitalised(m.t)) return 0;
    let end = j + 1;
    if (toks[end]?.t === '.' && toks[end].adj && m.l.length <= 4) end++;
    let year = 0;
    const y = toks[end]?.t === ',' ? end + 1 : end;
    if (toks[y] && /^\d{4}$/.test(toks[y].t)) {
      year = Number(toks[y].t);
      end = y + 1;
    }
    this.push('date', i, end, year, undefined, undefined, MONTHS.get(m.l), day);
    return end;
  }

  /** "December 18, 2019", "Dec. 5", "November 2017", "in June". */
  private monthFirst(i: number): number {
    const toks = this.toks;
    const m = toks[i];
    const month = MONTHS.get(m.l);
    const abbreviated = m.l.length <= 4 && m.l !== 'june' && m.l !== 'july' && m.l !== 'may';
    let j = i + 1;
    if (toks[j]?.t === '.' && toks[j].adj && abbreviated) j++;
    let t = toks[j];
    if (t?.l === 'of') t = toks[++j];
    if (t?.k === K.Num && /^\d{1,2}$/.test(t.t) && Number(t.t) >= 1 && Number(t.t) <= 31) {
      const day = Number(t.t);
      let end = j + 1;
      if (toks[end]?.adj && ORDINAL_SUFFIX.has(toks[end].l)) end++;
      const next = toks[end];
      // "May 5 million" / "March 20%" are not dates.
      if (next && (next.k === K.Pct || (next.k === K.Word && DIGIT_SCALES.get(next.l) !== undefined))) return i + 1;
      let year = 0;
      const y = next?.t === ',' ? toks[end + 1] : next;
      if (y && /^\d{4}$/.test(y.t)) {
        year = Number(y.t);
        end = y === next ? end + 1 : end + 2;
      }
      this.push('date', i, end, year, undefined, undefined, month, day);
      return end;
    }
    if (t?.k === K.Num && /^\d{4}$/.test(t.t)) {
      this.push('date', i, j + 1, Number(t.t), undefined, undefined, month);
      return j + 1;
    }
    const prev = toks[i - 1];
    if (!abbreviated && prev && prev.k === K.Word && MONTH_PREPS.has(prev.l)) {
      this.push('date', i, i + 1, 0, undefined, undefined, month);
    }
    return i + 1;
  }

  // ---- ordinals, misc ------------------------------------------------------------------------

  private ordinalWord(i: number): number {
    const t = this.toks[i];
    const prev = this.toks[i - 1]?.l;
    // "a second", "one second" are durations of no interest; "second" as a verb is rare in news.
    if (t.l === 'second' && (prev === 'a' || prev === 'per' || prev === 'one')) return i + 1;
    this.push('ordinal', i, i + 1, ORDINAL_WORDS.get(t.l) ?? 0);
    return i + 1;
  }

  /** "10:30", "1/2", "12/18/2019" are skipped. */
  private clockOrFraction(i: number): number {
    const toks = this.toks;
    let j = i;
    while (toks[j + 1] && (toks[j + 1].t === ':' || toks[j + 1].t === '/') && toks[j + 1].adj && toks[j + 2]?.adj && toks[j + 2].k === K.Num) j += 2;
    return j > i ? j + 1 : i;
  }

  private wordAt(i: number): string {
    const t = this.toks[i];
    return t && t.k === K.Word ? t.l : '';
  }

  /** Qualifier words right before the figure. */
  private approxBefore(from: number): Approx {
    const w1 = this.wordAt(from - 1);
    if (!w1) return undefined;
    const w2 = this.wordAt(from - 2);
    const w3 = this.wordAt(from - 3);
    if (w3 && QUALIFIERS3.get(`${w3} ${w2} ${w1}`)) return QUALIFIERS3.get(`${w3} ${w2} ${w1}`);
    if (w2 && QUALIFIERS2.get(`${w2} ${w1}`)) return QUALIFIERS2.get(`${w2} ${w1}`);
    return QUALIFIERS1.get(w1);
  }
}

function isCapitalised(s: string): boolean {
  const c = s.charCodeAt(0);
  return c >= 65 && c <= 90;
}

/** "1950–53" → 1953; "1999-00" → 2000. */
function expandYear(first: number, written: string): number {
  if (written.length === 4) return Number(written);
  const century = Math.floor(first / 100) * 100;
  let y = century + Number(written);
  if (y < first) y += 100;
  return y;
}

// ---- comparison ------------------------------------------------------------------------------

const DAY_UNITS = table<number>({ second: 1 / 86400, minute: 1 / 1440, hour: 1 / 24, day: 1, week: 7 });
const MONTH_UNITS = table<number>({ month: 1, year: 12, decade: 120, century: 1200 });
const DAYS_PER_MONTH = 30.436875;

/**
 * Compares two quantities: 'same' when they can describe the same figure (allowing for rounding and
 * written qualifiers), 'different' when they measure the same thing with different values,
 * 'incomparable' otherwise (different kinds or units).
 */
export function compareQuantities(a: Quantity, b: Quantity): 'same' | 'different' | 'incomparable' {
  if (isDateLike(a) && isDateLike(b)) return compareDates(a, b);
  if (a.kind !== b.kind) return 'incomparable';
  switch (a.kind) {
    case 'money':
      if (a.unit !== b.unit) return 'incomparable';
      return sameFigure(a, b, 0.005) ? 'same' : 'different';
    case 'percent':
    case 'number':
      if ((a.unit ?? '') !== (b.unit ?? '')) return 'incomparable';
      return sameFigure(a, b, 0) ? 'same' : 'different';
    case 'ordinal':
      return a.value === b.value ? 'same' : 'different';
    case 'duration':
      return compareDurations(a, b);
    default:
      return 'incomparable';
  }
}

/** A date or a year. */
export function isDateLike(q: Quantity): boolean {
  return q.kind === 'date' || q.kind === 'year';
}

function compareDates(a: Quantity, b: Quantity): 'same' | 'different' | 'incomparable' {
  let shared = 0;
  if (a.value > 0 && b.value > 0) {
    shared++;
    const tol = a.approx || b.approx ? 1 : 0;
    if (Math.abs(a.value - b.value) > tol) return 'different';
  }
  if (a.month !== undefined && b.month !== undefined) {
    shared++;
    if (a.month !== b.month) return 'different';
  }
  if (a.day !== undefined && b.day !== undefined && a.month !== undefined && b.month !== undefined) {
    shared++;
    if (a.day !== b.day) return 'different';
  }
  return shared > 0 ? 'same' : 'incomparable';
}

function compareDurations(a: Quantity, b: Quantity): 'same' | 'different' | 'incomparable' {
  const ua = a.unit ?? '';
  const ub = b.unit ?? '';
  const dayA = DAY_UNITS.get(ua);
  const dayB = DAY_UNITS.get(ub);
  const monA = MONTH_UNITS.get(ua);
  const monB = MONTH_UNITS.get(ub);
  if ((dayA === undefined && monA === undefined) || (dayB === undefined && monB === undefined)) return 'incomparable';
  if (dayA !== undefined && dayB !== undefined) return overlap(a, b, dayA, 0, dayB) ? 'same' : 'different';
  if (monA !== undefined && monB !== undefined) return overlap(a, b, monA, 0, monB) ? 'same' : 'different';
  // Calendar months against days/weeks: approximate, so allow 10%.
  const fa = dayA ?? (monA ?? 0) * DAYS_PER_MONTH;
  const fb = dayB ?? (monB ?? 0) * DAYS_PER_MONTH;
  return overlap(a, b, fa, 0.05, fb) ? 'same' : 'different';
}

/** Whether two figures may state one value: an approximate one ("about", "over", "under") whose range
 *  overlaps the other's, or one that rounds the other ("$1.2bn" for "$1.23bn", "17%" for "16.5%").
 *  Ranges that merely overlap do not make a rounding: "2%" and "2.5%" are two rates, though 2.45 could
 *  be written either way. */
function sameFigure(a: Quantity, b: Quantity, relative: number): boolean {
  // Two rough figures are one when either value falls in the other's range ("about 10%", "around
  // 10.5%"); their ranges merely touching ("around 12%" and "about 10%") is two values.
  if (a.approx && b.approx) return inRange(a, b, relative) || inRange(b, a, relative);
  if (a.approx || b.approx) return overlap(a, b, 1, relative);
  // Rounding half up: 16.5 is written 17, 2.5 is not written 2.
  const within = (x: Quantity, y: Quantity) => {
    const h = Math.max(precision(y), relative * Math.abs(y.value));
    const eps = 1e-9 * Math.max(Math.abs(y.value), h);
    return y.value - h - eps <= x.value && x.value < y.value + h - eps;
  };
  return within(a, b) || within(b, a);
}

/** Whether the value ranges implied by two written figures overlap (both scaled to a common base). */
function overlap(a: Quantity, b: Quantity, factorA: number, relative: number, factorB = factorA): boolean {
  const [aLo, aHi] = range(a, factorA, relative);
  const [bLo, bHi] = range(b, factorB, relative);
  return aLo <= bHi + 1e-9 * Math.abs(bHi) && bLo <= aHi + 1e-9 * Math.abs(aHi);
}

/** Whether x's value is in the range y's written figure implies. */
function inRange(x: Quantity, y: Quantity, relative: number): boolean {
  const [lo, hi] = range(y, 1, relative);
  const eps = 1e-9 * Math.max(Math.abs(lo), Math.abs(hi));
  return lo - eps <= x.value && x.value <= hi + eps;
}

function range(q: Quantity, factor: number, relative: number): [number, number] {
  const v = q.value * factor;
  let h = Math.max(precision(q) * factor * 0.999, relative * Math.abs(v));
  if (q.approx === 'about') h = Math.max(h, 0.1 * Math.abs(v));
  if (q.approx === 'over') return [v - h, Math.max(v + h, 2 * v)];
  if (q.approx === 'under') return [Math.min(v - h, v / 2), v + h];
  return [v - h, v + h];
}

/** Half a unit of the last written digit: "1.2 billion" ±0.05e9, "300" ±0.5, "5.25%" ±0.005. */
function precision(q: Quantity): number {
  const m = DIGITS_RE.exec(q.text);
  const decimals = m?.[1]?.length ?? 0;
  let scale = 1;
  const s = SCALE_IN_TEXT_RE.exec(q.text);
  if (s) {
    const w = s[1].toLowerCase();
    const c = w.charAt(w.length - 1);
    if (w.startsWith('t')) scale = 1e12;
    else if (w.startsWith('b') || c === 'b') scale = 1e9;
    else if (w.startsWith('m') || c === 'm') scale = 1e6;
    else scale = 1e3;
  }
  if (q.kind === 'duration' || q.kind === 'percent') scale = 1;
  // "5p" is £0.05: its last digit counts pence.
  else if (q.kind === 'money' && /\d\s*(?:p|pence)$/i.test(q.text)) scale = 0.01;
  return 0.5 * Math.pow(10, -decimals) * scale;
}
