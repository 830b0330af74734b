// The archive bench's table (npm run bench -- --archive): one row per figure of issue 16, its target
// beside it.

import type { ArchiveSizeResult } from './archiveBench.ts';
import type { Row } from './report.ts';
import { formatBytes, formatMs } from './stats.ts';

const at = (ms: number | undefined, max: number) => (ms === undefined ? undefined : ms <= max);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] as number;

export const archiveRows: ReadonlyArray<Row<ArchiveSizeResult>> = [
  { label: 'load average at start / end', cell: (r) => ({ text: `${r.load.start[0]?.toFixed(1)} / ${r.load.end[0]?.toFixed(1) ?? 'n/a'}` }) },
  { label: 'articles / sentences (archive)', cell: (r) => (r.status ? { text: `${r.status.articles} / ${r.status.sentences}` } : undefined) },
  { label: 'entities (archive)', cell: (r) => (r.status ? { text: String(r.status.entities) } : undefined) },
  {
    label: 'sync (sourced archive sync)',
    cell: (r) => (r.sync ? { text: `${formatMs(r.sync.ms)}: ${r.sync.added} added, ${r.sync.updated} updated, ${r.sync.unchanged} unchanged` } : undefined),
  },
  {
    label: 'sync throughput',
    target: '≥ 300 articles/s',
    cell: (r) => (r.sync ? (r.sync.added + r.sync.updated > 0 ? { text: `${r.sync.perSecond.toFixed(0)} articles/s`, pass: r.sync.perSecond >= 300 } : { text: 'n/a (nothing to sync)' }) : undefined),
  },
  {
    label: 'sync CPU per article (Node + PostgreSQL)',
    cell: (r) => {
      const s = r.sync;
      const n = s ? s.added + s.updated : 0;
      if (!s || !n) return undefined;
      const per = (sec: number) => `${((1000 * sec) / n).toFixed(1)} ms`;
      return { text: Number.isFinite(s.cpu.pg) ? `${per(s.cpu.node + s.cpu.pg)} (${per(s.cpu.node)} + ${per(s.cpu.pg)})` : `${per(s.cpu.node)} (Node only)` };
    },
  },
  {
    label: 'sync on 2 idle cores, from CPU (projected)',
    cell: (r) => {
      const s = r.sync;
      const n = s ? s.added + s.updated : 0;
      if (!s || !n || !Number.isFinite(s.cpu.pg)) return undefined;
      return { text: `≤ ${((2 * n) / (s.cpu.node + s.cpu.pg)).toFixed(0)} articles/s` };
    },
  },
  { label: 'load average during sync (1 min, after)', cell: (r) => (r.sync ? { text: r.sync.load.after[0]?.toFixed(1) ?? 'n/a' } : undefined) },
  { label: 'database size', cell: (r) => (r.status ? { text: formatBytes(r.status.databaseBytes) } : undefined) },
  { label: 'server start → ready (median)', cell: (r) => (r.desk ? { text: formatMs(r.desk.readyMs.median) } : undefined) },
  { label: 'first check, 2k-word draft, alone', cell: (r) => (r.desk?.firstCheck ? { text: `${formatMs(r.desk.firstCheck.ms)} (${r.desk.firstCheck.diagnostics} diagnostics)` } : undefined) },
  {
    label: 'its first diagnostics shown',
    cell: (r) => (r.desk?.firstCheck?.firstMs !== undefined ? { text: formatMs(r.desk.firstCheck.firstMs) } : undefined),
  },
  {
    label: 'first check, other editors at once (med / max)',
    cell: (r) => (r.desk?.firstCheckConcurrent ? { text: `${formatMs(r.desk.firstCheckConcurrent.median)} / ${formatMs(r.desk.firstCheckConcurrent.max)} (${r.desk.firstCheckConcurrent.n})` } : undefined),
  },
  { label: 're-check after an edit, others idle (median)', target: '≤ 300 ms', cell: (r) => (r.desk?.recheck ? { text: formatMs(r.desk.recheck.median), pass: at(r.desk.recheck.median, 300) } : undefined) },
  { label: 're-check after an edit (p95 / max)', cell: (r) => (r.desk?.recheck ? { text: `${formatMs(r.desk.recheck.p95)} / ${formatMs(r.desk.recheck.max)} (${r.desk.recheck.n})` } : undefined) },
  {
    label: 're-check while the others read ahead (median / p95)',
    cell: (r) => (r.desk?.recheckBusy ? { text: `${formatMs(r.desk.recheckBusy.median)} / ${formatMs(r.desk.recheckBusy.p95)} (${r.desk.recheckBusy.n})` } : undefined),
  },
  { label: 'hover p50, editors at once', cell: (r) => (r.desk?.hover ? { text: formatMs(r.desk.hover.median) } : undefined) },
  { label: 'hover p95, editors at once', target: '≤ 50 ms', cell: (r) => (r.desk?.hover ? { text: `${formatMs(r.desk.hover.p95)} (n=${r.desk.hover.n})`, pass: at(r.desk.hover.p95, 50) } : undefined) },
  { label: 'hover answered', cell: (r) => (r.desk?.hover ? { text: `${r.desk.hover.answered}/${r.desk.hover.asked}` } : undefined) },
  { label: 'completion p50, editors at once', cell: (r) => (r.desk?.completion ? { text: formatMs(r.desk.completion.median) } : undefined) },
  {
    label: 'completion p95, editors at once',
    target: '≤ 50 ms',
    cell: (r) => (r.desk?.completion ? { text: `${formatMs(r.desk.completion.p95)} (n=${r.desk.completion.n})`, pass: at(r.desk.completion.p95, 50) } : undefined),
  },
  { label: 'completion with items', cell: (r) => (r.desk?.completion ? { text: `${r.desk.completion.withItems}/${r.desk.completion.asked}` } : undefined) },
  { label: 'server RSS ready (median)', cell: (r) => (r.desk?.memory.length ? { text: formatBytes(median(r.desk.memory.map((m) => m.ready))) } : undefined) },
  { label: 'server RSS after first check (median)', cell: (r) => (r.desk?.memory.length ? { text: formatBytes(median(r.desk.memory.map((m) => m.checked))) } : undefined) },
  {
    label: 'server RSS at end (median / max)',
    target: 'flat with size',
    cell: (r) => (r.desk?.memory.length ? { text: `${formatBytes(median(r.desk.memory.map((m) => m.end)))} / ${formatBytes(Math.max(...r.desk.memory.map((m) => m.end)))}` } : undefined),
  },
  { label: 'server peak RSS (max)', cell: (r) => (r.desk?.memory.length ? { text: formatBytes(Math.max(...r.desk.memory.map((m) => m.peak))) } : undefined) },
];
