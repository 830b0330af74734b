// Drives the language server over stdio as an editor would, against a fixture workspace in a temp dir.
// The server runs from source (node --import tsx server/src/lsp/main.ts --stdio), so no build is needed;
// `sourced lsp --stdio` starts the same startServer().

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient, type Message } from './lspClient.ts';
import { cursor, HARBOR, UNION } from './fixtures.ts';

const repo = path.resolve(__dirname, '../..');

const DRAFT = `# Harbour story

Harbor Commissioner Maria Okafor said the expansion would create 800 jobs.

Okafor said "this terminal will triple our capacity by 2025."

The mayor of Elmsworth resigned after a bribery scandal in 1998.

Union leaders met her twice.[^nowhere]
`;

function workspace(): { dir: string; uri: string; draftUri: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'sourced-lsp-'));
  mkdirSync(path.join(dir, 'sources'));
  mkdirSync(path.join(dir, 'drafts'));
  writeFileSync(path.join(dir, 'sources', 'harbor-deal.md'), HARBOR);
  writeFileSync(path.join(dir, 'sources', 'union-reaction.md'), UNION);
  writeFileSync(path.join(dir, 'drafts', 'story.md'), DRAFT);
  return { dir, uri: pathToFileURL(dir).href, draftUri: pathToFileURL(path.join(dir, 'drafts', 'story.md')).href };
}

function startServer(cwd: string): LspClient {
  // XDG_CACHE_HOME in the temp workspace: the index cache never touches the user's cache.
  return new LspClient(process.execPath, ['--import', 'tsx', path.join(repo, 'server/src/lsp/main.ts'), '--stdio'], repo, {
    ...process.env,
    XDG_CACHE_HOME: path.join(cwd, '.cache'),
  });
}

const isReady = (m: Message) => m.method === 'sourced/status' && (m.params as { state: string }).state === 'ready';

/** `partialDiagnosticsMs`: how long a first check runs before it shows what it has judged; these tests
 *  read a first check's whole result unless they say otherwise, however slow the machine. */
async function initialize(client: LspClient, rootUri: string, pull: boolean, partialDiagnosticsMs = 600_000, partialDiagnosticsEveryMs?: number): Promise<{ capabilities: Record<string, unknown> }> {
  client.onRequest('workspace/configuration', (params) =>
    (params as { items: unknown[] }).items.map(() => ({ corpus: { paths: ['sources'] }, severity: { 'uncited-claim': 'hint' } })),
  );
  const capabilities = pull
    ? {
        textDocument: {
          diagnostic: { dynamicRegistration: false },
          hover: { contentFormat: ['markdown'] },
          completion: { completionItem: { resolveSupport: { properties: ['documentation'] } } },
        },
        workspace: { configuration: true, diagnostics: { refreshSupport: true }, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true },
        window: { workDoneProgress: true },
      }
    : { textDocument: { publishDiagnostics: { relatedInformation: true } }, workspace: {} };
  const result = await client.request<{ capabilities: Record<string, unknown> }>('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'ws' }],
    capabilities,
    initializationOptions: { cache: false, partialDiagnosticsMs, ...(partialDiagnosticsEveryMs === undefined ? {} : { partialDiagnosticsEveryMs }) },
  });
  client.notify('initialized', {});
  await client.waitFor(isReady, 'corpus indexed');
  return result;
}

function open(client: LspClient, uri: string, text: string, version = 1): void {
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
}

function positionOf(text: string, needle: string, delta = 0): { line: number; character: number } {
  return cursor(text.slice(0, text.indexOf(needle) + delta) + '|').position;
}

