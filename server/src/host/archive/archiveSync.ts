// `sourced archive sync`: mirrors source folders into the archive. New files are added, changed ones
// (by content hash, which includes the analysis code's id) replaced, deleted ones removed. Each batch is
// one transaction, so a killed sync leaves whole batches behind and a rerun finishes the job: files
// already synced have their hash in the archive and are skipped, and an article's uri is unique.

import { createHash } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import type { PoolClient } from 'pg';
import { readCorpus, walkCorpus } from '../corpusFiles.ts';
import { analysisId } from '../analysisId.ts';
import { ArchiveError, archiveWhere } from './archiveErrors.ts';
import { openPool } from './pgArchive.ts';
import { ensureSchema, WRITER_LOCK } from './schema.ts';
import { deleteArticles, writeBatch } from './archiveWrite.ts';
import { AnalysePool, type AnalyseResponse, type FileToAnalyse } from './analysePool.ts';

export interface SyncProgress {
  done: number;
  total: number;
  perSecond: number;
  etaSeconds: number;
}

export interface SyncOptions {
  url: string;
  roots: string[];
  migrate: boolean;
  batchSize?: number;
  onProgress?: (p: SyncProgress) => void;
  onWarning?: (message: string) => void;
  /** Called with the schema change when the sync created or migrated the schema. */
  onMigrate?: (from: number, to: number) => void;
}

export interface SyncResult {
  added: number;
  updated: number;
  removed: number;
  unchanged: number;
  warnings: number;
  seconds: number;
}

const BATCH = 64;
/** Batches analysed ahead of the one being written. */
const QUEUED = 3;

export function contentHash(text: string, extracted: unknown): string {
  return createHash('sha256')
    .update(`${analysisId()}\u0000${extracted ? JSON.stringify(extracted) : ''}\u0000`)
    .update(text)
    .digest('hex');
}

export async function syncArchive(opts: SyncOptions): Promise<SyncResult> {
  const where = archiveWhere(opts.url);
  // A folder that is missing (a typo, an unmounted drive) must not mirror as "every file deleted".
  for (const root of opts.roots) {
    const st = await fsp.stat(root).catch(() => undefined);
    if (!st?.isDirectory()) throw new ArchiveError(`${st ? 'not a folder' : 'folder not found'}: ${root}`);
  }
  const pool = openPool(opts.url);
  let db: PoolClient | undefined;
  try {
    db = await pool.connect();
    const standby = await db.query<{ r: boolean }>(`SELECT pg_is_in_recovery() AS r`);
    if (standby.rows[0]?.r) throw new ArchiveError(`the archive at ${where} is read-only (a hot-standby replica?): sync into the primary`);
    const locked = await db.query<{ ok: boolean }>(`SELECT pg_try_advisory_lock($1) AS ok`, [WRITER_LOCK]);
    if (!locked.rows[0]?.ok) throw new ArchiveError(`another sync or migration is writing to the archive at ${where}; try again when it has finished`);
    const schema = await ensureSchema(db, where, opts.migrate);
    // A batch lost to a crash right after its commit is synced again by the next run (its hash is not in
    // the archive), so the sync need not wait for each commit to reach the disk.
    await db.query(`SET synchronous_commit = off`);
    if (schema.from !== schema.to) opts.onMigrate?.(schema.from, schema.to);
    const result = await mirror(db, opts);
    await db.query(`INSERT INTO sourced_meta (key, value) VALUES ('last_sync', now()::text) ON CONFLICT (key) DO UPDATE SET value = excluded.value`);
    return result;
  } finally {
    db?.release();
    await pool.end().catch(() => undefined);
  }
}

async function mirror(db: PoolClient, opts: SyncOptions): Promise<SyncResult> {
  const pool = new AnalysePool();
  try {
    return await mirrorWith(db, opts, pool);
  } finally {
    await pool.close();
  }
}

async function mirrorWith(db: PoolClient, opts: SyncOptions, pool: AnalysePool): Promise<SyncResult> {
  const t0 = performance.now();
  const result: SyncResult = { added: 0, updated: 0, removed: 0, unchanged: 0, warnings: 0, seconds: 0 };
  const roots = opts.roots.map((r) => path.resolve(r));
  // Files to look at, for the progress line's total.
  let total = 0;
  for await (const w of walkCorpus(roots)) if (w.kind === 'entry') total++;
  let done = 0;
  let lastReport = 0;
  const report = (force = false) => {
    const now = performance.now();
    if (!opts.onProgress || (!force && now - lastReport < 1000)) return;
    lastReport = now;
    const seconds = (now - t0) / 1000;
    const perSecond = seconds > 0 ? done / seconds : 0;
    opts.onProgress({ done, total, perSecond, etaSeconds: perSecond > 0 ? (total - done) / perSecond : 0 });
  };

  for (const root of roots) {
    const known = new Map<string, { id: number; hash: string }>();
    const r = await db.query<{ id: number; path: string; hash: string }>(`SELECT id::float8 AS id, path, hash FROM articles WHERE root = $1`, [root]);
    for (const row of r.rows) known.set(row.path, { id: row.id, hash: row.hash });
    const seen = new Set<string>();
    let batch: FileToAnalyse[] = [];
    // Batches are analysed on worker threads and written in the order given, one transaction each, while
    // the next batches are read and analysed.
    const queue: Array<{ rows: Promise<AnalyseResponse> }> = [];
    const writeNext = async () => {
      const r = await (queue.shift() as { rows: Promise<AnalyseResponse> }).rows;
      for (const f of r.failed) {
        result.warnings++;
        result.added--; // counted when read; not analysed, so not in the archive
        opts.onWarning?.(`${f.path}: could not analyse (${f.message})`);
      }
      await writeBatch(db, r.rows, r.meta.flatMap((m) => (m.replaces === undefined ? [] : [m.replaces])));
      done += r.meta.length + r.failed.length;
      report();
    };
    const flush = async () => {
      if (!batch.length) return;
      const files = batch;
      batch = [];
      queue.push(await pool.submit(files));
      while (queue.length > QUEUED) await writeNext();
    };
    for await (const f of readCorpus([root])) {
      if (f.kind === 'warning') {
        result.warnings++;
        opts.onWarning?.(`${f.path}: ${f.message}`);
        continue;
      }
      if (f.warning) opts.onWarning?.(`${f.path}: ${f.warning}`);
      const rel = path.relative(root, f.path).split(path.sep).join('/') || path.basename(f.path);
      seen.add(rel);
      const hash = contentHash(f.text, f.extracted);
      const old = known.get(rel);
      if (old?.hash === hash) {
        result.unchanged++;
        done++;
        report();
        continue;
      }
      batch.push({ uri: f.uri, text: f.text, ...(f.extracted ? { extracted: f.extracted } : {}), root, path: rel, file: f.path, hash, ...(old ? { replaces: old.id } : {}) });
      if (old) result.updated++;
      else result.added++;
      if (batch.length >= (opts.batchSize ?? BATCH)) await flush();
    }
    await flush();
    while (queue.length) await writeNext();
    const gone = [...known].filter(([p]) => !seen.has(p)).map(([, v]) => v.id);
    for (let i = 0; i < gone.length; i += 500) {
      await db.query('BEGIN');
      try {
        await deleteArticles(db, gone.slice(i, i + 500));
        await db.query('COMMIT');
      } catch (err) {
        await db.query('ROLLBACK').catch(() => undefined);
        throw err;
      }
    }
    result.removed += gone.length;
  }
  report(true);
  result.seconds = (performance.now() - t0) / 1000;
  return result;
}
