// Factory of the pure analysis service: the single entry point for the LSP adapter, the CLI and tests.

import { defaultSettings, type CheckProgress, type DraftReport, type IndexOptions, type SourcedService, type SourcedSettings } from './api.ts';
import type { CancellationToken, Claim, DocumentInput } from './types.ts';
import { CorpusIndex } from './corpus/corpusIndex.ts';
import { analysedInOrder } from './corpus/analysedInOrder.ts';
import { analyseDraft, type DraftAnalysis } from './check/draft.ts';
import { ClaimChecker } from './check/checker.ts';
import { toDiagnostics } from './features/diagnostics.ts';
import { Independence } from './features/independence.ts';
import { getHover } from './features/hover.ts';
import { readAhead } from './features/readAhead.ts';
import { getCompletions, resolveCompletion } from './features/completion.ts';
import { getCodeActions } from './features/codeActions.ts';
import { getDefinition, getDocumentLinks, getReferences, getWorkspaceSymbols } from './features/navigation.ts';
import type { FeatureContext } from './context.ts';
import { ArchiveCorpus, type ArchiveCorpusOptions } from './archive/archiveCorpus.ts';
import type { ArchiveSource } from './archive/archiveSource.ts';

export type { SourcedService, SourcedSettings, DraftReport, CheckProgress } from './api.ts';
export { defaultSettings } from './api.ts';

export interface ServiceOptions {
  log?: (message: string) => void;
  /** A shared archive: the corpus is then a working set fetched from it per request (see ArchiveCorpus),
   *  together with the sources added by `upsertSources`. */
  archive?: ArchiveSource;
  /** With an archive: when it fails, requests answer from what was fetched before and this is told once
   *  (without it, a failing archive fails the request); `onArchiveAvailable` when it answers again. */
  onArchiveUnavailable?: (err: unknown) => void;
  onArchiveAvailable?: () => void;
  /** With an archive: a sync changed it (found by a request, or by `archiveChanged`); checks made before
   *  may now have other verdicts. */
  onArchiveChanged?: () => void;
  /** With an archive: after each check, read ahead in the background what hovering the draft's names
   *  needs (features/readAhead.ts). For editors; a one-off check has no hovers to come. */
  readAhead?: boolean;
  /** With an archive: bounds of the working set, and how old its statistics may be (see ArchiveCorpusOptions). */
  archiveLimits?: Pick<ArchiveCorpusOptions, 'maxSentences' | 'maxChars' | 'maxMentions' | 'statsMaxAgeMs'>;
}

/** A draft's names are read ahead once it has been left alone this long after a check (index.ts). */
const READ_AHEAD_AFTER_MS = 1_000;

/** Indexing yields to the event loop after this much work, so requests are answered while it runs. */
const SLICE_MS = 8;
/** Claims an archive's first check reads and judges before the rest, for its partial report (about a
 *  screenful of a draft). */
const ARCHIVE_FIRST_CLAIMS = 12;

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
  }
}

