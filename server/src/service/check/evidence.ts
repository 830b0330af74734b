// Finding and scoring evidence: which source sentences (alone or with a neighbour) cover a claim's
// content words, names and figures. Names and figures the unit lacks may still stand elsewhere in the
// same article (summaries combine facts from a whole story); only what the article lacks entirely, or
// contradicts, counts against the claim at full weight.

import type { Article, SourceSentence } from '../api.ts';
import type { Entity, Quantity } from '../types.ts';
import type { CorpusIndex } from '../corpus/corpusIndex.ts';
import { searchTerm } from '../corpus/corpusIndex.ts';
import { tokenize } from '../text/words.ts';
import { compareQuantities, isDateLike } from '../text/numbers.ts';
import { isLightVerb, isNumberWord, paraphrasesOf } from './lexicon.ts';
import { foldRole, nameIn, type ClaimName } from './nameMatch.ts';
import { factsOf, foldedArticle, sentenceEntities, sentenceLookup } from './passageLookup.ts';
import { isSaid, type ClaimPolarity } from './polarity.ts';
import { boundsSpan, countedNoun, isBareCount, sameCounted, shareOf, type ClaimFigure } from './counted.ts';
import { tuning } from './tuning.ts';
import { figureDirection, opposite, type FigureDirection } from './direction.ts';
import { namesDay, weekdaysIn } from './weekdays.ts';

export interface ClaimTerm {
  stem: string;
  weight: number;
  /** No source sentence uses the word or a paraphrase of it. */
  novel: boolean;
  alternatives: string[];
  /** A word of one of the claim's names. */
  name: boolean;
  /** A word of the statement a reported claim reports ("X told the ceremony that [he is planning…]"). */
  reported?: boolean;
}

export interface FigureGap {
  claim: Quantity;
  /** A comparable figure of the unit with another value. */
  conflict?: Quantity;
  conflictSentence?: SourceSentence;
  /** The article has the claim's figure elsewhere. */
  inArticle: boolean;
}

export interface EvidenceUnit {
  sentences: SourceSentence[];
  coverage: number;
  /** Coverage of what the claim says (see isSaid) by the unit's sentence saying most of it. */
  saidCoverage: number;
  /** The same of the unit's whole article. */
  articleSaid: number;
  /** Coverage of the reported statement's words (see ClaimTerm.reported); 1 when the claim reports none. */
  reportedCoverage: number;
  /** Coverage of the claim's content words by the unit's whole article. */
  articleCoverage: number;
  /** Names of the claim the unit does not contain, and whether the article has them elsewhere. */
  missingNames: Array<ClaimName & { inArticle: boolean }>;
  missingFigures: FigureGap[];
  /** Entities in the unit the claim does not name (candidates for a swap). */
  otherEntities: Entity[];
  negationMismatch: boolean;
  /** The sentence saying most of the claim says it only as a condition or a question. */
  hypothetical: boolean;
  /** With a mismatch, the share of what the claim says that the negated (or not negated) clause holds. */
  reversedShare: number;
}


/** Length of the shared stem prefix that earns partial credit. */
const PREFIX = 5;

/** Weighted content words of a claim; `nameWords` (folded words of its names) are judged as names, not as novel words. */
export function claimTerms(text: string, corpus: CorpusIndex, nameWords: ReadonlySet<string> = new Set()): ClaimTerm[] {
  const n = Math.max(1, corpus.sentenceCount);
  const seen = new Set<string>();
  const out: ClaimTerm[] = [];
  for (const t of tokenize(text)) {
    const stem = searchTerm(t.norm);
    // Figures ("87", "87th") are compared as figures, not as words.
    if (!stem || seen.has(stem) || /^\d+(?:st|nd|rd|th)?$/.test(stem) || isNumberWord(stem)) continue;
    seen.add(stem);
    let alternatives = paraphrasesOf(stem);
    let df = 0;
    for (const a of alternatives) df = Math.max(df, corpus.documentFrequency(a));
    if (df === 0) {
      // An inflection the stemmer leaves apart ("crises"/"crisis", "deepest"/"deep") is the same word.
      const variants = inflectionStems(t.norm).filter((v) => corpus.documentFrequency(v) > 0);
      alternatives = [...alternatives, ...variants];
      for (const v of variants) df = Math.max(df, corpus.documentFrequency(v));
    }
    // Words the corpus never uses say something no source says: they weigh double the rarest words.
    const novel = df === 0 && !nameWords.has(t.norm) && !isLightVerb(stem);
    const weight = Math.log((n + 1) / (Math.max(df, 1) + 0.5)) * (novel ? tuning.novelWord : 1);
    out.push({ stem, weight: Math.max(weight, 0.1), alternatives, novel, name: nameWords.has(t.norm) });
  }
  return out;
}

