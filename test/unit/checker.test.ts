// The checker through the service facade, on a small invented corpus (not the seed articles).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSourcedService } from '../../server/src/service/index.ts';
import type { Claim } from '../../server/src/service/types.ts';

const harbour = `---
title: "Port strike ends after nine days"
outlet: "Coastal Herald"
date: 2021-03-14
---
BRIGHTWATER (Coastal Herald) – A strike at the Brightwater container port ended on Friday after nine days, the dockers' union said.

Union leader Maria Okafor told reporters the deal gave workers a 4% pay rise. "We stood together and we won," she said.

Port director Henrik Lund said the stoppage had cost the port about $12 million in lost fees.

The harbour authority said shipping would return to normal by Monday.
`;

const council = `# Council approves new bridge

Valley Times, 2 April 2021

The town council voted 7-2 on Tuesday to approve a new footbridge over the Alder river.

Mayor Tom Reyes said construction would start in June. "This bridge connects two halves of our town," Reyes said.

The bridge will cost $3.5 million, paid partly by a state grant.
`;

async function setup() {
  const service = createSourcedService();
  await service.upsertSources([
    { uri: 'file:///corpus/harbour.md', text: harbour },
    { uri: 'file:///corpus/council.md', text: council },
  ]);
  return service;
}

async function verdictOf(text: string): Promise<Claim> {
  const service = await setup();
  const report = await service.checkDocument({ uri: 'file:///draft.md', text });
  assert.equal(report.claims.length, 1, `expected one claim in ${JSON.stringify(text)}, got ${JSON.stringify(report.claims.map((c) => c.text))}`);
  return report.claims[0];
}

test('a paraphrase of a source sentence is supported, with that sentence as source', async () => {
  const claim = await verdictOf('Maria Okafor said the agreement gives workers a 4% pay rise.');
  assert.equal(claim.verdict, 'supported', claim.reason);
  assert.match(claim.sources[0].text, /4% pay rise/);
  assert.equal(claim.sources[0].uri, 'file:///corpus/harbour.md');
});

test('a different figure for the same fact is contradicted, naming the sourced figure', async () => {
  const claim = await verdictOf('Henrik Lund said the stoppage cost the port about $120 million in lost fees.');
  assert.equal(claim.verdict, 'contradicted', claim.reason);
  assert.ok(claim.conflict, 'conflict details');
  assert.match(claim.conflict!.source, /12 million/);
});

test('words in quotation marks that no source has are a misquote, with the nearest real words', async () => {
  const claim = await verdictOf('Okafor said: "We stood together and we triumphed."');
  assert.equal(claim.verdict, 'misquoted', claim.reason);
  assert.match(claim.quote?.nearest ?? '', /We stood together and we won/);
});

test('a misquote of a short source quotation is offered the whole quotation', async () => {
  const claim = await verdictOf('Okafor said: "We stood together and so we won the fight."');
  assert.equal(claim.verdict, 'misquoted', claim.reason);
  assert.equal(claim.quote?.nearest, 'We stood together and we won');
});

test('an exact quote with different quote marks and case is not a misquote', async () => {
  const claim = await verdictOf('Reyes said “this bridge connects two halves of our town.”');
  assert.equal(claim.verdict, 'supported', claim.reason);
});

test('a claim about a person the sources never mention is unsourced', async () => {
  const claim = await verdictOf('Governor Alice Tran opened the new footbridge in May.');
  assert.equal(claim.verdict, 'unsourced', claim.reason);
});

test('a claim about a known person that no source makes is unsourced', async () => {
  const claim = await verdictOf('Maria Okafor resigned from the union after the strike.');
  assert.notEqual(claim.verdict, 'supported', claim.reason);
});

test('sentences without names, quotes or figures are not claims', async () => {
  const service = await setup();
  const report = await service.checkDocument({ uri: 'file:///d.md', text: 'Nobody knows what comes next.\n\nTiming matters.' });
  assert.equal(report.claims.length, 0);
});

test('sourced-ignore marks the next paragraph as the writer\'s own analysis', async () => {
  const service = await setup();
  const report = await service.checkDocument({
    uri: 'file:///d.md',
    text: '<!-- sourced-ignore -->\nHenrik Lund will surely resign next year.\n',
  });
  assert.equal(report.claims.filter((c) => c.verdict !== 'supported').length, 0);
  assert.equal(report.diagnostics.length, 0);
});

