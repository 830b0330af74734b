// The entity table's look-up maps after rebuilds that updated them in place equal those of a table made
// afresh from the same articles: every key's entity, every surname's people in order, every id's entity.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitSentences } from '../../server/src/service/text/sentences.ts';
import { findMentions } from '../../server/src/service/corpus/names.ts';
import { EntityTable, type MentionSite } from '../../server/src/service/corpus/entities.ts';
import { mulberry32 } from '../bench/prng.ts';

const FIRST = ['Hanna', 'Oskar', 'Ilse', 'Marta', 'Tomas', 'Anders', 'Ingrid', 'Kari', 'Ola', 'Rhona', 'Ines', 'Lotte'];
const LAST = ['Virtanen', 'Lindqvist', 'Berg', 'Kask', 'Solberg', 'Eriksen', 'Okafor', 'Baptiste', 'Lindgren', 'Aaltonen'];
const BODIES = ['the Northern Rail Union', 'the Baltic Shipping Council (BSC)', 'the Harbour Authority', 'Kestrel Vale Council', 'the BSC'];
const PLACES = ['Tallinn', 'Riga', 'Kestrel Vale', 'Orrin', 'Marsk'];
const ROLES = ['the harbour director', 'a pilot', 'the mayor', 'a union leader', 'the ferry captain'];

function sites(uri: string, text: string): MentionSite[] {
  const sentences = splitSentences(text);
  return findMentions(text, sentences).map((mention) => ({ uri, sentence: sentences.findIndex((s) => s.start <= mention.start && mention.end <= s.end), mention }));
}

