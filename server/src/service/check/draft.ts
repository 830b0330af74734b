// A draft read as prose: sentences with their names, quotes, figures and citation markers, in offsets
// of the original Markdown text.

import type { DocumentInput, Mention, Quantity, Quote, Sentence, Span } from '../types.ts';
import { parseMarkdown, type CitationRef, type MarkdownProse } from '../text/markdown.ts';
import { splitSentences } from '../text/sentences.ts';
import { LineIndex } from '../text/positions.ts';
import { findQuotes } from '../text/quotes.ts';
import { findQuantities } from '../text/numbers.ts';
import { findMentions } from '../corpus/names.ts';
import { Lru } from '../util/lru.ts';

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
    const own = blockSentences(masked, block.start, block.end);
    own.forEach((s, k) => {
      // A citation marker after the full stop belongs to the sentence it follows.
      const citeEnd = k + 1 < own.length ? own[k + 1].start : block.end + 1;
      const sc: CitationRef[] = [];
      while (ci < citations.length && citations[ci].start < s.start) ci++;
      while (ci < citations.length && citations[ci].start < citeEnd) sc.push(citations[ci++]);
      sentences.push({
        start: s.start,
        end: s.end,
        // Original text (with citation markers and emphasis) for display; analysis uses the masked text.
        text: doc.text.slice(s.start, s.end),
        index: sentences.length,
        block: blockIndex,
        mentions: s.mentions,
        quotes: s.quotes,
        quantities: s.quantities,
        citations: sc,
        ignored: isIgnored(s) || block.ignored,
        heading: block.kind === 'heading',
      });
    });
  });
  return { uri: doc.uri, version: doc.version, text: doc.text, lines: new LineIndex(doc.text), prose, sentences };
}

/** A prose block's sentences with their names, quotes and figures. */
interface BlockSentence extends Span {
  mentions: Mention[];
  quotes: Quote[];
  quantities: Quantity[];
}

/** A block analysed lately: its sentences with offsets from the block's start, and as last placed. */
interface AnalysedBlock {
  base: BlockSentence[];
  at: number;
  placed: BlockSentence[];
}

/** Blocks analysed lately, by their masked text: analysing a draft again after an edit (each keystroke,
 *  for completion and hovers) redoes only the blocks it changed, and places again only those it moved
 *  (a block where it was keeps its sentences: copying every name, quote and figure of a 2,000-word draft
 *  to new offsets was a third of a keystroke's analysis). */
const analysedBlocks = new Lru<string, AnalysedBlock>(4_096);

function blockSentences(masked: string, start: number, end: number): BlockSentence[] {
  const key = masked.slice(start, end);
  const known = analysedBlocks.get(key);
  if (known) {
    if (known.at !== start) {
      known.placed = known.base.map((s) => shiftSentence(s, start));
      known.at = start;
    }
    return known.placed;
  }
  const raw = splitSentences(masked, start, end, { softBreaks: true });
  const mentions = findMentions(masked, raw, false);
  const quotes = findQuotes(masked, start, end);
  let mi = 0;
  let qi = 0;
  const out: BlockSentence[] = raw.map((s) => {
    const sm: Mention[] = [];
    const sq: Quote[] = [];
    while (mi < mentions.length && mentions[mi].start < s.start) mi++;
    while (mi < mentions.length && mentions[mi].start < s.end) sm.push(mentions[mi++]);
    while (qi < quotes.length && quotes[qi].start < s.start) qi++;
    while (qi < quotes.length && quotes[qi].start < s.end) sq.push(quotes[qi++]);
    return { start: s.start, end: s.end, mentions: sm, quotes: sq, quantities: findQuantities(masked, s.start, s.end) };
  });
  analysedBlocks.set(key, { base: out.map((s) => shiftSentence(s, -start)), at: start, placed: out });
  return out;
}

/** Forgets the blocks analysed lately (a draft's next analysis starts from its text alone). */
export function forgetAnalysedBlocks(): void {
  analysedBlocks.clear();
}

function shiftSentence(s: BlockSentence, by: number): BlockSentence {
  const span = <T extends Span>(x: T): T => ({ ...x, start: x.start + by, end: x.end + by });
  return {
    start: s.start + by,
    end: s.end + by,
    mentions: s.mentions.map(span),
    quotes: s.quotes.map((q) => ({ ...span(q), innerStart: q.innerStart + by, innerEnd: q.innerEnd + by })),
    quantities: s.quantities.map(span),
  };
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
