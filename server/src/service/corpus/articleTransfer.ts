// An analysed article as it crosses between threads (analysis in worker threads, the index on the main
// one): the source text and the sentence texts (slices of it) are left out, since the receiver holds the
// text it sent, and copying them back would double the bytes copied and the memory kept.

import type { Article, SourceSentence } from '../api.ts';
import type { DocumentInput, Mention, Quantity, Quote } from '../types.ts';
import { SentenceTerms } from './sentenceIndex.ts';

/** An article without its text; its sentences without text or uri; with their search terms (each
 *  sentence's joined by spaces, which no term holds) and field lengths, so the index need not tokenize. */
export type ArticleParts = Omit<Article, 'text' | 'sentences'> & { sentences: Array<Omit<SourceSentence, 'text' | 'uri'>>; terms?: string[]; lengths?: number[] };

/** Each sentence's search terms and field length (see SentenceTerms), by sentence index. */
export type ArticleTerms = Array<{ terms: readonly string[]; length: number }>;

// Most sentences have no quote, figure or name: as the index does, they share one empty list each.
const NO_QUOTES = Object.freeze([]) as unknown as Quote[];
const NO_QUANTITIES = Object.freeze([]) as unknown as Quantity[];
const NO_MENTIONS = Object.freeze([]) as unknown as Mention[];

export function articleParts(article: Article, counter?: SentenceTerms): ArticleParts {
  const { text: _text, sentences, ...rest } = article;
  const parts: ArticleParts = { ...rest, sentences: sentences.map(({ text: _t, uri: _u, ...s }) => s) };
  if (counter) {
    const terms: string[] = [];
    const lengths: number[] = [];
    for (const s of sentences) {
      const t = counter.of(s.text);
      if (t.terms.some((x) => x.includes(' '))) return parts;
      terms.push(t.terms.join(' '));
      lengths.push(t.length);
    }
    parts.terms = terms;
    parts.lengths = lengths;
  }
  return parts;
}

/** The search terms sent with an article's parts, if any. */
export function termsFromParts(parts: ArticleParts): ArticleTerms | undefined {
  const { terms, lengths } = parts;
  if (!terms || !lengths || terms.length !== parts.sentences.length || lengths.length !== terms.length) return undefined;
  return terms.map((t, i) => ({ terms: t ? t.split(' ') : [], length: lengths[i] }));
}

/** The article again, from its parts and the document it was analysed from. */
export function articleFromParts(parts: ArticleParts, doc: DocumentInput): Article {
  if (parts.uri !== doc.uri) throw new Error(`analysis of ${parts.uri} returned for ${doc.uri}`);
  const text = doc.text;
  const sentences: SourceSentence[] = parts.sentences.map((s) => ({
    start: s.start,
    end: s.end,
    text: text.slice(s.start, s.end),
    uri: doc.uri,
    index: s.index,
    line: s.line,
    quotes: s.quotes.length ? s.quotes : NO_QUOTES,
    quantities: s.quantities.length ? s.quantities : NO_QUANTITIES,
    mentions: s.mentions.length ? s.mentions : NO_MENTIONS,
  }));
  const article: Article = { uri: parts.uri, key: parts.key, meta: parts.meta, title: parts.title, text, bodyStart: parts.bodyStart, sentences };
  if (parts.extracted) article.extracted = parts.extracted;
  return article;
}
