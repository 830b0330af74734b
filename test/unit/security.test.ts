// Untrusted sources and workspaces: hover and completion Markdown built from hostile corpus text renders
// as plain words (no HTML, no command:/javascript: links), citations written into drafts use relative
// paths, an untrusted workspace cannot point the corpus outside itself, nothing writes to a draft or
// talks to the network.

import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CompletionItem, MarkupContent, Position, TextEdit } from 'vscode-languageserver-types';
import { createSourcedService, defaultSettings, type SourcedService } from '../../server/src/service/index.ts';
import { resolveCorpusRoots } from '../../server/src/lsp/corpusPaths.ts';
import { CorpusFolder } from '../../server/src/lsp/corpusFolder.ts';
import type { StatusParams } from '../../server/src/protocol.ts';
import { LspClient } from '../protocol/lspClient.ts';

const repo = path.resolve(__dirname, '..', '..');
const tmp = fs.mkdtempSync(path.join(tmpdir(), 'sourced-sec-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

const PAYLOADS = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '<a href="command:workbench.action.terminal.new">open</a>',
  '[click](command:workbench.action.quit)',
  '[js](javascript:alert(1))',
  '[ent](jav&#x61;script:alert(1))',
  '![pixel](https://tracker.example/p.png)',
  '<command:workbench.action.quit>',
  '<https://evil.example>',
  'www.evil.example',
  'ftp://evil.example/x',
  'mail admin@evil.example',
  '&lt;b&gt; &#60;i&#62;',
  '`code` **bold** _em_ ~~del~~',
  '\\[esc](command:x)',
  '<!-- comment -->',
  '[ref]: command:workbench.action.quit',
];
const PAYLOAD = PAYLOADS.join(' ');

const HOSTILE_URI = 'file:///home/writer/ws/sources/hostile-report.md';
const HOSTILE = `---
title: "Port deal ${PAYLOADS[0]} ${PAYLOADS[3]}"
outlet: "${PAYLOADS[1].replace(/"/g, '')} Herald"
date: 2021-03-04
---
Harbour Commissioner ${PAYLOADS[2]} Maria Okafor said on Tuesday that the expansion would create 800 jobs.

"This terminal will triple our capacity ${PAYLOAD}," Okafor told reporters.

Okafor said "we signed it ${PAYLOADS[4]} today" at the port.

The authority voted 7-2 ${PAYLOADS.slice(5).join(' ')} to approve the $120 million plan.
`;

async function hostileService(): Promise<SourcedService> {
  const service = createSourcedService();
  await service.upsertSources([{ uri: HOSTILE_URI, text: HOSTILE }]);
  return service;
}

const DRAFT_URI = 'file:///home/writer/ws/drafts/story.md';

function at(text: string, marker = '|'): { text: string; position: Position } {
  const i = text.indexOf(marker);
  const clean = text.slice(0, i) + text.slice(i + marker.length);
  const before = clean.slice(0, i).split('\n');
  return { text: clean, position: { line: before.length - 1, character: before[before.length - 1].length } };
}

// VS Code renders hovers with `marked` (isTrusted: false, supportHtml: false). Rendering with marked here
// and inspecting the HTML checks what a user could actually click.
async function render(md: string): Promise<string> {
  const { marked } = await import('marked');
  return marked.parse(md, { async: false, gfm: true }) as string;
}

const ALLOWED_TAGS = new Set(['p', 'strong', 'em', 'a', 'ul', 'ol', 'li', 'blockquote', 'hr', 'br']);

async function assertSafeMarkdown(md: string, what: string): Promise<void> {
  assert.ok(md.length > 0, `${what}: empty`);
  assert.ok(!/(?<!\\)</.test(md), `${what}: unescaped < in ${md}`);
  for (const m of md.matchAll(/\]\(([^)\s]*)\)/g)) assert.match(m[1], /^file:\/\/\//, `${what}: link target ${m[1]}`);
  const html = await render(md);
  for (const m of html.matchAll(/<\/?([a-zA-Z][\w-]*)/g)) assert.ok(ALLOWED_TAGS.has(m[1].toLowerCase()), `${what}: <${m[1]}> in ${html}`);
  for (const m of html.matchAll(/\b(href|src)="([^"]*)"/g)) {
    assert.equal(m[1], 'href', `${what}: ${m[0]}`);
    assert.match(m[2], /^file:\/\/\//, `${what}: href ${m[2]}`);
  }
  assert.ok(!/<!--/.test(html), `${what}: raw comment`);
}

