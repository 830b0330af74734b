import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ATTRIBUTION_VERBS, findQuotes } from '../../server/src/service/text/quotes.ts';
import { reportedSpeaker } from '../../server/src/service/text/quoteSpeakers.ts';

/** [text, expected quotes as [inner text, speaker?]] */
const CASES: Array<[string, Array<[string, string | undefined]>]> = [
  ['"We will not ease sanctions," Whitlock said.', [['We will not ease sanctions,', 'Whitlock']]],
  ['"We will not ease sanctions," said Whitlock.', [['We will not ease sanctions,', 'Whitlock']]],
  ['“It is a concern,” he said on Tuesday.', [['It is a concern,', 'he']]],
  ['“It is a concern,” he later told reporters.', [['It is a concern,', 'he']]],
  ['Ekdahl told reporters: "It is time for us to do our jobs."', [['It is time for us to do our jobs.', 'Ekdahl']]],
  ['Ekdahl declared it was "regrettable" that the statements were "so hostile".', [['regrettable', 'Ekdahl'], ['so hostile', 'Ekdahl']]],
  ['"Talks have stalled," according to Reuters.', [['Talks have stalled,', 'Reuters']]],
  ['According to the ministry, "talks have stalled".', [['talks have stalled', 'the ministry']]],
  ['” It’s type of creepy that nothing happened,” Rosa Petrakis, managing editor at 44 South, stated on Twitter.', [['It’s type of creepy that nothing happened,', 'Rosa Petrakis']]],
  ['"We reiterate our hope," the letter said.', [['We reiterate our hope,', 'the letter']]],
  ['"No," a senior official said.', [['No,', 'a senior official']]],
  ['"No deal," officials said.', [['No deal,', 'officials']]],
  ['"Yes," he said, "we will."', [['Yes,', 'he'], ['we will.', 'he']]],
  ['He called it a \'great moment\' for the country.', [['great moment', undefined]]],
  ['The minister described it as a \'great moment\'.', [['great moment', 'The minister']]],
  ["'It is a great day,' she said.", [['It is a great day,', 'she']]],
  ["Brown 'proud of economy record'", [['proud of economy record', undefined]]],
  ["They don't know Ekdahl's plan, rock 'n' roll, back in the '90s, tell 'em.", []],
  ["The Democrats' plan was called 'a disaster' by critics.", [['a disaster', undefined]]],
  ['"He called it a \'disaster\' today," she said.', [['He called it a \'disaster\' today,', 'she']]],
  ['Martin Ekdahl, the US envoy, said "we are here".', [['we are here', 'Martin Ekdahl']]],
  ['Ekdahl dismissed the deadline, saying: "We have a goal." He continued: "We have offered ways."', [['We have a goal.', 'Ekdahl'], ['We have offered ways.', 'He']]],
  ['"We are here!" Whitlock said.', [['We are here!', 'Whitlock']]],
  ['The US called it "rocket man".', [['rocket man', undefined]]],
  ['She was quoted as saying "no comment".', [['no comment', 'She']]],
  ['"Prices rose," Mr. Smith, 45, told the BBC.', [['Prices rose,', 'Mr. Smith']]],
  ['He is 6\'2" tall.', []],
  ['Later, Marsh accused Ms Ekdahl of "hiding the deficit" from voters.', [['hiding the deficit', 'Marsh']]],
  ['The envoy to the talks, Rosa Petrakis, said "we are ready".', [['we are ready', 'Rosa Petrakis']]],
  // A role after the name without commas is the name's, not part of it; a name and a group word is not.
  ['"The field looks strong," Dr Rosa Petrakis head of exploration said.', [['The field looks strong,', 'Dr Rosa Petrakis']]],
  ['"We will win," Whitlock fans said.', [['We will win,', 'Whitlock fans']]],
  // A quotation that lost its closing mark ends with its last sentence when a colon introduces the next.
  ['Ana Ruiz said: "The plan is dead for the harbour. Later, union leader Tomas Berg said: "We will fight on."', [['The plan is dead for the harbour.', 'Ana Ruiz'], ['We will fight on.', 'Tomas Berg']]],
  // A description before the name after the verb is the name's role: the name speaks.
  ['"Not many carry cameras," said digital artist Rosa Petrakis.', [['Not many carry cameras,', 'Rosa Petrakis']]],
  ['"The risks are real," said Harbour Bank analyst Ivo Randal The dispute goes on.', [['The risks are real,', 'Ivo Randal']]],
  ['"We will win," A Labour spokesman later said the timing was wrong.', [['We will win,', 'A Labour spokesman']]],
  // A title set off by commas, written in capitals, is the name's, not a name in apposition.
  ['Anna Berg, Velmar\'s Finance and Trade Minister, said: "We cannot look at the figures alone."', [['We cannot look at the figures alone.', 'Anna Berg']]],
  // An adverb between the speaker and the verb.
  ['Later, Ivo Randal afterwards described the game as "beautiful to watch".', [['beautiful to watch', 'Ivo Randal']]],
  ['Mr Holt meanwhile told the paper: "We will not move."', [['We will not move.', 'Mr Holt']]],
  // A bracketed short form between the name and the verb.
  ['"We will not move," Jana Holt, from the Velmar Ferry Association (VFA) told the paper.', [['We will not move,', 'Jana Holt']]],
  // A full name with its affiliation: the person.
  ['Lena Marsh of the Velmar Refugee Council said the rules were "not proportionate".', [['not proportionate', 'Lena Marsh of the Velmar Refugee Council']]],
];

