import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { DRAFT_URI, harborService } from '../protocol/fixtures.ts';
import type { ClaimDiagnosticData } from '../../server/src/service/features/diagnostics.ts';
import { footnoteDefinition, markerOffset } from '../../server/src/service/features/citations.ts';

function diag(text: string, sentence: string, code: string, data: ClaimDiagnosticData): Diagnostic {
  const start = text.indexOf(sentence);
  const line = text.slice(0, start).split('\n').length - 1;
  const col = start - text.lastIndexOf('\n', start - 1) - 1;
  return {
    range: { start: { line, character: col }, end: { line, character: col + sentence.length } },
    message: 'm',
    code,
    source: 'sourced',
    data,
  };
}

function apply(text: string, edits: TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => offset(b.e.range.start) - offset(a.e.range.start) || b.i - a.i);
  let out = text;
  for (const { e } of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

test('insert-citation quick fix adds the marker after the sentence and the definition at the end', async () => {
  const service = await harborService();
  const sentence = 'The expansion would create 800 jobs.';
  const text = `# Port\n\n${sentence} More text follows.\n`;
  const d = diag(text, sentence, 'uncited-claim', { citationKey: 'harbor-deal' });
  const actions = await service.getCodeActions({ uri: DRAFT_URI, text }, d.range, [d]);
  const cite = actions.find((a) => a.title.startsWith('Cite'));
  assert.ok(cite, actions.map((a) => a.title).join(', '));
  assert.equal(cite.kind, 'quickfix');
  const result = apply(text, cite.edit!.changes![DRAFT_URI]);
  assert.ok(result.includes('800 jobs.[^harbor-deal] More text'), result);
  assert.match(result, /\n\n\[\^harbor-deal\]: Coastal Times, “Port authority approves harbor expansion”, 2021-03-04\. sources\/harbor-deal\.md\n$/);
});

test('replacement quick fix uses the exact words; unknown diagnostics are ignored', async () => {
  const service = await harborService();
  const text = 'Okafor said "this terminal will triple capacity".\n';
  const range = { start: { line: 0, character: 13 }, end: { line: 0, character: 47 } };
  const d: Diagnostic = {
    ...diag(text, 'this terminal will triple capacity', 'misquote', {
      replacement: { range, newText: 'This terminal will double our capacity by 2025,', label: 'Replace with the exact words' },
    }),
  };
  const other: Diagnostic = { ...d, source: 'markdownlint', data: undefined };
  const actions = await service.getCodeActions({ uri: DRAFT_URI, text }, range, [d, other]);
  assert.equal(actions.length, 1);
  assert.equal(actions[0].title, 'Replace with the exact words');
  assert.equal(actions[0].isPreferred, true);
  assert.deepEqual(actions[0].edit!.changes![DRAFT_URI], [{ range, newText: 'This terminal will double our capacity by 2025,' }]);
});

test('an unsourced claim can be marked as the writer’s own analysis', async () => {
  const service = await harborService();
  const sentence = 'The harbour will surely become the busiest in the region.';
  const text = `Intro line here.\n\n${sentence}\n`;
  const d = diag(text, sentence, 'unsourced-claim', {});
  const actions = await service.getCodeActions({ uri: DRAFT_URI, text }, d.range, [d], ['quickfix']);
  const mark = actions.find((a) => a.title.includes('own analysis'));
  assert.ok(mark);
  assert.equal(apply(text, mark.edit!.changes![DRAFT_URI]), `Intro line here.\n\n<!-- sourced-ignore --> ${sentence}\n`);
});

test('`only` filters kinds; the cite-all source action cites every supported uncited claim', async () => {
  const service = await harborService();
  const text = 'Harbor Commissioner Maria Okafor said the expansion would create 800 jobs.\n\nThe International Dockworkers Union endorsed the Elmsworth terminal on Thursday.\n';
  const report = await service.checkDocument({ uri: DRAFT_URI, text });
  const quick = await service.getCodeActions({ uri: DRAFT_URI, text }, report.claims[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, report.diagnostics, ['source']);
  assert.ok(quick.every((a) => a.kind?.startsWith('source')));
  const uncited = report.claims.filter((c) => c.verdict === 'supported' && c.citations.length === 0 && !c.ignored);
  if (uncited.length === 0) return; // nothing to cite with this checker
  const all = quick.find((a) => a.kind === 'source.sourced.citeAll');
  assert.ok(all);
  const result = apply(text, all.edit!.changes![DRAFT_URI]);
  assert.equal((result.match(/\[\^[\w-]+\](?!:)/g) ?? []).length, uncited.length);
  assert.ok(/\n\[\^[\w-]+\]: /.test(result));
});

test('markers go after closing punctuation and existing markers; definitions are one line', () => {
  assert.equal(markerOffset('He said "yes." Then', 13), 14);
  assert.equal(markerOffset('Done.[^a] Next', 5), 9);
  const def = footnoteDefinition(
    { uri: 'file:///w/sources/x%20y.md', key: 'x-y', meta: { outlet: 'Daily\nNews' }, title: 'A [bracketed]\ntitle', text: '', bodyStart: 0, sentences: [] },
    'file:///w/drafts/d.md',
  );
  assert.equal(def, '[^x-y]: Daily News, “A (bracketed) title”. sources/x y.md');
});
