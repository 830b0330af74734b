import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cursor, DRAFT_URI, harborService } from '../protocol/fixtures.ts';
import { openQuoteBefore } from '../../server/src/service/features/completion.ts';
import type { SourcedService } from '../../server/src/service/api.ts';

test('completes entity names with fuzzy matching, labelled with the canonical name', async () => {
  const service = await harborService();
  for (const typed of ['Okaf', 'okafr']) {
    const { text, position } = cursor(`The deal was signed by ${typed}|`);
    const list = await service.getCompletions({ uri: DRAFT_URI, text }, position);
    const item = list.items.find((i) => i.label === 'Maria Okafor');
    assert.ok(item, `"${typed}" offers Maria Okafor (got ${list.items.map((i) => i.label).join(', ')})`);
    assert.match(item.detail ?? '', /Harbor Commissioner/);
    assert.match((item.documentation as { value: string }).value, /Mentioned in/);
    const edit = item.textEdit as { range: { start: { character: number } }; newText: string };
    assert.equal(edit.newText, 'Maria Okafor');
    assert.equal(edit.range.start.character, text.length - typed.length);
  }
});

test('with resolveDocumentation, name cards are left for resolveCompletion', async () => {
  const service = await harborService();
  const { text, position } = cursor('The deal was signed by Okaf|');
  const list = await service.getCompletions({ uri: DRAFT_URI, text }, position, undefined, { resolveDocumentation: true });
  const item = list.items.find((i) => i.label === 'Maria Okafor');
  assert.ok(item && item.documentation === undefined && item.data);
  const resolved = await service.resolveCompletion(item);
  assert.match((resolved.documentation as { value: string }).value, /Mentioned in/);
  assert.equal(await service.resolveCompletion({ label: 'x' }).then((i) => i.documentation), undefined, 'other items pass through');
});

test('a partly typed full name is replaced as a whole', async () => {
  const service = await harborService();
  const { text, position } = cursor('Then Maria Oka|');
  const list = await service.getCompletions({ uri: DRAFT_URI, text }, position);
  const item = list.items.find((i) => i.label === 'Maria Okafor');
  assert.ok(item);
  const edit = item.textEdit as { range: { start: { character: number } } };
  assert.equal(edit.range.start.character, 'Then '.length);
});

test('after a speaker and an opening quote mark, offers that person’s exact quotes', async () => {
  const service = await harborService();
  const { text, position } = cursor('Okafor said "|');
  const list = await service.getCompletions({ uri: DRAFT_URI, text }, position);
  assert.ok(list.items.length >= 1);
  const words = list.items.map((i) => (i.textEdit as { newText: string }).newText);
  assert.ok(words.some((w) => w.startsWith('This terminal will double our capacity by 2025')), words.join(' | '));
  assert.ok(words.every((w) => w.endsWith('"')), 'closes the quote');
  assert.ok(!words.some((w) => w.includes('waited ten years')), 'not another speaker’s words');
});

test('a curly opening quote is closed with a curly quote; typed words filter', async () => {
  const service = await harborService();
  const { text, position } = cursor('Maria Okafor told reporters: “We exp|”');
  const list = await service.getCompletions({ uri: DRAFT_URI, text }, position);
  const first = list.items[0]?.textEdit as { newText: string; range: { end: { character: number } } };
  assert.ok(first);
  assert.match(first.newText, /^We expect the first ships.*”$/);
  assert.equal(first.range.end.character, text.length, 'replaces the auto-closed quote mark');
});

test('after [^ offers citation keys and adds the footnote definition when missing', async () => {
  const service = await harborService();
  const { text, position } = cursor('The terminal will create 800 jobs.[^|\n');
  const list = await service.getCompletions({ uri: DRAFT_URI, text }, position);
  const item = list.items.find((i) => i.label === 'harbor-deal');
  assert.ok(item, list.items.map((i) => i.label).join(', '));
  assert.equal(list.items[0].label, 'harbor-deal', 'the article supporting the sentence comes first');
  assert.equal((item.textEdit as { newText: string }).newText, 'harbor-deal]');
  const defs = item.additionalTextEdits ?? [];
  assert.equal(defs.length, 1);
  assert.match(defs[0].newText, /\[\^harbor-deal\]: Coastal Times, “Port authority approves harbor expansion”, 2021-03-04\. sources\/harbor-deal\.md/);
  assert.ok(!defs[0].newText.includes('file:'), 'workspace-relative path');
});

test('no footnote definition is added when the draft already has one', async () => {
  const service = await harborService();
  const { text, position } = cursor('Jobs.[^harb|\n\n[^harbor-deal]: Coastal Times.\n');
  const list = await service.getCompletions({ uri: DRAFT_URI, text }, position);
  const item = list.items.find((i) => i.label === 'harbor-deal');
  assert.ok(item);
  assert.equal(item.additionalTextEdits, undefined);
});

test('no name completion inside code or front matter', async () => {
  const service = await harborService();
  const { text, position } = cursor('```\nOkaf|\n```\n');
  const list = await service.getCompletions({ uri: DRAFT_URI, text }, position);
  assert.equal(list.items.length, 0);
});

test('openQuoteBefore finds only unclosed quotes and finishes on quote floods', { timeout: 60_000 }, () => {
  assert.equal(openQuoteBefore('a "b" c', 0, 7), undefined);
  assert.equal(openQuoteBefore('a "b" c "d', 0, 10), 8);
  assert.equal(openQuoteBefore('a “b', 0, 4), 2);
  const flood = '"'.repeat(100_000);
  // Finishing at all is the check (a quadratic scan of 100,000 quotes would hang the run).
  assert.equal(openQuoteBefore(flood, 0, flood.length), undefined, 'an even flood closes every quote');
});

