// Kinds decided from corpus evidence (corpus/entityKinds.ts), on invented names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decideKinds, type KindCandidate } from '../../server/src/service/corpus/entityKinds.ts';

const candidate = (key: string, count: number, strongPerson = 0, surfaces: string[] = [key]): KindCandidate => ({
  key,
  count,
  words: key.split(' ').length,
  kind: 'person',
  strongPerson,
  loneSpelling: surfaces.some((s) => !s.includes(' ')),
});

test('an office written as a name is a title, not a person, even with person evidence', () => {
  const kinds = decideKinds([candidate('harbour secretary', 5, 3), candidate('deputy first minister', 4, 2), candidate('jana holt', 6, 2)]);
  assert.deepEqual(kinds, ['organization', 'organization', 'person']);
});

test('an unattested multi-word run seen three times is a body or a work; an attested given name rescues it', () => {
  const kinds = decideKinds([candidate('velvet harbour', 4), candidate('jana holt', 6, 2), candidate('jana prill', 3)]);
  assert.deepEqual(kinds, ['organization', 'person', 'person']);
});
