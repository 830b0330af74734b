import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseMarkdown, type MarkdownProse } from '../../server/src/service/text/markdown.ts';

/** Masked text with runs of white space collapsed, for readable assertions. */
const prose = (md: string): string => parseMarkdown(md).masked.replace(/\s+/g, ' ').trim();
const blockTexts = (md: string, r: MarkdownProse = parseMarkdown(md)): Array<[string, string]> =>
  r.blocks.map((b) => [b.kind, r.masked.slice(b.start, b.end).replace(/\s+/g, ' ')]);
const ignoredTexts = (md: string): string[] => parseMarkdown(md).ignored.map((s) => md.slice(s.start, s.end));

test('masked text keeps length and line breaks', () => {
  const md = '---\ntitle: x\n---\r\n# Head\r\n\r\nText with `code`.\r\n';
  const r = parseMarkdown(md);
  assert.equal(r.masked.length, md.length);
  for (let i = 0; i < md.length; i++) {
    const c = md[i];
    if (c === '\n' || c === '\r') assert.equal(r.masked[i], c);
    else assert.ok(r.masked[i] === c || r.masked[i] === ' ');
  }
});

test('front matter: YAML and TOML are masked, unclosed is not front matter', () => {
  const yaml = '---\ntitle: "A"\ndate: 2019-12-22\n---\nBody text.';
  const r = parseMarkdown(yaml);
  assert.equal(r.frontMatterEnd, yaml.indexOf('Body'));
  assert.equal(prose(yaml), 'Body text.');
  assert.equal(prose('+++\ntitle = "A"\n+++\nBody.'), 'Body.');
  assert.equal(prose('\ufeff---\na: b\n...\nBody.'), 'Body.');
  const unclosed = parseMarkdown('---\nJust text.');
  assert.equal(unclosed.frontMatterEnd, 0);
  assert.equal(unclosed.masked.trim(), 'Just text.');
});

test('headings: ATX marks and closing sequences, setext underlines', () => {
  assert.deepEqual(blockTexts('# Title #\n\n### Sub\nSetext head\n===\n\nPara\n---\n'), [
    ['heading', 'Title'],
    ['heading', 'Sub'],
    ['heading', 'Setext head'],
    ['heading', 'Para'],
  ]);
  assert.deepEqual(blockTexts('#hashtag is text'), [['paragraph', '#hashtag is text']]);
});

test('paragraphs end at blank lines and keep soft-wrapped lines together', () => {
  assert.deepEqual(blockTexts('One line\nwraps here.\n\nSecond para.\n  \nThird.'), [
    ['paragraph', 'One line wraps here.'],
    ['paragraph', 'Second para.'],
    ['paragraph', 'Third.'],
  ]);
});

test('CRLF input', () => {
  const md = '# Head\r\n\r\nA *b* c\r\nd.\r\n\r\n- item\r\n';
  const r = parseMarkdown(md);
  assert.deepEqual(blockTexts(md, r), [['heading', 'Head'], ['paragraph', 'A b c d.'], ['listItem', 'item']]);
  assert.equal(md.slice(r.blocks[1].start, r.blocks[1].end), 'A *b* c\r\nd.');
});

test('lists: bullets, numbers, nesting, continuation, task boxes', () => {
  const md = '- one\n  continued\n  - nested\n    1. deeper\n- [x] done task\n* star\n+ plus\n\n1) first\n2. second\n\n   para in item\n';
  assert.deepEqual(blockTexts(md), [
    ['listItem', 'one continued'],
    ['listItem', 'nested'],
    ['listItem', 'deeper'],
    ['listItem', 'done task'],
    ['listItem', 'star'],
    ['listItem', 'plus'],
    ['listItem', 'first'],
    ['listItem', 'second'],
    ['listItem', 'para in item'],
  ]);
  // A number only starts a list when it can: "2019." inside a paragraph is text.
  assert.deepEqual(blockTexts('It ended in\n2019. Then more.'), [['paragraph', 'It ended in 2019. Then more.']]);
});

test('blockquotes, nested and lazy', () => {
  assert.deepEqual(blockTexts('> Quoted line\n> goes on.\n>\n> > Inner quote.\nlazy line\n\nAfter.'), [
    ['blockquote', 'Quoted line goes on.'],
    ['blockquote', 'Inner quote. lazy line'],
    ['paragraph', 'After.'],
  ]);
  assert.deepEqual(blockTexts('> # Quoted heading'), [['heading', 'Quoted heading']]);
});

test('fenced and indented code are masked; unclosed fences run to the end', () => {
  assert.equal(prose('Before.\n\n```js\nconst x = "claim";\n```\n\nAfter.'), 'Before. After.');
  assert.equal(prose('Before.\n\n~~~~\n```\nstill code\n~~~~\nAfter.'), 'Before. After.');
  assert.equal(prose('Before.\n\n```\nnever closed\n\nmore'), 'Before.');
  assert.equal(prose('Para.\n\n    indented code\n\nAfter.'), 'Para. After.');
  assert.equal(prose('Para line\n    indented continuation'), 'Para line indented continuation');
  assert.equal(prose('> ```\n> code\n> ```\n> Quote text.'), 'Quote text.');
  assert.equal(prose('``` not `a fence\ntext'), '``` not `a fence text');
});

