// Bad corpora (and a crash while saving the index): binary files, invalid UTF-8, mojibake, empty files, a 100 MB file, unreadable files, symlink
// loops, pipes and files deleted mid-index. Each is skipped or read with a warning that names the file —
// never a crash, never a silent empty index — and `sourced check` lists them.

import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { readCorpus, type CorpusFileResult } from '../../server/src/host/corpusFiles.ts';
import { loadIndexCache, saveIndexCache } from '../../server/src/host/indexCache.ts';
import { createSourcedService, defaultSettings } from '../../server/src/service/index.ts';
import { CorpusFolder } from '../../server/src/lsp/corpusFolder.ts';
import type { StatusParams } from '../../server/src/protocol.ts';

const repo = path.resolve(__dirname, '..', '..');
const tmp = fs.mkdtempSync(path.join(tmpdir(), 'sourced-bad-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));
const root = path.join(tmp, 'sources');
fs.mkdirSync(path.join(root, 'sub'), { recursive: true });
const file = (name: string) => path.join(root, name);

const GOOD =
  '---\ntitle: "Ferry strike ends"\noutlet: "Coast Herald"\ndate: 2022-06-01\n---\n' +
  'Ferry workers in Elmsworth returned to work on Friday after a five-day strike, union leader Tom Reyes said.\n\n' +
  'Reyes said the deal "gives every crew member a fair wage."\n';
fs.writeFileSync(file('good.md'), GOOD);
// UTF-8 bytes once decoded as Windows-1252 and saved again as UTF-8 (as in scraped BBC articles).
fs.writeFileSync(file('mojibake.txt'), 'Gadget spending soars. One gadget lover spent Â£7,455 on devices last year, the survey found.\n');
fs.writeFileSync(file('binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48]));
fs.writeFileSync(file('latin1.txt'), Buffer.from('Caf\xe9 owners paid \x805 more, the council said.', 'latin1'));
fs.writeFileSync(file('empty.md'), '');
fs.writeFileSync(file('blank.txt'), '\ufeff  \n\n\t\n');
// 100 MB, sparse: created instantly, never read (refused on its size from stat).
fs.writeFileSync(file('huge.md'), '');
fs.truncateSync(file('huge.md'), 100 * 1024 * 1024);
fs.symlinkSync(file('loop-b.md'), file('loop-a.md'));
fs.symlinkSync(file('loop-a.md'), file('loop-b.md'));
fs.symlinkSync(root, path.join(root, 'sub', 'back-to-root')); // directory loop
fs.symlinkSync(file('missing.md'), file('dangling.md'));
fs.writeFileSync(file('secret.md'), 'Nobody may read this article.');
fs.writeFileSync(file('vanishing.md'), 'This article is deleted while the corpus is being indexed.');
let fifo = false;
try {
  execFileSync('mkfifo', [file('pipe.md')]);
  fifo = true;
} catch {
  // no mkfifo on this system: the pipe case is skipped below
}

const isRoot = process.getuid?.() === 0;
if (!isRoot) fs.chmodSync(file('secret.md'), 0o000);

/**
 * Reads the corpus with two races made deterministic: `secret.md` unreadable (root ignores chmod 000, so
 * the EACCES the kernel would give another user is simulated) and `vanishing.md` deleted between the
 * walk's stat and the read.
 */
async function readWithRaces(): Promise<CorpusFileResult[]> {
  const original = fs.promises.readFile;
  fs.promises.readFile = (async (p: fs.PathLike | fs.promises.FileHandle, ...rest: unknown[]) => {
    const name = typeof p === 'string' ? path.basename(p) : '';
    if (name === 'secret.md' && isRoot) throw Object.assign(new Error(`EACCES: permission denied, open '${p}'`), { code: 'EACCES' });
    if (name === 'vanishing.md') fs.rmSync(p as string, { force: true });
    return (original as (...a: unknown[]) => Promise<unknown>)(p, ...rest);
  }) as typeof fs.promises.readFile;
  try {
    const out: CorpusFileResult[] = [];
    for await (const r of readCorpus([root])) out.push(r);
    return out;
  } finally {
    fs.promises.readFile = original;
  }
}

const EXPECTED_WARNINGS: Array<[string, RegExp]> = [
  ['binary.md', /binary/],
  ['latin1.txt', /not valid UTF-8; decoded as Windows-1252/],
  ['empty.md', /empty file/],
  ['blank.txt', /empty file/],
  ['huge.md', /100\.0 MB is over the 20\.0 MB limit/],
  ['loop-a.md', /symbolic link loop/],
  ['loop-b.md', /symbolic link loop/],
  ['dangling.md', /not found/],
  ['secret.md', /permission denied/],
  ['vanishing.md', /not found; deleted while indexing/],
];
if (fifo) EXPECTED_WARNINGS.push(['pipe.md', /not a regular file/]);

test('each bad file is skipped or read with a warning naming it; good files are read', async () => {
  const results = await readWithRaces();
  const notes = results.map((r) => ({ name: path.basename(r.path), note: r.kind === 'warning' ? r.message : (r.warning ?? '') }));
  for (const [name, re] of EXPECTED_WARNINGS) {
    assert.ok(notes.some((n) => n.name === name && re.test(n.note)), `${name} ${re}: ${JSON.stringify(notes)}`);
  }
  for (const r of results) {
    if (r.kind === 'warning') assert.ok(path.isAbsolute(r.path) && r.message.length > 0);
  }
  const read = results.filter((r) => r.kind === 'file');
  assert.deepEqual(read.map((r) => path.basename(r.path)).sort(), ['good.md', 'latin1.txt', 'mojibake.txt']);
  // Each file once, even though the directory loop reaches the folder twice.
  assert.equal(new Set(results.map((r) => r.path)).size, results.length);
  const latin = read.find((r) => r.path.endsWith('latin1.txt'));
  assert.equal(latin?.kind === 'file' && latin.text, 'Café owners paid €5 more, the council said.');
  fs.writeFileSync(file('vanishing.md'), 'Back again.');
});

test('the service indexes what was readable: mojibake matches, nothing throws', async () => {
  const results = await readWithRaces();
  fs.writeFileSync(file('vanishing.md'), 'Back again.');
  const service = createSourcedService();
  await service.upsertSources(results.flatMap((r) => (r.kind === 'file' ? [{ uri: r.uri, text: r.text }] : [])));
  assert.equal(service.corpus.articleCount, 3);
  const report = await service.checkDocument(
    { uri: 'file:///ws/draft.md', text: 'One gadget lover spent £7,455 on devices last year.\n', version: 1 },
    defaultSettings,
  );
  assert.equal(report.claims.length, 1);
  assert.equal(report.claims[0].verdict, 'supported', JSON.stringify(report.claims[0]));
});

test('the language server folder reports the warnings in its status (shown by the client)', async () => {
  const statuses: StatusParams[] = [];
  const logs: string[] = [];
  const folder = new CorpusFolder(pathToFileURL(tmp).href, 'bad', {
    log: (m) => logs.push(m),
    bundledCorpus: undefined,
    useCache: false,
    onStatus: (s) => statuses.push(s),
    beginProgress: async () => undefined,
  });
  assert.equal(await folder.index({ ...defaultSettings, corpus: { paths: ['sources'] } }), true);
  const final = statuses[statuses.length - 1];
  assert.equal(final.state, 'ready');
  // Good, mojibake, latin1 and the re-created vanishing.md; as root (not simulated here) also secret.md.
  assert.equal(final.articles, isRoot ? 5 : 4);
  for (const name of ['binary.md', 'latin1.txt', 'empty.md', 'huge.md', 'loop-a.md', 'dangling.md']) {
    assert.ok(final.warnings.some((w) => w.includes(name)), `${name} in status warnings`);
    assert.ok(logs.some((l) => l.includes(name)), `${name} in the log`);
  }
});

test('an all-bad corpus is not a silent empty index', async () => {
  const dir = path.join(tmp, 'all-bad');
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'a.md'), '');
  fs.writeFileSync(path.join(dir, 'b.md'), Buffer.from([0, 1, 2, 3]));
  const results: CorpusFileResult[] = [];
  for await (const r of readCorpus([dir])) results.push(r);
  assert.deepEqual(results.map((r) => [r.kind, path.basename(r.path)]), [['warning', 'a.md'], ['warning', 'b.md']]);
});

test('`sourced check` lists every skipped file on stderr and in its json, and still checks', async () => {
  const draft = path.join(tmp, 'draft.md');
  fs.writeFileSync(draft, 'Ferry workers in Elmsworth returned to work on Friday after a five-day strike.\n');
  const run = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', path.join(repo, 'server/src/cli/main.ts'), 'check', '--no-cache', '--format', 'json', '--corpus', root, draft],
      { cwd: repo, env: { ...process.env, XDG_CACHE_HOME: path.join(tmp, 'cache') }, maxBuffer: 16 * 1024 * 1024 },
      (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr }),
    );
  });
  assert.ok(run.code === 0 || run.code === 1, `exit ${run.code}: ${run.stderr}`);
  const out = JSON.parse(run.stdout) as { corpus: { articles: number }; warnings?: string[]; files: Array<{ claims: Array<{ verdict: string }> }> };
  assert.ok(out.corpus.articles >= 3);
  assert.equal(out.files[0].claims[0]?.verdict, 'supported');
  // Not simulated in the child: as root, secret.md is readable there.
  for (const [name] of EXPECTED_WARNINGS.filter(([n]) => n !== 'vanishing.md' && (n !== 'secret.md' || !isRoot))) {
    assert.match(run.stderr, new RegExp(`warning: .*${name.replace('.', '\\.')}`), `${name} on stderr`);
    assert.ok(out.warnings?.some((w) => w.includes(name)), `${name} in json warnings`);
  }
});

