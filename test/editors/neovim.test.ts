// Neovim (headless, Debian's 0.7) as the client of `sourced lsp --stdio` over the e2e fixture workspace:
// hover text and pushed diagnostics. Needs `nvim` (scripts/e2e/install-tools.sh installs it) and a built
// dist/ (npm run build). Run by `npm run test:e2e`.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const FIXTURE = path.join(ROOT, 'test/e2e/fixture');
const TIMEOUT_MS = 30_000;

interface NvimResult {
  nvim: string;
  hover?: string;
  diagnostics: { line: number; code: string; severity: number; message: string }[];
  diagnostics_complete?: boolean;
  editor_diagnostics?: number;
  error?: string;
}

function runNeovim(): NvimResult {
  assert.ok(spawnSync('nvim', ['--version']).status === 0, 'nvim is not installed (apt-get install neovim, or scripts/e2e/install-tools.sh)');
  assert.ok(fs.existsSync(path.join(ROOT, 'dist/cli.js')), 'dist/cli.js is missing: run npm run build');
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'sourced-nvim-'));
  try {
    fs.cpSync(FIXTURE, ws, { recursive: true });
    const resultFile = path.join(ws, 'result.json');
    const run = spawnSync('nvim', ['--headless', '--clean', '-u', 'NONE', '-c', `luafile ${path.join(__dirname, 'lsp_check.lua')}`, path.join(ws, 'draft.md')], {
      cwd: ws,
      encoding: 'utf8',
      timeout: TIMEOUT_MS * 3,
      env: {
        ...process.env,
        SOURCED_CMD: JSON.stringify([process.execPath, path.join(ROOT, 'bin/sourced'), 'lsp', '--stdio']),
        HOVER_NEEDLE: 'Marsh told',
        WANT_CODES: 'unsourced-claim,misquote',
        RESULT_FILE: resultFile,
        TIMEOUT_MS: String(TIMEOUT_MS),
        XDG_CACHE_HOME: path.join(ws, '.cache'),
      },
    });
    assert.ok(fs.existsSync(resultFile), `nvim wrote no result (status ${run.status}, signal ${run.signal}): ${run.stderr}`);
    return JSON.parse(fs.readFileSync(resultFile, 'utf8')) as NvimResult;
  } finally {
    fs.rmSync(ws, { recursive: true, force: true });
  }
}

const lineOf = (needle: string) => fs.readFileSync(path.join(FIXTURE, 'draft.md'), 'utf8').split('\n').findIndex((l) => l.includes(needle));

test('Neovim: sourced lsp --stdio hovers a person and pushes diagnostics', async (t) => {
  const result = runNeovim();
  assert.equal(result.error, undefined, `lua error: ${result.error}`);
  t.diagnostic(`nvim ${result.nvim}`);

  await t.test('pushed diagnostics flag the invented claim and the misquote', () => {
    const found = result.diagnostics.map((d) => `${d.line}:${d.code}`);
    assert.ok(found.includes(`${lineOf('painted gold')}:unsourced-claim`), `diagnostics: ${found.join(', ')}`);
    assert.ok(found.includes(`${lineOf('fishermen')}:misquote`), `diagnostics: ${found.join(', ')}`);
    assert.ok((result.editor_diagnostics ?? 0) > 0, 'Neovim shows no diagnostics in the buffer');
  });

  await t.test('hover on a person shows the sourced role and a link to the source', () => {
    const hover = result.hover ?? '';
    assert.match(hover, /Teodora Marsh/, `hover: ${hover}`);
    assert.match(hover, /mayor/i, `hover: ${hover}`);
    assert.match(hover, /harbour-bridge\.md/, `hover: ${hover}`);
  });
});
