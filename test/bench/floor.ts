// The floor: the least work any checker must do with a corpus. Reads every article and splits it into
// sentences (Intl.Segmenter) and words (a regular expression), nothing else. Measured in the same process
// as a size's other figures, so the bench can print each time as a ratio to it: ratios compare across
// machines (and across a machine's load) where absolute times do not.

import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { CliResult } from './cliCheck.ts';
import type { EditorResult } from './editorFirst.ts';
import type { SizeResult } from './measure.ts';

export interface FloorResult {
  /** Best of the timed runs (after one warm-up run), in milliseconds. */
  ms: number;
  /** Every timed run, in order. */
  samples: number[];
  articles: number;
  sentences: number;
  words: number;
}

const ARTICLE_EXTENSIONS = new Set(['.txt', '.md']);
const WORD_RE = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

function articlePaths(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (e.name.startsWith('.')) continue;
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && ARTICLE_EXTENSIONS.has(extname(e.name).toLowerCase())) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** One pass over the corpus: list it, read each file, count its sentences and words. */
function onePass(dir: string): Omit<FloorResult, 'ms' | 'samples'> {
  const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
  let articles = 0;
  let sentences = 0;
  let words = 0;
  for (const path of articlePaths(dir)) {
    const text = readFileSync(path, 'utf8');
    articles++;
    for (const s of segmenter.segment(text)) {
      sentences++;
      const m = s.segment.match(WORD_RE);
      words += m ? m.length : 0;
    }
  }
  return { articles, sentences, words };
}

/** Best of `runs` passes, after one untimed warm-up pass (JIT, ICU data, the OS file cache). */
export function measureFloor(dir: string, runs: number): FloorResult {
  onePass(dir);
  const samples: number[] = [];
  let counts = { articles: 0, sentences: 0, words: 0 };
  for (let r = 0; r < Math.max(1, runs); r++) {
    const t0 = performance.now();
    counts = onePass(dir);
    samples.push(performance.now() - t0);
  }
  return { ms: Math.min(...samples), samples, ...counts };
}

/** A time as a multiple of the floor, e.g. "14.6×" (small ratios keep two significant digits). */
export function formatRatio(ratio: number): string {
  if (!Number.isFinite(ratio)) return 'n/a';
  if (ratio >= 10) return `${ratio.toFixed(1)}×`;
  if (ratio >= 0.1) return `${ratio.toFixed(2)}×`;
  return `${ratio.toPrecision(2)}×`;
}

/** Each time-like figure divided by the floor of the same run (absent when its figure is). */
export interface FloorRatios {
  coldIndex?: number;
  coldIndexMedian?: number;
  reload?: number;
  firstCheck?: number;
  checkMedian?: number;
  recheck?: number;
  hover?: number;
  completion?: number;
  cliCold?: number;
  cliWarm?: number;
  /** A fresh language server's first diagnostics of the draft, with no saved index and with one. */
  editorFirstCold?: number;
  editorFirstWarm?: number;
}

/** A size's figures with the floor measured in its process, the CLI's times (BBC) and the ratios. */
export type BenchResult = SizeResult & { floor?: FloorResult; cli?: CliResult; editor?: EditorResult; ratios?: FloorRatios };

export function floorRatios(r: BenchResult): FloorRatios | undefined {
  const floor = r.floor?.ms;
  if (!floor || !(floor > 0)) return undefined;
  const of = (ms: number | undefined) => (ms === undefined || !Number.isFinite(ms) ? undefined : ms / floor);
  return {
    coldIndex: of(r.index.totalMs),
    coldIndexMedian: of(r.coldRuns?.median),
    reload: of(r.reload?.median),
    firstCheck: of(r.check?.first),
    checkMedian: of(r.check?.median),
    recheck: of(r.recheck?.median),
    hover: of(r.hover?.median),
    completion: of(r.completion?.median),
    cliCold: of(r.cli?.cold.ms),
    cliWarm: of(r.cli?.warm.ms),
    editorFirstCold: of(r.editor?.cold.firstMs),
    editorFirstWarm: of(r.editor?.warm.firstMs),
  };
}
