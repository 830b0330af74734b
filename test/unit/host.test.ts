import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { decodeText, readCorpus, walkCorpus, type CorpusFileResult } from '../../server/src/host/corpusFiles.ts';
import { corpusFingerprint, defaultCacheDir, defaultCacheFile, loadIndexCache, loadIndexCacheEntry, noRoomToSave, openIndexCacheEarly, saveIndexCache } from '../../server/src/host/indexCache.ts';
import { findBundledCorpus, findNearbyCorpus, locateCorpus } from '../../server/src/host/corpusLocator.ts';

const tmp = mkdtempSync(path.join(tmpdir(), 'sourced-host-'));
after(() => rmSync(tmp, { recursive: true, force: true }));
const dir = (...p: string[]): string => {
  const d = path.join(tmp, ...p);
  mkdirSync(d, { recursive: true });
  return d;
};

async function collect(roots: string[], opts?: Parameters<typeof readCorpus>[1]): Promise<CorpusFileResult[]> {
  const out: CorpusFileResult[] = [];
  for await (const r of readCorpus(roots, opts)) out.push(r);
  return out;
}

test('readCorpus walks, decodes and warns instead of throwing', async () => {
  const root = dir('c1');
  writeFileSync(path.join(root, 'a.md'), '\ufeffAlpha article.');
  dir('c1', 'sub');
  writeFileSync(path.join(root, 'sub', 'b.txt'), 'Beta article.');
  writeFileSync(path.join(root, 'sub', 'skip.json'), '{}');
  dir('c1', '.hidden');
  writeFileSync(path.join(root, '.hidden', 'h.md'), 'hidden');
  dir('c1', 'node_modules');
  writeFileSync(path.join(root, 'node_modules', 'n.md'), 'dependency');
  writeFileSync(path.join(root, 'bin.md'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x01]));
  writeFileSync(path.join(root, 'latin.txt'), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x80, 0x35]));
  writeFileSync(path.join(root, 'u16le.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Wide text.', 'utf16le')]));
  const be = Buffer.from('Big end.', 'utf16le').swap16();
  writeFileSync(path.join(root, 'u16be.md'), Buffer.concat([Buffer.from([0xfe, 0xff]), be]));
  writeFileSync(path.join(root, 'huge.md'), 'x'.repeat(5000));
  symlinkSync(root, path.join(root, 'sub', 'loop')); // directory loop
  symlinkSync(path.join(root, 'a.md'), path.join(root, 'sub', 'alias.md')); // same file twice
  symlinkSync(path.join(root, 'gone.md'), path.join(root, 'dangling.md'));

  const results = await collect([root], { maxFileBytes: 4096 });
  const files = results.filter((r) => r.kind === 'file');
  const texts = Object.fromEntries(files.map((f) => [path.relative(root, f.path), f.text]));
  assert.deepEqual(Object.keys(texts).sort(), ['a.md', 'latin.txt', 'sub/b.txt', 'u16be.md', 'u16le.txt']);
  assert.equal(texts['a.md'], 'Alpha article.', 'UTF-8 BOM stripped');
  assert.equal(texts['latin.txt'], 'Café €5');
  assert.equal(texts['u16le.txt'], 'Wide text.');
  assert.equal(texts['u16be.md'], 'Big end.');
  for (const f of files) assert.ok(f.uri.startsWith('file:///'));
  const latin = files.find((f) => f.path.endsWith('latin.txt'));
  assert.match(latin?.warning ?? '', /Windows-1252/);
  const warnings = results.filter((r) => r.kind === 'warning');
  const warned = (name: string, re: RegExp) =>
    assert.ok(warnings.some((w) => w.path.endsWith(name) && re.test(w.message)), `${name}: ${JSON.stringify(warnings)}`);
  warned('bin.md', /binary/);
  warned('huge.md', /over the/);
  warned('dangling.md', /not found/);
});

