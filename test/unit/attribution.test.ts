// Misattributed quotations through the service facade, on a small invented corpus: the right words given
// to the wrong person are flagged `misattributed-quote` with the real speaker; the same person under
// another name form, an unknown speaker on either side, and words both people said are not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TextEdit } from 'vscode-languageserver-types';
import { createSourcedService, type SourcedService } from '../../server/src/service/index.ts';
import { defaultSettings } from '../../server/src/service/api.ts';
import type { ClaimDiagnosticData } from '../../server/src/service/features/diagnostics.ts';

const BUDGET_URI = 'file:///corpus/budget.md';
const BUDGET = `---
title: "Holt defends spring budget"
outlet: "Valley Courier"
date: 2022-03-09
---
Finance minister Jana Holt defended her spring budget on Tuesday against attacks from the opposition.

"We will not raise the fuel duty this year, whatever the pressure from the treasury," Ms Holt told reporters outside parliament.

"Families have carried enough of the burden already."

Opposition leader Tomas Brandt said the plan was "a fantasy budget built on borrowed hope" and called for a vote.

Mr Brandt told the Courier: "The minister has promised roads, schools and tax cuts with the same single coin."

Later, Brandt accused Ms Holt of "hiding the deficit" from voters in the northern regions.

Earlier this week the finance minister told a conference in Lowbridge that the deficit would shrink by half within two years.

"The numbers are on our side and the markets know it," she said.
`;

const HARVEST_URI = 'file:///corpus/harvest.md';
const HARVEST = `---
title: "Farmers count the cost of a wet harvest"
outlet: "Valley Courier"
date: 2022-09-14
---
Grain farmers in the Orrin valley lost a third of their wheat to the rains, the growers' association said.

Association chair Ilse Maren and the regional agriculture officer Paul Dussel visited flooded fields near Kessing on Monday.

"Nobody in this valley has seen a summer like it since the records began."

Dussel said the ministry would pay for new drainage. "We cannot let these fields drown twice," he said.

At a later meeting Maren said: "We cannot let these fields drown twice."
`;

async function service(): Promise<SourcedService> {
  const s = createSourcedService();
  await s.upsertSources([
    { uri: BUDGET_URI, text: BUDGET },
    { uri: HARVEST_URI, text: HARVEST },
  ]);
  return s;
}

async function check(text: string, settings = defaultSettings) {
  const s = await service();
  const report = await s.checkDocument({ uri: 'file:///draft.md', text }, settings);
  return { s, report, text };
}

function codes(report: Awaited<ReturnType<typeof check>>['report']): string[] {
  return report.diagnostics.map((d) => String(d.code));
}

test('words the sources give to another speaker are misattributed, naming the real speaker and the passage', async () => {
  const { report } = await check('Tomas Brandt told reporters: "We will not raise the fuel duty this year, whatever the pressure from the treasury."\n');
  assert.equal(report.claims.length, 1);
  const claim = report.claims[0];
  assert.equal(claim.verdict, 'misquoted', claim.reason);
  assert.equal(claim.reason, 'The sources give these words to Jana Holt.');
  assert.match(claim.sources[0].text, /fuel duty/);
  const [d] = report.diagnostics;
  assert.equal(d.code, 'misattributed-quote');
  assert.equal(d.message, 'The sources give these words to Jana Holt.');
  assert.equal(d.severity, 1);
  assert.equal(d.relatedInformation?.[0].location.uri, BUDGET_URI);
  assert.match(d.relatedInformation?.[0].message ?? '', /fuel duty/);
  const data = d.data as ClaimDiagnosticData;
  assert.equal(data.replacement?.newText, 'Jana Holt');
  assert.deepEqual(data.replacement?.range, claim.attribution?.draftRange);
  assert.equal(claim.attribution?.draft, 'Tomas Brandt');
});

test('the draft’s speaker is read before or after the quotation', async () => {
  const words = 'We will not raise the fuel duty this year, whatever the pressure from the treasury.';
  for (const text of [`"${words}" said Mr Brandt.`, `"${words}" Tomas Brandt told the Courier.`, `According to Tomas Brandt, "${words}"`]) {
    const { report } = await check(`${text}\n`);
    assert.deepEqual(codes(report).filter((c) => c !== 'uncited-claim'), ['misattributed-quote'], text);
  }
});

