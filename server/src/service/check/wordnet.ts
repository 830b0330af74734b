// The compact WordNet 3.1 table built by scripts/build-lexicon.mjs: verb synonyms (the most frequent
// senses), antonyms of verbs and adjectives, and nouns derived from verbs. Lemmas in, lemmas out.

import table from './data/wordnet.json';

type Column = Record<string, string>;
const split = (column: Column, lemma: string): string[] => column[lemma]?.split(' ') ?? [];

/** Verbs that share one of `lemma`'s most frequent senses; phrasal ones written "turn_down". */
export function synonymsOf(lemma: string): string[] {
  return split(table.synonyms as Column, lemma);
}

/** Opposites: rise/fall, win/lose, hire/fire, high/low. */
export function antonymsOf(lemma: string): string[] {
  return split(table.antonyms as Column, lemma);
}

/** Nouns derived from a verb: knight/knighthood, apologize/apology, sue/suit. */
export function derivedNounsOf(lemma: string): string[] {
  return split(table.derived as Column, lemma);
}

/** Verbs one level more general than `lemma`'s two most frequent senses: pick → choose. */
export function broaderOf(lemma: string): string[] {
  return split(table.broader as Column, lemma);
}

/** Whether WordNet knows a phrasal verb ("turn_down", "pull_out"). */
export function isPhrasalVerb(verb: string, particle: string): boolean {
  return `${verb}_${particle}` in (table.synonyms as Column) || `${verb}_${particle}` in (table.derived as Column);
}
