// "Sourced: Open fact-check report": the server's HTML report of the active draft in a webview beside it.
// The webview runs no scripts; its Content-Security-Policy admits only the page's own style element (by
// nonce), and the only command its links may run opens a source at a line. The view follows edits of
// the draft and new checks of it (a source changed).

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { OPEN_SOURCE_COMMAND, REPORT_REQUEST, type ReportParams, type ReportResult } from '../../server/src/protocol.ts';

export const OPEN_REPORT_COMMAND = 'sourced.openReport';
const REFRESH_MS = 400;

export class ReportView implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private doc: vscode.TextDocument | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Version of the draft the panel shows (for the end-to-end tests). */
  shownVersion: number | undefined;

  /** What the panel shows (for the end-to-end tests). */
  state(): { version?: number; title?: string; visible: boolean; html: string } {
    return { version: this.shownVersion, title: this.panel?.title, visible: this.panel?.visible ?? false, html: this.panel?.webview.html ?? '' };
  }

  constructor(private readonly client: LanguageClient) {
    this.subscriptions.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.panel && e.document === this.doc) this.schedule();
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (d === this.doc) this.panel?.dispose();
      }),
    );
  }

  /** A check of a draft finished (after an edit, or after its sources changed): refresh if it is shown. */
  checked(uri: string): void {
    if (this.panel && this.doc?.uri.toString() === uri) this.schedule();
  }

  async open(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const doc = editor?.document.languageId === 'markdown' ? editor.document : this.doc;
    if (!doc) {
      void vscode.window.showInformationMessage('Open a Markdown draft to see its fact-check report.');
      return;
    }
    this.doc = doc;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel('sourced.report', 'Fact-check report', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
        enableScripts: false,
        enableCommandUris: [OPEN_SOURCE_COMMAND],
        localResourceRoots: [],
        enableFindWidget: true,
      });
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        this.shownVersion = undefined;
      });
    } else {
      this.panel.reveal(vscode.ViewColumn.Beside, true);
    }
    await this.refresh();
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), REFRESH_MS);
  }

  private async refresh(): Promise<void> {
    const panel = this.panel;
    const doc = this.doc;
    if (!panel || !doc) return;
    const name = doc.uri.path.split('/').pop() ?? 'draft';
    panel.title = `Fact-check: ${name}`;
    const nonce = newNonce();
    let result: ReportResult;
    try {
      result = await this.client.sendRequest(REPORT_REQUEST, { uri: doc.uri.toString(), nonce } satisfies ReportParams);
    } catch {
      result = null;
    }
    if (this.panel !== panel) return;
    if (!result) {
      if (this.shownVersion === undefined) panel.webview.html = waitingPage(nonce);
      return;
    }
    panel.webview.html = result.html;
    this.shownVersion = result.version;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.panel?.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

/** Opens a source file at a 0-based line, in the editor group of the draft (not over the report). */
export async function openSource(arg: { uri?: unknown; line?: unknown } | undefined): Promise<void> {
  if (!arg || typeof arg.uri !== 'string') return;
  const uri = vscode.Uri.parse(arg.uri);
  if (uri.scheme !== 'file') return;
  const line = typeof arg.line === 'number' && arg.line >= 0 ? arg.line : 0;
  const doc = await vscode.workspace.openTextDocument(uri);
  const range = new vscode.Range(line, 0, line, doc.lineAt(Math.min(line, doc.lineCount - 1)).text.length);
  await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, selection: range, preview: true });
}

function newNonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let out = '';
  for (let i = 0; i < 32; i++) out += chars[Math.floor(Math.random() * chars.length)];
  return out;
}

function waitingPage(nonce: string): string {
  return `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}'"><style nonce="${nonce}">body{font:14px sans-serif;padding:2em;color:#555}</style></head><body>Checking the draft… the report appears when the corpus is indexed.</body></html>`;
}
