// One workspace folder: its own service and corpus, indexed in the background (requests are answered from
// whatever is indexed so far), re-indexed file by file when the watcher reports changes.

import { realpathSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createSourcedService, type SourcedService, type SourcedSettings } from '../service/index.ts';
import type { DocumentInput } from '../service/types.ts';
import { CORPUS_FILE, readCorpus, walkCorpus, type CorpusEntry, type CorpusFileResult } from '../host/corpusFiles.ts';
import { AnalysisPool } from '../host/analysisPool.ts';
import { corpusFingerprint, defaultCacheFile, indexSalt, noRoomToSave, openIndexCacheEarly, saveIndexCache, warningLine, type SavedWarning } from '../host/indexCache.ts';
import { isUnder, resolveCorpusRoots } from './corpusPaths.ts';
import type { ArchiveStatus, StatusParams } from '../protocol.ts';
import type { PgArchive } from '../host/archive/pgArchive.ts';
import { connectArchive, unavailable } from './archiveConnection.ts';

const STATUS_INTERVAL_MS = 150;
/** How often a shared archive is asked whether a sync changed it, besides by each request: a draft left
 *  open is checked again when the desk's archive changes (a statistics row read per poll). */
const ARCHIVE_POLL_MS = 30_000;

export interface ProgressReporter {
  report(percentage: number, message?: string): void;
  done(): void;
}

export interface FolderEnv {
  log(message: string): void;
  bundledCorpus: string | undefined;
  /** Load/save the index cache (off in tests, so each run indexes its fixture). */
  useCache: boolean;
  /** False in an untrusted VS Code workspace: corpus files only from inside the folder (or bundled). */
  trusted?: boolean;
  onStatus(status: StatusParams): void;
  beginProgress(title: string): Promise<ProgressReporter | undefined>;
  /** A sync changed the shared archive the folder reads: drafts' diagnostics are to be pulled again. */
  onArchiveChanged?(): void;
  /** How often the archive is asked whether a sync changed it (tests shorten it). */
  archivePollMs?: number;
}

/** A file read from the corpus as the service's input (with its page or cue marks when extracted). */
function sourceInput(r: Extract<CorpusFileResult, { kind: 'file' }>): DocumentInput {
  return r.extracted ? { uri: r.uri, text: r.text, extracted: r.extracted } : { uri: r.uri, text: r.text };
}

export interface FileChange {
  uri: string;
  deleted: boolean;
}

export class CorpusFolder {
  service: SourcedService;
  roots: string[] = [];
  bundled = false;
  /** The first full index has finished (diagnostics before that would flag everything as unsourced). */
  ready = false;
  private state: StatusParams['state'] = 'indexing';
  private done = 0;
  private total = 0;
  private warnings: string[] = [];
  private warningCount = 0;
  private indexedKey: string | undefined;
  private running: { key: string; abort: AbortController; promise: Promise<boolean> } | undefined;
  private lastStatus = 0;
  private refused: string[] = [];
  /** The shared archive the current service reads, and its state for the status bar. */
  private archive: PgArchive | undefined;
  private archiveStatus: ArchiveStatus | undefined;
  /** Asks the archive now and then whether a sync changed it (set while the folder reads one). */
  private archivePoll: ReturnType<typeof setInterval> | undefined;
  private polling = false;

  constructor(
    readonly uri: string | undefined,
    readonly name: string,
    private readonly env: FolderEnv,
  ) {
    this.service = this.newService();
  }

  get fsPath(): string | undefined {
    return this.uri?.startsWith('file:') ? fileURLToPath(this.uri) : undefined;
  }

  /** Longest-prefix match is done by the caller; this says whether a document lies in the folder at all. */
  containsUri(uri: string): boolean {
    if (!this.uri) return false;
    const base = this.uri.endsWith('/') ? this.uri : `${this.uri}/`;
    return uri.startsWith(base) || uri === this.uri;
  }

  /** A corpus article open in the editor is a source, not a draft. */
  isCorpusFile(uri: string): boolean {
    if (this.service.corpus.article(uri)) return true;
    if (!uri.startsWith('file:')) return false;
    return isUnder(fileURLToPath(uri), this.roots);
  }

