import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitSentences } from '../../server/src/service/text/sentences.ts';
import { findMentions } from '../../server/src/service/corpus/names.ts';
import { EntityTable, nameKey, type MentionSite } from '../../server/src/service/corpus/entities.ts';
import type { Mention } from '../../server/src/service/types.ts';

function sites(uri: string, text: string): MentionSite[] {
  const sentences = splitSentences(text);
  const out: MentionSite[] = [];
  for (const mention of findMentions(text, sentences)) {
    const sentence = sentences.findIndex((s) => s.start <= mention.start && mention.end <= s.end);
    out.push({ uri, sentence, mention });
  }
  return out;
}
function table(docs: Record<string, string>): EntityTable {
  const t = new EntityTable();
  for (const [uri, text] of Object.entries(docs)) t.setArticle(uri, sites(uri, text));
  return t;
}
const m = (text: string, kind: Mention['kind'] = 'person'): Mention => ({ start: 0, end: text.length, text, kind });

const A = 'US Special Representative for North Korea Martin Ekdahl arrived in Seoul on Sunday. ' +
  'Ekdahl met officials. Ekdahl\'s trip ended. North Korean leader Ri Song-chol did not reply. ' +
  'China and Russia proposed a resolution at the UN Security Council. The Security Council did not vote. ' +
  'Experts at the Foundation for Defense of Democracies (FDD) want more sanctions.';
const B = 'Martin Ekdahl, the U.S. envoy, left Beijing. Ri Song Chol has set a deadline. ' +
  'Ri said the United States must change course. Prime Minister Tony Blair agreed.';
const C = 'Mr Blair said he would stay. Tony Blair spoke in London on Monday.';

test('nameKey ignores case, hyphens, periods, accents and a leading "the"', () => {
  assert.equal(nameKey('Ri Song-chol'), nameKey('Ri Song Chol'));
  assert.equal(nameKey('RI SONG CHOL'), nameKey('Ri Song Chol'));
  assert.equal(nameKey('U.S.'), nameKey('US'));
  assert.equal(nameKey('the Security Council'), 'security council');
  assert.equal(nameKey('José Müller'), 'jose muller');
  assert.equal(nameKey("Ekdahl's"), 'ekdahl');
});

test('surnames, spelling variants, short forms and acronyms resolve to one entity', () => {
  const t = table({ 'a.md': A, 'b.md': B, 'c.md': C });
  const ekdahl = t.lookup('Ekdahl');
  assert.ok(ekdahl);
  assert.equal(ekdahl.name, 'Martin Ekdahl');
  assert.equal(ekdahl.kind, 'person');
  assert.equal(ekdahl.id, 'person:martin ekdahl');
  assert.ok(ekdahl.aliases.includes('Ekdahl'));
  assert.equal(ekdahl.mentions.length, 4);
  assert.deepEqual(ekdahl.roles.map((r) => r.text), ['US Special Representative for North Korea', 'U.S. envoy']);
  assert.equal(ekdahl.roles[0].source.uri, 'a.md');

  const kim = t.lookup('Ri Song Chol');
  assert.ok(kim);
  assert.equal(t.lookup('Ri Song-chol'), kim);
  assert.equal(t.lookup('RI SONG CHOL'), kim);
  assert.ok(kim.mentions.length >= 3, 'lone "Ri" in b.md joins the full name');

  const council = t.lookup('the Security Council');
  assert.ok(council);
  assert.equal(council, t.lookup('UN Security Council'));
  assert.equal(council, t.lookup('United Nations Security Council'));
  assert.equal(t.lookup('FDD'), t.lookup('Foundation for Defense of Democracies'));
  assert.equal(t.lookup('U.S.'), t.lookup('United States'));

  const blair = t.lookup('Blair');
  assert.ok(blair);
  assert.equal(blair.name, 'Tony Blair');
  assert.equal(blair.mentions.length, 3);
  assert.equal(blair.roles[0].text, 'Prime Minister');
});

