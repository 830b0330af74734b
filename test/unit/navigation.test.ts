import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cursor, DRAFT_URI, HARBOR, HARBOR_URI, harborService, UNION_URI } from '../protocol/fixtures.ts';
import { citationPath } from '../../server/src/service/features/draftLookup.ts';

test('definition on a name: its first mention in each corpus article', async () => {
  const service = await harborService();
  const { text, position } = cursor('Maria Oka|for spoke.\n');
  const locations = await service.getDefinition({ uri: DRAFT_URI, text }, position);
  assert.deepEqual(new Set(locations.map((l) => l.uri)), new Set([HARBOR_URI, UNION_URI]));
  const harbor = locations.find((l) => l.uri === HARBOR_URI)!;
  const line = HARBOR.split('\n')[harbor.range.start.line];
  assert.ok(line.slice(harbor.range.start.character).startsWith('Maria Okafor') || line.slice(harbor.range.start.character).startsWith('Okafor'), line);
});

test('references list every mention across the corpus', async () => {
  const service = await harborService();
  const { text, position } = cursor('Okafor| spoke.\n');
  const refs = await service.getReferences({ uri: DRAFT_URI, text }, position);
  assert.ok(refs.length >= 3, `got ${refs.length}`);
  assert.ok(refs.some((r) => r.uri === UNION_URI));
});

test('definition on a citation marker goes to the cited passage', async () => {
  const service = await harborService();
  const { text, position } = cursor('It will create 800 jobs.[^harbor|-deal]\n');
  const [loc] = await service.getDefinition({ uri: DRAFT_URI, text }, position);
  assert.equal(loc?.uri, HARBOR_URI);
  assert.match(HARBOR.split('\n')[loc.range.start.line], /800 jobs/);
});

test('workspace symbols search corpus entities', async () => {
  const service = await harborService();
  const symbols = await service.getWorkspaceSymbols('okafor');
  const okafor = symbols.find((s) => s.name === 'Maria Okafor');
  assert.ok(okafor, symbols.map((s) => s.name).join(', '));
  assert.ok('range' in okafor.location && okafor.location.uri.startsWith('file:///ws/sources/'));
  assert.ok((await service.getWorkspaceSymbols('')).length > 0);
});

test('document links on footnote definitions that cite corpus articles', async () => {
  const service = await harborService();
  const text = 'Jobs.[^harbor-deal] Union.[^u]\n\n[^harbor-deal]: Coastal Times, 2021.\n[^u]: Harbor Ledger, “Dockworkers union backs terminal plan”.\n[^x]: An interview.\n';
  const links = await service.getDocumentLinks({ uri: DRAFT_URI, text });
  assert.deepEqual(links.map((l) => l.target).sort(), [HARBOR_URI, UNION_URI].sort());
  assert.ok(links.every((l) => l.range.start.line >= 2));
});

test('citation paths are relative to the folder the draft and source share', () => {
  assert.equal(citationPath('file:///ws/drafts/a.md', 'file:///ws/sources/b.md'), 'sources/b.md');
  assert.equal(citationPath('file:///ws/a.md', 'file:///ws/sources/sub/b%20c.md'), 'sources/sub/b c.md');
  assert.equal(citationPath('file:///home/u/a.md', 'file:///opt/ext/corpus/b.md'), 'b.md');
});
