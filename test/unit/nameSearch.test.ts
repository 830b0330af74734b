// Completion's ranking of names (NameSearch.complete): how well the typed words match, then how much the
// corpus mentions each name.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldName, NameSearch } from '../../server/src/service/corpus/nameSearch.ts';
import type { Entity } from '../../server/src/service/types.ts';

test('a name the corpus wrote once does not outrank, by being a name rather than an alias, the entity whose alias is typed', () => {
  const at = { uri: 'file:///a.md', sentence: 0, start: 0, end: 1 };
  const entity = (name: string, aliases: string[], n: number): Entity => ({ id: `organization:${name.toLowerCase()}`, name, kind: 'organization', aliases, roles: [], mentions: Array.from({ length: n }, () => at), mentionCount: n });
  const club = entity('Harbourside City', ['Harb City'], 22);
  const slip = entity('Harb City Rovers', [], 1);
  const search = new NameSearch([slip, club]);
  assert.deepEqual(search.complete(['Harb', 'Ci'], 5).map((e) => e.name), ['Harbourside City', 'Harb City Rovers']);
  // Written twice, it is a name like any other: its own name matched first.
  const twice = entity('Harb City Rovers', [], 2);
  assert.deepEqual(new NameSearch([twice, club]).complete(['Harb', 'Ci'], 5).map((e) => e.name), ['Harb City Rovers', 'Harbourside City']);
});

test('a one-word name typed from its start ranks as a full name typed from its first word, not below names it ends', () => {
  const at = { uri: 'file:///a.md', sentence: 0, start: 0, end: 1 };
  const entity = (name: string, kind: Entity['kind'], n: number): Entity => ({ id: `${kind}:${name.toLowerCase()}`, name, kind, aliases: [], roles: [], mentions: Array.from({ length: n }, () => at), mentionCount: n });
  const club = entity('Harbourside', 'organization', 40);
  const joined = entity('Kestrel Harbourside', 'person', 3);
  const fans = entity('Harbourside Supporters Trust', 'organization', 5);
  const search = new NameSearch([joined, fans, club]);
  assert.equal(search.complete(['Harb'], 5)[0], club);
  // A person's surname still finds them first where no one-word name is more mentioned.
  const port = entity('Marta Harbsen', 'person', 9);
  assert.equal(new NameSearch([port, entity('Harbsenfjord', 'place', 2)]).complete(['Harbs'], 5)[0], port);
});

test('only a person\'s last word is a surname: a word typed whole that ends another name does not rank it above names starting so', () => {
  const at = { uri: 'file:///a.md', sentence: 0, start: 0, end: 1 };
  const entity = (name: string, kind: Entity['kind'], n: number): Entity => ({ id: `${kind}:${name.toLowerCase()}`, name, kind, aliases: [], roles: [], mentions: Array.from({ length: n }, () => at), mentionCount: n });
  const party = entity('Labrador Party', 'organization', 60);
  const lab = entity('Kestrel Marine Lab', 'organization', 4);
  const joined = entity('Harbourside Labrador', 'organization', 3); // two names the name finder ran together
  assert.deepEqual(new NameSearch([lab, joined, party]).complete(['Lab'], 5).map((e) => e.name), ['Labrador Party', 'Kestrel Marine Lab', 'Harbourside Labrador']);
  // A person's surname ranks as a name's first word, above names it ends or holds in the middle.
  const person = entity('Ines Labrador', 'person', 5);
  const trust = entity('Kestrel Labrador Trust', 'organization', 8);
  assert.deepEqual(new NameSearch([trust, joined, person]).complete(['Labr'], 5).map((e) => e.name), ['Ines Labrador', 'Kestrel Labrador Trust', 'Harbourside Labrador']);
});

test('folding a name and finding it by a word\'s first letters treat ASCII and accented names alike (the ASCII fast path)', () => {
  const slow = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  for (const s of ['Zoë Ångström', 'JEAN-PIERRE\tDupont', 'Ólafur Darri', "O'Neill-Smith", 'Ilse\u00a0Müller', 'plain ascii', '']) assert.equal(foldName(s), slow(s), s);
  const entity = (name: string): Entity => ({ id: `person:${name}`, name, kind: 'person', aliases: [], roles: [], mentions: [], mentionCount: 1 });
  // Words split at spaces (tabs and no-break spaces too) and hyphens, accented or not.
  const names = ['Jean-Pierre\tDupont', 'Zoë Ångström', 'Ilse\u00a0Müller', 'Ka Li', 'A Bo-Ge'];
  const search = new NameSearch(names.map(entity));
  const found = (typed: string) => search.complete([typed], 10).map((e) => e.name);
  assert.deepEqual(found('pi'), ['Jean-Pierre\tDupont']);
  assert.deepEqual(found('du'), ['Jean-Pierre\tDupont']);
  assert.deepEqual(found('ang'), ['Zoë Ångström']);
  assert.deepEqual(found('mu'), ['Ilse\u00a0Müller']);
  assert.deepEqual(found('li'), ['Ka Li']);
  assert.deepEqual(found('ge'), ['A Bo-Ge']);
  // One typed letter is too little to complete a name (the one-letter word of "A Bo-Ge" is not sought).
  assert.deepEqual(found('a'), []);
});
