import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareQuantities, findQuantities } from '../../server/src/service/text/numbers.ts';
import type { Quantity } from '../../server/src/service/types.ts';
import { sameCounted, shareOf } from '../../server/src/service/check/counted.ts';

type Expected = Partial<Pick<Quantity, 'kind' | 'text' | 'value' | 'unit' | 'month' | 'day' | 'approx'>>;

function only(text: string): Quantity {
  const found = findQuantities(text);
  assert.equal(found.length, 1, `${text}: ${JSON.stringify(found)}`);
  return found[0];
}

/** Runs every row and reports all failing rows at once. */
function table<T>(rows: T[], run: (row: T) => void): void {
  const failures: string[] = [];
  for (const row of rows) {
    try {
      run(row);
    } catch (e) {
      failures.push((e as Error).message.split('\n')[0]);
    }
  }
  assert.deepEqual(failures, []);
}

function check(q: Quantity, want: Expected, label: string): void {
  for (const [k, v] of Object.entries(want)) assert.deepEqual(q[k as keyof Quantity], v, `${label}: ${k} of ${JSON.stringify(q)}`);
}

const SINGLE: Array<[string, Expected]> = [
  // money
  ['the $US300 million deal', { kind: 'money', text: '$US300 million', value: 3e8, unit: 'USD' }],
  ['a $1.2 billion loss', { kind: 'money', value: 1.2e9, unit: 'USD' }],
  ['it cost £1,000.', { kind: 'money', value: 1000, unit: 'GBP' }],
  ['profits of Â£5m last year', { kind: 'money', text: 'Â£5m', value: 5e6, unit: 'GBP' }],
  ['a €3bn fund', { kind: 'money', value: 3e9, unit: 'EUR' }],
  ['just US$5 each', { kind: 'money', value: 5, unit: 'USD' }],
  ['5 million dollars in aid', { kind: 'money', value: 5e6, unit: 'USD' }],
  ['a $27bn bid', { kind: 'money', value: 2.7e10, unit: 'USD' }],
  ['Â£1.3bn of debt', { kind: 'money', value: 1.3e9, unit: 'GBP' }],
  ['a A$2 million grant', { kind: 'money', value: 2e6, unit: 'AUD' }],
  ['USD 40 million', { kind: 'money', value: 4e7, unit: 'USD' }],
  ['50p a litre', { kind: 'money', value: 0.5, unit: 'GBP' }],
  ['nearly $300 million', { kind: 'money', value: 3e8, approx: 'about' }],
  ['costs $5B a year', { kind: 'money', value: 5e9, unit: 'USD' }],
  // percentages
  ['rose 5%', { kind: 'percent', value: 5, unit: '%' }],
  ['rose 5.5 per cent', { kind: 'percent', value: 5.5, unit: '%' }],
  ['five percent of voters', { kind: 'percent', value: 5, unit: '%' }],
  ['up two percentage points', { kind: 'percent', value: 2, unit: 'pp' }],
  ['less than 5%', { kind: 'percent', value: 5, approx: 'under' }],
  // plain numbers
  ['4 leading Democrats', { kind: 'number', value: 4 }],
  ['four leading Democrats', { kind: 'number', value: 4 }],
  ['1.5m people', { kind: 'number', value: 1.5e6 }],
  ['2,225 articles', { kind: 'number', value: 2225 }],
  ['two hundred soldiers', { kind: 'number', value: 200 }],
  ['twenty-five soldiers', { kind: 'number', value: 25 }],
  ['Fifty nine percent of people', { kind: 'percent', value: 59 }],
  ['twenty five soldiers', { kind: 'number', value: 25 }],
  ['three million voters', { kind: 'number', value: 3e6 }],
  ['a dozen ships', { kind: 'number', value: 12 }],
  ['more than 40 people', { kind: 'number', value: 40, approx: 'over' }],
  ['at least 12 dead', { kind: 'number', value: 12, approx: 'over' }],
  ['about 3,000 troops', { kind: 'number', value: 3000, approx: 'about' }],
  ['up to 300 jobs', { kind: 'number', value: 300, approx: 'under' }],
  ['aged 10', { kind: 'number', value: 10 }],
  ['a 68-year-old man', { kind: 'number', value: 68 }],
  ['he is 68 years old', { kind: 'number', value: 68 }],
  ['1950 people', { kind: 'number', value: 1950 }],
  ['one official said', { kind: 'number', value: 1 }],
  ['it sold over one million.', { kind: 'number', value: 1e6, approx: 'over' }],
  ['a 10km run', { kind: 'number', value: 10, unit: 'km' }],
  ['a 1.4bn-euro profit', { kind: 'money', value: 1.4e9, unit: 'EUR' }],
  ['a 500-pound bomb', { kind: 'number', value: 500 }],
  ['from 2008 landlords will be barred', { kind: 'year', value: 2008 }],
  // years and dates
  ['in 2017', { kind: 'year', value: 2017 }],
  ['2017 was a good year', { kind: 'year', value: 2017 }],
  ['since mid-2017', { kind: 'year', value: 2017 }],
  ['in November 2017', { kind: 'date', value: 2017, month: 11 }],
  ['on 18 December 2019', { kind: 'date', value: 2019, month: 12, day: 18 }],
  ['on Dec. 5', { kind: 'date', text: 'Dec. 5', value: 0, month: 12, day: 5 }],
  ['on December 18, 2019', { kind: 'date', value: 2019, month: 12, day: 18 }],
  ['in June 2018', { kind: 'date', value: 2018, month: 6 }],
  ['on Wednesday, December 18th', { kind: 'date', month: 12, day: 18 }],
  ['the 18th of December', { kind: 'date', month: 12, day: 18, value: 0 }],
  ['in November', { kind: 'date', month: 11, value: 0 }],
  ['Hot Issues of the Week2019-12-22', { kind: 'date', value: 2019, month: 12, day: 22 }],
  // ordinals
  ['the second meeting', { kind: 'ordinal', value: 2 }],
  ['the 3rd round', { kind: 'ordinal', value: 3 }],
  ['his 21st birthday', { kind: 'ordinal', value: 21 }],
  // durations
  ['a three-day visit', { kind: 'duration', value: 3, unit: 'day' }],
  ['for three days', { kind: 'duration', value: 3, unit: 'day' }],
  ['two weeks later', { kind: 'duration', value: 2, unit: 'week' }],
  ['his week long trip', { kind: 'duration', value: 1, unit: 'week' }],
  ['a week-long trip', { kind: 'duration', value: 1, unit: 'week' }],
  ['for 68 years', { kind: 'duration', value: 68, unit: 'year' }],
  ['a 12-month deal', { kind: 'duration', value: 12, unit: 'month' }],
  ['a fortnight later', { kind: 'duration', value: 2, unit: 'week' }],
  ['for a year', { kind: 'duration', value: 1, unit: 'year' }],
  ['three years ago', { kind: 'duration', value: 3, unit: 'year' }],
  ['nearly two weeks', { kind: 'duration', value: 2, unit: 'week', approx: 'about' }],
];

