// Reads corpus folders from disk for the service: recursive walk, encoding detection, and a warning
// (never an exception) for every file that cannot be used, so one bad file never stops indexing.

import { promises as fsp, type Dirent, type Stats } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ExtractedSource } from '../service/types.ts';
import { decodeText } from './textDecoding.ts';
import { EXTRACTED_FILE, SOURCE_EXTENSIONS, SOURCE_FILE, extractSource, unreadReason } from './formats/sourceFormats.ts';

export { decodeText } from './textDecoding.ts';

export type CorpusFileResult =
  | { kind: 'file'; uri: string; path: string; text: string; warning?: string; size: number; mtimeMs: number; extracted?: ExtractedSource }
  | { kind: 'warning'; path: string; message: string };

export interface CorpusEntry {
  path: string;
  size: number;
  mtimeMs: number;
}

export type WalkResult = ({ kind: 'entry' } & CorpusEntry) | { kind: 'warning'; path: string; message: string };

export interface ReadCorpusOptions {
  signal?: AbortSignal;
  /** Files larger than this are skipped with a warning (default 20 MB). */
  maxFileBytes?: number;
  /** Real paths to leave out (the drafts being checked, when they sit inside the corpus). */
  exclude?: ReadonlySet<string>;
  /**
   * Real paths of the only folders files may come from (an untrusted workspace): a symlink inside the
   * corpus that leads elsewhere is skipped with a warning.
   */
  confineTo?: readonly string[];
}

/** Files Sourced reads: text and Markdown, web pages, PDFs, Word documents, transcripts. */
export const CORPUS_FILE = SOURCE_FILE;
const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
const READ_AHEAD = 16;
/** Folder entries stat-ed at once while walking. */
const STAT_AHEAD = 64;
const BLANK = /^[\s\u200b\ufeff]*$/;

/** Lists corpus files (stat only, no reading) in a stable order, following symlinks without looping. */
export async function* walkCorpus(roots: string[], opts: ReadCorpusOptions = {}): AsyncGenerator<WalkResult> {
  const seenDirs = new Set<string>();
  const seenFiles = new Set<string>();
  for (const root of roots) {
    if (opts.signal?.aborted) return;
    const abs = path.resolve(root);
    let st: Stats;
    try {
      st = await fsp.stat(abs);
    } catch (err) {
      yield { kind: 'warning', path: abs, message: code(err) === 'ENOENT' ? 'corpus folder not found' : `cannot open corpus folder (${describe(err)})` };
      continue;
    }
    if (st.isFile()) {
      const entry = fileEntry(abs, await fsp.realpath(abs).catch(() => abs), st, seenFiles, opts);
      if (entry) yield entry;
      continue;
    }
    let count = 0;
    for await (const r of walkDir(abs, seenDirs, seenFiles, opts)) {
      if (r.kind === 'entry') count++;
      yield r;
    }
    if (count === 0 && !opts.signal?.aborted) {
      yield { kind: 'warning', path: abs, message: `corpus folder has no ${SOURCE_EXTENSIONS} files` };
    }
  }
}

