// The archive's top-k search plan: looking sentences up by sets of terms, as the plan says, finds exactly
// the sentences scoring every term would, on random corpora scored with the archive's own formula (the
// SQL in pgArchive.ts written in TypeScript, run by the plan itself).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { byRarity, CONTRIBUTION_BOUND, firstLookup, lookUpSets, mayReach, searchTopSentences, sentenceBound, type HitOrder, type LookUp } from '../../server/src/host/archive/searchPlan.ts';
import type { WeightedTerm } from '../../server/src/service/archive/archiveSource.ts';
import { mulberry32 } from '../bench/prng.ts';

interface Sentence {
  id: number;
  length: number;
  tf: Map<string, number>;
}

/** The archive's BM25: the matched terms' contributions summed, times how many terms matched. */
function score(s: Sentence, terms: readonly WeightedTerm[], avg: number): number {
  let sum = 0;
  let matched = 0;
  for (const t of terms) {
    const tf = s.tf.get(t.term);
    if (!tf) continue;
    sum += t.weight * (0.5 + (tf * 2.2) / (tf + 1.2 * (0.3 + (0.7 * s.length) / avg)));
    matched++;
  }
  return sum * matched;
}

/** The best `limit` sentences, by score then id, of those `holds` keeps. */
function best(sentences: readonly Sentence[], terms: readonly WeightedTerm[], avg: number, limit: number, holds: (s: Sentence) => boolean): Array<{ id: number; score: number }> {
  return sentences
    .filter(holds)
    .map((s) => ({ id: s.id, score: score(s, terms, avg) }))
    .sort((a, b) => b.score - a.score || a.id - b.id)
    .slice(0, limit);
}

/** Candidates a look-up did not score, their bound being below the threshold. */
let ruledOut = 0;
/** Sentences the look-ups scored, and the sentences holding any of the terms. */
let scored = 0;
let holdingAny = 0;

/** A look-up as PgArchive.topSentences does it, over an array instead of a table. */
function lookUp(sentences: readonly Sentence[], terms: readonly WeightedTerm[], avg: number, limit: number) {
  return async ({ sets, threshold }: LookUp) => {
    const bound = (s: Sentence) => sentenceBound(terms.filter((t) => s.tf.has(t.term)).map((t) => t.weight));
    const holds = (s: Sentence) => sets.some((set) => set.every((t) => s.tf.has(t))) && (threshold <= 0 || mayReach(bound(s), threshold) || !++ruledOut) && ++scored > 0;
    return best(sentences, terms, avg, limit, holds);
  };
}

/** Hits told apart and ranked at equal scores by id, as `best` ranks them. */
const byId: HitOrder<{ id: number; score: number }> = { key: (h) => String(h.id), tie: (a, b) => a.id - b.id };

test('a term contributes less than its weight times the bound, whatever its frequency and the length', () => {
  for (const tf of [1, 2, 5, 100, 1e6]) {
    for (const length of [1, 3, 20, 500]) {
      const s: Sentence = { id: 0, length, tf: new Map([['t', tf]]) };
      assert.ok(score(s, [{ term: 't', weight: 1 }], 20) < CONTRIBUTION_BOUND);
    }
  }
});

test('the first look-up takes the rarest terms that fit in its postings, at least one', () => {
  const terms: WeightedTerm[] = [
    { term: 'the', weight: 0.1, df: 90_000 },
    { term: 'blair', weight: 3, df: 4_000 },
    { term: 'sanction', weight: 4, df: 900 },
    { term: 'trade', weight: 2, df: 12_000 },
  ];
  const sorted = byRarity(terms);
  assert.deepEqual(sorted.map((t) => t.term), ['sanction', 'blair', 'trade', 'the']);
  assert.equal(firstLookup(sorted, 20_000), 3);
  assert.equal(firstLookup(sorted, 100), 1);
  assert.equal(firstLookup(byRarity([{ term: 'x', weight: 1 }, { term: 'y', weight: 0.5 }])), 1, 'unknown frequencies: the rarest term only');
});

