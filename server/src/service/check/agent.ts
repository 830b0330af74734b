// Who did it: a claim whose subject is a person or an organisation ("The Falic Group has sold the label
// to LVMH") is not backed by a passage that states its verb of someone else ("LVMH has sold its label to a
// US investment group"). The passages that back it name both, so words alone cannot tell; the subject is
// the name right before the verb (past auxiliaries, adverbs, an appositive), and the voice must agree
// ("X was sold" says nothing of who sold).

import type { Article, SourceSentence } from '../api.ts';
import type { Mention, Quantity } from '../types.ts';
import { compareQuantities } from '../text/numbers.ts';
import type { CorpusIndex } from '../corpus/corpusIndex.ts';
import { searchTerm } from '../corpus/corpusIndex.ts';
import { tokenize, type Token } from '../text/words.ts';
import { misspelt } from '../util/misspelt.ts';
import type { DraftSentence } from './draft.ts';
import type { EvidenceUnit } from './evidence.ts';
import type { ClaimName } from './nameMatch.ts';
import type { PredicateWord } from './predicate.ts';
import { sentenceLookup } from './passageLookup.ts';
import { tuning } from './tuning.ts';

/** Words that may stand between a subject and its verb: auxiliaries, "not", a few adverbs, and what
 *  raises the subject of a verb to come ("is to buy", "is expected to", "is set to"). */
const AUX =
  '(?:has|have|had|is|are|was|were|will|would|could|should|may|might|must|can|did|does|do|been|being|be|not|also|already|now|then|later|recently|just|never|finally|reportedly|jointly|both|all|each|eventually|since|to|set|expected|likely|due|poised|going|able)';
/** Between a subject and its verb: an appositive ("Tzekos, the pair's coach,"), then auxiliaries. */
const GAP = new RegExp(`^(?:,\\s[^,.;:"“”]{1,80},)?\\s*,?\\s*(?:who\\s+)?(?:${AUX}\\s+)*$`, 'i');
/** A pronoun as the subject: "he" or "she" stands for the person named before it, the others for anyone. */
const PRONOUN_SUBJECT = new RegExp(`\\b(he|she|they|it|we|i)\\s+(?:${AUX}\\s+)*$`, 'i');
/** A form of "be" right before the verb (past one adverb): with a participle, the passive. */
const BE_BEFORE = /\b(?:is|are|was|were|been|being|be)\s+(?:\p{L}+ly\s+)?$/iu;
/** Between names of one subject: "X and Y", "X, Y and Z". */
const JOINED = /^\s*(?:,|,?\s*and|&)\s*$/;
/** A name right after one of these is its object, not a subject ("a report by X found"). */
const PREPOSITION_BEFORE = /\b(?:of|by|for|from|with|to|at|in|on|about|against|than|like|between|among|into|via|over|under|behind|without|within|including|regarding)\s+(?:(?:the|a|an|its|his|her|their)\s+)?$/i;

export interface Subject {
  names: Mention[];
  passive: boolean;
  /** Where the verb is. */
  at: number;
  /** For a pronoun, everyone it may stand for (`names` holds the likeliest). */
  maybe?: Mention[];
}

/**
 * The names a sentence gives as the subject of the verb at `verbStart`: the name right before it, with
 * the names joined to it by "and" or commas. `text` starts at `offset` in the mentions' coordinates.
 */
export function subjectBefore(text: string, offset: number, mentions: readonly Mention[], verbStart: number, verbText: string): Subject | undefined {
  const before = mentions.filter((m) => m.end <= verbStart).sort((a, b) => a.start - b.start);
  const last = before[before.length - 1];
  if (!last || !GAP.test(text.slice(last.end - offset, verbStart - offset))) return undefined;
  const names = [last];
  for (let i = before.length - 2; i >= 0; i--) {
    if (!JOINED.test(text.slice(before[i].end - offset, names[0].start - offset))) break;
    names.unshift(before[i]);
  }
  if (PREPOSITION_BEFORE.test(text.slice(0, names[0].start - offset))) return undefined;
  return { names, passive: isPassive(text.slice(0, verbStart - offset), verbText), at: verbStart };
}

/** Whether the verb after `before` is a passive participle ("was sold", "has been banned"). */
export function isPassive(before: string, verbText: string): boolean {
  return BE_BEFORE.test(before) && !/ing$/i.test(verbText);
}

/** The index terms of the claim's verb itself (and its news paraphrases), not of its synonyms. */
export function ownTerms(verb: PredicateWord): string[] {
  return verb.stems.filter((t) => !verb.related.includes(t)).map((t) => t.split('+')[0]);
}

