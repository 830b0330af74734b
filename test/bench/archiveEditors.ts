// A desk of editors on one archive: real language servers (the built `dist/server.js`, one process each,
// over stdio, as an editor starts them) with `sourced.archive.url` set, each with its own workspace and
// draft. Times what a writer waits for: the first check of a draft, the re-check after an edit, and hovers
// and completions while every editor asks at once; reads each server's resident memory from /proc.

import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Position } from 'vscode-languageserver-types';
import { LspClient, type Message } from '../protocol/lspClient.ts';
import { appendLine, editDraft, namePositions } from './measure.ts';
import type { GeneratedDraft } from './draftCore.ts';
import { summarise, type Summary } from './stats.ts';
import { repoRoot } from './generate.ts';

export interface EditorMemory {
  /** Resident memory (VmRSS) after the server said ready, after the first check, at the end. */
  ready: number;
  checked: number;
  end: number;
  /** The process's high-water mark (VmHWM) at the end. */
  peak: number;
}

export interface DeskResult {
  editors: number;
  /** Server start to its first "ready" status (the archive connected). */
  readyMs: Summary;
  /** Articles the server's status reported (the archive's). */
  articles: number;
  /** Editor 0's first check of its draft (open → all its diagnostics), alone; `firstMs`: open → the
   *  first diagnostics shown (a long first check's partial report, see CheckProgress). */
  firstCheck?: { ms: number; diagnostics: number; firstMs?: number };
  /** The other editors' first checks of their own drafts, all at once. */
  firstCheckConcurrent?: Summary;
  /** Editor 0: an edited sentence, then the diagnostics of the new version, alone (the other editors'
   *  servers started, no draft open: what one writer waits for). */
  recheck?: Summary & { samples: number[] };
  /** Editor 0 again (other sentences edited) right after the other editors' first checks, while their
   *  servers read ahead their drafts' names. */
  recheckBusy?: Summary & { samples: number[] };
  /** Every editor hovering names of its draft at once. */
  hover?: Summary & { answered: number; asked: number };
  /** Every editor typing a name or quote prefix and asking completion (list + first item's card) at once. */
  completion?: Summary & { withItems: number; asked: number; slowest: Array<{ prefix: string; ms: number }> };
  memory: EditorMemory[];
  /** Phases that failed (a request timed out, a server died), with why. */
  errors: string[];
}

export interface DeskOptions {
  url: string;
  drafts: GeneratedDraft[];
  /** Completion prefixes a writer might type (names and quote openings of the corpus). */
  prefixes: string[];
  runs: number;
  heapMb: number;
  workDir: string;
  /** A phase's requests stop being issued after this long (what was answered by then is reported). */
  phaseBudgetMs: number;
  log: (message: string) => void;
}

/** Requests wait this long for an answer before the phase is reported as failed. */
const REQUEST_TIMEOUT_MS = 600_000;

function procStatus(pid: number | undefined, field: 'VmRSS' | 'VmHWM'): number {
  if (pid === undefined) return NaN;
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : NaN;
  } catch {
    return NaN;
  }
}

interface Editor {
  client: LspClient;
  uri: string;
  draft: GeneratedDraft;
  text: string;
  version: number;
  readyMs: number;
  articles: number;
  memory: EditorMemory;
}

