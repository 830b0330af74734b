// `npm run bench`: indexing, reload, memory and latency of the service on the BBC corpus and on
// generated corpora of 10,000 and 50,000 articles. Each size runs in its own child process so peak
// memory figures don't mix. A benchmark, not a test: it exits 0 unless a measurement crashes.
//
//   --sizes bbc,10000,50000   corpora to measure (numbers are generated, cached in .bench-cache/)
//   --runs N                  repetitions of each timed operation (default 5)
//   --quick                   smoke run: a generated 1,000-article corpus, 2 runs
//   --responsiveness-max N    probe latency during a second cold index for corpora up to N files (10000)
//   --heap-mb N               V8 heap cap of each measuring process, as the editor client gives the server
//                             (default: the client's default, DEFAULT_SERVER_MAX_MEMORY_MB; 0 = Node's own)
//   --batch N                 index the files read in batches of N (default: all at once, as the editor's
//                             server and the CLI do; batches end bulk indexing, resolution and regrouping
//                             each time, which took a 50,000-article index from 45 s to 250 s)
//   --seed N  --words N  --bbc-dir DIR  --out FILE
//   --no-cli                  skip timing `sourced check` (cold and warm) of the draft against BBC
//   --no-editor               skip timing the draft's diagnostics in a fresh language server on BBC
//   --no-formats              skip reading speed of PDFs, Word documents, web pages and transcripts
//   --formats-only            only that (test/bench/formats.ts)
//   --no-hostile              skip the text analysers' speed on hostile input (test/bench/hostile.ts)
//   --archive                 the shared archive on PostgreSQL instead (test/bench/archiveBench.ts):
//                             --sizes 100000,500000, --archive-url URL, --editors 8

import { fork } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { flagReader } from './args.ts';
import { DEFAULT_SERVER_MAX_MEMORY_MB } from '../../server/src/protocol.ts';
import { cachedCorpus, corpusCacheDir, defaultBbcDir, repoRoot } from './generate.ts';
import type { BenchResult } from './floor.ts';
import { limitHeapGrowth } from '../../server/src/host/heapGrowth.ts';
import { collectTargets, renderFloorNotes, renderTable } from './report.ts';

interface Options {
  sizes: string[];
  runs: number;
  seed: number;
  batch: number;
  words: number;
  bbcDir: string;
  out: string;
  responsivenessMaxFiles: number;
  heapMb: number;
  only?: string;
  formats: boolean;
  formatsOnly: boolean;
  hostile: boolean;
  cli: boolean;
  editor: boolean;
}

function parseArgs(argv: string[]): Options {
  const { get, num } = flagReader(argv);
  const quick = argv.includes('--quick');
  return {
    sizes: (get('--sizes') ?? (quick ? '1000' : 'bbc,10000,50000')).split(',').map((s) => s.trim()).filter(Boolean),
    runs: num('--runs', quick ? 2 : 5),
    seed: num('--seed', 1),
    batch: num('--batch', Infinity),
    words: num('--words', 2000),
    bbcDir: resolve(get('--bbc-dir') ?? defaultBbcDir),
    out: resolve(get('--out') ?? join(repoRoot, 'bench-results.json')),
    responsivenessMaxFiles: num('--responsiveness-max', 10_000),
    heapMb: get('--heap-mb') === '0' ? 0 : num('--heap-mb', DEFAULT_SERVER_MAX_MEMORY_MB),
    only: get('--only'),
    formats: !argv.includes('--no-formats'),
    formatsOnly: argv.includes('--formats-only'),
    hostile: !argv.includes('--no-hostile'),
    cli: !argv.includes('--no-cli'),
    editor: !argv.includes('--no-editor'),
  };
}

const log = (message: string) => process.stderr.write(`${message}\n`);

function corpusDir(size: string, o: Options): string {
  return size === 'bbc' ? o.bbcDir : corpusCacheDir(Number(size), o.seed);
}

async function child(o: Options, size: string): Promise<void> {
  // The server's own limit on how far its heap grows past what is alive (host/heapGrowth.ts).
  limitHeapGrowth();
  // Loaded here so the parent (and corpus generation) never loads the service.
  const { measureSize } = await import('./measure.ts');
  const { createSourcedService } = await import('../../server/src/service/index.ts');
  const { measureFloor, floorRatios } = await import('./floor.ts');
  let draft: { text: string; words: number } | undefined;
  const dir = corpusDir(size, o);
  const measured = await measureSize({ size, dir, runs: o.runs, seed: o.seed, batch: o.batch, draftWords: o.words, log, responsivenessMaxFiles: o.responsivenessMaxFiles, createService: () => createSourcedService(), onPartial: (partial) => process.send?.({ partial }), onDraft: (d) => (draft = d) });
  // The floor in this process, after the memory figures are taken, so ratios share the run's conditions.
  log(`[${size}] floor: read every article, split into sentences and words…`);
  const result: BenchResult = { ...measured, floor: measureFloor(dir, Math.min(3, Math.max(2, o.runs))) };
  if (size === 'bbc' && o.cli && draft) {
    log(`[${size}] sourced check of the draft (CLI, cold and warm)…`);
    const { measureCliCheck } = await import('./cliCheck.ts');
    try {
      result.cli = measureCliCheck(dir, draft.text, draft.words, Math.min(o.runs, 3));
    } catch (err) {
      result.errors = [...result.errors, `cli check: ${err instanceof Error ? err.message : String(err)}`];
    }
  }
  if (size === 'bbc' && o.editor && draft) {
    log(`[${size}] the draft opened in a fresh language server (cold and with its saved index)…`);
    const { measureEditorFirst } = await import('./editorFirst.ts');
    try {
      result.editor = await measureEditorFirst(dir, draft.text, Math.min(o.runs, 3), o.heapMb);
    } catch (err) {
      result.errors = [...result.errors, `editor: ${err instanceof Error ? err.message : String(err)}`];
    }
  }
  result.ratios = floorRatios(result);
  await new Promise<void>((done) => (process.send ? process.send({ result }, () => done()) : done()));
  process.exit(0);
}

