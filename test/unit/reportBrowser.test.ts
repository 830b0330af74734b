// The HTML fact-check report in a real browser: Debian's chromium (the one the end-to-end suite drives;
// CHROMIUM overrides the path) renders `sourced report examples/draft.md` from disk, offline, to a
// screenshot, to the DOM it parsed, and through the print stylesheet to a PDF. Without chromium the
// test is skipped with a message saying so (CI installs it: .ci/run).
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

const repo = path.resolve(__dirname, '..', '..');
const tmp = mkdtempSync(path.join(tmpdir(), 'sourced-browser-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

const chromium = [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p));

function run(cmd: string, args: string[], timeout = 90_000): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd: repo, timeout, maxBuffer: 32 * 1024 * 1024, env: { ...process.env, XDG_CACHE_HOME: path.join(tmp, 'cache') } }, (err, stdout, stderr) =>
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr }),
    );
  });
}

/** Chromium headless with no network, no GPU and a throwaway profile. */
function browser(args: string[]) {
  const profile = mkdtempSync(path.join(tmp, 'profile-'));
  return run(chromium as string, [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--hide-scrollbars',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    `--user-data-dir=${profile}`,
    ...args,
  ]);
}

test('the HTML report renders in chromium: screenshot, parsed DOM with every claim, printed PDF', { skip: chromium ? false : 'chromium not installed (apt-get install chromium, or set CHROMIUM)' }, async () => {
  const page = path.join(tmp, 'draft.report.html');
  const made = await run(process.execPath, ['--import', 'tsx', 'server/src/cli/main.ts', 'report', '--format', 'html', '-o', page, 'examples/draft.md']);
  assert.equal(made.code, 1, made.stderr); // the example draft has flags: exit status as `check`
  const json = await run(process.execPath, ['--import', 'tsx', 'server/src/cli/main.ts', 'check', '--format', 'json', 'examples/draft.md']);
  const claims = JSON.parse(json.stdout).files[0].claims.length as number;
  assert.ok(claims > 0);
  const url = pathToFileURL(page).href;

  const shot = path.join(tmp, 'report.png');
  const pdf = path.join(tmp, 'report.pdf');
  const [png, dom, printed] = await Promise.all([
    browser([`--screenshot=${shot}`, '--window-size=1280,1600', url]),
    browser(['--dump-dom', '--virtual-time-budget=2000', url]),
    browser([`--print-to-pdf=${pdf}`, '--no-pdf-header-footer', url]),
  ]);

  assert.ok(existsSync(shot), `no screenshot: ${png.stderr.slice(-500)}`);
  const image = readFileSync(shot);
  assert.equal(image.subarray(1, 4).toString(), 'PNG');
  assert.equal(image.readUInt32BE(16), 1280, 'width of the PNG');
  assert.ok(image.length > 30_000, `a page with content, not a blank one (${image.length} bytes)`);

  assert.equal(dom.code, 0, dom.stderr.slice(-500));
  for (let n = 1; n <= claims; n++) {
    assert.match(dom.stdout, new RegExp(`<a class="claim st-[a-z]+" href="#c${n}" id="m${n}">`), `claim ${n} in the rendered DOM`);
  }
  assert.match(dom.stdout, /<div class="strip">/);

  assert.ok(existsSync(pdf), `no PDF: ${printed.stderr.slice(-500)}`);
  const bytes = readFileSync(pdf).toString('latin1');
  assert.ok(bytes.startsWith('%PDF-'));
  const pages = bytes.match(/\/Type\s*\/Page\b/g)?.length ?? 0;
  assert.ok(pages >= 1 && pages <= 12, `printed pages: ${pages}`);
});