test('renaming the speaker in the sentence after the quotation re-judges the quotation', async () => {
  const s = await service();
  const words = '"We will not raise the fuel duty this year, whatever the pressure from the treasury."';
  const first = await s.checkDocument({ uri: 'file:///draft.md', text: `${words} Tomas Brandt told the Courier.\n` });
  assert.ok(codes(first).includes('misattributed-quote'), codes(first).join(', '));
  const second = await s.checkDocument({ uri: 'file:///draft.md', text: `${words} Jana Holt told the Courier.\n` });
  assert.ok(!codes(second).includes('misattributed-quote'), codes(second).join(', '));
  const third = await s.checkDocument({ uri: 'file:///draft.md', text: `${words}   Tomas Brandt told the Courier.\n` });
  const d = third.diagnostics.find((x) => x.code === 'misattributed-quote');
  assert.ok(d, codes(third).join(', '));
  const range = (d.data as ClaimDiagnosticData).replacement!.range;
  assert.equal(range.start.character, words.length + 3);
});

test('the same person under another name form is not a misattribution', async () => {
  // A first name alone, as entertainment and sports copy often writes it ("Jana said").
  for (const speaker of ['Jana Holt', 'Holt', 'Ms Holt', 'Finance minister Jana Holt', 'Jana']) {
    const { report } = await check(`${speaker} told reporters: "We will not raise the fuel duty this year, whatever the pressure from the treasury."\n`);
    assert.deepEqual(codes(report).filter((c) => c === 'misattributed-quote'), [], speaker);
    assert.equal(report.claims[0].verdict, 'supported', `${speaker}: ${report.claims[0].reason}`);
  }
});

test('a speaker written with an affiliation is the person, not the organisation ("Tomas Brandt of the Valley Party said")', async () => {
  const words = 'We will not raise the fuel duty this year, whatever the pressure from the treasury.';
  const { report } = await check(`Tomas Brandt of the Valley Party said: "${words}"\n`);
  assert.ok(codes(report).includes('misattributed-quote'), codes(report).join(', '));
  assert.equal(report.claims[0].reason, 'The sources give these words to Jana Holt.');
  const right = await check(`Jana Holt of the Valley Party said: "${words}"\n`);
  assert.deepEqual(codes(right.report).filter((c) => c === 'misattributed-quote'), []);
});

test('a speaker written after a title after the quotation is read ("said Valley Party spokesman Tomas Brandt")', async () => {
  const { report } = await check('"We will not raise the fuel duty this year, whatever the pressure from the treasury," said Valley Party spokesman Tomas Brandt.\n');
  assert.equal(report.claims[0].verdict, 'misquoted', report.claims[0].reason);
  assert.match(report.claims[0].reason, /Jana Holt/);
  const right = await check('"We will not raise the fuel duty this year, whatever the pressure from the treasury," said Finance minister Jana Holt.\n');
  assert.deepEqual(codes(right.report).filter((c) => c === 'misattributed-quote'), []);
});

test('a surname in the draft gets the real speaker’s surname in the fix', async () => {
  const { report } = await check('Brandt said: "We will not raise the fuel duty this year, whatever the pressure from the treasury."\n');
  const d = report.diagnostics.find((x) => x.code === 'misattributed-quote');
  assert.ok(d, codes(report).join(', '));
  assert.equal((d.data as ClaimDiagnosticData).replacement?.newText, 'Holt');
});

test('an unattributed quotation paragraph continues the last speaker', async () => {
  const wrong = await check('Tomas Brandt said: "Families have carried enough of the burden already."\n');
  assert.equal(wrong.report.claims[0].verdict, 'misquoted', wrong.report.claims[0].reason);
  assert.match(wrong.report.claims[0].reason, /Jana Holt/);
  const right = await check('Jana Holt said: "Families have carried enough of the burden already."\n');
  assert.deepEqual(codes(right.report).filter((c) => c === 'misattributed-quote'), []);
});

test('speakers written after the quote, before it with a colon, and by pronoun for a title are read', async () => {
  // "Mr Brandt told the Courier: "…""
  const colon = await check('Jana Holt said: "The minister has promised roads, schools and tax cuts with the same single coin."\n');
  assert.match(colon.report.claims[0].reason, /Tomas Brandt/);
  // "…," she said: after "the finance minister told a conference", the one person the text is about.
  const pronoun = await check('Tomas Brandt said: "The numbers are on our side and the markets know it."\n');
  assert.match(pronoun.report.claims[0].reason, /Jana Holt/);
});

