// The opposite word in the claim's own place: a passage that says the claim with one verb or adjective
// turned into its opposite, between the same words ("making it difficult for firms" for "making it
// easier for firms", "the Lords rejected a plea" for "the Lords backed a plea", "a larger-than-expected
// loss" for "a smaller-than-expected loss"), contradicts it, whatever the rest of its article says.

import type { SourceSentence } from '../api.ts';
import { tag, type Tagged } from '../text/tagger.ts';
import { searchTerm } from '../corpus/sentenceIndex.ts';
import { ofOtherFigures, type EvidenceUnit } from './evidence.ts';
import { oppositesOf, remainingSense } from './lexicon.ts';
import { antonymsOf } from './wordnet.ts';
import { DEMONYMS } from '../corpus/gazetteer.ts';
import { tuning } from './tuning.ts';

export interface AlignedOpposite {
  unit: EvidenceUnit;
  sentence: SourceSentence;
  /** The claim's word (offsets in the claim sentence) and the source's opposite as written. */
  start: number;
  end: number;
  draft: string;
  source: string;
  /** The whole phrases the message quotes, where `draft` and `source` are only the words that differ. */
  said?: { draft: string; source: string };
}

/** Parts of speech whose opposite may be written in its place ("ahead of"/"behind" are adpositions,
 *  "took bronze" a noun). */
const OPEN_CLASS = new Set(['VERB', 'ADJ', 'ADV', 'ADP', 'NOUN']);

/** Prepositions whose opposite may say the same ("a discount on sentences" is "a discount off
 *  sentences"); as particles ("switched off") they are compared. */
const LOOSE_PREPOSITIONS = new Set(['on', 'off']);

/** How many of the passages saying most of the claim are searched. */
const UNITS = 3;

/** Nouns of opposite outcome, read only where written in the claim's place ("an away win over
 *  Germany" / "an away loss to Germany", "a pre-tax profit of" / "a pre-tax loss of"), and sizes. */
const OUTCOMES: Array<[string[], string[]]> = [
  [['win', 'victory'], ['loss']],
  [['profit'], ['loss']],
  [['surplus'], ['deficit']],
  // Sizes, whose WordNet antonyms pair only "large"/"small", "big"/"little" and "high"/"low" ("a bigger
  // fall than expected" for "a smaller fall", "a higher than expected rise" for "a smaller than expected").
  [['big', 'large', 'high', 'great'], ['small', 'little', 'low']],
  // Multiples: "double the audience of its first series" for "half the amount it got".
  [['double', 'twice'], ['half', 'halve']],
  // The sexes: "90% of young women" for "90% of young males".
  [['man', 'male', 'boy'], ['woman', 'female', 'girl']],
];

/** A claim's outcome noun and the source's opposite words: "a defeat at Blackburn" for "a win at
 *  Blackburn" or "won at Blackburn". Only the noun: the verb "defeated" is a win, and so is the source's. */
const NOUN_OUTCOMES = new Map([['defeat', ['win', 'victory']]]);

/** Where an injury is: one part of the body is no other, written in the claim's place ("an ankle injury"
 *  for "a knee injury", "a hamstring strain" for "a groin strain"). */
const BODY_PARTS = new Set(['ankle', 'knee', 'hamstring', 'groin', 'thigh', 'calf', 'shoulder', 'hip', 'wrist', 'elbow', 'foot', 'toe', 'finger', 'thumb', 'neck', 'shin', 'achilles', 'ribs', 'rib', 'knee-ligament']);

/** Demonyms broader than a nation's, or of faith or politics, which another may be true beside
 *  ("British" and "Scottish", "European" and "French"): no opposites. */
const BROAD_DEMONYMS = new Set(['british', 'european', 'asian', 'african', 'arab', 'arabic', 'latin', 'western', 'eastern', 'northern', 'southern', 'scandinavian', 'baltic', 'caribbean', 'pacific', 'atlantic', 'olympic', 'inter-korean', 'transatlantic', 'soviet', 'communist', 'democratic', 'republican', 'democrat', 'jewish', 'muslim', 'christian', 'catholic', 'protestant', 'sunni', 'shia', 'shiite', 'hispanic', 'kurdish', 'catalan', 'basque', 'english', 'kiwi']);

const isNation = (w: string) => DEMONYMS.has(w) && !BROAD_DEMONYMS.has(w);

function opposites(lemma: string, pos: string): Set<string> {
  const out = new Set([...antonymsOf(lemma), ...oppositesOf(lemma)].filter((w) => !w.includes('_')));
  if (BODY_PARTS.has(lemma)) for (const part of BODY_PARTS) if (part !== lemma) out.add(part);
  // One nation's firm is no other's ("Indian technology firm" for "Israeli technology firm").
  if (isNation(lemma)) for (const d of DEMONYMS) if (isNation(d) && d !== lemma) out.add(d);
  for (const [a, b] of OUTCOMES) {
    if (a.includes(lemma)) for (const w of b) out.add(w);
    if (b.includes(lemma)) for (const w of a) out.add(w);
  }
  if (pos === 'NOUN') for (const w of NOUN_OUTCOMES.get(lemma) ?? []) out.add(w);
  return out;
}

