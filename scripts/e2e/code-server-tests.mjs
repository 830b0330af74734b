// Runs the extension-test module (extensionTestsPath, the @vscode/test-electron contract) inside
// code-server's extension host. Started with --vscode-option enable-smoke-test-driver, the workbench
// reports the tests' exit code by calling globalThis.codeAutomationExit(code), exposed here by playwright.
// Usage: node code-server-tests.mjs <baseUrl> <workspace> <extensionDevelopmentPath> <extensionTestsPath> <screenshotDir>
import { launchBrowser, workbenchUrl } from './browser.mjs';

const [base, folder, devPath, testsPath, shots] = process.argv.slice(2);
const TIMEOUT_MS = Number(process.env.E2E_TIMEOUT_MS || 300_000);
// Errors every offline code-server page logs, unrelated to the extension.
const WORKBENCH_NOISE = /Failed to load resource|ERR_NAME_NOT_RESOLVED|authentication provider|end-to-end tests failed/;
const authority = new URL(base).host; // code-server takes the page's host as the remote authority
const remote = (p) => `vscode-remote://${authority}${p}`;
const payload = [['extensionDevelopmentPath', remote(devPath)], ['extensionTestsPath', remote(testsPath)]];

const { page, close } = await launchBrowser();
const t0 = Date.now();
const exitCode = await new Promise((resolve) => {
  const timer = setTimeout(() => {
    console.error(`timed out after ${TIMEOUT_MS / 1000}s waiting for the extension tests to finish`);
    resolve(124);
  }, TIMEOUT_MS);
  page.on('console', (m) => {
    if (m.type() === 'error' && !WORKBENCH_NOISE.test(m.text())) console.error('  [workbench]', m.text().slice(0, 300));
  });
  page
    .exposeFunction('codeAutomationExit', (code) => {
      clearTimeout(timer);
      resolve(code);
    })
    .then(() => page.goto(workbenchUrl(base, folder, payload)))
    .catch((err) => {
      clearTimeout(timer);
      console.error('could not open the workbench:', err);
      resolve(1);
    });
});
if (exitCode !== 0 && shots) await page.screenshot({ path: `${shots}/extension-tests-failure.png` }).catch(() => {});
console.log(`extension tests exited with ${exitCode} after ${((Date.now() - t0) / 1000).toFixed(1)}s`);
await close();
process.exit(exitCode);