test('diagnostics carry stable codes and related information', async () => {
  const service = await setup();
  const text = [
    'Henrik Lund said the stoppage cost the port about $120 million in lost fees.',
    '',
    'Governor Alice Tran opened the new footbridge in May.',
    '',
    'Mayor Tom Reyes said construction would start in June.[^x]',
    '',
    '[^y]: Valley Times',
  ].join('\n');
  const diags = await service.getDiagnostics({ uri: 'file:///d.md', text });
  const codes = diags.map((d) => d.code).sort();
  assert.deepEqual(codes, ['contradicted-claim', 'unknown-citation', 'unsourced-claim']);
  const contra = diags.find((d) => d.code === 'contradicted-claim')!;
  assert.ok(contra.relatedInformation && contra.relatedInformation.length > 0);
  assert.equal(contra.relatedInformation![0].location.uri, 'file:///corpus/harbour.md');
});

test('a supported claim without a citation gets an uncited-claim hint with the article key', async () => {
  const service = await setup();
  const diags = await service.getDiagnostics({ uri: 'file:///d.md', text: 'Mayor Tom Reyes said construction of the bridge would start in June.' });
  assert.equal(diags.length, 1);
  assert.equal(diags[0].code, 'uncited-claim');
  assert.equal((diags[0].data as { citationKey?: string }).citationKey, 'council');
});

test('a citation narrows the check to the cited article', async () => {
  const service = await setup();
  const text = 'Mayor Tom Reyes said construction would start in June.[^harbour]\n\n[^harbour]: Coastal Herald, harbour\n';
  const report = await service.checkDocument({ uri: 'file:///d.md', text });
  assert.equal(report.claims[0].verdict, 'unsourced');
  assert.match(report.claims[0].reason, /cited article/);
});

test('re-checking after an edit re-judges only what changed and follows the new text', async () => {
  const service = await setup();
  const base = 'Maria Okafor said the agreement gives workers a 4% pay rise.\n\nThe council voted 7-2 on Tuesday to approve a footbridge.';
  const first = await service.checkDocument({ uri: 'file:///d.md', text: base, version: 1 });
  const edited = base.replace('4%', '9%');
  const second = await service.checkDocument({ uri: 'file:///d.md', text: edited, version: 2 });
  assert.equal(first.claims[0].verdict, 'supported');
  assert.equal(second.claims[0].verdict, 'contradicted');
  assert.equal(second.claims[1].verdict, first.claims[1].verdict);
});

test('a saved index reloads and gives the same verdicts', async () => {
  const service = await setup();
  const json = service.exportIndex();
  const fresh = createSourcedService();
  assert.equal(await fresh.importIndex(json), true);
  assert.equal(fresh.corpus.articleCount, 2);
  const kinds = (x: typeof service) => x.corpus.entities().map((e) => `${e.kind}:${e.name}`).sort();
  assert.deepEqual(kinds(fresh), kinds(service), 'entities, with their kinds, survive the saved index');
  assert.equal(JSON.stringify(fresh.corpus.entities()), JSON.stringify(service.corpus.entities()), 'aliases, roles and mentions too');
  const mentions = (x: typeof service) => [...x.corpus.articles()].map((a) => a.sentences.map((s) => s.mentions));
  assert.deepEqual(mentions(fresh), mentions(service), 'each sentence keeps its mentions as found');
  const text = 'Henrik Lund said the stoppage cost the port about $120 million in lost fees.';
  const a = await service.checkDocument({ uri: 'file:///d.md', text });
  const b = await fresh.checkDocument({ uri: 'file:///d.md', text });
  assert.deepEqual(b.claims.map((c) => c.verdict), a.claims.map((c) => c.verdict));
  assert.equal(await fresh.importIndex('{"format": 999}'), false);
  assert.equal(await fresh.importIndex('not json'), false);
});

test('cancellation stops a check', async () => {
  const service = await setup();
  await assert.rejects(service.checkDocument({ uri: 'file:///d.md', text: 'Tom Reyes spoke.' }, undefined, { isCancellationRequested: true }));
});

