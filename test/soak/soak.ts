// Soak test of the stdio language server on a BBC-sized corpus: N random edits, hovers, completions and
// diagnostic pulls on one draft. Checks that every request is answered, memory stays flat (VmRSS of the
// server process) and the diagnostics of the final text equal a fresh server's check of it.
//
//   npm run test:soak                      10,000 operations
//   npm run test:soak -- --quick           1,000 operations
//   npm run test:soak -- --n 500 --dist    the bundled dist/server.js instead of the sources
//   npm run test:soak -- --corpus DIR      another corpus folder
//   npm run test:soak -- --max-memory MB   the server's heap cap (default: the VS Code client's; 0: V8's default)

import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Position } from 'vscode-languageserver-types';
import { LspClient, type Message } from '../protocol/lspClient.ts';
import { mulberry32 } from '../bench/prng.ts';
import { DEFAULT_SERVER_MAX_MEMORY_MB } from '../../server/src/protocol.ts';

const repo = path.resolve(__dirname, '..', '..');

interface Options {
  n: number;
  corpus: string;
  dist: boolean;
  seed: number;
  maxMemoryMb: number;
}

function parseOptions(argv: string[]): Options {
  const opts: Options = { n: 10_000, corpus: path.resolve(repo, '..', 'shared', 'datasets', 'bbc-news', 'articles'), dist: false, seed: 42, maxMemoryMb: DEFAULT_SERVER_MAX_MEMORY_MB };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') opts.n = 1000;
    else if (a === '--n') opts.n = Number(argv[++i]);
    else if (a === '--corpus') opts.corpus = path.resolve(argv[++i]);
    else if (a === '--dist') opts.dist = true;
    else if (a === '--seed') opts.seed = Number(argv[++i]);
    else if (a === '--max-memory') opts.maxMemoryMb = Number(argv[++i]);
    else throw new Error(`unknown option ${a}`);
  }
  if (!(opts.n > 0)) throw new Error('--n must be a positive number');
  if (!(opts.maxMemoryMb >= 0)) throw new Error('--max-memory must be a number of MB (0: no cap)');
  return opts;
}

function corpusFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(md|markdown|txt)$/i.test(f))
    .map((f) => path.join(dir, f))
    .sort();
}

/** Sentences of some corpus articles: the material drafts are typed from. */
function sentencePool(files: string[], random: () => number): string[] {
  const pool: string[] = [];
  for (let i = 0; i < 60; i++) {
    const text = readFileSync(files[Math.floor(random() * files.length)], 'utf8');
    for (const s of text.split(/(?<=[.!?]["”]?)\s+(?=["“]?[A-Z])/)) if (s.length > 30 && s.length < 400) pool.push(s.trim());
  }
  return pool;
}

function rssKb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : NaN;
}

const mb = (kb: number) => `${(kb / 1024).toFixed(1)} MB`;

/** The server as the VS Code client starts it: the same heap cap (see client/src/serverProcess.ts). */
function startServer(opts: Options, cacheHome: string): LspClient {
  const heap = opts.maxMemoryMb > 0 ? [`--max-old-space-size=${opts.maxMemoryMb}`] : [];
  const entry = opts.dist ? [path.join(repo, 'dist', 'server.js')] : ['--import', 'tsx', path.join(repo, 'server/src/lsp/main.ts')];
  return new LspClient(process.execPath, [...heap, ...entry, '--stdio'], repo, { ...process.env, XDG_CACHE_HOME: cacheHome });
}

const isReady = (m: Message) => m.method === 'sourced/status' && (m.params as { state: string }).state === 'ready';

async function initialize(client: LspClient, ws: string, corpus: string): Promise<number> {
  client.onRequest('workspace/configuration', (p) => (p as { items: unknown[] }).items.map(() => ({ corpus: { paths: [corpus] } })));
  const t0 = performance.now();
  await client.request('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(ws).href,
    workspaceFolders: [{ uri: pathToFileURL(ws).href, name: 'soak' }],
    capabilities: {
      textDocument: { diagnostic: { dynamicRegistration: false }, hover: { contentFormat: ['markdown'] }, completion: {} },
      workspace: { configuration: true },
    },
  });
  client.notify('initialized', {});
  await client.waitFor(isReady, 'corpus ready', 600_000);
  return performance.now() - t0;
}

