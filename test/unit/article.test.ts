import { test } from 'node:test';
import assert from 'node:assert/strict';
import { keyFromUri, matchDateline, normalizeDate, parseArticle } from '../../server/src/service/corpus/article.ts';

const slice = (text: string, span?: { start: number; end: number }): string | undefined =>
  span ? text.slice(span.start, span.end) : undefined;

test('front matter gives metadata and the body starts after it', () => {
  const text = '---\ntitle: "Mayor opens bridge"\noutlet: Daily Post\nauthor: By Ann Lee\ndate: 2021-03-04\nsection: Local\n---\n\n# Mayor opens bridge\n\nThe mayor opened the bridge on Monday.\n';
  const a = parseArticle('file:///c/sources/bridge%20story.md', text);
  assert.equal(a.key, 'bridge-story');
  assert.deepEqual(a.meta, { title: 'Mayor opens bridge', outlet: 'Daily Post', author: 'Ann Lee', date: '2021-03-04', section: 'Local' });
  assert.equal(a.title, 'Mayor opens bridge');
  assert.equal(slice(text, a.headline), 'Mayor opens bridge');
  assert.ok(text.slice(a.bodyStart).startsWith('The mayor opened'));
});

test('broken YAML is ignored without throwing; prose after a rule is not front matter', () => {
  const broken = '---\ntitle: "unclosed\nauthor: [x\n---\nThe council met on Tuesday.\n';
  const a = parseArticle('file:///x/a.md', broken);
  assert.equal(a.meta.author, undefined);
  assert.ok(broken.slice(a.bodyStart).startsWith('The council met'));
  const rule = '---\nJust a paragraph of prose here.\n---\nMore prose follows.\n';
  const b = parseArticle('file:///x/b.md', rule);
  assert.deepEqual(b.meta, {});
  assert.ok(b.bodyStart <= rule.indexOf('Just'));
});

test('headline, byline and date line without front matter', () => {
  const text = '\n\n# Tensions rise as deadline approaches\n\nPeter Symonds  \n18 December 2019\n\nEfforts to meet officials failed this week.\n';
  const a = parseArticle('file:///x/003.md', text);
  assert.equal(a.title, 'Tensions rise as deadline approaches');
  assert.equal(a.meta.author, 'Peter Symonds');
  assert.equal(a.meta.date, '2019-12-18');
  assert.equal(slice(text, a.headline), 'Tensions rise as deadline approaches');
  assert.ok(text.slice(a.bodyStart).startsWith('Efforts to meet'));

  const by = 'Council approves new budget plan\nBy Jane Doe, Reuters\nThe council approved the plan on Friday.';
  const b = parseArticle('file:///x/b.txt', by);
  assert.equal(b.meta.author, 'Jane Doe');
  assert.equal(b.meta.outlet, 'Reuters');
  assert.equal(b.title, 'Council approves new budget plan');
});

test('label line, title line and a run-in date line ("Week2019-12-22")', () => {
  const text = 'Peninsula Weekly\n\n\nUS Seeks to Solidify United Front against Threats\n\nHot Issues of the Week2019-12-22\n\n\nOn Tuesday the counsellor spoke.\n';
  const a = parseArticle('file:///x/000.md', text);
  assert.equal(a.title, 'US Seeks to Solidify United Front against Threats');
  assert.equal(a.meta.date, '2019-12-22');
  assert.ok(text.slice(a.bodyStart).startsWith('On Tuesday'));
});

test('datelines give place and outlet', () => {
  const a = parseArticle('file:///x/r.txt', 'World News\nSEOUL (Reuters) – A flurry of diplomacy met silence.\nMore text.');
  assert.equal(a.meta.dateline, 'SEOUL');
  assert.equal(a.meta.outlet, 'Reuters');
  assert.equal(a.headline, undefined);
  assert.deepEqual(matchDateline('WASHINGTON, Dec 5 (Reuters) - Officials said'), { place: 'WASHINGTON', outlet: 'Reuters', end: 30 });
  assert.equal(matchDateline('LONDON (AP) — The bank said')?.outlet, 'AP');
  assert.equal(matchDateline('Kiev, Ukraine (CNN)The question is')?.place, 'Kiev, Ukraine');
  assert.equal(matchDateline('NEW YORK — Stocks fell')?.place, 'NEW YORK');
  assert.equal(matchDateline('Mr Smith (Labour) said no'), undefined);
});

