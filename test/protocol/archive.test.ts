// The language server with `sourced.archive.url` over stdio, against a real PostgreSQL 15 cluster: in a
// trusted workspace it checks a draft against the archive (the status names it, connected); in an
// untrusted one the archive is refused and the status says so.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient, type Message } from './lspClient.ts';
import type { PgCluster } from '../unit/fixtures/pgCluster.ts';
import { testCluster } from '../unit/fixtures/archiveCli.ts';

const repo = path.resolve(__dirname, '../..');
let pg: PgCluster;
let dir: string;

before(async () => {
  pg = await testCluster();
  pg.createDb('desk');
  execFileSync(process.execPath, ['--import', 'tsx', path.join(repo, 'server/src/cli/main.ts'), 'archive', 'sync', '--archive', pg.url('desk'), path.join(repo, 'corpus')], { cwd: repo, stdio: 'ignore' });
  dir = mkdtempSync(path.join(tmpdir(), 'sourced-lsp-archive-'));
  writeFileSync(path.join(dir, 'draft.md'), readFileSync(path.join(repo, 'examples', 'draft.md')));
});

after(() => {
  pg?.destroy();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function session(trusted: boolean, run: (client: LspClient, ready: Message) => Promise<void>): Promise<void> {
  const client = new LspClient(process.execPath, ['--import', 'tsx', path.join(repo, 'server/src/lsp/main.ts'), '--stdio'], repo, { ...process.env, XDG_CACHE_HOME: path.join(dir, '.cache') });
  try {
    client.onRequest('workspace/configuration', (params) => (params as { items: unknown[] }).items.map(() => ({ corpus: { paths: ['sources'] }, archive: { url: pg.url('desk') } })));
    const rootUri = pathToFileURL(dir).href;
    await client.request('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'ws' }],
      capabilities: { textDocument: { diagnostic: {} }, workspace: { configuration: true } },
      initializationOptions: { cache: false, trusted },
    });
    client.notify('initialized', {});
    const ready = await client.waitFor((m) => m.method === 'sourced/status' && (m.params as { state: string }).state === 'ready', 'corpus indexed', 60_000);
    await run(client, ready);
  } finally {
    await client.close();
  }
}

test('a trusted workspace checks drafts against the archive', async () => {
  await session(true, async (client, ready) => {
    const status = ready.params as { articles: number; bundled: boolean; archive?: { where: string; state: string } };
    assert.deepEqual(status.archive, { where: `postgres@127.0.0.1:${pg.port}/desk`, state: 'connected' });
    assert.equal(status.bundled, false);
    assert.equal(status.articles, 3);
    const uri = pathToFileURL(path.join(dir, 'draft.md')).href;
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: readFileSync(path.join(dir, 'draft.md'), 'utf8') } });
    const report = await client.request<{ items: Array<{ code: string }> }>('textDocument/diagnostic', { textDocument: { uri } }, 60_000);
    const codes = new Set(report.items.map((d) => d.code));
    // The example draft's misquote and contradicted figure are found in the archive's articles.
    assert.ok(codes.has('misquote') && codes.has('contradicted-claim'), JSON.stringify([...codes]));
  });
});

test('an untrusted workspace does not use the archive, and says so', async () => {
  await session(false, async (_client, ready) => {
    const status = ready.params as { archive?: { state: string; message?: string } };
    assert.equal(status.archive?.state, 'refused');
    assert.match(status.archive?.message ?? '', /not used in an untrusted workspace/);
  });
});