async function pull(client: LspClient, uri: string): Promise<Diagnostic[] | 'cancelled'> {
  try {
    const r = await client.request<{ items?: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } }, 60_000);
    return r.items ?? [];
  } catch (err) {
    // A newer edit superseded the check: an answer, not a failure (the client re-pulls).
    if ((err as { code?: number }).code === -32802) return 'cancelled';
    throw err;
  }
}

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  // Seeded, so a failing run can be replayed with --seed.
  const random = mulberry32(opts.seed);
  const files = corpusFiles(opts.corpus);
  const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
  console.log(`soak: ${opts.n} operations, corpus ${files.length} files (${(bytes / 1e6).toFixed(1)} MB) from ${opts.corpus}, server ${opts.dist ? 'dist' : 'src'} (heap cap ${opts.maxMemoryMb > 0 ? `${opts.maxMemoryMb} MB` : "V8's default"}), seed ${opts.seed}`);
  const pool = sentencePool(files, random);
  const pick = () => pool[Math.floor(random() * pool.length)];

  const tmp = mkdtempSync(path.join(tmpdir(), 'sourced-soak-'));
  const ws = path.join(tmp, 'ws');
  mkdirSync(ws);
  const cacheHome = path.join(tmp, 'cache');
  let client = startServer(opts, cacheHome);
  const failures: string[] = [];
  try {
    const indexMs = await initialize(client, ws, opts.corpus);
    const pid = client.child.pid!;
    console.log(`indexed in ${(indexMs / 1000).toFixed(1)} s; server RSS ${mb(rssKb(pid))}`);

    const uri = pathToFileURL(path.join(ws, 'draft.md')).href;
    let text = `# Soak draft\n\n${Array.from({ length: 12 }, () => `${pick()} ${pick()}`).join('\n\n')}\n`;
    writeFileSync(path.join(ws, 'draft.md'), text);
    let doc = TextDocument.create(uri, 'markdown', 1, text);
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    await pull(client, uri);

    const counts = { edit: 0, hover: 0, completion: 0, diagnostic: 0, cancelled: 0 };
    const latencies: number[] = [];
    const samples: Array<{ op: number; kb: number }> = [];
    const inflight: Array<Promise<unknown>> = [];
    const t0 = performance.now();
    let answered = 0;
    const timed = async <T>(p: Promise<T>): Promise<T> => {
      const s = performance.now();
      const r = await p;
      latencies.push(performance.now() - s);
      answered++;
      return r;
    };
    const randomPosition = (): Position => doc.positionAt(Math.floor(random() * (doc.getText().length + 1)));

    for (let op = 0; op < opts.n; op++) {
      const r = random();
      if (r < 0.55) {
        // An edit: type a sentence, delete a span, change a figure, or break a paragraph.
        const len = doc.getText().length;
        const at = Math.floor(random() * (len + 1));
        const kind = random();
        let start = at;
        let end = at;
        let insert = '';
        if (kind < 0.35) insert = ` ${pick()}`;
        else if (kind < 0.6) end = Math.min(len, at + 1 + Math.floor(random() * 120));
        else if (kind < 0.8) insert = String(Math.floor(random() * 1000));
        else if (kind < 0.9) insert = '\n\n';
        else {
          start = Math.max(0, at - 5);
          insert = ['"', '“', '[^', '**', '- ', '> '][Math.floor(random() * 6)];
        }
        // Keep the draft from growing without bound (memory must reflect the server, not the draft).
        if (len > 40_000 && insert.length > 0) {
          end = Math.min(len, start + 2000);
          insert = '';
        }
        const range = { start: doc.positionAt(start), end: doc.positionAt(end) };
        doc = TextDocument.update(doc, [{ range, text: insert }], doc.version + 1);
        client.notify('textDocument/didChange', { textDocument: { uri, version: doc.version }, contentChanges: [{ range, text: insert }] });
        counts.edit++;
        // Editors pull after a change; often the next edit arrives first and supersedes the check.
        if (random() < 0.3) {
          inflight.push(
            timed(pull(client, uri)).then((d) => {
              counts.diagnostic++;
              if (d === 'cancelled') counts.cancelled++;
            }),
          );
        }
      } else if (r < 0.75) {
        await timed(client.request('textDocument/hover', { textDocument: { uri }, position: randomPosition() }));
        counts.hover++;
      } else {
        await timed(client.request('textDocument/completion', { textDocument: { uri }, position: randomPosition() }));
        counts.completion++;
      }
      if (inflight.length >= 8) await Promise.all(inflight.splice(0));
      if (op % Math.max(1, Math.floor(opts.n / 40)) === 0 || op === opts.n - 1) samples.push({ op, kb: rssKb(pid) });
      if (op > 0 && op % Math.max(1, Math.floor(opts.n / 10)) === 0) {
        const s = (performance.now() - t0) / 1000;
        console.log(`  ${op} operations, ${s.toFixed(0)} s, ${(answered / s).toFixed(1)} answers/s, draft ${doc.getText().length} chars, RSS ${mb(rssKb(pid))}`);
      }
    }
    await Promise.all(inflight.splice(0));
    const finalDiagnostics = await pull(client, uri);
    const elapsed = (performance.now() - t0) / 1000;
    samples.push({ op: opts.n, kb: rssKb(pid) });

    latencies.sort((a, b) => a - b);
    const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))].toFixed(1);
    // RSS saws up and down with garbage collection; the low points track live memory. "Before" is the
    // lowest sample of the second quarter (caches warm, draft at working size), "after" of the last quarter.
    const low = (from: number, to: number) => Math.min(...samples.filter((s) => s.op >= from * opts.n && s.op <= to * opts.n).map((s) => s.kb));
    const warm = { kb: low(0.25, 0.5) };
    const end = { kb: low(0.75, 1) };
    const peak = Math.max(...samples.map((s) => s.kb));
    console.log(`operations: ${JSON.stringify(counts)} in ${elapsed.toFixed(1)} s`);
    console.log(`answers: ${answered} (${(answered / elapsed).toFixed(0)} answers/s, ${(opts.n / elapsed).toFixed(0)} operations/s); latency p50 ${q(0.5)} ms, p95 ${q(0.95)} ms, p99 ${q(0.99)} ms, max ${q(1)} ms`);
    console.log(`memory (VmRSS): start ${mb(samples[0].kb)}, low in 2nd quarter ${mb(warm.kb)}, low in last quarter ${mb(end.kb)}, final ${mb(samples[samples.length - 1].kb)}, peak ${mb(peak)}; growth ${mb(end.kb - warm.kb)}`);
    console.log(`rss samples (MB): ${samples.map((s) => (s.kb / 1024).toFixed(0)).join(' ')}`);
    // Flat: the end within 25% (and 64 MB) of the warm figure — a leak of one draft per edit would not be.
    if (end.kb > warm.kb * 1.25 + 64 * 1024) failures.push(`memory grew from ${mb(warm.kb)} to ${mb(end.kb)}`);
    if (finalDiagnostics === 'cancelled') failures.push('the final diagnostic pull was cancelled');
    if (client.garbage) failures.push(`non-LSP output on stdout: ${client.garbage.slice(0, 200)}`);
    if (/Error|failed/.test(client.stderr)) failures.push(`server stderr: ${client.stderr.slice(0, 500)}`);
    const requestFailures = client.notifications.filter((m) => m.method === 'window/logMessage' && /failed/.test(String((m.params as { message: string }).message)));
    if (requestFailures.length) failures.push(`server logged failures: ${JSON.stringify(requestFailures.slice(0, 3))}`);

    // A fresh server (index restored from the cache the first one wrote) checks the final text.
    text = doc.getText();
    await client.close();
    client = startServer(opts, cacheHome);
    const restartMs = await initialize(client, ws, opts.corpus);
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const fresh = await pull(client, uri);
    const same = JSON.stringify(fresh) === JSON.stringify(finalDiagnostics);
    const n = Array.isArray(finalDiagnostics) ? finalDiagnostics.length : 0;
    console.log(`final text ${text.length} chars: ${n} diagnostics; fresh server (ready in ${(restartMs / 1000).toFixed(1)} s from the cache): ${same ? 'identical' : 'DIFFERENT'}`);
    if (!same) failures.push(`final diagnostics differ from a fresh check:\n${firstDifference(finalDiagnostics, fresh)}`);
    if (!same && process.env.SOAK_DUMP) writeFileSync(process.env.SOAK_DUMP, JSON.stringify({ text, finalDiagnostics, fresh }, null, 1));
  } catch (err) {
    failures.push(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n${client.stderr.slice(-2000)}`);
  } finally {
    await client.close().catch(() => undefined);
    rmSync(tmp, { recursive: true, force: true });
  }
  if (failures.length) {
    console.error(`soak FAILED:\n- ${failures.join('\n- ')}`);
    process.exitCode = 1;
  } else {
    console.log('soak passed');
  }
}

function firstDifference(a: Diagnostic[] | 'cancelled', b: Diagnostic[] | 'cancelled'): string {
  if (!Array.isArray(a) || !Array.isArray(b)) return `${JSON.stringify(a).slice(0, 200)} vs ${JSON.stringify(b).slice(0, 200)}`;
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = JSON.stringify(a[i]);
    const y = JSON.stringify(b[i]);
    if (x !== y) return `${a.length} vs ${b.length} diagnostics; #${i}:\n  after edits: ${x?.slice(0, 600)}\n  fresh:       ${y?.slice(0, 600)}`;
  }
  return 'same items, different order';
}

void main();