test('single quantities are found and normalised', () => {
  table(SINGLE, ([text, want]) => check(only(text), want, text));
});

const NONE = [
  'on Wednesday',
  'tens of thousands of people',
  'at 5pm',
  'at 10:30',
  'half of 1/2',
  'in the 1990s',
  'No one knew',
  'one of them',
  'Theresa May said',
  'two-thirds of voters',
  'a one-off payment',
  'a second later',
  'the May election',
  'will be quaintly pass&#233; by then',
  'the G7 finance ministers',
  'an Airbus A380 plane',
  'the revamped 3-Series saloon',
  'sales were higher than a year earlier',
];

test('non-quantities give nothing', () => {
  table(NONE, (text) => assert.deepEqual(findQuantities(text), [], `${text}: ${JSON.stringify(findQuantities(text))}`));
});

test('ranges, scores and offsets', () => {
  const score = findQuantities('a 2-1 win');
  assert.deepEqual(score.map((q) => [q.kind, q.value]), [['number', 2], ['number', 1]]);
  const years = findQuantities('the war of 1950–53');
  assert.deepEqual(years.map((q) => [q.kind, q.value, q.text]), [['year', 1950, '1950'], ['year', 1953, '53']]);
  const span = findQuantities('between 5-10 years');
  assert.deepEqual(span.map((q) => [q.kind, q.value, q.unit]), [['duration', 5, 'year'], ['duration', 10, 'year']]);
  // A first figure in the thousands keeps its own scale: "rose 41,000 to 2.37 million".
  assert.deepEqual(findQuantities('rose 41,000 to 2.37 million').map((q) => q.value), [41000, 2.37e6]);
  const money = findQuantities('$5-10 million');
  assert.deepEqual(money.map((q) => [q.kind, q.value, q.unit]), [['money', 5e6, 'USD'], ['money', 1e7, 'USD']]);
  const pct = findQuantities('five to 10 per cent');
  assert.deepEqual(pct.map((q) => [q.kind, q.value]), [['percent', 5], ['percent', 10]]);
  // "opened at number four" is a place in a chart, as "came fourth" is; "the No 2 seed" stays a number.
  assert.deepEqual(findQuantities('Hostage opened at number four').map((q) => [q.kind, q.value]), [['ordinal', 4]]);
  assert.deepEqual(findQuantities('the single reached No. 2 in May').map((q) => [q.kind, q.value]).slice(0, 1), [['ordinal', 2]]);
  // "the next decade" is a span of one decade from now; "the decade" alone is no figure.
  assert.deepEqual(findQuantities('spend $35bn over the next decade').map((q) => [q.kind, q.value, q.unit, q.text]), [['money', 35e9, 'USD', '$35bn'], ['duration', 1, 'decade', 'decade']]);
  assert.deepEqual(findQuantities('the decade ended'), []);
  // A year, then a figure: "in 2005 to 5.5 million tonnes" is no range of tonnes.
  const yearThen = findQuantities('output will rise in 2005 to 5.5 million tonnes');
  assert.deepEqual(yearThen.map((q) => [q.kind, q.value, q.unit]), [['year', 2005, undefined], ['number', 5.5e6, 'tonne']]);
  const text = 'Ekdahl arrived on Sunday for a three-day visit, his 2nd in 2019, costing $US1.5m.';
  for (const q of findQuantities(text)) assert.equal(text.slice(q.start, q.end), q.text);
  const region = findQuantities(text, text.indexOf('three'), text.indexOf(', costing'));
  assert.deepEqual(region.map((q) => q.text), ['three-day', '2nd', '2019']);
});

