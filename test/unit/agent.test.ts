// Who did it: a claim giving its verb to the wrong person or organisation, where the passages that back it
// name both ("The buyer sold the label to the seller"), is contradicted; the faithful claim stays
// supported. Invented corpus.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { oneClaimAgainst } from './fixtures/oneClaim.ts';

const label = `# Brennholt label sold

Luxury goods group Castellane has sold its loss-making Brennholt fashion label to the Orvieto Group, a US investment firm.

The Orvieto Group, which runs a chain of 40 airport shops, said it planned to open new Brennholt stores.
`;

const doping = `# Sprinters cleared

Sprinters Dara Kovacevic and Lena Marsholt have been cleared of doping offences by an independent tribunal.

The pair's former coach, Piotr Haldensky, has been banned for four years.

The pair had missed three drugs tests before the championships in Velmar.
`;

const football = `# Tide beaten again

The Tide, who have now lost four of their last five away games, were beaten 2-0 at Eastport on Saturday.

Rovers defender Tomas Lindqvist would have started at Eastport. But now he has pulled out of the squad with a bruised knee. Harbour Rovers manager Ivo Brandt said his side had to improve.
`;

const awards = `# Brandt is coach of the year

Eastport manager Ola Grieg was named coach of the year in 2025.

Harbour Rovers manager Ivo Brandt thanked his players on Monday after he was named coach of the year.
`;

const election = `# Poll date

Political editor Lars Ekdahl says Premier Ilse Varga will ask the king on 4 May to dissolve parliament.
`;

const search = `# Velto search tool

The Velto desktop search tool has been licensed from a Swiss firm Kestrel Systems. Rival search firms Google Inc and Microsoft Corp launched their own tools in October.
`;

const final = `# Vikse out of the final

Coach Ola Strand picked Jon Vikse for the final. But now he has withdrawn from the final with a knee injury.
`;

/** One indexed corpus for every test (each claim is a draft of its own). */
const verdictOf = oneClaimAgainst([
  { uri: 'file:///corpus/label.md', text: label },
  { uri: 'file:///corpus/doping.md', text: doping },
  { uri: 'file:///corpus/football.md', text: football },
  { uri: 'file:///corpus/awards.md', text: awards },
  { uri: 'file:///corpus/election.md', text: election },
  { uri: 'file:///corpus/search.md', text: search },
  { uri: 'file:///corpus/final.md', text: final },
]);

async function contradicted(changed: string, faithful: string, subject: string, rival: string): Promise<void> {
  const claim = await verdictOf(changed);
  assert.equal(claim.verdict, 'contradicted', claim.reason);
  assert.equal(claim.conflict?.draft, subject);
  assert.equal(claim.conflict?.source, rival);
  const kept = await verdictOf(faithful);
  assert.equal(kept.verdict, 'supported', kept.reason);
}

test('the buyer and the seller swapped: the sources say the sale of the other one', async () => {
  await contradicted(
    'The Orvieto Group has sold the Brennholt label to Castellane.',
    'Castellane has sold the Brennholt label to the Orvieto Group.',
    'Orvieto Group',
    'Castellane',
  );
});

test('cleared and banned given to the wrong people, in a passive claim', async () => {
  await contradicted(
    'Piotr Haldensky has been cleared of doping offences by an independent tribunal.',
    'Dara Kovacevic has been cleared of doping offences by an independent tribunal.',
    'Piotr Haldensky',
    'Dara Kovacevic',
  );
  // The figure ties the coach's sentence to the claim, though it does not back it.
  await contradicted(
    'Dara Kovacevic and Lena Marsholt have been banned for four years.',
    'Piotr Haldensky has been banned for four years.',
    'Dara Kovacevic and Lena Marsholt',
    'Piotr Haldensky',
  );
});

test('a pronoun may be the subject: no rival is named against it', async () => {
  // "…after he was named": Brandt, as the claim says; Grieg was named another year.
  const claim = await verdictOf('Ivo Brandt was named coach of the year.');
  assert.equal(claim.verdict, 'supported', claim.reason);
});

test("an organisation's other name is no rival ('the Tide' for Harbour Rovers)", async () => {
  const claim = await verdictOf('Harbour Rovers have now lost four of their last five away games.');
  assert.notEqual(claim.verdict, 'contradicted', claim.reason);
});

test('"he" stands for the person named before it: the verb said of him is not said of the claim\'s subject', async () => {
  await contradicted(
    'Ivo Brandt has pulled out of the squad with a bruised knee.',
    'Tomas Lindqvist has pulled out of the squad with a bruised knee.',
    'Ivo Brandt',
    'Tomas Lindqvist',
  );
});

test('a swapped name is replaced by the one the passage gives the verb to, not the first it names', async () => {
  const claim = await verdictOf('Premier Tomas Renn will ask the king to dissolve parliament.');
  assert.equal(claim.verdict, 'contradicted', claim.reason);
  assert.equal(claim.conflict?.source, 'Ilse Varga');
});

test('the other party swapped: licensed from another firm than the sources give', async () => {
  await contradicted(
    'Velto has licensed its desktop search tool from Google.',
    'Velto has licensed its desktop search tool from Kestrel Systems.',
    'Google',
    'Kestrel Systems',
  );
});

test('"he" after a sentence naming two people may be either: neither is a rival', async () => {
  const claim = await verdictOf('Jon Vikse has withdrawn from the final with a knee injury.');
  assert.notEqual(claim.verdict, 'contradicted', claim.reason);
});