type ChildOutcome = BenchResult | { size: string; crashed: string; partial?: BenchResult };

function runChild(o: Options, size: string): Promise<ChildOutcome> {
  return new Promise((done) => {
    const args = ['--only', size, '--responsiveness-max', String(o.responsivenessMaxFiles), '--runs', String(o.runs), '--seed', String(o.seed), '--batch', String(o.batch), '--words', String(o.words), '--bbc-dir', o.bbcDir, '--heap-mb', String(o.heapMb), ...(o.cli ? [] : ['--no-cli']), ...(o.editor ? [] : ['--no-editor'])];
    // Measured under the heap cap the editor client starts the server with, so memory figures are the server's.
    const execArgv = o.heapMb > 0 ? [...process.execArgv, `--max-old-space-size=${o.heapMb}`] : process.execArgv;
    const proc = fork(__filename, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv });
    let result: BenchResult | undefined;
    let partial: BenchResult | undefined;
    proc.on('message', (m: { result?: BenchResult; partial?: BenchResult }) => {
      result = m.result ?? result;
      partial = m.partial ?? partial;
    });
    proc.on('exit', (code, signal) => done(result ?? { size, crashed: `child exited with ${signal ?? `code ${code}`}`, partial }));
    proc.on('error', (err) => done({ size, crashed: err.message }));
  });
}

async function parent(o: Options): Promise<number> {
  const generated: Record<string, { ms: number; reused: boolean }> = {};
  for (const size of o.sizes) {
    if (size === 'bbc') continue;
    const count = Number(size);
    if (!Number.isInteger(count) || count <= 0) throw new Error(`unknown size "${size}" (use bbc or an article count)`);
    const g = cachedCorpus(count, o.seed);
    generated[size] = { ms: g.ms, reused: g.reused };
    log(`${g.reused ? 'reusing' : 'generated'} corpus of ${count} articles (${(g.ms / 1000).toFixed(1)} s): ${g.dir}`);
  }

  const results: BenchResult[] = [];
  const crashes: Array<{ size: string; crashed: string }> = [];
  for (const size of o.formatsOnly ? [] : o.sizes) {
    const r = await runChild(o, size);
    if (!('crashed' in r)) results.push(r);
    else {
      crashes.push({ size: r.size, crashed: r.crashed });
      // What was measured before the crash still goes in the table, marked with the crash.
      if (r.partial) results.push({ ...r.partial, errors: [...r.partial.errors, `crashed after indexing: ${r.crashed}`] });
    }
  }

  // Reading speed of the extracted formats, in this process (a few seconds; the corpora above are .txt).
  const { measureFormats, renderFormats } = await import('./formats.ts');
  const formats = o.formats || o.formatsOnly ? await measureFormats(Math.min(o.runs, 3), o.bbcDir, log) : [];
  // The text analysers on hostile input, beside prose of the same length (about 20 s).
  const { measureHostile, renderHostile } = await import('./hostile.ts');
  const hostile = o.hostile && !o.formatsOnly ? measureHostile(Math.max(2, Math.min(o.runs, 3))) : [];

  const targets = collectTargets(results);
  if (results.length) process.stdout.write(`\n${renderTable(results)}\n\n${renderFloorNotes(results)}\n\n`);
  if (formats.length) process.stdout.write(`\nSource formats read (extraction only, best of ${Math.min(o.runs, 3)}):\n\n${renderFormats(formats)}\n\n`);
  if (hostile.length) process.stdout.write(`\nText analysers on hostile input (best of ${Math.max(2, Math.min(o.runs, 3))}):\n\n${renderHostile(hostile)}\n\n`);
  for (const r of results) for (const e of r.errors) process.stdout.write(`error [${r.size}] ${e}\n`);
  for (const c of crashes) process.stdout.write(`CRASH [${c.size}] ${c.crashed}\n`);
  const failed = targets.filter((t) => !t.pass);
  process.stdout.write(`targets: ${targets.length - failed.length}/${targets.length} met${failed.length ? ` (missed: ${failed.map((t) => t.metric).join('; ')})` : ''}\n`);

  const report = {
    date: new Date().toISOString(),
    node: process.version,
    machine: { cpu: cpus()[0]?.model, cpus: cpus().length, totalMemBytes: totalmem() },
    options: { sizes: o.sizes, runs: o.runs, seed: o.seed, batch: o.batch, words: o.words, heapMb: o.heapMb, cli: o.cli, editor: o.editor },
    generated,
    results,
    formats,
    hostile,
    crashes,
    targets,
  };
  writeFileSync(o.out, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`wrote ${o.out}\n`);
  return crashes.length > 0 || results.some((r) => r.errors.length > 0) ? 1 : 0;
}

function main(): void {
  const argv = process.argv.slice(2);
  const o = parseArgs(argv);
  const run = argv.includes('--archive') ? import('./archiveBench.ts').then((m) => m.runArchiveBench(argv)) : o.only ? child(o, o.only).then(() => 0) : parent(o);
  run.then(
    (code) => process.exit(code),
    (err: unknown) => {
      log(`bench crashed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      process.exit(1);
    },
  );
}

main();