describe('language server over stdio, pull diagnostics', () => {
  let ws: ReturnType<typeof workspace>;
  let client: LspClient;
  let init: { capabilities: Record<string, unknown> };

  before(async () => {
    ws = workspace();
    client = startServer(ws.dir);
    init = await initialize(client, ws.uri, true);
    open(client, ws.draftUri, DRAFT);
  });
  after(async () => {
    await client?.close();
    rmSync(ws.dir, { recursive: true, force: true });
  });

  test('initialize announces the features; indexing reports progress and status', async () => {
    const caps = init.capabilities;
    for (const key of ['hoverProvider', 'completionProvider', 'codeActionProvider', 'definitionProvider', 'diagnosticProvider', 'documentLinkProvider', 'workspaceSymbolProvider']) {
      assert.ok(caps[key], key);
    }
    const ready = client.notifications.find(isReady)!.params as { articles: number; bundled: boolean };
    assert.equal(ready.articles, 2);
    assert.equal(ready.bundled, false);
    assert.ok(client.serverRequests.some((m) => m.method === 'window/workDoneProgress/create'));
    assert.ok(client.notifications.some((m) => m.method === '$/progress'));
    const watch = client.serverRequests.find((m) => m.method === 'client/registerCapability');
    assert.match(JSON.stringify(watch?.params), /workspace\/didChangeWatchedFiles/);
  });

  test('hover on a name returns a Markdown card', async () => {
    const hover = await client.request<{ contents: { kind: string; value: string } }>('textDocument/hover', {
      textDocument: { uri: ws.draftUri },
      position: positionOf(DRAFT, 'Okafor said', 2),
    });
    assert.equal(hover.contents.kind, 'markdown');
    assert.match(hover.contents.value, /\*\*Maria Okafor\*\*/);
    assert.match(hover.contents.value, /harbor-deal\.md#L\d+/);
  });

  test('completion offers fuzzy names; their cards come with completionItem/resolve', async () => {
    type Item = { label: string; documentation?: { value: string }; data?: unknown };
    const list = await client.request<{ items: Item[] }>('textDocument/completion', {
      textDocument: { uri: ws.draftUri },
      position: positionOf(DRAFT, 'Okafor said the', 4),
    });
    const item = list.items.find((i) => i.label === 'Maria Okafor');
    assert.ok(item);
    assert.equal(item.documentation, undefined, 'the client resolves documentation lazily');
    const resolved = await client.request<Item>('completionItem/resolve', item);
    assert.match(resolved.documentation?.value ?? '', /Mentioned in/);
  });

  test('pull diagnostics: stable codes, sources, data; unchanged on a repeated pull', async () => {
    const report = await client.request<{ kind: string; resultId: string; items: Array<{ code: string; source: string; data?: unknown; range: unknown; message: string }> }>(
      'textDocument/diagnostic',
      { textDocument: { uri: ws.draftUri } },
    );
    assert.equal(report.kind, 'full');
    const codes = report.items.map((d) => d.code);
    assert.ok(codes.includes('unknown-citation'), codes.join(','));
    assert.ok(report.items.every((d) => d.source === 'sourced'));
    const again = await client.request<{ kind: string }>('textDocument/diagnostic', { textDocument: { uri: ws.draftUri }, previousResultId: report.resultId });
    assert.equal(again.kind, 'unchanged');
    const claims = await client.waitFor((m) => m.method === 'sourced/claims', 'claims summary');
    assert.ok((claims.params as { total: number }).total >= 2);

    // Code actions for every diagnostic of the report come back as quick fixes with workspace edits.
    const actions = await client.request<Array<{ title: string; kind: string; edit?: unknown }>>('textDocument/codeAction', {
      textDocument: { uri: ws.draftUri },
      range: { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } },
      context: { diagnostics: report.items },
    });
    for (const a of actions) assert.ok(a.edit, a.title);
  });

  test('sourced/factCheckReport: the draft as an HTML page for a webview, styles by nonce only, no scripts, links that open sources', async () => {
    const nonce = 'abcdefghijklmnop0123456789ABCDEF';
    const result = await client.request<{ html: string; version: number } | null>('sourced/factCheckReport', { uri: ws.draftUri, nonce });
    assert.ok(result);
    assert.equal(result.version, 1);
    const { html } = result;
    assert.match(html, new RegExp(`content="default-src &#39;none&#39;; style-src &#39;nonce-${nonce}&#39;; img-src data:"`));
    assert.match(html, new RegExp(`<style nonce="${nonce}">`));
    assert.doesNotMatch(html, /<script|style="|javascript:/i);
    assert.match(html, /href="command:sourced\.openSource\?%5B%7B%22uri%22%3A%22file%3A[^"]*harbor-deal\.md%22%2C%22line%22%3A\d+%7D%5D"/);
    assert.match(html, /<code>drafts\/story\.md<\/code>/);
    assert.match(html, /id="m1"/);
    // A nonce that could break out of the attribute is refused.
    assert.equal(await client.request('sourced/factCheckReport', { uri: ws.draftUri, nonce: '"><script>' }), null);
    assert.equal(await client.request('sourced/factCheckReport', { uri: 'file:///nowhere.md', nonce }), null);
  });

  test('definition on a name jumps into the corpus', async () => {
    const locations = await client.request<Array<{ uri: string }>>('textDocument/definition', {
      textDocument: { uri: ws.draftUri },
      position: positionOf(DRAFT, 'Okafor said', 1),
    });
    assert.ok(locations.length >= 1);
    assert.ok(locations.every((l) => l.uri.includes('/sources/')));
  });

  test('didChangeWatchedFiles re-indexes and asks for a diagnostics refresh', async () => {
    const since = client.received.length;
    const file = path.join(ws.dir, 'sources', 'council.md');
    writeFileSync(file, '---\ntitle: "Council vote"\n---\nCouncil treasurer Priya Natarajan said the budget would be balanced by 2026.\n');
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).href, type: 1 }] });
    await client.waitFor((m) => m.method === 'workspace/diagnostic/refresh', 'diagnostic refresh', 15000, since);
    const text = 'Natarajan| spoke.\n';
    const c = cursor(text);
    const uri = pathToFileURL(path.join(ws.dir, 'drafts', 'two.md')).href;
    open(client, uri, c.text);
    const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: c.position });
    assert.match(hover?.contents.value ?? '', /Priya Natarajan/);
  });

  test('the server writes nothing but LSP frames to stdout', () => {
    assert.equal(client.garbage, '');
  });
});

