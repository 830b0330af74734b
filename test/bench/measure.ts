// Measures one corpus size inside its own process (so peak memory is that size's alone).

import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Position } from 'vscode-languageserver-types';
import type { SourcedService } from '../../server/src/service/api.ts';
import type { DocumentInput } from '../../server/src/service/types.ts';
import { loadCorpusReader, type ReadCorpus } from './corpusReader.ts';
import { composeDraft, draftSentencesFromTexts, type GeneratedDraft } from './draftCore.ts';
import { startProbes, startRssSampler, type ProbeTarget } from './probes.ts';
import { summarise, timed, type Summary } from './stats.ts';
import { repoRoot } from './generate.ts';
import { AnalysisPool } from '../../server/src/host/analysisPool.ts';

export interface MeasureOptions {
  size: string;
  dir: string;
  runs: number;
  seed: number;
  batch: number;
  draftWords: number;
  log: (message: string) => void;
  /** The responsiveness pass (a second cold index) runs only for corpora up to this many files. */
  responsivenessMaxFiles: number;
  /** Receives the results known so far (after indexing), in case a later step crashes the process. */
  onPartial?: (partial: SizeResult) => void;
  /** Receives the generated draft the editor operations check (the bench also checks it with the CLI). */
  onDraft?: (draft: GeneratedDraft) => void;
  /** Injected so the harness can be exercised without the real service. */
  createService: () => SourcedService;
}

export interface SizeResult {
  size: string;
  dir: string;
  viaHost: boolean;
  files: number;
  warnings: number;
  articles: number;
  sentences: number;
  entities: number;
  index: { totalMs: number; readMs: number; upsertMs: number };
  /** All clean cold indexes (the first one included), when repeated. */
  coldRuns?: Summary;
  export?: { ms: number; bytes: number };
  reload?: Summary & { ok: boolean };
  memory: { peakRssSampled: number; maxRss: number; afterIndex: NodeJS.MemoryUsage; atEnd: NodeJS.MemoryUsage };
  /** Latency of hover/completion requests issued every 20 ms during a cold index (absent above responsivenessMaxFiles). */
  responsiveness?: Summary & { indexMs: number; filesIndexed: number; cancelled: boolean };
  draft?: { words: number; sentences: number; claims: Record<string, number>; byKind: Record<string, Record<string, number>> };
  check?: Summary & { first: number };
  recheck?: Summary;
  hover?: Summary & { positions: number; answered: number };
  /** As VS Code asks: the list without name cards, then the card of the first item (completionItem/resolve). */
  completion?: Summary & { prefixes: number; withItems: number };
  /** The list with every item's card inline, for editors that do not resolve items. */
  completionEager?: Summary;
  errors: string[];
}

const NAME_RE = /\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+)+/g;

export class LineStarts {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  position(offset: number): Position {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - (this.starts[lo] as number) };
  }
  end(): Position {
    return this.position(Number.MAX_SAFE_INTEGER);
  }
}

/** Positions in the middle of capitalised names, preferring names the corpus knows. */
export function namePositions(text: string, max: number, isKnown: (name: string) => boolean = () => true): Position[] {
  const lines = new LineStarts(text);
  const known: Position[] = [];
  const other: Position[] = [];
  NAME_RE.lastIndex = 0;
  for (let m = NAME_RE.exec(text); m && known.length < max; m = NAME_RE.exec(text)) {
    const pos = lines.position(m.index + (m[0].length >> 1));
    (isKnown(m[0]) ? known : other).push(pos);
  }
  return [...known, ...other].slice(0, max);
}

/** The draft with a line appended (a writer starting to type), and the position at its end. */
export function appendLine(doc: DocumentInput, line: string): { doc: DocumentInput; at: Position } {
  const text = `${doc.text.trimEnd()}\n\n${line}`;
  return { doc: { uri: doc.uri, text, version: (doc.version ?? 0) + 1 }, at: new LineStarts(text).end() };
}

