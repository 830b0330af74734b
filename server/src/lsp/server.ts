// The language server: a thin adapter from LSP to the pure SourcedService, one service per workspace
// folder. Transport comes from the command line (--node-ipc from the VS Code client, --stdio from
// `sourced lsp --stdio`). Never writes to stdout itself: logs go to connection.console (stderr-safe).

import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  FileChangeType,
  LSPErrorCodes,
  ProposedFeatures,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type Connection,
  type FileSystemWatcher,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceFolder,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { pathToFileURL } from 'node:url';
import { CancelledError, type DraftReport } from '../service/index.ts';
import type { DocumentInput } from '../service/types.ts';
import { CITE_ALL_KIND } from '../service/features/codeActions.ts';
import { SettingsStore } from './settings.ts';
import { DraftChecks, input } from './draftChecks.ts';
import { CorpusFolder, type FileChange, type ProgressReporter } from './corpusFolder.ts';
import { SOURCE_GLOB } from '../host/formats/sourceFormats.ts';
import { sourceOfView, viewCompletionItem, viewCompletions, viewDiagnostics, viewEvidence, viewHover, viewLinks, viewLocations } from './sourceViews.ts';
import type { Article } from '../service/api.ts';
import { findBundledCorpus, isUnder } from './corpusPaths.ts';
import { webviewReport } from './factCheckReport.ts';
import {
  CLAIM_AT_REQUEST,
  CLAIMS_NOTIFICATION,
  REINDEX_COMMAND,
  SOURCE_TEXT_REQUEST,
  REPORT_REQUEST,
  type ReportParams,
  type ReportResult,
  STATUS_NOTIFICATION,
  type ClaimAtParams,
  type ClaimAtResult,
  type ClaimsParams,
  type SourceTextParams,
  type SourceTextResult,
  type StatusParams,
} from '../protocol.ts';

/** Pause after the last keystroke before a pushed re-check (pull clients pace themselves). */
const PUSH_DEBOUNCE_MS = 300;

const WATCH_DEBOUNCE_MS = 100;
const CORPUS_GLOB = SOURCE_GLOB;

interface Capabilities {
  pullDiagnostics: boolean;
  diagnosticRefresh: boolean;
  configuration: boolean;
  workDoneProgress: boolean;
  watchRegistration: boolean;
  relativePatterns: boolean;
  configRegistration: boolean;
  folderChanges: boolean;
  /** The client asks for completion documentation when it shows an item (completionItem/resolve). */
  resolveDocumentation: boolean;
}

function readCapabilities(c: ClientCapabilities): Capabilities {
  return {
    pullDiagnostics: !!c.textDocument?.diagnostic,
    diagnosticRefresh: !!c.workspace?.diagnostics?.refreshSupport,
    configuration: !!c.workspace?.configuration,
    workDoneProgress: !!c.window?.workDoneProgress,
    watchRegistration: !!c.workspace?.didChangeWatchedFiles?.dynamicRegistration,
    relativePatterns: !!c.workspace?.didChangeWatchedFiles?.relativePatternSupport,
    configRegistration: !!c.workspace?.didChangeConfiguration?.dynamicRegistration,
    folderChanges: !!c.workspace?.workspaceFolders,
    resolveDocumentation: !!c.textDocument?.completion?.completionItem?.resolveSupport?.properties?.includes('documentation'),
  };
}


export function startServer(): void {
  const connection = createConnection(ProposedFeatures.all);
  new SourcedLanguageServer(connection).listen();
}

