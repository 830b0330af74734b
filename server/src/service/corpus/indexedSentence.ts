// A sentence as the index keeps it. Its text is sliced from the article's text when asked for instead of
// being kept: a kept slice is a 32-byte string object, and a large corpus holds millions of sentences
// (1.25 million at 50,000 articles). The article's text is a private field, so it is never enumerated or
// serialised; `toJSON` gives the sentence as a plain object, `text` included, as before.

import type { SourceSentence } from '../api.ts';
import type { Mention, Quantity, Quote } from '../types.ts';

export class IndexedSentence implements SourceSentence {
  readonly #source: string;

  /** `source` is the text of the article the sentence is in. */
  constructor(
    source: string,
    public start: number,
    public end: number,
    public uri: string,
    public index: number,
    public line: number,
    public quotes: Quote[],
    public quantities: Quantity[],
    public mentions: Mention[],
  ) {
    this.#source = source;
  }

  get text(): string {
    return this.#source.slice(this.start, this.end);
  }

  toJSON(): SourceSentence {
    const { start, end, text, uri, index, line, quotes, quantities, mentions } = this;
    return { start, end, text, uri, index, line, quotes, quantities, mentions };
  }
}

/** The sentence as the index keeps it; one whose text is not the article's text at its offsets stays as
 *  it is. */
export function indexedSentence(articleText: string, s: SourceSentence): SourceSentence {
  if (s instanceof IndexedSentence || s.text !== articleText.slice(s.start, s.end)) return s;
  return new IndexedSentence(articleText, s.start, s.end, s.uri, s.index, s.line, s.quotes, s.quantities, s.mentions);
}
