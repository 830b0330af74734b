// Small helpers over the VS Code API for reading what the extension provides.

import * as vscode from 'vscode';

export const EXTENSION_ID = 'sourced.sourced';

export function workspaceFile(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the end-to-end tests need the fixture folder open as the workspace');
  return vscode.Uri.joinPath(folder.uri, ...relative.split('/'));
}

/** Position of `needle` in the document, `offset` characters into it. */
export function positionOf(doc: vscode.TextDocument, needle: string, offset = 0): vscode.Position {
  const at = doc.getText().indexOf(needle);
  if (at < 0) throw new Error(`"${needle}" is not in ${doc.uri.path}`);
  return doc.positionAt(at + offset);
}

export function lineOf(doc: vscode.TextDocument, needle: string): number {
  return positionOf(doc, needle).line;
}

export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? '');
}

export function diagnosticsOn(uri: vscode.Uri, code: string, line?: number): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => codeOf(d) === code && (line === undefined || d.range.start.line <= line && d.range.end.line >= line));
}

export function summarize(uri: vscode.Uri): string {
  return vscode.languages.getDiagnostics(uri).map((d) => `${d.range.start.line + 1}:${codeOf(d)}`).join(', ') || 'no diagnostics';
}

export async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return (hovers ?? [])
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

export async function completionLabels(uri: vscode.Uri, position: vscode.Position): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
  return (list?.items ?? []).map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
}

export async function quickFixes(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider',
    uri,
    range,
    vscode.CodeActionKind.QuickFix.value,
  );
  return (actions ?? []).filter((a): a is vscode.CodeAction => 'title' in a && !('command' in a && typeof a.command === 'string'));
}

/** All text a code action's workspace edit inserts. */
export function insertedText(action: vscode.CodeAction): string {
  return (action.edit?.entries() ?? []).flatMap(([, edits]) => edits.map((e) => e.newText)).join('\n');
}

export async function applyAction(action: vscode.CodeAction): Promise<void> {
  if (action.edit && !(await vscode.workspace.applyEdit(action.edit))) throw new Error(`could not apply "${action.title}"`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}
