// Claims that say more than their source: a date more precise than the source's, and names the draft
// writes as one word that the name finder cuts in two. Invented corpus.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSourcedService } from '../../server/src/service/index.ts';
import type { Claim } from '../../server/src/service/types.ts';

const festival = `# Lakeside festival honours local director

A new documentary by director Anna Velmor premiered at the Lakeside Film Festival in 2019.

The festival runs for two weeks every June. The film follows three fishing families over a single winter on the lake.

Velmor founded her production company, BrightKettle, in 2012 with two former classmates.
`;

async function verdictOf(text: string): Promise<Claim> {
  const service = createSourcedService();
  await service.upsertSources([{ uri: 'file:///corpus/festival.md', text: festival }]);
  const report = await service.checkDocument({ uri: 'file:///draft.md', text });
  assert.equal(report.claims.length, 1, JSON.stringify(report.claims.map((c) => c.text)));
  return report.claims[0];
}

test('a year in the source backs a claim that gives the year', async () => {
  const claim = await verdictOf('A documentary by Anna Velmor premiered at the Lakeside Film Festival in 2019.');
  assert.equal(claim.verdict, 'supported', claim.reason);
});

test('a year in the source does not back a claim that adds the day', async () => {
  const claim = await verdictOf('A documentary by Anna Velmor premiered at the Lakeside Film Festival on 14 June 2019.');
  assert.notEqual(claim.verdict, 'supported');
});

test('a camel-case name the source writes as one word is found', async () => {
  const claim = await verdictOf('Anna Velmor founded BrightKettle in 2012 with two former classmates.');
  assert.equal(claim.verdict, 'supported', claim.reason);
});
