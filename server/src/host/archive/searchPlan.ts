// How a top-k search of the archive looks sentences up (after MaxScore, Turtle & Flood 1995), so that it
// reads few of the sentences holding the claim's common words and still finds the exact top `limit`.
// A sentence's BM25 score is the sum of its matched terms' contributions times how many terms it matches;
// each contribution is below the term's weight times 2.7 (0.5 + 2.2 · tf / (tf + K) with K > 0), so the
// terms a sentence holds bound its score whatever their frequencies and its length. Once `limit`
// sentences are known to reach a score, only sentences holding terms whose bound reaches it can enter the
// top `limit`: a sentence holding one common word of the claim (tens of thousands of them in a large
// archive) cannot, one holding a rare word and a common one may. A look-up asks the index for sets of
// terms a sentence must hold together, which the index intersects.

import type { WeightedTerm } from '../../service/archive/archiveSource.ts';

/** A term's contribution to a sentence's score is below its weight times this. */
export const CONTRIBUTION_BOUND = 2.7;
/** The first look-up reads at most about this many postings (sentences), unless one term has more. */
export const FIRST_LOOKUP_POSTINGS = 20_000;

/** The terms in the order a look-up takes them: the rarest (heaviest) first. */
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

/** A bound on the score of a sentence holding terms of these weights, whatever their frequencies: what
 *  a look-up with a threshold checks (in SQL, pgArchive.ts) before scoring a sentence exactly. */
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

/** The most terms a set of a look-up asks a sentence to hold together (see `lookUpSets`): the index's cost
 *  grows with the query's, and sets of three cost more than they saved (measured at 100,000 articles). */
export const MAX_SET_SIZE = 2;

/** Sets of terms (indexes into `sorted`, the rarest first) a sentence must hold one of to reach
 *  `threshold`. Where a least set of terms whose bound reaches it has at most `maxSize` terms, it is one
 *  of the sets (`reaching`); a larger one is represented by its `maxSize` heaviest terms (which do not
 *  reach it alone, so the look-up still checks each sentence's bound). A sentence holding only one common
 *  word of the claim cannot reach the threshold, so a look-up asking for these sets (an AND of each set's
 *  terms, an OR of the sets) reads far fewer sentences than one asking for any of the terms. */
export function lookUpSets(sorted: readonly WeightedTerm[], threshold: number, maxSize = MAX_SET_SIZE): { sets: number[][]; exact: boolean } {
  const sets: number[][] = [];
  let exact = true;
  // A set is extended by lighter terms only, so it is least when its lightest term is what makes it reach.
  const rest = sorted.map((_, i) => sorted.slice(i).map((t) => t.weight));
  const held: number[] = [];
  const weights: number[] = [];
  const visit = (from: number): void => {
    for (let i = from; i < sorted.length; i++) {
      // Even with every lighter term the set cannot reach: no later start can either.
      if (!mayReach(sentenceBound([...weights, ...rest[i]]), threshold)) return;
      held.push(i);
      weights.push(sorted[i].weight);
      if (mayReach(sentenceBound(weights), threshold)) sets.push([...held]);
      else if (held.length === maxSize) {
        sets.push([...held]);
        exact = false;
      } else visit(i + 1);
      held.pop();
      weights.pop();
    }
  };
  visit(0);
  return { sets, exact };
}

/** A look-up: the sentences holding every term of any of the `sets`, the `limit` best by their exact
 *  score; with a `threshold`, only those whose bound (`sentenceBound`) may reach it are scored. */
export interface LookUp {
  sets: string[][];
  threshold: number;
}

/** How hits found by different look-ups are told apart and ranked at equal scores, as the look-up ranks
 *  them (so that the sentences kept at the `limit`th score are the ones a single look-up would keep). */
export interface HitOrder<H> {
  key(hit: H): string;
  tie(a: H, b: H): number;
}