/** The verdict on a one-sentence draft against a corpus of one invented article. */
async function verdictAgainst(source: string, draft: string): Promise<Claim> {
  const service = createSourcedService();
  await service.upsertSources([{ uri: 'file:///corpus/source.md', text: source }]);
  const report = await service.checkDocument({ uri: 'file:///draft.md', text: draft });
  assert.equal(report.claims.length, 1);
  return report.claims[0];
}

test('machine-tokenized spacing ("18 - month", "£ 4 m", "Vell - Aro") reads as the written forms', async () => {
  const claim = await verdictAgainst(
    'Midfielder Tomas Vell-Aro joined Harbor-Rovers on an 18-month contract for £4m, the club said.\n',
    'Tomas Vell - Aro joined Harbor - Rovers on an 18 - month contract for £ 4 m.',
  );
  assert.equal(claim.verdict, 'supported', claim.reason);
});

test('an irregular plural or a superlative of a source word is not news ("crises", "deepest")', async () => {
  const claim = await verdictAgainst(
    'Mayor Ilse Varga said the flood was a crisis for Corvale, and the river was deep near the mill.\n',
    'Mayor Ilse Varga said the flood was one of the crises for Corvale, with the river at its deepest near the mill.',
  );
  assert.equal(claim.verdict, 'supported', claim.reason);
});

test('a name with its abbreviation in brackets is found when the source uses the abbreviation', async () => {
  const claim = await verdictAgainst(
    'Passengers were told on Monday that the NFA would cut two ferry routes over the winter to save fuel.\n',
    'The Northshore Ferry Authority (NFA) will cut two ferry routes over the winter to save fuel.',
  );
  assert.equal(claim.verdict, 'supported', claim.reason);
});

test('what an unnamed group said is a claim ("The producers said the cast would…")', async () => {
  const service = await setup();
  const report = await service.checkDocument({ uri: 'file:///draft.md', text: 'The producers said the young cast would receive tutoring during rehearsals.' });
  assert.equal(report.claims.length, 1);
  assert.notEqual(report.claims[0].verdict, 'supported');
  // A forecast someone is said to make is theirs to source, not the writer's own.
  const forecast = await service.checkDocument({ uri: 'file:///draft.md', text: 'Analysts said the Kelvin Bay footbridge could prove costly.' });
  assert.equal(forecast.claims.length, 1);
});

test('questions, sentences about the article itself, inverted judgements, open questions, foreseen debates and hindsight are not claims', async () => {
  const service = await setup();
  const text = [
    'Was the port director right to blame the union?',
    'The rest of this piece looks at how the dockers and the harbour authority reacted.',
    'In this column I weigh the cost of the stoppage.',
    'Seldom has a harbour dispute produced so much bitterness on the quayside.',
    'Whether Mayor Reyes can win back the dockers remains to be seen.',
    'It is too early to say whether the Port Authority will back down.',
    'Whether the Port Authority can keep the quayside open is an open question.',
    'How long the dockers can hold out is anyone’s guess.',
    'Whether Mayor Reyes can keep the ferry running through the winter is another matter.',
    'Few would have predicted such a turnaround for the harbour a few years ago.',
    'The walkout by the Kelvin Bay dockers is likely to reignite the debate over who runs the harbour.',
    'The Kelvin Bay walkout raises uncomfortable questions about how the harbour is run.',
    'It is hard to think of a more bitter dispute on the Kelvin Bay quayside.',
    'The new footbridge could prove a turning point for Kelvin Bay.',
    'Coming from the Kelvin Bay mayor, the criticism is bound to sting.',
    'For commuters tired of the ferry queue, the footbridge could come as a welcome change.',
    'Whether the dockers share the mayor’s appetite for change will only become clear at the ballot.',
    'Whether the harbour authority will heed the union’s call is far from certain.',
    'It is hard to see how the mayor and the union can ever be reconciled.',
    'Just how much the mayor can spend on the quayside will only become clear on budget day.',
    'Few harbour masters of his generation can have left such a lasting mark on Kelvin Bay.',
    'Commuters will no doubt be hoping the ferry returns before the winter.',
    'Few would envy the harbour master the task that lies ahead of him.',
    'It remains to be seen whether the revamped 3-Series ferry can win back commuters.',
    'Whether six minutes of talks in January can settle anything between the dockers and the mayor is anyone’s guess.',
    'Whether the dockers’ goodwill can be turned into votes is the question that will keep the mayor awake at night.',
    'Strikers have broken every deal put in front of them so far, so it would be a surprise if this one held for long.',
    'Few harbour masters would be brave enough to write the ferry off.',
    'Few mayors of any era can claim a record to match Reyes’s.',
    'Few careers on the quayside can have unravelled as quickly as the harbour master’s.',
    'Whether the dockers’ new resolve is enough to win the vote is something only Thursday’s ballot can settle.',
    'For commuters, the real test will be whether the ferry runs on time through the winter.',
    'Here is how the afternoon unfolded.',
    'The new footbridge will be painted green.',
  ].join('\n\n');
  const report = await service.checkDocument({ uri: 'file:///draft.md', text });
  assert.deepEqual(
    report.claims.map((c) => c.text),
    ['The new footbridge will be painted green.'],
    'only the sentence about an event is judged',
  );
});

