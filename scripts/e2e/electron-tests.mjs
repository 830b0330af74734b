// Runs the extension-test module in a desktop VS Code with @vscode/test-electron, when one is on PATH
// (`code`) or SOURCED_E2E_DOWNLOAD=1 lets test-electron download one. The extension is the one installed
// from the .vsix, so packaging is what is tested.
// Usage: node electron-tests.mjs <vsix> <workspace> <extensionTestsPath> <workDir>
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { runTests, resolveCliArgsFromVSCodeExecutablePath, downloadAndUnzipVSCode } from '@vscode/test-electron';

const [vsix, workspace, testsPath, work] = process.argv.slice(2);

/** The Electron binary behind the `code` launcher on PATH (…/bin/code → …/code, or the macOS app). */
function desktopVSCode() {
  let launcher;
  try {
    launcher = fs.realpathSync(execFileSync('which', ['code'], { encoding: 'utf8' }).trim());
  } catch {
    return undefined;
  }
  const app = path.dirname(path.dirname(launcher));
  for (const candidate of [path.join(app, 'code'), path.join(app, 'code-insiders'), path.join(app, '..', 'MacOS', 'Electron')]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

const executable = desktopVSCode() ?? (process.env.SOURCED_E2E_DOWNLOAD === '1' ? await downloadAndUnzipVSCode('stable') : undefined);
if (!executable) {
  console.error('no desktop VS Code: put `code` on PATH or set SOURCED_E2E_DOWNLOAD=1');
  process.exit(2);
}
const extensionsDir = path.join(work, 'electron-ext');
const userDataDir = path.join(work, 'electron-user');
fs.rmSync(extensionsDir, { recursive: true, force: true });
const [cli, ...cliArgs] = resolveCliArgsFromVSCodeExecutablePath(executable, { reuseMachineInstall: true });
execFileSync(cli, [...cliArgs, '--extensions-dir', extensionsDir, '--install-extension', vsix, '--force'], { stdio: 'inherit' });
const installed = fs.readdirSync(extensionsDir).find((d) => d.startsWith('sourced.sourced-'));
if (!installed) throw new Error(`the .vsix did not install into ${extensionsDir}`);

const code = await runTests({
  vscodeExecutablePath: executable,
  extensionDevelopmentPath: path.join(extensionsDir, installed),
  extensionTestsPath: testsPath,
  launchArgs: [workspace, '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  extensionTestsEnv: { SOURCED_E2E_RESULTS: process.env.SOURCED_E2E_RESULTS ?? '' },
}).catch((err) => {
  console.error(err);
  return 1;
});
process.exit(code);