const newText = (i: { textEdit?: unknown }) => (i.textEdit as { newText: string }).newText;

/** What each completion item would insert where `typed` follows `lead` in a draft. */
const inserted = (service: SourcedService, lead: string) => async (typed: string) => {
  const { text, position } = cursor(`${lead}${typed}|`);
  return (await service.getCompletions({ uri: DRAFT_URI, text }, position)).items.map(newText);
};

test('quotes rank by how well the typed words match, then by how many articles repeat them', async () => {
  const service = await harborService([
    { uri: 'file:///ws/sources/ferry-a.md', text: 'Ferry chief Idris Voss spoke on Monday. "Fares will stay low this winter," Voss said. "The new ferry sails in May," Voss added. "Crews deserve a raise before winter fares rise," Voss said.\n' },
    { uri: 'file:///ws/sources/ferry-b.md', text: 'Idris Voss, the ferry chief, met crews. "The new ferry sails in May," Voss said again.\n' },
  ]);
  const at = inserted(service, 'Idris Voss said "');
  // Nothing typed: the quote two articles carry comes first.
  assert.match((await at(''))[0], /^The new ferry sails in May/);
  // Typed words: the quote starting with them, then one holding them all, before one holding only some.
  const winter = await at('winter fares');
  assert.match(winter[0], /^Crews deserve a raise before winter fares rise/, winter.join(' | '));
  const fares = await at('Fares will');
  assert.match(fares[0], /^Fares will stay low/);
  const words = await at('stay winter');
  assert.match(words[0], /^Fares will stay low this winter/, words.join(' | '));
  assert.ok(words.indexOf(words.find((w) => w.startsWith('Crews'))!) > 0);
});

test('with no speaker named, an opening of common words finds the quotations starting so, repeated ones first', async () => {
  const service = await harborService([
    { uri: 'file:///ws/sources/tide-a.md', text: 'Pilot Ines Barros spoke. "We are ready for the spring tides," Barros said. "We are not worried," she added.\n' },
    { uri: 'file:///ws/sources/tide-b.md', text: 'The port said: "We are not worried." Crews agreed that "we are ready" was true. "Nobody said we are late," a clerk said.\n' },
    { uri: 'file:///ws/sources/tide-c.md', text: 'A clerk wrote: “Café owners say we are busy.” Another said "Wé áre open".\n' },
  ]);
  const at = inserted(service, 'The port wrote "');
  // "We are": words the search index drops; the quotation two articles carry comes first, then those
  // starting so in corpus order, then those holding the words; accents and case do not matter.
  const got = await at('We are');
  assert.deepEqual(got, ['We are not worried,"', 'We are ready for the spring tides,"', 'we are ready"', 'Wé áre open"', 'Nobody said we are late,"', 'Café owners say we are busy."']);
  assert.deepEqual(await at('we ar'), got, 'the last word typed as a word\'s start');
  assert.deepEqual(await at('late nobody'), ['Nobody said we are late,"'], 'every typed word, in any order');
  assert.deepEqual(await at('We'), [], 'fewer than three letters: nothing');
  assert.deepEqual(await at('id we are'), ['Nobody said we are late,"'], 'the first typed word as the end of a longer one');
  assert.deepEqual(await at('orried'), ['We are not worried,"'], 'one typed word anywhere in a word');
});

test('citation keys rank by how well the typed key matches, then by support for the sentence', async () => {
  const service = await harborService([
    { uri: 'file:///ws/sources/2021-harbor-update.md', text: '---\ntitle: "Terminal work begins"\n---\nWork on the Elmsworth terminal began in June.\n' },
    { uri: 'file:///ws/sources/port-notes.md', text: '---\ntitle: "Harbor fees rise"\n---\nFees at the harbor rose by 5% this spring.\n' },
    { uri: 'file:///ws/sources/harbor-archive.md', text: '---\ntitle: "An old story"\n---\nThe old pier closed in 1990.\n' },
  ]);
  const labels = async (marked: string) => {
    const { text, position } = cursor(marked);
    return (await service.getCompletions({ uri: DRAFT_URI, text }, position)).items.map((i) => i.label);
  };
  const harb = await labels('The terminal will create 800 jobs.[^harb|\n');
  // Keys starting with "harb" first (the one supporting the sentence before the other), then a key with a
  // part starting so, then a title word.
  assert.deepEqual(harb.slice(0, 4), ['harbor-deal', 'harbor-archive', '2021-harbor-update', 'port-notes'], harb.join(', '));
  const fees = await labels('Fees rose.[^fee|\n');
  assert.deepEqual(fees, ['port-notes'], 'a title word matches when no key does');
});

test('a given name and a later word\'s initial complete names with middle words, particles or hyphens', async () => {
  const service = await harborService([
    { uri: 'file:///ws/sources/club.md', text: 'Striker Josep Antoni Revell scored. Actor Robert De Nardo watched. Coach Sven-Gustav Elmqvist smiled. President Harold W Bramley spoke.\n' },
  ]);
  for (const [typed, want] of [['Josep R', 'Josep Antoni Revell'], ['Robert N', 'Robert De Nardo'], ['Sven-Gustav E', 'Sven-Gustav Elmqvist'], ['Harold B', 'Harold W Bramley']]) {
    const { text, position } = cursor(`The story was about ${typed}|`);
    const labels = (await service.getCompletions({ uri: DRAFT_URI, text }, position)).items.map((i) => i.label);
    assert.equal(labels[0], want, `"${typed}": ${labels.join(', ')}`);
  }
});