test('BBC headline run into the body without a space', () => {
  const text = 'Ad sales boost Time Warner profitQuarterly profits at US media giant TimeWarner jumped 76% to $1.13bn for the three months to December, from $639m year-earlier. The firm said sales rose.';
  const a = parseArticle('file:///x/001.txt', text);
  assert.equal(slice(text, a.headline), 'Ad sales boost Time Warner profit');
  assert.equal(a.title, 'Ad sales boost Time Warner profit');
  assert.equal(a.bodyStart, 0, 'a run-in headline stays in the body, split off by the indexer at headline.end');
  // A camel-case product name that recurs is not a run-in.
  const ps = 'PlayStation 3 processor unveiledThe Cell processor, which will drive the PlayStation 3, will run ten times faster than current chips, its designers said on Monday in San Francisco.';
  assert.equal(slice(ps, parseArticle('file:///x/p.txt', ps).headline), 'PlayStation 3 processor unveiled');
  // A surname's prefix is no join: "Mc|Cartney" would cut the name in two.
  const mc = 'Sir Paul rocks Super Bowl crowds Sir Paul McCartney wowed fans with a live mini-concert at the Super Bowl, and avoided any controversy. Sir Paul, however, did nothing racy.';
  assert.ok(!(parseArticle('file:///x/m.txt', mc).headline?.end === mc.indexOf('Cartney')), 'split inside McCartney');
});

test('BBC headline run into the body with a plain space', () => {
  const text = 'Blair moves to woo Jewish voters Tony Blair has pledged to "never, ever, ever" attack Tory leader Michael Howard over his Jewish beliefs. The prime minister told the paper it was wrong.';
  const a = parseArticle('file:///x/p.txt', text);
  assert.equal(a.title, 'Blair moves to woo Jewish voters');
  assert.ok(text.slice(a.headline?.end).trimStart().startsWith('Tony Blair has pledged'));
  const lede = 'Wayne Rooney knows Champions League qualification is the club\'s to lose, making the weekend clash with Aston Villa all the more important for his side and the champions.';
  const b = parseArticle('file:///x/q.txt', lede);
  assert.equal(b.headline, undefined, 'an ordinary lede is not split');
  assert.equal(b.bodyStart, 0);
  assert.ok(b.title.startsWith('Wayne Rooney knows Champions League'));
});

test('crawl meta lines give title, outlet and date', () => {
  const text = '(meta data) TITLE: BBC News - Kate Winslet marries in private ceremony\n(meta data) PUBLISHED DATETIME: 6/30/2016 11:00:00 PM\nSkip to content\nKate Winslet has married.';
  const a = parseArticle('file:///x/w.txt', text);
  assert.equal(a.title, 'Kate Winslet marries in private ceremony');
  assert.equal(a.meta.outlet, 'BBC News');
  assert.equal(a.meta.date, '2016-06-30');
});

test('keys and dates', () => {
  assert.equal(keyFromUri('file:///a/b/000_457fc4fb20ffefc9.md'), '000_457fc4fb20ffefc9');
  assert.equal(keyFromUri('file:///a/Caf%C3%A9%20news.v2.txt'), 'Cafe-news-v2');
  assert.equal(keyFromUri('untitled:%%%'), 'untitled');
  assert.equal(keyFromUri('file:///a/.md'), 'md');
  assert.equal(normalizeDate('December 18, 2019'), '2019-12-18');
  assert.equal(normalizeDate('Tue 5th Dec. 2017'), '2017-12-05');
  assert.equal(normalizeDate('31/12/2019'), '2019-12-31');
  assert.equal(normalizeDate('no date here 2019'), undefined);
});

test('degenerate and huge inputs are parsed (a hang guard; `npm run bench` measures speed)', { timeout: 60_000 }, () => {
  assert.equal(parseArticle('file:///x/e.md', '').title, '');
  assert.equal(parseArticle('file:///x/e.md', '---\n').bodyStart >= 0, true);
  const big = 'A'.repeat(1_000_000);
  const quotes = '"'.repeat(100_000);
  const dashes = '---\n' + 'k: v\n'.repeat(50_000);
  parseArticle('file:///x/big.txt', big);
  parseArticle('file:///x/q.txt', quotes);
  parseArticle('file:///x/d.md', dashes);
  parseArticle('file:///x/s.txt', 'word '.repeat(200_000));
  assert.match(parseArticle('file:///x/l.txt', 'Short line\n'.repeat(100_000)).title, /^Short line/);
});
