// What a claim says about its subject: its content verbs ("was knighted", "threatened to sue",
// "attended"), found with a part-of-speech tagger. A passage supports the claim only if it states each of
// them, by the same word, a paraphrase, a WordNet synonym of a frequent sense, or a noun derived from the
// verb (knighted/knighthood); a passage that states an opposite (rose/fell, backed/opposed) contradicts it.

import type { Span } from '../types.ts';
import { tag, type Tagged } from '../text/tagger.ts';
import { searchTerm } from '../corpus/corpusIndex.ts';
import { stem } from '../text/words.ts';
import { isLightVerb, oppositesOf, paraphrasesOf, remainingSense } from './lexicon.ts';
import { antonymsOf, broaderOf, derivedNounsOf, isPhrasalVerb, synonymsOf } from './wordnet.ts';
import { Lru } from '../util/lru.ts';

export interface PredicateWord {
  /** The verb as written in the claim (with its particle: "turned down"). */
  text: string;
  lemma: string;
  /** Offsets relative to the sentence start. */
  start: number;
  end: number;
  /** Index terms any of which states the verb; "a+=b" needs both (a phrasal verb's head and particle). */
  stems: string[];
  /** Index terms of its WordNet synonyms, broader verbs and derived nouns (a subset of `stems`). */
  related: string[];
  /** A stem prefix that states it in another form of the word family ("apologis" … "apology"). */
  prefix?: string;
  /** Index terms of its opposites. */
  opposites: string[];
  /** An adjective after a copula ("was ashamed"), not a verb. */
  state?: boolean;
  /** The verb with its auxiliaries or copula as written, for messages ("was knighted", "was ashamed"). */
  said?: string;
}

/** Verbs that frame a claim rather than say what happened: the content is in their complement. */
const FRAME_VERBS = new Set(
  ['say', 'tell', 'add', 'state', 'note', 'report', 'write', 'explain', 'insist', 'comment', 'remark', 'reply', 'respond', 'believe', 'think', 'expect', 'want', 'seem', 'include', 'continue', 'try', 'begin', 'start', 'use', 'need', 'let', 'help', 'follow', 'base', 'know', 'understand', 'feel', 'mean', 'call', 'describe', 'accord', 'decide', 'opt', 'intend', 'plan', 'hope', 'aim', 'seek', 'wish', 'choose'].map(
    (w) => stem(w),
  ),
);

/** Stem prefix length that credits a word family. */
const PREFIX = 5;

const cache = new Lru<string, PredicateWord[]>(4000);

/**
 * The main content verb of a sentence (with its particle), leaving out words inside `exclude` (its names
 * and quotations, offsets relative to the sentence). Auxiliaries, light and framing verbs ("said",
 * "told": the content is in what follows), participles used as adjectives ("the proposed directive") and
 * verbs of relative clauses ("a boy who went missing") are not the claim's event. A finite verb group
 * ("has been arrested", "will vote") is preferred to a bare verb form.
 */
