// The benchmark's table: one row per metric, one column per corpus size, pass/fail next to targets.

import { type BenchResult, type FloorRatios, formatRatio } from './floor.ts';
import { formatBytes, formatMs } from './stats.ts';

export interface Target {
  metric: string;
  /** Human-readable target, e.g. "< 5 s". */
  text: string;
  pass: boolean;
}

/** One line of a table: a label, an optional target, and each result's cell (pass/fail when targeted). */
export interface Row<R = BenchResult> {
  label: string;
  target?: string;
  cell(r: R): { text: string; pass?: boolean } | undefined;
}

interface Sized {
  size: string;
}

const GB = 1024 ** 3;
const isLarge = (r: BenchResult) => r.size === '50000' || r.files >= 40_000;
/** The memory target is set at 50,000 articles (larger corpora are reported, not judged). */
const isFiftyK = (r: BenchResult) => r.size === '50000' || (r.files >= 40_000 && r.files < 75_000);
const latencyTarget = (r: BenchResult) => (isLarge(r) ? 20 : 10);
/** " = 9.8× floor" after a time, when the run measured a floor. */
const ratio = (r: BenchResult, key: keyof FloorRatios) => {
  const v = r.ratios?.[key];
  return v === undefined ? '' : ` = ${formatRatio(v)} floor`;
};

const rows: Row[] = [
  { label: 'articles / sentences', cell: (r) => ({ text: `${r.articles} / ${r.sentences}` }) },
  { label: 'entities', cell: (r) => ({ text: String(r.entities) }) },
  { label: 'floor (read + split, best)', cell: (r) => (r.floor ? { text: `${formatMs(r.floor.ms)} (${r.floor.words} words)` } : undefined) },
  { label: 'cold index (read+upsert)', target: 'bbc < 5 s', cell: (r) => ({ text: `${formatMs(r.index.totalMs)}${ratio(r, 'coldIndex')}`, pass: r.size === 'bbc' && !r.coldRuns ? r.index.totalMs < 5000 : undefined }) },
  {
    label: 'cold index median / p95',
    target: 'bbc < 5 s',
    cell: (r) => (r.coldRuns ? { text: `${formatMs(r.coldRuns.median)}${ratio(r, 'coldIndexMedian')} / ${formatMs(r.coldRuns.p95)} (${r.coldRuns.n} runs)`, pass: r.size === 'bbc' ? r.coldRuns.median < 5000 : undefined } : undefined),
  },
  { label: '  of which read (host)', cell: (r) => ({ text: `${formatMs(r.index.readMs)}${r.viaHost ? '' : ' (no host)'}` }) },
  { label: '  of which upsertSources', cell: (r) => ({ text: formatMs(r.index.upsertMs) }) },
  { label: 'index size (exportIndex)', cell: (r) => (r.export ? { text: formatBytes(r.export.bytes) } : undefined) },
  { label: 'exportIndex time', cell: (r) => (r.export ? { text: formatMs(r.export.ms) } : undefined) },
  {
    label: 'reload (importIndex) median',
    target: 'bbc < 0.5 s',
    cell: (r) => (r.reload ? { text: `${formatMs(r.reload.median)}${ratio(r, 'reload')}${r.reload.ok ? '' : ' (not ok)'}`, pass: r.size === 'bbc' ? r.reload.ok && r.reload.median < 500 : undefined } : undefined),
  },
  { label: 'peak RSS while indexing', target: '50k ≤ 1.0 GB', cell: (r) => ({ text: formatBytes(r.memory.peakRssSampled), pass: isFiftyK(r) ? r.memory.peakRssSampled <= GB : undefined }) },
  { label: 'max RSS (whole run)', cell: (r) => ({ text: formatBytes(r.memory.maxRss) }) },
  { label: 'heap used after index', cell: (r) => ({ text: formatBytes(r.memory.afterIndex.heapUsed) }) },
  {
    label: 'index time while probed',
    cell: (r) => (r.responsiveness ? { text: `${formatMs(r.responsiveness.indexMs)}${r.responsiveness.cancelled ? ` (cancelled at ${r.responsiveness.filesIndexed} files)` : ''}` } : undefined),
  },
  { label: 'responsiveness p95', cell: (r) => (r.responsiveness ? { text: `${formatMs(r.responsiveness.p95)} (n=${r.responsiveness.n})` } : undefined) },
  {
    label: 'responsiveness max',
    target: '< 200 ms',
    cell: (r) => (r.responsiveness ? { text: formatMs(r.responsiveness.max), pass: r.responsiveness.n > 0 && r.responsiveness.max < 200 } : undefined),
  },
  { label: 'checkDocument 2k words first', cell: (r) => (r.check ? { text: `${formatMs(r.check.first)}${ratio(r, 'firstCheck')}` } : undefined) },
  { label: 'checkDocument median / p95', cell: (r) => (r.check ? { text: `${formatMs(r.check.median)} / ${formatMs(r.check.p95)}` } : undefined) },
  { label: 're-check after edit median', target: '< 100 ms', cell: (r) => (r.recheck ? { text: `${formatMs(r.recheck.median)}${ratio(r, 'recheck')}`, pass: r.recheck.median < 100 } : undefined) },
  { label: 're-check after edit p95', cell: (r) => (r.recheck ? { text: formatMs(r.recheck.p95) } : undefined) },
  { label: 'hover median', target: '< 10 ms (50k < 20)', cell: (r) => (r.hover ? { text: `${formatMs(r.hover.median)}${ratio(r, 'hover')}`, pass: r.hover.median < latencyTarget(r) } : undefined) },
  { label: 'hover p95', cell: (r) => (r.hover ? { text: formatMs(r.hover.p95) } : undefined) },
  { label: 'hover answered', cell: (r) => (r.hover ? { text: `${r.hover.answered}/${r.hover.positions}` } : undefined) },
  { label: 'completion median', target: '< 10 ms (50k < 20)', cell: (r) => (r.completion ? { text: `${formatMs(r.completion.median)}${ratio(r, 'completion')}`, pass: r.completion.median < latencyTarget(r) } : undefined) },
  { label: 'completion p95', cell: (r) => (r.completion ? { text: formatMs(r.completion.p95) } : undefined) },
  { label: 'completion with items', cell: (r) => (r.completion ? { text: `${r.completion.withItems}/${r.completion.prefixes}` } : undefined) },
  { label: 'completion, cards inline med/p95', cell: (r) => (r.completionEager ? { text: `${formatMs(r.completionEager.median)} / ${formatMs(r.completionEager.p95)}` } : undefined) },
  {
    label: 'CLI check --no-cache (best)',
    target: 'bbc ≤ 6× floor',
    cell: (r) => (r.cli ? { text: `${formatMs(r.cli.cold.ms)}${ratio(r, 'cliCold')}`, pass: r.size === 'bbc' && r.ratios?.cliCold !== undefined ? r.ratios.cliCold <= 6 : undefined } : undefined),
  },
  {
    label: 'CLI check, saved index (best)',
    target: 'bbc ≤ 3× floor',
    cell: (r) => (r.cli ? { text: `${formatMs(r.cli.warm.ms)}${ratio(r, 'cliWarm')}`, pass: r.size === 'bbc' && r.ratios?.cliWarm !== undefined ? r.ratios.cliWarm <= 3 : undefined } : undefined),
  },
  {
    label: 'editor: ready / first / all diagnostics, cold',
    cell: (r) => (r.editor ? { text: `${formatMs(r.editor.cold.readyMs)} / ${formatMs(r.editor.cold.firstMs)}${ratio(r, 'editorFirstCold')} / ${formatMs(r.editor.cold.wholeMs)}` } : undefined),
  },
  {
    label: 'editor: same, saved index',
    cell: (r) => (r.editor ? { text: `${formatMs(r.editor.warm.readyMs)} / ${formatMs(r.editor.warm.firstMs)}${ratio(r, 'editorFirstWarm')} / ${formatMs(r.editor.warm.wholeMs)}` } : undefined),
  },
  {
    label: 'draft verdicts',
    cell: (r) => (r.draft ? { text: Object.entries(r.draft.claims).map(([k, v]) => `${k.slice(0, 5)} ${v}`).join(', ') || 'none' } : undefined),
  },
];

