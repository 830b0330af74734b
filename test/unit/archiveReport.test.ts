// `sourced report --archive` on a real PostgreSQL 15 (no SQL mocked): the report of the example draft
// against an archive synced from the sample corpus is the report against the corpus folder, in every
// format (the HTML page's header names where the sources were, and when).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { PgCluster } from './fixtures/pgCluster.ts';
import { repo, sourced as runSourced, testCluster, type Run } from './fixtures/archiveCli.ts';

const tmp = mkdtempSync(path.join(tmpdir(), 'sourced-archive-report-'));
const draft = path.join(tmp, 'draft.md');
let pg: PgCluster;

const sourced = (args: string[]): Promise<Run> => runSourced(args, path.join(tmp, 'cache'));

before(async () => {
  pg = await testCluster();
  pg.createDb('report');
  // Away from any sources/ folder: the archive alone.
  cpSync(path.join(repo, 'examples', 'draft.md'), draft);
  const sync = await sourced(['archive', 'sync', '--archive', pg.url('report'), path.join(repo, 'corpus')]);
  assert.equal(sync.code, 0, sync.stderr);
});
after(() => {
  pg?.destroy();
  rmSync(tmp, { recursive: true, force: true });
});

/** The report header's line naming the draft, the time and the corpus. */
const META = /<div class="meta">.*<\/div>/;
/** The Markdown header's time (the two reports may be made either side of a minute). */
const CHECKED_AT = / · checked \d{4}-\d\d-\d\d \d\d:\d\d UTC /;

test('report --archive gives the report of the corpus folder, in json, md and html', async () => {
  for (const format of ['json', 'md', 'html']) {
    const [local, archived] = await Promise.all([
      sourced(['report', '--format', format, '--no-cache', '--corpus', path.join(repo, 'corpus'), draft]),
      sourced(['report', '--format', format, '--archive', pg.url('report'), draft]),
    ]);
    assert.equal(archived.code, local.code, archived.stderr);
    assert.equal(archived.code, 1, 'the example draft has findings');
    assert.ok(local.stdout.length > 1000, `${format}: a report`);
    if (format === 'html') {
      assert.match(archived.stdout, META);
      assert.equal(archived.stdout.replace(META, ''), local.stdout.replace(META, ''));
    } else {
      const when = (r: Run) => r.stdout.replace(CHECKED_AT, ' · checked (time) UTC ');
      if (format === 'md') assert.match(archived.stdout, CHECKED_AT);
      assert.equal(when(archived), when(local), `${format} reports differ`);
    }
    if (format === 'json') {
      const report = JSON.parse(archived.stdout) as { files: Array<{ summary: { claims: number; independence: { one: number } } }> };
      assert.ok(report.files[0].summary.claims > 3 && report.files[0].summary.independence.one > 0);
    }
  }
});

test('report --archive with a bad URL: one line, exit 2, no report', async () => {
  const r = await sourced(['report', '--archive', `postgresql://postgres@127.0.0.1:${pg.port}/missing`, draft]);
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  assert.match(r.stderr, /missing/);
});
