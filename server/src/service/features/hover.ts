// Hover: a citation marker or footnote shows the cited passage; a name shows what the sources say about
// it; a flagged claim shows the evidence for its verdict (after the name card when both apply).

import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import type { FeatureContext } from '../context.ts';
import type { Article } from '../api.ts';
import type { CancellationToken, Claim, DocumentInput } from '../types.ts';
import { proseText, type DraftAnalysis } from '../check/draft.ts';
import { articleForKey, citationAt, footnoteAt, mentionAt, sentenceAt } from './draftLookup.ts';
import { citationCard, claimCard, entityCard } from './hoverCard.ts';
import { claimIndependence } from './independence.ts';

export async function getHover(ctx: FeatureContext, doc: DocumentInput, position: Position, token?: CancellationToken): Promise<Hover | undefined> {
  const draft = ctx.analyse(doc);
  const offset = draft.lines.offsetAt(position);
  if (token?.isCancellationRequested) return undefined;

  const marker = citationAt(draft, offset) ?? footnoteAt(draft, offset);
  if (marker) {
    const article = articleForKey(draft, ctx.corpus, marker.key);
    if (!article) return undefined;
    // On a footnote definition, the passage is the one its first citing sentence stands for.
    const citing = draft.prose.citations.find((c) => c.key === marker.key)?.start ?? marker.start;
    const backing = citingClaim(ctx, draft, citing);
    const several = backing?.independence && backing.independence.articles > 1 ? claimIndependence(backing) : undefined;
    return markdownHover(citationCard(marker.key, article, citedPassage(ctx, draft, article, citing), several), draft.lines.rangeOf(marker.start, marker.end));
  }

  const parts: string[] = [];
  let start = Number.POSITIVE_INFINITY;
  let end = -1;
  const found = mentionAt(draft, ctx.corpus, offset);
  if (found) {
    parts.push(entityCard(ctx.corpus, found.entity));
    start = found.mention.start;
    end = found.mention.end;
  }
  const claim = flaggedClaimAt(ctx, doc, offset);
  if (claim) {
    parts.push(claimCard(ctx.corpus, claim));
    if (!found) {
      start = claim.start;
      end = claim.end;
    }
  }
  if (parts.length === 0) return undefined;
  return markdownHover(parts.join('\n\n---\n\n'), draft.lines.rangeOf(start, end));
}

function markdownHover(value: string, range: Hover['range']): Hover {
  return { contents: { kind: MarkupKind.Markdown, value }, range };
}

/** A claim from the last check of this exact text, when its verdict is a flag (not for ignored claims). */
export function flaggedClaimAt(ctx: FeatureContext, doc: DocumentInput, offset: number): Claim | undefined {
  const report = ctx.lastReport(doc.uri);
  if (!report) return undefined;
  return report.claims.find(
    (c) => offset >= c.start && offset <= c.end && c.verdict !== 'supported' && !c.ignored && doc.text.slice(c.start, c.end) === c.text,
  );
}

/** The checked claim of the sentence a citation marker belongs to (last check of the draft). */
function citingClaim(ctx: FeatureContext, draft: DraftAnalysis, markerOffset: number): Claim | undefined {
  const sentence = sentenceAt(draft, markerOffset) ?? sentenceAt(draft, markerOffset - 1);
  if (!sentence) return undefined;
  return ctx.lastReport(draft.uri)?.claims.find((c) => c.start <= sentence.start + 1 && c.end >= sentence.end - 1);
}

/**
 * The sentence of `article` a citation stands for: the checker's evidence for the citing sentence when it
 * came from that article, else the article sentence most like the citing sentence, else its lead.
 */
export function citedPassage(ctx: FeatureContext, draft: DraftAnalysis, article: Article, markerOffset: number): { text: string; line: number } | undefined {
  const sentence = sentenceAt(draft, markerOffset) ?? sentenceAt(draft, markerOffset - 1);
  const report = ctx.lastReport(draft.uri);
  if (sentence && report) {
    const claim = report.claims.find((c) => c.start <= sentence.start + 1 && c.end >= sentence.end - 1);
    const evidence = claim?.sources.find((s) => s.uri === article.uri);
    if (evidence) return { text: evidence.text, line: evidence.line };
  }
  if (sentence) {
    const query = proseText(draft, sentence);
    if (query) {
      for (const hit of ctx.corpus.searchSentences(query, 500)) {
        if (hit.sentence.uri === article.uri) return { text: hit.sentence.text, line: hit.sentence.line };
      }
    }
  }
  const lead = article.sentences.find((s) => s.start >= article.bodyStart && s.text.length > 40) ?? article.sentences[0];
  return lead ? { text: lead.text, line: lead.line } : undefined;
}
