// A draft read as prose: sentences with their names, quotes, figures and citation markers, in offsets
// of the original Markdown text.

import type { DocumentInput, Mention, Quantity, Quote, Sentence, Span } from '../types.ts';
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
  // Items are assigned to sentences with moving pointers: linear in the draft's size.
  const citations = [...prose.citations].sort((a, b) => a.start - b.start);
  let ci = 0;
  const isIgnored = ignoreTester(prose.ignored);
  prose.blocks.forEach((block, blockIndex) => {
    const raw = splitSentences(masked, block.start, block.end, { softBreaks: true });
    const mentions = findMentions(masked, raw, false);
    const quotes = findQuotes(masked, block.start, block.end);
    let mi = 0;
    let qi = 0;
    raw.forEach((s, k) => {
      // A citation marker after the full stop belongs to the sentence it follows.
      const citeEnd = k + 1 < raw.length ? raw[k + 1].start : block.end + 1;
      const own = <T extends { start: number }>(list: T[], from: number, end: number): [T[], number] => {
        const out: T[] = [];
        let i = from;
        while (i < list.length && list[i].start < s.start) i++;
        while (i < list.length && list[i].start < end) out.push(list[i++]);
        return [out, i];
      };
      let sm: Mention[];
      let sq: Quote[];
      let sc: CitationRef[];
      [sm, mi] = own(mentions, mi, s.end);
      [sq, qi] = own(quotes, qi, s.end);
      [sc, ci] = own(citations, ci, citeEnd);
      sentences.push({
        start: s.start,
        end: s.end,
        // Original text (with citation markers and emphasis) for display; analysis uses the masked text.
        text: doc.text.slice(s.start, s.end),
        index: sentences.length,
        block: blockIndex,
        mentions: sm,
        quotes: sq,
        quantities: findQuantities(masked, s.start, s.end),
        citations: sc,
        ignored: isIgnored(s) || block.ignored,
        heading: block.kind === 'heading',
      });
    });
  });
  return { uri: doc.uri, version: doc.version, text: doc.text, lines: new LineIndex(doc.text), prose, sentences };
}

/** Tests sentences, in order, against ignored ranges: a pointer and the furthest end seen so far. */
function ignoreTester(ranges: Span[]): (s: Span) => boolean {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  let i = 0;
  let reach = -1;
  return (s) => {
    while (i < sorted.length && sorted[i].start <= s.start) reach = Math.max(reach, sorted[i++].end);
    return reach >= s.end;
  };
}

/** The sentence text as prose (markup and citation markers blanked, spaces collapsed). */
export function proseText(draft: DraftAnalysis, s: Sentence): string {
  return draft.prose.masked.slice(s.start, s.end).replace(/\s+/g, ' ').trim();
}