async function startEditor(i: number, o: DeskOptions): Promise<Editor> {
  const dir = join(o.workDir, `editor-${i}`);
  mkdirSync(dir, { recursive: true });
  const draft = o.drafts[i % o.drafts.length] as GeneratedDraft;
  const heap = o.heapMb > 0 ? [`--max-old-space-size=${o.heapMb}`] : [];
  const t0 = performance.now();
  const client = new LspClient(process.execPath, [...heap, join(repoRoot, 'dist', 'server.js'), '--stdio'], dir, { ...process.env, XDG_CACHE_HOME: join(dir, '.cache') });
  client.onRequest('workspace/configuration', (params) => (params as { items: unknown[] }).items.map(() => ({ corpus: { paths: ['sources'] }, archive: { url: o.url } })));
  const rootUri = pathToFileURL(dir).href;
  await client.request('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: `editor-${i}` }],
    capabilities: {
      textDocument: { diagnostic: {}, completion: { completionItem: { resolveSupport: { properties: ['documentation'] } } } },
      workspace: { configuration: true, diagnostics: { refreshSupport: true } },
    },
    initializationOptions: { cache: false, trusted: true },
  }, REQUEST_TIMEOUT_MS);
  client.notify('initialized', {});
  const ready = await client.waitFor((m: Message) => m.method === 'sourced/status' && (m.params as { state: string }).state === 'ready', 'the server ready', 120_000);
  const status = ready.params as { articles: number; archive?: { state: string; message?: string } };
  if (status.archive?.state !== 'connected') throw new Error(`editor ${i}: archive ${status.archive?.state ?? 'not set'}${status.archive?.message ? `: ${status.archive.message}` : ''}`);
  const pid = client.child.pid;
  const rss = procStatus(pid, 'VmRSS');
  return {
    client,
    uri: pathToFileURL(join(dir, 'draft.md')).href,
    draft,
    text: draft.text,
    version: 1,
    readyMs: performance.now() - t0,
    articles: status.articles,
    memory: { ready: rss, checked: rss, end: rss, peak: rss },
  };
}

type Diagnostics = { items: unknown[]; resultId?: string };

/** Opens the editor's draft and waits for its diagnostics: a partial report first (timed apart), then the
 *  whole. */
async function firstCheck(e: Editor): Promise<{ ms: number; diagnostics: number; firstMs: number }> {
  const t0 = performance.now();
  const pull = (previousResultId?: string) => e.client.request<Diagnostics>('textDocument/diagnostic', { textDocument: { uri: e.uri }, previousResultId }, REQUEST_TIMEOUT_MS);
  e.client.notify('textDocument/didOpen', { textDocument: { uri: e.uri, languageId: 'markdown', version: e.version, text: e.text } });
  let report = await pull();
  const firstMs = performance.now() - t0;
  // A pull naming the last partial report is answered with a newer one, or the whole once the check
  // has ended (as the client's pull after each refresh is).
  while (report.resultId && /:partial\d*$/.test(report.resultId)) report = await pull(report.resultId);
  const ms = performance.now() - t0;
  e.memory.checked = procStatus(e.client.child.pid, 'VmRSS');
  return { ms, diagnostics: report.items.length, firstMs };
}

/** Replaces the editor's text (a full-document change, as an editor may send). */
function change(e: Editor, text: string): void {
  e.text = text;
  e.version++;
  e.client.notify('textDocument/didChange', { textDocument: { uri: e.uri, version: e.version }, contentChanges: [{ text }] });
}

/** `runs` edits (from the `from`th of the draft's sequence), each re-checked. */
async function recheck(e: Editor, runs: number, until: number, from = 0): Promise<number[]> {
  const sentences = e.draft.sentences.map((s) => e.draft.text.slice(s.start, s.end));
  const samples: number[] = [];
  for (let r = from; r < from + runs && performance.now() < until; r++) {
    const t0 = performance.now();
    change(e, editDraft(e.draft, sentences, r));
    await e.client.request<Diagnostics>('textDocument/diagnostic', { textDocument: { uri: e.uri } }, REQUEST_TIMEOUT_MS);
    samples.push(performance.now() - t0);
  }
  return samples;
}

async function hovers(e: Editor, runs: number, until: number): Promise<{ samples: number[]; answered: number; asked: number }> {
  const positions: Position[] = namePositions(e.text, 20);
  const samples: number[] = [];
  let answered = 0;
  for (let r = 0; r < runs; r++) {
    for (const position of positions) {
      if (performance.now() >= until) break;
      const t0 = performance.now();
      const h = await e.client.request<unknown>('textDocument/hover', { textDocument: { uri: e.uri }, position }, REQUEST_TIMEOUT_MS);
      samples.push(performance.now() - t0);
      if (r === 0 && h) answered++;
    }
  }
  return { samples, answered, asked: positions.length };
}

