// A draft read as prose: sentences with their names, quotes, figures and citation markers, in offsets
// of the original Markdown text.

import type { DocumentInput, Mention, Quantity, Quote, Sentence } from '../types.ts';
import { parseMarkdown, type CitationRef, type MarkdownProse } from '../text/markdown.ts';
import { splitSentences } from '../text/sentences.ts';
import { LineIndex } from '../text/positions.ts';
import { findQuotes } from '../text/quotes.ts';
import { findQuantities } from '../text/numbers.ts';
import { findMentions } from '../corpus/names.ts';

export interface DraftSentence extends Sentence {
  index: number;
  /** Index of the prose block (paragraph, heading, list item) holding the sentence. */
  block: number;
  mentions: Mention[];
  quotes: Quote[];
  quantities: Quantity[];
  citations: CitationRef[];
  /** Covered by a sourced-ignore comment: the writer's own analysis. */
  ignored: boolean;
  /** Headings are titles, not claims. */
  heading: boolean;
}

export interface DraftAnalysis {
  uri: string;
  version?: number;
  text: string;
  lines: LineIndex;
  prose: MarkdownProse;
  sentences: DraftSentence[];
}

export function analyseDraft(doc: DocumentInput): DraftAnalysis {
  const prose = parseMarkdown(doc.text);
  const masked = prose.masked;
  const sentences: DraftSentence[] = [];
  prose.blocks.forEach((block, blockIndex) => {
    const raw = splitSentences(masked, block.start, block.end, { softBreaks: true });
    const mentions = findMentions(masked, raw);
    const quotes = findQuotes(masked, block.start, block.end);
    for (const s of raw) {
      const inside = <T extends { start: number }>(x: T) => x.start >= s.start && x.start < s.end;
      sentences.push({
        start: s.start,
        end: s.end,
        // Original text (with citation markers and emphasis) for display; analysis uses the masked text.
        text: doc.text.slice(s.start, s.end),
        index: sentences.length,
        block: blockIndex,
        mentions: mentions.filter(inside),
        quotes: quotes.filter(inside),
        quantities: findQuantities(masked, s.start, s.end),
        citations: prose.citations.filter((c) => c.start >= s.start && c.start <= s.end + 1),
        ignored: block.ignored || prose.ignored.some((r) => r.start <= s.start && r.end >= s.end),
        heading: block.kind === 'heading',
      });
    }
  });
  return { uri: doc.uri, version: doc.version, text: doc.text, lines: new LineIndex(doc.text), prose, sentences };
}

/** The sentence text as prose (markup and citation markers blanked, spaces collapsed). */
export function proseText(draft: DraftAnalysis, s: Sentence): string {
  return draft.prose.masked.slice(s.start, s.end).replace(/\s+/g, ' ').trim();
}