/** What the role checks look at: the claim, and the passages judged for it. */
export interface RoleCheck {
  s: DraftSentence;
  /** The sentence's text as the checker reads it (markup masked). */
  text: string;
  names: ClaimName[];
  predicate: PredicateWord[];
  figures: Quantity[];
  /** The passages backing the claim, best first. */
  units: EvidenceUnit[];
  /** Every candidate passage. */
  scored: EvidenceUnit[];
  corpus: CorpusIndex;
}

/** Where to look for the claim's verb: the articles of the three best passages backing it; and the
 *  passages close to the claim (those, and any saying as much of it as a contradiction must). */
export function whereStated(c: RoleCheck): { close: EvidenceUnit[]; articles: Article[] } {
  const backing = c.units.slice(0, 3);
  const close = [...backing, ...c.scored.filter((u) => u.coverage >= tuning.contradiction)];
  const articles = [...new Set(backing.map((u) => c.corpus.article(u.sentences[0].uri)).filter((a): a is Article => !!a))];
  return { close, articles };
}

/** How close a sentence is to the claim: the best coverage of a close unit holding it (0 if none). */
export function closeness(x: SourceSentence, close: EvidenceUnit[]): number {
  return Math.max(0, ...close.filter((u) => u.sentences.includes(x)).map((u) => u.coverage));
}

/** Whether a sentence gives all of the claim's figures. */
export function hasFigures(x: SourceSentence, figures: Quantity[]): boolean {
  return figures.every((f) => x.quantities.some((q) => compareQuantities(f, q) === 'same'));
}

/** A name of `kind`: known to the corpus as one, or with a cue behind its kind. */
export function ofKind(m: Mention, kind: string, corpus: CorpusIndex): boolean {
  const known = corpus.lookupEntity(m.text)?.kind;
  return known ? known === kind : !m.weak && m.kind === kind;
}

export interface WrongSubject {
  /** The claim's subject as written, offsets relative to the draft sentence. */
  start: number;
  end: number;
  draft: string;
  /** Who the sources say it of. */
  rival: string;
  sentence: SourceSentence;
}

/**
 * The claim's verb stated, in the passages backing it, of another person or organisation, and nowhere in
 * their articles of the claim's subject.
 */
export function wrongSubject(c: RoleCheck, subject: ClaimName | undefined): WrongSubject | undefined {
  const { s, text, names, predicate, figures, corpus } = c;
  const verb = predicate[0];
  if (!subject || !verb || verb.state || subject.words.length === 0) return undefined;
  const kind = subject.entity?.kind ?? subject.mention.kind;
  if (kind !== 'person' && kind !== 'organization') return undefined;
  const claimSubject = subjectBefore(text, s.start, s.mentions, s.start + verb.start, verb.text.split(' ')[0]);
  if (!claimSubject?.names.some((m) => m.start === subject.mention.start)) return undefined;
  const own = ownTerms(verb);
  const isClaims = (m: Mention) => claimSubject.names.some((c) => sameName(c, m, corpus));
  const { close, articles } = whereStated(c);
  let rival: { name: string; sentence: SourceSentence; closeness: number } | undefined;
  for (const article of articles) {
    for (const x of article.sentences) {
      const subjects = subjectsOf(x, article, own, corpus);
      if (subjects.length === 0) continue;
      const near = closeness(x, close);
      // Of the same event: a passage backing the claim, or one with all its figures ("banned for four
      // years"); and not where the claim's subject is named before the verb, as the subject of another
      // clause ("Sinfield, whose announcement came days after Peacock announced…").
      const sameEvent = (figures.length > 0 || near > 0) && hasFigures(x, figures);
      for (const found of subjects) {
        // "They were cleared": it may be the claim's subject.
        if (found === 'pronoun') return undefined;
        if (found.passive !== claimSubject.passive) continue;
        if ((found.maybe ?? found.names).some(isClaims)) return undefined;
        // A name of the subject's kind: known to the corpus as one, or with a cue behind its kind.
        const other = found.names.find((m) => {
          if (!ofKind(m, kind, corpus)) return false;
          // An organisation goes by other names ("the Tractor Boys" for Ipswich): another one is a swap
          // only when the claim names it too ("The Falic Group has sold the label to LVMH").
          return kind === 'person' || names.some((n) => n !== subject && sameName(n.mention, m, corpus));
        });
        const claimsBefore = x.mentions.some((m) => m.end <= found.at && isClaims(m));
        // The rival named where the sources say most of the claim.
        if (sameEvent && other && !claimsBefore && (!rival || near > rival.closeness)) {
          rival = { name: corpus.lookupEntity(other.text)?.name ?? other.text, sentence: x, closeness: near };
        }
      }
    }
  }
  return rival && wrongAt(c, claimSubject.names[0].start, claimSubject.names[claimSubject.names.length - 1].end, rival);
}

