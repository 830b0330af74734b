// The checks of open drafts: one running per document (a newer text cancels it, a request on the same
// text joins it), their last reports, and a long first check's partial reports: the diagnostics of the
// claims judged so far, shown while the rest are judged (pulled after a refresh, or published).

import type { CancellationToken } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CancelledError, type CheckProgress, type DraftReport, type SourcedSettings } from '../service/index.ts';
import type { DocumentInput } from '../service/types.ts';
import type { CorpusFolder } from './corpusFolder.ts';

/** How long a check runs before the diagnostics of the claims it has judged are shown (a long draft on a
 *  large corpus: its first claims' diagnostics come while its last are still judged). */
export const PARTIAL_AFTER_MS = 500;
/** Then how often it shows what it has judged since. */
export const PARTIAL_EVERY_MS = 2000;
/** What a pull waiting for a newer partial report gets when there is one. */
const PARTIAL = Symbol('partial');

type CheckResult = DraftReport | undefined | 'cancelled';

interface RunningCheck {
  cancelled: boolean;
  /** The document version, corpus generation and settings generation it checks. */
  key: string;
  result: Promise<CheckResult>;
  /** Its last partial report and that report's number (1, 2, …), while it runs. */
  partial?: { report: DraftReport; seq: number };
  /** Pulls waiting for a partial report newer than the one they have. */
  waiting: Array<() => void>;
  /** Whether a pull was answered with a partial report: the client is asked to pull again at the end. */
  refreshAtEnd: boolean;
}

/** What the language server gives the checks. */
export interface DraftCheckHost {
  folderFor(uri: string): CorpusFolder;
  settings(uri: string): Promise<SourcedSettings>;
  /** The corpus and settings generations, which a check's result depends on besides the text. */
  generation(): string;
  /** Whether the client pulls diagnostics (else they are published). */
  pulls(): boolean;
  /** Publishes a document's diagnostics (clients that do not pull). */
  publish(doc: TextDocument, report: DraftReport): void;
  /** Asks the client to pull diagnostics again. */
  refresh(): void;
  /** A whole report made (claim counts for the status bar). */
  reported(doc: TextDocument, report: DraftReport): void;
  log(message: string): void;
}

/** A pull's answer: the whole report (undefined while the corpus is first indexed), or a partial one. */
export type PullResult = { report: DraftReport | undefined } | { partial: DraftReport; seq: number } | 'cancelled';

/** The number of the partial report a result id of `base` names ("…:partial3"), else 0. */
export function partialSeq(previous: string | undefined, base: string): number {
  const m = previous?.startsWith(`${base}:partial`) ? /^\d+$/.exec(previous.slice(base.length + 8)) : null;
  return m ? Number(m[0]) : 0;
}

export class DraftChecks {
  /** Per document: the running check. */
  private readonly running = new Map<string, RunningCheck>();
  /** Per document: the last whole report. */
  readonly reports = new Map<string, { version: number; report: DraftReport }>();
  partialAfterMs = PARTIAL_AFTER_MS;
  partialEveryMs = PARTIAL_EVERY_MS;

  constructor(private readonly host: DraftCheckHost) {}

  /** The last whole report of the document as it is now, if there is one. */
  current(doc: TextDocument): DraftReport | undefined {
    const cached = this.reports.get(doc.uri);
    return cached && cached.version === doc.version ? cached.report : undefined;
  }

  closed(uri: string): void {
    this.cancel(uri);
    this.reports.delete(uri);
  }

  /**
   * Checks a draft, cancelling the previous check of the same document, or joins the check already
   * running on the same text, corpus and settings (a pull answered with a partial report leaves its check
   * running: a claim's sources or the report asked meanwhile wait for it, where a new check would cancel
   * it and the refresh that shows the rest would never come). `progressive`: a first check reports what
   * it has judged as it goes. Undefined while its corpus is still being indexed for the first time.
   */
  check(doc: TextDocument, token?: CancellationToken, progressive = false): Promise<CheckResult> {
    const key = `${doc.version}:${this.host.generation()}`;
    const running = this.running.get(doc.uri);
    if (running && !running.cancelled && running.key === key) return running.result;
    this.cancel(doc.uri);
    const mine: RunningCheck = { cancelled: false, key, result: Promise.resolve(undefined), waiting: [], refreshAtEnd: false };
    this.running.set(doc.uri, mine);
    mine.result = this.run(doc, mine, token, progressive ? this.firstCheckProgress(doc, mine) : undefined);
    return mine.result;
  }

