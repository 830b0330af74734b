// A PDF-backed hover link over stdio: a client that shows extracted sources as views (the VS Code client,
// `virtualSources: true`) gets a `sourced-source:` link naming the file and its page, and the view's text
// through `sourced/sourceText`; a file the server does not read is named in the status with its reason.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient, type Message } from './lspClient.ts';
import { cursor } from './fixtures.ts';
import { makePdf } from '../fixtures/sourceFiles.ts';

const repo = path.resolve(__dirname, '../..');
const DRAFT = 'Staff numbers will fall from 410 to 385 by April.[^budget-report]\n';

let dir: string;
let client: LspClient;
let draftUri: string;
let ready: Message;

before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'sourced-views-'));
  mkdirSync(path.join(dir, 'sources'));
  writeFileSync(
    path.join(dir, 'sources', 'budget-report.pdf'),
    await makePdf([['The council expects a deficit of £3.4 million next year.'], ['Spending on roads will rise by 12 per cent.', '', 'Staff numbers will fall from 410 to 385 by April.']], { title: 'Elmsworth budget report' }),
  );
  writeFileSync(path.join(dir, 'sources', 'site-plan.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  writeFileSync(path.join(dir, 'draft.md'), DRAFT);
  draftUri = pathToFileURL(path.join(dir, 'draft.md')).href;
  client = new LspClient(process.execPath, ['--import', 'tsx', path.join(repo, 'server/src/lsp/main.ts'), '--stdio'], repo, { ...process.env, XDG_CACHE_HOME: path.join(dir, '.cache') });
  client.onRequest('workspace/configuration', (params) => (params as { items: unknown[] }).items.map(() => ({ corpus: { paths: ['sources'] } })));
  const rootUri = pathToFileURL(dir).href;
  await client.request('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'ws' }],
    capabilities: { textDocument: { hover: { contentFormat: ['markdown'] } }, workspace: { configuration: true } },
    initializationOptions: { cache: false, virtualSources: true },
  });
  client.notify('initialized', {});
  // PDF.js is compiled on the fly under tsx the first time: a longer wait than a Markdown corpus needs.
  ready = await client.waitFor((m) => m.method === 'sourced/status' && (m.params as { state: string }).state === 'ready', 'corpus indexed', 90_000);
  client.notify('textDocument/didOpen', { textDocument: { uri: draftUri, languageId: 'markdown', version: 1, text: DRAFT } });
});

after(async () => {
  await client?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('a hover on a citation of a PDF links to a read-only view titled with the file and page', async () => {
  const at = cursor(DRAFT.replace('[^budget', '[^bud|get')).position;
  const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri: draftUri }, position: at }, 30_000);
  const md = hover.contents.value;
  assert.match(md, /Open at p\. 2, line \d+/, md);
  const link = /\]\((sourced-source:[^)]+)\)/.exec(md)?.[1];
  assert.ok(link, md);
  assert.match(link, /budget-report\.pdf%20%28p\.%202%29\?file%3A/);
  const view = await client.request<{ text: string; uri: string } | null>('sourced/sourceText', { uri: link.replace(/#.*$/, '') });
  assert.ok(view?.text.includes('Staff numbers will fall from 410 to 385 by April.'), JSON.stringify(view));
  assert.equal(view?.uri, pathToFileURL(path.join(dir, 'sources', 'budget-report.pdf')).href);
  const line = Number(/#L(\d+)/.exec(link)?.[1]) - 1;
  assert.match(view!.text.split('\n')[line], /Staff numbers/);
});

test('the file the server does not read is in the status with its reason', () => {
  const status = ready.params as { articles: number; warnings: string[]; warningCount?: number };
  assert.equal(status.articles, 1);
  assert.ok(status.warnings.some((w) => /site-plan\.png: not read: an image/.test(w)), JSON.stringify(status.warnings));
  assert.equal(status.warningCount, 1);
  assert.equal(client.garbage, '', 'PDF.js printed nothing on the protocol channel');
});