const isReportedWord = (t: ClaimTerm) => t.reported === true;

/** Stems of the base forms an irregular plural or a comparison may stand for. */
function inflectionStems(word: string): string[] {
  const bases: string[] = [];
  if (word.endsWith('ses')) bases.push(`${word.slice(0, -3)}sis`); // crises, analyses
  const comparison = /^(\w{3,}?)(?:est|er)$/.exec(word);
  if (comparison) {
    const base = comparison[1];
    bases.push(base, `${base}e`); // deepest, widest
    if (base.endsWith('i')) bases.push(`${base.slice(0, -1)}y`); // happiest
    if (/([bdgmnprt])\1$/.test(base)) bases.push(base.slice(0, -1)); // biggest
  }
  return bases.map((b) => searchTerm(b)).filter((b): b is string => !!b);
}

const FULL = 2;
const PARTIAL = 1;

/** Per term: FULL if the text has it (or a paraphrase), PARTIAL if only a word of the same family. */
function presence(terms: ClaimTerm[], has: (w: string) => boolean): Uint8Array {
  const out = new Uint8Array(terms.length);
  terms.forEach((t, i) => {
    if (t.alternatives.some(has)) out[i] = FULL;
    // Same word family the stemmer did not join ("disappearance"/"disappeared"): partial credit.
    else if (t.stem.length >= PREFIX && has(`~${t.stem.slice(0, PREFIX)}`)) out[i] = PARTIAL;
  });
  return out;
}

/** Weighted share of the claim's terms present in any of the texts. */
function coverage(terms: ClaimTerm[], present: Uint8Array[], only?: (t: ClaimTerm) => boolean): number {
  let total = 0;
  let got = 0;
  terms.forEach((t, i) => {
    if (only && !only(t)) return;
    total += t.weight;
    let best = 0;
    for (const p of present) best = Math.max(best, p[i]);
    if (best === FULL) got += t.weight;
    else if (best === PARTIAL) got += t.weight * tuning.prefixCredit;
  });
  return total === 0 ? 0 : got / total;
}

/**
 * What scoring one claim's candidate units learns about a sentence or an article, reused by the other
 * units: a sentence is in up to three units (alone and with each neighbour), an article in dozens.
 */
export class ClaimMemo {
  readonly sentences = new Map<SourceSentence, Uint8Array>();
  readonly articles = new Map<Article, { coverage: number; said: number; names: Map<ClaimName, boolean>; figures: Map<Quantity, boolean> }>();
}

/** A unit about another event than the claim's: one of the claim's figures is given another value in it,
 *  or is missing from it though its article writes it elsewhere ("media earnings drop from 52% to 34%"
 *  beside the article's "matchday earnings from 29% to 40%"). Its words say nothing for or against the
 *  claim's. */
export function ofOtherFigures(u: EvidenceUnit): boolean {
  return u.missingFigures.some((f) => f.conflict || f.inArticle);
}

