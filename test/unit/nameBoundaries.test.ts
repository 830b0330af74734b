// Issue 13: where names start and end, what kind they are across a corpus, bylines and credits, roles
// cleaned, completion by every typed word. All names are invented.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitSentences } from '../../server/src/service/text/sentences.ts';
import { findMentions } from '../../server/src/service/corpus/names.ts';
import { cleanRole } from '../../server/src/service/corpus/roles.ts';
import { EntityTable, type MentionSite } from '../../server/src/service/corpus/entities.ts';
import { createSourcedService } from '../../server/src/service/index.ts';
import type { Mention } from '../../server/src/service/types.ts';
import { cursor } from '../protocol/fixtures.ts';

function find(text: string): Mention[] {
  return findMentions(text, splitSentences(text));
}
const texts = (ms: Mention[]) => ms.map((m) => m.text);

function table(docs: Record<string, string>): EntityTable {
  const t = new EntityTable();
  for (const [uri, text] of Object.entries(docs)) {
    const sentences = splitSentences(text);
    const sites: MentionSite[] = [];
    let si = 0;
    for (const mention of findMentions(text, sentences)) {
      while (si < sentences.length - 1 && sentences[si].end <= mention.start) si++;
      sites.push({ uri, sentence: si, mention });
    }
    t.setArticle(uri, sites);
  }
  return t;
}

test('a run ending with a full name the text writes alone is cut there', () => {
  const ms = find('Harbour plan wins over MPs Maria Okafor has said the plan will go ahead. Later Maria Okafor told reporters she was pleased.');
  assert.ok(!texts(ms).some((t) => /MPs Maria/.test(t)), JSON.stringify(texts(ms)));
  assert.equal(ms.filter((m) => m.text === 'Maria Okafor').length, 2);
});

test('credits and bylines name people with the role the credit gives', () => {
  const ms = find('The council met on Monday.\nReporting by Anwen Tarrow and Kofi Maddox; Editing by Lise Varga');
  const role = (n: string) => ms.find((m) => m.text === n && m.kind === 'person')?.role;
  assert.equal(role('Anwen Tarrow'), 'reporter');
  assert.equal(role('Kofi Maddox'), 'reporter');
  assert.equal(role('Lise Varga'), 'editor');
  assert.deepEqual(texts(find('He was beaten by Orsolya Brandt in the final.')), ['Orsolya Brandt']);
});

test('outlet credits name people: "X, Outlet News", "By X, Outlet, Place", "X, Outlet correspondent in Place"', () => {
  const ms = find('Harbour plan wins support\n\nBy Odile Farrant, Coastline News, Bergen\n\nThe plan was approved on Monday.\n\n' +
    'Linus Orme, Coastline News\n\nKeld Aarup, Nordwire correspondent in Oslo\n\nRovers United, Chelsea, Arsenal\n\nAnna Bellweather, Rovers');
  const person = (n: string) => ms.find((m) => m.text === n && m.kind === 'person');
  assert.equal(person('Odile Farrant')?.role, 'reporter');
  assert.equal(person('Linus Orme')?.role, 'reporter');
  assert.equal(person('Keld Aarup')?.role, 'Nordwire correspondent');
  assert.ok(ms.some((m) => m.text === 'Coastline News' && m.kind === 'organization'));
  // Lists of clubs or a name and a club are no credits.
  assert.ok(!person('Rovers United') && !person('Anna Bellweather'), JSON.stringify(texts(ms)));
});

test('roles are cleaned: repeated words, dangling connectors, dates, clauses', () => {
  assert.equal(cleanRole('Chancellor Chancellor'), 'Chancellor');
  assert.equal(cleanRole('UK Chancellor of the'), 'UK Chancellor');
  assert.equal(cleanRole('October Party leader'), 'Party leader');
  assert.equal(cleanRole('became the longest-serving minister of modern times in 2004'), undefined);
  assert.equal(cleanRole('Acme Inc. Former Widgets chief executive'), 'Former Widgets chief executive');
  assert.equal(cleanRole('managing director'), 'managing director');
});

test('a plural or possessive written without its apostrophe is the same person; a given name alone never joins across articles', () => {
  const t = table({
    'a.md': 'Striker Dario Pell scored twice. Pell said the team played well.',
    'b.md': 'Coach Dario Pell was praised. Pell smiled.',
    'c.md': 'We cannot all be Dario Pells, he said.',
    'd.md': 'Singer Tomas Dario released an album. Dario toured in May.',
    'e.md': 'Dario arrived late.',
  });
  const pell = t.lookup('Dario Pell');
  assert.ok(pell);
  assert.equal(t.lookup('Dario Pells'), pell);
  const dario = t.lookup('Tomas Dario');
  assert.ok(dario && dario !== pell);
  // "Dario" alone in e.md is not Dario Pell (a given name), but may be the surname of Tomas Dario.
  assert.notEqual(t.resolve({ start: 0, end: 5, text: 'Dario', kind: 'person' }), pell);
});

test('a multi-word name used repeatedly without any person evidence is not a person', () => {
  const docs: Record<string, string> = {};
  for (let i = 0; i < 4; i++) docs[`${i}.md`] = `Shares in Vantor Kell rose ${i} points on Monday as Vantor Kell reported its results.`;
  docs['p.md'] = 'Minister Ilse Morrow spoke. Morrow said the budget was fair.';
  const t = table(docs);
  assert.notEqual(t.lookup('Vantor Kell')?.kind, 'person');
  assert.equal(t.lookup('Ilse Morrow')?.kind, 'person');
});

test('completion: every typed word counts, and prominent people come first', async () => {
  const service = createSourcedService();
  const docs = [];
  for (let i = 0; i < 6; i++) docs.push({ uri: `file:///s/a${i}.md`, text: `Minister Corin Haldane said the plan would work. Haldane spoke for an hour.` });
  docs.push({ uri: 'file:///s/b.md', text: 'Singer Hallie Brook played. Brook said she was tired.' });
  docs.push({ uri: 'file:///s/c.md', text: 'Coach Corin Bale resigned. Bale said it was time.' });
  await service.upsertSources(docs);
  const top = async (typed: string) => {
    const { text, position } = cursor(`The story was about ${typed}|`);
    const list = await service.getCompletions({ uri: 'file:///d.md', text }, position);
    return list.items.slice(0, 3).map((i) => i.label);
  };
  assert.equal((await top('Hal'))[0], 'Corin Haldane');
  assert.equal((await top('Corin B'))[0], 'Corin Bale');
  assert.equal((await top('Corin H'))[0], 'Corin Haldane');
  assert.ok((await top('Hallie B')).includes('Hallie Brook'));
});
