// `sourced` command line: check drafts against a corpus, list the corpus's entities, or run the language
// server. Only the report goes to stdout; notices and corpus warnings go to stderr.

import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { defaultSettings, type DraftReport, type SourcedService } from '../service/api.ts';
import type { DocumentInput } from '../service/types.ts';
import { decodeText, readCorpus, walkCorpus, type CorpusEntry } from '../host/corpusFiles.ts';
import { limitHeapGrowth } from '../host/heapGrowth.ts';
import { AnalysisPool } from '../host/analysisPool.ts';
import { corpusFingerprint, defaultCacheFile, indexSalt, noRoomToSave, openIndexCacheEarly, saveIndexCache, warningLine, type SavedWarning } from '../host/indexCache.ts';
import { locateCorpus } from '../host/corpusLocator.ts';
import { writeReportFile } from '../host/reportFile.ts';
import { parseArgs, USAGE, type Command } from './args.ts';
import { corpusSummary, entityJson, entityTextLine, fileJson, hasFindings, summaryLine, textLines, type CheckJson, type PathOf } from './report.ts';
import { sarifLog } from './sarif.ts';
import { ArchiveFailure, archiveCall, openArchive, runArchive } from './archiveCommands.ts';
import type { PgArchive } from '../host/archive/pgArchive.ts';
import { buildFactCheck, type SourceLinker } from './factCheck.ts';
import { renderHtmlReport } from './reportHtml.ts';
import { renderMarkdownReport } from './reportMarkdown.ts';
import { reportFileJson } from './reportJson.ts';
import pkg from '../../../package.json';

const VERSION: string = pkg.version;

class UsageError extends Error {}

function scriptPath(): string | undefined {
  // __filename exists in the CommonJS bundle (dist/cli.js) and under tsx; argv[1] is the fallback.
  return typeof __filename === 'string' ? __filename : process.argv[1];
}

