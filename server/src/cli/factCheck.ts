// The fact-check report's model: one draft's claims with verdicts, reasons and sources, grouped by
// paragraph, with the summary a standards editor reads first. Rendered as HTML (reportHtml.ts), Markdown
// (reportMarkdown.ts) or JSON (the check contract plus these fields). Pure: no file system.

import type { Range } from 'vscode-languageserver-types';
import type { DraftBlock, DraftReport } from '../service/api.ts';
import type { Evidence, Verdict } from '../service/types.ts';
import { severityName, type PathOf, type SeverityName } from './report.ts';

/** Where a source link points: the HTML report's `href` for a source passage. */
export type SourceLinker = (source: { uri: string; path: string; line: number }) => string;

export interface ReportSource {
  uri: string;
  /** Path as printed (relative to the working directory when inside it). */
  path: string;
  title: string;
  /** 1-based line of the passage in the source file. */
  line: number;
  text: string;
  href: string;
}

export type ClaimStatus = Verdict | 'ignored';

export interface ReportClaim {
  /** 1-based number shown in the draft and the notes. */
  n: number;
  range: Range;
  start: number;
  end: number;
  text: string;
  status: ClaimStatus;
  verdict: Verdict;
  reason: string;
  /** The diagnostic the editor shows for it (absent for supported, cited claims and ignored ones). */
  code?: string;
  severity?: SeverityName;
  message?: string;
  sources: ReportSource[];
  independence?: { sources: number; articles: number };
  conflict?: { draft: string; source: string };
  quote?: { draft: string; nearest?: string };
  citations: string[];
  /** Index of the paragraph (block) holding the claim. */
  paragraph: number;
}

/** Coverage of one paragraph: its claims' verdicts folded into one status for the strip. */
export type ParagraphStatus = 'sourced' | 'mixed' | 'flagged' | 'unsourced' | 'own' | 'none';

export interface ReportParagraph {
  kind: DraftBlock['kind'];
  range: Range;
  start: number;
  end: number;
  /** 1-based line. */
  line: number;
  status: ParagraphStatus;
  /** Claim numbers (ReportClaim.n) in the paragraph. */
  claims: number[];
}

export interface ReportIgnored {
  range: Range;
  start: number;
  end: number;
  line: number;
  text: string;
  reason?: string;
}

export interface ReportSummary {
  claims: number;
  /** Claims checked (not marked as own analysis). */
  checked: number;
  supported: number;
  contradicted: number;
  misquoted: number;
  unsourced: number;
  ignored: number;
  /** Share of checked claims a source supports, 0–1 (0 when nothing was checked). */
  sourcedShare: number;
  /** Diagnostics by code (uncited-claim hints included). */
  flags: Record<string, number>;
  /** Supported claims by how many independent sources back them: "1", "2", "3+". */
  independence: { one: number; two: number; threeOrMore: number };
  errors: number;
  warnings: number;
}

export interface DraftFactCheck {
  path: string;
  title: string;
  text: string;
  claims: ReportClaim[];
  paragraphs: ReportParagraph[];
  ignored: ReportIgnored[];
  summary: ReportSummary;
}

const FLAG_ORDER: Verdict[] = ['contradicted', 'misquoted', 'unsourced'];