function docOf(item: CompletionItem): string {
  const d = item.documentation;
  return typeof d === 'string' ? d : ((d as MarkupContent | undefined)?.value ?? '');
}

test('hover cards from hostile corpus text render without HTML or foreign links', async () => {
  const service = await hostileService();
  const cases = [
    at('The plan was announced by Okaf|or on Tuesday.\n'),
    at('Okafor said 800 jobs.[^hostile-rep|ort]\n'),
    at('Okafor said 800 jobs.[^hostile-report]\n\n[^hostile-re|port]: Herald, hostile-report.md\n'),
  ];
  for (const { text, position } of cases) {
    const hover = await service.getHover({ uri: DRAFT_URI, text }, position);
    assert.ok(hover, `hover for ${text}`);
    await assertSafeMarkdown((hover.contents as MarkupContent).value, `hover ${JSON.stringify(text)}`);
  }
  // A flagged claim's card quotes the hostile evidence.
  const claimText = 'The authority voted 9-2 to approve the $120 million plan.\n';
  const doc = { uri: DRAFT_URI, text: claimText, version: 1 };
  const report = await service.checkDocument(doc, defaultSettings);
  const hover = await service.getHover(doc, report.claims[0]?.range.start ?? { line: 0, character: 5 });
  if (hover) await assertSafeMarkdown((hover.contents as MarkupContent).value, 'claim hover');
});

test('completion documentation from hostile corpus text renders without HTML or foreign links', async () => {
  const service = await hostileService();
  const cases: Array<[string, RegExp]> = [
    ['The deal was signed by Okaf|', /Okafor/],
    ['Okafor said "|', /triple|signed/],
    ['Jobs.[^|\n', /hostile-report/],
  ];
  for (const [typed, expect] of cases) {
    const { text, position } = at(typed);
    const list = await service.getCompletions({ uri: DRAFT_URI, text }, position);
    assert.ok(list.items.length > 0, typed);
    assert.ok(list.items.some((i) => expect.test(`${i.label} ${(i.textEdit as TextEdit | undefined)?.newText ?? ''}`)), typed);
    for (const item of list.items) if (item.documentation) await assertSafeMarkdown(docOf(item), `completion ${item.label}`);
  }
});

test('citations written into drafts use relative paths and cannot inject markup', async () => {
  const service = await hostileService();
  const text = 'Harbour Commissioner Maria Okafor said the expansion would create 800 jobs.\n';
  const doc = { uri: DRAFT_URI, text, version: 1 };
  const report = await service.checkDocument(doc, defaultSettings);
  const edits: TextEdit[] = [];
  const actions = await service.getCodeActions(doc, report.claims[0].range, report.diagnostics, undefined);
  for (const a of actions) edits.push(...(a.edit?.changes?.[DRAFT_URI] ?? []));
  const { text: cite, position } = at('Jobs.[^|\n');
  const list = await service.getCompletions({ uri: DRAFT_URI, text: cite }, position);
  for (const item of list.items) edits.push(...(item.additionalTextEdits ?? []));
  const definitions = edits.map((e) => e.newText).filter((t) => /\[\^[^\]]+\]:/.test(t));
  assert.ok(definitions.length > 0, `some edit adds a footnote definition: ${JSON.stringify(edits)}`);
  for (const d of definitions) {
    assert.match(d, /sources\/hostile-report\.md/, 'workspace-relative path');
    assert.ok(!d.includes('/home/writer') && !d.includes('file:'), `no absolute path or uri: ${d}`);
    assert.ok(!/(?<!\\)</.test(d), `no raw HTML from the source title: ${d}`);
    assert.ok(!d.includes('](command:'), d);
  }
  // A draft outside the sources' tree gets the file name, never the absolute path.
  const { text: t2, position: p2 } = at('Jobs.[^|\n');
  const far = await service.getCompletions({ uri: 'file:///tmp/elsewhere/draft.md', text: t2 }, p2);
  for (const e of far.items.flatMap((i) => i.additionalTextEdits ?? [])) assert.ok(!e.newText.includes('/home/writer'), e.newText);
});