test('a partial quotation counts where the source sentence says the same around it', async () => {
  const wrong = await check('Jana Holt accused Tomas Brandt of "hiding the deficit" from voters in the northern regions.\n');
  assert.equal(wrong.report.claims[0].verdict, 'misquoted', wrong.report.claims[0].reason);
  assert.match(wrong.report.claims[0].reason, /Tomas Brandt/);
  const right = await check('Tomas Brandt accused Jana Holt of "hiding the deficit" from voters in the northern regions.\n');
  assert.deepEqual(codes(right.report).filter((c) => c === 'misattributed-quote'), []);
  const phrase = await check('Jana Holt said the plan was "a fantasy budget built on borrowed hope".\n');
  assert.match(phrase.report.claims[0].reason, /Tomas Brandt/);
});

test('words both people said are not misattributed to either', async () => {
  for (const speaker of ['Paul Dussel', 'Ilse Maren']) {
    const { report } = await check(`${speaker} said: "We cannot let these fields drown twice."\n`);
    assert.deepEqual(codes(report).filter((c) => c === 'misattributed-quote'), [], speaker);
  }
});

test('an open source speaker, or a pronoun or unknown speaker in the draft, is never a misattribution', async () => {
  // Two people named before an unattributed quotation paragraph: the sources leave the speaker open.
  const open = await check('Paul Dussel said: "Nobody in this valley has seen a summer like it since the records began."\n');
  assert.deepEqual(codes(open.report).filter((c) => c === 'misattributed-quote'), []);
  const pronoun = await check('He told reporters: "We will not raise the fuel duty this year, whatever the pressure from the treasury."\n');
  assert.deepEqual(codes(pronoun.report).filter((c) => c === 'misattributed-quote'), []);
  const group = await check('The opposition said: "We will not raise the fuel duty this year, whatever the pressure from the treasury."\n');
  assert.deepEqual(codes(group.report).filter((c) => c === 'misattributed-quote'), []);
});

test('the misattributed-quote severity setting applies, and off hides it', async () => {
  const text = 'Tomas Brandt told reporters: "We will not raise the fuel duty this year, whatever the pressure from the treasury."\n';
  const warn = await check(text, { ...defaultSettings, severity: { ...defaultSettings.severity, 'misattributed-quote': 'warning' } });
  assert.deepEqual(warn.report.diagnostics.map((d) => [d.code, d.severity]), [['misattributed-quote', 2]]);
  const off = await check(text, { ...defaultSettings, severity: { ...defaultSettings.severity, 'misattributed-quote': 'off' } });
  assert.deepEqual(off.report.diagnostics, []);
  assert.equal(off.report.claims[0].verdict, 'misquoted');
});

test('the quick fix names the real speaker, and the fixed draft is supported', async () => {
  const { s, report, text } = await check('Intro.\n\nAs Tomas Brandt told reporters: "We will not raise the fuel duty this year, whatever the pressure from the treasury."\n');
  const d = report.diagnostics.find((x) => x.code === 'misattributed-quote');
  assert.ok(d, codes(report).join(', '));
  const actions = await s.getCodeActions({ uri: 'file:///draft.md', text }, d.range, [d]);
  const fix = actions.find((a) => a.title === 'Attribute the quotation to Jana Holt');
  assert.ok(fix, actions.map((a) => a.title).join(', '));
  assert.equal(fix.isPreferred, true);
  const fixed = apply(text, fix.edit!.changes!['file:///draft.md']);
  assert.equal(fixed, 'Intro.\n\nAs Jana Holt told reporters: "We will not raise the fuel duty this year, whatever the pressure from the treasury."\n');
  const again = await s.checkDocument({ uri: 'file:///draft.md', text: fixed });
  assert.deepEqual(codes(again).filter((c) => c === 'misattributed-quote' || c === 'misquote'), []);
});

// Paragraphs run together on one line, as in the BBC files: a quote that lost its closing mark at its
// paragraph's end, and "she" after a sentence that names another person after the pronoun.
const RELAY = `Sprinter Dara Okafor says her relay win has made her hungry for more. The 24-year-old beat Lena Vos on the final leg in Lisbon. "It has made me believe I can reach the top. I don't see why not," she said. Okafor has yet to decide on her indoor season. She has confirmed a race against Mira Halden in Ghent next month. She added: "Ghent will tell me where I stand before the summer." Coach Pieter Laan said the squad had "never been stronger. Laan also said the programme would grow. The squad's manager, Sofie Marten, said the budget was tight. "We have had to cut two training camps this winter."
`;