/** Name and quote prefixes a writer might type, drawn from what the corpus holds. */
function completionPrefixes(service: SourcedService, pool: readonly string[], count: number): string[] {
  const people = service.corpus.entities().filter((e) => e.kind === 'person' && e.name.includes(' '));
  const out: string[] = [];
  const step = Math.max(1, Math.floor(people.length / count));
  for (let i = 0; i < people.length && out.length < count / 2; i += step) {
    const name = (people[i] as { name: string }).name;
    out.push(name.slice(0, Math.min(name.length - 1, 3 + (out.length % 4))));
  }
  for (const s of pool) {
    if (out.length >= count) break;
    const q = /["“]([A-Za-z]+ [A-Za-z]+)/.exec(s);
    if (q) out.push(`"${q[1]}`);
  }
  return out.length > 0 ? out : ['The'];
}

function draftPoolFromCorpus(service: SourcedService, max: number): string[] {
  const step = Math.max(1, Math.floor(service.corpus.articleCount / 400));
  const texts: string[] = [];
  let i = 0;
  for (const a of service.corpus.articles()) {
    if (i++ % step === 0) for (const s of a.sentences) if (s.index > 0 && s.text !== a.title) texts.push(s.text);
    if (texts.length >= max * 2) break;
  }
  return texts.filter((t) => !t.includes('\n') && t.split(/\s+/).length >= 6 && t.split(/\s+/).length <= 45).slice(0, max);
}

/** Rebuilds the draft with one sentence edited (a figure changed, or a word inserted). */
export function editDraft(draft: GeneratedDraft, current: string[], run: number): string {
  const idx = (run * 7919) % current.length;
  const s = current[idx] as string;
  current[idx] = /\d/.test(s) ? s.replace(/\d+/, (d) => String(Number(d) + 1 + run)) : s.replace(/^(\S+) /, '$1 reportedly ');
  let text = draft.text.slice(0, draft.sentences[0]?.start ?? 0);
  draft.sentences.forEach((sentence, i) => {
    text += current[i] as string;
    const next = draft.sentences[i + 1];
    text += draft.text.slice(sentence.end, next ? next.start : draft.text.length);
  });
  return text;
}

interface ColdIndex {
  files: number;
  warnings: number;
  totalMs: number;
  readMs: number;
  upsertMs: number;
  responsiveness?: Summary;
  /** The deadline passed and indexing was cancelled. */
  cancelled: boolean;
}

/** Reads the corpus through the host and upserts it (in batches of `opts.batch` files, by default all at
 *  once as the editor's server and the CLI do), optionally probing latency. */
async function coldIndex(service: SourcedService, read: ReadCorpus, opts: MeasureOptions, probe: boolean, deadlineMs = Infinity): Promise<ColdIndex> {
  const token = { isCancellationRequested: false };
  // upsertSources checks the token between files, so a timer cancels even a batch that is crawling.
  const deadline = Number.isFinite(deadlineMs) ? setTimeout(() => (token.isCancellationRequested = true), deadlineMs) : undefined;
  let probeTarget: ProbeTarget | undefined;
  const probes = probe ? startProbes(service, () => probeTarget) : undefined;
  let files = 0;
  let warnings = 0;
  let readMs = 0;
  let upsertMs = 0;
  const t0 = performance.now();
  // As the editor's server and the CLI do: worker threads analyse the files (the built worker script, if
  // `npm run build` has run; else everything runs in this thread), made for the files read when they are
  // indexed at once (the pool then ends its workers after the last, as theirs does).
  let pool: AnalysisPool | undefined;
  let batch: DocumentInput[] = [];
  const flush = async () => {
    if (probe && !probeTarget) {
      // Requests about people of the first files, which are indexed first.
      const doc: DocumentInput = { uri: 'file:///bench/probe.md', text: composeDraft(draftSentencesFromTexts(batch.map((f) => f.text), 60), 300, opts.seed).text, version: 1 };
      const completion = appendLine(doc, 'According to ');
      probeTarget = { doc, hovers: namePositions(doc.text, 20, (n) => !!service.corpus.lookupEntity(n)), completionDoc: completion.doc, completionAt: completion.at };
    }
    const t = performance.now();
    pool ??= AnalysisPool.forFiles(Number.isFinite(opts.batch) ? Infinity : batch.length, join(repoRoot, 'dist'));
    await service.upsertSources(batch, { token, analyse: pool?.analyse });
    upsertMs += performance.now() - t;
    batch = [];
  };
  let tRead = performance.now();
  for await (const entry of read([opts.dir])) {
    if (token.isCancellationRequested) break;
    readMs += performance.now() - tRead;
    if (entry.kind === 'file') {
      files++;
      batch.push({ uri: entry.uri, text: entry.text, version: 1 });
      if (batch.length >= opts.batch) await flush();
    } else warnings++;
    tRead = performance.now();
  }
  if (batch.length > 0) await flush();
  await pool?.close();
  const totalMs = performance.now() - t0;
  clearTimeout(deadline);
  return { files, warnings, totalMs, readMs, upsertMs, responsiveness: probes && summarise(probes.stop()), cancelled: token.isCancellationRequested };
}

type Step = <T>(name: string, fn: () => Promise<T>) => Promise<T | undefined>;

/** Saves the index as the editor's server does (streamed to disk through the host's cache writer), lets
 *  the indexed service go, then reloads the file into fresh services one at a time: two indexes of a
 *  large corpus never live at once, as in the server. */
async function exportAndReload(held: { service?: SourcedService }, createService: () => SourcedService, runs: number, step: Step): Promise<{ exportInfo?: { ms: number; bytes: number }; reload?: Summary & { ok: boolean } }> {
  const { saveIndexCache, loadIndexCacheEntry } = await import('../../server/src/host/indexCache.ts');
  const dir = mkdtempSync(join(tmpdir(), 'sourced-bench-'));
  const file = join(dir, 'index.json');
  try {
    const articles = held.service?.corpus.articleCount ?? 0;
    const exportInfo = await step('export', async () => {
      const service = held.service as SourcedService;
      await service.settled(); // as the server and the CLI save: with the near-duplicate groups
      const t = performance.now();
      if (!(await saveIndexCache(file, 'bench', service.exportIndex()))) throw new Error('the index could not be saved');
      return { ms: performance.now() - t, bytes: statSync(file).size };
    });
    held.service = undefined;
    if (!exportInfo) return {};
    const reload = await step('reload', async () => {
      const samples: number[] = [];
      let ok = true;
      for (let r = 0; r < Math.min(runs, 3); r++) {
        let fresh: SourcedService | undefined = createService();
        const { ms, value } = await timed(async () => {
          const entry = await loadIndexCacheEntry(file, 'bench');
          return !!entry && (await (fresh as SourcedService).importIndex(entry.lines));
        });
        ok &&= value && fresh.corpus.articleCount === articles;
        samples.push(ms);
        fresh = undefined;
      }
      return { ...summarise(samples), ok };
    });
    return { exportInfo, reload };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Corpora up to this many files are cold-indexed `runs` times (median and p95); larger ones once. */
const REPEAT_COLD_MAX_FILES = 5_000;

export async function measureSize(opts: MeasureOptions): Promise<SizeResult> {
  const result = await measureIndexed(opts);
  if (opts.runs > 1 && result.files <= REPEAT_COLD_MAX_FILES) {
    opts.log(`[${opts.size}] cold index again (${opts.runs - 1}×)…`);
    const { read } = await loadCorpusReader();
    const samples = [result.index.totalMs];
    for (let r = 1; r < opts.runs; r++) samples.push((await coldIndex(opts.createService(), read, opts, false)).totalMs);
    result.coldRuns = summarise(samples);
  }
  // Responsiveness: a second cold index into a fresh service, with editor requests on a timer. Run after
  // the first service is garbage, as in an editor (one index), so it cannot inflate the memory figures
  // or pay for the first index's garbage collection; skipped for the largest corpora.
  if (result.files <= opts.responsivenessMaxFiles) {
    opts.log(`[${opts.size}] responsiveness while indexing…`);
    const { read } = await loadCorpusReader();
    // Requests may slow indexing a lot; past 3× the clean time (at least a minute) it is cancelled.
    const probed = await coldIndex(opts.createService(), read, opts, true, Math.max(60_000, 3 * result.index.totalMs));
    result.responsiveness = probed.responsiveness && { ...probed.responsiveness, indexMs: probed.totalMs, filesIndexed: probed.files, cancelled: probed.cancelled };
  }
  return result;
}

async function measureIndexed(opts: MeasureOptions): Promise<SizeResult> {
  const errors: string[] = [];
  const step: Step = async (name, fn) => {
    opts.log(`[${opts.size}] ${name}…`);
    try {
      return await fn();
    } catch (err) {
      errors.push(`${name}: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    }
  };

  // Reached only through `held`, so that the reload at the end can let the indexed service go.
  const held: { service?: SourcedService } = { service: opts.createService() };
  const service = (): SourcedService => held.service as SourcedService;
  const { read, viaHost } = await loadCorpusReader();

  // Clean cold index (no other requests) with memory sampled throughout.
  const rss = startRssSampler();
  const cold = await coldIndex(service(), read, opts, false);
  const peakRssSampled = rss.stop();
  const afterIndex = process.memoryUsage();
  const { files, warnings, totalMs, readMs, upsertMs } = cold;
  opts.log(`[${opts.size}] indexed ${files} files in ${(totalMs / 1000).toFixed(2)} s`);
  const base = {
    size: opts.size,
    dir: opts.dir,
    viaHost,
    files,
    warnings,
    articles: service().corpus.articleCount,
    sentences: service().corpus.sentenceCount,
    entities: service().corpus.entities().length,
    index: { totalMs, readMs, upsertMs },
  };
  // Reported now so that a later crash (e.g. out of memory while exporting) still leaves these numbers.
  opts.onPartial?.({ ...base, memory: { peakRssSampled, maxRss: process.resourceUsage().maxRSS * 1024, afterIndex, atEnd: afterIndex }, errors: [...errors] });

  // The draft: sentences of this corpus, verbatim, with changed figures, and invented.
  const draft = composeDraft(draftPoolFromCorpus(service(), 3000), opts.draftWords, opts.seed);
  const draftDoc: DocumentInput = { uri: 'file:///bench/draft.md', text: draft.text, version: 1 };
  opts.onDraft?.(draft);

  let draftInfo: SizeResult['draft'];
  const check = await step('checkDocument', async () => {
    const samples: number[] = [];
    for (let r = 0; r < opts.runs; r++) {
      const { ms, value } = await timed(() => service().checkDocument({ ...draftDoc, uri: `file:///bench/cold-${r}.md` }));
      samples.push(ms);
      if (r === 0) {
        const claims: Record<string, number> = {};
        const byKind: Record<string, Record<string, number>> = {};
        for (const c of value.claims) {
          claims[c.verdict] = (claims[c.verdict] ?? 0) + 1;
          const kind = draft.sentences.find((s) => s.start < c.end && c.start < s.end)?.kind ?? 'other';
          const k = (byKind[kind] ??= {});
          k[c.verdict] = (k[c.verdict] ?? 0) + 1;
        }
        draftInfo = { words: draft.words, sentences: draft.sentences.length, claims, byKind };
      }
    }
    return { ...summarise(samples), first: samples[0] as number };
  });

  let current = draftDoc;
  const recheck = await step('re-check after edit', async () => {
    await service().checkDocument(current);
    const sentences = draft.sentences.map((s) => draft.text.slice(s.start, s.end));
    const samples: number[] = [];
    for (let r = 0; r < Math.max(10, opts.runs * 4); r++) {
      current = { uri: current.uri, text: editDraft(draft, sentences, r), version: (current.version ?? 0) + 1 };
      samples.push((await timed(() => service().checkDocument(current))).ms);
    }
    return summarise(samples);
  });

  const hover = await step('hover', async () => {
    const positions = namePositions(current.text, 40, (n) => !!service().corpus.lookupEntity(n));
    const samples: number[] = [];
    let answered = 0;
    for (let r = 0; r < opts.runs; r++) {
      for (const p of positions) {
        const { ms, value } = await timed(() => service().getHover(current, p));
        samples.push(ms);
        if (r === 0 && value) answered++;
      }
    }
    return { ...summarise(samples), positions: positions.length, answered };
  });

  let completionEager: Summary | undefined;
  const completion = await step('completion', async () => {
    // Every other prefix for the eager way, so neither way meets names whose cards the other has built.
    const all = completionPrefixes(service(), draftPoolFromCorpus(service(), 1000), 40);
    const prefixes = all.filter((_, i) => i % 2 === 0);
    const eagerPrefixes = all.filter((_, i) => i % 2 === 1);
    const samples: number[] = [];
    const eager: number[] = [];
    let withItems = 0;
    let doc = current;
    const typeAt = (prefix: string) => {
      const typed = appendLine({ ...current, version: doc.version }, prefix);
      doc = typed.doc;
      return typed.at;
    };
    for (let r = 0; r < opts.runs; r++) {
      for (const prefix of prefixes) {
        const at = typeAt(prefix);
        const { ms, value } = await timed(async () => {
          const list = await service().getCompletions(doc, at, undefined, { resolveDocumentation: true });
          if (list.items[0]) await service().resolveCompletion(list.items[0]);
          return list;
        });
        samples.push(ms);
        if (r === 0 && value.items.length > 0) withItems++;
      }
      for (const prefix of eagerPrefixes) {
        const at = typeAt(prefix);
        eager.push((await timed(() => service().getCompletions(doc, at))).ms);
      }
    }
    completionEager = summarise(eager);
    return { ...summarise(samples), prefixes: prefixes.length, withItems };
  });

  const memoryAtEnd = process.memoryUsage();
  const measured = (): SizeResult => ({
    ...base,
    memory: { peakRssSampled, maxRss: process.resourceUsage().maxRSS * 1024, afterIndex, atEnd: memoryAtEnd },
    draft: draftInfo,
    check,
    recheck,
    hover,
    completion,
    completionEager,
    errors: [...errors],
  });
  opts.onPartial?.(measured());
  // Last: the reload lets the indexed service go first, so it must be the last use of it.
  const { exportInfo, reload } = await exportAndReload(held, opts.createService, opts.runs, step);
  return { ...measured(), export: exportInfo, reload };
}