async function* walkDir(dir: string, seenDirs: Set<string>, seenFiles: Set<string>, opts: ReadCorpusOptions): AsyncGenerator<WalkResult> {
  let real: string;
  try {
    real = await fsp.realpath(dir);
  } catch (err) {
    yield { kind: 'warning', path: dir, message: `cannot open folder (${describe(err)})` };
    return;
  }
  if (seenDirs.has(real)) return; // symlink loop or a folder reached twice
  seenDirs.add(real);
  if (opts.confineTo && !within(real, opts.confineTo)) {
    yield { kind: 'warning', path: dir, message: OUTSIDE };
    return;
  }
  let dirents: Dirent[];
  try {
    dirents = (await fsp.readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (err) {
    yield { kind: 'warning', path: dir, message: `cannot list folder (${describe(err)})` };
    return;
  }
  // Stats of a folder's entries run in parallel batches (one at a time left the walk of a 2,000-file corpus
  // mostly waiting); results are used in name order. A plain file's real path is its real folder's plus
  // its name: only symlinks (and entries of unknown type) need a realpath.
  for (let i = 0; i < dirents.length; i += STAT_AHEAD) {
    if (opts.signal?.aborted) return;
    const batch = dirents.slice(i, i + STAT_AHEAD).filter((d) => !d.name.startsWith('.') && d.name !== 'node_modules');
    const fulls = batch.map((d) => path.join(dir, d.name));
    const plain = batch.map((d) => d.isFile() || d.isDirectory());
    const wanted = batch.map((d, k) => !plain[k] || (d.isFile() && CORPUS_FILE.test(d.name)));
    const stats = await Promise.all(fulls.map((full, k) => (wanted[k] ? fsp.stat(full).then((st) => st, (err: unknown) => ({ err })) : undefined))); // follows symlinks
    const reals = await Promise.all(
      fulls.map((full, k) => {
        const st = stats[k];
        if (!st || 'err' in st || !st.isFile() || !CORPUS_FILE.test(batch[k].name)) return undefined;
        return plain[k] ? path.join(real, batch[k].name) : fsp.realpath(full).catch(() => full); // else the read reports it
      }),
    );
    for (let k = 0; k < batch.length; k++) {
      if (opts.signal?.aborted) return;
      const name = batch[k].name;
      const full = fulls[k];
      const st = stats[k];
      if (!st) {
        if (batch[k].isDirectory()) yield* walkDir(full, seenDirs, seenFiles, opts);
        else if (batch[k].isFile()) yield { kind: 'warning', path: full, message: unreadReason(full) };
        continue;
      }
      if ('err' in st) {
        // A dangling symlink or a file deleted since the listing.
        if (CORPUS_FILE.test(name)) yield { kind: 'warning', path: full, message: `skipped (${describe(st.err)})` };
        continue;
      }
      if (st.isDirectory()) {
        yield* walkDir(full, seenDirs, seenFiles, opts);
      } else if (st.isFile() && CORPUS_FILE.test(name)) {
        const entry = fileEntry(full, reals[k] ?? full, st, seenFiles, opts);
        if (entry) yield entry;
      } else if (st.isFile()) {
        yield { kind: 'warning', path: full, message: unreadReason(full) }; // a symlink to a file of another kind
      } else if (CORPUS_FILE.test(name)) {
        // A pipe or device named like an article: reading it could block forever.
        yield { kind: 'warning', path: full, message: 'skipped: not a regular file' };
      }
    }
  }
}

function fileEntry(file: string, real: string, st: Stats, seenFiles: Set<string>, opts: ReadCorpusOptions): WalkResult | undefined {
  if (seenFiles.has(real) || opts.exclude?.has(real)) return undefined;
  seenFiles.add(real);
  if (opts.confineTo && !within(real, opts.confineTo)) return { kind: 'warning', path: file, message: OUTSIDE };
  return { kind: 'entry', path: file, size: st.size, mtimeMs: st.mtimeMs };
}

/** Walks `roots` and reads every corpus file, decoded to a string, in a stable order. */
export async function* readCorpus(roots: string[], opts: ReadCorpusOptions = {}): AsyncGenerator<CorpusFileResult> {
  const maxBytes = opts.maxFileBytes ?? DEFAULT_MAX_BYTES;
  // Reads run a few files ahead of the consumer; results still come out in walk order.
  const pending: Array<Promise<CorpusFileResult>> = [];
  for await (const w of walkCorpus(roots, opts)) {
    if (opts.signal?.aborted) return;
    pending.push(w.kind === 'warning' ? Promise.resolve(w) : readOne(w, maxBytes));
    if (pending.length >= READ_AHEAD) yield await pending.shift()!;
  }
  while (pending.length) {
    if (opts.signal?.aborted) return;
    yield await pending.shift()!;
  }
}

async function readOne(entry: CorpusEntry, maxBytes: number): Promise<CorpusFileResult> {
  const file = entry.path;
  if (entry.size > maxBytes) {
    return { kind: 'warning', path: file, message: `skipped: ${formatBytes(entry.size)} is over the ${formatBytes(maxBytes)} limit` };
  }
  let buf: Buffer;
  try {
    buf = await fsp.readFile(file);
  } catch (err) {
    return { kind: 'warning', path: file, message: `skipped (${describe(err)})` };
  }
  if (buf.length > maxBytes) {
    return { kind: 'warning', path: file, message: `skipped: ${formatBytes(buf.length)} is over the ${formatBytes(maxBytes)} limit` };
  }
  if (EXTRACTED_FILE.test(file)) {
    // Web pages, PDFs, Word documents, transcripts: the extracted text is bounded by the same limit.
    const got = await extractSource(file, buf, maxBytes);
    if ('skip' in got) return { kind: 'warning', path: file, message: got.skip };
    if (BLANK.test(got.text)) return { kind: 'warning', path: file, message: 'skipped: no text' };
    const base = { kind: 'file' as const, uri: pathToFileURL(file).href, path: file, text: got.text, size: entry.size, mtimeMs: entry.mtimeMs, extracted: got.extracted };
    return got.warning ? { ...base, warning: got.warning } : base;
  }
  const decoded = decodeText(buf);
  if ('binary' in decoded) return { kind: 'warning', path: file, message: 'skipped: looks like a binary file' };
  // An empty article would index silently as nothing; say so (often a failed download or a truncated copy).
  if (BLANK.test(decoded.text)) return { kind: 'warning', path: file, message: 'skipped: empty file' };
  const base = { kind: 'file' as const, uri: pathToFileURL(file).href, path: file, text: decoded.text, size: entry.size, mtimeMs: entry.mtimeMs };
  return decoded.warning ? { ...base, warning: decoded.warning } : base;
}

const OUTSIDE = 'skipped: leads outside the workspace, which is not trusted';

function within(real: string, folders: readonly string[]): boolean {
  return folders.some((f) => {
    const rel = path.relative(f, real);
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
  });
}

function code(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : undefined;
}

function describe(err: unknown): string {
  switch (code(err)) {
    case 'ENOENT':
      return 'file not found; deleted while indexing?';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ELOOP':
      return 'symbolic link loop';
    default:
      return err instanceof Error ? err.message : String(err);
  }
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}