export function buildFactCheck(path: string, text: string, report: DraftReport, pathOf: PathOf, link: SourceLinker): DraftFactCheck {
  const blocks = report.blocks ?? [];
  const diagnosticOf = new Map<number, (typeof report.diagnostics)[number]>();
  const flags: Record<string, number> = {};
  let errors = 0;
  let warnings = 0;
  for (const d of report.diagnostics) {
    const code = d.code === undefined ? '' : String(d.code);
    flags[code] = (flags[code] ?? 0) + 1;
    const s = severityName(d);
    if (s === 'error') errors++;
    else if (s === 'warning') warnings++;
    const i = (d.data as { claim?: unknown } | undefined)?.claim;
    if (typeof i === 'number' && !diagnosticOf.has(i)) diagnosticOf.set(i, d);
  }
  const blockOf = blockFinder(blocks);
  const claims: ReportClaim[] = report.claims.map((c, i) => {
    const d = diagnosticOf.get(i);
    return {
      n: i + 1,
      range: c.range,
      start: c.start,
      end: c.end,
      text: c.text,
      status: c.ignored ? 'ignored' : c.verdict,
      verdict: c.verdict,
      reason: c.reason,
      code: d?.code === undefined ? undefined : String(d.code),
      severity: d ? severityName(d) : undefined,
      message: d ? (typeof d.message === 'string' ? d.message : d.message.value) : undefined,
      sources: c.sources.map((e) => reportSource(e, pathOf, link)),
      independence: c.independence,
      conflict: c.conflict && { draft: c.conflict.draft, source: c.conflict.source },
      quote: c.quote && { draft: c.quote.draft, nearest: c.quote.nearest },
      citations: c.citations,
      paragraph: blockOf(c.start),
    };
  });
  const ignored = (report.ignored ?? []).map((g) => ({ range: g.range, start: g.start, end: g.end, line: g.range.start.line + 1, text: g.text, reason: g.reason }));
  const paragraphs = blocks.map((b, i) => {
    const inside = claims.filter((c) => c.paragraph === i);
    const ownAnalysis = ignored.some((g) => g.range.start.line <= b.range.start.line && g.range.end.line >= b.range.end.line);
    return { kind: b.kind, range: b.range, start: b.start, end: b.end, line: b.range.start.line + 1, status: paragraphStatus(inside, ownAnalysis), claims: inside.map((c) => c.n) };
  });
  const checked = claims.filter((c) => c.status !== 'ignored');
  const count = (v: Verdict) => checked.filter((c) => c.verdict === v).length;
  const supported = checked.filter((c) => c.verdict === 'supported');
  const independence = { one: 0, two: 0, threeOrMore: 0 };
  for (const c of supported) {
    const n = c.independence?.sources ?? 1;
    if (n >= 3) independence.threeOrMore++;
    else if (n === 2) independence.two++;
    else independence.one++;
  }
  return {
    path,
    title: draftTitle(text, blocks) ?? path,
    text,
    claims,
    paragraphs,
    ignored,
    summary: {
      claims: claims.length,
      checked: checked.length,
      supported: supported.length,
      contradicted: count('contradicted'),
      misquoted: count('misquoted'),
      unsourced: count('unsourced'),
      ignored: claims.length - checked.length,
      sourcedShare: checked.length ? supported.length / checked.length : 0,
      flags,
      independence,
      errors,
      warnings,
    },
  };
}

function reportSource(e: Evidence, pathOf: PathOf, link: SourceLinker): ReportSource {
  const path = pathOf(e.uri);
  return { uri: e.uri, path, title: e.title, line: e.line + 1, text: e.text, href: link({ uri: e.uri, path, line: e.line }) };
}

function paragraphStatus(claims: ReportClaim[], ownAnalysis: boolean): ParagraphStatus {
  const checked = claims.filter((c) => c.status !== 'ignored');
  if (checked.length === 0) return ownAnalysis || claims.length > 0 ? 'own' : 'none';
  const hard = checked.some((c) => c.verdict === 'contradicted' || c.verdict === 'misquoted');
  const unsourced = checked.some((c) => c.verdict === 'unsourced');
  const sourced = checked.some((c) => c.verdict === 'supported');
  if (!hard && !unsourced) return 'sourced';
  if (sourced) return 'mixed';
  return hard ? 'flagged' : 'unsourced';
}

/** Index of the block holding an offset (blocks sorted by start), -1 when none does. */
function blockFinder(blocks: DraftBlock[]): (offset: number) => number {
  return (offset) => {
    let lo = 0;
    let hi = blocks.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (blocks[mid].start <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
}

/** The draft's first heading, as the report's title. */
function draftTitle(text: string, blocks: DraftBlock[]): string | undefined {
  const heading = blocks.find((b) => b.kind === 'heading');
  return heading ? text.slice(heading.start, heading.end).replace(/\s+/g, ' ').trim() : undefined;
}

export const VERDICT_LABEL: Record<ClaimStatus, string> = {
  supported: 'Sourced',
  contradicted: 'Contradicted',
  misquoted: 'Misquote',
  unsourced: 'Unsourced',
  ignored: 'Own analysis',
};

/** A mark that survives greyscale printing and plain text: each verdict its own symbol. */
export const VERDICT_SYMBOL: Record<ClaimStatus, string> = {
  supported: '✓',
  contradicted: '✗',
  misquoted: '❝',
  unsourced: '?',
  ignored: '–',
};

export const PARAGRAPH_LABEL: Record<ParagraphStatus, string> = {
  sourced: 'all claims sourced',
  mixed: 'some claims flagged',
  flagged: 'contradicted or misquoted',
  unsourced: 'no claim sourced',
  own: 'own analysis',
  none: 'no claims',
};

export { FLAG_ORDER };

export const percent = (share: number): string => `${Math.round(share * 100)}%`;

/** The share sourced, or a dash when no claim was checked. */
export const sourcedPercent = (s: ReportSummary): string => (s.checked ? percent(s.sourcedShare) : '–');
