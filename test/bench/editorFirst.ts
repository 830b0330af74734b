// What a writer waits for when opening a draft in an editor: the language server as the VS Code client
// starts it (`node dist/server.js --stdio`, its heap cap), a fresh process per run, the corpus folder as a
// workspace setting. Times, from the server's start: the corpus ready (indexed, or its saved index read),
// the draft's first diagnostics shown (a long first check's partial report) and all of them (after the
// server's refresh). Cold has no saved index; warm reads the one a first, untimed run saved (to a
// temporary cache folder, never the user's).

import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient, type Message } from '../protocol/lspClient.ts';
import { repoRoot } from './generate.ts';

export interface EditorRun {
  readyMs: number;
  firstMs: number;
  wholeMs: number;
  diagnostics: number;
}

export interface EditorResult {
  /** Runs with no saved index, and with the one a first run saved; best (by all diagnostics) of each. */
  cold: EditorRun;
  warm: EditorRun;
  runs: number;
}

const TIMEOUT_MS = 600_000;
const serverPath = join(repoRoot, 'dist', 'server.js');

async function oneRun(dir: string, corpusDir: string, text: string, cache: boolean, heapMb: number, beforeClose?: () => Promise<void>): Promise<EditorRun> {
  const t0 = performance.now();
  const heap = heapMb > 0 ? [`--max-old-space-size=${heapMb}`] : [];
  const client = new LspClient(process.execPath, [...heap, serverPath, '--stdio'], dir, { ...process.env, XDG_CACHE_HOME: join(dir, 'cache'), NODE_OPTIONS: '' });
  try {
    client.onRequest('workspace/configuration', (params) => (params as { items: unknown[] }).items.map(() => ({ corpus: { paths: [corpusDir] } })));
    const rootUri = pathToFileURL(dir).href;
    await client.request(
      'initialize',
      {
        processId: process.pid,
        rootUri,
        workspaceFolders: [{ uri: rootUri, name: 'bench' }],
        capabilities: { textDocument: { diagnostic: {} }, workspace: { configuration: true, diagnostics: { refreshSupport: true } } },
        initializationOptions: { cache, trusted: true },
      },
      TIMEOUT_MS,
    );
    client.notify('initialized', {});
    await client.waitFor((m: Message) => m.method === 'sourced/status' && (m.params as { state: string }).state === 'ready', 'the corpus ready', TIMEOUT_MS);
    const readyMs = performance.now() - t0;
    const uri = pathToFileURL(join(dir, 'draft.md')).href;
    type Report = { items: unknown[]; resultId?: string };
    const pull = (previousResultId?: string) => client.request<Report>('textDocument/diagnostic', { textDocument: { uri }, previousResultId }, TIMEOUT_MS);
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    let report = await pull();
    const firstMs = performance.now() - t0;
    // A pull naming the last partial report is answered with a newer one, or the whole once the check
    // has ended (as the client's pull after each refresh is).
    while (report.resultId && /:partial\d*$/.test(report.resultId)) report = await pull(report.resultId);
    const run = { readyMs, firstMs, wholeMs: performance.now() - t0, diagnostics: report.items.length };
    await beforeClose?.();
    return run;
  } finally {
    await client.close();
  }
}

/** The server's saved index in the run's cache folder, once written (it is saved after the first check's
 *  corpus has settled): polled with a deadline. */
async function waitForSavedIndex(dir: string): Promise<void> {
  const cacheDir = join(dir, 'cache', 'sourced');
  const deadline = Date.now() + TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (existsSync(cacheDir) && readdirSync(cacheDir).some((f) => /^index-.*\.json$/.test(f))) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the language server did not save its index');
}

const best = (runs: EditorRun[]): EditorRun => runs.reduce((a, b) => (b.wholeMs < a.wholeMs ? b : a));

/** Opens `text` as a draft in a fresh language server on `corpusDir`, cold and warm, `runs` times each. */
export async function measureEditorFirst(corpusDir: string, text: string, runs: number, heapMb: number): Promise<EditorResult> {
  if (!existsSync(serverPath)) throw new Error(`${serverPath} is missing: run npm run build`);
  const dir = mkdtempSync(join(tmpdir(), 'sourced-bench-editor-'));
  try {
    writeFileSync(join(dir, 'draft.md'), text);
    const n = Math.max(1, runs);
    const cold: EditorRun[] = [];
    for (let r = 0; r < n; r++) cold.push(await oneRun(dir, corpusDir, text, false, heapMb));
    // A first run with the cache on saves the index, once its corpus has settled (maybe after the
    // diagnostics): that run's server stays up until the file is there.
    await oneRun(dir, corpusDir, text, true, heapMb, () => waitForSavedIndex(dir));
    const warm: EditorRun[] = [];
    for (let r = 0; r < n; r++) warm.push(await oneRun(dir, corpusDir, text, true, heapMb));
    return { cold: best(cold), warm: best(warm), runs: n };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