/** Each entity of the maps by its place in the list (the two tables' lists are compared first). */
function maps(t: EntityTable) {
  const r = t.resolution();
  const at = new Map(r.list.map((e, i) => [e, i]));
  const byName = (a: [string, unknown], b: [string, unknown]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
  return {
    keys: [...r.byKey].map(([k, e]): [string, unknown] => [k, at.get(e)]).sort(byName),
    words: [...r.byWord].map(([w, es]): [string, unknown] => [w, es.map((e) => at.get(e))]).sort(byName),
    ids: [...r.byId].map(([id, e]): [string, unknown] => [id, at.get(e)]).sort(byName),
  };
}

test('look-up maps updated in place after each change equal those made afresh', () => {
  const random = mulberry32(11);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  // 150 people sharing 40 surnames and 12 given names: surnames held by several, keys by several.
  const people = Array.from({ length: 150 }, (_, i) => [FIRST[i % FIRST.length], LAST[(i * 7) % LAST.length] + ['', 'son', 'dottir', 'sen'][i % 4]] as const);
  const sentence = () => {
    const [first, last] = pick(people);
    switch (Math.floor(random() * 5)) {
      case 0:
        return `${first} ${last}, ${pick(ROLES)}, said the port in ${pick(PLACES)} would grow.`;
      case 1:
        return `${last} said ${pick(BODIES)} had not replied.`;
      case 2:
        return `${pick(['Mr', 'Ms', 'Dr'])} ${last} met ${pick(BODIES)} in ${pick(PLACES)}.`;
      case 3:
        return `${first} ${last} and ${pick(people).join(' ')} spoke in ${pick(PLACES)} on Monday.`;
      default:
        return `The ${pick(['BSC', 'Harbour Authority', 'Northern Rail Union'])} said ${first} ${last} would attend.`;
    }
  };
  // Bodies each named in an article or two, so that a change touches a small share of the entities.
  const SYLLABLES = ['al', 'ver', 'mon', 'sta', 'ket', 'rin', 'dor', 'lim', 'bre', 'nox'];
  const body = () => `The ${Array.from({ length: 3 }, () => pick(SYLLABLES)).join('').replace(/^./, (c) => c.toUpperCase())} Trust gave money to the harbour.`;
  const article = (n: number) => [...Array.from({ length: n }, sentence), body()].join(' ');
  const docs = new Map<string, string>();
  const found = new Map<string, MentionSite[]>();
  const sitesOf = (uri: string) => {
    const text = docs.get(uri) ?? '';
    const key = `${uri}\u0000${text}`;
    let s = found.get(key);
    if (!s) found.set(key, (s = sites(uri, text)));
    return s;
  };
  const t = new EntityTable();
  for (let i = 0; i < 250; i++) {
    const uri = `a${i}.md`;
    docs.set(uri, article(3 + Math.floor(random() * 4)));
    t.setArticle(uri, sitesOf(uri));
  }
  let updated = 0;
  let made = 0;
  for (let step = 0; step < 100; step++) {
    const before = t.resolution().byKey;
    const uri = `a${Math.floor(random() * 260)}.md`;
    if (docs.has(uri) && random() < 0.3) {
      docs.delete(uri);
      t.removeArticle(uri);
    } else {
      docs.set(uri, article(2 + Math.floor(random() * 4)));
      t.setArticle(uri, sitesOf(uri));
    }
    // Sometimes more changes before the next rebuild: two, or a fifth of the articles.
    const more = step % 10 === 9 ? 50 : random() < 0.2 ? 1 : 0;
    for (let i = 0; i < more; i++) {
      const other = `a${Math.floor(random() * 260)}.md`;
      docs.set(other, article(2));
      t.setArticle(other, sitesOf(other));
    }
    const fresh = new EntityTable();
    for (const u of docs.keys()) fresh.setArticle(u, sitesOf(u));
    assert.deepEqual(JSON.parse(JSON.stringify(t.entities())), JSON.parse(JSON.stringify(fresh.entities())), `list at step ${step}`);
    assert.deepEqual(maps(t), maps(fresh), `maps at step ${step}`);
    if (t.resolution().byKey === before) updated++;
    else made++;
  }
  // Both ways ran: most rebuilds updated the maps, those after many changes made them afresh.
  assert.ok(updated > 50 && made > 0, `updated in place ${updated} times, made afresh ${made}`);
});

test('a rebuild in slices that a rebuild of its own overtakes after a change is not kept: the table answers as one made afresh', async () => {
  // More name groups than a slice handles between pauses, so that the sliced rebuild pauses while it
  // merges the groups and while it makes the entities. Trusts share names across articles.
  const SYLLABLES = ['al', 'ver', 'mon', 'sta', 'ket', 'rin', 'dor', 'lim', 'bre', 'nox'];
  const word = (n: number) => [n % 10, Math.floor(n / 10) % 10, Math.floor(n / 100) % 10].map((d) => SYLLABLES[d]).join('').replace(/^./, (c) => c.toUpperCase());
  const text = (i: number, v: number) => `The ${word(i + v * 500)} Trust met Anna ${word(999 - (i % 300))} in Orrin. ${word(999 - (i % 300))} said the Trust would pay.`;
  const docs = new Map<string, string>();
  for (let i = 0; i < 1500; i++) docs.set(`t${i}.md`, text(i, 0));
  const found = new Map<string, MentionSite[]>();
  const sitesOf = (uri: string, x: string) => {
    let f = found.get(`${uri}\u0000${x}`);
    if (!f) found.set(`${uri}\u0000${x}`, (f = sites(uri, x)));
    return f;
  };
  const make = () => {
    const t = new EntityTable();
    for (const [u, x] of docs) t.setArticle(u, sitesOf(u, x));
    return t;
  };
  const t = make();
  t.entities();
  const change = (i: number) => {
    const uri = `t${i}.md`;
    docs.set(uri, text(i, 1));
    t.setArticle(uri, sitesOf(uri, docs.get(uri) ?? ''));
  };
  // How many pauses a sliced rebuild of one change makes.
  change(1);
  let pauses = 0;
  await t.refresh(async () => void pauses++, 0);
  assert.ok(pauses > 4, `${pauses} pauses`);
  // Again, and at a pause (early, midway, near the end) another change and a rebuild at once.
  let next = 2;
  for (const at of [2, pauses >> 1, pauses - 1]) {
    change(next++);
    let n = 0;
    await t.refresh(async () => {
      if (++n !== at) return;
      change(next++);
      t.entities();
    }, 0);
    const fresh = make();
    assert.deepEqual(JSON.parse(JSON.stringify(t.entities())), JSON.parse(JSON.stringify(fresh.entities())), `list, overtaken at pause ${at}`);
    assert.deepEqual(maps(t), maps(fresh), `maps, overtaken at pause ${at}`);
  }
});