test('missing and empty roots, a file root, exclusion and abort', async () => {
  const empty = dir('empty');
  const missing = path.join(tmp, 'nope');
  const results = await collect([missing, empty]);
  assert.deepEqual(results.map((r) => r.kind), ['warning', 'warning']);
  assert.match((results[0] as { message: string }).message, /not found/);
  assert.match((results[1] as { message: string }).message, /no \.md/);

  const root = dir('c2');
  for (let i = 0; i < 40; i++) writeFileSync(path.join(root, `f${String(i).padStart(2, '0')}.md`), `Text ${i}.`);
  const single = await collect([path.join(root, 'f01.md')]);
  assert.equal(single.length, 1);
  assert.equal(single[0].kind === 'file' && single[0].text, 'Text 1.');
  const ordered = (await collect([root], { exclude: new Set([path.join(root, 'f00.md')]) })).map((r) => path.basename(r.path));
  assert.equal(ordered.length, 39);
  assert.deepEqual(ordered, [...ordered].sort(), 'stable order despite read-ahead');

  const ac = new AbortController();
  let n = 0;
  for await (const _ of readCorpus([root], { signal: ac.signal })) {
    if (++n === 3) ac.abort();
  }
  assert.ok(n < 40);
});

test('unreadable files are reported, not thrown', { skip: process.getuid?.() === 0 ? 'running as root' : false }, async () => {
  const root = dir('c3');
  const f = path.join(root, 'secret.md');
  writeFileSync(f, 'secret');
  chmodSync(f, 0o000);
  const results = await collect([root]);
  assert.equal(results.length, 1);
  assert.equal(results[0].kind, 'warning');
  assert.match((results[0] as { message: string }).message, /permission denied/);
});

test('decodeText classifies bytes', () => {
  assert.deepEqual(decodeText(Buffer.from('plain')), { text: 'plain' });
  assert.deepEqual(decodeText(Buffer.from([1, 2, 3, 4, 5, 6, 7, 8, 65, 66])), { binary: true });
  assert.deepEqual(decodeText(Buffer.alloc(0)), { text: '' });
});

test('index cache round-trips, rejects stale or damaged files, writes atomically', async () => {
  const root = dir('c4');
  writeFileSync(path.join(root, 'a.md'), 'A.');
  const entries = [];
  for await (const w of walkCorpus([root])) if (w.kind === 'entry') entries.push(w);
  const fp = corpusFingerprint([root], entries);
  assert.equal(fp, corpusFingerprint([root], entries));
  assert.notEqual(fp, corpusFingerprint([root], entries.map((e) => ({ ...e, size: e.size + 1 }))));
  assert.notEqual(fp, corpusFingerprint([root, tmp], entries));

  const cacheFile = path.join(tmp, 'cache', 'deep', 'index.json');
  const json = JSON.stringify({ articles: ['a'], note: 'line\nbreak' });
  assert.equal(await saveIndexCache(cacheFile, fp, json, [{ path: '/c/w1.pdf', message: 'no text' }]), true);
  assert.equal(await loadIndexCache(cacheFile, fp), json);
  const entry = await loadIndexCacheEntry(cacheFile, fp);
  assert.deepEqual(entry?.warnings, [{ path: '/c/w1.pdf', message: 'no text' }]);
  await entry?.lines[Symbol.asyncIterator]().return?.(); // an entry not read to the end is closed by return()
  assert.equal(await loadIndexCache(cacheFile, 'other'), undefined);
  assert.equal(await loadIndexCache(path.join(tmp, 'cache', 'absent.json'), fp), undefined);
  assert.deepEqual(readdirSync(path.dirname(cacheFile)), ['index.json'], 'no temp file left behind');

  writeFileSync(cacheFile, `{"format":1,"fingerprint":"${fp}","length":999}\n{"old`);
  assert.equal(await loadIndexCache(cacheFile, fp), undefined, 'an older cache format');
  writeFileSync(cacheFile, 'garbage');
  assert.equal(await loadIndexCache(cacheFile, fp), undefined, 'corrupt');
  // Saving into an unwritable location fails softly.
  writeFileSync(path.join(tmp, 'afile'), '');
  assert.equal(await saveIndexCache(path.join(tmp, 'afile', 'x.json'), fp, json), false);

  assert.equal(defaultCacheDir({ XDG_CACHE_HOME: '/xdg' }), path.join('/xdg', 'sourced'));
  assert.match(defaultCacheDir({}), /\.cache[\\/]sourced$/);
  assert.equal(defaultCacheFile(['/a', '/b'], '/c'), defaultCacheFile(['/b', '/a'], '/c'));
  assert.notEqual(defaultCacheFile(['/a'], '/c'), defaultCacheFile(['/b'], '/c'));
});