test('quotes and speakers', () => {
  const failures: string[] = [];
  for (const [text, want] of CASES) {
    const got = findQuotes(text).map((q) => [q.text, q.speaker]);
    try {
      assert.deepEqual(got, want);
    } catch {
      failures.push(`${text} → ${JSON.stringify(got)}`);
    }
  }
  assert.deepEqual(failures, []);
});

test('offsets are exact and verbatim', () => {
  const text = 'Intro.\n\nConway said: “We are not easing sanctions.” Then "more".';
  const quotes = findQuotes(text);
  assert.equal(quotes.length, 2);
  for (const q of quotes) {
    assert.equal(text.slice(q.innerStart, q.innerEnd), q.text);
    assert.ok(q.start < q.innerStart && q.innerEnd < q.end);
  }
  assert.equal(text.slice(quotes[0].start, quotes[0].end), '“We are not easing sanctions.”');
  // A region: only the second paragraph.
  const region = findQuotes(text, text.indexOf('Whitlock'), text.indexOf(' Then'));
  assert.deepEqual(region.map((q) => q.text), ['We are not easing sanctions.']);
});

test('unclosed quotes end with their paragraph; continuations have no speaker', () => {
  const text = [
    '"It is a concern, their rhetoric. We have seen talk of tests,',
    '',
    '"I think they will be likely," Renner said.',
    '',
    '"They will go ahead.',
    '',
    'North Korea said nothing.',
  ].join('\n');
  const quotes = findQuotes(text);
  assert.deepEqual(quotes.map((q) => [q.text, q.speaker]), [
    ['It is a concern, their rhetoric. We have seen talk of tests,', undefined],
    ['I think they will be likely,', 'Renner'],
    ['They will go ahead.', undefined],
  ]);
  assert.equal(text.slice(quotes[0].start, quotes[0].end), '"It is a concern, their rhetoric. We have seen talk of tests,');
  // One paragraph per line (no blank lines): a new quoted paragraph closes the unclosed one.
  const lines = '"We are ready. We will act.\n"And we mean it," he said.\nNorth Korea said nothing.';
  assert.deepEqual(findQuotes(lines).map((q) => [q.text, q.speaker]), [
    ['We are ready. We will act.', undefined],
    ['And we mean it,', 'he'],
  ]);
});

test('paragraphs run together: a mark opening a new sentence ends the quote its paragraph left open', () => {
  const text = 'Castor said no one complained "where it was a crime. He also said it was late. "I think it is her only avenue. She felt strongly." Troiani said.';
  assert.deepEqual(findQuotes(text).map((q) => q.text), ['where it was a crime. He also said it was late.', 'I think it is her only avenue. She felt strongly.']);
  // A closing mark after a sentence's end, or one opening a quote inside a sentence, is not such a mark.
  assert.deepEqual(findQuotes('"We are here. " Then he left. He said "no" twice.').map((q) => q.text), ['We are here.', 'no']);
});

test('hard-wrapped quotes continue across a single line break', () => {
  const text = 'The envoy said "we are ready to meet\nat any time" on Monday.';
  assert.deepEqual(findQuotes(text).map((q) => [q.text, q.speaker]), [['we are ready to meet\nat any time', 'The envoy']]);
});

test('ATTRIBUTION_VERBS lists lower-case forms', () => {
  for (const v of ['said', 'says', 'told', 'added', 'declared', 'stated', 'wrote', 'warned', 'asked', 'insisted', 'noted', 'saying', 'according to', 'admitted', 'replied']) {
    assert.ok(ATTRIBUTION_VERBS.has(v), v);
  }
  for (const v of ATTRIBUTION_VERBS) assert.equal(v, v.toLowerCase());
});

test('100,000 quote marks on one line finish (a hang guard; `npm run bench` measures speed)', { timeout: 60_000 }, () => {
  const inputs = [
    '"a" '.repeat(50000),
    '"'.repeat(100000),
    "'".repeat(100000),
    ' " x'.repeat(100000),
    "'a ".repeat(100000),
    '“ said he ” '.repeat(50000),
    'word" '.repeat(100000),
  ];
  for (const input of inputs) {
    assert.ok(Array.isArray(findQuotes(input)), `${input.slice(0, 12)}…`);
  }
});

test('a word opening the sentence is no speaker ("When asked…, Holt said", "While saying…")', () => {
  assert.equal(reportedSpeaker('When asked about the plan, Holt said it was fair.'), 'Holt');
  assert.equal(reportedSpeaker('While saying he admired the plan, he attacked the budget.'), undefined);
});

test('reported speech names its speaker with or without quotation marks', () => {
  const cases: Array<[string, string | undefined]> = [
    ['Ekdahl told reporters the talks would resume in June.', 'Ekdahl'],
    ['But as Defence Secretary Rosa Petrakis told reporters this week, the tests could resume.', 'Defence Secretary Rosa Petrakis'],
    ['The talks would resume in June, said Ms Petrakis.', 'Ms Petrakis'],
    ['According to Whitlock, the talks would resume.', 'Whitlock'],
    ['The talks would resume in June, the ministry wrote.', 'the ministry'],
    ['The talks resumed in June after a long pause.', undefined],
  ];
  for (const [text, want] of cases) assert.equal(reportedSpeaker(text), want, text);
});