// ── the saved index survives a crash mid-write ────────────────────────────────────────────────────────

test('a crash between writing and renaming the index cache leaves the old cache usable', async () => {
  const cacheFile = path.join(tmp, 'cache-a', 'index.json');
  const oldJson = JSON.stringify({ generation: 'old', articles: ['a'] });
  assert.equal(await saveIndexCache(cacheFile, 'fp', oldJson), true);
  // Simulated crash: the process dies after the temp file is written, before the rename.
  const rename = fs.promises.rename;
  fs.promises.rename = (() => new Promise<void>(() => undefined)) as typeof fs.promises.rename;
  try {
    const pending = saveIndexCache(cacheFile, 'fp', JSON.stringify({ generation: 'new', pad: 'x'.repeat(100_000) }));
    await new Promise((resolve) => setImmediate(resolve));
    for (let i = 0; i < 100 && !fs.readdirSync(path.dirname(cacheFile)).some((f) => f.endsWith('.tmp')); i++) await new Promise((r) => setTimeout(r, 5));
    void pending; // never settles: the "process" died here
  } finally {
    fs.promises.rename = rename;
  }
  assert.ok(fs.readdirSync(path.dirname(cacheFile)).some((f) => f.endsWith('.tmp')), 'a partial temp file is left behind');
  assert.equal(await loadIndexCache(cacheFile, 'fp'), oldJson, 'the old cache still loads');
  // The next save replaces it; the stale temp file does not confuse the loader.
  assert.equal(await saveIndexCache(cacheFile, 'fp', '{"generation":"next"}'), true);
  assert.equal(await loadIndexCache(cacheFile, 'fp'), '{"generation":"next"}');
});