describe('language server over stdio, push diagnostics (no pull support)', () => {
  let ws: ReturnType<typeof workspace>;
  let client: LspClient;

  before(async () => {
    ws = workspace();
    client = startServer(ws.dir);
    await initialize(client, ws.uri, false);
  });
  after(async () => {
    await client?.close();
    rmSync(ws.dir, { recursive: true, force: true });
  });

  test('publishes diagnostics on open and after an edit', async () => {
    const published = client.next((m) => m.method === 'textDocument/publishDiagnostics' && (m.params as { uri: string }).uri === ws.draftUri, 'publishDiagnostics');
    open(client, ws.draftUri, DRAFT);
    const first = (await published).params as { version: number; diagnostics: Array<{ code: string }> };
    assert.equal(first.version, 1);
    assert.ok(first.diagnostics.some((d) => d.code === 'unknown-citation'));

    const fixed = DRAFT.replace('[^nowhere]', '');
    const republished = client.next(
      (m) => m.method === 'textDocument/publishDiagnostics' && (m.params as { version: number }).version === 3,
      'publishDiagnostics v3',
    );
    // Two quick edits: the first check is debounced away, only the latest version is published.
    client.notify('textDocument/didChange', { textDocument: { uri: ws.draftUri, version: 2 }, contentChanges: [{ text: DRAFT + '\n' }] });
    client.notify('textDocument/didChange', { textDocument: { uri: ws.draftUri, version: 3 }, contentChanges: [{ text: fixed }] });
    const second = (await republished).params as { diagnostics: Array<{ code: string }> };
    assert.ok(!second.diagnostics.some((d) => d.code === 'unknown-citation'));
    assert.ok(!client.notifications.some((m) => m.method === 'textDocument/publishDiagnostics' && (m.params as { version: number }).version === 2));
  });
});

