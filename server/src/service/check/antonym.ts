// The opposite word in the claim's own place: a passage that says the claim with one verb or adjective
// turned into its opposite, between the same words ("making it difficult for firms" for "making it
// easier for firms", "the Lords rejected a plea" for "the Lords backed a plea", "a larger-than-expected
// loss" for "a smaller-than-expected loss"), contradicts it, whatever the rest of its article says.

import type { SourceSentence } from '../api.ts';
import { tag, type Tagged } from '../text/tagger.ts';
import { searchTerm } from '../corpus/sentenceIndex.ts';
import type { EvidenceUnit } from './evidence.ts';
import { oppositesOf } from './lexicon.ts';
import { antonymsOf } from './wordnet.ts';
import { tuning } from './tuning.ts';

export interface AlignedOpposite {
  unit: EvidenceUnit;
  sentence: SourceSentence;
  /** The claim's word (offsets in the claim sentence) and the source's opposite as written. */
  start: number;
  end: number;
  draft: string;
  source: string;
}

/** Parts of speech whose opposite may be written in its place ("ahead of"/"behind" are adpositions,
 *  "took bronze" a noun). */
const OPEN_CLASS = new Set(['VERB', 'ADJ', 'ADV', 'ADP', 'NOUN']);

/** How many of the passages saying most of the claim are searched. */
const UNITS = 3;

function opposites(lemma: string): Set<string> {
  return new Set([...antonymsOf(lemma), ...oppositesOf(lemma)].filter((w) => !w.includes('_')));
}

/** The words before (or after) `i`, lower-case, as one key: two, or as many more (up to four) as it
 *  takes to hold a content word ("in the 100m", not "in the"). */
function around(words: Tagged[], i: number, step: 1 | -1): string | undefined {
  const out: string[] = [];
  for (let k = i + step; k >= 0 && k < words.length && out.length < 4; k += step) {
    out.push(words[k].text.toLowerCase());
    if (out.length >= 2 && out.some((w) => searchTerm(w) !== null)) return out.join(' ');
  }
  return undefined;
}

/**
 * A verb, adjective or adverb of the claim whose opposite a passage close to the claim writes between the
 * same two words before or after it, and where that passage's sentence does not also write the claim's
 * word.
 */
export function alignedOpposite(claimSentence: string, units: readonly EvidenceUnit[]): AlignedOpposite | undefined {
  const claim = tag(claimSentence);
  const candidates = claim
    .map((w, i) => ({ w, i, opposite: OPEN_CLASS.has(w.pos) ? opposites(w.lemma) : new Set<string>() }))
    .filter((c) => c.opposite.size > 0);
  if (candidates.length === 0) return undefined;
  const close = [...units].sort((a, b) => b.coverage - a.coverage).filter((u) => u.coverage >= tuning.contradiction).slice(0, UNITS);
  for (const unit of close) {
    for (const sentence of unit.sentences) {
      const words = tag(sentence.text);
      for (const { w, i, opposite } of candidates) {
        if (words.some((x) => x.lemma === w.lemma)) continue;
        const before = around(claim, i, -1);
        const after = around(claim, i, 1);
        const j = words.findIndex((x, k) => opposite.has(x.lemma) && ((!!before && around(words, k, -1) === before) || (!!after && around(words, k, 1) === after)));
        if (j >= 0) return { unit, sentence, start: w.start, end: w.end, draft: w.text, source: words[j].text };
      }
    }
  }
  return undefined;
}
