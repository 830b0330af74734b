// extensionTestsPath entry (the contract of @vscode/test-electron, also honoured by code-server's
// workbench): the extension host loads this module and awaits run(). Runs every *.test.js bundled beside
// it with mocha and writes `PASS …` / `FAIL …` lines and a closing `N passed, N failed` line to
// $SOURCED_E2E_RESULTS, which the driving script prints (the extension host's console is not ours).

import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import type { MochaConstructor } from './mocha.ts';

const TEST_TIMEOUT_MS = 90_000;

export function run(): Promise<void> {
  const load = createRequire(__filename);
  const Mocha = load('mocha') as MochaConstructor;
  const mocha = new Mocha({ ui: 'tdd', timeout: TEST_TIMEOUT_MS, color: false });
  for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  const resultFile = process.env.SOURCED_E2E_RESULTS;
  const lines: string[] = [];
  const report = (line: string) => {
    lines.push(line);
    console.log(line);
    if (resultFile) fs.writeFileSync(resultFile, lines.join('\n') + '\n');
  };
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        report(`${runner.stats?.passes ?? 0} passed, ${failures} failed`);
        if (failures > 0) reject(new Error(`${failures} end-to-end tests failed`));
        else resolve();
      });
      runner.on('pass', (t) => report(`PASS ${t.fullTitle()}`));
      runner.on('fail', (t, err) => report(`FAIL ${t.fullTitle()}: ${err instanceof Error ? err.message : String(err)}`.replace(/\s*\n\s*/g, ' ')));
    } catch (err) {
      report(`0 passed, 1 failed`);
      reject(err);
    }
  });
}