describe('a long first check shows its first claims before its last', () => {
  type Item = { code: string; range: { start: { line: number } }; message: string };
  const key = (d: Item) => `${d.range.start.line} ${d.code} ${d.message}`;

  /** A server on a fresh workspace, closed and its workspace removed once `run` ends. */
  async function onFreshServer(run: (ws: ReturnType<typeof workspace>, client: LspClient) => Promise<void>): Promise<void> {
    const ws = workspace();
    const client = startServer(ws.dir);
    try {
      await run(ws, client);
    } finally {
      await client.close();
      rmSync(ws.dir, { recursive: true, force: true });
    }
  }

  /** Pulls the draft's diagnostics, naming the report the client has. */
  const puller = (client: LspClient, uri: string) => (previousResultId?: string) =>
    client.request<{ kind: string; resultId: string; items: Item[] }>('textDocument/diagnostic', { textDocument: { uri }, previousResultId });

  test('pull: a partial report, a refresh once the check ends, then the whole report', () =>
    onFreshServer(async (ws, client) => {
      // Claims enough that the check is still running when the partial report has been answered.
      const long = DRAFT + Array.from({ length: 80 }, (_, i) => `\nThe harbour handled ${120 + i} ships in week ${i + 2}, port officials said on day ${i + 3}.\n`).join('');
      await initialize(client, ws.uri, true, 0); // 0: a partial report after the first claim
      open(client, ws.draftUri, long);
      const pull = puller(client, ws.draftUri);
      const first = await pull();
      const since = client.received.length;
      assert.match(first.resultId, /:partial1$/);
      // A claim's sources asked meanwhile wait for the running check instead of cancelling it (which
      // would leave the partial report shown: the refresh comes only when that check ends).
      const claim = await client.request<{ verdict: string } | null>('sourced/claimAt', { uri: ws.draftUri, position: positionOf(DRAFT, 'The mayor of Elmsworth', 4) });
      assert.ok(claim?.verdict, 'the claim under the cursor');
      await client.waitFor((m) => m.method === 'workspace/diagnostic/refresh', 'a refresh once the check has ended', 15000, since);
      const whole = await pull(first.resultId);
      assert.equal(whole.kind, 'full');
      assert.doesNotMatch(whole.resultId, /partial/);
      // What the partial report showed stays; the claims judged after it add theirs.
      assert.ok(first.items.length < whole.items.length, `${first.items.length} then ${whole.items.length}`);
      for (const d of first.items) assert.ok(whole.items.some((w) => key(w) === key(d)), key(d));
      assert.ok(first.items.some((d) => d.code === 'unknown-citation'), 'diagnostics that need no judgement are all in the partial report');
      // A later check (an edit) reports once, at its end: nothing shown is taken away while it runs.
      client.notify('textDocument/didChange', { textDocument: { uri: ws.draftUri, version: 2 }, contentChanges: [{ text: long + '\nThe port handled 4 million containers in 2020.\n' }] });
      const edited = await pull(whole.resultId);
      assert.doesNotMatch(edited.resultId, /partial/);
      for (const d of whole.items) assert.ok(edited.items.some((w) => key(w) === key(d)), key(d));
    }));

  test('pull: partial reports, each holding more than the last, until the whole', () =>
    onFreshServer(async (ws, client) => {
      const long = DRAFT + Array.from({ length: 40 }, (_, i) => `\nThe harbour handled ${220 + i} ships in week ${i + 2}, port officials said on day ${i + 5}.\n`).join('');
      await initialize(client, ws.uri, true, 0, 0); // a partial report after the first claim, then after each
      open(client, ws.draftUri, long);
      const pull = puller(client, ws.draftUri);
      const reports = [await pull()];
      const since = client.received.length;
      // Each pull answers a report newer than the one it names, or the whole once the check has ended.
      while (/:partial\d+$/.test(reports[reports.length - 1].resultId)) reports.push(await pull(reports[reports.length - 1].resultId));
      assert.ok(reports.length >= 3, `${reports.length} reports`);
      const seqs = reports.slice(0, -1).map((r) => Number(/:partial(\d+)$/.exec(r.resultId)![1]));
      assert.ok(seqs.every((n, i) => i === 0 || n > seqs[i - 1]), seqs.join(' '));
      for (let i = 1; i < reports.length; i++) {
        for (const d of reports[i - 1].items) assert.ok(reports[i].items.some((w) => key(w) === key(d)), `${key(d)} kept in report ${i}`);
      }
      assert.ok(reports[reports.length - 2].items.length < reports[reports.length - 1].items.length);
      await client.waitFor((m) => m.method === 'workspace/diagnostic/refresh', 'a refresh for the reports no pull waited for', 15000, since);
    }));

  test('push: the partial diagnostics, then the whole set', () =>
    onFreshServer(async (ws, client) => {
      await initialize(client, ws.uri, false, 0);
      const published = (n: number) =>
        client.notifications.filter((m) => m.method === 'textDocument/publishDiagnostics' && (m.params as { uri: string }).uri === ws.draftUri).slice(n - 1, n);
      open(client, ws.draftUri, DRAFT);
      await client.waitFor(() => published(2).length > 0, 'two publications', 15000);
      const [first, second] = [published(1)[0], published(2)[0]].map((m) => (m!.params as { version: number; diagnostics: Item[] }));
      assert.equal(first.version, 1);
      assert.equal(second.version, 1);
      assert.ok(first.diagnostics.length < second.diagnostics.length, `${first.diagnostics.length} then ${second.diagnostics.length}`);
      for (const d of first.diagnostics) assert.ok(second.diagnostics.some((w) => key(w) === key(d)), key(d));
    }));
});