test('mention locations point at the text of the mention', () => {
  const t = table({ 'a.md': A });
  const e = t.lookup('Martin Ekdahl');
  assert.ok(e);
  for (const loc of e.mentions) assert.match(A.slice(loc.start, loc.end), /Ekdahl$/);
  assert.deepEqual(e.mentions.map((l) => l.sentence), [0, 1, 2]);
});

test('resolve: surname prefers the person the draft names in full, else the most mentioned', () => {
  const t = table({
    'a.md': 'Ri Song Chol met envoys. Ri Song Chol said no. Ri left.',
    'b.md': 'Ri Yo Jong issued a statement. Ri warned Seoul.',
  });
  assert.equal(t.resolve(m('Ri'))?.name, 'Ri Song Chol');
  assert.equal(t.resolve(m('Ri'), [m('Ri Yo Jong'), m('Ri')])?.name, 'Ri Yo Jong');
  assert.equal(t.resolve(m('Ri Yo-jong'))?.name, 'Ri Yo Jong');
  assert.equal(t.resolve(m('Nobody Here')), undefined);
});

test('resolve: "Sir Grant" is the knight the context names in full, not the best-known bearer of "Grant" as a surname', () => {
  const t = table({
    'a.md': 'Singer Amy Grant toured. Amy Grant sang. Grant said the tour was long. Grant smiled.',
    'b.md': 'Police commissioner Sir Grant Halvey spoke on Monday.',
  });
  assert.equal(t.resolve(m('Grant'))?.name, 'Amy Grant');
  assert.equal(t.resolve(m('Grant'), [m('Sir Grant Halvey'), m('Grant')])?.name, 'Grant Halvey');
});

test('Bolton the club stays apart from John Bolton', () => {
  const t = table({
    'p.md': 'National security adviser John Bolton visited Seoul. Bolton said talks would go on.',
    's1.md': 'Bolton boss Sam Allardyce praised the squad after the match. Bolton beat Chelsea 2-0 in the league.',
    's2.md': 'The striker joined Bolton in the transfer window. Bolton boss Sam Allardyce was pleased.',
  });
  const john = t.lookup('John Bolton');
  const club = t.resolve(m('Bolton', 'organization'));
  assert.ok(john && club);
  assert.notEqual(john, club);
  assert.equal(club.kind, 'organization');
  assert.equal(john.mentions.length, 2);
});

test('incremental updates give the same table as a fresh build', () => {
  const t = table({ 'a.md': A, 'b.md': B, 'c.md': C });
  assert.equal(t.lookup('Ekdahl')?.mentions.length, 4);
  t.removeArticle('b.md');
  assert.equal(t.lookup('Ekdahl')?.mentions.length, 3);
  assert.equal(t.lookup('Ekdahl')?.mentionCount, 3);
  t.setArticle('b.md', sites('b.md', B));
  t.setArticle('a.md', sites('a.md', A));
  const fresh = table({ 'a.md': A, 'b.md': B, 'c.md': C });
  const view = (x: EntityTable) => x.entities().map((e) => JSON.parse(JSON.stringify(e)));
  assert.deepEqual(view(t), view(fresh));
  t.removeArticle('a.md');
  t.removeArticle('b.md');
  t.removeArticle('c.md');
  assert.equal(t.entities().length, 0);
});

test('scales to many mentions (a hang guard; `npm run bench` measures speed)', { timeout: 60_000 }, () => {
  const t = new EntityTable();
  const first = ['Anna', 'Ben', 'Carl', 'Dora', 'Emil', 'Fay', 'Gus', 'Hal'];
  for (let d = 0; d < 300; d++) {
    const ss: MentionSite[] = [];
    for (let i = 0; i < 100; i++) {
      const name = i % 3 ? `Surname${(d * 7 + i) % 5000}` : `${first[i % 8]} Surname${(d * 7 + i) % 5000}`;
      ss.push({ uri: `d${d}`, sentence: i, mention: { start: i * 10, end: i * 10 + name.length, text: name, kind: 'person' } });
    }
    t.setArticle(`d${d}`, ss);
  }
  assert.ok(t.entities().length > 0);
});