test('inline code, escapes, emphasis and strikethrough', () => {
  assert.equal(prose('Use `sudo rm` and ``a ` b`` now.'), 'Use and now.');
  assert.equal(prose('A **bold** _claim_ and ~~struck~~ text.'), 'A bold claim and struck text.');
  assert.equal(prose('snake_case_name stays, 5 * 3 stays, ~50 people.'), 'snake_case_name stays, 5 * 3 stays, ~50 people.');
  // Same-length masking leaves a space where each backslash was.
  assert.equal(parseMarkdown('Escaped \\*stars\\* and \\[x\\].').masked, 'Escaped  *stars * and  [x ].');
  assert.equal(prose('Unclosed `backtick stays.'), 'Unclosed `backtick stays.');
});

test('links keep their text; images, autolinks, bare URLs and definitions are masked', () => {
  assert.equal(prose('See [the report](https://x.org/a_(b) "Title") now.'), 'See the report now.');
  assert.equal(prose('An ![chart](c.png) here and <https://a.b/c> and <me@x.org>.'), 'An here and and .');
  assert.equal(prose('Read https://www.bbc.co.uk/news/a_b. Or www.example.com, too.'), 'Read . Or , too.');
  assert.equal(prose('Ref [link text][r1] and [shortcut] and [r1][].\n\n[r1]: https://x.org "T"\n[shortcut]: /y'), 'Ref link text and shortcut and r1 .');
  assert.equal(prose('Editorial [sic] and [bracketed words] stay.'), 'Editorial [sic] and [bracketed words] stay.');
  assert.equal(prose('[![img](a.png)](https://x) Text.'), 'Text.');
});

test('HTML tags, comments and raw blocks are masked', () => {
  assert.equal(prose('A <b>bold</b> <span class="x">word</span>&nbsp;here.'), 'A bold word here.');
  assert.equal(prose('Text <!-- a note --> more.'), 'Text more.');
  assert.equal(prose('Before.\n\n<!--\nmulti\nline\n-->\nAfter.'), 'Before. After.');
  assert.equal(prose('Before.\n\n<script>\nvar a = "<b>";\n</script>\nAfter.'), 'Before. After.');
  assert.equal(prose('x < y and a <b c'), 'x < y and a <b c');
});

test('unclosed comments: a block comment hides the rest, an inline one the rest of its block', () => {
  assert.equal(prose('Visible.\n\n<!-- never closed\n\nHidden.'), 'Visible.');
  assert.equal(prose('Visible <!-- open\nstill hidden\n\nNext para.'), 'Visible Next para.');
});

test('citations and footnote definitions', () => {
  const md = 'Ekdahl arrived[^reuters] on Sunday.[^2]\n\n[^reuters]: Reuters, 20 Dec 2019.\n    Second line.\n[^2]: WSWS.\n\nNext paragraph.';
  const r = parseMarkdown(md);
  assert.deepEqual(r.citations.map((c) => [c.key, md.slice(c.start, c.end)]), [['reuters', '[^reuters]'], ['2', '[^2]']]);
  assert.deepEqual(r.footnotes.map((f) => [f.key, f.text, md.slice(f.textStart, f.textStart + f.text.length), md.slice(f.start, f.end)]), [
    ['reuters', 'Reuters, 20 Dec 2019.\n    Second line.', 'Reuters, 20 Dec 2019.\n    Second line.', '[^reuters]: Reuters, 20 Dec 2019.\n    Second line.'],
    ['2', 'WSWS.', 'WSWS.', '[^2]: WSWS.'],
  ]);
  assert.deepEqual(blockTexts(md, r), [['paragraph', 'Ekdahl arrived on Sunday.'], ['paragraph', 'Next paragraph.']]);
});

test('tables: each cell is a block, pipes and delimiter rows masked', () => {
  const md = 'Intro.\n\n| Name | Role \\| title |\n|:-----|-----:|\n| Ekdahl | envoy |\n| `x` | *y* |\n\nAfter.';
  assert.deepEqual(blockTexts(md), [
    ['paragraph', 'Intro.'],
    ['tableCell', 'Name'],
    ['tableCell', 'Role | title'],
    ['tableCell', 'Ekdahl'],
    ['tableCell', 'envoy'],
    ['tableCell', 'y'],
    ['paragraph', 'After.'],
  ]);
  assert.deepEqual(blockTexts('a | b\n--|--\nc | d'), [['tableCell', 'a'], ['tableCell', 'b'], ['tableCell', 'c'], ['tableCell', 'd']]);
  assert.deepEqual(blockTexts('Not | a table\nbecause no delimiter.'), [['paragraph', 'Not | a table because no delimiter.']]);
});

