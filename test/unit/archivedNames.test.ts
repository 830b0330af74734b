// The archive's names offered for a typed prefix beside the working set's: one entity a name, and the
// forms the embedded index merges into a person (a lone surname, a stray word before the full name)
// are not offered as names of their own.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ArchivedNames } from '../../server/src/service/archive/archivedNames.ts';
import type { Entity } from '../../server/src/service/types.ts';

const rows = [
  { name: 'Marta Lindqvist', kind: 'person', mentions: 45 },
  { name: 'Lindqvist', kind: 'organization', mentions: 60 },
  { name: 'Harbour Marta Lindqvist', kind: 'person', mentions: 1 },
  { name: 'Lindqvist Bay', kind: 'place', mentions: 3 },
  { name: 'Lindgren', kind: 'place', mentions: 7 },
];

test('a lone surname or a stray word before a person\'s full name is that person\'s; places and other names stay', () => {
  const names = new ArchivedNames();
  names.set('lind', [...rows, { name: 'Anders Lindgren', kind: 'person', mentions: 5 }]);
  assert.deepEqual(names.merge([], 'lind').map((e) => e.name), ['Marta Lindqvist', 'Lindqvist Bay', 'Lindgren', 'Anders Lindgren']);
});

test('a name the archive holds once as a person\'s does not take a club\'s own name out of completion as its surname', () => {
  const names = new ArchivedNames();
  names.set('kest', [
    { name: 'Kestrelford', kind: 'organization', mentions: 203 },
    { name: 'Colby Kestrelford', kind: 'person', mentions: 1 },
    { name: 'Kestrel Vale', kind: 'place', mentions: 4 },
  ]);
  assert.deepEqual(names.merge([], 'kest').map((e) => e.name), ['Kestrelford', 'Colby Kestrelford', 'Kestrel Vale']);
  // Held once in the working set, with the archive's count unknown: no surname either.
  const held: Entity = { id: 'person:ines kestrelford', name: 'Ines Kestrelford', kind: 'person', aliases: [], roles: [], mentions: [], mentionCount: 1 };
  assert.ok(names.merge([held], 'kest').some((e) => e.name === 'Kestrelford'));
});

test('a name the working set holds is offered once, as the working set has it', () => {
  const names = new ArchivedNames();
  names.set('mar', rows);
  const held: Entity = { id: 'person:marta lindqvist', name: 'Marta Lindqvist', kind: 'person', aliases: ['Lindqvist'], roles: [{ text: 'port director', source: { uri: 'file:///a.md', sentence: 0, start: 0, end: 15 } }], mentions: [], mentionCount: 2 };
  const merged = names.merge([held], 'mar');
  assert.equal(merged[0], held);
  assert.equal(merged.filter((e) => e.name === 'Marta Lindqvist').length, 1);
  // The same name found under two prefixes is one entity (completion tells items apart by identity).
  names.set('lindq', rows);
  assert.equal(names.merge([], 'lindq')[0], names.merge([], 'mar')[0]);
  assert.equal(names.entity('person:marta lindqvist')?.mentionCount, 45);
  assert.equal(names.mentions('marta lindqvist'), 45);
});
