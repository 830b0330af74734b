// Scale-out: a primary and a streaming replica (`pg_basebackup -R`) on this machine. A sync goes to the
// primary; a check against the replica, once it has replayed the sync, gives the embedded index's
// verdicts; a sync pointed at the replica is refused in one line.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import type { PgCluster } from './fixtures/pgCluster.ts';
import { checkBoth, repo, sourced as runSourced, testCluster, type Run } from './fixtures/archiveCli.ts';

const tmp = mkdtempSync(path.join(tmpdir(), 'sourced-replica-'));
let primary: PgCluster;
let replica: PgCluster;

before(async () => {
  primary = await testCluster();
  primary.createDb('desk');
  replica = await testCluster(primary);
});
after(() => {
  replica?.destroy();
  primary?.destroy();
  rmSync(tmp, { recursive: true, force: true });
});

const sourced = (args: string[]): Promise<Run> => runSourced(args, path.join(tmp, 'cache'));

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
  const { local, archived } = await checkBoth(tmp, replica.url('desk'));
  assert.equal(archived.code, local.code, archived.stderr);
  assert.ok(local.claims.length > 3);
  assert.deepEqual(archived.claims, local.claims);

  const refused = await sourced(['archive', 'sync', '--archive', replica.url('desk'), path.join(repo, 'corpus')]);
  assert.equal(refused.code, 2);
  assert.match(refused.stderr, /^sourced: the archive at postgres@127\.0\.0\.1:\d+\/desk is read-only \(a hot-standby replica\?\): sync into the primary\n$/);
});
