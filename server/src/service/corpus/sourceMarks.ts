// Where a passage of an extracted source sits in the original file: the page of a PDF or Word document,
// the start time of a transcript's cue. The host records marks (offset → page or time) while extracting;
// these helpers read them back for citations, hover links, diagnostics and the CLI's JSON.

import type { Article } from '../api.ts';
import type { SourceMark } from '../types.ts';

/** Page and time of the passage starting at `offset` (either may be absent). */
export interface PassagePlace {
  page?: number;
  time?: string;
}

/** The last mark at or before `offset` (binary search), as page and/or time. */
export function placeAt(article: Pick<Article, 'extracted'> | undefined, offset: number): PassagePlace {
  const marks = article?.extracted?.marks;
  if (!marks || marks.length === 0) return {};
  let lo = 0;
  let hi = marks.length - 1;
  if (offset < marks[0].offset) return {};
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (marks[mid].offset <= offset) lo = mid;
    else hi = mid - 1;
  }
  return placeOf(marks[lo]);
}

function placeOf(mark: SourceMark): PassagePlace {
  const out: PassagePlace = {};
  if (typeof mark.page === 'number') out.page = mark.page;
  if (typeof mark.time === 'string') out.time = mark.time;
  return out;
}

/** "p. 2", "at 00:12:31", or "" when the passage has neither. */
export function placeText(place: PassagePlace): string {
  if (place.page !== undefined) return `p. ${place.page}`;
  if (place.time !== undefined) return `at ${place.time}`;
  return '';
}

/** " (p. 2)" / " (at 00:12:31)" for the passage at `offset`, or "". */
export function placeSuffixAt(article: Pick<Article, 'extracted'> | undefined, offset: number): string {
  const text = placeText(placeAt(article, offset));
  return text ? ` (${text})` : '';
}

/** Offset where 0-based `line` starts in `text` (the text's length past its last line). */
function lineOffset(text: string, line: number): number {
  let at = 0;
  for (let i = 0; i < line; i++) {
    const nl = text.indexOf('\n', at);
    if (nl < 0) return text.length;
    at = nl + 1;
  }
  return at;
}

/** The place of a passage given by its line and character (evidence and locations carry positions, not
 *  offsets). */
export function placeAtLine(article: Pick<Article, 'extracted' | 'text'> | undefined, line: number, character = 0): PassagePlace {
  if (!article?.extracted?.marks?.length) return {};
  return placeAt(article, lineOffset(article.text, line) + character);
}

/** " (p. 2)" / " (at 00:12:31)" after a label, or "" for a passage of a plain text source. */
export function placeSuffix(article: Pick<Article, 'extracted' | 'text'> | undefined, line: number, character = 0): string {
  const text = placeText(placeAtLine(article, line, character));
  return text ? ` (${text})` : '';
}
