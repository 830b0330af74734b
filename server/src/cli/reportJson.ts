// `sourced report --format json`: the check contract (report.ts, version 1) with fields added, never
// changed: per file the title, summary, paragraphs (coverage) and own-analysis spans with their reasons;
// per claim the reason, whether it is own analysis, its paragraph and its independent sources.

import type { Range } from 'vscode-languageserver-types';
import type { ClaimJson, FileJson } from './report.ts';
import type { DraftFactCheck, ParagraphStatus, ReportSummary } from './factCheck.ts';

export interface ReportClaimJson extends ClaimJson {
  reason: string;
  ignored: boolean;
  /** Index into the file's `paragraphs`. */
  paragraph: number;
  /** Supported claims: independent sources (near-duplicate articles count once) and articles backing it. */
  independence?: { sources: number; articles: number };
}

export interface ReportFileJson extends FileJson {
  title: string;
  claims: ReportClaimJson[];
  summary: ReportSummary;
  paragraphs: Array<{ kind: string; range: Range; status: ParagraphStatus; claims: number[] }>;
  ignored: Array<{ range: Range; text: string; reason: string | null }>;
}

export function reportFileJson(base: FileJson, fc: DraftFactCheck): ReportFileJson {
  return {
    ...base,
    title: fc.title,
    claims: base.claims.map((c, i) => {
      const r = fc.claims[i];
      const out: ReportClaimJson = { ...c, reason: r.reason, ignored: r.status === 'ignored', paragraph: r.paragraph };
      if (r.independence) out.independence = r.independence;
      return out;
    }),
    summary: fc.summary,
    // Claim indexes, 0-based like the position in `claims`.
    paragraphs: fc.paragraphs.map((p) => ({ kind: p.kind, range: p.range, status: p.status, claims: p.claims.map((n) => n - 1) })),
    ignored: fc.ignored.map((g) => ({ range: g.range, text: g.text, reason: g.reason ?? null })),
  };
}
