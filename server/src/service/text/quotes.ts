// Quotations and who the sentence says spoke them: the marks are paired (quoteMarks.ts), then each
// quote is given the speaker its sentence names (quoteSpeakers.ts).

import type { Quote } from '../types.ts';
import { scan } from './quoteMarks.ts';
import { attribute } from './quoteSpeakers.ts';

export { ATTRIBUTION_VERBS } from './sayingVerbs.ts';

/** Finds quotations in `text[start, end)` with the speaker the sentence names, when it does. */
export function findQuotes(text: string, start = 0, end = text.length): Quote[] {
  const found = scan(text, start, end);
  const quotes: Quote[] = found.map((f) => ({
    start: f.start,
    end: f.end,
    text: text.slice(f.innerStart, f.innerEnd),
    innerStart: f.innerStart,
    innerEnd: f.innerEnd,
  }));
  attribute(text, found, quotes);
  return quotes;
}
