// The CLI's output contract: DraftReport (api.ts) → the versioned JSON shape other tools parse, and the
// compiler-style text lines (`file:line:col severity code message`) for people.

import type { Diagnostic, Range } from 'vscode-languageserver-types';
import type { CorpusView, DraftReport } from '../service/api.ts';
import type { Entity, Evidence, Verdict } from '../service/types.ts';
import { placeAtLine } from '../service/corpus/sourceMarks.ts';

export type SeverityName = 'error' | 'warning' | 'information' | 'hint';

export interface SourceJson {
  path: string;
  title: string;
  line: number;
  text: string;
  score: number;
  /** 1-based page of the passage, for a source extracted from a PDF or Word document. */
  page?: number;
  /** Start time ("HH:MM:SS") of the passage's cue, for a transcript. */
  time?: string;
}

export interface ClaimJson {
  range: Range;
  text: string;
  verdict: Verdict;
  entities: string[];
  sources: SourceJson[];
  /** A misattributed quotation: the speaker the draft names and the one the sources give (added field). */
  attribution?: { draft: string; range: Range; speaker: string };
}

export interface DiagnosticJson {
  range: Range;
  severity: SeverityName;
  code: string;
  message: string;
  sources: SourceJson[];
}

export interface FileJson {
  path: string;
  claims: ClaimJson[];
  diagnostics: DiagnosticJson[];
}

export interface CheckJson {
  version: 1;
  corpus: { articles: number; sentences: number; entities: number };
  files: FileJson[];
  warnings?: string[];
}

export interface EntityJson {
  name: string;
  kind: string;
  aliases: string[];
  roles: string[];
  mentions: Array<{ path: string; line: number }>;
}

/** Maps a document URI to the path printed for it (relative to cwd when inside it). */
export type PathOf = (uri: string) => string;

const SEVERITY_NAMES: Record<number, SeverityName> = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };

export function severityName(d: Diagnostic): SeverityName {
  return SEVERITY_NAMES[d.severity ?? 1] ?? 'error';
}

export function corpusSummary(corpus: CorpusView): CheckJson['corpus'] {
  return { articles: corpus.articleCount, sentences: corpus.sentenceCount, entities: corpus.entities().length };
}

function sourceJson(e: Evidence, pathOf: PathOf, corpus?: CorpusView): SourceJson {
  const out: SourceJson = { path: pathOf(e.uri), title: e.title, line: e.line, text: e.text, score: Math.round(e.score * 1000) / 1000 };
  const place = corpus ? placeAtLine(corpus.article(e.uri), e.line, e.range.start.character) : {};
  if (place.page !== undefined) out.page = place.page;
  if (place.time !== undefined) out.time = place.time;
  return out;
}

function messageText(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

function claimIndex(d: Diagnostic): number | undefined {
  const data = d.data as { claim?: unknown } | undefined;
  return typeof data?.claim === 'number' ? data.claim : undefined;
}

/** With the corpus, sources extracted from paged files and transcripts carry their page or time. */
export function fileJson(displayPath: string, report: DraftReport, pathOf: PathOf, corpus?: CorpusView): FileJson {
  const claims = report.claims.map((c) => ({
    range: c.range,
    text: c.text,
    verdict: c.verdict,
    entities: c.entities,
    sources: c.sources.map((s) => sourceJson(s, pathOf, corpus)),
    ...(c.attribution?.speaker ? { attribution: { draft: c.attribution.draft, range: c.attribution.draftRange, speaker: c.attribution.speaker } } : {}),
  }));
  const diagnostics = report.diagnostics.map((d) => {
    const i = claimIndex(d);
    return {
      range: d.range,
      severity: severityName(d),
      code: d.code === undefined ? '' : String(d.code),
      message: messageText(d),
      sources: i !== undefined && claims[i] ? claims[i].sources : [],
    };
  });
  return { path: displayPath, claims, diagnostics };
}

/** True when a report has something that should fail a build (an error or a warning). */
export function hasFindings(report: DraftReport): boolean {
  return report.diagnostics.some((d) => {
    const s = severityName(d);
    return s === 'error' || s === 'warning';
  });
}

/** `draft.md:3:14 error contradicted-claim …` lines (1-based) for errors, warnings and information. */
export function textLines(displayPath: string, report: DraftReport): string[] {
  const sorted = [...report.diagnostics].sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
  );
  const out: string[] = [];
  for (const d of sorted) {
    const severity = severityName(d);
    if (severity === 'hint') continue; // hints (e.g. supported but uncited) are for the editor, not the terminal
    const message = messageText(d).replace(/\s+/g, ' ').trim();
    out.push(`${displayPath}:${d.range.start.line + 1}:${d.range.start.character + 1} ${severity} ${d.code ?? ''} ${message}`);
  }
  return out;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "3 claims checked: 1 supported, 1 contradicted, 0 misquoted, 1 unsourced — 2 errors, 1 warning" */
export function summaryLine(reports: DraftReport[]): string {
  const verdicts: Record<Verdict, number> = { supported: 0, contradicted: 0, misquoted: 0, unsourced: 0 };
  let claims = 0;
  let ignored = 0;
  let errors = 0;
  let warnings = 0;
  for (const r of reports) {
    for (const c of r.claims) {
      if (c.ignored) {
        ignored++;
        continue;
      }
      claims++;
      verdicts[c.verdict]++;
    }
    for (const d of r.diagnostics) {
      const s = severityName(d);
      if (s === 'error') errors++;
      else if (s === 'warning') warnings++;
    }
  }
  const parts = (Object.keys(verdicts) as Verdict[]).map((v) => `${verdicts[v]} ${v}`);
  const ignoredNote = ignored > 0 ? ` (${ignored} marked sourced-ignore)` : '';
  return `${plural(claims, 'claim')} checked${ignoredNote}: ${parts.join(', ')} — ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}

export function entityJson(e: Entity, corpus: CorpusView, pathOf: PathOf): EntityJson {
  const roles = [...new Set(e.roles.map((r) => r.text))];
  const mentions = e.mentions.map((m) => ({ path: pathOf(m.uri), line: corpus.sentenceAt(m.uri, m.sentence)?.line ?? 0 }));
  return { name: e.name, kind: e.kind, aliases: e.aliases, roles, mentions };
}

export function entityTextLine(e: EntityJson): string {
  const files = new Set(e.mentions.map((m) => m.path)).size;
  const aliases = e.aliases.filter((a) => a !== e.name);
  const bits = [`${e.name} (${e.kind})`];
  if (aliases.length) bits.push(`aka ${aliases.join(', ')}`);
  if (e.roles.length) bits.push(`roles: ${e.roles.slice(0, 3).join('; ')}`);
  bits.push(`${plural(e.mentions.length, 'mention')} in ${plural(files, 'article')}`);
  return bits.join(' — ');
}