const COMMA_LIKE = /^[,()\u2013\u2014-]$/;

/** The words before (or after) `i`, lower-case, as one key: two, or as many more (up to four) as it
 *  takes to hold a content word ("in the 100m", not "in the"); commas and brackets are skipped. */
function around(words: Tagged[], i: number, step: 1 | -1): string | undefined {
  const out: string[] = [];
  let skipped = 0;
  for (let k = i + step; k >= 0 && k < words.length && out.length < 4; k += step) {
    // Commas and brackets aside ("The Garage, north London, on Monday" for "…in south London on Monday").
    if (words[k].pos === 'PUNCT' && COMMA_LIKE.test(words[k].text) && ++skipped <= 2) continue;
    out.push(words[k].text.toLowerCase());
    if (out.length >= 2 && out.some((w) => searchTerm(w) !== null)) return out.join(' ');
  }
  return undefined;
}

/**
 * A verb, adjective, adverb, adposition or noun of the claim whose opposite a passage close to the claim
 * writes between the same words before or after it, and not the claim's word in that place too.
 */
export function alignedOpposite(claimSentence: string, units: readonly EvidenceUnit[]): AlignedOpposite | undefined {
  // A passage of another event ("fell 0.3% in January" for "rose 0.3% in December") says nothing of the
  // claim's.
  const close = [...units]
    .sort((a, b) => b.coverage - a.coverage)
    .filter((u) => u.coverage >= tuning.contradiction && !ofOtherFigures(u))
    .slice(0, UNITS);
  const side = sideTaken(claimSentence, close);
  if (side) return side;
  const claim = tag(claimSentence);
  const candidates = claim
    .map((w, i) => ({ w, before: around(claim, i, -1), after: around(claim, i, 1), opposite: (OPEN_CLASS.has(w.pos) || (w.pos === 'PROPN' && isNation(w.lemma))) && !remainingSense(claim, i) && !(w.pos === 'ADP' && LOOSE_PREPOSITIONS.has(w.lemma)) ? opposites(w.lemma, w.pos) : new Set<string>() }))
    .filter((c) => c.opposite.size > 0);
  if (candidates.length === 0) return undefined;
  const tagged = close.map((unit) => unit.sentences.map((sentence) => ({ sentence, words: tag(sentence.text) })));
  // Whether word k of a source sentence stands between the claim word's own neighbours: on either side,
  // or (`both`) on every side the claim word has one.
  const alignedIn = (c: { before?: string; after?: string }, words: Tagged[], k: number, both = false) => {
    const b = !!c.before && around(words, k, -1) === c.before;
    const a = !!c.after && around(words, k, 1) === c.after;
    return both ? (b || !c.before) && (a || !c.after) && (a || b) : a || b;
  };
  // A close passage writing the claim's own word between the claim's own words on both sides says what
  // the claim says (the claim's own sentence in a source), whatever another one writes.
  const unsaid = candidates.filter((c) => !tagged.some((unit) => unit.some(({ words }) => words.some((x, k) => x.lemma === c.w.lemma && alignedIn(c, words, k, true)))));
  for (let u = 0; u < close.length; u++) {
    for (const { sentence, words } of tagged[u]) {
      for (const c of unsaid) {
        const { w, opposite } = c;
        // The source writing the claim's own word in that place too says both ("rose and fell").
        if (words.some((x, k) => x.lemma === w.lemma && alignedIn(c, words, k))) continue;
        const j = words.findIndex((x, k) => opposite.has(x.lemma) && alignedIn(c, words, k));
        if (j >= 0) return { unit: close[u], sentence, start: w.start, end: w.end, draft: w.text, source: words[j].text };
      }
    }
  }
  return undefined;
}

/** "Voted against" / "voted in favour of", "ruled against" / "ruled in favour of": the side taken. */
const SIDES = [/\b(\p{L}{3,})\s+(against)\b/giu, /\b(\p{L}{3,})\s+(in\s+favou?r\s+of)\b/giu];

/**
 * The other side after the same verb ("the court ruled in favour of Grokster" for "ruled against
 * Grokster"), in a sentence of one of the `close` passages that does not take the claim's side after it.
 */
function sideTaken(claimSentence: string, close: readonly EvidenceUnit[]): AlignedOpposite | undefined {
  for (const [mine, other] of [[SIDES[0], SIDES[1]], [SIDES[1], SIDES[0]]]) {
    for (const m of claimSentence.matchAll(mine)) {
      const verb = m[1].toLowerCase();
      if (searchTerm(verb) === null) continue;
      for (const unit of close) {
        for (const sentence of unit.sentences) {
          const after = (re: RegExp) => [...sentence.text.matchAll(re)].find((x) => x[1].toLowerCase() === verb);
          const theirs = after(other);
          if (!theirs || after(mine)) continue;
          const start = (m.index ?? 0) + m[0].length - m[2].length;
          return { unit, sentence, start, end: start + m[2].length, draft: m[2], source: theirs[2] };
        }
      }
    }
  }
  return undefined;
}
