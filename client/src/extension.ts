// The thin VS Code client: starts the Sourced language server over IPC for Markdown, shows the status bar
// item and adds the commands. All analysis happens in the server.

import * as vscode from 'vscode';
import { ExecuteCommandRequest, LanguageClient, State, type LanguageClientOptions } from 'vscode-languageclient/node';
import { RestartPolicy } from './restartPolicy.ts';
import {
  CLAIM_AT_REQUEST,
  CLAIMS_NOTIFICATION,
  REINDEX_COMMAND,
  SOURCE_TEXT_REQUEST,
  SOURCE_VIEW_SCHEME,
  STATUS_NOTIFICATION,
  type ClaimAtParams,
  type ClaimAtResult,
  type ClaimsParams,
  type SourceTextParams,
  type SourceTextResult,
  type StatusParams,
} from '../../server/src/protocol.ts';
import { SHOW_FLAGGED_COMMAND, SourcedStatusBar } from './statusBar.ts';
import { MAX_MEMORY_SETTING, ServerProcess } from './serverProcess.ts';
import { OPEN_REPORT_COMMAND, ReportView, openSource } from './reportView.ts';
import { GutterMarks } from './gutterMarks.ts';
import { OPEN_SOURCE_COMMAND } from '../../server/src/protocol.ts';

let client: LanguageClient | undefined;

export async function activate(
  context: vscode.ExtensionContext,
): Promise<{ statusText(): string; report(): ReturnType<ReportView['state']>; gutterMarks(uri: string): number }> {
  const output = vscode.window.createOutputChannel('Sourced', { log: true });
  const server = new ServerProcess(context.asAbsolutePath('dist/server.js'));
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
    ],
    synchronize: { configurationSection: 'sourced' },
    // A function, so a restart after a trust grant sends the current trust. In an untrusted workspace the
    // server reads no corpus folder outside the workspace, whatever the workspace settings say.
    // virtualSources: passages of PDFs, Word documents, web pages and transcripts open as read-only views
    // of their extracted text (sourced-source: URIs, shown by the content provider below).
    initializationOptions: () => ({ bundledCorpus: context.asAbsolutePath('corpus'), trusted: vscode.workspace.isTrusted, virtualSources: true }),
    // If the server dies it is restarted (restartPolicy.ts; test/e2e: "a killed server is restarted").
    errorHandler: new RestartPolicy('Sourced'),
    outputChannel: output,
    // Hover and completion text quotes corpus articles: never trusted, no HTML.
    markdown: { isTrusted: false, supportHtml: false },
  };
  const statusBar = new SourcedStatusBar();
  const lc = new LanguageClient('sourced', 'Sourced', server.options, clientOptions);
  client = lc;
  const warned = new Set<string>();
  lc.onNotification(STATUS_NOTIFICATION, (status: StatusParams) => {
    statusBar.setFolderStatus(status);
    if (status.state === 'ready') showCorpusWarnings(status, warned, output);
  });
  lc.onDidChangeState((e) => {
    // A dead server's counts are stale; the restarted one sends fresh status and claims.
    if (e.newState === State.Stopped) statusBar.clear();
  });
  const reportView = new ReportView(lc);
  const gutter = new GutterMarks();
  lc.onNotification(CLAIMS_NOTIFICATION, (claims: ClaimsParams) => {
    statusBar.setClaims(claims);
    gutter.update(claims);
    reportView.checked(claims.uri);
  });

  context.subscriptions.push(
    output,
    statusBar,
    vscode.commands.registerCommand('sourced.reindex', async () => {
      await lc.sendRequest(ExecuteCommandRequest.type, { command: REINDEX_COMMAND, arguments: [] });
    }),
    vscode.commands.registerCommand('sourced.restartServer', async () => {
      statusBar.clear();
      await lc.restart();
    }),
    vscode.commands.registerCommand('sourced.showSources', () => showSources(lc)),
    vscode.commands.registerCommand(SHOW_FLAGGED_COMMAND, () => showFlaggedClaims(statusBar)),
    vscode.workspace.registerTextDocumentContentProvider(SOURCE_VIEW_SCHEME, {
      async provideTextDocumentContent(uri) {
        const params: SourceTextParams = { uri: uri.toString() };
        const got = await lc.sendRequest<SourceTextResult>(SOURCE_TEXT_REQUEST, params);
        return got?.text ?? `${uri.path}: this source is not in the indexed corpus (any more).`;
      },
    }),
    reportView,
    gutter,
    vscode.commands.registerCommand(OPEN_REPORT_COMMAND, () => reportView.open()),
    vscode.commands.registerCommand(OPEN_SOURCE_COMMAND, (arg?: { uri?: unknown; line?: unknown }) => openSource(arg)),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void lc.restart()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(MAX_MEMORY_SETTING)) return;
      server.refresh();
      void lc.restart();
    }),
  );
  await lc.start();
  // For the end-to-end tests (what the status bar shows); not an API for other extensions.
  return { statusText: () => statusBar.text, report: () => reportView.state(), gutterMarks: (uri) => gutter.count(uri) };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

