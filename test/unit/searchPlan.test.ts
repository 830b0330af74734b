// The archive's top-k search plan (MaxScore): looking sentences up by the rarest terms only, as the plan
// says, finds exactly the sentences scoring every term would, on random corpora scored with the archive's
// own formula (the SQL in pgArchive.ts written in TypeScript).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { byRarity, CONTRIBUTION_BOUND, essentialTerms, firstLookup, mayReach, scoreBoundWithout, sentenceBound } from '../../server/src/host/archive/searchPlan.ts';
import type { WeightedTerm } from '../../server/src/service/archive/archiveSource.ts';

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

function top(sentences: readonly Sentence[], terms: readonly WeightedTerm[], lookUp: readonly WeightedTerm[], avg: number, limit: number, threshold = 0): Array<{ id: number; score: number }> {
  const keys = new Set(lookUp.map((t) => t.term));
  const bound = (s: Sentence) => sentenceBound(terms.filter((t) => s.tf.has(t.term)).map((t) => t.weight));
  return sentences
    .filter((s) => [...s.tf.keys()].some((t) => keys.has(t)))
    .filter((s) => threshold <= 0 || mayReach(bound(s), threshold) || !++ruledOut)
    .map((s) => ({ id: s.id, score: score(s, terms, avg) }))
    .sort((a, b) => b.score - a.score || a.id - b.id)
    .slice(0, limit);
}

/** Candidates the second look-up did not score, their bound being below the threshold. */
let ruledOut = 0;

/** What PgArchive.searchSentences does, over an array instead of a table. */
function planned(sentences: readonly Sentence[], terms: readonly WeightedTerm[], avg: number, limit: number, postings: number) {
  const sorted = byRarity(terms);
  const first = firstLookup(sorted, postings);
  const hits = top(sentences, terms, sorted.slice(0, first), avg, limit);
  if (first === sorted.length) return { hits, lookUps: 1 };
  const threshold = hits.length >= limit ? Math.min(...hits.map((h) => h.score)) : 0;
  const essential = essentialTerms(sorted, threshold);
  if (essential <= first) return { hits, lookUps: 1 };
  return { hits: top(sentences, terms, sorted.slice(0, essential), avg, limit, threshold), lookUps: 2 };
}

/** A small seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
  // Without the two rarest terms a sentence matches at most 'trade' and 'the'.
  assert.ok(Math.abs(scoreBoundWithout(sorted, 2) - (2 + 0.1) * CONTRIBUTION_BOUND * 2) < 1e-9);
  assert.equal(essentialTerms(sorted, 0), 4, 'no threshold yet: every term is looked up');
  assert.equal(essentialTerms(sorted, 1e9), 1);
});

test('looking up by the essential terms finds the exact top sentences of random corpora', () => {
  let twoLookUps = 0;
  let pruned = 0;
  for (let seed = 1; seed <= 60; seed++) {
    const rnd = random(seed);
    const vocabulary = Array.from({ length: 30 }, (_, i) => `w${i}`);
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
      const full = top(sentences, terms, terms, avg, limit);
      const plan = planned(sentences, terms, avg, limit, 40);
      assert.deepEqual(plan.hits, full, `seed ${seed}, limit ${limit}`);
      if (plan.lookUps === 2) twoLookUps++;
      const sorted = byRarity(terms);
      if (plan.lookUps === 1 && firstLookup(sorted, 40) < sorted.length) pruned++;
    }
  }
  // The corpora exercise both ways of finishing, and the pruning happens.
  assert.ok(twoLookUps > 0 && pruned > 0 && ruledOut > 0, `${twoLookUps} searches with two look-ups, ${pruned} pruned at the first, ${ruledOut} candidates ruled out by their bound`);
});
