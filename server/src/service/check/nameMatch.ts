// Whether a claim's name is in a passage: the same entity, its words, its abbreviation, most of it (the
// surname), an alias, a metonym ("Pyongyang" for North Korea) or a role the sources give it.

import type { Entity, Mention } from '../types.ts';
import { searchTerm } from '../corpus/corpusIndex.ts';
import { tokenize } from '../text/words.ts';
import { metonymsOf } from './lexicon.ts';
import { Lru } from '../util/lru.ts';
import { misspelt } from '../util/misspelt.ts';

export interface ClaimName {
  mention: Mention;
  entity?: Entity;
  /** Content words of the name (folded), for matching when the corpus does not know it. */
  words: string[];
  /** Words of the same name written the other way in the claim: "Harbour Safety Commission (HSC)". */
  abbreviation?: string[];
  /** Written as a location ("in Paris"): its metonyms ("France" for "Paris said…") do not stand for it. */
  located?: boolean;
}

function wordsPresent(words: string[], has: (w: string) => boolean): boolean {
  return words.length > 0 && words.every((w) => has(`=${w}`) || has(stemOf(w)));
}

function stemOf(w: string): string {
  return searchTerm(w) ?? w;
}

/** Most of a name written out: its last word (surname, head noun) and at least half of its words. */
function mostOfName(words: string[], has: (w: string) => boolean): boolean {
  if (words.length < 2) return false;
  const present = (w: string) => has(`=${w}`) || has(stemOf(w));
  if (!present(words[words.length - 1])) return false;
  return words.filter(present).length * 2 >= words.length;
}

/** Is the name in these sentences: the same entity, its surname, a role the sources give it, or a metonym? */
export function nameIn(name: ClaimName, entities: () => Set<string>, has: (w: string) => boolean, text: () => string): boolean {
  if (name.words.length === 0 && !name.entity) return true;
  // The words first: an article's entities are gathered only when they are needed.
  if (wordsPresent(name.words, has)) return true;
  if (name.abbreviation && wordsPresent(name.abbreviation, has)) return true;
  if (name.entity && entities().has(name.entity.id)) return true;
  // "Dov Charney" … "Mr Charney"; "Author JK Rowling" … "Rowling".
  if (mostOfName(name.words, has)) return true;
  const phrase = name.words.join(' ');
  if (!name.located) for (const alt of metonymsOf(phrase)) if (wordsPresent(alt.split(' '), has)) return true;
  if (name.entity) {
    for (const alias of name.entity.aliases) {
      const words = aliasWords.getOrSet(alias, () => tokenize(alias).map((t) => t.norm));
      if (words.length > 0 && wordsPresent(words, has)) return true;
    }
    // "the North Korean leader" for Kim Jong Un: a role of two words or more written in the unit.
    for (const role of name.entity.roles) {
      const r = foldedRole(role.text);
      if (r.words.length < 2) continue;
      // Only a role whose indexed words are all there can be written out (saves folding whole articles).
      if (r.terms.some((t) => !has(t))) continue;
      if (text().includes(r.text)) return true;
    }
  }
  // A place's name one letter off, as a source misspelt it ("in Sheffied" for "in Sheffield").
  const place = (name.entity?.kind ?? name.mention.kind) === 'place';
  if (place && name.words.length === 1 && name.words[0].length >= 7) {
    const [word] = name.words;
    for (const w of text().split(/[^\p{L}]+/u)) if (misspelt(w, word)) return true;
  }
  return false;
}

const aliasWords = new Lru<string, string[]>(5_000);
const foldedRoles = new Lru<string, { text: string; words: string[]; terms: string[] }>(5_000);

function foldedRole(role: string): { text: string; words: string[]; terms: string[] } {
  return foldedRoles.getOrSet(role, () => {
    const text = foldRole(role);
    const words = text.split(' ');
    return { text, words, terms: words.map(searchTerm).filter((t): t is string => !!t) };
  });
}

export function foldRole(s: string): string {
  return tokenize(s)
    .map((t) => t.norm)
    .filter((w) => w !== 'the')
    .join(' ');
}