function q(text: string): Quantity {
  return only(text);
}

const COMPARE: Array<[string, string, 'same' | 'different' | 'incomparable']> = [
  ['$US300 million', '$30 million', 'different'],
  // A sum in pence is precise to the penny, not to the pound.
  ['a 5p cut', 'put 4p on', 'different'],
  ['a 5p cut', 'by 5 pence', 'same'],
  ['a 5p cut', '£0.05', 'same'],
  ['$US300 million', '$300m', 'same'],
  ['$1.2 billion', '$1.23 billion', 'same'],
  ['$1.2 billion', '$1.5 billion', 'different'],
  // One figure must round the other: 2.5 is no rounding of 2, nor 2 of 2.5.
  ['2%', '2.5%', 'different'],
  ['2%', '2.4%', 'same'],
  ['17%', '16.5%', 'same'],
  ['$8bn', '$8.4bn', 'same'],
  ['$8bn', '$8.5bn', 'different'],
  ['nearly 300 million people', '299 million people', 'same'],
  ['300 million people', '299 million people', 'different'],
  ['£5m', '$5m', 'incomparable'],
  ['£1,000', '£1,005', 'same'],
  ['£1,000', '£1,100', 'different'],
  ['5%', '5 per cent', 'same'],
  ['5%', '7%', 'different'],
  ['5%', '5 percentage points', 'incomparable'],
  ['4 Democrats', 'four Democrats', 'same'],
  ['4 Democrats', 'five Democrats', 'different'],
  ['more than 40 people', '45 people', 'same'],
  ['more than 40 people', '30 people', 'different'],
  ['less than 5%', '4%', 'same'],
  ['5%', '5 people', 'incomparable'],
  ['two weeks', '14 days', 'same'],
  ['three days', 'two weeks', 'different'],
  ['for a year', '12 months', 'same'],
  ['six months', '180 days', 'same'],
  ['three-day visit', 'three days', 'same'],
  ['10km', '10 miles', 'incomparable'],
  ['in 2017', 'in 2018', 'different'],
  ['in 2017', 'November 2017', 'same'],
  ['November 2017', 'December 2017', 'different'],
  ['18 December 2019', 'December 18, 2019', 'same'],
  ['Dec. 5', 'December 5, 2019', 'same'],
  ['Dec. 5', 'December 6, 2019', 'different'],
  ['in November', 'in 2019', 'incomparable'],
  ['the second meeting', 'the 2nd meeting', 'same'],
  ['the second meeting', 'the third meeting', 'different'],
  ['second', '2 people', 'incomparable'],
];

