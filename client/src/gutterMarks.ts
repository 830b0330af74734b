// Gutter marks per claim (setting `sourced.gutterMarks`): a filled dot for a sourced claim, a ring with
// a bar for a flagged one, on the claim's first line. Drawn from the claims the server sends after each
// check; off by default.

import * as vscode from 'vscode';
import type { ClaimsParams } from '../../server/src/protocol.ts';

export const GUTTER_SETTING = 'sourced.gutterMarks';

const svg = (body: string): vscode.Uri =>
  vscode.Uri.parse(`data:image/svg+xml;base64,${Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16">${body}</svg>`).toString('base64')}`);

export class GutterMarks implements vscode.Disposable {
  private readonly sourced = vscode.window.createTextEditorDecorationType({
    gutterIconPath: svg('<circle cx="8" cy="8" r="3.5" fill="#2e8b57"/>'),
    gutterIconSize: 'contain',
  });
  private readonly flagged = vscode.window.createTextEditorDecorationType({
    gutterIconPath: svg('<circle cx="8" cy="8" r="4.5" fill="none" stroke="#d33" stroke-width="2"/><rect x="7" y="5" width="2" height="6" fill="#d33"/>'),
    gutterIconSize: 'contain',
  });
  private readonly latest = new Map<string, ClaimsParams>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor() {
    this.subscriptions.push(
      vscode.window.onDidChangeVisibleTextEditors(() => this.paintAll()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(GUTTER_SETTING)) this.paintAll();
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.latest.delete(d.uri.toString())),
    );
  }

  update(claims: ClaimsParams): void {
    this.latest.set(claims.uri, claims);
    for (const editor of vscode.window.visibleTextEditors) if (editor.document.uri.toString() === claims.uri) this.paint(editor);
  }

  /** How many claim marks an editor shows (for the end-to-end tests). */
  count(uri: string): number {
    const claims = this.latest.get(uri);
    return claims && this.enabled(vscode.Uri.parse(uri)) ? (claims.marks?.length ?? 0) : 0;
  }

  private enabled(uri: vscode.Uri): boolean {
    return vscode.workspace.getConfiguration('sourced', uri).get<boolean>('gutterMarks', false);
  }

  private paintAll(): void {
    for (const editor of vscode.window.visibleTextEditors) this.paint(editor);
  }

  private paint(editor: vscode.TextEditor): void {
    const claims = this.latest.get(editor.document.uri.toString());
    const on = this.enabled(editor.document.uri);
    const marks = on && claims?.version === editor.document.version ? (claims.marks ?? []) : [];
    // One mark per line: a flagged claim wins over a sourced one on the same line.
    const flaggedLines = new Set(marks.filter((m) => m.verdict !== 'supported').map((m) => m.range.start.line));
    const sourcedLines = new Set(marks.filter((m) => m.verdict === 'supported' && !flaggedLines.has(m.range.start.line)).map((m) => m.range.start.line));
    const at = (lines: Set<number>) => [...lines].map((l) => new vscode.Range(l, 0, l, 0));
    editor.setDecorations(this.flagged, at(flaggedLines));
    editor.setDecorations(this.sourced, at(sourcedLines));
  }

  dispose(): void {
    this.sourced.dispose();
    this.flagged.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