test('a claim whose main verb no passage about its subject states is unsourced, and says which verb', async () => {
  const service = createSourcedService();
  await service.upsertSources([
    { uri: 'file:///corpus/harbour.md', text: harbour },
    { uri: 'file:///corpus/notes.md', text: '# Harbour notes\n\nA local fisherman apologised for the delay, and a trader sued the council.\n' },
  ]);
  const report = await service.checkDocument({ uri: 'file:///draft.md', text: 'Union leader Maria Okafor apologised to the dockers.' });
  const claim = report.claims[0];
  assert.equal(claim.verdict, 'unsourced', 'the verb is in the corpus, but not said of her');
  assert.match(claim.reason, /^No source says Maria Okafor apologised to the dockers\.$/, 'the verb with the rest of its clause');
  // What she is said to have said has a subject of its own: the message says who said what.
  const reported = await service.checkDocument({ uri: 'file:///draft3.md', text: 'Union leader Maria Okafor said the dockers had sued the council.' });
  assert.equal(reported.claims[0].verdict, 'unsourced');
  assert.match(reported.claims[0].reason, /^No source says Maria Okafor said the dockers had sued the council\.$/);
  const told = await service.checkDocument({ uri: 'file:///draft2.md', text: 'Union leader Maria Okafor told reporters the deal gave workers a 4% pay rise.' });
  assert.equal(told.claims[0].verdict, 'supported', 'the stated event still passes');
});

test('a passage about the subject stating the opposite direction contradicts the claim', async () => {
  const service = createSourcedService();
  await service.upsertSources([
    {
      uri: 'file:///corpus/vote.md',
      text: '# Assembly vote\n\nThe Lowland assembly voted on Tuesday on the fishing quota plan.\n\nAssembly speaker Ilse Varga opposed the fishing quota plan in the vote on Tuesday, saying it came too soon.\n',
    },
    { uri: 'file:///corpus/notes.md', text: '# Harbour notes\n\nA local fisherman said he supported the new harbour rules.\n' },
  ]);
  const report = await service.checkDocument({ uri: 'file:///draft.md', text: 'Assembly speaker Ilse Varga supported the fishing quota plan in the vote on Tuesday.' });
  const claim = report.claims[0];
  assert.equal(claim.verdict, 'contradicted');
  assert.match(claim.reason, /opposed/);
  assert.equal(claim.conflict?.draft, 'supported');
});

