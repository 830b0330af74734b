// On-disk cache of the service's exported index, valid while the corpus files are unchanged (same paths,
// sizes and modification times). Written atomically so a crash mid-write leaves the previous cache usable.

import { createHash, randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CorpusEntry } from './corpusFiles.ts';

/** Bump when the cache file layout changes. */
const CACHE_FORMAT = 1;

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
  length: number;
  warnings?: string[];
}

// Layout: one JSON header line, then the index JSON verbatim (no re-escaping of a large string).
export async function saveIndexCache(cacheFile: string, fingerprint: string, json: string, warnings: string[] = []): Promise<boolean> {
  const header: CacheHeader = { format: CACHE_FORMAT, fingerprint, length: json.length, warnings };
  const dir = path.dirname(cacheFile);
  const tmp = path.join(dir, `.${path.basename(cacheFile)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await fsp.mkdir(dir, { recursive: true });
    await fsp.writeFile(tmp, `${JSON.stringify(header)}\n${json}`, 'utf8');
    await fsp.rename(tmp, cacheFile);
    return true;
  } catch {
    await fsp.rm(tmp, { force: true }).catch(() => undefined);
    return false;
  }
}

/** The cached index JSON and the corpus warnings recorded with it, or undefined if stale or damaged. */
export async function loadIndexCacheEntry(cacheFile: string, fingerprint: string): Promise<{ json: string; warnings: string[] } | undefined> {
  let text: string;
  try {
    text = await fsp.readFile(cacheFile, 'utf8');
  } catch {
    return undefined;
  }
  const nl = text.indexOf('\n');
  if (nl < 0) return undefined;
  let header: CacheHeader;
  try {
    header = JSON.parse(text.slice(0, nl)) as CacheHeader;
  } catch {
    return undefined;
  }
  if (header?.format !== CACHE_FORMAT || header.fingerprint !== fingerprint) return undefined;
  const json = text.slice(nl + 1);
  if (json.length !== header.length) return undefined;
  const warnings = Array.isArray(header.warnings) ? header.warnings.filter((w) => typeof w === 'string') : [];
  return { json, warnings };
}

export async function loadIndexCache(cacheFile: string, fingerprint: string): Promise<string | undefined> {
  return (await loadIndexCacheEntry(cacheFile, fingerprint))?.json;
}
