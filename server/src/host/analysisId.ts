// Which analysis code wrote a saved index. The index stores what the analysis found (sentences, names and
// their kinds, figures), so an index written by other code would answer with its old findings: caches and
// the archive's rows are keyed by this id. A bundle (dist/*.js) carries the hash of its inputs that can
// change what is analysed or stored (written into it by esbuild.mjs: not the checker, hovers, reports or
// editor glue, so a release changing only those keeps every saved index and archive); run from source
// (tsx), the service's and the format extractors' source files are hashed.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

function hashFiles(files: string[], base: string): string {
  const h = createHash('sha256');
  for (const f of files) h.update(`${path.relative(base, f)}\n`).update(readFileSync(f));
  return h.digest('hex').slice(0, 16);
}

/** Set by the bundler (esbuild.mjs); undeclared when run from source. */
declare const __SOURCED_ANALYSIS_ID__: string | undefined;

function compute(): string {
  if (typeof __SOURCED_ANALYSIS_ID__ === 'string') return __SOURCED_ANALYSIS_ID__;
  try {
    if (__filename.endsWith('.js')) return hashFiles([__filename], path.dirname(__filename));
    // The service's analysis, and the extractors whose text the index stores (web pages, PDFs, …).
    const service = path.join(__dirname, '..', 'service');
    const files = [service, path.join(__dirname, 'formats')]
      .flatMap((dir) => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.ts')).map((e) => path.join(e.parentPath, e.name)))
      .sort();
    return hashFiles(files, service);
  } catch {
    return 'unknown';
  }
}

let id: string | undefined;

/** Computed once, when a cache is first looked up. */
export function analysisId(): string {
  return (id ??= compute());
}