async function main(argv: string[], cwd = process.cwd()): Promise<number> {
  const parsed = parseArgs(argv);
  if ('error' in parsed) {
    process.stderr.write(`sourced: ${parsed.error}\n\n${USAGE}\n`);
    return 2;
  }
  try {
    return await run(parsed, cwd);
  } catch (err) {
    if (err instanceof UsageError || err instanceof ArchiveFailure) {
      process.stderr.write(`sourced: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
}

async function run(cmd: Command, cwd: string): Promise<number> {
  switch (cmd.kind) {
    case 'help':
      await write(`${USAGE}\n`);
      return 0;
    case 'version':
      await write(`${VERSION}\n`);
      return 0;
    case 'lsp':
      return runLsp();
    case 'check':
      return runCheck(cmd, cwd);
    case 'report':
      return runReport(cmd, cwd);
    case 'entities':
      return runEntities(cmd, cwd);
    case 'archive-sync':
    case 'archive-status':
      return runArchive(cmd, write);
  }
}

async function runLsp(): Promise<number> {
  let mod: { startServer?: () => void };
  try {
    mod = await import('../lsp/server.ts');
  } catch (err) {
    process.stderr.write(`sourced: the language server is not available in this build (${err instanceof Error ? err.message : String(err)})\n`);
    return 2;
  }
  if (typeof mod.startServer !== 'function') {
    process.stderr.write('sourced: the language server module has no startServer()\n');
    return 2;
  }
  mod.startServer();
  return -1; // keep running: the connection owns the process from here
}

interface Draft {
  abs: string;
  display: string;
  text: string;
}

interface Checked {
  service: SourcedService;
  /** Closes the archive's connections (a no-op without one). */
  close: () => Promise<void>;
  warnings: string[];
  roots: string[];
  reports: Array<{ draft: Draft; report: DraftReport }>;
}

/** Reads the drafts, loads the corpus and checks every draft. */
async function checkDrafts(cmd: { corpus: string[]; files: string[]; noCache: boolean; archive?: string }, cwd: string): Promise<Checked> {
  const drafts: Draft[] = [];
  for (const file of cmd.files) {
    const abs = path.resolve(cwd, file);
    const text = await readDraft(abs, file);
    drafts.push({ abs, display: displayPath(abs, cwd), text });
  }
  const exclude = new Set<string>();
  for (const d of drafts) exclude.add(await fsp.realpath(d.abs).catch(() => d.abs));

  const archive = cmd.archive ? await openArchive(cmd.archive) : undefined;
  try {
    const service = await newService(archive);
    const { warnings, roots } = await loadCorpus(service, { ...cmd, drafts: cmd.files, cwd, exclude, archive: !!archive });

    const reports: Array<{ draft: Draft; report: DraftReport }> = [];
    for (const draft of drafts) {
      const doc = { uri: pathToFileURL(draft.abs).href, text: draft.text, version: 1 };
      const report = archive ? await archiveCall(cmd.archive as string, () => service.checkDocument(doc, defaultSettings)) : await service.checkDocument(doc, defaultSettings);
      reports.push({ draft, report });
    }
    return { service, close: async () => archive?.close(), warnings, roots, reports };
  } catch (err) {
    await archive?.close().catch(() => undefined);
    throw err;
  }
}

async function runCheck(cmd: Extract<Command, { kind: 'check' }>, cwd: string): Promise<number> {
  const pathOf = pathMapper(cwd);
  const { service, close, warnings, reports } = await checkDrafts(cmd, cwd);
  await close();
  if (cmd.format === 'json') {
    const out: CheckJson = {
      version: 1,
      corpus: corpusSummary(service.corpus),
      files: reports.map(({ draft, report }) => fileJson(draft.display, report, pathOf, service.corpus)),
    };
    if (warnings.length) out.warnings = warnings;
    await write(`${JSON.stringify(out, null, 2)}\n`);
  } else if (cmd.format === 'sarif') {
    const log = sarifLog(
      reports.map(({ draft, report }) => ({ path: draft.display, report, text: draft.text })),
      pathOf,
      { version: VERSION, baseUri: pathToFileURL(cwd + path.sep).href, warnings },
    );
    await write(`${JSON.stringify(log, null, 2)}\n`);
  } else {
    const lines = reports.flatMap(({ draft, report }) => textLines(draft.display, report));
    lines.push(summaryLine(reports.map((r) => r.report)));
    await write(`${lines.join('\n')}\n`);
  }
  return reports.some((r) => hasFindings(r.report)) ? 1 : 0;
}

async function runReport(cmd: Extract<Command, { kind: 'report' }>, cwd: string): Promise<number> {
  // Where each page goes: stdout, the -o file, or DRAFT.report.EXT inside the -o folder.
  const ext = cmd.format === 'md' ? 'md' : cmd.format;
  let outDir: string | undefined;
  if (cmd.output) {
    const out = path.resolve(cwd, cmd.output);
    const st = await fsp.stat(out).catch(() => undefined);
    if (st?.isDirectory() || cmd.files.length > 1 || cmd.output.endsWith('/')) outDir = out;
  } else if (cmd.files.length > 1 && cmd.format === 'html') {
    throw new UsageError('several drafts make several pages: give -o FOLDER');
  }
  const { service, close, warnings, roots, reports } = await checkDrafts(cmd, cwd);
  await close();
  const pathOf = pathMapper(cwd);
  const checkedAt = new Date().toISOString();
  const targets = reports.map(({ draft }) =>
    outDir ? path.join(outDir, `${path.basename(draft.abs).replace(/\.[^.]+$/, '')}.report.${ext}`) : cmd.output ? path.resolve(cwd, cmd.output) : undefined,
  );
  const pages = reports.map(({ draft, report }, i) => {
    const base = targets[i] ? path.dirname(targets[i]) : cwd;
    const link: SourceLinker = (s) => sourceHref(s.uri, base);
    const fc = buildFactCheck(draft.display, draft.text, report, pathOf, link);
    if (cmd.format === 'html') {
      return renderHtmlReport(fc, {
        generator: `Sourced ${VERSION}`,
        checkedAt,
        corpus: { articles: service.corpus.articleCount, roots: roots.map((r) => displayPath(r, cwd)) },
      });
    }
    if (cmd.format === 'md') return renderMarkdownReport(fc, { generator: `Sourced ${VERSION}`, checkedAt, articles: service.corpus.articleCount });
    return reportFileJson(fileJson(draft.display, report, pathOf), fc);
  });
  if (cmd.format === 'json' && !outDir) {
    const out = { version: 1 as const, corpus: corpusSummary(service.corpus), files: pages, ...(warnings.length ? { warnings } : {}) };
    await emit(`${JSON.stringify(out, null, 2)}\n`, targets[0]);
  } else {
    for (let i = 0; i < pages.length; i++) {
      const page = pages[i];
      const text = typeof page === 'string' ? page : `${JSON.stringify({ version: 1, corpus: corpusSummary(service.corpus), files: [page] }, null, 2)}\n`;
      await emit(text, targets[i]);
      if (targets[i]) process.stderr.write(`sourced: wrote ${displayPath(targets[i] as string, cwd)}\n`);
    }
  }
  return reports.some((r) => hasFindings(r.report)) ? 1 : 0;
}

/** A link from the report's folder to a source file (relative, so the report and corpus can move together). */
function sourceHref(uri: string, from: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    const rel = path.relative(from, fileURLToPath(uri)).split(path.sep).join('/');
    return rel.split('/').map(encodeURIComponent).join('/');
  } catch {
    return uri;
  }
}

async function emit(text: string, file: string | undefined): Promise<void> {
  if (!file) return write(text);
  try {
    await writeReportFile(file, text);
  } catch (err) {
    throw new UsageError(`cannot write ${file}: ${(err as { code?: string }).code ?? String(err)}`);
  }
}

async function runEntities(cmd: Extract<Command, { kind: 'entities' }>, cwd: string): Promise<number> {
  const pathOf = pathMapper(cwd);
  const service = await newService();
  const { warnings } = await loadCorpus(service, { ...cmd, drafts: [], cwd, exclude: new Set(), archive: !!cmd.archive });
  const entities = [...service.corpus.entities()]
    .sort((a, b) => b.mentionCount - a.mentionCount || a.name.localeCompare(b.name))
    .map((e) => entityJson(e, service.corpus, pathOf));
  const url = cmd.archive;
  const archived = url ? await archiveEntities(url) : undefined;
  if (cmd.format === 'json') {
    const out: { entities: typeof entities; warnings?: string[]; archive?: typeof archived } = { entities };
    if (warnings.length) out.warnings = warnings;
    if (archived) out.archive = archived;
    await write(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    const lines = entities.map(entityTextLine);
    for (const e of archived?.entities ?? []) lines.push(`${e.name} (${e.kind}) — ${e.mentions} mentions in the archive`);
    await write(lines.join('\n') + (lines.length ? '\n' : ''));
  }
  if (archived && archived.more > 0) process.stderr.write(`sourced: the archive names ${archived.more} more (listed: the ${archived.entities.length} most mentioned)\n`);
  return 0;
}

/** The archive's names, most mentioned first (as the archive counts them: by name as written). */
async function archiveEntities(url: string) {
  const archive = await openArchive(url);
  try {
    return await archiveCall(url, () => archive.topEntities(ARCHIVE_ENTITIES));
  } finally {
    await archive.close().catch(() => undefined);
  }
}

const ARCHIVE_ENTITIES = 10_000;

// Loaded on demand so --help and usage errors never depend on the analysis code.
async function newService(archive?: PgArchive): Promise<SourcedService> {
  const { createSourcedService } = await import('../service/index.ts');
  const verbose = Boolean(process.env.SOURCED_DEBUG);
  const log = (m: string) => (verbose || /could not index/.test(m) ? process.stderr.write(`${m}\n`) : undefined);
  return createSourcedService(archive ? { log, archive } : { log });
}

async function readDraft(abs: string, given: string): Promise<string> {
  let buf: Buffer;
  try {
    buf = await fsp.readFile(abs);
  } catch (err) {
    const code = (err as { code?: string }).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : String(err);
    throw new UsageError(`cannot read ${given}: ${why}`);
  }
  const decoded = decodeText(buf);
  if ('binary' in decoded) throw new UsageError(`cannot read ${given}: looks like a binary file`);
  if (decoded.warning) process.stderr.write(`sourced: ${given}: ${decoded.warning}\n`);
  return decoded.text;
}

interface CorpusRequest {
  corpus: string[];
  noCache: boolean;
  drafts: string[];
  cwd: string;
  exclude: Set<string>;
  /** With an archive, a local corpus is used only when given or found beside the drafts (not the sample). */
  archive?: boolean;
}

/** Indexes the corpus (or restores it from the cache); returns the warnings (also printed on stderr) and the corpus folders. */
async function loadCorpus(service: SourcedService, req: CorpusRequest): Promise<{ warnings: string[]; roots: string[] }> {
  const located = locateCorpus({ explicit: req.corpus, drafts: req.drafts, cwd: req.cwd, scriptPath: scriptPath() });
  if (located.origin === 'explicit') {
    for (const root of located.roots) {
      const st = await fsp.stat(root).catch(() => undefined);
      if (!st) throw new UsageError(`corpus folder not found: ${displayPath(root, req.cwd)}`);
      if (!st.isDirectory()) throw new UsageError(`corpus is not a folder: ${displayPath(root, req.cwd)}`);
    }
  }
  const warnings: string[] = [];
  if (req.archive && (located.origin === 'bundled' || located.origin === 'none')) return { warnings, roots: [] };
  if (located.origin === 'none') warnings.push('no corpus found (no --corpus, no sources/ or corpus/ folder); every claim will be unsourced');

  const cacheFile = defaultCacheFile(located.roots);
  let fingerprint: string | undefined;
  if (!req.noCache && !req.archive && located.roots.length) {
    // The saved index is read while the corpus is walked; it is used only if the walk finds the files
    // it was saved from.
    const walked = (async () => {
      const entries: CorpusEntry[] = [];
      const unread: string[] = [];
      for await (const w of walkCorpus(located.roots, { exclude: req.exclude })) {
        if (w.kind === 'entry') entries.push(w);
        else unread.push(`${w.path}\t${w.message}`);
      }
      // Files listed as not read are part of the fingerprint: the warnings saved with the index name them.
      return corpusFingerprint(located.roots, entries, indexSalt(unread));
    })();
    walked.catch(() => undefined); // awaited below
    const hit = await openIndexCacheEarly(cacheFile, walked);
    const used = hit && (await service.importIndex(hit.lines));
    fingerprint = await walked;
    if (hit && used) {
      warnings.push(...hit.warnings.map((w) => warningLine(w, displayPath(w.path, req.cwd))));
      return { warnings: report(warnings), roots: located.roots };
    }
  }

  const files: DocumentInput[] = [];
  const readWarnings: SavedWarning[] = [];
  for await (const r of readCorpus(located.roots, { exclude: req.exclude })) {
    if (r.kind === 'file') {
      files.push(r.extracted ? { uri: r.uri, text: r.text, extracted: r.extracted } : { uri: r.uri, text: r.text });
      if (r.warning) readWarnings.push({ path: r.path, message: r.warning });
    } else {
      readWarnings.push({ path: r.path, message: r.message });
    }
  }
  const pool = AnalysisPool.forFiles(files.length);
  try {
    await service.upsertSources(files, pool && { analyse: pool.analyse });
  } finally {
    await pool?.close();
  }
  warnings.push(...readWarnings.map((w) => warningLine(w, displayPath(w.path, req.cwd))));
  if (fingerprint && files.length > 0) {
    await service.settled(); // the saved index carries the near-duplicate groups too
    const full = noRoomToSave();
    if (full) warnings.push(`${full} (give Node more heap: NODE_OPTIONS=--max-old-space-size=…)`);
    else await saveIndexCache(cacheFile, fingerprint, service.exportIndex(), readWarnings);
  }
  return { warnings: report(warnings), roots: located.roots };
}

function report(warnings: string[]): string[] {
  for (const w of warnings) process.stderr.write(`sourced: warning: ${w}\n`);
  return warnings;
}

function displayPath(abs: string, cwd: string): string {
  const rel = path.relative(cwd, abs);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : abs;
}

function pathMapper(cwd: string): PathOf {
  return (uri) => {
    if (!uri.startsWith('file:')) return uri;
    try {
      return displayPath(fileURLToPath(uri), cwd);
    } catch {
      return uri;
    }
  };
}

function write(s: string): Promise<void> {
  return new Promise((resolve) => {
    if (process.stdout.write(s)) resolve();
    else process.stdout.once('drain', () => resolve());
  });
}

limitHeapGrowth();
main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`sourced: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 2;
  },
);