test('a slogan word before a surname does not take the mentions of the person the article names with a title', () => {
  const t = table({
    'a.md': 'Prime Minister Corvin Hale spoke on Monday. Hale said the poll was close. A rival said: "I have a new slogan. Vote Hale, Get Brindle. That is what I tell people." Hale laughed.',
    'b.md': 'Corvin Hale visited Leeds. Mr Hale met voters.',
  });
  const hale = t.lookup('Corvin Hale');
  assert.ok(hale);
  const inA = hale.mentions.filter((s) => s.uri === 'a.md').length;
  assert.equal(inA, 3); // the full name and two lone surnames
});

test('a card\'s aliases: the surname and other spellings, never a given name alone or the name with a stray word before it', () => {
  const t = table({
    'a.md': 'Prime Minister Corvin Hale spoke on Monday. Corvin said little. Hale laughed.',
    'b.md': 'EU Corvin Hale talks ended. Corvin Hale visited Leeds. Mr Hale met voters. Corvin Hale left.',
    'c.md': 'Corvin Hale visited Hull. Hale said no.',
  });
  const hale = t.lookup('Corvin Hale');
  assert.ok(hale);
  assert.ok(hale.aliases.includes('Hale'), hale.aliases.join(', '));
  assert.ok(!hale.aliases.includes('Corvin'), hale.aliases.join(', '));
  assert.ok(!hale.aliases.some((a) => a.endsWith(' Corvin Hale')), hale.aliases.join(', '));
});

test('a name the corpus marks as a work more often than as a person is not a person', () => {
  const t = table({
    'a.md': 'Critics praised the film Harry Colfax on Monday.',
    'b.md': 'The cast of the film Harry Colfax met the press.',
    'c.md': 'Harry Colfax won three awards.',
    'd.md': 'Singer Dana Morrow sang. Dana Morrow toured. The band of Dana Morrow played.',
  });
  assert.notEqual(t.lookup('Harry Colfax')?.kind, 'person');
  assert.equal(t.lookup('Dana Morrow')?.kind, 'person');
});

test('a title before a lone given name is another person than the full name the article writes', () => {
  const t = table({ 'a.md': 'Party leader Charles Kemble spoke on Monday. Prince Charles visited Leeds. Kemble said the visit was welcome.' });
  const kemble = t.lookup('Charles Kemble');
  assert.ok(kemble);
  assert.ok(!kemble.roles.some((r) => r.text === 'Prince'), JSON.stringify(kemble.roles));
  assert.equal(kemble.mentions.length, 2);
});

test('a rebuild after changes keeps only the entities whose names did not change, and equals a fresh build', () => {
  // Articles made of sentences naming invented people, places and bodies in varied forms (full names,
  // surnames, titles, acronyms), changed one at a time in a fixed pseudo-random order.
  const sentences = [
    'Hanna Virtanen, the harbour director, said the port would grow.', 'Virtanen said the budget was tight.',
    'Ms Virtanen met the Baltic Shipping Council (BSC) in Tallinn.', 'The BSC did not reply.',
    'Oskar Lindqvist of the Northern Rail Union spoke in Riga.', 'Lindqvist said the strike would go on.',
    'Mr Lindqvist and Hanna Virtanen met on Monday.', 'Pilot Oskar Berg said the tide was high.',
    'Berg said the channel needed dredging.', 'The Northern Rail Union met the Baltic Shipping Council.',
    'Mayor Ilse Kask opened the terminal in Tallinn.', 'Kask said Riga would follow.',
  ];
  let seed = 7;
  const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
  const article = () => Array.from({ length: 2 + next(5) }, () => sentences[next(sentences.length)]).join(' ');
  const docs = new Map<string, string>();
  const t = new EntityTable();
  const view = (x: EntityTable) => x.entities().map((e) => JSON.parse(JSON.stringify(e)));
  for (let step = 0; step < 60; step++) {
    const uri = `a${next(8)}.md`;
    if (docs.has(uri) && next(3) === 0) {
      docs.delete(uri);
      t.removeArticle(uri);
    } else {
      docs.set(uri, article());
      t.setArticle(uri, sites(uri, docs.get(uri) ?? ''));
    }
    const fresh = table(Object.fromEntries(docs));
    assert.deepEqual(view(t), view(fresh), `step ${step}`);
    for (const name of ['Virtanen', 'Lindqvist', 'Berg', 'Kask', 'BSC', 'Hanna Virtanen', 'Northern Rail Union']) {
      assert.equal(t.lookup(name)?.id, fresh.lookup(name)?.id, `${name} at step ${step}`);
      assert.equal(t.resolve(m(name))?.id, fresh.resolve(m(name))?.id, `${name} at step ${step}`);
    }
  }
  const last = t.entities();
  t.setArticle('extra.md', sites('extra.md', 'Mayor Ilse Kask opened the terminal in Tallinn.'));
  assert.ok(t.entities().some((e) => last.includes(e)), 'entities of names the change did not touch are kept');
});

