// What a writer sees in VS Code with the packaged extension and the fixture workspace
// (test/e2e/fixture: two invented articles under sources/ and a draft with a supported claim, an
// invented claim and a misquote). Tests run in order and share the open draft.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite, suiteSetup, test } from './mocha.ts';
import { waitFor } from './wait.ts';
import { canListProcesses, serverPids } from './serverProcess.ts';
import {
  EXTENSION_ID,
  applyAction,
  completionLabels,
  diagnosticsOn,
  hoverText,
  insertedText,
  lineOf,
  positionOf,
  quickFixes,
  summarize,
  workspaceFile,
} from './editor.ts';

const INVENTED = 'painted gold and opened by the Dutch royal family';
const MISQUOTE = 'change everything for our fishermen';
const EXACT_QUOTE = 'change everything for our fishing families';
const SUPPORTED = 'voted 7-2 on Tuesday';
const UNSOURCED = 'Harbourline will sell the ferry service to a shipping group from Norway next year.';

suite('Sourced in VS Code', () => {
  const draftUri = () => workspaceFile('draft.md');
  let doc: vscode.TextDocument;

  suiteSetup(async () => {
    doc = await vscode.workspace.openTextDocument(draftUri());
    await vscode.window.showTextDocument(doc);
  });

  test('activates when a Markdown draft is opened', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
    assert.equal(doc.languageId, 'markdown');
    await waitFor('the extension to activate', () => ext.isActive);
  });

  test('indexes the sources/ folder of the workspace', async () => {
    const symbols = await waitFor('a workspace symbol for a person named only in sources/', async () => {
      const found = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'Oyelaran');
      return found?.some((s) => s.name.includes('Oyelaran')) && found;
    });
    const paths = symbols.map((s) => s.location.uri.path);
    assert.ok(paths.some((p) => p.endsWith('/sources/harbour-bridge.md')), `symbol locations: ${paths.join(', ')}`);
  });

  test('hover on a person shows the role the sources give and a link to the source', async () => {
    const at = positionOf(doc, 'Marsh told reporters', 2);
    const text = await waitFor('a hover card for Marsh', async () => {
      const t = await hoverText(draftUri(), at);
      return t.includes('Marsh') && t;
    });
    assert.match(text, /Teodora Marsh/);
    assert.match(text, /mayor/i, `hover text: ${text}`);
    assert.match(text, /\]\([^)]*harbour-bridge\.md[^)]*\)/, `hover has no link to the source: ${text}`);
  });

  test('completion offers the canonical name for a fuzzy lower-case prefix', async () => {
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    const typed = '\nCritics such as oyela';
    const insert = new vscode.WorkspaceEdit();
    insert.insert(draftUri(), end, typed);
    assert.ok(await vscode.workspace.applyEdit(insert));
    try {
      const labels = await waitFor('a completion for "oyela"', async () => {
        const got = await completionLabels(draftUri(), doc.positionAt(doc.getText().length));
        return got.includes('Bram Oyelaran') && got;
      });
      assert.ok(labels.includes('Bram Oyelaran'));
    } finally {
      const undo = new vscode.WorkspaceEdit();
      undo.delete(draftUri(), new vscode.Range(end, doc.positionAt(doc.getText().length)));
      assert.ok(await vscode.workspace.applyEdit(undo));
    }
  });

  test('an invented claim is flagged unsourced-claim', async () => {
    const line = lineOf(doc, INVENTED);
    const [d] = await waitFor(`unsourced-claim on line ${line + 1}`, () => diagnosticsOn(draftUri(), 'unsourced-claim', line).length > 0 && diagnosticsOn(draftUri(), 'unsourced-claim', line));
    assert.equal(d.source, 'sourced');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
  });

  test('a misquote is flagged misquote', async () => {
    const line = lineOf(doc, MISQUOTE);
    const [d] = await waitFor(`misquote on line ${line + 1}`, () => diagnosticsOn(draftUri(), 'misquote', line).length > 0 && diagnosticsOn(draftUri(), 'misquote', line));
    assert.equal(d.source, 'sourced');
  });

  test('the misquote quick fix puts in the exact words and the diagnostic goes away', async () => {
    const line = lineOf(doc, MISQUOTE);
    const [d] = diagnosticsOn(draftUri(), 'misquote', line);
    assert.ok(d, `no misquote on line ${line + 1}: ${summarize(draftUri())}`);
    const actions = await quickFixes(draftUri(), d.range);
    const fix = actions.find((a) => insertedText(a).includes(EXACT_QUOTE));
    assert.ok(fix, `no quick fix inserts the exact quote; offered: ${actions.map((a) => `${a.title} → ${JSON.stringify(insertedText(a))}`).join(' | ')}`);
    await applyAction(fix);
    assert.ok(doc.getText().includes(EXACT_QUOTE), 'the draft does not contain the exact quote');
    await waitFor('the misquote diagnostic to go away', () => diagnosticsOn(draftUri(), 'misquote').length === 0);
  });

  test('the cite quick fix inserts a citation and the hint goes away', async () => {
    const line = lineOf(doc, SUPPORTED);
    // The previous test's edit is still being checked again: the hint seen first may be the one from before
    // it, whose quick fixes the server no longer offers, so the fixes are asked for until the current one's are.
    const cite = await waitFor(`a quick fix citing harbour-bridge on line ${line + 1}`, async () => {
      const [d] = diagnosticsOn(draftUri(), 'uncited-claim', line);
      if (!d) return undefined;
      return (await quickFixes(draftUri(), d.range)).find((a) => /\[\^harbour-bridge\]/.test(insertedText(a)));
    });
    await applyAction(cite);
    assert.match(doc.lineAt(lineOf(doc, SUPPORTED)).text, /\[\^harbour-bridge\]/);
    assert.doesNotMatch(summarize(draftUri()), /unknown-citation/);
    await waitFor('the uncited-claim hint to go away', () => diagnosticsOn(draftUri(), 'uncited-claim', lineOf(doc, SUPPORTED)).length === 0);
  });

  test('editing a source file updates the verdict', async () => {
    const line = lineOf(doc, INVENTED);
    assert.ok(diagnosticsOn(draftUri(), 'unsourced-claim', line).length > 0, `precondition: ${summarize(draftUri())}`);
    const source = workspaceFile('sources/harbour-bridge.md');
    const before = new TextDecoder().decode(await vscode.workspace.fs.readFile(source));
    const added = '\nMarsh said the bridge would be painted gold and opened by the Dutch royal family in 2031.\n';
    await vscode.workspace.fs.writeFile(source, new TextEncoder().encode(before + added));
    await waitFor(`unsourced-claim on line ${line + 1} to go away once a source supports it`, () => diagnosticsOn(draftUri(), 'unsourced-claim', line).length === 0);
  });

  test('the fact-check report opens beside the draft and follows edits; gutter marks appear when the setting is on', async () => {
    type Report = { version?: number; title?: string; visible: boolean; html: string };
    const api = vscode.extensions.getExtension<{ report(): Report; gutterMarks(uri: string): number }>(EXTENSION_ID)!.exports;
    await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    await vscode.commands.executeCommand('sourced.openReport');
    await waitFor('the report of the current draft', () => api.report().version === doc.version);
    const shown = api.report();
    assert.equal(shown.title, 'Fact-check: draft.md');
    assert.ok(shown.visible, 'the report panel is visible');
    assert.match(shown.html, /Fact-check report/);
    assert.match(shown.html, /style-src &#39;nonce-[A-Za-z0-9]+&#39;/);
    assert.doesNotMatch(shown.html, /<script/i);
    assert.match(shown.html, /href="command:sourced\.openSource\?/);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(draftUri(), doc.lineAt(doc.lineCount - 1).range.end, '\nThe ferry carried 40 passengers on its first crossing.\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor('the report to follow the edit', () => api.report().version === doc.version);
    assert.match(api.report().html, /The ferry carried 40 passengers/);

    const config = vscode.workspace.getConfiguration('sourced', draftUri());
    await config.update('gutterMarks', true, vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor('gutter marks on the draft', () => api.gutterMarks(draftUri().toString()) > 0);
    } finally {
      await config.update('gutterMarks', undefined, vscode.ConfigurationTarget.Workspace);
    }
    assert.equal(api.gutterMarks(draftUri().toString()), 0, 'no marks once the setting is off');
  });

  test('a server killed in the middle of a request is restarted; diagnostics, status bar and hover come back', async function () {
    if (!canListProcesses) this.skip(); // finds the server through /proc (Linux)
    const api = vscode.extensions.getExtension<{ statusText(): string }>(EXTENSION_ID)!.exports;
    // An unsourced sentence, so the draft has a flag to lose with the server and get back from the new one.
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    const edit = new vscode.WorkspaceEdit();
    edit.insert(draftUri(), end, `\n${UNSOURCED}\n`);
    assert.ok(await vscode.workspace.applyEdit(edit));
    const line = lineOf(doc, UNSOURCED);
    await waitFor(`unsourced-claim on line ${line + 1}`, () => diagnosticsOn(draftUri(), 'unsourced-claim', line).length > 0);
    const before = summarize(draftUri());
    const statusBefore = await waitFor('the claim counts in the status bar', () => / claims · /.test(api.statusText()) && api.statusText());
    const [pid, ...others] = serverPids();
    assert.ok(pid && others.length === 0, `expected one server process, found ${[pid, ...others].join(', ')}`);

    let cleared = false;
    const watch = vscode.languages.onDidChangeDiagnostics(() => (cleared ||= vscode.languages.getDiagnostics(draftUri()).length === 0));
    try {
      // The hover is sent; the server dies before it can answer. The request must settle, not hang.
      let settled = false;
      void hoverText(draftUri(), positionOf(doc, 'Marsh told reporters', 2)).then(
        () => (settled = true),
        () => (settled = true),
      );
      process.kill(pid, 'SIGKILL');
      await waitFor('the hover sent to the killed server to settle', () => settled, { timeoutMs: 20_000 });
      const restarted = await waitFor('a new server process', () => serverPids().find((p) => p !== pid));
      await waitFor(`the same diagnostics from server ${restarted} (before the kill: ${before})`, () => cleared && summarize(draftUri()) === before, { timeoutMs: 60_000 });
      await waitFor(`the status bar to show "${statusBefore}" again`, () => api.statusText() === statusBefore);
      await waitFor('a hover card for Marsh from the new server', async () => /Teodora Marsh/.test(await hoverText(draftUri(), positionOf(doc, 'Marsh told reporters', 2))));
    } finally {
      watch.dispose();
    }
  });
});
