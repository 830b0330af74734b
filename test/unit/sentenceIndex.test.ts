import { test } from 'node:test';
import assert from 'node:assert/strict';
import MiniSearch from 'minisearch';
import { SentenceIndex, searchTerm, searchTokens } from '../../server/src/service/corpus/sentenceIndex.ts';
import { NameSearch } from '../../server/src/service/corpus/nameSearch.ts';
import Fuse from 'fuse.js';
import type { Entity } from '../../server/src/service/types.ts';

const SENTENCES = [
  'The minister said the economy grew by 3% last year.',
  'Economists said growth would slow, and the minister disagreed.',
  'The bank raised interest rates to 4.75%, its highest level in years.',
  'Chelsea won the cup final after extra time.',
  'Growth, growth and more growth, the minister promised.',
  'Shares in the bank fell sharply.',
  'The film broke box office records in its first week.',
  '',
];

function reference(): MiniSearch<{ id: number; text: string }> {
  const tokenize = searchTokens;
  const opts = { fields: ['text'], storeFields: [], tokenize, processTerm: searchTerm, searchOptions: { tokenize, processTerm: searchTerm } };
  return new MiniSearch<{ id: number; text: string }>(opts);
}

const QUERIES = ['minister said growth', 'bank rates', 'growth growth minister', 'the of and', 'Chelsea final week records', 'nothing matches xyzzy'];

test('scores and ranks exactly like minisearch (BM25+, OR, distinct-term boost, tie order)', () => {
  const ours = new SentenceIndex();
  const ref = reference();
  SENTENCES.forEach((text, id) => {
    ours.add(id, text);
    ref.add({ id, text });
  });
  for (const q of QUERIES) {
    const expected = ref.search(q, { combineWith: 'OR' }).map((h) => [h.id, h.score]);
    assert.deepEqual(ours.search(q).map((h) => [h.id, h.score]), expected, q);
    assert.deepEqual(ours.search(q, 2).map((h) => [h.id, h.score]), expected.slice(0, 2), `${q} (limit 2)`);
  }
});

test('removal, re-adding and a save/load round trip keep search and document frequencies right', () => {
  const ours = new SentenceIndex();
  const ref = reference();
  SENTENCES.forEach((text, id) => {
    ours.add(id, text);
    ref.add({ id, text });
  });
  ours.remove(4, SENTENCES[4]);
  ref.remove({ id: 4, text: SENTENCES[4] });
  ours.add(8, 'The minister resigned over growth figures.');
  ref.add({ id: 8, text: 'The minister resigned over growth figures.' });
  const loaded = SentenceIndex.fromJSON(JSON.parse(JSON.stringify(ours.toJSON())));
  assert.ok(loaded);
  for (const q of QUERIES) {
    const expected = ref.search(q, { combineWith: 'OR' }).map((h) => [h.id, h.score]);
    assert.deepEqual(ours.search(q).map((h) => [h.id, h.score]), expected, q);
    assert.deepEqual(loaded.search(q).map((h) => [h.id, h.score]), expected, `${q} (loaded)`);
  }
  assert.equal(ours.documentFrequency(searchTerm('growth') as string), 2);
  assert.equal(loaded.documentFrequency(searchTerm('minister') as string), 3);
  assert.equal(ours.documentFrequency('xyzzy'), 0);
  assert.equal(SentenceIndex.fromJSON({ v: 9 }), undefined);
});

function entity(id: number, name: string, aliases: string[] = []): Entity {
  return { id: `person:${id}`, name, kind: 'person', aliases, roles: [], mentions: [], mentionCount: 0 };
}

test('name search returns what Fuse over every name returns, in the same order', () => {
  const first = ['Tony', 'Gordon', 'Anna', 'Ann', 'Jon', 'John', 'Joan', 'Ri', 'Li', 'Zoë', 'Émile', 'Mary-Kate'];
  const last = ['Blair', 'Brown', 'Smith', 'Smyth', 'Jong Un', 'Wei', "O'Neill", 'Okafor', 'Bolton', 'Ekdahl'];
  const entities: Entity[] = [];
  let n = 0;
  for (const f of first) for (const l of last) entities.push(entity(n++, `${f} ${l}`, [l, `${f[0]}. ${l}`]));
  const items: Array<{ entity: Entity; name: string }> = [];
  for (const e of entities) {
    items.push({ entity: e, name: e.name });
    for (const a of e.aliases) if (a !== e.name) items.push({ entity: e, name: a });
  }
  const fuse = new Fuse(items, { keys: ['name'], threshold: 0.4, ignoreLocation: true, includeScore: true });
  const search = new NameSearch(entities);
  const queries = ['T', 'To', 'Ton', 'Tony B', 'blai', 'Smiht', 'jong', 'zoe', 'Zoë Bi', "o'nei", 'Mary Kate', ' ', '', 'xq', 'an', 'Gordon Brown Blair Smith Smyth Jong Un long query'];
  for (const q of queries) {
    const seen = new Set<string>();
    const expected: string[] = [];
    for (const hit of fuse.search(q, { limit: 24 })) {
      if (seen.has(hit.item.entity.id)) continue;
      seen.add(hit.item.entity.id);
      expected.push(hit.item.entity.id);
      if (expected.length >= 8) break;
    }
    assert.deepEqual(search.search(q, 8).map((e) => e.id), expected, JSON.stringify(q));
  }
  // The filter rules most names out for a specific query.
  assert.ok((search.candidates('Okafor')?.length ?? Infinity) < items.length / 5);
});

test('range lookups: a term or a word family in sentences from … to, after removals and compaction too', () => {
  const index = new SentenceIndex();
  SENTENCES.forEach((s, id) => index.add(id, s));
  const term = (w: string) => searchTerm(w)!;
  assert.equal(index.hasTermIn(term('economy'), 0, 1), true);
  assert.equal(index.hasTermIn(term('economy'), 1, 4), false);
  assert.equal(index.hasTermIn(term('growth'), 1, 2), true);
  assert.equal(index.hasTermIn(term('growth'), 2, 4), false);
  assert.equal(index.hasTermIn(term('growth'), 4, 5), true, 'a repeated term');
  assert.equal(index.hasTermIn('the', 0, SENTENCES.length), false, 'stopwords are not indexed');
  assert.equal(index.hasPrefixIn(term('economists').slice(0, 5), 0, 1), true, 'economy and economists share a prefix');
  assert.equal(index.hasPrefixIn(term('economists').slice(0, 5), 2, 8), false);
  index.remove(0, SENTENCES[0]);
  index.add(8, 'The economy shrank.');
  index.compact();
  assert.equal(index.hasTermIn(term('economy'), 0, 1), false, 'a removed sentence');
  assert.equal(index.hasTermIn(term('shrank'), 8, 9), true, 'a term new since the prefix table was built');
  assert.equal(index.hasPrefixIn(term('shrank').slice(0, 3), 8, 9), true);
});
