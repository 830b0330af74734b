// A PDF among the sources, in VS Code: the test writes a two-page PDF into the fixture's sources/ (built
// with pdf-lib, no binary fixture) and a draft citing a sentence of page 2. The citation's hover links to a
// read-only view of the PDF's extracted text, titled with the file and page, that opens at the passage.
// Runs after sourced.test.ts (files load in name order) and removes what it wrote.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { suite, suiteSetup, suiteTeardown, test } from './mocha.ts';
import { waitFor } from './wait.ts';
import { hoverText, positionOf, workspaceFile } from './editor.ts';
import { makePdf } from '../../fixtures/sourceFiles.ts';

const PASSAGE = 'Ferry fares will rise by 6 per cent from October.';
const DRAFT = `# Fares\n\n${PASSAGE}[^fares-report]\n`;

suite('Sourced in VS Code: a PDF source', () => {
  const pdfUri = () => workspaceFile('sources/fares-report.pdf');
  const draftUri = () => workspaceFile('fares-draft.md');
  let doc: vscode.TextDocument;

  suiteSetup(async () => {
    const bytes = await makePdf([['Harbourline annual review.', '', 'Passenger numbers rose by a tenth last year.'], ['Fuel costs doubled over two years.', '', PASSAGE]], { title: 'Harbourline fares report' });
    fs.writeFileSync(pdfUri().fsPath, bytes);
    fs.writeFileSync(draftUri().fsPath, DRAFT);
    doc = await vscode.workspace.openTextDocument(draftUri());
    await vscode.window.showTextDocument(doc);
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(draftUri().fsPath, { force: true });
    fs.rmSync(pdfUri().fsPath, { force: true });
  });

  test('a citation of a PDF hovers with a link to a view of page 2, which opens read-only at the passage', async () => {
    const at = positionOf(doc, '[^fares-report]', 4);
    const text = await waitFor('a hover on the PDF citation with a link to its view', async () => {
      const t = await hoverText(draftUri(), at);
      return /sourced-source:/.test(t) && t;
    });
    assert.match(text, /Open at p\. 2, line \d+/, text);
    const target = /\]\((sourced-source:[^)]+)\)/.exec(text)?.[1];
    assert.ok(target, text);
    const uri = vscode.Uri.parse(target);
    assert.equal(uri.path.split('/').pop(), 'fares-report.pdf (p. 2)');
    const view = await vscode.workspace.openTextDocument(uri.with({ fragment: '' }));
    const line = Number(/^L(\d+)/.exec(uri.fragment)?.[1]) - 1;
    assert.ok(view.lineAt(line).text.includes(PASSAGE), `line ${line + 1} of the view: ${view.lineAt(line).text}`);
    const editor = await vscode.window.showTextDocument(view, { selection: new vscode.Range(line, 0, line, 0) });
    assert.equal(editor.document.uri.scheme, 'sourced-source');
    // A content provider's document cannot be saved back over the PDF: an edit is refused.
    let refused: boolean;
    try {
      refused = !(await editor.edit((e) => e.insert(new vscode.Position(0, 0), 'x'))) || !editor.document.getText().startsWith('x');
    } catch {
      refused = true;
    }
    assert.ok(refused, 'the view is read-only');
  });
});
