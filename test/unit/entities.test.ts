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

const A = 'US Special Representative for North Korea Stephen Biegun arrived in Seoul on Sunday. ' +
  'Biegun met officials. Biegun\'s trip ended. North Korean leader Kim Jong-un did not reply. ' +
  'China and Russia proposed a resolution at the UN Security Council. The Security Council did not vote. ' +
  'Experts at the Foundation for Defense of Democracies (FDD) want more sanctions.';
const B = 'Stephen Biegun, the U.S. envoy, left Beijing. Kim Jong Un has set a deadline. ' +
  'Kim said the United States must change course. Prime Minister Tony Blair agreed.';
const C = 'Mr Blair said he would stay. Tony Blair spoke in London on Monday.';

test('nameKey ignores case, hyphens, periods, accents and a leading "the"', () => {
  assert.equal(nameKey('Kim Jong-un'), nameKey('Kim Jong Un'));
  assert.equal(nameKey('KIM JONG UN'), nameKey('Kim Jong Un'));
  assert.equal(nameKey('U.S.'), nameKey('US'));
  assert.equal(nameKey('the Security Council'), 'security council');
  assert.equal(nameKey('José Müller'), 'jose muller');
  assert.equal(nameKey("Biegun's"), 'biegun');
});

test('surnames, spelling variants, short forms and acronyms resolve to one entity', () => {
  const t = table({ 'a.md': A, 'b.md': B, 'c.md': C });
  const biegun = t.lookup('Biegun');
  assert.ok(biegun);
  assert.equal(biegun.name, 'Stephen Biegun');
  assert.equal(biegun.kind, 'person');
  assert.equal(biegun.id, 'person:stephen biegun');
  assert.ok(biegun.aliases.includes('Biegun'));
  assert.equal(biegun.mentions.length, 4);
  assert.deepEqual(biegun.roles.map((r) => r.text), ['US Special Representative for North Korea', 'U.S. envoy']);
  assert.equal(biegun.roles[0].source.uri, 'a.md');

  const kim = t.lookup('Kim Jong Un');
  assert.ok(kim);
  assert.equal(t.lookup('Kim Jong-un'), kim);
  assert.equal(t.lookup('KIM JONG UN'), kim);
  assert.ok(kim.mentions.length >= 3, 'lone "Kim" in b.md joins the full name');

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
  const e = t.lookup('Stephen Biegun');
  assert.ok(e);
  for (const loc of e.mentions) assert.match(A.slice(loc.start, loc.end), /Biegun$/);
  assert.deepEqual(e.mentions.map((l) => l.sentence), [0, 1, 2]);
});

test('resolve: surname prefers the person the draft names in full, else the most mentioned', () => {
  const t = table({
    'a.md': 'Kim Jong Un met envoys. Kim Jong Un said no. Kim left.',
    'b.md': 'Kim Yo Jong issued a statement. Kim warned Seoul.',
  });
  assert.equal(t.resolve(m('Kim'))?.name, 'Kim Jong Un');
  assert.equal(t.resolve(m('Kim'), [m('Kim Yo Jong'), m('Kim')])?.name, 'Kim Yo Jong');
  assert.equal(t.resolve(m('Kim Yo-jong'))?.name, 'Kim Yo Jong');
  assert.equal(t.resolve(m('Nobody Here')), undefined);
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

test('incremental updates and JSON round trip', () => {
  const t = table({ 'a.md': A, 'b.md': B });
  assert.equal(t.lookup('Biegun')?.mentions.length, 4);
  t.removeArticle('b.md');
  assert.equal(t.lookup('Biegun')?.mentions.length, 3);
  t.setArticle('b.md', sites('b.md', B));
  const copy = EntityTable.fromJSON(JSON.parse(JSON.stringify(t.toJSON())));
  assert.deepEqual(copy.entities(), t.entities());
  assert.equal(EntityTable.fromJSON({ bogus: true }).entities().length, 0);
});

test('scales to many mentions', () => {
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
  const t0 = performance.now();
  const n = t.entities().length;
  assert.ok(n > 0);
  assert.ok(performance.now() - t0 < 5000, `entities() took ${performance.now() - t0} ms`);
});
