// Which corpus folders apply to a run: explicit folders, else a `sources/` or `corpus/` folder beside the
// draft (or in the nearest ancestor that has one), else the corpus bundled with the tool.

import { statSync } from 'node:fs';
import * as path from 'node:path';

export const CORPUS_DIR_NAMES = ['sources', 'corpus'];

export type CorpusOrigin = 'explicit' | 'nearby' | 'bundled' | 'none';

export interface LocatedCorpus {
  roots: string[];
  origin: CorpusOrigin;
}

export interface LocateOptions {
  /** `--corpus` folders as given (relative to cwd). */
  explicit: string[];
  /** Drafts being checked; with none, the search starts at cwd. */
  drafts: string[];
  cwd: string;
  /** Path of the running script (dist/cli.js, bin/sourced or server/src/cli/main.ts). */
  scriptPath?: string;
}

export function locateCorpus(opts: LocateOptions): LocatedCorpus {
  if (opts.explicit.length > 0) {
    return { roots: unique(opts.explicit.map((d) => path.resolve(opts.cwd, d))), origin: 'explicit' };
  }
  const starts = opts.drafts.length > 0 ? opts.drafts.map((d) => path.dirname(path.resolve(opts.cwd, d))) : [opts.cwd];
  const nearby: string[] = [];
  for (const start of starts) {
    const found = findNearbyCorpus(start);
    if (found) nearby.push(found);
  }
  if (nearby.length > 0) return { roots: unique(nearby), origin: 'nearby' };
  const bundled = opts.scriptPath ? findBundledCorpus(opts.scriptPath) : undefined;
  return bundled ? { roots: [bundled], origin: 'bundled' } : { roots: [], origin: 'none' };
}

/** The first `sources/` or `corpus/` folder in `dir` or its ancestors, up to the filesystem root. */
export function findNearbyCorpus(dir: string): string | undefined {
  let current = path.resolve(dir);
  while (true) {
    for (const name of CORPUS_DIR_NAMES) {
      const candidate = path.join(current, name);
      if (isDir(candidate)) return candidate;
    }
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

/**
 * The repository's `corpus/`: found from the running script by walking up to the folder holding
 * package.json (dist/cli.js → .., bin/sourced → .., server/src/cli/main.ts → ../../..).
 */
export function findBundledCorpus(scriptPath: string): string | undefined {
  let current = path.dirname(path.resolve(scriptPath));
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(current, 'corpus');
    if (isDir(candidate) && isFile(path.join(current, 'package.json'))) return candidate;
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  return undefined;
}

function unique(paths: string[]): string[] {
  return [...new Set(paths)];
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}
