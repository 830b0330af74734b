// Whether a passage states what a claim says of its subject: its main verb (see predicate.ts) in the
// passage that names the subject (or, for a claim without a named subject, in the passage's article), and
// whether a passage about the subject states an opposite instead.

import type { CorpusIndex } from '../corpus/corpusIndex.ts';
import type { DraftSentence } from './draft.ts';
import type { PredicateWord } from './predicate.ts';
import { searchTerm } from '../corpus/corpusIndex.ts';
import { tokenize } from '../text/words.ts';
import type { EvidenceUnit } from './evidence.ts';
import type { ClaimName } from './nameMatch.ts';
import { articleLookup, passagesAboutLookup, unitLookup } from './passageLookup.ts';
import { tuning } from './tuning.ts';

/** Sentences a synonym must be in before it counts as common (small corpora have no common words). */
const COMMON_MIN = 20;

/** A name right after a preposition is its object, not the sentence's subject ("a report by the Chief
 *  Medical Officer found", "supporters of X protested", "according to X"). */
const PREPOSITION_BEFORE =
  /\b(?:of|by|for|from|with|to|at|in|on|about|against|than|like|between|among|into|via|over|under|behind|without|within|including|regarding)\s+(?:(?:the|a|an|its|his|her|their)\s+)?(?:\p{Lu}[\p{L}'’-]*\s+)*(?:(?:and|or|&)\s+(?:the\s+)?)?$/u;

/** A name followed by a possessive owns the subject ("Disney's remake was cleared"), it is not it. */
function possessive(text: string, start: number, end: number): boolean {
  const name = text.slice(start, end);
  return /['’]s?$/.test(name) ? /^\s+\p{Ll}/u.test(text.slice(end)) : /^['’]s?\s+\p{Ll}/u.test(text.slice(end));
}

/** Between a name closing an apposition and the verb: the comma, and a verb of speech reporting the verb. */
const APPOSITION_CLOSED = /^\s*,\s*(?:(?:has|had)\s+)?(?:(?:said|says|told|added|warned|claimed|argued|insisted|explained|stated)\b.*)?$/i;

/** The claim's subject: the first name before its first content verb (or its pronoun's referent). */
export function subjectOf(names: ClaimName[], predicate: PredicateWord[], s: DraftSentence): ClaimName | undefined {
  const verbAt = predicate.length > 0 ? s.start + predicate[0].start : Infinity;
  const before = names.filter(
    (n) =>
      n.mention.start < verbAt &&
      (n.entity?.kind ?? n.mention.kind) !== 'place' &&
      !PREPOSITION_BEFORE.test(s.text.slice(0, n.mention.start - s.start)) &&
      !possessive(s.text, n.mention.start - s.start, n.mention.end - s.start),
  );
  // The name nearest the verb: "Science minister Lord X has said", "the club's manager Y resigned"; not a
  // name inside an apposition closed just before the verb ("Pete Simpson, head of the laboratory at
  // security firm Clearswift, said": Simpson).
  const last = before[before.length - 1];
  if (last && before.length > 1 && APPOSITION_CLOSED.test(s.text.slice(last.mention.end - s.start, verbAt - s.start))) {
    for (let i = before.length - 2; i >= 0; i--) {
      const between = s.text.slice(before[i].mention.end - s.start, last.mention.start - s.start);
      if (/^\s*,[^,]*$/.test(between)) return before[i];
    }
  }
  return last ?? names.find((n) => n.words.length === 0);
}

/** The claim's content verbs a unit does not state (all of them when the unit lacks the subject); with
 *  `unitOnly`, stated in the unit itself, not elsewhere in its article. */
export function predicateGaps(u: EvidenceUnit, predicate: PredicateWord[], subject: ClaimName | undefined, corpus: CorpusIndex, unitOnly = false): PredicateWord[] {
  if (predicate.length === 0) return [];
  if (subject && u.missingNames.some((n) => n.mention === subject.mention && !n.inArticle)) return predicate;
  // Stated in the passage, or where its article speaks of the subject (a sentence naming it, or next to one).
  const inUnit = unitLookup(u.sentences, corpus);
  const inArticle = unitOnly
    ? () => false
    : !subject || tuning.predicateInArticle === 1
      ? articleLookup(u.sentences, corpus)
      : tuning.predicateInArticle === 2 && (subject.words.length > 0 || subject.entity)
        ? passagesAboutLookup(u.sentences, subject, corpus)
        : () => false;
  const has = (w: string) => inUnit(w) || inArticle(w);
  const states = (term: string) => term.split('+').every(has);
  // A synonym that a large share of the corpus's sentences use ("run", "cover", "lead" for "extend") is
  // in most passages whatever they say: only the claim's own word states the event there.
  const common = Math.max(COMMON_MIN, corpus.sentenceCount * tuning.commonSynonym);
  const weak = (term: string) => corpus.documentFrequency(term.split('+')[0]) > common;
  return predicate.filter((p) => !p.stems.some((t) => states(t) && !(p.related.includes(t) && weak(t))) && !(p.prefix && has(`~${p.prefix}`)));
}

/** A unit about the subject, close to the claim, that states an opposite of one of its verbs (with
 *  `unitOnly`, one it does not state itself, though its article may). */
export function oppositeIn(
  scored: EvidenceUnit[],
  predicate: PredicateWord[],
  subject: ClaimName | undefined,
  corpus: CorpusIndex,
  unitOnly = false,
): { unit: EvidenceUnit; word: PredicateWord; source: string } | undefined {
  // Close by what the claim says, names and who reports it aside ("…grew by 0.2%, the UNECE report
  // noted" against "the economy, which shrank 0.2%").
  const close = (u: EvidenceUnit) => Math.max(u.coverage, u.saidCoverage);
  const ranked = [...scored].sort((a, b) => close(b) - close(a));
  for (const u of ranked) {
    if (close(u) < tuning.contradiction) break;
    if (u.missingFigures.length > 0 || (subject && u.missingNames.some((n) => n.mention === subject.mention))) continue;
    const has = unitLookup(u.sentences, corpus);
    for (const p of predicateGaps(u, predicate, subject, corpus, unitOnly)) {
      const o = p.opposites.find(has);
      if (!o) continue;
      const written = u.sentences.flatMap((x) => tokenize(x.text)).find((t) => searchTerm(t.norm) === o);
      return { unit: u, word: p, source: written?.text ?? o };
    }
  }
  return undefined;
}
