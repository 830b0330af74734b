// A person's title against the titles the sources give them (check/roleTitle.ts), on invented entities.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { wrongTitle } from '../../server/src/service/check/roleTitle.ts';
import type { ClaimName } from '../../server/src/service/check/nameMatch.ts';
import type { CorpusIndex } from '../../server/src/service/corpus/corpusIndex.ts';
import type { Entity } from '../../server/src/service/types.ts';

/** A corpus in which no sentence writes any title next to anyone. */
const corpus = { searchSentences: () => [], sentenceAt: () => undefined } as unknown as CorpusIndex;

function person(name: string, roles: string[]): Entity {
  return { id: name, name, kind: 'person', aliases: [], roles: roles.map((text) => ({ text, source: { uri: 'file:///s.md', sentence: 0, start: 0, end: 0 } })), mentions: [], mentionCount: 1 };
}

/** The conflict wrongTitle finds for `name` written with `role` in `text`. */
function check(text: string, name: string, role: string, entity: Entity) {
  const start = text.indexOf(name);
  const names: ClaimName[] = [{ mention: { start, end: start + name.length, text: name, kind: 'person', role }, entity, words: name.toLowerCase().split(' ') }];
  const found = wrongTitle(names, text, 0, corpus);
  return found && { draft: found.draft, source: found.source };
}

test('another head or another office before the same head conflicts; a possessive is the same title', () => {
  const shaw = person('Mira Toll', ['Halvard Bank chief economist']);
  assert.deepEqual(check('Halvard Bank chief executive Mira Toll said so.', 'Mira Toll', 'Halvard Bank chief executive', shaw), { draft: 'chief executive', source: 'chief economist' });
  const brankin = person('Ada Lenz', ['Deputy Health Minister']);
  assert.deepEqual(check('It rests with Ada Lenz, the deputy justice minister.', 'Ada Lenz', 'deputy justice minister', brankin), { draft: 'deputy justice minister', source: 'Deputy Health Minister' });
  const lund = person('Tero Lund', ["Federated's chairman"]);
  assert.equal(check('Federated chairman Tero Lund said the deal was done.', 'Tero Lund', 'Federated chairman', lund), undefined);
  assert.equal(check('Boss Tero Lund said the deal was done.', 'Tero Lund', 'Boss', lund), undefined, 'a vague title never conflicts');
});

test('an office the sources give only under another (a deputy\'s, a shadow\'s) conflicts when written without it', () => {
  const heal = person('Ada Lenz', ['Deputy Speaker']);
  assert.deepEqual(check('Commons Speaker Ada Lenz agreed it was a concern.', 'Ada Lenz', 'Commons Speaker', heal), { draft: 'Commons Speaker', source: 'Deputy Speaker' });
  assert.equal(check('Deputy Speaker Ada Lenz agreed it was a concern.', 'Ada Lenz', 'Deputy Speaker', heal), undefined);
  // One title with the office itself is enough.
  const both = person('Tero Lund', ['Deputy Speaker', 'Speaker']);
  assert.equal(check('Speaker Tero Lund agreed.', 'Tero Lund', 'Speaker', both), undefined);
});
