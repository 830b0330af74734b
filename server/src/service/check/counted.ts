// What a bare count counts. "Three new defenders" and "the last three games" share a figure, not a fact:
// a count backs or contradicts another only when both count the same thing, or either leaves it unsaid
// ("three of them", "rose to 40").

import type { FigureDirection } from './direction.ts';
import type { Quantity } from '../types.ts';
import { STOPWORDS, tokenize } from '../text/words.ts';
import { searchTerm } from '../corpus/sentenceIndex.ts';
import { isNumberWord, paraphrasesOf } from './lexicon.ts';

/** Words between a count and its noun at most ("three new Labour defenders"). */
const MAX_WORDS = 3;
/** How far after the figure the noun may be looked for. */
const REACH = 48;

/** A figure of a claim, with the noun it counts when it is a bare count. */
export interface ClaimFigure extends Quantity {
  counts?: string[];
  /** A date written as a span's bound ("until May", "since 1998"). */
  bounds?: boolean;
  /** The direction of a change or comparison it gives ("2.1% fewer"), in the draft's offsets. */
  direction?: FigureDirection;
}

/** A number written without a unit (a count of whatever noun follows it) or an ordinal (a rank among
 *  them: "a fourth term", "the third quarter"). */
export function isBareCount(q: Quantity): boolean {
  return (q.kind === 'number' && !q.unit) || q.kind === 'ordinal';
}

/** Plurals without an s. */
const IRREGULAR = new Set(['people', 'men', 'women', 'children', 'staff', 'police', 'troops', 'cattle', 'personnel', 'feet', 'mice', 'geese', 'teeth', 'fish', 'sheep', 'aircraft']);

/**
 * The stems of the words naming what a bare count counts: the few content words right after it, up to
 * the first plural ("three new defenders in January" → new, defend; "three players signed" → player;
 * "26 billion text messages" → text, messag), or undefined when a function word or punctuation comes
 * first ("three of the", "three, and") or no word looks plural (an ordinal's are all those words:
 * "fourth term" → term); none (an empty list) for a side of a score or range ("2-1") or an age ("a
 * 30-year-old", "Smith, 30, said"). `figure` is where the figure stands in `text`.
 */
export function countedNoun(text: string, figure: Pick<Quantity, 'start' | 'end' | 'kind'>): string[] | undefined {
  const { start, end } = figure;
  // One side of a score or a range ("a 2-1 lead", "3-0"), or an age ("a 30-year-old defender"): no
  // count of anything.
  if (/^[-–]\d/.test(text.slice(end, end + 2)) || /\d[-–]$/.test(text.slice(Math.max(0, start - 2), start))) return [];
  if (/[-\s]old$/i.test(text.slice(start, end))) return [];
  // An age set off by commas after a name or a noun ("The England international, 24, was hurt").
  if (figure.kind === 'number' && /\p{L}\s*,\s*$/u.test(text.slice(Math.max(0, start - 40), start)) && /^\s*,/.test(text.slice(end, end + 3))) return [];
  const to = Math.min(text.length, end + REACH);
  let at = end;
  const words: string[] = [];
  for (const t of tokenize(text, end, to)) {
    // Words joined by spaces only: a comma, stop or bracket ends the phrase.
    if (!/^[\s-]*$/.test(text.slice(at, t.start)) || words.length === MAX_WORDS) break;
    // A capitalised word is part of a name ("20 Serie A appearances"), not a function word.
    if ((STOPWORDS.has(t.norm) && !/^\p{Lu}/u.test(text.charAt(t.start))) || isNumberWord(t.norm) || !/^\p{L}/u.test(t.norm)) break;
    const stem = searchTerm(t.norm);
    if (stem) words.push(stem);
    if (IRREGULAR.has(t.norm) || /[^s'’]s$/.test(t.norm)) return words;
    at = t.end;
  }
  // An ordinal ranks one thing, named in the words after it ("the third quarter of 2006"), or a place in
  // a contest or a list after a verb of placing ("came third", "finished fourth" are "fourth place").
  if (figure.kind !== 'ordinal') return undefined;
  if (words.length > 0) return words;
  return PLACED.test(text.slice(Math.max(0, start - 24), start)) ? [PLACE] : undefined;
}

/** A verb placing someone in a contest or a list, right before an ordinal. */
const PLACED = /\b(?:came|come|comes|coming|finished|finish|finishes|finishing|ended|placed|ranked|ranks)\s+(?:in\s+)?(?:joint\s+|equal\s+)?$/i;
const PLACE = searchTerm('place') ?? 'place';

/** Whether two counts may count the same thing: either leaves it unsaid, or they share a word or a
 *  paraphrase ("three Grand Slam titles" and "three Grand Slams", "26 billion text messages" and "26
 *  billion texts"). */
export function sameCounted(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === undefined || b === undefined) return true;
  if (a.length === 0 || b.length === 0) return a.length === b.length;
  return a.some((x) => b.includes(x) || paraphrasesOf(x).some((p) => b.includes(p)) || b.some((y) => derived(x, y) || derived(y, x)));
}

/** Whether one stem is another's with a suffix ("search engine users" are "searchers"). */
function derived(short: string, long: string): boolean {
  return short.length >= 5 && long.length > short.length && long.startsWith(short);
}

/** Between a share and the group it is of: "59% of (the) voters", "59% are men". */
const SHARE_OF = /^\s+(?:of\s+(?:the\s+|those\s+|all\s+)?|(?:are|were|is|was)\s+)/i;

/** Words that name no group of their own ("87% of people using search engines" is the "87% of
 *  searchers" of another report). */
const ANYONE = new Set(['people', 'person', 'persons', 'individuals', 'respondents', 'adults'].map((w) => searchTerm(w) ?? w));

/** The stems of the group a percentage is a share of ("59% are men" → man; "41% of women" → woman), or
 *  undefined when it says none ("rose 5% to", "87% of people"). */
export function shareOf(text: string, figure: Pick<Quantity, 'start' | 'end' | 'unit'>): string[] | undefined {
  if (figure.unit !== '%') return undefined;
  const m = SHARE_OF.exec(text.slice(figure.end, figure.end + 24));
  if (!m) return undefined;
  const group = countedNoun(text, { kind: 'number', start: figure.end + m[0].length, end: figure.end + m[0].length });
  return group && group.length > 0 && !group.every((w) => ANYONE.has(w)) ? group : undefined;
}

const BOUND_BEFORE = /\b(?:until|till|through|since|by|before|after|from)\s+(?:(?:the\s+)?end\s+of\s+|early\s+|late\s+|mid-?\s*)?$/i;

/** Whether the date at `start` in `text` bounds a span ("until May 2008", "since 1998", "by the end of
 *  June") rather than dating an event. */
export function boundsSpan(text: string, start: number): boolean {
  return BOUND_BEFORE.test(text.slice(Math.max(0, start - 24), start));
}