// ── workspace trust ───────────────────────────────────────────────────────────────────────────────────

const ws = path.join(tmp, 'ws');
const outside = path.join(tmp, 'private');
fs.mkdirSync(path.join(ws, 'sources'), { recursive: true });
fs.mkdirSync(outside, { recursive: true });
fs.writeFileSync(path.join(ws, 'sources', 'inside.md'), 'The council approved the harbour plan on Tuesday, officials said.\n');
fs.writeFileSync(path.join(outside, 'secret.md'), 'The private diary says the deal was signed in secret.\n');
fs.symlinkSync(outside, path.join(ws, 'linked-out')); // a workspace folder that leads outside
fs.symlinkSync(path.join(outside, 'secret.md'), path.join(ws, 'sources', 'leak.md')); // a file that does

test('untrusted workspace: configured corpus paths may not reach outside the folder', () => {
  const configured = [outside, '../private', 'linked-out', `${tmp}/*`, '../**/private', 'sources'];
  const untrusted = resolveCorpusRoots(ws, configured, undefined, false);
  assert.deepEqual(untrusted.roots, [path.join(ws, 'sources')]);
  for (const p of [outside, path.join(ws, 'linked-out')]) assert.ok(untrusted.refused.includes(p), `${p} refused: ${untrusted.refused}`);
  // No workspace folder at all: nothing configured is trusted, the bundled corpus is used.
  const loose = resolveCorpusRoots(undefined, [outside], path.join(ws, 'sources'), false);
  assert.deepEqual(loose, { roots: [path.join(ws, 'sources')], bundled: true, refused: [outside] });
  // Trusted: the writer's settings are honoured.
  const trusted = resolveCorpusRoots(ws, [outside, 'sources'], undefined, true);
  assert.deepEqual(trusted.roots, [outside, path.join(ws, 'sources')]);
});

async function indexFolder(trusted: boolean, paths: string[]): Promise<{ status: StatusParams; folder: CorpusFolder }> {
  const statuses: StatusParams[] = [];
  const folder = new CorpusFolder(pathToFileURL(ws).href, 'ws', {
    log: () => undefined,
    bundledCorpus: undefined,
    useCache: false,
    trusted,
    onStatus: (s) => statuses.push(s),
    beginProgress: async () => undefined,
  });
  await folder.index({ ...defaultSettings, corpus: { paths } });
  return { status: statuses[statuses.length - 1], folder };
}

test('untrusted workspace: symlinks inside the corpus that lead outside are not read', async () => {
  const untrusted = await indexFolder(false, ['sources', outside]);
  const uris = [...untrusted.folder.service.corpus.articles()].map((a) => path.basename(a.uri));
  assert.deepEqual(uris, ['inside.md']);
  assert.ok(untrusted.status.warnings.some((w) => w.includes('leak.md') && /not trusted/.test(w)), untrusted.status.warnings.join('\n'));
  assert.ok(untrusted.status.warnings.some((w) => w.includes(outside) && /not trusted/.test(w)));
  const trusted = await indexFolder(true, ['sources']);
  assert.deepEqual([...trusted.folder.service.corpus.articles()].map((a) => path.basename(a.uri)).sort(), ['inside.md', 'leak.md']);
});

// ── nothing written, nothing sent ─────────────────────────────────────────────────────────────────────

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => path.join(dir, f));
}

