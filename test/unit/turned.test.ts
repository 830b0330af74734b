// Claims that keep every name and figure of their source and turn one judgement round: a result against
// expectations ("better than expected" for "weaker than forecast"), a level reached for a level kept
// ("edged down to 5.4%" for "stayed at 5.4%"), a side taken ("came out against" for "welcomed"), a rank
// ("the world's second biggest" for "the world's biggest").
// Invented corpus; each changed claim is checked beside its faithful form, which must stay supported.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Claim } from '../../server/src/service/types.ts';
import { oneClaimAgainst } from './fixtures/oneClaim.ts';
import { stancesIn } from '../../server/src/service/check/expectation.ts';

const verdictOf = oneClaimAgainst([
  {
    uri: 'file:///corpus/velmar-economy.md',
    text:
      '# Velmar spending slows\n\nFigures from the Velmar trade ministry showed household spending grew just 0.4% in March. The figure was weaker than forecast and well below the 1.1% rise in February.\n\n' +
      'The Velmar statistics office said its index of factory prices rose by 0.6% in April - in line with forecasts.\n\n' +
      'The Velmar jobless rate stayed at 6.2% in May, while wages rose by 3.1%.\n\n' +
      'The Ostland central bank raised its main interest rate to 3.25% on Thursday.\n',
  },
  {
    uri: 'file:///corpus/pensions.md',
    text:
      '# Pension age plan\n\nThe Velmar Federation of Small Traders welcomed the latest proposal on pension ages from the labour ministry.\n\n' +
      'Unions in Orrin said the plan would cost jobs.\n\nThe detainees went to the high court after the appeal court backed the ministry\'s powers to hold them.\n\nJudges ruled against the port plan in May.\n',
  },
  {
    uri: 'file:///corpus/games.md',
    text: '# Who plays\n\nAnalyst Rhea Tam said sports games attracted 90% of young males, while puzzle games drew older players.\n\nWinger Ivo Randal broke his foot during the league win at Kessing and will miss six weeks.\n\nYoung women and men both play puzzle games; the side suffered a defeat in March.\n',
  },
  {
    uri: 'file:///corpus/shops.md',
    text: '# Velmar shop sales\n\nVelmar retail sales fell 0.3% in January, the biggest drop for a year.\n\nIn December, if cars are excluded, Velmar retail sales rose 0.3% on the month.\n\nThe courts council suggested a one-third discount off sentences for early guilty pleas.\n\nRunner Ivo Randal won the indoor 800m title in Manchster on Sunday.\n\nTomas Berg had treatment on his thigh while leading Ari Pell 5-3. Pell had been trailing all afternoon.\n',
  },
  {
    uri: 'file:///corpus/celltick.md',
    text: '# Phone data\n\nIsraeli technology firm Pellix has found a way to send data across phone networks.\n\nScottish games firm Orrin Play opened a studio in Kessing.\n\nAn Indian bank and a British retailer were also named.\n',
  },
  {
    uri: 'file:///corpus/insurers.md',
    text: '# Storm losses\n\nHarbour Re, the world\'s biggest reinsurer, said it was too early to put a figure on its losses.\n\nTarvo, Velmar\'s third-largest bank, lent the insurers £2bn.\n\nThe second storm of the season hit Velmar in May.\n',
  },
  {
    // The changed claims' own words, written elsewhere, so that none is news no source has.
    uri: 'file:///corpus/elsewhere.md',
    text:
      '# Market round-up\n\nBread prices edged down in June, economists said, a better result than many had expected.\n\n' +
      'Harbour fees were kept unchanged, well above the level traders wanted.\n\n' +
      'Fishing crews came out against the new quotas.\n',
  },
]);

/** The claim with one judgement turned round is contradicted by `source`, the faithful one supported. */
async function contradictedBy(changed: string, faithful: string, source: string): Promise<Claim> {
  const claim = await verdictOf(changed);
  assert.equal(claim.verdict, 'contradicted', claim.reason);
  assert.equal(claim.conflict?.source, source);
  const kept = await verdictOf(faithful);
  assert.equal(kept.verdict, 'supported', kept.reason);
  return claim;
}

test('a result better than expected, where the source says it was weaker than forecast, is contradicted', async () => {
  // The comparison is in the sentence after the one with the figure ("The figure was…").
  const claim = await contradictedBy(
    'Figures from the Velmar trade ministry showed household spending grew 0.4% in March, a better result than economists had expected.',
    'Figures from the Velmar trade ministry showed household spending grew 0.4% in March, a weaker result than economists had expected.',
    'weaker',
  );
  // The fix changes the word that differs: "a weaker result than economists had expected".
  assert.deepEqual([claim.conflict?.draft, claim.conflict?.source], ['better', 'weaker']);
  assert.match(claim.reason, /“weaker than forecast”, not “better result than economists had expected”/);
});

