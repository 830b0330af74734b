// Scale-out: a primary and a streaming replica (`pg_basebackup -R`) on this machine. A sync goes to the
// primary; a check against the replica, once it has replayed the sync, gives the embedded index's
// verdicts; a sync pointed at the replica is refused in one line.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { postgresAvailable, startCluster, type PgCluster } from './fixtures/pgCluster.ts';

const repo = path.resolve(__dirname, '..', '..');
const tmp = mkdtempSync(path.join(tmpdir(), 'sourced-replica-'));
let primary: PgCluster;
let replica: PgCluster;

before(async () => {
  if (!postgresAvailable()) throw new Error('PostgreSQL 15 is not installed: apt-get install -y postgresql-15 (see .ci/run)');
  primary = await startCluster();
  primary.createDb('desk');
  replica = await startCluster(primary);
});
after(() => {
  replica?.destroy();
  primary?.destroy();
  rmSync(tmp, { recursive: true, force: true });
});

function sourced(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', path.join(repo, 'server/src/cli/main.ts'), ...args], { cwd: repo, env: { ...process.env, XDG_CACHE_HOME: path.join(tmp, 'cache') }, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr });
    });
  });
}

async function replicaArticles(): Promise<number> {
  const c = new Client({ connectionString: replica.url('desk') });
  try {
    await c.connect();
    const exists = await c.query<{ t: string | null }>(`SELECT to_regclass('corpus_stats')::text AS t`);
    if (!exists.rows[0]?.t) return 0;
    return Number((await c.query<{ n: string }>(`SELECT articles AS n FROM corpus_stats`)).rows[0]?.n ?? 0);
  } finally {
    await c.end().catch(() => undefined);
  }
}

test('sync into the primary, check against the replica', async () => {
  const sync = await sourced(['archive', 'sync', '--archive', primary.url('desk'), path.join(repo, 'corpus')]);
  assert.equal(sync.code, 0, sync.stderr);
  const deadline = Date.now() + 60_000;
  while ((await replicaArticles()) < 3) {
    assert.ok(Date.now() < deadline, 'the replica did not replay the sync within 60 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  const draft = path.join(tmp, 'draft.md');
  cpSync(path.join(repo, 'examples', 'draft.md'), draft);
  const [local, archived] = await Promise.all([
    sourced(['check', '--format', 'json', '--no-cache', '--corpus', path.join(repo, 'corpus'), draft]),
    sourced(['check', '--format', 'json', '--archive', replica.url('desk'), draft]),
  ]);
  assert.equal(archived.code, local.code, archived.stderr);
  const verdicts = (out: string) => (JSON.parse(out) as { files: Array<{ claims: Array<{ verdict: string }> }> }).files[0].claims.map((c) => c.verdict);
  assert.deepEqual(verdicts(archived.stdout), verdicts(local.stdout));

  const refused = await sourced(['archive', 'sync', '--archive', replica.url('desk'), path.join(repo, 'corpus')]);
  assert.equal(refused.code, 2);
  assert.match(refused.stderr, /^sourced: the archive at postgres@127\.0\.0\.1:\d+\/desk is read-only \(a hot-standby replica\?\): sync into the primary\n$/);
});