test('thematic breaks are masked', () => {
  assert.equal(prose('One.\n\n***\n\nTwo.\n\n- - -\n\nThree.'), 'One. Two. Three.');
});

test('sourced-ignore on its own line covers the next block', () => {
  const md = 'Fact one.\n\n<!-- sourced-ignore -->\nMy own analysis.\nStill mine.\n\nFact two.';
  const r = parseMarkdown(md);
  assert.deepEqual(ignoredTexts(md), ['My own analysis.\nStill mine.']);
  assert.deepEqual(r.blocks.map((b) => b.ignored), [false, true, false]);
  assert.deepEqual(ignoredTexts('<!-- sourced-ignore -->\n\n- opinion item\n- fact item'), ['opinion item']);
  assert.deepEqual(ignoredTexts('<!-- SOURCED-IGNORE: my view -->\n# Heading'), ['Heading']);
});

test('sourced-ignore inline covers the following sentence only', () => {
  const md = 'Fact one. <!-- sourced-ignore --> I think this is bad,\nreally. Fact two.';
  const r = parseMarkdown(md);
  assert.deepEqual(ignoredTexts(md), ['I think this is bad,\nreally.']);
  assert.equal(r.blocks[0].ignored, false);
  assert.deepEqual(ignoredTexts('<!-- sourced-ignore --> Opinion here. Fact.'), ['Opinion here.']);
  assert.deepEqual(ignoredTexts('Only fact. <!-- sourced-ignore -->\n\nNext para.'), []);
  assert.deepEqual(ignoredTexts('Fact <!-- sourced-ignore --> my view here. Next.'), ['my view here.']);
});

test('sourced-ignore-start … -end covers everything between; unclosed runs to the end', () => {
  const md = 'A.\n\n<!-- sourced-ignore-start -->\nB one.\n\n- B two\n<!-- sourced-ignore-end -->\n\nC.';
  const r = parseMarkdown(md);
  assert.deepEqual(ignoredTexts(md), ['B one.\n\n- B two']);
  assert.deepEqual(r.blocks.map((b) => b.ignored), [false, true, true, false]);
  assert.deepEqual(ignoredTexts('A. <!-- sourced-ignore-start --> B. C.'), ['B. C.']);
  assert.deepEqual(ignoredTexts('```\n<!-- sourced-ignore-start -->\n```\nA.'), [], 'not inside code');
});

test('never throws on garbage and keeps the length', () => {
  const garbage = [
    '', '\n', '\r', '>', '> ', '-', '1.', '#', '|', '|\n|-|', '[', ']', '[^', '[^]', '![', '<', '<!--', '-->', '`', '```',
    '\\', '*', '_', '~~', '[a](', '[a](<', '[a](b "', '<a href="', '+++', '---', '&nbsp', '\ud800', '[x]: ', ':---|',
    '- [ ]', '> - > - >', '1) 2) 3)', '    ', '\t-\tx', '[^a]:', '<pre>', '</b>', '\u2028', 'http://',
  ];
  for (let i = 0; i < 400; i++) garbage.push(garbage[(i * 7) % 45] + garbage[(i * 13) % 45] + '\n' + garbage[(i * 31) % 45]);
  for (const g of garbage) {
    const r = parseMarkdown(g);
    assert.equal(r.masked.length, g.length, JSON.stringify(g));
    for (const b of r.blocks) assert.ok(b.start >= 0 && b.end <= g.length && b.start < b.end);
  }
});

test('a 1 MB single-line paragraph and hostile repetitions finish (a hang guard; `npm run bench` measures speed)', { timeout: 60_000 }, () => {
  const sentence = 'The envoy met *officials* in [Seoul](https://x.org) on `Sunday`, said Ekdahl. ';
  const big = sentence.repeat(Math.ceil(1_000_000 / sentence.length));
  const r = parseMarkdown(big);
  assert.equal(r.blocks.length, 1);
  const hostile = [
    '`'.repeat(100_000), '"'.repeat(100_000), '[a]('.repeat(50_000), '[a](x ('.repeat(30_000), '<a x="'.repeat(30_000),
    '<!--'.repeat(50_000), '[^'.repeat(100_000), '> '.repeat(100_000), '- '.repeat(100_000) + 'x', '|'.repeat(100_000) + '\n|-|',
    '\\'.repeat(100_000), '*_'.repeat(100_000), 'a <!-- b\n\n'.repeat(20_000), '[x]\n'.repeat(50_000), 'www.'.repeat(50_000),
    '`a` ``b'.repeat(30_000), 'Fact. <!-- sourced-ignore --> View. '.repeat(20_000), '- a\n'.repeat(50_000), '<!a '.repeat(50_000), ']'.repeat(100_000), '['.repeat(100_000),
  ];
  for (const h of hostile) {
    const out = parseMarkdown(h);
    assert.equal(out.masked.length, h.length);
  }
});
