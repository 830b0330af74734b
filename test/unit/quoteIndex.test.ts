// The quotations' word index (corpus/quoteIndex.ts) against the scan it replaces for openings of two
// words or more (corpus/quoteSearch.ts matchQuotes): the same matches, ranks and counts, for openings cut
// from the quotations themselves in every way a writer may type them.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSourcedService } from '../../server/src/service/index.ts';
import { matchQuotes, QuoteWords } from '../../server/src/service/corpus/quoteSearch.ts';
import { QuoteWordIndex } from '../../server/src/service/corpus/quoteIndex.ts';
import type { Article } from '../../server/src/service/api.ts';

const SOURCES = [
  'Pilot Ines Barros spoke. "We are ready for the spring tides," Barros said. "We are not worried," she added.',
  'The port said: "We are not worried." Crews agreed that "we are ready" was true. "Nobody said we are late," a clerk said.',
  'A clerk wrote: “Café owners say we are busy.” Another said "Wé áre open". "Meanwhile we wait," the mayor said.',
  'The mayor said: "While we wait, the ferries run late." Her deputy added: "Worthwhile work takes a while, we know."',
  'The union said "the stability pact is dead" and the minister replied "stability matters more than speed".',
].map((text, i) => ({ uri: `file:///ws/sources/q-${i}.md`, text: `${text}\n` }));

test('the word index finds what the scan finds, for every opening cut from the quotations', async () => {
  const service = createSourcedService();
  await service.upsertSources(SOURCES);
  const articles = SOURCES.map((s) => service.corpus.article(s.uri)).filter((a): a is Article => !!a);
  const folded = new QuoteWords();
  const index = new QuoteWordIndex(articles, folded);
  const openings = new Set<string>();
  for (const a of articles) {
    for (const key of folded.of(a)) {
      const w = key.split(' ');
      for (let i = 0; i + 1 < w.length; i++) {
        openings.add(`${w[i]} ${w[i + 1]}`);
        openings.add(`${w[i].slice(1)} ${w[i + 1]}`); // the first word as the end of a longer one
        openings.add(`${w[i]} ${w[i + 1].slice(0, 2)}`); // the last as a word's start
        if (i + 2 < w.length) openings.add(`${w[i + 2]} ${w[i]}`); // every word, in another order
      }
    }
  }
  let indexed = 0;
  for (const opening of openings) {
    const found = index.match(opening, 20);
    if (!found) continue;
    indexed++;
    const view = (ms: ReturnType<typeof matchQuotes>) => ms.map((m) => `${m.article.uri} ${m.quote.innerStart} ${m.tier} ${m.articles}`);
    assert.deepEqual(view(found), view(matchQuotes(articles, opening, 20, folded)), opening);
  }
  assert.ok(indexed > 50, `${indexed} of ${openings.size} openings through the index`);
  // A single word may be inside a word: the scan's.
  assert.equal(index.match('orried', 20), undefined);
});