export function collectTargets(results: BenchResult[]): Target[] {
  return collectRowTargets(rows, results);
}

/** Each targeted cell's pass or fail, named "label [size]". */
export function collectRowTargets<R extends Sized>(rows: ReadonlyArray<Row<R>>, results: readonly R[]): Target[] {
  const out: Target[] = [];
  for (const row of rows) {
    if (!row.target) continue;
    for (const r of results) {
      const c = row.cell(r);
      if (c?.pass !== undefined) out.push({ metric: `${row.label.trim()} [${r.size}]`, text: row.target, pass: c.pass });
    }
  }
  return out;
}

export function renderTable(results: BenchResult[]): string {
  return renderRows(rows, results);
}

/** A Markdown-like table: one row per metric, one column per result. */
export function renderRows<R extends Sized>(rows: ReadonlyArray<Row<R>>, results: readonly R[]): string {
  const header = ['metric', 'target', ...results.map((r) => r.size)];
  const body = rows.map((row) => [
    row.label,
    row.target ?? '',
    ...results.map((r) => {
      const c = row.cell(r);
      if (!c) return 'n/a';
      return c.pass === undefined ? c.text : `${c.text} ${c.pass ? 'ok' : 'FAIL'}`;
    }),
  ]);
  const widths = header.map((_, i) => Math.max(...[header, ...body].map((line) => (line[i] as string).length)));
  const fmt = (line: string[]) => line.map((cell, i) => cell.padEnd(widths[i] as number)).join(' | ');
  return [fmt(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...body.map(fmt)].join('\n');
}

/** What the floor and the CLI rows measured, printed under the table. */
export function renderFloorNotes(results: BenchResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    const f = r.floor;
    if (!f) continue;
    lines.push(
      `floor [${r.size}]: read ${f.articles} articles, split into ${f.sentences} sentences (Intl.Segmenter) and ${f.words} words (a regular expression), ` +
        `in the size's own process after its other figures; best of ${f.samples.length} (${f.samples.map(formatMs).join(', ')}) after a warm-up run.`,
    );
  }
  if (lines.length) lines.push('"= N× floor" beside a time is that time divided by its size\'s floor; ratios compare across machines and load where times do not.');
  for (const r of results) {
    if (!r.cli) continue;
    lines.push(
      `CLI [${r.size}]: ${r.cli.command} — a ${r.cli.draftWords}-word draft (${r.cli.claims} claims), one process per run, wall clock; ` +
        `cold = --no-cache (read, index, check; ${r.cli.cold.samples.map(formatMs).join(', ')}), warm = the index saved by an untimed run (${r.cli.warm.samples.map(formatMs).join(', ')}); best of each.`,
    );
  }
  return lines.join('\n');
}
