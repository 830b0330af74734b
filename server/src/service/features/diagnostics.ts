// Claims → LSP diagnostics with stable codes, related information and a `data` payload for quick fixes.

import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation, type Range } from 'vscode-languageserver-types';
import type { DiagnosticCode, Severity, SourcedSettings } from '../api.ts';
import type { Claim, Evidence } from '../types.ts';
import type { DraftAnalysis } from '../check/draft.ts';
import type { CorpusIndex } from '../corpus/corpusIndex.ts';
import { placeSuffix } from '../corpus/sourceMarks.ts';
import { claimIndependence } from './independence.ts';
export { citedArticle } from '../corpus/citedArticle.ts';

export const DIAGNOSTIC_SOURCE = 'sourced';

/** The `data` payload of every Sourced diagnostic; code actions rely on it. */
export interface ClaimDiagnosticData {
  /** Index into the report's claims (absent for unknown-citation). */
  claim?: number;
  /** Citation key of the best supporting article (insert-citation fix). */
  citationKey?: string;
  /** A replacement the quick fix may apply: the exact quote, or the sourced figure/name. */
  replacement?: { range: Range; newText: string; label: string };
  /** For unknown-citation: the key that points nowhere. */
  unknownKey?: string;
}

const SEVERITY: Record<Exclude<Severity, 'off'>, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostics(draft: DraftAnalysis, claims: Claim[], settings: SourcedSettings, corpus: CorpusIndex): Diagnostic[] {
  const out: Diagnostic[] = [];
  const push = (code: DiagnosticCode, range: Range, message: string, data: ClaimDiagnosticData, sources: Evidence[], backing?: string) => {
    const level = settings.severity[code];
    if (!level || level === 'off') return;
    const relatedInformation: DiagnosticRelatedInformation[] = sources.slice(0, 3).map((s, i) => ({
      location: { uri: s.uri, range: s.range },
      message: `${s.title}${placeSuffix(corpus.article(s.uri), s.line, s.range.start.character)}${i === 0 && backing ? ` (${backing})` : ''}: ${truncate(s.text, 160)}`,
    }));
    out.push({ range, severity: SEVERITY[level], code, source: DIAGNOSTIC_SOURCE, message, relatedInformation, data });
  };

  claims.forEach((claim, index) => {
    if (claim.ignored) return;
    const top = claim.sources[0];
    const citationKey = top ? corpus.article(top.uri)?.key : undefined;
    switch (claim.verdict) {
      case 'supported':
        if (claim.citations.length === 0) {
          const backing = claimIndependence(claim);
          const also = backing && claim.independence && claim.independence.articles > 1 ? ` (${backing})` : '';
          push('uncited-claim', claim.range, `Supported by “${top?.title ?? 'a source'}”${also} but not cited.`, { claim: index, citationKey }, claim.sources, backing);
        }
        break;
      case 'unsourced':
        push('unsourced-claim', claim.range, `No source supports this claim. ${claim.reason}`.trim(), { claim: index }, claim.sources);
        break;
      case 'contradicted': {
        const range = claim.conflict?.draftRange ?? claim.range;
        const replacement = claim.conflict ? { range, newText: claim.conflict.source, label: `Use the sourced “${claim.conflict.source}”` } : undefined;
        push('contradicted-claim', range, claim.reason, { claim: index, citationKey, replacement }, claim.sources);
        break;
      }
      case 'misquoted': {
        if (claim.attribution) {
          const { draftRange, source, speaker } = claim.attribution;
          const replacement = source && speaker ? { range: draftRange, newText: source, label: `Attribute the quotation to ${speaker}` } : undefined;
          push('misattributed-quote', claim.quote?.draftRange ?? claim.range, claim.reason, { claim: index, citationKey, replacement }, claim.sources);
          break;
        }
        const range = claim.quote?.draftRange ?? claim.range;
        const replacement = claim.quote?.nearest ? { range, newText: claim.quote.nearest, label: 'Replace with the exact words' } : undefined;
        push('misquote', range, claim.reason, { claim: index, citationKey, replacement }, claim.sources);
        break;
      }
    }
  });

  const defined = new Set(draft.prose.footnotes.map((f) => f.key));
  for (const ref of draft.prose.citations) {
    // A footnote naming something outside the corpus (an interview, a report) is a citation too;
    // only a marker with neither a definition nor a matching corpus article points nowhere.
    if (!defined.has(ref.key) && !corpus.articleByKey(ref.key)) {
      push('unknown-citation', draft.lines.rangeOf(ref.start, ref.end), `Citation [^${ref.key}] has no footnote definition and names no corpus article.`, { unknownKey: ref.key }, []);
    }
  }
  return out;
}

function truncate(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}
