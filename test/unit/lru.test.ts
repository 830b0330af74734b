import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Lru } from '../../server/src/service/util/lru.ts';

test('keeps the most recently used entries up to its capacity', () => {
  const lru = new Lru<string, number>(2);
  lru.set('a', 1);
  lru.set('b', 2);
  assert.equal(lru.get('a'), 1); // a is now more recent than b
  lru.set('c', 3);
  assert.equal(lru.size, 2);
  assert.equal(lru.get('b'), undefined);
  assert.equal(lru.get('a'), 1);
  assert.equal(lru.get('c'), 3);
  assert.deepEqual([lru.hits, lru.misses], [3, 1]);
});

test('getOrSet computes a value once while it stays cached; null is a value', () => {
  const lru = new Lru<object, string | null>(4);
  const key = {};
  let made = 0;
  const make = () => (made++, null);
  assert.equal(lru.getOrSet(key, make), null);
  assert.equal(lru.getOrSet(key, make), null);
  assert.equal(made, 1);
  lru.clear();
  lru.getOrSet(key, make);
  assert.equal(made, 2);
});

test('behaves like a reference LRU and never exceeds its capacity', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 5 }), fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 8 })), { maxLength: 60 }), (capacity, ops) => {
      const lru = new Lru<number, number>(capacity);
      let model: number[] = []; // least recently used first
      for (const [write, key] of ops) {
        if (write) {
          lru.set(key, key * 10);
          model = [...model.filter((k) => k !== key), key].slice(-capacity);
        } else {
          const hit = model.includes(key);
          assert.equal(lru.get(key), hit ? key * 10 : undefined);
          if (hit) model = [...model.filter((k) => k !== key), key];
        }
        assert.equal(lru.size, model.length);
      }
    }),
  );
});