/** The verdict and reason for `speaker said: "quote"` against the RELAY article. */
async function relayCheck(speaker: string, quote: string) {
  const s = createSourcedService();
  await s.upsertSources([{ uri: 'file:///corpus/relay.md', text: RELAY }]);
  const { claims } = await s.checkDocument({ uri: 'file:///draft.md', text: `${speaker} said: "${quote}"\n` });
  return { verdict: claims[0].verdict, reason: claims[0].reason };
}

test('a pronoun opening its sentence stands for the last sentence\'s subject, not for names after it', async () => {
  const quote = 'Ghent will tell me where I stand before the summer.';
  const wrong = await relayCheck('Mira Halden', quote);
  assert.equal(wrong.verdict, 'misquoted', wrong.reason);
  assert.match(wrong.reason, /Dara Okafor/);
  assert.equal((await relayCheck('Dara Okafor', quote)).verdict, 'supported');
});

test('a quotation mark opening a new sentence ends a quote left open, and takes its own speaker', async () => {
  const quote = 'We have had to cut two training camps this winter.';
  const wrong = await relayCheck('Pieter Laan', quote);
  assert.equal(wrong.verdict, 'misquoted', wrong.reason);
  assert.match(wrong.reason, /Sofie Marten/);
  assert.equal((await relayCheck('Sofie Marten', quote)).verdict, 'supported');
});

const ROVERS_URI = 'file:///corpus/rovers.md';
const ROVERS = `---
title: "Rovers edge past the Larks"
outlet: "Valley Courier"
date: 2022-10-02
---
Rovers coach Anton Veit and his assistant Lena Ostrova praised the forwards after the 2-1 win over the Larks on Saturday.

"They did very well in the second half and the back four played some fantastic football," he said.

Larks manager Bruno Kessel said his side had lacked belief in front of goal.
`;

test('a source speaker written "he" is someone named before the words: a draft speaker named only after them is wrong', async () => {
  const s = createSourcedService();
  await s.upsertSources([{ uri: ROVERS_URI, text: ROVERS }]);
  const words = '"They did very well in the second half and the back four played some fantastic football."';
  const judge = async (speaker: string) => (await s.checkDocument({ uri: 'file:///draft.md', text: `${speaker} said: ${words}\n` })).claims[0];
  const wrong = await s.checkDocument({ uri: 'file:///draft.md', text: `Bruno Kessel said: ${words}\n` });
  const claim = wrong.claims[0];
  assert.equal(claim.verdict, 'misquoted', claim.reason);
  assert.equal(claim.reason, 'The source gives these words to someone it names before them (“he”), not to Bruno Kessel.');
  assert.match(claim.sources[0].text, /back four/);
  const d = wrong.diagnostics.find((x) => x.code === 'misattributed-quote');
  assert.ok(d, JSON.stringify(wrong.diagnostics));
  // Who said them is not known, so there is no speaker to put in their place.
  assert.equal((d.data as ClaimDiagnosticData).replacement, undefined);
  assert.equal(claim.attribution?.speaker, undefined);
  // Someone the article names before the words may have said them: unknown is never wrong.
  for (const speaker of ['Anton Veit', 'Lena Ostrova', 'Ms Ostrova']) assert.equal((await judge(speaker)).verdict, 'supported', speaker);
});

const NORVANE_URI = 'file:///corpus/norvane.md';
const NORVANE = `---
title: "Norvane executive admits bid-rigging"
outlet: "Valley Courier"
date: 2022-11-04
---
A senior executive at the insurance broker Norvane has pleaded guilty to rigging bids, state attorney Ilse Brandt said.

"We are saddened by the development and we continue to cooperate with the inquiry," Norvane said in a statement.

Shares in Norvane fell 3% after the plea.
`;

test('words the source gives to an organisation are not a person\'s', async () => {
  const s = createSourcedService();
  await s.upsertSources([{ uri: NORVANE_URI, text: NORVANE }]);
  const words = '"We are saddened by the development and we continue to cooperate with the inquiry."';
  const wrong = (await s.checkDocument({ uri: 'file:///draft.md', text: `Asked about the plea, Ilse Brandt said: ${words}\n` })).claims[0];
  assert.equal(wrong.verdict, 'misquoted', wrong.reason);
  assert.equal(wrong.reason, 'The sources give these words to Norvane.');
  const right = (await s.checkDocument({ uri: 'file:///draft.md', text: `Norvane said in a statement: ${words}\n` })).claims[0];
  assert.equal(right.verdict, 'supported', right.reason);
});

