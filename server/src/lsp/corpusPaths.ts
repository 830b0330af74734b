// Which folders form a workspace folder's corpus: `sourced.corpus.paths` relative to the folder, absolute,
// or glob patterns; with none found, the corpus bundled with the extension.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { findBundledCorpus as findScriptCorpus } from '../host/corpusLocator.ts';
import { escapeRegExp } from '../service/util/escapeRegExp.ts';

const GLOB_CHARS = /[*?[{]/;
/** Directory levels a `**` may descend (bounded so a pattern over a huge tree stays cheap). */
const MAX_GLOB_DEPTH = 8;
const MAX_GLOB_MATCHES = 1000;

export interface ResolvedCorpus {
  roots: string[];
  /** True when no configured path exists and the bundled corpus is used instead. */
  bundled: boolean;
  /** Configured folders left out because they lie outside an untrusted workspace folder. */
  refused: string[];
}

/**
 * With `trusted` false (VS Code workspace trust), settings come from a workspace that may be hostile:
 * configured paths may not reach outside the workspace folder (absolute, `~`, `..`, or via a symlink).
 */
export function resolveCorpusRoots(folderPath: string | undefined, configured: string[], bundledCorpus: string | undefined, trusted = true): ResolvedCorpus {
  const roots: string[] = [];
  const refused: string[] = [];
  const confine = trusted ? undefined : folderPath ? [realpath(folderPath)] : [];
  for (const raw of configured) {
    const p = expandHome(raw.trim());
    if (!p) continue;
    const absolute = path.isAbsolute(p) ? p : folderPath ? path.join(folderPath, p) : undefined;
    if (!absolute) continue;
    // Not even listed: a pattern whose fixed part already lies outside the folder.
    if (confine && !isUnder(globBase(absolute), confine) && !isUnder(realpath(globBase(absolute)), confine)) {
      refused.push(absolute);
      continue;
    }
    const found = GLOB_CHARS.test(p) ? expandGlob(absolute) : exists(absolute) ? [path.normalize(absolute)] : [];
    for (const root of found) {
      if (confine && !isUnder(realpath(root), confine)) refused.push(root);
      else roots.push(root);
    }
  }
  // Roots nested in another root would be read twice (corpus reading is recursive).
  const unique = [...new Set(roots)].filter((r, _i, all) => !all.some((o) => o !== r && isUnder(r, [o])));
  if (unique.length > 0) return { roots: unique, bundled: false, refused };
  return { roots: bundledCorpus && exists(bundledCorpus) ? [bundledCorpus] : [], bundled: true, refused };
}

function realpath(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

/** True when `file` lies inside one of `roots` (or is one of them). */
export function isUnder(file: string, roots: string[]): boolean {
  return roots.some((root) => {
    const rel = path.relative(root, file);
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
  });
}

/** The corpus shipped with the extension (the client passes its path), else the one next to the script. */
export function findBundledCorpus(hint: unknown): string | undefined {
  if (typeof hint === 'string' && exists(hint)) return hint;
  return process.argv[1] ? findScriptCorpus(process.argv[1]) : undefined;
}

function expandHome(p: string): string {
  const home = process.env.HOME ?? process.env.USERPROFILE;
  return home && (p === '~' || p.startsWith('~/')) ? path.join(home, p.slice(1)) : p;
}

function exists(p: string): boolean {
  try {
    fs.statSync(p);
    return true;
  } catch {
    return false;
  }
}

/** The folder a pattern starts from: its path up to the first segment with a glob character. */
function globBase(pattern: string): string {
  return splitGlob(pattern).base;
}

function splitGlob(pattern: string): { base: string; parts: string[]; i: number } {
  const parts = path.normalize(pattern).split(path.sep);
  let base = parts[0] === '' ? path.sep : parts[0];
  let i = 1;
  while (i < parts.length && !GLOB_CHARS.test(parts[i])) base = path.join(base, parts[i++]);
  return { base, parts, i };
}

/** Glob over path segments: `*`, `?`, `[…]`, `{a,b}` within a segment, `**` across segments. */
export function expandGlob(pattern: string): string[] {
  const { base, parts, i } = splitGlob(pattern);
  const segments = parts.slice(i).map((s) => (s === '**' ? s : segmentRegex(s)));
  const out: string[] = [];
  walk(base, segments, 0, out);
  return out;
}

function walk(dir: string, segments: Array<RegExp | '**'>, depth: number, out: string[]): void {
  if (out.length >= MAX_GLOB_MATCHES) return;
  if (segments.length === 0) {
    if (exists(dir)) out.push(dir);
    return;
  }
  const [head, ...rest] = segments;
  if (head === '**') {
    walk(dir, rest, depth, out);
    if (depth >= MAX_GLOB_DEPTH) return;
    for (const entry of listDirs(dir)) walk(path.join(dir, entry.name), segments, depth + 1, out);
    return;
  }
  for (const entry of list(dir)) {
    if (!head.test(entry.name)) continue;
    const child = path.join(dir, entry.name);
    if (rest.length === 0) out.push(child);
    else if (entry.isDirectory() || entry.isSymbolicLink()) walk(child, rest, depth + 1, out);
  }
}

function list(dir: string): fs.Dirent[] {
  try {
    return fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

function listDirs(dir: string): fs.Dirent[] {
  return list(dir).filter((e) => e.isDirectory() && !e.name.startsWith('.') && e.name !== 'node_modules');
}

function segmentRegex(segment: string): RegExp {
  let re = '';
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i];
    if (c === '*') re += '[^/\\\\]*';
    else if (c === '?') re += '[^/\\\\]';
    else if (c === '[') {
      const close = segment.indexOf(']', i + 1);
      if (close < 0) re += '\\[';
      else {
        re += `[${segment.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else if (c === '{') {
      const close = segment.indexOf('}', i + 1);
      if (close < 0) re += '\\{';
      else {
        re += `(?:${segment.slice(i + 1, close).split(',').map(escapeRegExp).join('|')})`;
        i = close;
      }
    } else re += escapeRegExp(c);
  }
  return new RegExp(`^${re}$`);
}