  /**
   * (Re-)indexes when the resolved corpus differs from the indexed one, or when forced. Resolves to true
   * when a new index was installed. A re-index builds a fresh service and swaps it in when complete, so
   * answers stay consistent meanwhile.
   */
  index(settings: SourcedSettings, force = false): Promise<boolean> {
    const resolved = resolveCorpusRoots(this.fsPath, settings.corpus.paths, this.env.bundledCorpus, this.env.trusted !== false);
    const archiveUrl = settings.archive?.url;
    const key = JSON.stringify([resolved.roots, archiveUrl ?? '']);
    if (!force && this.running?.key === key) return this.running.promise;
    if (!force && !this.running && this.indexedKey === key) return Promise.resolve(false);
    this.refused = resolved.refused;
    this.running?.abort.abort();
    const abort = new AbortController();
    const promise = this.run(resolved.roots, resolved.bundled, key, abort.signal, archiveUrl).catch((err) => {
      this.env.log(`sourced: indexing failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      return false;
    });
    const running = { key, abort, promise };
    this.running = running;
    void promise.finally(() => {
      if (this.running === running) this.running = undefined;
    });
    return promise;
  }

  private newService(archive?: PgArchive): SourcedService {
    const log = (m: string) => this.env.log(m);
    if (!archive) return createSourcedService({ log });
    const where = archive.where;
    return createSourcedService({
      log,
      archive,
      // A writer hovers the names of the draft they check: their cards are read ahead.
      readAhead: true,
      onArchiveUnavailable: (err) => {
        if (this.archive !== archive) return;
        this.archiveStatus = unavailable(where, err);
        this.env.log(`sourced: ${this.archiveStatus.message}`);
        this.sendStatus(true);
      },
      onArchiveAvailable: () => {
        if (this.archive !== archive) return;
        this.archiveStatus = { where, state: 'connected' };
        this.env.log(`sourced: the archive at ${where} answers again`);
        this.sendStatus(true);
      },
      onArchiveChanged: () => {
        if (this.archive !== archive) return;
        this.env.log(`sourced: the archive at ${where} changed (a sync): drafts are checked again`);
        this.sendStatus(true);
        this.env.onArchiveChanged?.();
      },
    });
  }

  /** While the folder reads an archive, asks it now and then whether a sync changed it (a request asks
   *  too; this finds a change while the writer only reads the draft). */
  private pollArchive(): void {
    if (!this.archive) {
      clearInterval(this.archivePoll);
      this.archivePoll = undefined;
      return;
    }
    if (this.archivePoll) return;
    this.archivePoll = setInterval(() => {
      if (!this.archive || !this.ready || this.polling) return;
      this.polling = true;
      void this.service
        .archiveChanged()
        .catch(() => false)
        .finally(() => (this.polling = false));
    }, this.env.archivePollMs ?? ARCHIVE_POLL_MS);
    this.archivePoll.unref?.();
  }

  private async run(roots: string[], bundled: boolean, key: string, signal: AbortSignal, archiveUrl?: string): Promise<boolean> {
    const connection = await connectArchive(archiveUrl, this.env.trusted !== false);
    if (signal.aborted) {
      await connection.archive?.close().catch(() => undefined);
      return false;
    }
    // With an archive, the bundled sample corpus is not mixed in.
    if (connection.archive && bundled) {
      roots = [];
      bundled = false;
    }
    const target = this.ready || connection.archive || this.archive ? this.newService(connection.archive) : this.service;
    const previous = this.archive;
    this.archive = connection.archive;
    this.archiveStatus = connection.status;
    if (previous && previous !== connection.archive) void previous.close().catch(() => undefined);
    if (connection.status?.message) this.env.log(`sourced: ${connection.status.message}`);
    this.roots = roots;
    this.bundled = bundled;
    this.state = 'indexing';
    this.done = 0;
    this.total = 0;
    this.warnings = [];
    this.warningCount = 0;
    for (const w of connection.warnings) this.warn(w);
    for (const r of this.refused) this.warn(`${r}: not read: outside the workspace folder, and the workspace is not trusted`);
    this.sendStatus(true);
    const progress = await this.env.beginProgress(`Sourced: indexing ${this.name}`);
    try {
      // The saved index is valid while every corpus file keeps its path, size and mtime; it is read while
      // the corpus is walked, and used only if the walk finds the files it was saved from.
      const walked = (async () => {
        const entries: CorpusEntry[] = [];
        const unread: string[] = [];
        for await (const w of walkCorpus(roots, { signal, confineTo: this.confineTo() })) {
          if (w.kind === 'entry') entries.push(w);
          else unread.push(`${w.path}\t${w.message}`);
        }
        // Files listed as not read count too: the warnings saved with the index name them.
        return corpusFingerprint(roots, entries, indexSalt(unread));
      })();
      walked.catch(() => undefined); // awaited below
      const cacheFile = this.env.useCache ? defaultCacheFile(roots) : undefined;
      const cached = cacheFile ? await openIndexCacheEarly(cacheFile, walked) : undefined;
      const used = cached && !signal.aborted && (await target.importIndex(cached.lines));
      const fingerprint = await walked;
      if (signal.aborted) return false;
      if (cached && used) {
        for (const w of cached.warnings) this.warn(warningLine(w));
        this.done = this.total = target.corpus.articleCount;
      } else {
        const warnings = await this.readAndIndex(target, roots, signal, progress);
        if (cacheFile && !signal.aborted) {
          // Saved once the near-duplicate groups are known, so the saved index carries them.
          void target.settled().then(() => {
            if (signal.aborted) return false;
            const full = noRoomToSave();
            if (full) {
              this.warn(`${full} (raise sourced.server.maxMemoryMB to keep it)`);
              return false;
            }
            return saveIndexCache(cacheFile, fingerprint, target.exportIndex(), warnings);
          }, () => false);
        }
      }
      if (signal.aborted) return false;
      this.service = target;
      this.indexedKey = key;
      this.ready = true;
      this.pollArchive();
      this.state = 'ready';
      this.env.log(`sourced: ${this.name}: indexed ${target.corpus.articleCount} articles from ${roots.join(', ') || '(none)'}${bundled ? ' (bundled corpus)' : ''}`);
      this.sendStatus(true);
      return true;
    } finally {
      progress?.done();
    }
  }

  /** Reads and indexes the corpus; returns the files read with a warning or not read (saved with the index). */
  private async readAndIndex(target: SourcedService, roots: string[], signal: AbortSignal, progress: ProgressReporter | undefined): Promise<SavedWarning[]> {
    const files: DocumentInput[] = [];
    const read: SavedWarning[] = [];
    const warnFile = (w: SavedWarning) => {
      read.push(w);
      this.warn(warningLine(w));
    };
    for await (const result of readCorpus(roots, { signal, confineTo: this.confineTo() })) {
      if (signal.aborted) return read;
      if (result.kind === 'file') {
        files.push(sourceInput(result));
        if (result.warning) warnFile({ path: result.path, message: result.warning });
      } else {
        warnFile({ path: result.path, message: result.message });
      }
      if (files.length % 200 === 0) {
        progress?.report(0, `reading ${files.length} files`);
        this.sendStatus();
      }
    }
    this.total = files.length;
    // A bulk index analyses its files in worker threads (every core) while this thread indexes them.
    const pool = AnalysisPool.forFiles(files.length);
    try {
      await target.upsertSources(files, {
        analyse: pool?.analyse,
        token: { get isCancellationRequested() { return signal.aborted; } },
        onProgress: (p) => {
          this.done = p.done;
          this.total = p.total;
          const pct = p.total > 0 ? Math.floor((100 * p.done) / p.total) : 100;
          progress?.report(pct, `${p.done}/${p.total} articles`);
          this.sendStatus();
        },
      });
    } finally {
      await pool?.close();
    }
    return read;
  }

  /** Applies watcher events to the index; true when anything changed. */
  async applyChanges(changes: FileChange[]): Promise<boolean> {
    const removed: string[] = [];
    const updated: DocumentInput[] = [];
    for (const change of changes) {
      if (!change.uri.startsWith('file:')) continue;
      const file = fileURLToPath(change.uri);
      if (!CORPUS_FILE.test(file) || !isUnder(file, this.roots) || path.basename(file).startsWith('.')) continue;
      const uri = pathToFileURL(file).href;
      if (change.deleted) {
        removed.push(uri);
        continue;
      }
      let read = false;
      for await (const result of readCorpus([file], { confineTo: this.confineTo() })) {
        if (result.kind === 'file') {
          updated.push(sourceInput(result));
          read = true;
        } else this.warn(`${result.path}: ${result.message}`);
      }
      if (!read) removed.push(uri);
    }
    if (removed.length > 0) await this.service.removeSources(removed);
    if (updated.length > 0) await this.service.upsertSources(updated);
    const changed = removed.length > 0 || updated.length > 0;
    if (changed) this.sendStatus(true);
    return changed;
  }

  /** Real paths corpus files may come from, or undefined when the workspace is trusted. */
  private confineTo(): string[] | undefined {
    if (this.env.trusted !== false) return undefined;
    const allowed = [this.fsPath, this.env.bundledCorpus].filter((p): p is string => !!p);
    return allowed.map((p) => {
      try {
        return realpathSync(p);
      } catch {
        return path.resolve(p);
      }
    });
  }

  dispose(): void {
    this.running?.abort.abort();
    void this.archive?.close().catch(() => undefined);
    this.archive = undefined;
    this.pollArchive();
  }

  private warn(message: string): void {
    this.warningCount++;
    if (this.warnings.length < 200) this.warnings.push(message);
    this.env.log(`sourced: ${message}`);
  }

  status(): StatusParams {
    const corpus = this.service.corpus;
    return {
      folder: this.uri ?? '',
      name: this.name,
      state: this.state,
      done: this.done,
      total: this.total,
      articles: corpus.articleCount,
      sentences: corpus.sentenceCount,
      bundled: this.bundled,
      roots: this.roots,
      warnings: this.warnings.slice(0, 20),
      warningCount: this.warningCount,
      ...(this.archiveStatus ? { archive: this.archiveStatus } : {}),
    };
  }

  private sendStatus(force = false): void {
    const now = Date.now();
    if (!force && now - this.lastStatus < STATUS_INTERVAL_MS) return;
    this.lastStatus = now;
    this.env.onStatus(this.status());
  }
}