/** Scores a unit of one or two adjacent sentences against the claim. */
export function scoreUnit(
  unit: SourceSentence[],
  terms: ClaimTerm[],
  names: ClaimName[],
  figures: ClaimFigure[],
  polarity: ClaimPolarity,
  corpus: CorpusIndex,
  memo = new ClaimMemo(),
  days: readonly Quantity[] = [],
): EvidenceUnit {
  const unitEntities = new Set<string>();
  for (const s of unit) for (const id of sentenceEntities(s, corpus)) unitEntities.add(id);
  let folded: string | undefined;
  const unitText = () => (folded ??= foldRole(unit.map((s) => s.text).join(' ')));
  const article = corpus.article(unit[0].uri);
  const lookups = unit.map((s) => sentenceLookup(s, corpus));
  const hasInUnit = (w: string) => lookups.some((has) => has(w));
  const facts = article && factsOf(article, corpus);
  const articleText = () => (article ? foldedArticle(article) : '');

  let known = article && memo.articles.get(article);
  if (facts && !known) {
    const inArticle = presence(terms, facts.has);
    known = { coverage: coverage(terms, [inArticle]), said: coverage(terms, [inArticle], isSaid), names: new Map(), figures: new Map() };
    memo.articles.set(article, known);
  }
  const missingNames: EvidenceUnit['missingNames'] = [];
  for (const name of names) {
    if (nameIn(name, () => unitEntities, hasInUnit, unitText)) continue;
    let inArticle = known?.names.get(name);
    if (inArticle === undefined) {
      inArticle = !!facts && nameIn(name, () => facts.entities, facts.has, articleText);
      known?.names.set(name, inArticle);
    }
    missingNames.push({ ...name, inArticle });
  }

  const missingFigures: FigureGap[] = [];
  // A source figure that is another of the claim's ("renewed for a fifth season before the fourth season
  // aired" against "the fourth season") is accounted for, not a rival value.
  const isOtherFigure = (u: Quantity, s: SourceSentence) => figures.some((f) => backs(u, f) && countsAlike(f, u, s));
  for (const q of figures) {
    let same = false;
    let conflict: Quantity | undefined;
    let conflictSentence: SourceSentence | undefined;
    let turned = false;
    for (const s of unit) {
      for (const u of s.quantities) {
        const c = compareQuantities(q, u);
        if (c === 'incomparable' || !countsAlike(q, u, s)) continue;
        const backing = backs(u, q, c);
        // The same figure with the other direction ("2.1% more" for "2.1% fewer") says the opposite.
        const other = q.direction && backing ? directionIn(u, s) : undefined;
        if (other && opposite(q.direction, other)) {
          // The same value turned around is surer a rival than another value.
          if (!turned) [conflict, conflictSentence, turned] = [{ ...u, text: other.text }, s, true];
          continue;
        }
        if (backing) same = true;
        else if (c === 'different' && !conflict && !isOtherFigure(u, s) && sameOrder(q, u) && sameRole(q, u, s)) {
          conflict = u;
          conflictSentence = s;
        }
      }
    }
    if (same) continue;
    let inArticle = known?.figures.get(q);
    if (inArticle === undefined) {
      inArticle = !!facts && facts.quantities.some(([u, s]) => backs(u, q) && countsAlike(q, u, s) && !(q.direction && opposite(q.direction, directionIn(u, s))));
      known?.figures.set(q, inArticle);
    }
    // An ordinal may be written another way ("season 5"): only another rank of the same thing ("a third
    // term" for "a fourth term"), in the unit or its article, counts against the claim.
    if (q.kind === 'ordinal' && !conflict && !inArticle) {
      const other = facts?.quantities.find(([u, s]) => compareQuantities(q, u) === 'different' && countsAlike(q, u, s, true) && !isOtherFigure(u, s));
      if (!other) continue;
      [conflict, conflictSentence] = other;
    }
    // A rival direction is shown with its words ("2.1% more, not 2.1% fewer").
    const claim = turned && q.direction ? { ...q, text: q.direction.text, start: q.direction.start, end: q.direction.end } : q;
    missingFigures.push({ claim, conflict, conflictSentence, inArticle });
  }

  // A weekday the article never names, where the unit names another: the claim's day is a rival's.
  for (const day of days) {
    if (!article || unit.some((x) => namesDay(x.text, day))) continue;
    let inArticle = known?.figures.get(day);
    if (inArticle === undefined) {
      inArticle = namesDay(article.text, day);
      known?.figures.set(day, inArticle);
    }
    if (inArticle) continue;
    const rival = unit.map((x) => ({ x, other: weekdaysIn(x.text, x.start)[0] })).find((r) => r.other);
    if (rival) missingFigures.push({ claim: day, conflict: rival.other, conflictSentence: rival.x, inArticle: false });
  }

  const claimIds = new Set(names.map((n) => n.entity?.id).filter((x): x is string => !!x));
  const otherEntities: Entity[] = [];
  for (const id of unitEntities) {
    if (claimIds.has(id)) continue;
    const e = corpus.entity(id);
    if (e) otherEntities.push(e);
  }
  const present = unit.map((u, i) => {
    let p = memo.sentences.get(u);
    if (!p) memo.sentences.set(u, (p = presence(terms, lookups[i])));
    return p;
  });
  // The polarity that counts is that of the sentence saying most of the claim: "he has no plans to sign"
  // beside a neighbour does not back "he would sign".
  const reversed = polarity.compare(unit[mainSentence(terms, present)].text);
  return {
    sentences: unit,
    coverage: coverage(terms, present),
    saidCoverage: coverage(terms, present, isSaid),
    reportedCoverage: terms.some(isReportedWord) ? coverage(terms, present, isReportedWord) : 1,
    articleSaid: known?.said ?? 0,
    articleCoverage: known?.coverage ?? 0,
    missingNames,
    missingFigures,
    otherEntities,
    negationMismatch: reversed.differs,
    hypothetical: reversed.hypothetical,
    reversedShare: reversed.share,
  };
}

