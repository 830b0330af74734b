// A sentence as the index keeps it. Its text is sliced from the article's text when asked for instead of
// being kept: a kept slice is a 32-byte string object, and a large corpus holds millions of sentences
// (1.25 million at 50,000 articles). The article's text is a private field, so it is never enumerated or
// serialised; `toJSON` gives the sentence as a plain object, `text` included, as before. A sentence made by
// a compact article (compactArticle.ts) also holds its article's list of made sentences, so that the list
// stays the article's as long as one of them is in use.

import type { SourceSentence } from '../api.ts';
import type { Mention, Quantity, Quote } from '../types.ts';

export class IndexedSentence implements SourceSentence {
  readonly #source: string;
  readonly #text: string | undefined;
  readonly #siblings: readonly SourceSentence[] | undefined;

  /** `source` is the text of the article the sentence is in; `text`, when given, the sentence's own
   *  text where it is not the source's at its offsets. */
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
    siblings?: readonly SourceSentence[],
    text?: string,
  ) {
    this.#source = source;
    this.#siblings = siblings;
    this.#text = text;
  }

  get text(): string {
    return this.#text ?? this.#source.slice(this.start, this.end);
  }

  /** The list of sentences this one was made in, when a compact article made it. */
  get siblings(): readonly SourceSentence[] | undefined {
    return this.#siblings;
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
