// One saved index per corpus, whoever saved it: the language server and `sourced check` use each other's,
// and checking another draft against the same corpus does not index it again. A rebuilt index is written
// to a new file renamed over the old one, so an unchanged inode means the saved index was used.

import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { defaultSettings } from '../../server/src/service/index.ts';
import { CorpusFolder } from '../../server/src/lsp/corpusFolder.ts';

const repo = path.resolve(__dirname, '..', '..');
const tmp = fs.mkdtempSync(path.join(tmpdir(), 'sourced-share-'));
const cacheHome = path.join(tmp, 'cache');
const savedEnv = process.env.XDG_CACHE_HOME;
after(() => {
  if (savedEnv === undefined) delete process.env.XDG_CACHE_HOME;
  else process.env.XDG_CACHE_HOME = savedEnv;
  fs.rmSync(tmp, { recursive: true, force: true });
});
const tsxLoader = pathToFileURL(path.join(repo, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;

const sources = path.join(tmp, 'sources');
fs.mkdirSync(sources);
fs.writeFileSync(
  path.join(sources, 'ferry.md'),
  '---\ntitle: "Ferry strike ends"\n---\nFerry workers in Elmsworth returned to work on Friday after a five-day strike, union leader Tom Reyes said.\n',
);
fs.writeFileSync(path.join(sources, 'empty.md'), ''); // read with a warning, saved with the index
for (const name of ['one.md', 'two.md']) fs.writeFileSync(path.join(tmp, name), 'Ferry workers in Elmsworth returned to work on Friday.\n');

function check(draft: string, cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', tsxLoader, path.join(repo, 'server/src/cli/main.ts'), 'check', '--format', 'json', '--corpus', sources, draft],
      { cwd, env: { ...process.env, XDG_CACHE_HOME: cacheHome }, maxBuffer: 16 * 1024 * 1024 },
      (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr }),
    );
  });
}

const savedIndex = () => {
  const dir = path.join(cacheHome, 'sourced');
  const name = fs.existsSync(dir) ? fs.readdirSync(dir).find((f) => /^index-.*\.json$/.test(f)) : undefined;
  return name ? fs.statSync(path.join(dir, name)) : undefined;
};

test('the index the language server saved serves `sourced check`, for one draft and the next', async () => {
  process.env.XDG_CACHE_HOME = cacheHome;
  const folder = new CorpusFolder(pathToFileURL(tmp).href, 'share', {
    log: () => undefined,
    bundledCorpus: undefined,
    useCache: true,
    onStatus: () => undefined,
    beginProgress: async () => undefined,
  });
  assert.equal(await folder.index({ ...defaultSettings, corpus: { paths: ['sources'] } }), true);
  // The server saves once the index has settled: wait for the file, with a deadline.
  const deadline = Date.now() + 20_000;
  while (!savedIndex() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  const saved = savedIndex();
  assert.ok(saved, 'the language server saved its index');

  for (const [draft, cwd] of [[path.join(tmp, 'one.md'), tmp], [path.join(tmp, 'two.md'), tmp]] as const) {
    const run = await check(draft, cwd);
    assert.equal(run.code, 0, run.stderr);
    const out = JSON.parse(run.stdout) as { corpus: { articles: number }; warnings: string[]; files: Array<{ claims: Array<{ verdict: string }> }> };
    assert.equal(out.corpus.articles, 1);
    assert.equal(out.files[0].claims[0]?.verdict, 'supported');
    // The warning saved with the index, shown relative to where the command runs.
    assert.ok(out.warnings.some((w) => w.startsWith('sources/empty.md: ')), JSON.stringify(out.warnings));
    assert.match(run.stderr, /warning: sources\/empty\.md: /);
    assert.equal(savedIndex()?.ino, saved.ino, `${path.basename(draft)}: the saved index was used, not built again`);
  }
});