/** Whether every sentence holding `set` holds one of `ran` (a set of it), so was a candidate already. */
function coveredBy(ran: readonly (readonly number[])[], set: readonly number[]): boolean {
  return ran.some((r) => r.every((i) => set.includes(i)));
}

/** The exact top `limit` sentences for these terms, found by a few look-ups (`run`), each of sets of
 *  terms no earlier look-up asked for, their hits merged:
 *  1. sentences holding one of the rarest terms (as many as `postings` allow) and another of the claim's,
 *     which are the likeliest to score best;
 *  2. failing `limit` of them, sentences holding two of the other terms (two common words matched score
 *     more than one), then failing still, any holding one of the rarest;
 *  3. with the `limit`th best score found as the threshold, the sentences holding one of the sets of
 *     terms that may reach it (`lookUpSets`) and that no earlier look-up asked for (a sentence holding
 *     such a set was a candidate: if it is among the best `limit`, it was among that look-up's).
 *  Hits are merged by `order.key` and ranked by score, then `order.tie`.
 *  `reached`: a score `limit` sentences are thought to reach (those of the archive a language server holds
 *  already, scored as the archive scores them: a re-check's edited sentence, whose best sentences the
 *  first check mostly fetched). Then one look-up, as in step 3 with that threshold, comes first; when
 *  `limit` of its hits do reach it, they are the top (every sentence that may reach it was a candidate)
 *  and the look-ups of steps 1 to 3, one after another, are saved; otherwise the plan goes on as above. */
export async function searchTopSentences<H extends { score: number }>(
  terms: readonly WeightedTerm[],
  limit: number,
  run: (lookUp: LookUp) => Promise<H[]>,
  order: HitOrder<H>,
  postings = FIRST_LOOKUP_POSTINGS,
  reached = 0,
): Promise<{ hits: H[]; lookUps: number }> {
  if (!terms.length || limit <= 0) return { hits: [], lookUps: 0 };
  const sorted = byRarity(terms);
  const names = (sets: number[][]) => sets.map((set) => set.map((i) => sorted[i].term));
  const first = firstLookup(sorted, postings);
  const found = new Map<string, H>();
  const ran: number[][] = [];
  let lookUps = 0;
  const best = () => [...found.values()].sort((a, b) => b.score - a.score || order.tie(a, b)).slice(0, limit);
  const lookUp = async (sets: number[][], threshold: number) => {
    for (const h of await run({ sets: names(sets), threshold })) found.set(order.key(h), h);
    ran.push(...sets);
    lookUps++;
  };
  if (reached > 0) {
    const { sets, exact } = lookUpSets(sorted, reached);
    if (sets.length) {
      await lookUp(sets, exact ? 0 : reached);
      const hits = best();
      if (hits.length >= limit && mayReach(hits[limit - 1].score, reached)) return { hits, lookUps };
      // Too few reach it: its sets were read only where a sentence's bound reaches it (unless exact).
      if (!exact) ran.length = 0;
    }
  }
  const pairs = (from: number, to: number) => {
    const out: number[][] = [];
    for (let i = from; i < to; i++) for (let j = i + 1; j < sorted.length; j++) out.push([i, j]);
    return out;
  };
  if (sorted.length > 2) {
    await lookUp(pairs(0, first), 0);
    if (found.size < limit && first < sorted.length - 1) await lookUp(pairs(first, sorted.length), 0);
  }
  if (found.size < limit) await lookUp(sorted.slice(0, first).map((_, i) => [i]), 0);
  let hits = best();
  const threshold = hits.length >= limit ? hits[hits.length - 1].score : 0;
  const { sets, exact } = lookUpSets(sorted, threshold);
  const rest = sets.filter((set) => !coveredBy(ran, set));
  if (!rest.length) return { hits, lookUps };
  await lookUp(rest, exact ? 0 : threshold);
  hits = best();
  return { hits, lookUps };
}
