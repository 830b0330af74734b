// Indexed articles keep their sentences by column and make sentence objects when read
// (corpus/compactArticle.ts): what they give back is what the analysis made, a sentence read twice is the
// same object while one is held, and search ids still find their sentences after articles come and go.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CorpusIndex } from '../../server/src/service/corpus/corpusIndex.ts';
import { analyseArticle } from '../../server/src/service/corpus/articleAnalysis.ts';
import { CompactArticle, sentenceCount } from '../../server/src/service/corpus/compactArticle.ts';

const DOCS = [
  {
    uri: 'file:///c/port.md',
    text: '# Port strike ends\n\nDock workers at Kessing ended their strike on Friday after the Orrin Port Authority offered a 4% pay rise.\n\n"We have won," union leader Maria Okafor said. She thanked Mayor Ines Varga for her help.\n\nThe port handled 1.2 million containers last year.\n',
  },
  { uri: 'file:///c/empty.md', text: '# Notice\n' },
  { uri: 'file:///c/ferry.md', text: '# Ferry\n\nThe new ferry terminal at Kessing opened on Friday, Mayor Ines Varga said.\n' },
];

/** The analysed article as plain data (text, lines, quotes, figures and mentions of each sentence). */
const plain = (sentences: readonly object[]): unknown[] => JSON.parse(JSON.stringify(sentences)) as unknown[];

test('an indexed article gives back the sentences the analysis made', () => {
  const index = new CorpusIndex();
  for (const d of DOCS) {
    const analysed = analyseArticle(d);
    const expected = plain(analyseArticle(d).sentences);
    index.add(analysed);
    const kept = index.article(d.uri)!;
    assert.ok(kept instanceof CompactArticle, d.uri);
    assert.equal(sentenceCount(kept), expected.length);
    assert.deepEqual(plain(kept.sentences), expected, d.uri);
    assert.equal(JSON.parse(JSON.stringify(kept)).sentences.length, expected.length, 'an article serialises with its sentences');
  }
});

test('a sentence read twice is the same object while one is held, and sentenceAt agrees', () => {
  const index = new CorpusIndex();
  for (const d of DOCS) index.add(analyseArticle(d));
  const article = index.article(DOCS[0].uri)!;
  const first = article.sentences[1];
  assert.equal(article.sentences[1], first);
  assert.equal(index.sentenceAt(DOCS[0].uri, 1), first);
  assert.equal(first.mentions, article.sentences[1].mentions, 'its mentions too');
});

test('search ids find their sentences after articles are removed and added again', () => {
  const index = new CorpusIndex();
  for (const d of DOCS) index.add(analyseArticle(d));
  index.remove(DOCS[0].uri);
  assert.deepEqual(index.searchSentences('dock workers strike', 5), [], 'a removed article is not found');
  index.add(analyseArticle(DOCS[0]));
  const hit = index.searchSentences('dock workers strike', 5)[0];
  assert.equal(hit?.sentence.uri, DOCS[0].uri);
  assert.match(hit.sentence.text, /^Dock workers at Kessing/);
  assert.equal(index.searchSentences('ferry terminal', 5)[0]?.sentence.uri, DOCS[2].uri);
  assert.equal(index.sentenceCount, DOCS.reduce((n, d) => n + analyseArticle(d).sentences.length, 0));
});

test('a saved and reloaded index gives back the same sentences', async () => {
  const index = new CorpusIndex();
  for (const d of DOCS) index.add(analyseArticle(d));
  const loaded = await CorpusIndex.fromLines([...index.toLines()]);
  assert.ok(loaded);
  for (const d of DOCS) assert.deepEqual(plain(loaded.article(d.uri)!.sentences), plain(index.article(d.uri)!.sentences), d.uri);
});
