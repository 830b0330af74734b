// `npm run bench -- --archive`: the shared archive at scale (issue 16). For each size, the corpus is synced
// into PostgreSQL with the real `sourced archive sync` (the built CLI, a process of its own), `archive
// status` gives its size, and a desk of language servers reads it (test/bench/archiveEditors.ts).
//
//   --archive                 this mode
//   --sizes 100000,500000     corpora (article counts, generated and cached in .bench-cache/; or bbc)
//   --archive-url URL         an existing database (one size); else a PostgreSQL 15 cluster of the bench's
//                             own (Debian's postgresql-15, as the archive tests start it), a database a size
//   --keep-cluster            leave the bench's cluster running and print its address (to rerun with
//                             --archive-url; a rerun's sync finds everything unchanged)
//   --sync-only               just the sync and the archive's size (for profiling the sync)
//   --no-sync                 the desk on the archive as it is (--archive-url): no sync first, as when the
//                             archive was synced by another release (a re-sync at 500,000 takes 30-50 min)
//   --shared-buffers SIZE     the bench cluster's shared_buffers (default: a quarter of this machine's
//                             memory up to 2GB, as PostgreSQL's docs advise for a database server; the
//                             default of a fresh cluster, 128MB, rereads a large archive's sentences
//                             from the operating system for every search)
//   --phase-budget S (240)    an editor phase stops issuing requests after S seconds (the answers by then count)
//   --editors N (8)  --runs N (3)  --seed N  --words N  --heap-mb N  --bbc-dir DIR  --out FILE

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { flagReader } from './args.ts';
import { DEFAULT_SERVER_MAX_MEMORY_MB } from '../../server/src/protocol.ts';
import type { PgCluster } from '../unit/fixtures/pgCluster.ts';
import { testCluster } from '../unit/fixtures/archiveCli.ts';
import { cachedCorpus, defaultBbcDir, repoRoot } from './generate.ts';
import { composeDraft, draftSentencesFromTexts } from './draftCore.ts';
import { processTreeCpu, reapedChildrenCpu } from './cpuTime.ts';
import { measureDesk, type DeskResult } from './archiveEditors.ts';
import { archiveRows } from './archiveReport.ts';
import { collectRowTargets, renderRows } from './report.ts';

interface Options {
  sizes: string[];
  url?: string;
  keepCluster: boolean;
  syncOnly: boolean;
  noSync: boolean;
  sharedBuffers: string;
  editors: number;
  phaseBudgetS: number;
  runs: number;
  seed: number;
  words: number;
  heapMb: number;
  bbcDir: string;
  out: string;
}

function parseArgs(argv: string[]): Options {
  const { get, num } = flagReader(argv);
  const sizes = (get('--sizes') ?? '100000,500000').split(',').map((s) => s.trim()).filter(Boolean);
  const url = get('--archive-url');
  if (url && sizes.length > 1) throw new Error('--archive-url holds one corpus: give one size (--sizes N)');
  if (argv.includes('--no-sync') && !url) throw new Error('--no-sync reads an archive synced before: give it with --archive-url');
  return {
    sizes,
    url,
    keepCluster: argv.includes('--keep-cluster'),
    syncOnly: argv.includes('--sync-only'),
    noSync: argv.includes('--no-sync'),
    sharedBuffers: get('--shared-buffers') ?? `${Math.min(2048, Math.floor(totalmem() / 4 / 2 ** 20))}MB`,
    editors: num('--editors', 8),
    phaseBudgetS: num('--phase-budget', 240),
    runs: num('--runs', 3),
    seed: num('--seed', 1),
    words: num('--words', 2000),
    heapMb: get('--heap-mb') === '0' ? 0 : num('--heap-mb', DEFAULT_SERVER_MAX_MEMORY_MB),
    bbcDir: resolve(get('--bbc-dir') ?? defaultBbcDir),
    out: resolve(get('--out') ?? join(repoRoot, 'bench-results.json')),
  };
}

export interface SyncFigures {
  ms: number;
  added: number;
  updated: number;
  unchanged: number;
  /** (added + updated) per second of the sync's own clock, as it prints it. */
  perSecond: number;
  /** CPU seconds: the sync's process (its analysis workers included) and PostgreSQL's processes (the
   *  bench's own cluster only). Load-independent where `ms` is not. */
  cpu: { node: number; pg: number };
  /** The sync's last line on stderr. */
  summary: string;
  load: { before: number[]; after: number[] };
}

export interface ArchiveSizeResult {
  size: string;
  dir: string;
  sync?: SyncFigures;
  status?: { articles: number; sentences: number; entities: number; databaseBytes: number };
  desk?: DeskResult;
  load: { start: number[]; end: number[] };
  errors: string[];
}

const log = (message: string) => process.stderr.write(`${message}\n`);