test('a process killed while saving the index cache leaves a valid old or new cache, never a damaged one', async (t) => {
  const cacheFile = path.join(tmp, 'cache-b', 'index.json');
  const oldJson = JSON.stringify({ generation: 'old' });
  assert.equal(await saveIndexCache(cacheFile, 'fp', oldJson), true);
  const script =
    `const m = await import(${JSON.stringify(pathToFileURL(path.join(repo, 'server/src/host/indexCache.ts')).href)});\n` +
    `const saveIndexCache = m.saveIndexCache ?? m.default.saveIndexCache;\n` +
    `const big = JSON.stringify({ generation: 'new', pad: 'x'.repeat(100 * 1024 * 1024) });\n` +
    `process.stdout.write('writing\\n');\n` +
    `await saveIndexCache(${JSON.stringify(cacheFile)}, 'fp', big);\n`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: repo, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
  // Kill once the temp file exists (mid-write), or after a short while at the latest.
  const dir = path.dirname(cacheFile);
  for (let i = 0; i < 400 && !fs.readdirSync(dir).some((f) => f.endsWith('.tmp')); i++) await new Promise((r) => setTimeout(r, 5));
  const midWrite = fs.readdirSync(dir).some((f) => f.endsWith('.tmp'));
  child.kill('SIGKILL');
  await new Promise((resolve) => child.once('exit', resolve));
  const loaded = await loadIndexCache(cacheFile, 'fp');
  t.diagnostic(`killed ${midWrite ? 'mid-write' : 'before or after the write'}; cache now ${loaded === oldJson ? 'old' : 'new'}`);
  assert.ok(loaded === oldJson || (loaded !== undefined && loaded.startsWith('{"generation":"new"')), 'old or complete new cache');
  // The next save removes the dead writer's temp file (a whole index, left for good otherwise).
  assert.equal(await saveIndexCache(cacheFile, 'fp', '{"generation":"next"}'), true);
  assert.deepEqual(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp')), [], 'no temp file left');
});
