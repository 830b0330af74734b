import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitSentences } from '../../server/src/service/text/sentences.ts';

const texts = (s: string, opts = {}): string[] => splitSentences(s, 0, s.length, opts).map((x) => x.text);

test('splits plain sentences with exact, trimmed offsets', () => {
  const text = '  The talks failed. Ekdahl left on Friday!  Why? ';
  const out = splitSentences(text);
  assert.deepEqual(out.map((s) => s.text), ['The talks failed.', 'Ekdahl left on Friday!', 'Why?']);
  for (const s of out) assert.equal(text.slice(s.start, s.end), s.text);
});

test('does not split after titles, initials or mid-sentence abbreviations', () => {
  assert.deepEqual(texts('Mr. Ekdahl met Gen. Ri in N. Korea. George W. Bush was not there.'), [
    'Mr. Ekdahl met Gen. Ri in N. Korea.',
    'George W. Bush was not there.',
  ]);
  assert.deepEqual(texts('The U.S. envoy arrived on Dec. 5 and left.'), ['The U.S. envoy arrived on Dec. 5 and left.']);
  assert.deepEqual(texts('Sanctions stay in the U.S. The talks resume.'), ['Sanctions stay in the U.S.', 'The talks resume.']);
  assert.deepEqual(texts('Fruit, vegetables etc. were sold.'), ['Fruit, vegetables etc. were sold.']);
});

test('keeps quoted sentences whole', () => {
  assert.deepEqual(texts('He said: "We are ready." Then he left.'), ['He said: "We are ready."', 'Then he left.']);
});

test('a question or exclamation mark before a lower-case word does not end the sentence (a title, a quoted question)', () => {
  assert.deepEqual(texts('Fans came to the Will You Stay? premiere in Orrin. It rained.'), ['Fans came to the Will You Stay? premiere in Orrin.', 'It rained.']);
  assert.deepEqual(texts('"Why now?" he asked. Nobody answered.'), ['"Why now?" he asked.', 'Nobody answered.']);
  assert.deepEqual(texts('Is it over? Yes. It is! The end.'), ['Is it over?', 'Yes.', 'It is!', 'The end.']);
});

test('a line break ends a headline but a hand-wrapped line continues', () => {
  assert.deepEqual(texts('World News\nSEOUL (Reuters) - Talks stalled.'), ['World News', 'SEOUL (Reuters) - Talks stalled.']);
  assert.deepEqual(texts('The envoy met officials\nwho said nothing. Then left.'), ['The envoy met officials\nwho said nothing.', 'Then left.']);
  assert.deepEqual(texts('Talks, she said,\nFailed badly.'), ['Talks, she said,\nFailed badly.']);
  assert.deepEqual(texts('# Heading in lower case\nby Jane Doe\n\nBody.'), ['# Heading in lower case', 'by Jane Doe', 'Body.']);
  assert.deepEqual(texts('BREAKING NEWS\nfrom Seoul'), ['BREAKING NEWS', 'from Seoul']);
  assert.deepEqual(texts('Para one\n\nlower para two'), ['Para one', 'lower para two']);
});

test('softBreaks joins every single line break, never a blank line', () => {
  assert.deepEqual(texts('Met with President\r\nTrump on Friday. Next.\r\n\r\nPara two.', { softBreaks: true }), [
    'Met with President\r\nTrump on Friday.',
    'Next.',
    'Para two.',
  ]);
});

test('respects start and end, clamping them', () => {
  const text = 'Skip this. Take this one. And this.';
  const out = splitSentences(text, 11, text.length);
  assert.deepEqual(out.map((s) => s.text), ['Take this one.', 'And this.']);
  assert.equal(out[0].start, 11);
  assert.deepEqual(splitSentences(text, 100, 200), []);
  assert.deepEqual(splitSentences('', 0, 0), []);
});

test('windowed segmentation matches whole-text segmentation', () => {
  const unit = 'The minister said the talks in Seoul were "productive." Officials from the U.S. disagreed. ';
  const text = unit.repeat(300);
  const out = splitSentences(text);
  assert.equal(out.length, 600);
  for (const s of out) assert.ok(s.text === 'The minister said the talks in Seoul were "productive."' || s.text === 'Officials from the U.S. disagreed.', s.text);
});

test('long and hostile inputs finish (a hang guard; `npm run bench` measures speed)', { timeout: 60_000 }, () => {
  const cases = ['Mr. Smith '.repeat(50_000), 'word '.repeat(200_000) + 'end.', 'He ran. '.repeat(50_000), 'a\n'.repeat(100_000), 'a'.repeat(500_000) + ' x.'];
  for (const c of cases) {
    assert.ok(splitSentences(c).length > 0, JSON.stringify(c.slice(0, 10)));
  }
});

test('an initialism before a name continues the sentence; before a sentence starter it ends it', () => {
  assert.deepEqual(
    splitSentences('Four Democrats in the U.S. Senate wrote to him. He went to the U.S. The talks failed.').map((s) => s.text),
    ['Four Democrats in the U.S. Senate wrote to him.', 'He went to the U.S.', 'The talks failed.'],
  );
});
