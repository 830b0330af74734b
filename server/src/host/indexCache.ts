// On-disk cache of the service's exported index, valid while the corpus files are unchanged (same paths,
// sizes and modification times). Written atomically so a crash mid-write leaves the previous cache usable.

import { createHash, randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { analysisId } from './analysisId.ts';
import type { CorpusEntry } from './corpusFiles.ts';

/** Bump when the cache file layout changes. */
const CACHE_FORMAT = 3;

/** A corpus file read with a warning, or not read: saved with the index, reported again when it is used. */
export interface SavedWarning {
  /** The file's absolute path (each reader shows it its own way: the CLI relative to where it runs). */
  path: string;
  message: string;
}

/** A saved warning as a line for a writer, its path shown as given (the CLI's relative to its cwd). */
export function warningLine(w: SavedWarning, shownPath = w.path): string {
  return `${shownPath}: ${w.message}`;
}

/**
 * What a saved index depends on besides its files: the analysis code that wrote it and the files not
 * read (the warnings saved with it name them). The same for the command line and the language server, so
 * either uses the index the other saved; nothing about the drafts being checked belongs here (a draft
 * inside a corpus folder, left out of its index, is already missing from the walked files).
 */
export function indexSalt(unread: readonly string[]): string {
  return `${analysisId()}\n${unread.join('\n')}`;
}

/** A hash of the roots and every corpus file's path, size and mtime. */
export function corpusFingerprint(roots: string[], files: Iterable<CorpusEntry>, salt = ''): string {
  const h = createHash('sha256');
  h.update(`sourced-cache ${CACHE_FORMAT}\n${salt}\n`);
  for (const r of roots) h.update(`root\t${path.resolve(r)}\n`);
  for (const f of files) h.update(`${f.path}\t${f.size}\t${Math.round(f.mtimeMs)}\n`);
  return h.digest('hex');
}

export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.join(os.homedir(), '.cache');
  return path.join(base, 'sourced');
}

/** Cache file for a set of roots: one file per corpus, named by a hash of the roots. */
export function defaultCacheFile(roots: string[], dir = defaultCacheDir()): string {
  const key = createHash('sha256')
    .update([...roots].map((r) => path.resolve(r)).sort().join('\n'))
    .digest('hex')
    .slice(0, 24);
  return path.join(dir, `index-${key}.json`);
}

interface CacheHeader {
  format: number;
  fingerprint: string;
  warnings?: SavedWarning[];
}

/** Share of the heap cap in use above which the index is not saved: writing it out makes about half the
 *  live heap again in short-lived objects, and running out of heap ends the process (100,000 articles
 *  under the editor's 1.5 GB cap did, saving after the cold index). */
const SAVE_HEAP_SHARE = 0.7;

/** Why the index should not be saved now (too close to the heap cap), or undefined when there is room. */
export function noRoomToSave(heap: Pick<ReturnType<typeof getHeapStatistics>, 'used_heap_size' | 'heap_size_limit'> = getHeapStatistics()): string | undefined {
  if (heap.used_heap_size < SAVE_HEAP_SHARE * heap.heap_size_limit) return undefined;
  const mb = (x: number) => Math.round(x / 1048576);
  return `the index was not saved to disk: it uses ${mb(heap.used_heap_size)} MB of the ${mb(heap.heap_size_limit)} MB memory cap, too close to it to save safely; it will be built again on the next start`;
}

/** Bytes gathered before each write while saving. */
const WRITE_CHUNK = 1 << 20;