/** The finding: the claim's words at [start, end) (draft offsets) that the sources give to `rival`. */
export function wrongAt(c: RoleCheck, start: number, end: number, rival: { name: string; sentence: SourceSentence }): WrongSubject {
  const [from, to] = [start - c.s.start, end - c.s.start];
  return { start: from, end: to, draft: c.text.slice(from, to), rival: rival.name, sentence: rival.sentence };
}

/** The entities a source sentence gives as the subject of the claim's verb (its own word), if it states it. */
export function verbSubjects(x: SourceSentence, verb: PredicateWord | undefined, corpus: CorpusIndex): string[] {
  const article = corpus.article(x.uri);
  if (!verb || !article) return [];
  return subjectsOf(x, article, ownTerms(verb), corpus).flatMap((found) =>
    found === 'pronoun' ? [] : found.names.map((m) => corpus.lookupEntity(m.text)?.id).filter((id): id is string => !!id),
  );
}

/** The persons "he" or "she" at `at` may stand for: those named before it in the sentence, else in the
 *  sentence before; the first is the likeliest, and is sure when it is the only one or that sentence
 *  opens with it as its subject ("Terry, the captain, would have started… But now he has pulled out"). */
function referentsOf(x: SourceSentence, at: number, article: Article, corpus: CorpusIndex): Mention[] {
  const isPerson = (m: Mention) => (corpus.lookupEntity(m.text)?.kind ?? m.kind) === 'person';
  const here = x.mentions.filter((m) => m.end <= at && isPerson(m));
  const source = here.length > 0 ? x : article.sentences[x.index - 1];
  const persons = here.length > 0 ? here : (source?.mentions.filter(isPerson) ?? []);
  if (persons.length <= 1 || !source) return persons;
  // Opening it: past a few words of role or link ("Rovers defender", "But then"), with no clause before.
  const opening = /^(?:[\p{L}'’.-]+\s+){0,4}$/u.test(source.text.slice(0, persons[0].start - source.start));
  return opening ? persons : [];
}

/** Where a source sentence writes the verb (any of `stems`): none when its postings lack them all. */
export function verbTokens(x: SourceSentence, stems: string[], corpus: CorpusIndex): Token[] {
  if (!stems.some(sentenceLookup(x, corpus))) return [];
  return tokenize(x.text).filter((t) => {
    const term = searchTerm(t.norm);
    return !!term && stems.includes(term);
  });
}

/** The subjects a source sentence gives to each occurrence of the verb (any of `stems`); "he" or "she"
 *  stands for the person named before it in the sentence, else the first named in the sentence before. */
function subjectsOf(x: SourceSentence, article: Article, stems: string[], corpus: CorpusIndex): Array<Subject | 'pronoun'> {
  const out: Array<Subject | 'pronoun'> = [];
  for (const t of verbTokens(x, stems, corpus)) {
    const before = x.text.slice(0, t.start);
    const pronoun = PRONOUN_SUBJECT.exec(before);
    if (pronoun) {
      const referents = /^(?:he|she)$/i.test(pronoun[1]) ? referentsOf(x, x.start + pronoun.index, article, corpus) : [];
      // Any of them may be who "he" is; who it is for sure: the only one, or the one the sentence is about.
      const passive = isPassive(before, t.text);
      out.push(referents.length > 0 ? { names: referents.slice(0, 1), passive, at: x.start + t.start, maybe: referents } : 'pronoun');
      continue;
    }
    const found = subjectBefore(x.text, x.start, x.mentions, x.start + t.start, t.text);
    if (found) out.push(found);
  }
  return out;
}

/** Whether two mentions name the same one: the same entity, or one's words all among the other's
 *  ("Mr Tzekos", "Christos Tzekos"; "Microsoft", "Microsoft Corp"). */
export function sameName(a: Mention, b: Mention, corpus: CorpusIndex): boolean {
  const ea = corpus.lookupEntity(a.text);
  const eb = corpus.lookupEntity(b.text);
  if (ea && eb && ea.id === eb.id) return true;
  const wa = words(a.text);
  const wb = words(b.text);
  const within = (xs: string[], ys: string[]) => xs.length > 0 && xs.every((w) => ys.includes(w));
  if (within(wa, wb) || within(wb, wa)) return true;
  if (wa.length === 0 || wb.length === 0) return false;
  // The same last word, or one letter off in a long one (a source's typo: "Sheffied" for "Sheffield").
  return misspelt(wa[wa.length - 1], wb[wb.length - 1]);
}

const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'sir', 'lord', 'lady', 'the']);

function words(name: string): string[] {
  return tokenize(name)
    .map((t) => t.norm)
    .filter((w) => !TITLES.has(w));
}