describe('a server killed in the middle of a request', () => {
  test('the request fails at once, and a new server on the same workspace gives the same diagnostics', async () => {
    const ws = workspace();
    let client = startServer(ws.dir);
    const pull = async () => (await client.request<{ items: Array<{ code: string; range: unknown }> }>('textDocument/diagnostic', { textDocument: { uri: ws.draftUri } })).items;
    try {
      await initialize(client, ws.uri, true);
      open(client, ws.draftUri, DRAFT);
      const before = await pull();
      assert.ok(before.length > 0);
      const hover = client.request('textDocument/hover', { textDocument: { uri: ws.draftUri }, position: positionOf(DRAFT, 'Okafor said', 2) });
      client.child.kill('SIGKILL');
      // An error naming the kill, well before the request's own 15 s timeout.
      await assert.rejects(hover, /server exited \(SIGKILL\)/);

      client = startServer(ws.dir);
      await initialize(client, ws.uri, true);
      open(client, ws.draftUri, DRAFT);
      assert.deepEqual(await pull(), before);
    } finally {
      await client.close();
      rmSync(ws.dir, { recursive: true, force: true });
    }
  });
});

// The shipped entry point: `sourced lsp --stdio` from the bundle (only when `npm run build` has run).
const cli = path.join(repo, 'dist', 'cli.js');
describe('sourced lsp --stdio (built CLI)', { skip: !existsSync(cli) && 'dist/cli.js not built' }, () => {
  test('initializes, indexes the workspace corpus and answers a hover', async () => {
    const ws = workspace();
    const client = new LspClient(process.execPath, [path.join(repo, 'bin', 'sourced'), 'lsp', '--stdio'], ws.dir, { ...process.env, XDG_CACHE_HOME: path.join(ws.dir, '.cache') });
    try {
      await initialize(client, ws.uri, true);
      open(client, ws.draftUri, DRAFT);
      const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', {
        textDocument: { uri: ws.draftUri },
        position: positionOf(DRAFT, 'Okafor said', 2),
      });
      assert.match(hover.contents.value, /Maria Okafor/);
      assert.equal(client.garbage, '');
    } finally {
      await client.close();
      rmSync(ws.dir, { recursive: true, force: true });
    }
  });
});
