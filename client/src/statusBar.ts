// Status bar item: the corpus of the active draft's folder ("Sourced: 3 articles", "indexing 40%") and the
// draft's claims ("12 claims · 9 sourced · 3 flagged"). Clicking it lists the flagged claims.

import * as vscode from 'vscode';
import type { ClaimsParams, StatusParams } from '../../server/src/protocol.ts';

export const SHOW_FLAGGED_COMMAND = 'sourced.showFlaggedClaims';

export class SourcedStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('sourced.status', vscode.StatusBarAlignment.Left, 50);
  private readonly folders = new Map<string, StatusParams>();
  private readonly claims = new Map<string, ClaimsParams>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor() {
    this.item.name = 'Sourced';
    this.item.command = SHOW_FLAGGED_COMMAND;
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
      vscode.workspace.onDidCloseTextDocument((doc) => this.claims.delete(doc.uri.toString())),
    );
    this.render();
  }

  setFolderStatus(status: StatusParams): void {
    this.folders.set(status.folder, status);
    this.render();
  }

  setClaims(claims: ClaimsParams): void {
    this.claims.set(claims.uri, claims);
    this.render();
  }

  clear(): void {
    this.folders.clear();
    this.claims.clear();
    this.render();
  }

  get text(): string {
    return this.item.text;
  }

  claimsFor(uri: vscode.Uri): ClaimsParams | undefined {
    return this.claims.get(uri.toString());
  }

  private folderStatus(uri: vscode.Uri | undefined): StatusParams | undefined {
    const folder = uri ? vscode.workspace.getWorkspaceFolder(uri) : undefined;
    return (folder && this.folders.get(folder.uri.toString())) ?? this.folders.values().next().value;
  }

  private render(): void {
    const editor = vscode.window.activeTextEditor;
    const isMarkdown = editor?.document.languageId === 'markdown';
    const status = this.folderStatus(editor?.document.uri);
    if (!status) {
      this.item.text = '$(book) Sourced: starting…';
      this.item.tooltip = 'Sourced is starting';
    } else if (status.state === 'indexing') {
      const pct = status.total > 0 ? Math.floor((100 * status.done) / status.total) : 0;
      this.item.text = `$(sync~spin) Sourced: indexing ${pct}%`;
      this.item.tooltip = `Indexing ${status.total || ''} articles from ${status.roots.join(', ') || 'the corpus'}`;
    } else {
      const claims = isMarkdown && editor ? this.claims.get(editor.document.uri.toString()) : undefined;
      const corpus = `${status.articles} ${status.articles === 1 ? 'article' : 'articles'}${status.bundled ? ' (bundled corpus)' : ''}`;
      this.item.text = claims
        ? `$(book) ${claims.total} claims · ${claims.sourced} sourced · ${claims.flagged} flagged`
        : `$(book) Sourced: ${corpus}`;
      // A set archive that is not in use says so where it is seen.
      if (status.archive && status.archive.state !== 'connected') this.item.text += ` · $(warning) archive ${status.archive.state}`;
      const tooltip = new vscode.MarkdownString(undefined, false);
      tooltip.isTrusted = false;
      tooltip.appendText(`Corpus: ${corpus}\n`);
      tooltip.appendText(status.bundled ? 'No sources/ or corpus/ folder found: using the corpus bundled with the extension.\n' : `From: ${status.roots.join(', ')}\n`);
      if (status.archive) {
        const a = status.archive;
        tooltip.appendText(`Archive: ${a.where} (${a.state})${a.message ? `: ${a.message}` : ''}\n`);
      }
      if (status.warnings.length > 0) {
        // Each file not read, or read with a warning, by name and reason (the full list is in the output).
        const count = Math.max(status.warningCount ?? 0, status.warnings.length);
        tooltip.appendText(`${count} ${count === 1 ? 'file' : 'files'} not read or read with a warning:\n`);
        for (const w of status.warnings.slice(0, 5)) tooltip.appendText(`- ${w.split(/[\\/]/).pop() ?? w}\n`);
        if (count > 5) tooltip.appendText(`- and ${count - 5} more (see the Sourced output)\n`);
      }
      if (claims && claims.flagged > 0) tooltip.appendText('Click to list the flagged claims.');
      this.item.tooltip = tooltip;
    }
    if (isMarkdown || this.folders.size === 0 || status?.state === 'indexing') this.item.show();
    else this.item.hide();
  }

  dispose(): void {
    this.item.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