/** Runs the built CLI (`node dist/cli.js ARGS`); with `progress`, its stderr lines are passed on as they come. */
function cli(args: string[], progress?: (line: string) => void): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(repoRoot, 'dist', 'cli.js'), ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => {
      const text = c.toString();
      stderr += text;
      if (progress) for (const line of text.split('\n')) if (line.trim()) progress(line);
    });
    child.on('error', (err) => done({ code: -1, stdout, stderr: `${stderr}${err.message}\n` }));
    child.on('close', (code) => done({ code: code ?? -1, stdout, stderr }));
  });
}

/** The sync, timed by the clock and by the CPU it and PostgreSQL used (`postmaster`: the cluster's pid,
 *  when the bench runs it). */
async function sync(url: string, dir: string, postmaster: number | undefined, progress: (line: string) => void): Promise<SyncFigures> {
  const before = loadavg();
  const cpu0 = { node: reapedChildrenCpu(), pg: postmaster ? processTreeCpu(postmaster) : NaN };
  const t0 = performance.now();
  const r = await cli(['archive', 'sync', '--archive', url, dir], progress);
  const ms = performance.now() - t0;
  const cpu = { node: reapedChildrenCpu() - cpu0.node, pg: postmaster ? processTreeCpu(postmaster) - cpu0.pg : NaN };
  const summary = r.stderr.trim().split('\n').pop() ?? '';
  if (r.code !== 0) throw new Error(`archive sync exited ${r.code}: ${summary}`);
  const m = /synced in ([\d.]+) s: (\d+) added, (\d+) updated, \d+ removed, (\d+) unchanged/.exec(summary);
  if (!m) throw new Error(`archive sync: unexpected summary "${summary}"`);
  const [added, updated, unchanged] = [Number(m[2]), Number(m[3]), Number(m[4])];
  return { ms, added, updated, unchanged, perSecond: (added + updated) / Number(m[1]), cpu, summary, load: { before, after: loadavg() } };
}