test('the sets a look-up asks for: the least sets of terms whose bound reaches the threshold', () => {
  const sorted = byRarity([
    { term: 'sanction', weight: 4 },
    { term: 'blair', weight: 3 },
    { term: 'trade', weight: 2 },
    { term: 'the', weight: 0.1 },
  ]);
  const B = CONTRIBUTION_BOUND;
  assert.deepEqual(lookUpSets(sorted, 0), { sets: [[0], [1], [2], [3]], exact: true }, 'no threshold yet: any term');
  // Alone, "sanction" reaches 4·B at most, "blair" 3·B; "blair" and "the" together (3 + 0.1)·B·2.
  assert.deepEqual(lookUpSets(sorted, 3.5 * B), { sets: [[0], [1, 2], [1, 3], [2, 3]], exact: true });
  // "sanction" and "the" reach (4 + 0.1)·B·2 = 8.2·B at most; "blair" and "trade" exactly 10·B.
  assert.deepEqual(lookUpSets(sorted, 10 * B), { sets: [[0, 1], [0, 2], [1, 2]], exact: true });
  // Three terms: "sanction" and "trade" reach 12·B, with "the" 18.3·B; "blair", "trade" and "the" 15.3·B.
  assert.deepEqual(lookUpSets(sorted, 13 * B, 3), { sets: [[0, 1], [0, 2, 3], [1, 2, 3]], exact: true });
  assert.deepEqual(lookUpSets(sorted, 15 * B, 3), { sets: [[0, 1, 2], [0, 1, 3], [0, 2, 3], [1, 2, 3]], exact: true });
  // At most two terms a set: a pair that reaches the threshold only with a lighter third stands for those
  // sets ("sanction" with "the" is no such pair: a sentence holding both and "trade" holds the pair
  // "sanction", "trade").
  assert.deepEqual(lookUpSets(sorted, 15 * B), { sets: [[0, 1], [0, 2], [1, 2]], exact: false });
  assert.deepEqual(lookUpSets(sorted, 1e9), { sets: [], exact: true }, 'nothing can reach it');
});

test('looking up by sets of terms finds the exact top sentences of random corpora', async () => {
  const lookUps = [0, 0, 0, 0, 0];
  let hintedPastTop = 0;
  for (let seed = 1; seed <= 120; seed++) {
    const rnd = mulberry32(seed);
    // Half the corpora have a larger vocabulary, where few sentences hold two words of a query.
    const vocabulary = Array.from({ length: seed % 2 ? 30 : 150 }, (_, i) => `w${i}`);
    // Zipf-like frequencies: low-numbered words are common.
    const pick = () => vocabulary[Math.min(vocabulary.length - 1, Math.floor(vocabulary.length * rnd() ** 2.5))];
    const sentences: Sentence[] = Array.from({ length: 400 }, (_, id) => {
      const tf = new Map<string, number>();
      const n = 2 + Math.floor(rnd() * 12);
      for (let i = 0; i < n; i++) {
        const w = pick();
        tf.set(w, (tf.get(w) ?? 0) + 1);
      }
      return { id, length: tf.size, tf };
    });
    const avg = sentences.reduce((n, s) => n + s.length, 0) / sentences.length;
    const queryWords = [...new Set(Array.from({ length: 2 + Math.floor(rnd() * 6) }, pick))];
    const terms: WeightedTerm[] = queryWords.map((term) => {
      const df = sentences.filter((s) => s.tf.has(term)).length;
      return { term, df, weight: Math.log(1 + (sentences.length - df + 0.5) / (df + 0.5)) * (1 + Math.floor(rnd() * 1.3)) };
    });
    for (const limit of [1, 5, 20]) {
      const holdsAny = (s: Sentence) => terms.some((t) => s.tf.has(t.term));
      const full = best(sentences, terms, avg, limit, holdsAny);
      holdingAny += sentences.filter(holdsAny).length;
      const plan = await searchTopSentences(terms, limit, lookUp(sentences, terms, avg, limit), byId, 40);
      assert.deepEqual(plan.hits, full, `seed ${seed}, limit ${limit}`);
      lookUps[plan.lookUps]++;
      // A score the top is thought to reach: right (as a server's held sentences say), short of it, or
      // past it (held sentences a sync has since changed). The top is the same; when right, one look-up.
      if (full.length < limit) continue;
      const top = full[limit - 1].score;
      // (What the plan alone scores and rules out is counted for the assertions below.)
      const counted = [scored, ruledOut];
      for (const reached of [top, top * 0.6, top * 0.999, top * 1.001, (top + full[0].score) / 2, full[0].score * 1.5]) {
        const hinted = await searchTopSentences(terms, limit, lookUp(sentences, terms, avg, limit), byId, 40, reached);
        assert.deepEqual(hinted.hits, full, `seed ${seed}, limit ${limit}, reached ${reached} of ${top}`);
        if (reached <= top) assert.equal(hinted.lookUps, 1, `seed ${seed}, limit ${limit}: one look-up for a score the top reaches`);
        else hintedPastTop += hinted.lookUps > 1 ? 1 : 0;
      }
      [scored, ruledOut] = counted;
    }
  }
  // The corpora exercise every way of finishing, and the sets rule sentences out.
  assert.ok(hintedPastTop > 0, 'a score past the top sends the plan on to its other look-ups');
  assert.ok(lookUps.slice(1).every((n) => n > 0) && ruledOut > 0, `searches by number of look-ups: ${lookUps.join(', ')}; ${ruledOut} candidates ruled out by their bound`);
  assert.ok(scored < holdingAny, `${scored} sentences scored of ${holdingAny} holding a term`);
});