test('no code path writes files (except the index cache and a requested report) or opens network connections (except to a requested archive)', () => {
  const files = [...sourceFiles(path.join(repo, 'server/src')), ...sourceFiles(path.join(repo, 'client/src'))];
  assert.ok(files.length > 20);
  const WRITE_FNS = 'writeFile|writeFileSync|appendFile|appendFileSync|createWriteStream|rename|renameSync|unlink|unlinkSync|truncate|truncateSync|copyFile|copyFileSync|rm|rmSync|mkdir|mkdirSync|open|openSync';
  // A write is a call on the fs module (any alias) or a write function imported from it by name.
  const WRITES = new RegExp(`\\b(?:fs|fsp|promises)\\.(?:${WRITE_FNS})\\b|import\\s*\\{[^}]*\\b(?:${WRITE_FNS})\\b[^}]*\\}\\s*from\\s*['"](?:node:)?fs(?:/promises)?['"]`);
  const NETWORK = /from ['"](node:)?(http|https|http2|net|dgram|tls|dns|pg)['"]|\bfetch\s*\(|XMLHttpRequest|WebSocket/;
  // The one connection Sourced opens: to the PostgreSQL archive the user names (--archive URL).
  const archiveClient = path.join('server', 'src', 'host', 'archive');
  const EDITS = /applyEdit|workspace\/applyEdit/;
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const rel = path.relative(repo, file);
    // The index cache, and the report page `sourced report -o FILE` is asked to write.
    const writers = [path.join('server', 'src', 'host', 'indexCache.ts'), path.join('server', 'src', 'host', 'reportFile.ts')];
    if (!writers.includes(rel)) assert.ok(!WRITES.test(text), `${rel} writes files: ${WRITES.exec(text)?.[0]}`);
    if (!rel.startsWith(archiveClient + path.sep)) assert.ok(!NETWORK.test(text), `${rel} uses the network: ${NETWORK.exec(text)?.[0]}`);
    assert.ok(!EDITS.test(text), `${rel} applies edits itself`);
  }
  const client = fs.readFileSync(path.join(repo, 'client/src/extension.ts'), 'utf8');
  assert.match(client, /markdown:\s*\{\s*isTrusted:\s*false,\s*supportHtml:\s*false\s*\}/, 'hover Markdown is untrusted in VS Code');
  assert.match(client, /trusted:\s*vscode\.workspace\.isTrusted/, 'the client tells the server about workspace trust');
});

test('the language server answers without touching the draft on disk or asking to edit it', async () => {
  const draft = path.join(ws, 'story.md');
  const content = 'Harbour Commissioner Maria Okafor said the council approved the harbour plan.[^inside]\n\nOkafor said "\n';
  fs.writeFileSync(draft, content);
  const before = fs.statSync(draft);
  const client = new LspClient(process.execPath, ['--import', 'tsx', path.join(repo, 'server/src/lsp/main.ts'), '--stdio'], repo, {
    ...process.env,
    XDG_CACHE_HOME: path.join(tmp, 'cache'),
  });
  try {
    client.onRequest('workspace/configuration', (p) => (p as { items: unknown[] }).items.map(() => ({ corpus: { paths: ['sources'] } })));
    const uri = pathToFileURL(draft).href;
    await client.request('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(ws).href,
      workspaceFolders: [{ uri: pathToFileURL(ws).href, name: 'ws' }],
      capabilities: { workspace: { configuration: true, applyEdit: true, workspaceEdit: { documentChanges: true } } },
      initializationOptions: { cache: false, trusted: false },
    });
    client.notify('initialized', {});
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: content } });
    const published = await client.waitFor((m) => m.method === 'textDocument/publishDiagnostics', 'diagnostics');
    const diagnostics = (published.params as { diagnostics: unknown[] }).diagnostics;
    await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 25 } });
    await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 13 } });
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 10 } };
    await client.request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics } });
    await client.request('workspace/executeCommand', { command: 'sourced.server.reindex', arguments: [] });
    assert.deepEqual(client.serverRequests.filter((m) => m.method === 'workspace/applyEdit'), []);
    assert.equal(client.garbage, '', 'nothing but LSP frames on stdout');
  } finally {
    await client.close();
  }
  const afterStat = fs.statSync(draft);
  assert.equal(fs.readFileSync(draft, 'utf8'), content);
  assert.equal(afterStat.mtimeMs, before.mtimeMs);
});