test('machine-tokenized spacing: spaced hyphens and currency scales join', () => {
  check(only('The 34 - year - old signed.'), { kind: 'number', value: 34 }, 'spaced age');
  check(only('He signed an 18 - month deal.'), { kind: 'duration', value: 18, unit: 'month' }, 'spaced duration');
  check(only('They bid £ 50 m for him.'), { kind: 'money', value: 50e6, unit: 'GBP' }, 'spaced scale');
  check(only('The 54-year old retired.'), { kind: 'number', value: 54 }, 'hyphen dropped before old');
  // A real dash, or a scale with no currency before it, is left alone.
  check(only('The pool is 50 m long.'), { value: 50 }, 'metres');
});

test('compareQuantities', () => {
  table(COMPARE, ([a, b, want]) => {
    assert.equal(compareQuantities(q(a), q(b)), want, `${a} vs ${b}`);
    assert.equal(compareQuantities(q(b), q(a)), want, `${b} vs ${a}`);
  });
});

// A hang guard, not a timing: catastrophic backtracking would run for minutes; `npm run bench` measures speed.
const HANG = { timeout: 60_000 };

test('huge inputs made only of figures finish (no catastrophic backtracking)', HANG, () => {
  // 200 KB made only of figures (prose is far cheaper: only text near a figure is tokenised).
  const big = '1,234 and $5m, 5% in 2017 on Dec. 5 for three days; '.repeat(4000);
  const found = findQuantities(big);
  assert.equal(found.length, 6 * 4000);
  const digits = '9'.repeat(200000) + ',' + '1,'.repeat(100000) + ' constructor toString'.repeat(1000);
  assert.ok(Array.isArray(findQuantities(digits)));
});

test('a percentage is a share of the group written after it, and "people" names none', () => {
  const share = (text: string) => {
    const start = text.indexOf('%') - 2;
    return shareOf(text, { start, end: start + 3, unit: '%' });
  };
  assert.deepEqual(share('Some 41% of women own one.'), ['woman']);
  assert.deepEqual(share('Of the owners, 59% are men.'), ['man']);
  assert.equal(share('Some 87% of people using search engines find it.'), undefined);
  assert.equal(share('Some 87% of respondents found it.'), undefined);
  assert.equal(share('Prices rose 5% to a record.'), undefined);
  // A group is the same written as a derived word ("search engine users" are "searchers").
  assert.ok(sameCounted(share('Some 87% of search engine users find it.'), share('Some 87% of searchers find it.')));
  assert.ok(!sameCounted(share('Some 41% of women own one.'), share('Some 41% of men own one.')));
});

test('two rough figures are one only when either value falls in the other\'s range', () => {
  const q = (t: string) => findQuantities(t)[0] as Quantity;
  assert.equal(compareQuantities(q('around 12%'), q('about 10%')), 'different');
  assert.equal(compareQuantities(q('about 10%'), q('around 10.5%')), 'same');
  assert.equal(compareQuantities(q('about 10%'), q('10.4%')), 'same');
  assert.equal(compareQuantities(q('over 40 people'), q('more than 45 people')), 'same');
});