/** Index of the unit's sentence that covers most of the claim's weighted terms (the first on a tie). */
function mainSentence(terms: ClaimTerm[], present: Uint8Array[]): number {
  let best = 0;
  let bestScore = -1;
  present.forEach((p, i) => {
    // What it says first, then who: "Mourinho said he was 'practising my Portuguese because I don't need
    // strikers'" says "need strikers" though its neighbour names Mourinho and Chelsea too.
    const c = coverage(terms, [p], isSaid) * 2 + coverage(terms, [p]);
    if (c > bestScore) [best, bestScore] = [i, c];
  });
  return best;
}

/**
 * Whether a source figure backs the claim's: the same value, and a date as precise: "2016" does not back
 * "May 19, 2016" (the claim adds a day the source lacks), while "May 19" backs "May 2016" (the year may
 * stand elsewhere). `c` is their comparison when already made.
 */
function backs(source: Quantity, claim: Quantity, c = compareQuantities(claim, source)): boolean {
  if (c !== 'same') return false;
  if (claim.month !== undefined && source.month === undefined) return false;
  return claim.day === undefined || source.day !== undefined;
}

/** The direction a source figure gives in its sentence ("2.1% more"). */
function directionIn(u: Quantity, s: SourceSentence): FigureDirection | undefined {
  return figureDirection(s.text, u.start - s.start, u.end - s.start);
}

/** A date that bounds a span ("a contract until May 2008", "since 1998") is not the date of an event
 *  the claim dates ("would sign in January"): no rival of it, unless the claim's date bounds a span too. */
function sameRole(claim: ClaimFigure, source: Quantity, sentence: SourceSentence): boolean {
  if (!isDateLike(claim) || !isDateLike(source) || claim.bounds) return true;
  return !boundsSpan(sentence.text, source.start - sentence.start);
}

/** Sums or counts a thousand times apart measure different things ("a 5p cut" and "£35bn of cuts"): the
 *  one is no rival value of the other (nor the fix for it). */
function sameOrder(a: Quantity, b: Quantity): boolean {
  if ((a.kind !== 'money' && a.kind !== 'number') || a.value <= 0 || b.value <= 0) return true;
  return Math.max(a.value, b.value) / Math.min(a.value, b.value) <= 1000;
}

/** Whether a source figure counts what the claim's does (see counted.ts); figures of other kinds always do.
 *  `surely`: both name what they count ("a third term", not "his eightieth,"). */
function countsAlike(claim: ClaimFigure, source: Quantity, sentence: SourceSentence, surely = false): boolean {
  const at = { kind: source.kind, unit: source.unit, start: source.start - sentence.start, end: source.end - sentence.start };
  // A share of one group is no share of another ("59% are men" for "59% are women").
  if (claim.unit === '%' && source.unit === '%') return claim.counts === undefined || sameCounted(claim.counts, shareOf(sentence.text, at));
  if (!isBareCount(claim) || !isBareCount(source)) return true;
  const counts = countedNoun(sentence.text, at);
  if (surely && !(claim.counts?.length && counts?.length)) return false;
  return sameCounted(claim.counts, counts);
}

