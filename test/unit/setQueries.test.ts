// The tsquery literals of an archive look-up (host/archive/setQueries.ts): a sentence matches one of them
// exactly when it holds every term of one of the sets, checked on every combination of a small vocabulary
// with the literals evaluated as PostgreSQL reads them (& binds tighter than |; quotes doubled, backslashes
// escaped); and pairs sharing their other terms are grouped into fewer literals.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { anySetQuery, setQueries } from '../../server/src/host/archive/setQueries.ts';
import { mulberry32 } from '../bench/prng.ts';

/** Evaluates a tsquery literal of quoted terms, &, | and parentheses against the terms a sentence holds. */
function matches(query: string, holds: ReadonlySet<string>): boolean {
  let at = 0;
  const space = () => {
    while (query[at] === ' ') at++;
  };
  const term = (): boolean => {
    space();
    if (query[at] === '(') {
      at++;
      const v = or();
      space();
      assert.equal(query[at], ')', `")" expected at ${at} in ${query}`);
      at++;
      return v;
    }
    assert.equal(query[at], "'", `a quoted term expected at ${at} in ${query}`);
    at++;
    let t = '';
    for (;;) {
      const c = query[at++];
      if (c === '\\') t += query[at++];
      else if (c === "'" && query[at] === "'") t += query[at++];
      else if (c === "'") break;
      else t += c;
    }
    return holds.has(t);
  };
  const and = (): boolean => {
    let v = term();
    for (space(); query[at] === '&'; space()) {
      at++;
      v = term() && v;
    }
    return v;
  };
  const or = (): boolean => {
    let v = and();
    for (space(); query[at] === '|'; space()) {
      at++;
      v = and() || v;
    }
    return v;
  };
  const v = or();
  space();
  assert.equal(at, query.length, `trailing text in ${query}`);
  return v;
}

test('a sentence matches a literal exactly when it holds every term of one of the sets', () => {
  const vocabulary = ['alpha', "o'neill", 'back\\slash', 'delta', 'echo', 'fox', 'golf', 'hotel'];
  let grouped = 0;
  for (let seed = 1; seed <= 200; seed++) {
    const rnd = mulberry32(seed);
    const sets: string[][] = [];
    // Half the seeds ask as a first look-up does (the rarest terms each with any other), some pairs left out.
    if (seed % 2 === 0) {
      const rare = 1 + Math.floor(rnd() * 3);
      for (let i = 0; i < rare; i++) for (let j = i + 1; j < vocabulary.length; j++) if (rnd() < 0.9) sets.push([vocabulary[i], vocabulary[j]]);
    }
    const n = 1 + Math.floor(rnd() * (seed % 2 === 0 ? 3 : 14));
    for (let i = 0; i < n; i++) {
      const size = rnd() < 0.15 ? 1 : rnd() < 0.9 ? 2 : 3;
      const set = new Set<string>();
      while (set.size < size) set.add(vocabulary[Math.floor(rnd() * vocabulary.length)]);
      // Mostly in one order (a look-up's rarest first), sometimes not.
      const ordered = [...set].sort((x, y) => (rnd() < 0.1 ? -1 : vocabulary.indexOf(x) - vocabulary.indexOf(y)));
      sets.push(ordered);
    }
    const literals = setQueries(sets);
    if (literals.some((q) => q.startsWith('('))) grouped++;
    const whole = anySetQuery(sets);
    for (let mask = 0; mask < 1 << vocabulary.length; mask++) {
      const holds = new Set(vocabulary.filter((_, i) => mask & (1 << i)));
      const expected = sets.some((s) => s.every((t) => holds.has(t)));
      assert.equal(literals.some((q) => matches(q, holds)), expected, `seed ${seed}: ${JSON.stringify(sets)} → ${JSON.stringify(literals)} for ${[...holds].join(',')}`);
      assert.equal(matches(whole, holds), expected, `seed ${seed}: ${whole}`);
    }
  }
  assert.ok(grouped > 10, `${grouped} of 200 grouped`);
});

test("the rarest terms each with any other: one literal with the others, and the rarest among themselves; all pairs of common terms one literal a first term", () => {
  const terms = ['r1', 'r2', 'r3', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8'];
  const sets: string[][] = [];
  for (let i = 0; i < 3; i++) for (let j = i + 1; j < terms.length; j++) sets.push([terms[i], terms[j]]);
  assert.deepEqual(setQueries(sets), ["('r1' | 'r2' | 'r3') & ('c1' | 'c2' | 'c3' | 'c4' | 'c5' | 'c6' | 'c7' | 'c8')", "'r1' & ('r2' | 'r3')", "'r2' & ('r3')"]);
  // Every pair of four terms: grouping would read about as many lists (and go through the commonest's).
  const common = ['c1', 'c2', 'c3', 'c4'];
  const all: string[][] = [];
  for (let i = 0; i < 4; i++) for (let j = i + 1; j < 4; j++) all.push([common[i], common[j]]);
  assert.deepEqual(setQueries(all), ["'c1' & ('c2' | 'c3' | 'c4')", "'c2' & ('c3' | 'c4')", "'c3' & ('c4')"]);
  // A term looked up alone stands for every set holding it.
  assert.deepEqual(setQueries([['r1'], ['r1', 'c1'], ['r2', 'c1'], ['c2', 'r1']]), ["'r1'", "'r2' & ('c1')"]);
});
