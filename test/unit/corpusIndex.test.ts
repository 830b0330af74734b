import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CorpusIndex } from '../../server/src/service/corpus/corpusIndex.ts';
import { analyseArticle } from '../../server/src/service/corpus/articleAnalysis.ts';

const ARTICLES = [
  { uri: 'file:///c/a.md', text: 'Minister Tony Blair said the economy grew by 3% in 2004. "We are on track," Blair said.\n' },
  { uri: 'file:///c/b.md', text: 'Chancellor Gordon Brown said growth would reach 3.5%. Brown added that rates would stay low.\n' },
  { uri: 'file:///c/c.md', text: 'The Bank of England held interest rates at 4.75% on Thursday.\n' },
];

function snapshot(index: CorpusIndex): unknown {
  return {
    entities: index.entities().map((e) => [e.id, e.name, e.aliases, e.mentions]),
    search: index.searchSentences('Blair said growth rates', 10).map((h) => [h.sentence.uri, h.sentence.index, h.score]),
    df: index.documentFrequency('said'),
    quotes: index.quotesBy(index.lookupEntity('Tony Blair')?.id ?? '').map((q) => q.quote.text),
    sentences: [...index.articles()].map((a) => a.sentences.map((s) => [s.text, s.line, s.quotes, s.quantities, s.mentions])),
  };
}

test('bulk indexing may answer from a slightly older entity table, and is exact once it ends', () => {
  const index = new CorpusIndex();
  index.beginBulk();
  index.add(analyseArticle(ARTICLES[0]));
  assert.ok(index.lookupEntity('Tony Blair'));
  index.add(analyseArticle(ARTICLES[1]));
  index.endBulk();
  assert.ok(index.lookupEntity('Gordon Brown'), 'after the bulk the table includes every article');
  assert.equal(index.searchEntities('Gordon Bro', 5)[0]?.name, 'Gordon Brown');
  index.remove(ARTICLES[1].uri);
  assert.equal(index.lookupEntity('Gordon Brown'), undefined, 'outside a bulk a change is seen at once');
});

test('a saved index loads to the same corpus (sentences, entities, search, quotes)', async () => {
  const index = new CorpusIndex();
  for (const a of ARTICLES) index.add(analyseArticle(a));
  index.remove(ARTICLES[2].uri);
  index.add(analyseArticle(ARTICLES[2]));
  const lines = [...index.toLines()];
  assert.ok(lines.every((l) => !l.includes('\n')), 'one JSON value per line');
  const loaded = await CorpusIndex.fromLines(lines);
  assert.ok(loaded);
  assert.deepEqual(snapshot(loaded), snapshot(index));
  assert.equal(loaded.sentenceCount, index.sentenceCount);
  assert.equal(await CorpusIndex.fromLines(['{"format":2,"articles":0}', '{"end":1}']), undefined, 'an older format is refused');
  assert.equal(await CorpusIndex.fromLines(lines.slice(0, -1)), undefined, 'a truncated index is refused');
  assert.equal(await CorpusIndex.fromLines(lines.filter((_, i) => i !== 1)), undefined, 'a missing article is refused');
});

test('a saved index carries the entity resolution: a reload takes it as saved, and rebuilds one that does not fit', async () => {
  const index = new CorpusIndex();
  for (const a of ARTICLES) index.add(analyseArticle(a));
  const lines = [...index.toLines()];
  const loaded = await CorpusIndex.fromLines(lines);
  assert.ok(loaded);
  const tableOf = (i: CorpusIndex) => (i as unknown as { table: { refreshDue: boolean } }).table;
  assert.equal(tableOf(loaded).refreshDue, false, 'nothing to resolve after the reload');
  assert.deepEqual(snapshot(loaded), snapshot(index));
  assert.deepEqual(loaded.entities().map((e) => [e.id, e.mentionCount, e.roles]), index.entities().map((e) => [e.id, e.mentionCount, e.roles]));
  // A resolution naming a group the mentions do not make is not used: the table is resolved afresh.
  const at = lines.findIndex((l) => l.startsWith('{"r":'));
  assert.ok(at > 0);
  const r = JSON.parse(lines[at]) as { r: { e: Array<[string, string, number, string[], number, string[]]> } };
  assert.ok(r.r.e.length > 0, 'entities come first');
  r.r.e[0][5] = ['no such name'];
  const refit = await CorpusIndex.fromLines(lines.map((l, i) => (i === at ? JSON.stringify(r) : l)));
  assert.ok(refit);
  assert.equal(tableOf(refit).refreshDue, true);
  assert.deepEqual(snapshot(refit), snapshot(index));
});

test('sentences without quotes, figures or names share one frozen empty list', () => {
  const a = analyseArticle({ uri: 'file:///c/d.md', text: 'It rained. It rained again.\n' });
  assert.equal(a.sentences[0].quotes, a.sentences[1].quotes);
  assert.ok(Object.isFrozen(a.sentences[0].mentions));
});
