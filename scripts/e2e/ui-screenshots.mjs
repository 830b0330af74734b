// The UI as a writer sees it, in code-server: opens draft.md from the Explorer, hovers a person's name
// and reads the hover from the DOM, opens the Problems panel and reads the flagged claims, opens the
// fact-check report from the command palette. Saves hover.png, problems.png and report.png (look at
// them) and prints a closing `N passed, N failed` line.
// Usage: node ui-screenshots.mjs <baseUrl> <workspace> <screenshotDir>
import { launchBrowser, workbenchUrl } from './browser.mjs';

const [base, folder, shots] = process.argv.slice(2);
const NAME = 'Marsh';
const LINE_WITH_NAME = 'Marsh told'; // markdown lines wrap: keep the context short
const t0 = Date.now();
const log = (...a) => console.log(`  [${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);
let passed = 0;
let failed = 0;
const check = (title, ok, detail) => {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? 'PASS' : 'FAIL'} ui: ${title}${detail ? ` — ${detail}` : ''}`);
};

/** Screen rectangle of `word` inside the rendered editor line that contains `lineText`. */
function wordBox(page, lineText, word) {
  return page.evaluate(([lineText, word]) => {
    for (const line of document.querySelectorAll('.editor-instance .view-lines .view-line')) {
      if (!line.textContent.replace(/\u00a0/g, ' ').includes(lineText)) continue;
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent.replace(/\u00a0/g, ' ').indexOf(word);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + word.length);
        const r = range.getBoundingClientRect();
        return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
      }
    }
    return null;
  }, [lineText, word]);
}

const { page, close } = await launchBrowser();
try {
  await page.goto(workbenchUrl(base, folder));
  await page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
  log('workbench loaded');
  const item = page.getByRole('treeitem', { name: /draft\.md/ });
  await item.waitFor({ timeout: 60_000 });
  await item.click();
  await page.locator('.editor-instance .view-lines').filter({ hasText: 'Kelvin Bay' }).waitFor({ timeout: 60_000 });
  log('draft.md is open');
  // Flags arrive as squiggles once the extension has activated and indexed sources/.
  await page.locator('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error').first().waitFor({ state: 'attached', timeout: 90_000 });
  log('squiggles present');

  const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'Teodora Marsh' }).first();
  let hoverText = '';
  const deadline = Date.now() + 60_000;
  while (!hoverText && Date.now() < deadline) {
    const box = await wordBox(page, LINE_WITH_NAME, NAME);
    if (!box) throw new Error(`"${LINE_WITH_NAME}" is not on screen`);
    await page.mouse.move(5, 5);
    await page.mouse.move(box.x, box.y);
    hoverText = await hover.waitFor({ timeout: 4000 }).then(() => hover.innerText(), () => '');
  }
  await page.screenshot({ path: `${shots}/hover.png` });
  log('hover:', JSON.stringify(hoverText.replace(/\s+/g, ' ').slice(0, 200)));
  check('hovering a name shows the person card with a sourced role', /Teodora Marsh/.test(hoverText) && /mayor/i.test(hoverText), hoverText ? '' : 'no hover appeared');

  await page.mouse.move(5, 5);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Shift+M');
  const rows = page.locator('.markers-panel .monaco-list-row');
  const flagged = rows.filter({ hasText: /unsourced-claim|misquote/ });
  await flagged.first().waitFor({ timeout: 30_000 }).catch(() => {});
  const texts = (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  await page.screenshot({ path: `${shots}/problems.png` });
  log('problems panel:', JSON.stringify(texts));
  check('the Problems panel lists the unsourced claim and the misquote',
    texts.some((t) => t.includes('unsourced-claim')) && texts.some((t) => t.includes('misquote')), texts.length ? '' : 'no rows');

  // The fact-check report, from the command palette, in a webview beside the draft.
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  await page.keyboard.type('Sourced: Open fact-check report');
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Open fact-check report' }).first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  let report = '';
  const until = Date.now() + 60_000;
  while (!report && Date.now() < until) {
    for (const frame of page.frames()) {
      report = await frame.evaluate(() => {
        const head = document.querySelector('.masthead');
        return head ? `${head.textContent} | ${document.querySelectorAll('a.claim').length} claims | ${document.querySelectorAll('script').length} scripts` : '';
      }).catch(() => '');
      if (report) break;
    }
    if (!report) await page.waitForTimeout(500);
  }
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${shots}/report.png` });
  log('report:', JSON.stringify(report.replace(/\s+/g, ' ').slice(0, 200)));
  check('the fact-check report opens in a webview with the claims marked and no scripts', /Fact-check report/.test(report) && /[1-9]\d* claims/.test(report) && / 0 scripts/.test(report), report || 'no report frame');
} catch (err) {
  check('the workbench shows the draft with flags', false, err instanceof Error ? err.message.split('\n')[0] : String(err));
  await page.screenshot({ path: `${shots}/ui-failure.png` }).catch(() => {});
} finally {
  await close();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