  /**
   * A diagnostics pull: the whole report, or a long first check's partial report newer than the one the
   * client has (`previousResultId` of `resultId`), the client then asked to pull again when the check ends.
   */
  async pull(doc: TextDocument, resultId: string, previousResultId: string | undefined, token: CancellationToken, refreshes: boolean): Promise<PullResult> {
    const full = this.check(doc, token, refreshes);
    const run = this.running.get(doc.uri);
    const newer = run?.result === full ? this.newerPartial(run, partialSeq(previousResultId, resultId)) : undefined;
    const first = newer ? await Promise.race([full, newer]) : await full;
    if (first === PARTIAL && run?.partial && !run.cancelled) {
      if (!run.refreshAtEnd) {
        run.refreshAtEnd = true;
        void full.then((r) => {
          if (r !== 'cancelled' && r && this.reports.get(doc.uri)?.version === doc.version) this.host.refresh();
        });
      }
      return { partial: run.partial.report, seq: run.partial.seq };
    }
    const report = await full;
    return report === 'cancelled' ? report : { report };
  }

  private cancel(uri: string): void {
    // Pulls waiting for its next partial report get its end instead (cancelled).
    const running = this.running.get(uri);
    if (running) running.cancelled = true;
    this.running.delete(uri);
  }

  /**
   * Partial reports for a document's first check only: nothing is shown for it yet, so the claims not
   * judged yet lose nothing. A later check (after an edit, or a corpus change that makes it judge
   * everything again) would take their diagnostics away until it ends: it reports once, at the end.
   */
  private firstCheckProgress(doc: TextDocument, run: RunningCheck): CheckProgress | undefined {
    if (this.reports.has(doc.uri)) return undefined;
    return {
      partialAfterMs: this.partialAfterMs,
      partialEveryMs: this.partialEveryMs,
      onPartial: (report) => {
        if (run.cancelled) return;
        run.partial = { report, seq: (run.partial?.seq ?? 0) + 1 };
        if (!this.host.pulls()) {
          this.host.publish(doc, report);
          return;
        }
        const waiting = run.waiting.splice(0);
        for (const wake of waiting) wake();
        // A report no pull waits for: the client is asked to pull (each pull answers the newest).
        if (waiting.length === 0 && run.partial.seq > 1) this.host.refresh();
      },
    };
  }

  /** Resolves (PARTIAL) once the check has a partial report numbered above `had`. */
  private newerPartial(run: RunningCheck, had: number): Promise<typeof PARTIAL> {
    if (run.partial && run.partial.seq > had) return Promise.resolve(PARTIAL);
    return new Promise((resolve) => run.waiting.push(() => resolve(PARTIAL)));
  }

  private async run(doc: TextDocument, mine: RunningCheck, token?: CancellationToken, progress?: CheckProgress): Promise<CheckResult> {
    const folder = this.host.folderFor(doc.uri);
    const cached = this.reports.get(doc.uri);
    try {
      if (!folder.ready) return undefined;
      if (folder.isCorpusFile(doc.uri)) return { uri: doc.uri, version: doc.version, claims: [], diagnostics: [] };
      const settings = await this.host.settings(doc.uri);
      if (mine.cancelled || token?.isCancellationRequested) return 'cancelled';
      const cancelled = { get isCancellationRequested() { return mine.cancelled || !!token?.isCancellationRequested; } };
      const report = await folder.service.checkDocument(input(doc), settings, cancelled, progress);
      this.reports.set(doc.uri, { version: doc.version, report });
      this.host.reported(doc, report);
      return report;
    } catch (err) {
      if (err instanceof CancelledError || mine.cancelled || token?.isCancellationRequested) return 'cancelled';
      this.host.log(`sourced: check of ${doc.uri} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      return cached?.report;
    } finally {
      if (this.running.get(doc.uri) === mine) this.running.delete(doc.uri);
    }
  }
}

/** An open document as the service takes it. */
export function input(doc: TextDocument): DocumentInput {
  return { uri: doc.uri, text: doc.getText(), version: doc.version };
}