export function claimPredicate(sentence: string, exclude: Span[]): PredicateWord[] {
  const key = `${sentence}\u0000${exclude.map((x) => `${x.start}:${x.end}`).join(',')}`;
  return cache.getOrSet(key, () => {
    const words = tag(sentence).map((w, i, all) => (misreadAfterModal(all, i) ? { ...w, pos: 'VERB' as Tagged['pos'] } : w));
    const excluded = (w: Tagged) => exclude.some((x) => w.start < x.end && w.end > x.start);
    const candidates: Candidate[] = [];
    words.forEach((w, i) => {
      if (w.pos !== 'VERB' || excluded(w)) return;
      const j = beforeModifiers(words, i);
      const prev = words[j];
      // A participle that works as a preposition ("regarding", "following the match") heads no event,
      // unless auxiliaries make it a verb ("was considering legal action").
      if (PREPOSITIONAL.has(w.text.toLowerCase()) && prev?.pos !== 'AUX') return;
      if (prev && (prev.pos === 'DET' || prev.pos === 'ADJ' || prev.pos === 'PUNCT' && /^[-–]$/.test(prev.text))) return;
      // "the only player left": "remaining", no event.
      if (remainingSense(words, i)) return;
      let k = j;
      while (k >= 0 && words[k].pos === 'AUX') k--;
      const next = words[i + 1];
      // "planned to leave", "decided to quit": what a framing verb leads to is the claim's event.
      const asking = prev?.lemma === 'to' && prev.pos === 'PART' ? askedOf(words, j - 1) : -1;
      const framed =
        prev?.lemma === 'to' &&
        prev.pos === 'PART' &&
        ((words[j - 1]?.pos === 'VERB' && FRAME_VERBS.has(stem(lemmaOf(words[j - 1])))) || (words[j - 1]?.pos === 'ADJ' && READY.has(words[j - 1].lemma)) || asking >= 0);
      const aux = k < j;
      // A "verb" right before "of" is a noun the tagger misread ("the live-action remake of…"), unless
      // auxiliaries make it one ("has been cleared of").
      if (next?.lemma === 'of' && !aux) return;
      // A verb group ("has been arrested") or a verb right after its subject ("Upton supported"), but not
      // a passive participle after a noun ("a woman murdered by…").
      const finite = aux || framed || (!!prev && SUBJECT.has(prev.pos) && next?.lemma !== 'by');
      // "the youngest performer to accrue", "a chance to win": an infinitive after a noun completes the noun.
      if (prev?.lemma === 'to' && prev.pos === 'PART' && SUBJECT.has(words[j - 1]?.pos ?? 'X') && !framed) return;
      // "who has been diagnosed", "which was built": a relative clause's verb.
      if (RELATIVE.has(words[k]?.lemma ?? '') && (finite || k === i - 1)) return;
      const lemma = lemmaOf(w);
      const base = stem(lemma);
      // A function word tagged as a verb ("tell it like it is") states nothing of its own.
      if (!base || !searchTerm(lemma) || isLightVerb(base) || FRAME_VERBS.has(base) || isLightVerb(stem(w.text.toLowerCase()))) return;
      // Said with its framing verb and that verb's auxiliaries ("has decided to enroll").
      let from = k + 1;
      if (framed) for (from = asking >= 0 ? asking : j - 1; from > 0 && words[from - 1].pos === 'AUX'; ) from--;
      candidates.push({ word: w, index: i, finite, aux, from, condition: inCondition(words, k) });
    });
    // A verb of a condition ("if retail spending stayed weak") is not the claim's event while another is.
    const main = pickMain(candidates.filter((c) => !c.condition)) ?? pickMain(candidates);
    if (!main) {
      // "He was ashamed of the record": with no content verb, an adjective after a copula is the claim.
      const state = words.findIndex((w, i) => w.pos === 'ADJ' && !excluded(w) && copulaAt(words, i) >= 0);
      if (state < 0 || !searchTerm(words[state].lemma)) return [];
      const said = sentence.slice(words[copulaAt(words, state)].start, words[state].end);
      return [{ ...predicateWord(words[state], undefined), state: true, said }];
    }
    const next = words[main.index + 1];
    const particle = next && (next.pos === 'ADP' || next.pos === 'PART' || next.pos === 'ADV') && isPhrasalVerb(main.word.lemma, next.lemma) ? next : undefined;
    const end = particle ? particle.end : main.word.end;
    // "threatened to sue", "agreed to pay": the verb it leads to is said of the subject too.
    const after = particle ? main.index + 2 : main.index + 1;
    const complement = words[after]?.lemma === 'to' ? candidates.find((c) => c.index === after + 1) : undefined;
    const said = sentence.slice(words[main.from].start, complement ? complement.word.end : end);
    const predicate = [{ ...predicateWord(main.word, particle), said }];
    if (complement) predicate.push({ ...predicateWord(complement.word, undefined), said });
    return predicate;
  });
}

interface Candidate {
  word: Tagged;
  index: number;
  finite: boolean;
  aux: boolean;
  from: number;
  condition: boolean;
}

/** A verb group first, then a finite verb, then any. */
function pickMain(candidates: Candidate[]): Candidate | undefined {
  return candidates.find((c) => c.aux) ?? candidates.find((c) => c.finite) ?? candidates[0];
}

/** Words that open a condition or a concession: the clause they lead states no event of the claim. */
const CONDITION = new Set(['if', 'unless', 'whether', 'although', 'though']);

/** Whether the word before index `k` (back to the clause's start) opens a condition ("if … stayed"). */
function inCondition(words: Tagged[], k: number): boolean {
  for (let i = k; i >= 0 && words[i].pos !== 'PUNCT'; i--) if (CONDITION.has(words[i].lemma)) return true;
  return false;
}

/** Adjectives that lead to the verb after them ("ready to cut", "likely to resign"). */
/** Verbs that ask someone else to act ("called on Lord X to resign", "urged the government to act"): the
 *  act asked for is what the claim says was asked. */
const ASKING = new Set(['call', 'urge', 'ask', 'press', 'tell', 'order', 'force', 'persuade', 'invite', 'encourage', 'pressure', 'challenge', 'implore', 'beg']);

/** The index of an asking verb whose object ends at `i` (up to five words of a name or noun phrase,
 *  after "on" for "call on"), else -1. */
function askedOf(words: Tagged[], i: number): number {
  for (let k = i, n = 0; k >= 0 && n <= 5; k--, n++) {
    const w = words[k];
    if (w.pos === 'VERB') return ASKING.has(lemmaOf(w)) && k < i ? k : -1;
    if (!(OBJECT_WORD.has(w.pos) || (w.lemma === 'on' && words[k - 1]?.pos === 'VERB'))) return -1;
  }
  return -1;
}
const OBJECT_WORD = new Set(['PROPN', 'NOUN', 'DET', 'PRON', 'ADJ']);

