// Which terms a top-k search of the archive must look sentences up by (MaxScore, Turtle & Flood 1995).
// A sentence's BM25 score is the sum of its matched terms' contributions times how many terms it matches;
// each contribution is below the term's weight times 2.7 (0.5 + 2.2 · tf / (tf + K) with K > 0). So the
// sentences holding none of the rarest terms score below a bound set by the commonest terms alone: once
// `limit` sentences are known to score above it, the commonest terms' long posting lists (tens of
// thousands of sentences each in a large archive) need not be read. The result is the exact top `limit`.

import type { WeightedTerm } from '../../service/archive/archiveSource.ts';

/** A term's contribution to a sentence's score is below its weight times this. */
export const CONTRIBUTION_BOUND = 2.7;
/** The first look-up reads at most about this many postings (sentences), unless one term has more. */
export const FIRST_LOOKUP_POSTINGS = 20_000;

/** The terms in the order they are made essential: the rarest (heaviest) first. */
export function byRarity(terms: readonly WeightedTerm[]): WeightedTerm[] {
  return [...terms].sort((a, b) => b.weight - a.weight || (a.df ?? Infinity) - (b.df ?? Infinity) || (a.term < b.term ? -1 : 1));
}

/** How many of the rarest terms the first look-up uses: as many as fit in `postings` (at least one). */
export function firstLookup(sorted: readonly WeightedTerm[], postings = FIRST_LOOKUP_POSTINGS): number {
  let n = 1;
  let read = sorted[0]?.df ?? Infinity;
  while (n < sorted.length) {
    const next = read + (sorted[n].df ?? Infinity);
    if (!(next <= postings)) break;
    read = next;
    n++;
  }
  return n;
}

/** The best score a sentence holding none of the first `essential` terms can reach. */
export function scoreBoundWithout(sorted: readonly WeightedTerm[], essential: number): number {
  let sum = 0;
  for (let i = essential; i < sorted.length; i++) sum += sorted[i].weight * CONTRIBUTION_BOUND;
  return sum * (sorted.length - essential);
}

/** A bound on the score of a sentence holding terms of these weights, whatever their frequencies: what
 *  the second look-up checks (in SQL, pgArchive.ts) before scoring a sentence exactly. */
export function sentenceBound(heldWeights: readonly number[]): number {
  let sum = 0;
  for (const w of heldWeights) sum += w * CONTRIBUTION_BOUND;
  return sum * heldWeights.length;
}

/** The least bound that may reach `threshold`: a margin for the database summing in another order. */
export function reachFrom(threshold: number): number {
  return threshold * (1 - 1e-9);
}

/** Whether a sentence of this bound could reach `threshold`. */
export function mayReach(bound: number, threshold: number): boolean {
  return bound >= reachFrom(threshold);
}

/** How many of the rarest terms a look-up must use when `threshold` is a score at least `limit`
 *  sentences reach: the fewest whose absence bounds a sentence's score strictly below the threshold. */
export function essentialTerms(sorted: readonly WeightedTerm[], threshold: number): number {
  let essential = sorted.length;
  while (essential > 1 && !mayReach(scoreBoundWithout(sorted, essential - 1), threshold)) essential--;
  return essential;
}