test('a short body name joins the full name it fits only when written less often: the "Scottish Labour Party" is not the Labour Party', () => {
  const t = table({
    'a.md': 'The Labour Party met in Orrin. The Labour Party chose a leader.',
    'b.md': 'The Labour Party lost a seat. The Scottish Labour Party held its conference in Kessing.',
    'c.md': 'The Labour Party won in Marsk.',
    'd.md': 'The Scottish Trade Council met in Orrin. The Scottish Trade Council ruled on steel.',
    'e.md': 'The Scottish Trade Council will meet again. The Trade Council ruled on grain.',
  });
  assert.equal(t.lookup('Labour Party')?.name, 'Labour Party');
  assert.equal(t.lookup('Scottish Labour Party')?.name, 'Scottish Labour Party');
  // Written less often than the full name it fits, the short form is that body.
  assert.equal(t.lookup('Trade Council')?.name, 'Scottish Trade Council');
});

test('a clipped body name joins the body it clips when that is written more often ("Harb City" → "Harbour City"); parties\' other names are theirs', () => {
  const t = table({
    'a.md': 'Harbour City won again. Harbour City lead the table. Velmar News reported the win.',
    'b.md': 'Harbour City face Orrin Rovers next. Harb City fans travelled in numbers. Velmar News said so.',
    'c.md': 'The Velmar Newcastle branch closed. Velmar News covered the closure.',
    'd.md': 'The Tories and the Lib Dems voted against the bill. The Conservatives said it was rushed.',
    'e.md': 'The Liberal Democrats and the Conservatives tabled a motion.',
  });
  assert.equal(t.lookup('Harb City')?.name, 'Harbour City');
  // Written more often than the name it would clip, a name whose words begin another's is its own.
  assert.equal(t.lookup('Velmar News')?.name, 'Velmar News');
  assert.equal(t.lookup('Tories')?.id, t.lookup('Conservatives')?.id);
  assert.equal(t.lookup('Lib Dems')?.id, t.lookup('Liberal Democrats')?.id);
});

test('roles are a person\'s titles: an entity the corpus makes something else shows none its mentions carried', () => {
  const t = new EntityTable();
  const site = (uri: string, mention: Mention): MentionSite => ({ uri, sentence: 0, mention });
  // One article takes the tail of "Chief Executive of Vexo Norland" for a person with that role; five
  // others write the same name as a place.
  t.setArticle('file:///a.md', [site('file:///a.md', { ...m('Norland'), role: 'Chief Executive of Vexo' }), site('file:///a.md', { ...m('Dana Quint'), role: 'Chief Executive' })]);
  for (let i = 0; i < 5; i++) t.setArticle(`file:///p${i}.md`, [site(`file:///p${i}.md`, m('Norland', 'place'))]);
  const place = t.lookup('Norland');
  assert.equal(place?.kind, 'place');
  assert.deepEqual(place?.roles, []);
  assert.equal(place?.mentionCount, 6, 'its mentions still count');
  assert.deepEqual(t.lookup('Dana Quint')?.roles.map((r) => r.text), ['Chief Executive']);
});