test('a surprise where the source says the result was in line with forecasts is contradicted, and the reverse', async () => {
  await contradictedBy(
    'The Velmar statistics office said its index of factory prices rose by 0.6% in April, well above forecasts.',
    'The Velmar statistics office said its index of factory prices rose by 0.6% in April, as forecast.',
    'in line with forecasts',
  );
  await contradictedBy(
    'Figures from the Velmar trade ministry showed household spending grew 0.4% in March, in line with forecasts.',
    'Figures from the Velmar trade ministry showed household spending grew 0.4% in March, weaker than forecast.',
    'weaker than forecast',
  );
});

test('comparisons with expectations are read on their own axis: a value, a judgement, a time, or any', () => {
  const read = (text: string) => stancesIn(text).map((s) => `${s.axis} ${s.side}`);
  assert.deepEqual(read('Sales rose faster than analysts had predicted.'), ['value 1']);
  assert.deepEqual(read('It was a weaker-than-expected quarter.'), ['judgement -1']);
  assert.deepEqual(read('Profits fell short of market expectations.'), ['any -1']);
  assert.deepEqual(read('Output was in line with expectations.'), ['any 0']);
  // An expected thing is no expectation a result is compared with.
  assert.deepEqual(read('Shares rose ahead of the expected announcement.'), []);
});

test('a level reached where the source says it was kept is contradicted, and the reverse', async () => {
  await contradictedBy('The Velmar jobless rate edged down to 6.2% in May.', 'The Velmar jobless rate stayed at 6.2% in May.', 'stayed at');
  await contradictedBy('The Ostland central bank kept its main interest rate at 3.25% on Thursday.', 'The Ostland central bank raised its main interest rate to 3.25% on Thursday.', 'raised its main interest rate to');
});

test('the other side taken on the same thing contradicts the claim', async () => {
  await contradictedBy(
    'The Velmar Federation of Small Traders came out against the labour ministry\'s latest proposal on pension ages.',
    'The Velmar Federation of Small Traders welcomed the labour ministry\'s latest proposal on pension ages.',
    'welcomed',
  );
});

test('ruling against what the source says a court backed contradicts the claim', async () => {
  await contradictedBy(
    'The detainees went to the high court after the appeal court ruled against the ministry\'s powers to hold them.',
    'The detainees went to the high court after the appeal court backed the ministry\'s powers to hold them.',
    'backed',
  );
});

test('another place among the same superlatives of the same thing contradicts the claim', async () => {
  await contradictedBy(
    "Harbour Re, the world's second biggest reinsurer, said it was too early to put a figure on its losses.",
    "Harbour Re, the world's biggest reinsurer, said it was too early to put a figure on its losses.",
    'biggest',
  );
  // No place is the first: "largest" where the source says "third-largest".
  const claim = await contradictedBy("Tarvo, Velmar's largest bank, lent the insurers £2bn.", "Tarvo, Velmar's third-largest bank, lent the insurers £2bn.", 'third-largest');
  assert.equal(claim.reason, 'The source says “third-largest”, not “largest”.');
});

test('the other sex, and a defeat for a win, between the same words contradict the claim', async () => {
  await contradictedBy('Analyst Rhea Tam said sports games attracted 90% of young women.', 'Analyst Rhea Tam said sports games attracted 90% of young males.', 'males');
  await contradictedBy('Winger Ivo Randal broke his foot during the league defeat at Kessing.', 'Winger Ivo Randal broke his foot during the league win at Kessing.', 'win');
});

test('what differs only in a passage about another month, a loose preposition or a source\'s misspelling is no contradiction', async () => {
  // "fell 0.3% in January" is another month's figure: it says nothing against December's rise.
  const december = await verdictOf('Excluding cars, Velmar retail sales rose 0.3% in December.');
  assert.equal(december.verdict, 'supported', december.reason);
  // "a discount on sentences" is "a discount off sentences".
  const discount = await verdictOf('The courts council suggested a one-third discount on sentences for early guilty pleas.');
  assert.equal(discount.verdict, 'supported', discount.reason);
  // A place one letter off in a claim or a source is the same place.
  const typo = await verdictOf('Runner Ivo Randal won the indoor 800m title in Manchester on Sunday.');
  assert.equal(typo.verdict, 'supported', typo.reason);
});

test('trailing is the opposite of leading', async () => {
  await contradictedBy('Tomas Berg had treatment on his thigh while trailing Ari Pell 5-3.', 'Tomas Berg had treatment on his thigh while leading Ari Pell 5-3.', 'leading');
});

test('one nation for another in the same place contradicts the claim; a broader word for the same is no opposite', async () => {
  await contradictedBy('Indian technology firm Pellix has found a way to send data across phone networks.', 'Israeli technology firm Pellix has found a way to send data across phone networks.', 'Israeli');
  const broader = await verdictOf('British games firm Orrin Play opened a studio in Kessing.');
  assert.notEqual(broader.verdict, 'contradicted', broader.reason);
});