class SourcedLanguageServer {
  private readonly documents = new TextDocuments(TextDocument);
  private caps!: Capabilities;
  private folders: CorpusFolder[] = [];
  private looseFiles: CorpusFolder | undefined;
  private bundledCorpus: string | undefined;
  private useCache = true;
  /** How often a shared archive is asked whether a sync changed it (initializationOptions.archivePollMs:
   *  tests; else the folder's default). */
  private archivePollMs: number | undefined;
  /** VS Code workspace trust (other editors have none: trusted). The client restarts the server on a grant. */
  private trusted = true;
  /** The client opens `sourced-source:` views of extracted sources (see sourceViews.ts). */
  private virtualSources = false;
  private readonly settings: SettingsStore;
  private readonly pushTimers = new Map<string, NodeJS.Timeout>();
  /** The open drafts' checks (partial reports: initializationOptions.partialDiagnosticsMs and
   *  partialDiagnosticsEveryMs, for tests). */
  private readonly drafts = new DraftChecks({
    folderFor: (uri) => this.folderFor(uri),
    settings: (uri) => this.settings.get(uri),
    generation: () => `${this.corpusGeneration}:${this.settings.generation}`,
    pulls: () => this.caps.pullDiagnostics,
    publish: (doc, report) => void this.connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: this.viewed(this.folderFor(doc.uri), viewDiagnostics, report.diagnostics) }),
    refresh: () => this.refreshDiagnostics(),
    reported: (doc, report) => this.sendClaims(doc, report),
    log: (m) => this.log(m),
  });
  private pendingChanges: FileChange[] = [];
  private watchTimer: NodeJS.Timeout | undefined;
  private watcherRegistration: Promise<{ dispose(): void }> | undefined;
  /** Bumped whenever any corpus changes; part of every diagnostic resultId. */
  private corpusGeneration = 0;

  constructor(private readonly connection: Connection) {
    this.settings = new SettingsStore(connection, () => this.caps?.configuration ?? false);
  }

  private log(message: string): void {
    this.connection.console.log(message);
  }

  listen(): void {
    const c = this.connection;
    c.onInitialize((params) => this.initialize(params));
    c.onInitialized(() => void this.initialized());
    c.onShutdown(() => {
      for (const folder of this.allFolders()) folder.dispose();
    });

    this.documents.onDidChangeContent((e) => {
      if (!this.caps.pullDiagnostics) this.schedulePush(e.document.uri, PUSH_DEBOUNCE_MS);
    });
    this.documents.onDidClose((e) => {
      this.drafts.closed(e.document.uri);
      const timer = this.pushTimers.get(e.document.uri);
      if (timer) clearTimeout(timer);
      if (!this.caps.pullDiagnostics) void c.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    });

    c.languages.diagnostics.on(async (params, token) => {
      const doc = this.documents.get(params.textDocument.uri);
      if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      const folder = this.folderFor(doc.uri);
      const resultId = `${doc.version}:${this.corpusGeneration}:${this.settings.generation}:${folder.ready}`;
      if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
      // A long first check answers with what it has judged so far, newer than what the client has; the
      // client pulls again after a refresh (at each partial report no pull waits for, and at the end).
      const pulled = await this.drafts.pull(doc, resultId, params.previousResultId, token, this.caps.diagnosticRefresh);
      if (pulled === 'cancelled') {
        throw new ResponseError(LSPErrorCodes.ServerCancelled, 'superseded by a newer check', { retriggerRequest: true });
      }
      if ('partial' in pulled) {
        return { kind: DocumentDiagnosticReportKind.Full, resultId: `${resultId}:partial${pulled.seq}`, items: this.viewed(folder, viewDiagnostics, pulled.partial.diagnostics) };
      }
      const report = pulled.report;
      return { kind: DocumentDiagnosticReportKind.Full, resultId, items: this.viewed(folder, viewDiagnostics, report?.diagnostics ?? []) };
    });

    c.onHover(({ textDocument, position }, token) =>
      this.withDoc(textDocument.uri, null, async (doc, folder) => this.viewed(folder, viewHover, await folder.service.getHover(doc, position, token))),
    );
    c.onCompletion(({ textDocument, position }, token) =>
      this.withDoc(textDocument.uri, null, async (doc, folder) => {
        const list = await folder.service.getCompletions(doc, position, token, { resolveDocumentation: this.caps.resolveDocumentation });
        // The resolve request names no document: the item carries it, to find its corpus.
        for (const item of list.items) if (item.data) item.data = { ...(item.data as object), uri: doc.uri };
        return this.viewed(folder, viewCompletions, list);
      }),
    );
    c.onCompletionResolve(async (item, token) => {
      const uri = (item.data as { uri?: unknown } | undefined)?.uri;
      if (typeof uri !== 'string') return item;
      const folder = this.folderFor(uri);
      return this.viewed(folder, viewCompletionItem, await folder.service.resolveCompletion(item, token));
    });
    c.onCodeAction(({ textDocument, range, context }, token) =>
      this.withDoc(textDocument.uri, [], (doc, folder) => folder.service.getCodeActions(doc, range, context.diagnostics, context.only, token)),
    );
    c.onDefinition(({ textDocument, position }, token) =>
      this.withDoc(textDocument.uri, [], async (doc, folder) => this.viewed(folder, viewLocations, await folder.service.getDefinition(doc, position, token))),
    );
    c.onReferences(({ textDocument, position }, token) =>
      this.withDoc(textDocument.uri, [], async (doc, folder) => this.viewed(folder, viewLocations, await folder.service.getReferences(doc, position, token))),
    );
    c.onDocumentLinks(({ textDocument }, token) =>
      this.withDoc(textDocument.uri, [], async (doc, folder) => this.viewed(folder, viewLinks, await folder.service.getDocumentLinks(doc, token))),
    );
    c.onWorkspaceSymbol(async ({ query }, token) => {
      const out = [];
      for (const folder of this.allFolders()) out.push(...(await folder.service.getWorkspaceSymbols(query, token)));
      return out.slice(0, 200);
    });

    c.onDidChangeConfiguration((params) => void this.configurationChanged(params.settings));
    c.onDidChangeWatchedFiles(({ changes }) => {
      for (const change of changes) this.pendingChanges.push({ uri: change.uri, deleted: change.type === FileChangeType.Deleted });
      if (this.watchTimer) clearTimeout(this.watchTimer);
      this.watchTimer = setTimeout(() => void this.applyFileChanges(), WATCH_DEBOUNCE_MS);
    });
    c.onExecuteCommand(async ({ command }) => {
      if (command === REINDEX_COMMAND) await this.reindexAll(true);
    });
    c.onRequest(CLAIM_AT_REQUEST, (params: ClaimAtParams) => this.claimAt(params));
    c.onRequest(SOURCE_TEXT_REQUEST, (params: SourceTextParams) => this.sourceText(params));
    c.onRequest(REPORT_REQUEST, (params: ReportParams) => this.report(params));

    this.documents.listen(c);
    c.listen();
  }

  private initialize(params: InitializeParams): InitializeResult {
    this.caps = readCapabilities(params.capabilities);
    const options = (params.initializationOptions ?? {}) as { bundledCorpus?: unknown; cache?: unknown; trusted?: unknown; virtualSources?: unknown; archivePollMs?: unknown; partialDiagnosticsMs?: unknown; partialDiagnosticsEveryMs?: unknown };
    if (typeof options.partialDiagnosticsMs === 'number' && options.partialDiagnosticsMs >= 0) this.drafts.partialAfterMs = options.partialDiagnosticsMs;
    if (typeof options.partialDiagnosticsEveryMs === 'number' && options.partialDiagnosticsEveryMs >= 0) this.drafts.partialEveryMs = options.partialDiagnosticsEveryMs;
    this.trusted = options.trusted !== false;
    this.virtualSources = options.virtualSources === true;
    this.bundledCorpus = findBundledCorpus(options.bundledCorpus);
    this.useCache = options.cache !== false && !process.env.SOURCED_NO_CACHE;
    if (typeof options.archivePollMs === 'number' && options.archivePollMs > 0) this.archivePollMs = options.archivePollMs;
    const folders: WorkspaceFolder[] = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'workspace' }] : []);
    this.folders = folders.map((f) => this.newFolder(f.uri, f.name));
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['^', '"', '“'], resolveProvider: this.caps.resolveDocumentation },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CITE_ALL_KIND], resolveProvider: false },
        definitionProvider: true,
        referencesProvider: true,
        workspaceSymbolProvider: true,
        documentLinkProvider: { resolveProvider: false },
        executeCommandProvider: { commands: [REINDEX_COMMAND] },
        diagnosticProvider: this.caps.pullDiagnostics ? { identifier: 'sourced', interFileDependencies: false, workspaceDiagnostics: false } : undefined,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'sourced', version: '0.1.0' },
    };
  }

  private async initialized(): Promise<void> {
    // Only subscribable after initialize, and only when the client sends folder changes.
    if (this.caps.folderChanges) this.connection.workspace.onDidChangeWorkspaceFolders((e) => void this.foldersChanged(e.added, e.removed));
    if (this.caps.configRegistration) {
      void this.connection.client.register(DidChangeConfigurationNotification.type, { section: 'sourced' });
    }
    await this.reindexAll(false);
  }

  private newFolder(uri: string | undefined, name: string): CorpusFolder {
    return new CorpusFolder(uri, name, {
      log: (m) => this.log(m),
      bundledCorpus: this.bundledCorpus,
      useCache: this.useCache,
      trusted: this.trusted,
      onStatus: (status: StatusParams) => void this.connection.sendNotification(STATUS_NOTIFICATION, status),
      beginProgress: (title) => this.beginProgress(title),
      onArchiveChanged: () => {
        this.corpusGeneration++;
        this.refreshDiagnostics();
      },
      ...(this.archivePollMs ? { archivePollMs: this.archivePollMs } : {}),
    });
  }

  private allFolders(): CorpusFolder[] {
    return this.looseFiles ? [...this.folders, this.looseFiles] : this.folders;
  }

  /** The folder whose corpus serves a document: the innermost containing workspace folder. */
  private folderFor(uri: string): CorpusFolder {
    let best: CorpusFolder | undefined;
    for (const folder of this.folders) {
      if (folder.containsUri(uri) && (!best || (folder.uri?.length ?? 0) > (best.uri?.length ?? 0))) best = folder;
    }
    if (best) return best;
    if (this.folders.length > 0) return this.folders[0];
    if (!this.looseFiles) {
      // No workspace folder (a single file opened): the bundled corpus, or absolute configured paths.
      this.looseFiles = this.newFolder(undefined, 'files');
      void this.indexFolder(this.looseFiles, false);
    }
    return this.looseFiles;
  }

  private async beginProgress(title: string): Promise<ProgressReporter | undefined> {
    if (!this.caps.workDoneProgress) return undefined;
    try {
      const reporter = await this.connection.window.createWorkDoneProgress();
      reporter.begin(title, 0, undefined, false);
      return reporter;
    } catch {
      return undefined;
    }
  }

  private async indexFolder(folder: CorpusFolder, force: boolean): Promise<void> {
    const settings = await this.settings.get(folder.uri);
    const promise = folder.index(settings, force);
    this.registerWatchers();
    if (await promise) {
      this.corpusGeneration++;
      this.refreshDiagnostics();
    }
  }

  private async reindexAll(force: boolean): Promise<void> {
    const folders = this.folders.length > 0 ? this.allFolders() : [this.folderFor('untitled:')];
    await Promise.all(folders.map((f) => this.indexFolder(f, force)));
  }

  private async configurationChanged(pushed: unknown): Promise<void> {
    this.settings.changed(pushed);
    // Severities may have changed even when the corpus did not.
    this.refreshDiagnostics();
    await this.reindexAll(false);
  }

  private async foldersChanged(added: WorkspaceFolder[], removed: WorkspaceFolder[]): Promise<void> {
    const gone = new Set(removed.map((f) => f.uri));
    for (const folder of this.folders) if (folder.uri && gone.has(folder.uri)) folder.dispose();
    this.folders = this.folders.filter((f) => !f.uri || !gone.has(f.uri));
    const fresh = added.map((f) => this.newFolder(f.uri, f.name));
    this.folders.push(...fresh);
    await Promise.all(fresh.map((f) => this.indexFolder(f, false)));
  }

  /** Watches corpus files: the whole workspace, plus corpus roots outside every workspace folder. */
  private registerWatchers(): void {
    if (!this.caps.watchRegistration) return;
    const watchers: FileSystemWatcher[] = [{ globPattern: CORPUS_GLOB }];
    if (this.caps.relativePatterns) {
      const inside = this.folders.map((f) => f.fsPath).filter((p): p is string => !!p);
      for (const folder of this.allFolders()) {
        for (const root of folder.roots) {
          if (!isUnder(root, inside)) watchers.push({ globPattern: { baseUri: pathToFileURL(root).href, pattern: CORPUS_GLOB } });
        }
      }
    }
    const previous = this.watcherRegistration;
    this.watcherRegistration = this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
    void previous?.then((d) => d.dispose(), () => undefined);
  }

  private async applyFileChanges(): Promise<void> {
    const changes = this.pendingChanges;
    this.pendingChanges = [];
    let changed = false;
    for (const folder of this.allFolders()) {
      try {
        if (await folder.applyChanges(changes)) changed = true;
      } catch (err) {
        this.log(`sourced: re-index failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    if (changed) {
      this.corpusGeneration++;
      this.refreshDiagnostics();
    }
  }

  private refreshDiagnostics(): void {
    if (this.caps.pullDiagnostics) {
      if (this.caps.diagnosticRefresh) void this.connection.languages.diagnostics.refresh().catch(() => undefined);
      return;
    }
    for (const doc of this.documents.all()) this.schedulePush(doc.uri, 0);
  }

  private schedulePush(uri: string, delay: number): void {
    const old = this.pushTimers.get(uri);
    if (old) clearTimeout(old);
    this.pushTimers.set(
      uri,
      setTimeout(async () => {
        this.pushTimers.delete(uri);
        const doc = this.documents.get(uri);
        if (!doc) return;
        const report = await this.drafts.check(doc, undefined, true);
        // A pending check (corpus still indexing) is pushed when indexing ends; a cancelled one was superseded.
        if (report === 'cancelled' || report === undefined) return;
        void this.connection.sendDiagnostics({ uri, version: doc.version, diagnostics: this.viewed(this.folderFor(uri), viewDiagnostics, report.diagnostics) });
      }, delay),
    );
  }

  private sendClaims(doc: TextDocument, report: DraftReport): void {
    const active = report.claims.filter((c) => !c.ignored);
    const flagged = active.filter((c) => c.verdict !== 'supported');
    const params: ClaimsParams = {
      uri: doc.uri,
      version: doc.version,
      total: active.length,
      sourced: active.length - flagged.length,
      flagged: flagged.length,
      claims: flagged.map((c) => ({ range: c.range, verdict: c.verdict, text: c.text, reason: c.reason })),
      marks: active.map((c) => ({ range: c.range, verdict: c.verdict })),
    };
    void this.connection.sendNotification(CLAIMS_NOTIFICATION, params);
  }

  private async claimAt({ uri, position }: ClaimAtParams): Promise<ClaimAtResult> {
    const doc = this.documents.get(uri);
    if (!doc) return null;
    let report = this.drafts.current(doc);
    if (!report) {
      const fresh = await this.drafts.check(doc);
      report = fresh === 'cancelled' ? undefined : fresh;
    }
    const offset = doc.offsetAt(position);
    const claim = report?.claims.find((c) => offset >= c.start && offset <= c.end);
    if (!claim) return null;
    return { range: claim.range, verdict: claim.verdict, text: claim.text, reason: claim.reason, sources: this.viewed(this.folderFor(uri), viewEvidence, claim.sources) };
  }

  /** With a client that shows extracted sources as views (VS Code), links to them lead to their views. */
  private viewed<T>(folder: CorpusFolder, view: (find: (uri: string) => Article | undefined, value: T) => T, value: T): T {
    if (!this.virtualSources) return value;
    return view((uri) => folder.service.corpus.article(uri), value);
  }

  /** The extracted text of a source, for its read-only view. */
  private sourceText({ uri }: SourceTextParams): SourceTextResult {
    const file = sourceOfView(uri);
    for (const folder of this.allFolders()) {
      const article = folder.service.corpus.article(file);
      if (article) return { uri: file, text: article.text };
    }
    return null;
  }

  /** The fact-check report of an open draft, checked as it is now, as HTML for the client's webview. */
  private async report({ uri, nonce }: ReportParams): Promise<ReportResult> {
    const doc = this.documents.get(uri);
    if (!doc || typeof nonce !== 'string' || !/^[A-Za-z0-9]{16,64}$/.test(nonce)) return null;
    const report = this.drafts.current(doc) ?? (await this.drafts.check(doc));
    if (!report || report === 'cancelled') return null;
    const folder = this.folderFor(uri);
    return { html: webviewReport(doc.uri, doc.getText(), report, folder, nonce), version: doc.version };
  }

  /** Runs a feature on an open document; failures are logged and answered with `fallback`. */
  private async withDoc<T, F>(uri: string, fallback: F, run: (doc: DocumentInput, folder: CorpusFolder) => Promise<T>): Promise<T | F> {
    const doc = this.documents.get(uri);
    if (!doc) return fallback;
    try {
      return await run(input(doc), this.folderFor(uri));
    } catch (err) {
      if (err instanceof CancelledError) return fallback;
      this.log(`sourced: request on ${uri} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      return fallback;
    }
  }
}

