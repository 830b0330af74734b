// A source mis-decoded on its way into the newsroom (UTF-8 read as Windows-1252: "Â£2bn" for "£2bn") is
// shown and written as it is meant: in hovers, in the evidence of a verdict, in the nearest words of a
// misquote, in a completed quote and in the footnote a quick fix writes into the draft. Positions in the
// source stay those of its bytes as written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Hover, MarkupContent } from 'vscode-languageserver-types';
import { createSourcedService } from '../../server/src/service/index.ts';
import type { SourcedService } from '../../server/src/service/api.ts';

const source = `# Kestrel pledges Â£2bn for rail

Transport minister Dana Kestrel said: "We will spend Â£2bn on new lines across the north."

Kestrel announced the plan in Leeds on Monday, a week after the Â£5bn budget for roads.
`;
const SOURCE_URI = 'file:///ws/sources/kestrel-rail.md';
const DRAFT_URI = 'file:///ws/draft.md';

let indexed: Promise<SourcedService> | undefined;
function service(): Promise<SourcedService> {
  return (indexed ??= (async () => {
    const s = createSourcedService();
    await s.upsertSources([{ uri: SOURCE_URI, text: source }]);
    return s;
  })());
}

const noMojibake = (s: string) => assert.doesNotMatch(s, /Â/, s);

test('evidence, titles and diagnostics show the repaired text; the source range is that of the file', async () => {
  const s = await service();
  const text = 'Dana Kestrel announced the plan in Leeds on Monday, a week after the £5bn budget for roads.\n';
  const report = await s.checkDocument({ uri: DRAFT_URI, text });
  const claim = report.claims[0];
  assert.equal(claim.verdict, 'supported', JSON.stringify(claim));
  const evidence = claim.sources.find((e) => /the £5bn budget/.test(e.text));
  assert.ok(evidence, JSON.stringify(claim.sources));
  assert.equal(evidence.title, 'Kestrel pledges £2bn for rail');
  noMojibake(JSON.stringify(report));
  // The range still points at the sentence as the file holds it.
  const line = source.split('\n')[evidence.range.start.line];
  assert.ok(line.includes('Â£5bn'), line);
  const diagnostics = await s.getDiagnostics({ uri: DRAFT_URI, text });
  assert.ok(diagnostics.length > 0);
  noMojibake(JSON.stringify(diagnostics));
  // The cite quick fix writes the title into the draft's footnote.
  const cite = (await s.getCodeActions({ uri: DRAFT_URI, text }, diagnostics[0].range, diagnostics)).find((a) => a.title.startsWith('Cite'));
  assert.ok(cite, 'a cite quick fix');
  const written = JSON.stringify(cite.edit);
  assert.match(written, /Kestrel pledges £2bn for rail/);
  noMojibake(written + cite.title);
});

test('a misquote is offered the exact words as they are meant', async () => {
  const s = await service();
  const text = 'Dana Kestrel said: "We will spend £2bn on brand new lines in the north."\n';
  const claim = (await s.checkDocument({ uri: DRAFT_URI, text })).claims[0];
  assert.equal(claim.verdict, 'misquoted', JSON.stringify(claim));
  assert.ok(claim.quote?.nearest?.includes('£2bn'), JSON.stringify(claim.quote));
  noMojibake(JSON.stringify(claim));
});

test('hover cards and completed quotes carry no mis-decoded characters', async () => {
  const s = await service();
  const text = 'Dana Kestrel visited Leeds.\n\nKestrel said "We will\n';
  const hover = (await s.getHover({ uri: DRAFT_URI, text }, { line: 0, character: 2 })) as Hover | undefined;
  const md = (hover?.contents as MarkupContent | undefined)?.value ?? '';
  assert.match(md, /£2bn/, md);
  noMojibake(md);
  const list = await s.getCompletions({ uri: DRAFT_URI, text }, { line: 2, character: 'Kestrel said "We will'.length }, undefined, { resolveDocumentation: true });
  const item = list.items.find((i) => JSON.stringify(i.textEdit ?? i.insertText ?? '').includes('2bn'));
  assert.ok(item, JSON.stringify(list.items.map((i) => i.label)));
  noMojibake(JSON.stringify(item));
});
