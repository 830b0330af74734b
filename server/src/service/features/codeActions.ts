// Quick fixes for Sourced diagnostics (cite the supporting source, use the exact words or the sourced
// figure, mark as own analysis) and a source action citing every supported claim in the file.

import { CodeActionKind, type CodeAction, type Diagnostic, type Position, type Range, type TextEdit } from 'vscode-languageserver-types';
import type { FeatureContext } from '../context.ts';
import { defaultSettings, type DraftReport } from '../api.ts';
import type { CancellationToken, Claim, DocumentInput } from '../types.ts';
import type { DraftAnalysis } from '../check/draft.ts';
import { DIAGNOSTIC_SOURCE, type ClaimDiagnosticData } from './diagnostics.ts';
import { appendDefinitionsEdit, footnoteDefinition, hasDefinition, markerOffset } from './citations.ts';
import { sentenceAt } from './draftLookup.ts';
import { articleLabel } from './hoverCard.ts';

/** Source action kind for "cite every supported claim" (a child of `source`, so `only: ['source']` sees it). */
export const CITE_ALL_KIND = `${CodeActionKind.Source}.sourced.citeAll`;
export const IGNORE_COMMENT = '<!-- sourced-ignore -->';

export async function getCodeActions(
  ctx: FeatureContext,
  doc: DocumentInput,
  _range: Range,
  diagnostics: Diagnostic[],
  only?: string[],
  token?: CancellationToken,
): Promise<CodeAction[]> {
  const wants = (kind: string) => !only || only.length === 0 || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const draft = ctx.analyse(doc);
  const actions: CodeAction[] = [];

  if (wants(CodeActionKind.QuickFix)) {
    const report = currentReport(ctx, doc);
    for (const diagnostic of diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      actions.push(...quickFixes(ctx, draft, report, diagnostic));
    }
  }

  if (wants(CITE_ALL_KIND)) {
    if (token?.isCancellationRequested) return actions;
    const report = currentReport(ctx, doc) ?? (await ctx.check(doc, defaultSettings, token));
    const all = citeAll(ctx, draft, report.claims);
    if (all) actions.push(all);
  }
  return actions;
}

/** The last check of this exact text (claims' offsets must still be valid). */
function currentReport(ctx: FeatureContext, doc: DocumentInput): DraftReport | undefined {
  const report = ctx.lastReport(doc.uri);
  if (!report) return undefined;
  if (doc.version !== undefined && report.version !== undefined && report.version !== doc.version) return undefined;
  return report.claims.every((c) => doc.text.slice(c.start, c.end) === c.text) ? report : undefined;
}

function quickFixes(ctx: FeatureContext, draft: DraftAnalysis, report: DraftReport | undefined, diagnostic: Diagnostic): CodeAction[] {
  const data = (diagnostic.data ?? {}) as ClaimDiagnosticData;
  const claim = data.claim !== undefined ? report?.claims[data.claim] : undefined;
  const start = claim?.start ?? draft.lines.offsetAt(diagnostic.range.start);
  const end = claim?.end ?? draft.lines.offsetAt(diagnostic.range.end);
  const sentence = sentenceAt(draft, start);
  const sentenceStart = Math.min(start, sentence?.start ?? start);
  const sentenceEnd = Math.max(end, sentence?.end ?? end);
  const out: CodeAction[] = [];

  if (data.replacement) {
    out.push({
      title: data.replacement.label,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred: diagnostic.code === 'misquote' || diagnostic.code === 'misattributed-quote' || diagnostic.code === 'contradicted-claim',
      edit: { changes: { [draft.uri]: [{ range: data.replacement.range, newText: data.replacement.newText }] } },
    });
  }

  if (data.citationKey && diagnostic.code !== 'unknown-citation') {
    const article = ctx.corpus.articleByKey(data.citationKey);
    const alreadyCited = claim?.citations.includes(data.citationKey) ?? false;
    if (article && !alreadyCited) {
      out.push({
        title: `Cite “${articleLabel(article)}” [^${article.key}]`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: diagnostic.code === 'uncited-claim',
        edit: { changes: { [draft.uri]: citationEdits(draft, [{ end: sentenceEnd, key: article.key }], [{ article, at: citedAt(claim, article.uri) }]) } },
      });
    }
  }

  if (diagnostic.code === 'unsourced-claim' || diagnostic.code === 'contradicted-claim' || diagnostic.code === 'uncited-claim') {
    const at = draft.lines.positionAt(sentenceStart);
    out.push({
      title: 'Mark as my own analysis (sourced-ignore)',
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: { changes: { [draft.uri]: [{ range: { start: at, end: at }, newText: `${IGNORE_COMMENT} ` }] } },
    });
  }
  return out;
}

/** Marker insertions (in document order) plus one edit appending the definitions that are missing. */
/** Where the claim's best passage in the cited article starts (its page or time goes into the footnote). */
function citedAt(claim: Claim | undefined, uri: string): Position | undefined {
  return claim?.sources.find((s) => s.uri === uri)?.range.start;
}

function citationEdits(draft: DraftAnalysis, marks: Array<{ end: number; key: string }>, cited: Array<{ article: Parameters<typeof footnoteDefinition>[0]; at?: Position }>): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const mark of marks) {
    const at = draft.lines.positionAt(markerOffset(draft.text, mark.end));
    edits.push({ range: { start: at, end: at }, newText: `[^${mark.key}]` });
  }
  const definitions: string[] = [];
  const seen = new Set<string>();
  for (const { article, at } of cited) {
    if (seen.has(article.key) || hasDefinition(draft, article.key)) continue;
    seen.add(article.key);
    definitions.push(footnoteDefinition(article, draft.uri, at));
  }
  const append = appendDefinitionsEdit(draft, definitions);
  if (append) edits.push(append);
  return edits;
}

function citeAll(ctx: FeatureContext, draft: DraftAnalysis, claims: Claim[]): CodeAction | undefined {
  const marks: Array<{ end: number; key: string }> = [];
  const articles: Parameters<typeof citationEdits>[2] = [];
  const used = new Set<number>();
  for (const claim of claims) {
    if (claim.verdict !== 'supported' || claim.ignored || claim.citations.length > 0) continue;
    const top = claim.sources[0];
    const article = top ? ctx.corpus.article(top.uri) : undefined;
    if (!article) continue;
    const end = Math.max(claim.end, sentenceAt(draft, claim.start)?.end ?? claim.end);
    if (used.has(end)) continue;
    used.add(end);
    marks.push({ end, key: article.key });
    articles.push({ article, at: top.range.start });
  }
  if (marks.length === 0) return undefined;
  return {
    title: `Cite the supporting source for ${marks.length} uncited ${marks.length === 1 ? 'claim' : 'claims'}`,
    kind: CITE_ALL_KIND,
    edit: { changes: { [draft.uri]: citationEdits(draft, marks, articles) } },
  };
}
