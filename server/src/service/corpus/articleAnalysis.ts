// Analysing one source text into an Article: sentences (a run-in headline its own), with the quotes,
// figures and name mentions of each, and the byline's reporter. Pure; the index (corpusIndex.ts) holds the
// results, and worker threads run this for a cold index.

import type { Article, SourceSentence } from '../api.ts';
import type { DocumentInput, Mention, Quantity, Quote, Sentence } from '../types.ts';
import { splitSentences } from '../text/sentences.ts';
import { LineIndex } from '../text/positions.ts';
import { findQuotes } from '../text/quotes.ts';
import { findQuantities } from '../text/numbers.ts';
import { findMentions, newMention } from './names.ts';
import { bylineSpan } from './credits.ts';
import { parseArticle } from './article.ts';

// Most sentences have no quote, figure or name: they share these (frozen, so a stray push fails loudly).
export const NO_QUOTES = Object.freeze([]) as unknown as Quote[];
export const NO_QUANTITIES = Object.freeze([]) as unknown as Quantity[];
export const NO_MENTIONS = Object.freeze([]) as unknown as Mention[];

/** Splits an article body into sentences, treating a run-in headline as a sentence of its own. */
export function articleSentences(text: string, bodyStart: number, headline?: { start: number; end: number }): Sentence[] {
  if (headline && headline.end > bodyStart && headline.end < text.length) {
    return [...splitSentences(text, bodyStart, headline.end), ...splitSentences(text, headline.end)];
  }
  return splitSentences(text, bodyStart);
}

/** A copy without spare capacity: an array grown by push keeps room for 16 or more elements, and a corpus
 *  holds millions of these short per-sentence lists. */
function exact<T>(items: T[], none: T[]): T[] {
  return items.length === 0 ? none : items.length === 1 ? [items[0]] : items.slice();
}

function assignBySpan<T extends { start: number }>(items: T[], sentences: Sentence[], none: T[]): T[][] {
  const out: T[][] = new Array<T[]>(sentences.length).fill(none);
  const put = (i: number, item: T) => {
    if (out[i] === none) out[i] = [item];
    else out[i].push(item);
  };
  let i = 0;
  for (const item of [...items].sort((a, b) => a.start - b.start)) {
    while (i < sentences.length - 1 && item.start >= sentences[i].end) i++;
    if (sentences[i] && item.start >= sentences[i].start && item.start < sentences[i].end) put(i, item);
    else if (sentences[i] && i > 0 && item.start < sentences[i].start) put(i - 1, item);
  }
  for (let k = 0; k < out.length; k++) if (out[k].length > 1) out[k] = exact(out[k], none);
  return out;
}

/** Parses one source text into an Article with analysed sentences (pure, no index mutation). */
export function analyseArticle(doc: DocumentInput): Article {
  const parsed = parseArticle(doc.uri, doc.text);
  const text = doc.text;
  const lines = new LineIndex(text);
  const sentences = articleSentences(text, parsed.bodyStart, parsed.headline);
  const quotes = findQuotes(text, parsed.bodyStart);
  const mentions = findMentions(text, sentences);
  // The byline above the body is a sentence of its own holding the author, a person (reporter).
  const byline = bylineSpan(text, parsed.bodyStart, parsed.meta.author);
  if (byline && (!sentences.length || byline.end <= sentences[0].start)) {
    sentences.unshift({ start: byline.start, end: byline.end, text: text.slice(byline.start, byline.end) });
    mentions.unshift(newMention(byline.start, byline.end, text.slice(byline.start, byline.end), 'person', 'reporter', false));
  }
  const quotesPer = assignBySpan(quotes, sentences, NO_QUOTES);
  const mentionsPer = assignBySpan(mentions, sentences, NO_MENTIONS);
  const out: SourceSentence[] = sentences.map((s, index) => {
    const quantities = findQuantities(text, s.start, s.end);
    return {
      start: s.start,
      end: s.end,
      text: s.text,
      uri: doc.uri,
      index,
      line: lines.lineAt(s.start),
      quotes: quotesPer[index],
      quantities: exact(quantities, NO_QUANTITIES),
      mentions: mentionsPer[index],
    };
  });
  const article: Article = { uri: doc.uri, key: parsed.key, meta: parsed.meta, title: parsed.title, text, bodyStart: parsed.bodyStart, sentences: out };
  if (doc.extracted) article.extracted = doc.extracted;
  return article;
}
