import { test } from 'node:test';
import assert from 'node:assert/strict';
import { composeDraft, draftSentencesFromTexts } from '../bench/draftCore.ts';
import { buildPool, composeArticle, perturbNumber, splitHeadline, type RawArticle } from '../bench/generatorCore.ts';
import { firstNames, lastNames } from '../bench/namePool.ts';

// Three tiny raw articles in BBC style: the headline runs into the first sentence.
function article(category: string, n: number): RawArticle {
  const lines = [
    `Firm posts record profits The chief executive John Harper said sales rose to £${40 + n}m in 2004.`,
    `Mr Harper told analysts that ${12 + n}% of the growth came from Asia.`,
    `Analyst Mary Quist said the figures were strong.`,
    `The company employs ${1200 + n * 10} people in ${3 + n} countries.`,
    `Quist added that the market expected more.`,
    `Shares rose ${2 + n}.5% to ${300 + n}p in early trading.`,
  ];
  for (let i = 0; i < 14; i++) lines.push(`Harper said unit ${i} grew by ${5 + i} points in the third quarter.`);
  return { category, text: lines.join(' ') };
}

const pool = buildPool([article('business', 1), article('business', 2), article('tech', 3)]);

test('splits a run-in headline from the lede', () => {
  const { headline, lede } = splitHeadline('Firm posts record profits The chief executive John Harper said sales rose.');
  assert.equal(headline, 'Firm posts record profits');
  assert.ok(lede.startsWith('The chief executive'));
});

test('is deterministic for a seed and differs across seeds', () => {
  const a = composeArticle(pool, 5, 42, { universes: 3 });
  const b = composeArticle(pool, 5, 42, { universes: 3 });
  assert.deepEqual(a, b);
  const others = [1, 2, 3, 4].map((s) => composeArticle(pool, 5, s, { universes: 3 }).text);
  assert.ok(others.some((t) => t !== a.text));
});

test('renames people consistently, full name and surname alike', () => {
  for (let i = 0; i < 20; i++) {
    const { text } = composeArticle(pool, i, 7, { universes: 4 });
    assert.ok(!/John Harper|Mary Quist|\bHarper\b|\bQuist\b/.test(text), text);
    const full = /([A-Z][a-z]+) ([A-Z][a-z]+) said sales/.exec(text);
    if (!full) continue;
    assert.ok(firstNames.includes(full[1] as string) && lastNames.includes(full[2] as string));
    // "Mr Harper" becomes "Mr <new surname>" of the same invented person.
    if (text.includes('told analysts')) assert.ok(text.includes(`Mr ${full[2]} told analysts`), text);
  }
});

test('changes figures but keeps years and format', () => {
  let changed = 0;
  for (let i = 0; i < 10; i++) {
    const { text } = composeArticle(pool, i, 3, { universes: 1 });
    if (/£\d+m in 2004/.test(text) && !/£4[123]m/.test(text)) changed++;
    const shares = /Shares rose (\d+\.\d)% to (\d+)p/.exec(text);
    if (shares) assert.match(shares[1] as string, /^\d+\.\d$/);
  }
  assert.ok(changed > 0);
  let seed = 1;
  const rng = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  const slot = { kind: 'number' as const, text: '1,200', value: 1200, decimals: 0, grouped: true };
  for (let i = 0; i < 50; i++) {
    const out = perturbNumber(slot, rng);
    assert.notEqual(out, '1,200');
    assert.match(out, /^\d{1,3}(,\d{3})*$/);
  }
});

test('keeps articles within 10–40 sentences and starts with a headline line', () => {
  for (let i = 0; i < 30; i++) {
    const a = composeArticle(pool, i, 9, { universes: 2 });
    assert.ok(a.sentenceCount >= 10 && a.sentenceCount <= 40, String(a.sentenceCount));
    const body = a.text.replace(/^---\n[\s\S]*?\n---\n/, '');
    assert.equal(body.split('\n')[0], 'Firm posts record profits');
    assert.match(a.relPath, /^(business|tech)\/\d{6}_[0-9a-f]{8}\.md$/);
  }
});

test('drafts mix verbatim, changed and invented sentences in 3–6 sentence paragraphs', () => {
  const sentences = ['The company employs 1,210 people in 4 countries.', 'Analyst Mary Quist said the figures were strong.'];
  const d = composeDraft(sentences, 400, 11);
  assert.deepEqual(composeDraft(sentences, 400, 11), d);
  assert.ok(d.words >= 400);
  const kinds = new Set(d.sentences.map((s) => s.kind));
  assert.deepEqual([...kinds].sort(), ['changed', 'invented', 'verbatim']);
  for (const s of d.sentences) {
    const text = d.text.slice(s.start, s.end);
    if (s.kind === 'verbatim') assert.ok(sentences.includes(text), text);
    if (s.kind === 'changed') assert.ok(!sentences.includes(text) && /\d/.test(text), text);
  }
  for (const para of d.text.split('\n\n').slice(1, -1)) {
    const n = d.sentences.filter((s) => para.length > 0 && d.text.indexOf(para) <= s.start && s.end <= d.text.indexOf(para) + para.length).length;
    assert.ok(n >= 3 && n <= 6, para);
  }
});

test('renames a title-and-surname mention using the full name another article gives', () => {
  const onlySurname: RawArticle = {
    category: 'politics',
    text: 'Minister faces questions Mr Harper was asked about the budget today. He declined to answer. Mr Harper left at 5pm. Officials said 40 staff had been told.',
  };
  const p = buildPool([article('business', 1), onlySurname]);
  const target = p.articles.find((a) => a.category === 'politics');
  assert.ok(target?.sentences.some((t) => t.slots.some((s) => s.kind === 'surname' && s.key === 'John Harper')));
});

test('draft sentence pool skips front matter and headlines, run-in or on their own line', () => {
  const texts = [
    '---\ntitle: "X"\n---\nHeadline here\n\nThe first real sentence has enough words in it. The second one also has enough words.',
    'Run in headline The lede sentence carries on for quite a few words here. Another sentence with plenty of words follows it.',
  ];
  const pool = draftSentencesFromTexts(texts, 10);
  assert.deepEqual(pool, [
    'The first real sentence has enough words in it.',
    'The second one also has enough words.',
    'Another sentence with plenty of words follows it.',
  ]);
});