/** The cluster's postmaster, whose process tree runs every backend. */
function postmasterPid(cluster: PgCluster | undefined): number | undefined {
  if (!cluster) return undefined;
  try {
    return Number(readFileSync(join(cluster.dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]) || undefined;
  } catch {
    return undefined;
  }
}

/** Sentences of about 400 articles spread over the corpus, for the drafts and the completion prefixes. */
function corpusSentences(dir: string): string[] {
  const files: string[] = [];
  for (const category of readdirSync(dir).sort()) {
    const catDir = join(dir, category);
    if (!existsSync(catDir) || category.startsWith('.')) continue;
    try {
      for (const f of readdirSync(catDir).sort()) if (f.endsWith('.txt') || f.endsWith('.md')) files.push(join(catDir, f));
    } catch {
      // not a folder
    }
  }
  const step = Math.max(1, Math.floor(files.length / 400));
  return draftSentencesFromTexts(
    files.filter((_, i) => i % step === 0).map((f) => readFileSync(f, 'utf8')),
    3000,
  );
}

/** Name prefixes (3–6 letters of a two-word name) and quote openings a writer might type. */
function prefixesFrom(sentences: readonly string[], count: number): string[] {
  const out: string[] = [];
  for (const s of sentences) {
    const name = /\b([A-Z][a-z]+ [A-Z][a-z]+)\b/.exec(s.slice(1))?.[1];
    if (name && out.length < count / 2) out.push(name.slice(0, Math.min(name.length - 1, 3 + (out.length % 4))));
  }
  for (const s of sentences) {
    if (out.length >= count) break;
    const q = /["“]([A-Za-z]+ [A-Za-z]+)/.exec(s);
    if (q) out.push(`"${q[1]}`);
  }
  return out;
}

async function measureArchiveSize(size: string, url: string, postmaster: number | undefined, o: Options): Promise<ArchiveSizeResult> {
  const dir = size === 'bbc' ? o.bbcDir : cachedCorpus(Number(size), o.seed).dir;
  const result: ArchiveSizeResult = { size, dir, load: { start: loadavg(), end: [] }, errors: [] };
  const step = async <T>(name: string, fn: () => Promise<T>): Promise<T | undefined> => {
    log(`[archive ${size}] ${name}…`);
    try {
      return await fn();
    } catch (err) {
      result.errors.push(`${name}: ${err instanceof Error ? err.message : String(err)}`);
      log(`[archive ${size}] ${name} failed: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    }
  };
  let lastProgress = 0;
  const progress = (line: string) => {
    // A progress line every 30 s at most (the CLI writes one a second).
    if (line.includes('articles/s, ETA') && performance.now() - lastProgress < 30_000) return;
    lastProgress = performance.now();
    log(`[archive ${size}] ${line}`);
  };
  if (!o.noSync) result.sync = await step('sourced archive sync', () => sync(url, dir, postmaster, progress));
  result.status = await step('sourced archive status', async () => {
    const r = await cli(['archive', 'status', '--format', 'json', '--archive', url]);
    if (r.code !== 0) throw new Error(r.stderr.trim());
    const s = JSON.parse(r.stdout) as { articles: number; sentences: number; entities: number; databaseBytes: number };
    return { articles: s.articles, sentences: s.sentences, entities: s.entities, databaseBytes: s.databaseBytes };
  });
  if (o.syncOnly) {
    result.load.end = loadavg();
    return result;
  }
  const sentences = corpusSentences(dir);
  const drafts = Array.from({ length: o.editors }, (_, i) => composeDraft(sentences, o.words, o.seed + i));
  const workDir = mkdtempSync(join(tmpdir(), 'sourced-archive-bench-'));
  try {
    result.desk = await step(`${o.editors} editors`, () =>
      measureDesk(o.editors, { url, drafts, prefixes: prefixesFrom(sentences, 20), runs: o.runs, heapMb: o.heapMb, workDir, phaseBudgetMs: o.phaseBudgetS * 1000, log: (m) => log(`[archive ${size}]${m}`) }),
    );
    if (result.desk) result.errors.push(...result.desk.errors);
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
  result.load.end = loadavg();
  return result;
}

/** The servers' median resident memory at the end, from the smallest archive to the largest. */
function memoryGrowth(results: ArchiveSizeResult[]): { ratio: number; text: string } | undefined {
  const measured = results.filter((r) => r.desk?.memory.length && r.status).sort((a, b) => (a.status?.articles ?? 0) - (b.status?.articles ?? 0));
  if (measured.length < 2) return undefined;
  const rss = (r: ArchiveSizeResult) => [...(r.desk as DeskResult).memory.map((m) => m.end)].sort((a, b) => a - b)[(r.desk as DeskResult).memory.length >> 1] as number;
  const [small, large] = [measured[0] as ArchiveSizeResult, measured[measured.length - 1] as ArchiveSizeResult];
  const ratio = rss(large) / rss(small);
  const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
  return { ratio, text: `server RSS at the end (median of the editors): ${measured.map((r) => `${r.size} ${mb(rss(r))}`).join(', ')}; ×${ratio.toFixed(2)} from ${small.status?.articles} to ${large.status?.articles} articles` };
}

export async function runArchiveBench(argv: string[]): Promise<number> {
  const o = parseArgs(argv);
  if (!existsSync(join(repoRoot, 'dist', 'server.js'))) throw new Error('run `npm run build` first: the bench runs the built CLI and server');
  for (const size of o.sizes) {
    if (size !== 'bbc' && !(Number.isInteger(Number(size)) && Number(size) > 0)) throw new Error(`unknown size "${size}" (use bbc or an article count)`);
    if (size !== 'bbc') {
      const g = cachedCorpus(Number(size), o.seed);
      log(`${g.reused ? 'reusing' : 'generated'} corpus of ${size} articles (${(g.ms / 1000).toFixed(1)} s): ${g.dir}`);
    }
  }
  let cluster: PgCluster | undefined;
  const results: ArchiveSizeResult[] = [];
  try {
    if (!o.url) {
      cluster = await testCluster(undefined, { shared_buffers: o.sharedBuffers });
      log(`PostgreSQL cluster in ${cluster.dir}, port ${cluster.port}, shared_buffers ${o.sharedBuffers}`);
    }
    for (const size of o.sizes) {
      let url = o.url;
      if (!url) {
        const db = `bench_${size}`;
        (cluster as PgCluster).createDb(db);
        url = (cluster as PgCluster).url(db);
      }
      results.push(await measureArchiveSize(size, url, postmasterPid(cluster), o));
    }
  } finally {
    if (cluster && o.keepCluster) log(`cluster left running: ${cluster.url()} (data in ${cluster.dir}; pg_ctl -D ${cluster.dir}/data stop)`);
    else cluster?.destroy();
  }

  const targets = collectRowTargets(archiveRows, results);
  process.stdout.write(`\nThe archive (PostgreSQL), ${o.editors} editors:\n\n${renderRows(archiveRows, results)}\n\n`);
  const growth = memoryGrowth(results);
  if (growth) {
    process.stdout.write(`${growth.text}\n`);
    targets.push({ metric: 'server RSS, smallest to largest archive', text: '≤ 1.25× (does not grow with the archive)', pass: growth.ratio <= 1.25 });
  }
  for (const r of results) for (const e of r.errors) process.stdout.write(`error [${r.size}] ${e}\n`);
  const failed = targets.filter((t) => !t.pass);
  process.stdout.write(`targets: ${targets.length - failed.length}/${targets.length} met${failed.length ? ` (missed: ${failed.map((t) => t.metric).join('; ')})` : ''}\n`);

  // Beside the other sizes' figures, when the file holds a run of the embedded index.
  let report: Record<string, unknown> = {};
  try {
    report = JSON.parse(readFileSync(o.out, 'utf8')) as Record<string, unknown>;
  } catch {
    // a new file
  }
  report.archive = {
    date: new Date().toISOString(),
    node: process.version,
    machine: { cpu: cpus()[0]?.model, cpus: cpus().length, totalMemBytes: totalmem() },
    options: { sizes: o.sizes, editors: o.editors, runs: o.runs, seed: o.seed, words: o.words, heapMb: o.heapMb, ownCluster: !o.url },
    results,
    targets,
  };
  writeFileSync(o.out, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`wrote ${o.out} (archive)\n`);
  return results.some((r) => r.errors.length > 0) ? 1 : 0;
}