/** Skipped or odd corpus files, once per folder and set of files (the full list is in the output). */
function showCorpusWarnings(status: StatusParams, warned: Set<string>, output: vscode.OutputChannel): void {
  if (status.warnings.length === 0) return;
  const key = `${status.folder}\n${status.warnings.join('\n')}`;
  if (warned.has(key)) return;
  warned.add(key);
  const names = status.warnings.map((w) => w.split(/[\\/]/).pop() ?? w);
  const shown = names.slice(0, 3).join('; ');
  const more = names.length > 3 ? ` and ${names.length - 3} more` : '';
  void vscode.window.showWarningMessage(`Sourced: corpus files skipped or read with warnings: ${shown}${more}`, 'Show output').then((pick) => {
    if (pick) output.show(true);
  });
}

async function showSources(lc: LanguageClient): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const params: ClaimAtParams = { uri: editor.document.uri.toString(), position: editor.selection.active };
  const claim = await lc.sendRequest<ClaimAtResult>(CLAIM_AT_REQUEST, params);
  if (!claim) {
    void vscode.window.showInformationMessage('Sourced: no checked claim at the cursor.');
    return;
  }
  if (claim.sources.length === 0) {
    void vscode.window.showInformationMessage(`Sourced: ${claim.reason || 'no source passage found for this claim.'}`);
    return;
  }
  const picked = await vscode.window.showQuickPick(
    claim.sources.map((s) => ({ label: s.title || vscode.Uri.parse(s.uri).path.split('/').pop() || s.uri, description: `${placeOf(s.uri)}line ${s.line + 1}`, detail: s.text, source: s })),
    { title: `${claim.verdict}: ${claim.reason}`, matchOnDetail: true, placeHolder: 'Open a source passage' },
  );
  if (picked) await openRange(picked.source.uri, picked.source.range);
}

/** "p. 2, " / "at 00:12:31, " from a view of an extracted source ("report.pdf (p. 2)"), else "". */
function placeOf(uri: string): string {
  const parsed = vscode.Uri.parse(uri);
  if (parsed.scheme !== SOURCE_VIEW_SCHEME) return '';
  const m = /\(((?:p\.|at) [^)]+)\)$/.exec(parsed.path);
  return m ? `${m[1]}, ` : '';
}

async function showFlaggedClaims(statusBar: SourcedStatusBar): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const claims = editor ? statusBar.claimsFor(editor.document.uri) : undefined;
  if (!editor || !claims) {
    void vscode.window.showInformationMessage('Sourced: open a Markdown draft to see its claims.');
    return;
  }
  if (claims.claims.length === 0) {
    void vscode.window.showInformationMessage(`Sourced: all ${claims.total} claims are sourced.`);
    return;
  }
  const icon = { contradicted: '$(error)', misquoted: '$(quote)', unsourced: '$(warning)', supported: '$(check)' } as const;
  const picked = await vscode.window.showQuickPick(
    claims.claims.map((c) => ({ label: `${icon[c.verdict]} ${c.text}`, description: c.verdict, detail: c.reason, claim: c })),
    { title: `${claims.flagged} flagged of ${claims.total} claims`, matchOnDescription: true, matchOnDetail: true },
  );
  if (picked) {
    const r = picked.claim.range;
    const range = new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
}

async function openRange(uri: string, r: { start: { line: number; character: number }; end: { line: number; character: number } }): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  const range = new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
  await vscode.window.showTextDocument(doc, { selection: range, preview: true });
}
