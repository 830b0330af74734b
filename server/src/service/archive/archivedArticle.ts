// An analysed article as an archive stores it: the article's own analysis (sentences with their quotes,
// figures and name mentions) as one JSON document, so a language server rebuilds the exact Article the
// embedded index would hold without analysing the text again; and the search terms of each sentence, as
// the BM25 index counts them, so the archive's statistics and scores equal the embedded index's.

import type { Article, SourceSentence } from '../api.ts';
import type { Mention, Quantity, Quote } from '../types.ts';
import { searchTerm, searchTokens } from '../corpus/sentenceIndex.ts';

/** Per sentence: start, end, line, then quotes, figures and mentions (0 when none). */
export type StoredSentence = [number, number, number, Quote[] | 0, Quantity[] | 0, Mention[] | 0];

export interface ArchivedArticle extends Pick<Article, 'uri' | 'key' | 'meta' | 'title' | 'text' | 'bodyStart'> {
  s: StoredSentence[];
  e?: Article['extracted'];
}

export function toArchived(article: Article): ArchivedArticle {
  const s = article.sentences.map((x): StoredSentence => [
    x.start,
    x.end,
    x.line,
    x.quotes.length ? x.quotes : 0,
    x.quantities.length ? x.quantities : 0,
    x.mentions.length ? x.mentions : 0,
  ]);
  const out: ArchivedArticle = { uri: article.uri, key: article.key, meta: article.meta, title: article.title, text: article.text, bodyStart: article.bodyStart, s };
  if (article.extracted) out.e = article.extracted;
  return out;
}

/** The Article `toArchived` stored; throws on a document that is not one. */
export function fromArchived(d: ArchivedArticle): Article {
  if (!d || typeof d.uri !== 'string' || typeof d.text !== 'string' || !Array.isArray(d.s)) throw new Error('not an archived article');
  const sentences: SourceSentence[] = d.s.map((stored, index) => fromStoredSentence(d.uri, index, d.text.slice(stored[0], stored[1]), stored));
  const article: Article = { uri: d.uri, key: d.key, meta: d.meta ?? {}, title: d.title, text: d.text, bodyStart: d.bodyStart, sentences };
  if (d.e) article.extracted = d.e;
  return article;
}

/** One sentence of an archived article, from its stored form and its text. */
export function fromStoredSentence(uri: string, index: number, text: string, stored: StoredSentence): SourceSentence {
  if (!Array.isArray(stored) || typeof stored[0] !== 'number' || typeof stored[1] !== 'number') throw new Error('not an archived sentence');
  const [start, end, line, quotes, quantities, mentions] = stored;
  return { start, end, text, uri, index, line, quotes: quotes || [], quantities: quantities || [], mentions: mentions || [] };
}

/** A sentence as the BM25 index counts it: its field length (distinct tokens) and each search term's
 *  frequency. */
export interface SentenceTerms {
  length: number;
  terms: Map<string, number>;
}

export function sentenceTerms(text: string): SentenceTerms {
  const tokens = searchTokens(text);
  const terms = new Map<string, number>();
  for (const norm of tokens) {
    const term = searchTerm(norm);
    if (term) terms.set(term, (terms.get(term) ?? 0) + 1);
  }
  return { length: new Set(tokens).size, terms };
}

/** The distinct search terms of a query, in the order first written, with how often each is written. */
export function queryTerms(query: string): Array<{ term: string; count: number }> {
  const out = new Map<string, number>();
  for (const norm of searchTokens(query)) {
    const term = searchTerm(norm);
    if (term) out.set(term, (out.get(term) ?? 0) + 1);
  }
  return [...out].map(([term, count]) => ({ term, count }));
}