const JOBS_URI = 'file:///corpus/jobs.md';
const JOBS = `---
title: "Jobs growth slows"
outlet: "Valley Courier"
date: 2023-01-08
---
The economy added fewer jobs than expected in December, figures showed on Friday.

"It was a respectable report," said Tomas Veit, analyst at Orrin Securities.

"Overall, it looks great compared with last year," said Mira Holt, economist at Kessing Bank.
`;

test('a short quotation given to another person the same story quotes is misattributed', async () => {
  const s = createSourcedService();
  await s.upsertSources([{ uri: JOBS_URI, text: JOBS }]);
  const wrong = (await s.checkDocument({ uri: 'file:///draft.md', text: '"It was a respectable report," said Mira Holt, economist at Velden Capital.\n' })).claims[0];
  assert.equal(wrong.verdict, 'misquoted', wrong.reason);
  assert.equal(wrong.reason, 'The sources give these words to Tomas Veit.');
  const right = (await s.checkDocument({ uri: 'file:///draft.md', text: '"It was a respectable report," said Tomas Veit of Orrin Securities.\n' })).claims[0];
  assert.equal(right.verdict, 'supported', right.reason);
});

test('a short phrase given to a speaker must be in a story that names them', async () => {
  const s = createSourcedService();
  await s.upsertSources([
    { uri: 'file:///corpus/currency.md', text: '# Euro worries\n\nFinance minister Herve Lanz said the world faced "economic catastrophe" unless the US worked with Europe on currency controls.\n' },
    { uri: 'file:///corpus/budget2.md', text: '# Budget row\n\nChancellor Ola Brandt said claims of looming "economic disaster" had proved wrong.\n' },
  ]);
  const wrong = (await s.checkDocument({ uri: 'file:///draft.md', text: 'Finance minister Herve Lanz said the world faced "economic disaster" unless the US worked with Europe on currency controls.\n' })).claims[0];
  assert.equal(wrong.verdict, 'misquoted', wrong.reason);
  assert.match(wrong.reason, /economic catastrophe/);
  const right = (await s.checkDocument({ uri: 'file:///draft.md', text: 'Finance minister Herve Lanz said the world faced "economic catastrophe" unless the US worked with Europe on currency controls.\n' })).claims[0];
  assert.equal(right.verdict, 'supported', right.reason);
});

