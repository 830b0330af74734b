// The words a checker message quotes: the verb with the rest of its clause, and who is reported saying it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withObject } from '../../server/src/service/check/messages.ts';
import type { DraftSentence } from '../../server/src/service/check/draft.ts';
import type { PredicateWord } from '../../server/src/service/check/predicate.ts';

function quoted(text: string, said: string): string {
  const start = text.indexOf(said);
  const verb = { text: said, said, start, end: start + said.length } as PredicateWord;
  return withObject({ text, start: 0, end: text.length } as DraftSentence, verb);
}

test('the verb is quoted with the rest of its clause, numbers whole, a few words at most', () => {
  assert.equal(quoted('Tony Blair has pledged to triple overseas aid.', 'has pledged to triple'), 'has pledged to triple overseas aid');
  assert.equal(quoted('Mercedes-Benz sales rose 3.1% to 1,060,000 cars.', 'rose'), 'rose 3.1% to 1,060,000 cars');
  assert.equal(quoted('Okafor apologised, and the union sued.', 'apologised'), 'apologised');
  assert.equal(quoted('Brand extended the contract after the board met.', 'extended'), 'extended the contract');
  assert.equal(quoted('She said it "was a disgrace".', 'said'), 'said it');
  assert.equal(quoted('He won the one race in a long season that nobody else in the whole field had expected him to win.', 'won'), 'won');
});