const READY = new Set(['ready', 'able', 'likely', 'unlikely', 'set', 'due', 'poised', 'willing', 'prepared', 'eager', 'keen', 'determined']);

const COPULAS = new Set(['be', 'become', 'seem', 'remain', 'feel', 'appear']);
const MODALS = new Set(['will', 'would', 'can', 'could', 'may', 'might', 'shall', 'should', 'must']);

/** A verb the tagger read as an adjective or a noun right after a modal ("would close a number of
 *  stores", "would open a studio"): after a modal comes a verb. */
function misreadAfterModal(words: Tagged[], i: number): boolean {
  if (words[i].pos !== 'ADJ' && words[i].pos !== 'NOUN') return false;
  const j = beforeModifiers(words, i);
  return j >= 0 && words[j].pos === 'AUX' && MODALS.has(words[j].lemma.toLowerCase());
}

/** The index of the word before `i` past adverbs and "not" ("has not yet resigned"), or -1. */
function beforeModifiers(words: Tagged[], i: number): number {
  let j = i - 1;
  while (j >= 0 && (words[j].pos === 'ADV' || (words[j].pos === 'PART' && words[j].lemma === 'not'))) j--;
  return j;
}

/** The tagger's lemma as an index word: letters only. */
const lemmaOf = (w: Tagged) => w.lemma.replace(/[^a-z]/g, '');

/** Where the copula before `i` is, past adverbs and "not" ("was deeply ashamed"), or -1. */
function copulaAt(words: Tagged[], i: number): number {
  const j = beforeModifiers(words, i);
  return j >= 0 && (words[j].pos === 'AUX' || words[j].pos === 'VERB') && COPULAS.has(words[j].lemma) ? j : -1;
}

const PREPOSITIONAL = new Set(
  ['regarding', 'concerning', 'including', 'excluding', 'following', 'according', 'considering', 'pending', 'barring', 'given', 'during', 'notwithstanding', 'respecting', 'involving'],
);
const SUBJECT = new Set(['NOUN', 'PROPN', 'PRON']);
const RELATIVE = new Set(['who', 'which', 'that', 'whom', 'whose', 'where']);

/** Verbs whose negated participle is a word of its own ("unaffected"), as the polarity check knows them. */
const UN_PARTICIPLE: ReadonlySet<string> = new Set(['affect', 'harm', 'hurt', 'touch']);

function predicateWord(w: Tagged, particle: Tagged | undefined): PredicateWord {
  const lemma = lemmaOf(w);
  const own = new Set<string>();
  const related = new Set<string>();
  const addWord = (word: string, into: Set<string>) => {
    // Only the head of a phrasal verb states the event alone ("back_up" → "back").
    const t = searchTerm(word.split('_')[0]);
    // A light or framing verb ("take", "say") is in nearly every passage: as a synonym it would back anything.
    if (!t || (into === related && (isLightVerb(t) || FRAME_VERBS.has(t)))) return;
    // The claim's own verb brings its news paraphrases; a synonym only itself (chains drift: extend →
    // increase → "up").
    if (into === related) into.add(t);
    else for (const p of paraphrasesOf(t)) into.add(p);
  };
  // The WordNet entry: the phrasal verb itself when there is one.
  const entry = particle ? `${lemma}_${particle.lemma}` : lemma;
  if (particle) {
    // A phrasal verb means something its head alone does not ("turned down" is not "turned"): the head
    // and its particle together ("turn+=down") or a synonym of the phrasal verb state it.
    const head = searchTerm(lemma);
    if (head) own.add(`${head}+=${particle.lemma}`);
  } else {
    addWord(lemma, own);
    addWord(w.text.toLowerCase(), own);
    // "unaffected", "unharmed": the verb's participle negated states the verb (the polarity check
    // compares the two: "does not affect" and "remains unaffected" say the same).
    const base = searchTerm(lemma);
    if (base && UN_PARTICIPLE.has(base)) own.add(`un${base}`);
  }
  for (const s of [...synonymsOf(entry), ...broaderOf(entry)]) if (!s.includes('_')) addWord(s, related);
  for (const n of derivedNounsOf(entry)) addWord(n, related);
  const terms = new Set([...own, ...related]);
  const opposites = new Set<string>();
  // A phrasal verb has its own opposites: "fall behind" is not the opposite of "climb".
  for (const a of [...antonymsOf(entry), ...oppositesOf(entry)]) {
    const t = searchTerm(a.split('_')[0]);
    if (t && !terms.has(t)) opposites.add(t);
  }
  const first = stem(lemma);
  return {
    text: particle ? `${w.text} ${particle.text}` : w.text,
    lemma,
    start: w.start,
    end: particle ? particle.end : w.end,
    stems: [...terms],
    related: [...related].filter((t) => !own.has(t)),
    prefix: !particle && first.length >= PREFIX ? first.slice(0, PREFIX) : undefined,
    opposites: [...opposites],
  };
}