// Layout: one JSON header line, then the service's index lines. The service's last line marks a whole
// index, so a truncated file is refused when it is read.
export async function saveIndexCache(cacheFile: string, fingerprint: string, lines: string | Iterable<string>, warnings: SavedWarning[] = []): Promise<boolean> {
  const header: CacheHeader = { format: CACHE_FORMAT, fingerprint, warnings };
  const dir = path.dirname(cacheFile);
  const tmp = path.join(dir, `.${path.basename(cacheFile)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let file: fsp.FileHandle | undefined;
  try {
    await fsp.mkdir(dir, { recursive: true });
    file = await fsp.open(tmp, 'w');
    let pending: string[] = [JSON.stringify(header)];
    let size = 0;
    for (const line of typeof lines === 'string' ? [lines] : lines) {
      pending.push(line);
      size += line.length;
      if (size >= WRITE_CHUNK) {
        await file.write(pending.join('\n') + '\n');
        pending = [];
        size = 0;
      }
    }
    if (pending.length) await file.write(pending.join('\n') + '\n');
    await file.close();
    file = undefined;
    await fsp.rename(tmp, cacheFile);
    await removeOrphans(dir, path.basename(cacheFile));
    return true;
  } catch {
    await file?.close().catch(() => undefined);
    await fsp.rm(tmp, { force: true }).catch(() => undefined);
    return false;
  }
}

/** Removes the temp files of saves of `base` by processes that died mid-write (killed, or the machine
 *  stopped): each holds up to a whole index. A live process's temp file (a save under way) is left. */
async function removeOrphans(dir: string, base: string): Promise<void> {
  const prefix = `.${base}.`;
  const names = await fsp.readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const pid = Number(name.slice(prefix.length).split('.')[0]);
    if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || isRunning(pid)) continue;
    await fsp.rm(path.join(dir, name), { force: true }).catch(() => undefined);
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: a process of another user has it.
    return (err as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/** Bytes read at a time when loading: few, large reads (a stream's 64 KB reads and pauses left the loader
 *  idle for a tenth of its time). */
const READ_CHUNK = 8 << 20;

/** Lines of an open file, decoded one at a time; closes the file when done or abandoned. */
async function* readLines(file: fsp.FileHandle): AsyncGenerator<string> {
  try {
    const buf = Buffer.allocUnsafe(READ_CHUNK);
    // The unfinished line's pieces, joined once its end is read (joining the whole carry with each new
    // chunk would copy every chunk twice).
    let carry: Buffer[] = [];
    for (;;) {
      const { bytesRead } = await file.read(buf, 0, READ_CHUNK, null);
      if (bytesRead === 0) break;
      const data = buf.subarray(0, bytesRead);
      let start = 0;
      for (let nl = data.indexOf(10, start); nl >= 0; nl = data.indexOf(10, start)) {
        if (carry.length) {
          carry.push(data.subarray(start, nl));
          yield Buffer.concat(carry).toString('utf8');
          carry = [];
        } else {
          yield data.toString('utf8', start, nl);
        }
        start = nl + 1;
      }
      if (start < data.length) carry.push(Buffer.from(data.subarray(start))); // buf is reused
    }
    if (carry.length) yield Buffer.concat(carry).toString('utf8');
  } finally {
    await file.close().catch(() => undefined);
  }
}

/** The cache file's lines after its header, and the header, or undefined if the file is missing or not a
 *  cache of this format. */
async function openCache(cacheFile: string): Promise<{ lines: AsyncGenerator<string>; header: CacheHeader; warnings: SavedWarning[] } | undefined> {
  let file: fsp.FileHandle;
  try {
    file = await fsp.open(cacheFile, 'r');
  } catch {
    return undefined;
  }
  const lines = readLines(file);
  try {
    const first = await lines.next();
    if (first.done) throw new Error('empty');
    const header = JSON.parse(first.value) as CacheHeader;
    if (header?.format !== CACHE_FORMAT || typeof header.fingerprint !== 'string') throw new Error('not ours');
    const warnings = Array.isArray(header.warnings)
      ? header.warnings.filter((w) => typeof w?.path === 'string' && typeof w.message === 'string').map((w) => ({ path: w.path, message: w.message }))
      : [];
    return { lines, header, warnings };
  } catch {
    await lines.return(undefined);
    return undefined;
  }
}

/** The cached index (its lines, read as they are consumed) and the corpus warnings recorded with it, or
 *  undefined if the cache is missing, stale or not ours. A damaged body is caught by the service. */
export async function loadIndexCacheEntry(cacheFile: string, fingerprint: string): Promise<{ lines: AsyncIterable<string>; warnings: SavedWarning[] } | undefined> {
  const open = await openCache(cacheFile);
  if (open && open.header.fingerprint !== fingerprint) {
    await open.lines.return(undefined);
    return undefined;
  }
  return open && { lines: open.lines, warnings: open.warnings };
}

/** As `loadIndexCacheEntry`, but read while the fingerprint is still being worked out (the corpus being
 *  walked): the lines stop, with an error, as soon as the fingerprint turns out to differ from the saved
 *  one, and the last line (which completes the index) comes only once it is known to match. */
export async function openIndexCacheEarly(cacheFile: string, fingerprint: Promise<string>): Promise<{ lines: AsyncIterable<string>; warnings: SavedWarning[] } | undefined> {
  const open = await openCache(cacheFile);
  if (!open) return undefined;
  const { lines, header } = open;
  let known: string | undefined;
  fingerprint.then((f) => (known = f), () => undefined);
  const saved = header.fingerprint;
  const stale = () => new Error('the corpus changed since the index was saved');
  async function* checked(): AsyncGenerator<string> {
    let held: string | undefined;
    try {
      for (;;) {
        const r = await lines.next();
        if (r.done) break;
        if (known !== undefined && known !== saved) throw stale();
        if (held !== undefined) yield held;
        held = r.value;
      }
      if ((await fingerprint) !== saved) throw stale();
      if (held !== undefined) yield held;
    } finally {
      await lines.return(undefined);
    }
  }
  return { lines: checked(), warnings: open.warnings };
}

/** The cached body as one string (small caches and tests). */
export async function loadIndexCache(cacheFile: string, fingerprint: string): Promise<string | undefined> {
  const entry = await loadIndexCacheEntry(cacheFile, fingerprint);
  if (!entry) return undefined;
  const lines: string[] = [];
  for await (const line of entry.lines) lines.push(line);
  return lines.join('\n');
}
