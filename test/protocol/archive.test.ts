// The language server with `sourced.archive.url` over stdio, against a real PostgreSQL 15 cluster: in a
// trusted workspace it checks a draft against the archive (the status names it, connected); in an
// untrusted one the archive is refused and the status says so; a sync into the archive while a draft is
// open has the editor pull its diagnostics again.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

interface SessionOptions {
  url?: string;
  /** How often the server asks the archive whether a sync changed it. */
  archivePollMs?: number;
}

async function session(trusted: boolean, run: (client: LspClient, ready: Message) => Promise<void>, o: SessionOptions = {}): Promise<void> {
  const client = new LspClient(process.execPath, ['--import', 'tsx', path.join(repo, 'server/src/lsp/main.ts'), '--stdio'], repo, { ...process.env, XDG_CACHE_HOME: path.join(dir, '.cache') });
  try {
    client.onRequest('workspace/configuration', (params) => (params as { items: unknown[] }).items.map(() => ({ corpus: { paths: ['sources'] }, archive: { url: o.url ?? pg.url('desk') } })));
    client.onRequest('workspace/diagnostic/refresh', () => null);
    const rootUri = pathToFileURL(dir).href;
    await client.request('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'ws' }],
      capabilities: { textDocument: { diagnostic: {} }, workspace: { configuration: true, diagnostics: { refreshSupport: true } } },
      initializationOptions: { cache: false, trusted, partialDiagnosticsMs: 600_000, ...(o.archivePollMs ? { archivePollMs: o.archivePollMs } : {}) },
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

test('a sync into the archive while a draft is open: the server finds it and the editor pulls the draft\'s diagnostics again', async () => {
  const sources = path.join(dir, 'live-sources');
  mkdirSync(sources);
  const note = (n: number, minutes: number) =>
    writeFileSync(path.join(sources, `crossing-${n}.md`), `---\ntitle: "Crossing ${n}"\n---\nHedda Rosvik, the ferry captain, said the crossing took ${minutes} minutes on Monday.\n`);
  const sync = () =>
    execFileSync(process.execPath, ['--import', 'tsx', path.join(repo, 'server/src/cli/main.ts'), 'archive', 'sync', '--archive', pg.url('live'), sources], { cwd: repo, stdio: 'ignore' });
  pg.createDb('live');
  note(1, 40);
  sync();
  await session(
    true,
    async (client) => {
      const uri = pathToFileURL(path.join(dir, 'crossing.md')).href;
      client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: 'Hedda Rosvik said the crossing took 55 minutes on Monday.\n' } });
      const pull = async () => (await client.request<{ items: Array<{ code: string }> }>('textDocument/diagnostic', { textDocument: { uri } }, 60_000)).items.map((d) => d.code);
      assert.deepEqual(await pull(), ['contradicted-claim']);
      // Another desk's sync brings the figure in: no request of this editor asks, the server's poll finds it.
      const refreshes = () => client.serverRequests.filter((m) => m.method === 'workspace/diagnostic/refresh').length;
      const before = refreshes();
      note(2, 55);
      sync();
      const deadline = Date.now() + 30_000;
      while (refreshes() === before) {
        assert.ok(Date.now() < deadline, 'the server did not ask the editor to pull diagnostics again within 30 s of the sync');
        await new Promise((r) => setTimeout(r, 50));
      }
      // Supported by the new article now; not cited in the draft.
      assert.deepEqual(await pull(), ['uncited-claim']);
    },
    { url: pg.url('live'), archivePollMs: 200 },
  );
});