test('a saved index read while the corpus is walked: whole when the fingerprint matches, stopped when it does not', async () => {
  const cacheFile = path.join(tmp, 'cache', 'early.json');
  const body = ['{"head":1}', '{"a":2}', '{"end":3}'];
  assert.equal(await saveIndexCache(cacheFile, 'fp', body, [{ path: '/c/w', message: 'm' }]), true);
  const read = async (fingerprint: Promise<string>) => {
    const entry = await openIndexCacheEarly(cacheFile, fingerprint);
    assert.ok(entry);
    assert.deepEqual(entry.warnings, [{ path: '/c/w', message: 'm' }]);
    const got: string[] = [];
    try {
      for await (const line of entry.lines) got.push(line);
    } catch (err) {
      return { got, error: (err as Error).message };
    }
    return { got };
  };
  // The fingerprint known only after the lines were read: the last line waits for it.
  let settle: (fp: string) => void = () => undefined;
  const late = read(new Promise<string>((resolve) => (settle = resolve)));
  settle('fp');
  assert.deepEqual(await late, { got: body });
  const stale = await read(Promise.resolve('other'));
  assert.ok(stale.got.length < body.length, 'never the whole index');
  assert.match(stale.error ?? '', /changed/);
  assert.equal(await openIndexCacheEarly(path.join(tmp, 'cache', 'absent.json'), Promise.resolve('fp')), undefined);
});

test('an index too close to the heap cap is not saved, and says why', () => {
  const MB = 1048576;
  assert.equal(noRoomToSave({ used_heap_size: 600 * MB, heap_size_limit: 1536 * MB }), undefined);
  const full = noRoomToSave({ used_heap_size: 1200 * MB, heap_size_limit: 1536 * MB });
  assert.match(full ?? '', /not saved to disk: it uses 1200 MB of the 1536 MB memory cap/);
  // This process has room: the host's own check passes.
  assert.equal(noRoomToSave(), undefined);
});

test('corpus locator: explicit, nearby (walking up), bundled', () => {
  const project = dir('proj');
  dir('proj', 'sources');
  dir('proj', 'chapters', 'one');
  const draft = path.join(project, 'chapters', 'one', 'draft.md');
  assert.equal(findNearbyCorpus(path.dirname(draft)), path.join(project, 'sources'));
  assert.deepEqual(locateCorpus({ explicit: [], drafts: [draft], cwd: tmp }), { roots: [path.join(project, 'sources')], origin: 'nearby' });
  assert.deepEqual(locateCorpus({ explicit: ['x', 'x'], drafts: [draft], cwd: tmp }), { roots: [path.join(tmp, 'x')], origin: 'explicit' });

  const install = dir('install');
  dir('install', 'corpus');
  dir('install', 'dist');
  dir('install', 'server', 'src', 'cli');
  writeFileSync(path.join(install, 'package.json'), '{}');
  assert.equal(findBundledCorpus(path.join(install, 'dist', 'cli.js')), path.join(install, 'corpus'));
  assert.equal(findBundledCorpus(path.join(install, 'server', 'src', 'cli', 'main.ts')), path.join(install, 'corpus'));
  const lonely = dir('lonely', 'deep');
  const located = locateCorpus({ explicit: [], drafts: [], cwd: lonely, scriptPath: path.join(install, 'dist', 'cli.js') });
  // The temp dir's ancestors might hold a corpus/ of their own; otherwise the bundled one applies.
  assert.ok(located.origin === 'bundled' || located.origin === 'nearby');
});

test('saved indexes are keyed by the analysis code: a stable hash of the service sources when run from source', async () => {
  const { analysisId } = await import('../../server/src/host/analysisId.ts');
  assert.match(analysisId(), /^[0-9a-f]{16}$/);
  assert.equal(analysisId(), analysisId());
});
