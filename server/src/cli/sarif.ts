// `sourced check --format sarif`: SARIF 2.1.0 for code-scanning viewers (GitHub code scanning, the SARIF
// viewer extensions): one result per diagnostic with its rule, level, message, region and the source
// passages behind it as related locations. Ranges are the LSP ones (0-based, UTF-16) made 1-based.

import type { Log, Region, ReportingDescriptor, Result, Location, PhysicalLocation } from 'sarif';
import type { Range } from 'vscode-languageserver-types';
import type { DraftReport } from '../service/api.ts';
import type { Evidence } from '../service/types.ts';
import { severityName, type PathOf, type SeverityName } from './report.ts';
import { fnv1a } from '../service/corpus/duplicates.ts';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

const RULES: Array<{ id: string; name: string; short: string; full: string; level: Result.level }> = [
  {
    id: 'unsourced-claim',
    name: 'UnsourcedClaim',
    short: 'No source supports this claim.',
    full: 'A factual sentence of the draft that no article of the corpus supports: add a source, cite one, or mark the sentence as your own analysis with <!-- sourced-ignore: reason -->.',
    level: 'warning',
  },
  {
    id: 'contradicted-claim',
    name: 'ContradictedClaim',
    short: 'A source states this differently.',
    full: 'A figure, date, place, person or role in the draft differs from what the closest source passage says.',
    level: 'error',
  },
  {
    id: 'misquote',
    name: 'Misquote',
    short: 'The quoted words are not in any source.',
    full: 'Words in quotation marks must appear word for word in a source; the nearest real quotation is given when there is one.',
    level: 'error',
  },
  {
    id: 'unknown-citation',
    name: 'UnknownCitation',
    short: 'A citation points nowhere.',
    full: 'A [^key] marker with no footnote definition and no corpus article of that name.',
    level: 'error',
  },
  {
    id: 'uncited-claim',
    name: 'UncitedClaim',
    short: 'Supported, but not cited.',
    full: 'A source supports the claim but the draft does not cite it.',
    level: 'note',
  },
];

const LEVEL: Record<SeverityName, Result.level> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export interface SarifDraft {
  /** Path of the draft as printed (relative to the working directory when inside it). */
  path: string;
  report: DraftReport;
  /** The draft's text, for each result's snippet. */
  text?: string;
}

export interface SarifOptions {
  version: string;
  /** Absolute `file:` URI of the folder relative paths are resolved against (the working directory). */
  baseUri: string;
  warnings?: string[];
}

/** The SARIF log of a `sourced check` run. */
export function sarifLog(drafts: SarifDraft[], pathOf: PathOf, options: SarifOptions): Log {
  const ruleIndex = new Map(RULES.map((r, i) => [r.id, i]));
  const rules: ReportingDescriptor[] = RULES.map((r) => ({
    id: r.id,
    name: r.name,
    shortDescription: { text: r.short },
    fullDescription: { text: r.full },
    defaultConfiguration: { level: r.level },
    properties: { tags: ['fact-checking'] },
  }));
  const results: Result[] = [];
  for (const { path, report, text } of drafts) {
    const lines = text?.split(/\r\n?|\n/);
    for (const d of report.diagnostics) {
      const code = d.code === undefined ? '' : String(d.code);
      const data = d.data as { claim?: unknown } | undefined;
      const claim = typeof data?.claim === 'number' ? report.claims[data.claim] : undefined;
      const sources: Evidence[] = claim?.sources ?? [];
      const result: Result = {
        ruleId: code,
        level: LEVEL[severityName(d)],
        message: { text: typeof d.message === 'string' ? d.message : d.message.value },
        locations: [{ physicalLocation: physical(path, d.range, lines && rangeText(lines, d.range)) }],
        partialFingerprints: { 'sourcedClaim/v1': fingerprint(`${code}\u0000${claim?.text ?? ''}\u0000${d.range.start.character}`) },
      };
      const index = ruleIndex.get(code);
      if (index !== undefined) result.ruleIndex = index;
      const related: Location[] = sources.map((s, i) => ({
        id: i + 1,
        physicalLocation: physical(pathOf(s.uri), s.range),
        message: { text: `${s.title}: ${s.text}` },
      }));
      if (related.length > 0) result.relatedLocations = related;
      if (claim?.independence) result.properties = { independentSources: claim.independence.sources, articles: claim.independence.articles };
      results.push(result);
    }
  }
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Sourced',
            version: options.version,
            semanticVersion: options.version,
            rules,
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: options.baseUri.endsWith('/') ? options.baseUri : `${options.baseUri}/` } },
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: (options.warnings ?? []).map((w) => ({ level: 'warning', message: { text: w } })),
          },
        ],
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

function physical(path: string, range: Range, snippet?: string): PhysicalLocation {
  const relative = !/^[a-z][a-z0-9+.-]*:/i.test(path) && !path.startsWith('/');
  const uri = relative ? path.split('/').map(encodeURIComponent).join('/') : path.startsWith('/') ? `file://${encodeURI(path)}` : path;
  const region: Region = {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
  if (snippet) region.snippet = { text: snippet };
  return { artifactLocation: relative ? { uri, uriBaseId: 'SRCROOT' } : { uri }, region };
}

function rangeText(lines: string[], r: Range): string | undefined {
  if (r.start.line >= lines.length) return undefined;
  if (r.start.line === r.end.line) return lines[r.start.line].slice(r.start.character, r.end.character);
  const middle = lines.slice(r.start.line + 1, r.end.line);
  return [lines[r.start.line].slice(r.start.character), ...middle, (lines[r.end.line] ?? '').slice(0, r.end.character)].join('\n');
}

/** A result's identity across runs that move it to another line: 8 hex digits. */
function fingerprint(s: string): string {
  return fnv1a(s).toString(16).padStart(8, '0');
}