// setImmediate runs right after pending I/O (an editor's request); setTimeout(0) would also wait ~1 ms for
// the timer each time, which over a long check or load added up to a fifth of a second of idling.
const yieldToEventLoop: () => Promise<void> =
  typeof setImmediate === 'function' ? () => new Promise<void>((resolve) => setImmediate(resolve)) : () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function createSourcedService(options: ServiceOptions = {}): SourcedService {
  const log = options.log ?? (() => undefined);
  let corpus: CorpusIndex = options.archive ? new ArchiveCorpus(options.archive, { ...options.archiveLimits, onChange: () => {
          checker.clear();
          options.onArchiveChanged?.();
        }, onFetched: () => checker.dropProvisional(), onUnavailable: options.onArchiveUnavailable, onAvailable: options.onArchiveAvailable }) : new CorpusIndex();
  const checker = new ClaimChecker(() => corpus);
  // With an archive, each request runs until the working set answers it as the whole archive would.
  const within = <T>(run: () => Promise<T>): Promise<T> => (corpus instanceof ArchiveCorpus ? corpus.satisfy(run) : run());
  const drafts = new Map<string, { text: string; analysis: DraftAnalysis }>();
  const reports = new Map<string, DraftReport>();
  const independence = new Independence(yieldToEventLoop, SLICE_MS);
  const regroup = () => void independence.update(corpus).catch((err: unknown) => log(`sourced: near-duplicate grouping failed: ${err instanceof Error ? err.message : String(err)}`));

  const analyse = (doc: DocumentInput): DraftAnalysis => {
    const cached = drafts.get(doc.uri);
    if (cached && cached.text === doc.text) return cached.analysis;
    const analysis = analyseDraft(doc);
    drafts.set(doc.uri, { text: doc.text, analysis });
    return analysis;
  };

  /** Checks the draft; with `firstClaims`, only up to that many claims (a partial report if more follow). */
  const check = async (doc: DocumentInput, settings: SourcedSettings, token?: CancellationToken, progress?: CheckProgress, firstClaims?: number): Promise<DraftReport> => {
    const draft = analyse(doc);
    let head: number | undefined;
    const claims: Claim[] = [];
    const started = performance.now();
    let sliceStart = started;
    let partialDue = progress ? started + progress.partialAfterMs : Infinity;
    let reportedSettled = 0;
    // Claims judged with every read answered (a partial report holds only these, see partialReport).
    let settled = 0;
    for (const [i, sentence] of draft.sentences.entries()) {
      if (token?.isCancellationRequested) throw new CancelledError();
      if (claims.length >= settings.maxClaims) break;
      const claim = checker.check(draft, sentence);
      if (claim) {
        claims.push(claim);
        if (!checker.isProvisional(claim)) settled++;
      }
      if (firstClaims !== undefined && claims.length >= firstClaims && i + 1 < draft.sentences.length) {
        head = sentence.end;
        break;
      }
      if (progress && settled > reportedSettled && i + 1 < draft.sentences.length && performance.now() >= partialDue) {
        partialDue = progress.partialEveryMs === undefined ? Infinity : performance.now() + progress.partialEveryMs;
        reportedSettled = settled;
        progress.onPartial(await partialReport(doc, draft, claims, settings, sentence.end, token));
        await yieldToEventLoop(); // the partial report goes out before the check goes on
        sliceStart = performance.now();
      }
      if (performance.now() - sliceStart > SLICE_MS) {
        await yieldToEventLoop();
        sliceStart = performance.now();
      }
    }
    if (head !== undefined) return partialReport(doc, draft, claims, settings, head, token);
    await independence.annotate(claims, corpus);
    if (token?.isCancellationRequested) throw new CancelledError();
    const report = reportOf(doc, draft, claims, settings);
    reports.set(doc.uri, report);
    return report;
  };

  /** The report of a check that has judged the draft up to `checkedTo`, with the claims judged with every
   *  read answered (one judged with reads missing, in an archive's first round, may not keep its verdict). */
  const partialReport = async (doc: DocumentInput, draft: DraftAnalysis, claims: Claim[], settings: SourcedSettings, checkedTo: number, token?: CancellationToken): Promise<DraftReport> => {
    const judged = claims.filter((c) => !checker.isProvisional(c));
    await independence.annotate(judged, corpus);
    if (token?.isCancellationRequested) throw new CancelledError();
    return { ...reportOf(doc, draft, judged, settings), partial: { checkedTo } };
  };

  const reportOf = (doc: DocumentInput, draft: DraftAnalysis, claims: Claim[], settings: SourcedSettings): DraftReport => {
    return {
      uri: doc.uri,
      version: doc.version,
      claims,
      diagnostics: toDiagnostics(draft, claims, settings, corpus),
      ignored: draft.prose.ignored.map((span) => ({
        range: draft.lines.rangeOf(span.start, span.end),
        start: span.start,
        end: span.end,
        text: doc.text.slice(span.start, span.end),
        reason: span.reason,
      })),
      blocks: draft.prose.blocks.map((b) => ({ kind: b.kind, range: draft.lines.rangeOf(b.start, b.end), start: b.start, end: b.end })),
    };
  };

  /** A check, as a request (with an archive, until every read is answered), then the read-ahead. */
  const checked = async (doc: DocumentInput, settings: SourcedSettings, token?: CancellationToken, progress?: CheckProgress): Promise<DraftReport> => {
    // A read-ahead waiting for the draft to be left alone waits for this check to end, and one under way
    // stops: the writer is at work on it.
    clearTimeout(readAheadTimers.get(doc.uri));
    readAheadRuns.get(doc.uri)?.cancel();
    // Each report holds more than the last, though an archive's rounds run the check again (a later
    // round's first partial report holds fewer claims than the round before reported).
    let reported = 0;
    const growing: CheckProgress | undefined = progress && {
      ...progress,
      onPartial: (r) => {
        if (r.claims.length <= reported) return;
        reported = r.claims.length;
        progress.onPartial(r);
      },
    };
    let rest = growing;
    if (growing && corpus instanceof ArchiveCorpus) {
      // An archive's first round judges every claim with reads missing and fetches what they all miss at
      // once, most of a long first check: the draft's first claims are read and judged first, as a
      // request of their own (what they fetch the whole check needs anyway). Then the rest in one request,
      // reported at its end: read in chunks, each a round of fetches more, a 111-claim draft's check at
      // 100,000 articles took 10-15 % longer (chunks growing threefold) to 30 % longer (24 claims at a
      // time); reported every 2 s, it showed 3-11 more claims before its end. The first claims' request
      // costs the whole check at 100,000 articles 4-6 s (26-28 s against 22 s in one request).
      const started = performance.now();
      const first = await within(() => check(doc, settings, token, undefined, ARCHIVE_FIRST_CLAIMS));
      if (!first.partial) return afterCheck(doc, first); // the whole draft
      const spent = performance.now() - started;
      if (spent >= growing.partialAfterMs) {
        growing.onPartial(first);
        rest = undefined;
      } else rest = { ...growing, partialAfterMs: growing.partialAfterMs - spent, partialEveryMs: undefined };
    }
    return afterCheck(doc, await within(() => check(doc, settings, token, rest)));
  };

  const afterCheck = (doc: DocumentInput, report: DraftReport): DraftReport => {
    if (options.readAhead && corpus instanceof ArchiveCorpus) readAheadOnce(doc);
    return report;
  };

  // After a check, the draft's names are read ahead (features/readAhead.ts) in the background, once the
  // draft has been left alone for a moment (a writer typing is re-checked at every pause: the fetches and
  // the name table's rebuild would slow the next re-check), and once for each set of names it writes.
  const namesRead = new Map<string, string>();
  const readAheadTimers = new Map<string, ReturnType<typeof setTimeout>>();
  const readAheadRuns = new Map<string, { cancelled: boolean; cancel: () => void; done?: Promise<unknown> }>();
  const readAheadOnce = (doc: DocumentInput) => {
    clearTimeout(readAheadTimers.get(doc.uri));
    const timer = setTimeout(() => {
      readAheadTimers.delete(doc.uri);
      const draft = analyse(doc);
      const names = [...new Set(draft.sentences.flatMap((s) => s.mentions.map((m) => m.text)))].sort().join('\n');
      if (namesRead.get(doc.uri) === names) return;
      namesRead.set(doc.uri, names);
      if (namesRead.size > 100) namesRead.delete(namesRead.keys().next().value as string);
      const run: { cancelled: boolean; cancel: () => void; done?: Promise<unknown> } = { cancelled: false, cancel: () => (run.cancelled = true) };
      readAheadRuns.set(doc.uri, run);
      const stop: CancellationToken = {
        get isCancellationRequested() {
          return run.cancelled;
        },
      };
      run.done = within(() => readAhead(ctx, doc, stop))
        .catch((err: unknown) => log(`sourced: reading ahead the names of ${doc.uri} failed: ${err instanceof Error ? err.message : String(err)}`))
        .finally(() => {
          if (readAheadRuns.get(doc.uri) === run) readAheadRuns.delete(doc.uri);
          // Stopped by a check: the names are read ahead after that one.
          if (run.cancelled) namesRead.delete(doc.uri);
        });
    }, READ_AHEAD_AFTER_MS);
    // A pending read-ahead never keeps a process alive.
    timer.unref?.();
    readAheadTimers.set(doc.uri, timer);
  };

  const ctx: FeatureContext = {
    get corpus() {
      return corpus;
    },
    analyse,
    check,
    lastReport: (uri) => reports.get(uri),
    log,
  };

  return {
    get corpus() {
      return corpus;
    },

    async upsertSources(files: DocumentInput[], opts: IndexOptions = {}) {
      let sliceStart = performance.now();
      let done = 0;
      const bulk = corpus;
      bulk.beginBulk();
      try {
        for await (const analysed of analysedInOrder(files, opts.analyse)) {
          if (opts.token?.isCancellationRequested) break;
          try {
            if ('error' in analysed) throw new Error(analysed.error);
            corpus.add(analysed.article, analysed.terms);
          } catch (err) {
            log(`sourced: could not index ${analysed.file.uri}: ${err instanceof Error ? err.message : String(err)}`);
          }
          done++;
          if (performance.now() - sliceStart > SLICE_MS) {
            opts.onProgress?.({ done, total: files.length });
            await yieldToEventLoop();
            if (bulk.refreshDue) await bulk.refresh(yieldToEventLoop, SLICE_MS);
            sliceStart = performance.now();
          }
        }
        // The final resolution, in slices too: once bulk ends every request wants an exact one.
        if (bulk === corpus) await bulk.refresh(yieldToEventLoop, SLICE_MS, true);
      } finally {
        bulk.endBulk();
      }
      opts.onProgress?.({ done, total: files.length });
      checker.clear();
      // Near-duplicate groups, in the background: a check that needs them waits for this run.
      regroup();
    },

    async removeSources(uris: string[]) {
      const bulk = corpus;
      bulk.beginBulk();
      try {
        for (const uri of uris) bulk.remove(uri);
        await bulk.refresh(yieldToEventLoop, SLICE_MS);
      } finally {
        bulk.endBulk();
      }
      checker.clear();
      regroup();
    },

    exportIndex: () => corpus.toLines(independence.groupsOf(corpus)),

    async settled() {
      if (!corpus.indexing) await independence.update(corpus);
      // Read-aheads under way (not those still waiting for their draft to be left alone).
      await Promise.all([...readAheadRuns.values()].map((r) => r.done));
    },

    async importIndex(lines: string | Iterable<string> | AsyncIterable<string>) {
      if (options.archive) return false; // the archive's working set is never replaced by a saved index
      try {
        const loaded = await CorpusIndex.fromLines(typeof lines === 'string' ? lines.split('\n') : lines, yieldToEventLoop);
        if (!loaded) return false;
        // Entities and the name index are built now, in slices, not by the first hover or completion.
        loaded.beginBulk();
        try {
          await loaded.refresh(yieldToEventLoop, SLICE_MS);
        } finally {
          loaded.endBulk();
        }
        corpus = loaded;
        checker.clear();
        regroup();
        return true;
      } catch (err) {
        log(`sourced: saved index unusable (${err instanceof Error ? err.message : String(err)}); re-indexing`);
        return false;
      }
    },

    checkDocument: (doc, settings = defaultSettings, token, progress) => checked(doc, settings, token, progress),
    getDiagnostics: async (doc, settings = defaultSettings, token) => (await checked(doc, settings, token)).diagnostics,
    getHover: (doc, position, token) => within(() => getHover(ctx, doc, position, token)),
    readAhead: (doc, token) => within(() => readAhead(ctx, doc, token)),
    archiveChanged: async (token) => (corpus instanceof ArchiveCorpus && !token?.isCancellationRequested ? corpus.syncedSince() : false),
    getCompletions: (doc, position, token, options) => within(() => getCompletions(ctx, doc, position, token, options)),
    resolveCompletion: (item, token) => within(() => resolveCompletion(ctx, item, token)),
    getCodeActions: (doc, range, diagnostics, only, token) => within(() => getCodeActions(ctx, doc, range, diagnostics, only, token)),
    getDefinition: (doc, position, token) => within(() => getDefinition(ctx, doc, position, token)),
    getReferences: (doc, position, token) => within(() => getReferences(ctx, doc, position, token)),
    getWorkspaceSymbols: (query, token) => within(() => getWorkspaceSymbols(ctx, query, token)),
    getDocumentLinks: (doc, token) => within(() => getDocumentLinks(ctx, doc, token)),
  };
}