function apply(text: string, edits: TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  let out = text;
  for (const e of [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

test('"He said" after a sentence opened by a person is that person, when everyone else it names is named in the quotation; "Jan" before a surname is a given name', async () => {
  const s = createSourcedService();
  await s.upsertSources([
    {
      uri: 'file:///corpus/tribute.md',
      text: '# Pilot retires\n\nHarbour master Ilse Maren paid tribute to the retiring pilot on Friday.\n\nUnion leader Jan Dussek praised Paul Orrin\'s "calm under pressure".\n\nHe said: "When Paul Orrin took the wheel in a storm, the whole harbour held its breath."\n',
    },
  ]);
  const report = await s.checkDocument({ uri: 'file:///draft.md', text: 'Ilse Maren said: "When Paul Orrin took the wheel in a storm, the whole harbour held its breath."\n' });
  assert.equal(report.claims[0].verdict, 'misquoted', report.claims[0].reason);
  assert.match(report.claims[0].reason, /Jan Dussek/);
  const right = await s.checkDocument({ uri: 'file:///draft2.md', text: 'Jan Dussek said: "When Paul Orrin took the wheel in a storm, the whole harbour held its breath."\n' });
  assert.equal(right.claims[0].verdict, 'supported', right.claims[0].reason);
});

test('a title joined by "of" before the name that opens a sentence makes that person the subject "he" stands for', async () => {
  const s = createSourcedService();
  await s.upsertSources([
    {
      uri: 'file:///corpus/quay.md',
      text: '# Quay closed\n\nUnion leader Jan Dussek said the dockers would stay calm.\n\nKessing Harbour director of operations Ilse Maren praised the crews for their conduct.\n\n"I would like to highlight the patience of the crews on the quay tonight," she said.\n',
    },
  ]);
  const report = await s.checkDocument({ uri: 'file:///draft.md', text: 'Jan Dussek said: "I would like to highlight the patience of the crews on the quay tonight."\n' });
  assert.equal(report.claims[0].verdict, 'misquoted', report.claims[0].reason);
  assert.match(report.claims[0].reason, /Ilse Maren/);
});

test('a given name the draft writes must be the speaker\'s: a sister sharing the surname is someone else', async () => {
  const s = createSourcedService();
  await s.upsertSources([
    {
      uri: 'file:///corpus/sisters.md',
      text: '# Sisters out\n\nAnna Lindqvist and her sister Maria Lindqvist both lost in the second round at Velden.\n\n"We have been practising hard all winter and the injuries are behind us now," Anna Lindqvist said.\n',
    },
  ]);
  const words = 'We have been practising hard all winter and the injuries are behind us now.';
  const wrong = await s.checkDocument({ uri: 'file:///draft.md', text: `Maria Lindqvist said: "${words}"\n` });
  assert.equal(wrong.claims[0].reason, 'The sources give these words to Anna Lindqvist.');
  for (const speaker of ['Anna Lindqvist', 'Lindqvist', 'Ms Lindqvist']) {
    const right = await s.checkDocument({ uri: 'file:///draft.md', text: `${speaker} said: "${words}"\n` });
    assert.equal(right.claims[0].verdict, 'supported', `${speaker}: ${right.claims[0].reason}`);
  }
});

test('an owner written before the source\'s speaker is not part of the name ("Oxfam\'s Barbara Stocking said")', async () => {
  const s = createSourcedService();
  await s.upsertSources([
    {
      uri: 'file:///corpus/aid.md',
      text: '# Aid falls short\n\nRich countries are giving less in aid than they did in the 1960s, the charity Helpline said on Thursday.\n\n"As rich countries get richer, they give less and less. This must stop," Helpline\'s Ada Korsgaard said.\n\nFinance minister Olaf Brenn said the government had kept its promises.\n',
    },
  ]);
  const { claims } = await s.checkDocument({ uri: 'file:///draft.md', text: 'Olaf Brenn said: "As rich countries get richer, they give less and less. This must stop."\n' });
  assert.equal(claims[0].reason, 'The sources give these words to Ada Korsgaard.');
});

test('a source speaker written with an affiliation is the person ("Lena Marsh of the Velmar Refugee Council said")', async () => {
  const s = createSourcedService();
  await s.upsertSources([
    {
      uri: 'file:///corpus/rules.md',
      text: '# New marriage rules\n\nLena Marsh of the Velmar Refugee Council said the new rules were "unfair and far too harsh on families who have done nothing wrong".\n\nHome minister Olaf Brenn defended the rules.\n',
    },
  ]);
  const words = 'unfair and far too harsh on families who have done nothing wrong';
  const wrong = await s.checkDocument({ uri: 'file:///draft.md', text: `Olaf Brenn said the new rules were "${words}".\n` });
  assert.equal(wrong.claims[0].reason, 'The sources give these words to Lena Marsh.');
  const right = await s.checkDocument({ uri: 'file:///draft.md', text: `Lena Marsh said the new rules were "${words}".\n` });
  assert.equal(right.claims[0].verdict, 'supported', right.claims[0].reason);
});

test('words the source gives to someone it describes and does not name ("A spokesman … said", "He added:") are no named person\'s', async () => {
  const s = createSourcedService();
  await s.upsertSources([
    {
      uri: 'file:///corpus/awards.md',
      text: '# Few prizes for Velmar films\n\nDirector Ada Quist was nominated for best film.\n\nA spokesman for the Velmar Film Council said: "It is disappointing not to have more winners from Velmar this year." He added: "It was extraordinary to have 24 of our films on the first list of nominees."\n',
    },
  ]);
  for (const words of ['It is disappointing not to have more winners from Velmar this year.', 'It was extraordinary to have 24 of our films on the first list of nominees.']) {
    const { claims } = await s.checkDocument({ uri: 'file:///draft.md', text: `Director Ada Quist said: "${words}"\n` });
    assert.equal(claims[0].verdict, 'misquoted', claims[0].reason);
    assert.equal(claims[0].reason, 'The source gives these words to a spokesman for the Velmar Film Council, not to Ada Quist.');
  }
});

test('"the chancellor" speaking is not the shadow chancellor the article names', async () => {
  const s = createSourcedService();
  await s.upsertSources([
    {
      uri: 'file:///corpus/budget-row.md',
      text: '# Budget row\n\nShadow chancellor Ada Quist attacked the spending plans on Monday.\n\nThe chancellor meanwhile insisted his plans were "affordable and fully paid for by the growth we expect".\n',
    },
  ]);
  const { claims } = await s.checkDocument({ uri: 'file:///draft.md', text: 'Olaf Brenn insisted his plans were "affordable and fully paid for by the growth we expect".\n' });
  assert.notEqual(claims[0].reason, 'The sources give these words to Ada Quist.');
});