async function completions(e: Editor, prefixes: string[], runs: number, until: number): Promise<{ samples: number[]; withItems: number; asked: number; timed: Array<{ prefix: string; ms: number }> }> {
  const base = e.text;
  const samples: number[] = [];
  const timed: Array<{ prefix: string; ms: number }> = [];
  let withItems = 0;
  for (let r = 0; r < runs; r++) {
    for (const prefix of prefixes) {
      if (performance.now() >= until) break;
      const typed = appendLine({ uri: e.uri, text: base }, prefix);
      change(e, typed.doc.text);
      const t0 = performance.now();
      const list = await e.client.request<{ items: unknown[] } | unknown[] | null>('textDocument/completion', { textDocument: { uri: e.uri }, position: typed.at }, REQUEST_TIMEOUT_MS);
      const items = Array.isArray(list) ? list : (list?.items ?? []);
      if (items[0]) await e.client.request('completionItem/resolve', items[0], REQUEST_TIMEOUT_MS);
      samples.push(performance.now() - t0);
      timed.push({ prefix, ms: Math.round(performance.now() - t0) });
      if (r === 0 && items.length > 0) withItems++;
    }
  }
  change(e, base);
  return { samples, withItems, asked: prefixes.length, timed };
}

export async function measureDesk(count: number, o: DeskOptions): Promise<DeskResult> {
  o.log(`  starting ${count} language servers…`);
  const started = await Promise.allSettled(Array.from({ length: count }, (_, i) => startEditor(i, o)));
  const editors = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = started.find((s) => s.status === 'rejected');
  if (failed || !editors.length) {
    await Promise.all(editors.map((e) => e.client.close()));
    throw (failed as PromiseRejectedResult | undefined)?.reason ?? new Error('no editor started');
  }
  const desk: DeskResult = { editors: count, readyMs: summarise(editors.map((e) => e.readyMs)), articles: editors[0]?.articles ?? 0, memory: [], errors: [] };
  /** Runs a phase; a failure is noted and the later phases still run (on the servers still alive). */
  const phase = async (what: string, run: () => Promise<void>) => {
    o.log(`  ${what}…`);
    try {
      await run();
    } catch (err) {
      desk.errors.push(`${what}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
      o.log(`  ${what} failed: ${desk.errors[desk.errors.length - 1]}`);
    }
  };
  const budget = () => performance.now() + o.phaseBudgetMs;
  try {
    const [first, ...others] = editors as [Editor, ...Editor[]];
    await phase('first check of a draft (one editor)', async () => {
      desk.firstCheck = await firstCheck(first);
    });
    const edits = Math.max(10, o.runs * 4);
    await phase('re-check after an edit (one editor, the others idle)', async () => {
      const re = await recheck(first, edits, budget());
      desk.recheck = { ...summarise(re), samples: re.map((ms) => Math.round(ms)) };
    });
    await phase(`first checks of ${others.length} other drafts at once`, async () => {
      desk.firstCheckConcurrent = summarise((await Promise.all(others.map((e) => firstCheck(e)))).map((c) => c.ms));
    });
    await phase(`re-check after an edit (one editor, while ${others.length} others read ahead)`, async () => {
      const re = await recheck(first, edits, budget(), edits);
      desk.recheckBusy = { ...summarise(re), samples: re.map((ms) => Math.round(ms)) };
    });
    const live = editors.filter((e) => !e.client.exited);
    await phase(`hovers, ${live.length} editors at once`, async () => {
      const until = budget();
      const asked = await Promise.all(live.map((e) => hovers(e, o.runs, until)));
      desk.hover = { ...summarise(asked.flatMap((a) => a.samples)), answered: asked.reduce((n, a) => n + a.answered, 0), asked: asked.reduce((n, a) => n + a.asked, 0) };
    });
    await phase(`completions, ${live.length} editors at once`, async () => {
      const until = budget();
      const asked = await Promise.all(live.map((e) => completions(e, o.prefixes, o.runs, until)));
      desk.completion = {
        ...summarise(asked.flatMap((a) => a.samples)),
        withItems: asked.reduce((n, a) => n + a.withItems, 0),
        asked: asked.reduce((n, a) => n + a.asked, 0),
        // What the slow ones were typing (a name prefix or a quotation opening).
        slowest: asked
          .flatMap((a) => a.timed)
          .sort((x, y) => y.ms - x.ms)
          .slice(0, 24),
      };
    });
    for (const e of editors) {
      e.memory.end = procStatus(e.client.child.pid, 'VmRSS');
      e.memory.peak = procStatus(e.client.child.pid, 'VmHWM');
    }
    desk.memory = editors.map((e) => e.memory);
    return desk;
  } finally {
    await Promise.all(editors.map((e) => e.client.close()));
  }
}