test('a synonym most passages use does not state a claim\'s verb; a rarer one does', async () => {
  const crews = Array.from({ length: 30 }, (_, i) => `Crew ${i + 1} ran the night shift on the quay.`).join(' ');
  const sources = [
    { uri: 'file:///corpus/crews.md', text: `# Crews\n\n${crews} The harbour board extended its opening hours.\n` },
    { uri: 'file:///corpus/ferry.md', text: '# Ferry deal\n\nNils Brand ran the ferry contract in March.\n' },
  ];
  const claim = 'Nils Brand extended the ferry contract.';
  const service = createSourcedService();
  await service.upsertSources(sources);
  const ran = (await service.checkDocument({ uri: 'file:///draft.md', text: claim })).claims[0];
  assert.equal(ran.verdict, 'unsourced', '"run" is a WordNet synonym of "extend", but dozens of sentences use it');
  assert.match(ran.reason, /No source says Nils Brand extended/);
  const rarer = createSourcedService();
  await rarer.upsertSources([...sources, { uri: 'file:///corpus/renewal.md', text: '# Renewal\n\nNils Brand broadened the ferry contract in May.\n' }]);
  const lengthened = (await rarer.checkDocument({ uri: 'file:///draft.md', text: claim })).claims[0];
  assert.equal(lengthened.verdict, 'supported', '"broaden", a synonym few sentences use, states it');
});

test('a source pronoun after a surname alone resolves through the full name written earlier in the article', async () => {
  const service = createSourcedService();
  await service.upsertSources([
    {
      uri: 'file:///corpus/court.md',
      text: '# Court\n\nA jury has charged ferry owner Jana Holt with fraud. In court, Holt, 54, was accused of forging safety records. She faces a fine of $40,000 if convicted.\n',
    },
    { uri: 'file:///corpus/other.md', text: '# Other\n\nA trader faces a fine of $900 and Holt Street was closed.\n' },
  ]);
  const report = await service.checkDocument({ uri: 'file:///draft.md', text: 'Jana Holt was charged with fraud. She faces a fine of $40,000 if convicted.' });
  assert.deepEqual(report.claims.map((c) => c.verdict), ['supported', 'supported']);
});

test('a state the sources do not give the subject is unsourced, even when the rest of the passage matches', async () => {
  const service = createSourcedService();
  await service.upsertSources([
    {
      uri: 'file:///corpus/conference.md',
      text: "# Conference\n\nHarbour chief Maria Okafor told the union's spring conference she was proud of the port's safety record.\n",
    },
    { uri: 'file:///corpus/market.md', text: '# Market\n\nA fish trader said he was ashamed of the queues at the market.\n' },
  ]);
  const claim = (
    await service.checkDocument({ uri: 'file:///draft.md', text: "Harbour chief Maria Okafor told the union's spring conference she was ashamed of the port's safety record." })
  ).claims[0];
  assert.equal(claim.verdict, 'unsourced');
  assert.match(claim.reason, /No source says Maria Okafor was ashamed/);
  const proud = (
    await service.checkDocument({ uri: 'file:///draft2.md', text: "Harbour chief Maria Okafor told the union's spring conference she was proud of the port's safety record." })
  ).claims[0];
  assert.equal(proud.verdict, 'supported');
});

test('a swapped place contradicts only from the same slot of the passage', async () => {
  const service = createSourcedService();
  await service.upsertSources([
    { uri: 'file:///corpus/fines.md', text: '# Fines\n\nMeeting in Berlin on Monday, the ferry union voted to take legal action against Madrid over the harbour fines.\n' },
  ]);
  const claim = (await service.checkDocument({ uri: 'file:///draft.md', text: 'The ferry union voted on Monday to take legal action against Paris over the harbour fines.' })).claims[0];
  assert.equal(claim.verdict, 'contradicted');
  assert.match(claim.reason, /The sources say this of Madrid, not Paris/, 'the place after the same preposition, not the meeting place');
});

test('a country abbreviation before a noun describes and need not be sourced; after a preposition it locates', async () => {
  const service = createSourcedService();
  await service.upsertSources([
    { uri: 'file:///corpus/host.md', text: '# Host\n\nTalk show host Dana Ruiz had a heart attack last week, she wrote on her blog.\n' },
    { uri: 'file:///corpus/other.md', text: '# Trade\n\nThe EU and the UK agreed new steel quotas.\n' },
  ]);
  const described = (await service.checkDocument({ uri: 'file:///draft.md', text: 'UK talk show host Dana Ruiz had a heart attack last week.' })).claims[0];
  assert.equal(described.verdict, 'supported');
  const located = (await service.checkDocument({ uri: 'file:///draft2.md', text: 'Talk show host Dana Ruiz had a heart attack in the UK last week.' })).claims[0];
  assert.equal(located.verdict, 'unsourced');
});
