import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cursor, DRAFT_URI, HARBOR_URI, harborService, hoverText } from '../protocol/fixtures.ts';
import { escapeMarkdown, markdownLink } from '../../server/src/service/features/markdownEscape.ts';

test('hover on a person shows canonical name, role with its source, quotes and mention count', async () => {
  const service = await harborService();
  const { text, position } = cursor('The plan was announced by Okaf|or on Tuesday.\n');
  const hover = await service.getHover({ uri: DRAFT_URI, text }, position);
  const md = hoverText(hover);
  assert.match(md, /\*\*Maria Okafor\*\* · person/);
  assert.match(md, /Harbor Commissioner/);
  assert.match(md, /This terminal will double our capacity/);
  assert.match(md, /Mentioned in 2 articles/);
  assert.ok(md.includes(`](${HARBOR_URI}#L`), 'links to the source passage by line');
  assert.equal((hover?.contents as { kind: string }).kind, 'markdown');
  assert.deepEqual(hover?.range?.start, { line: 0, character: text.indexOf('Okafor') });
});

test('hover on a citation marker shows the cited passage', async () => {
  const service = await harborService();
  const { text, position } = cursor(
    'The terminal will create 800 jobs.[^harbor-de|al]\n\n[^harbor-deal]: Coastal Times, “Port authority approves harbor expansion”.\n',
  );
  const md = hoverText(await service.getHover({ uri: DRAFT_URI, text }, position));
  assert.match(md, /Port authority approves harbor expansion/);
  assert.match(md, /Coastal Times/);
  assert.match(md, /800 jobs/);
  assert.match(md, /#L\d+\)/);
});

test('hover on plain words returns nothing', async () => {
  const service = await harborService();
  const { text, position } = cursor('It was a wind|y day.\n');
  assert.equal(await service.getHover({ uri: DRAFT_URI, text }, position), undefined);
});

test('hover on a flagged claim shows the verdict and evidence', async () => {
  const service = await harborService();
  const text = 'Maria Okafor said the expansion would create 800 jobs.\n\nThe mayor of Elmsworth resigned after a bribery scandal in 1998.\n';
  const report = await service.checkDocument({ uri: DRAFT_URI, text, version: 1 });
  const flagged = report.claims.find((c) => c.verdict !== 'supported' && !c.ignored);
  if (!flagged) return; // the checker supported everything: nothing to show
  const hover = await service.getHover({ uri: DRAFT_URI, text, version: 1 }, flagged.range.end);
  assert.match(hoverText(hover), /No source found|Contradicted|Misquote/);
});

test('corpus text cannot inject HTML, links or command URIs into a hover', async () => {
  const hostile = `---
title: "Hostile [title](command:workbench.action.quit)"
---
Harbor Commissioner Maria Okafor said "<img src=x onerror=alert(1)> see [here](command:workbench.action.quit) now" at the meeting.
`;
  const service = await harborService([{ uri: 'file:///ws/sources/hostile.md', text: hostile }]);
  const { text, position } = cursor('Okaf|or spoke.\n');
  const md = hoverText(await service.getHover({ uri: DRAFT_URI, text }, position));
  assert.ok(md.length > 0);
  assert.ok(!/(?<!\\)<img/i.test(md), 'no raw HTML');
  assert.ok(!md.includes('](command:'), 'no command links');
  assert.ok(!/(?<!\\)\[here\]/.test(md), 'link syntax from the source is escaped');
});

test('escapeMarkdown neutralises markup and schemes; links only to files', () => {
  assert.equal(escapeMarkdown('a *b* <i>c</i>\n# d'), 'a \\*b\\* \\<i\\>c\\</i\\> \\# d');
  assert.equal(escapeMarkdown('run command:foo'), 'run command\\:foo');
  assert.equal(markdownLink('x', 'command:evil'), 'x');
  assert.equal(markdownLink('A (b)', 'file:///a b/c.md', 4), '[A \\(b\\)](file:///a%20b/c.md#L5)');
});

test('a plural written as a name is not listed as another name of the person', async () => {
  const { createSourcedService } = await import('../../server/src/service/index.ts');
  const service = createSourcedService();
  await service.upsertSources([
    { uri: 'file:///c/a.md', text: '# Derby\n\nStriker Tomas Ekwall scored twice on Sunday. Ekwall said the team played well.\n' },
    { uri: 'file:///c/b.md', text: '# Youth\n\nClubs are looking for the next Tomas Ekwalls in their academies, coach Ana Holt said.\n' },
    { uri: 'file:///c/c.md', text: '# Cup\n\nTomas Ekwall was booked in the cup tie against the visitors.\n' },
  ]);
  const hover = await service.getHover({ uri: 'untitled:d.md', text: 'Tomas Ekwall scored.' }, { line: 0, character: 2 });
  const card = (hover?.contents as { value: string }).value;
  assert.match(card, /^\*\*Tomas Ekwall\*\* · person/);
  assert.match(card, /Also: Ekwall$/m);
});
