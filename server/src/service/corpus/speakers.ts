// Who said each quote: the speaker as written is resolved to an entity; a pronoun ("he said") or an
// unattributed continuation falls back to the nearest person named before it in the same article.

import type { Article, QuoteHit } from '../api.ts';
import type { Entity, Mention } from '../types.ts';
import type { EntityTable } from './entities.ts';

const PRONOUN = /^(?:he|she|they|him|her)$/i;
/** How many sentences back a pronoun or a continuation may look for its speaker. */
const LOOKBACK = 3;

export function resolveQuoteSpeakers(article: Article, table: EntityTable): QuoteHit[] {
  const out: QuoteHit[] = [];
  let lastSpeaker: { entity: Entity; sentence: number } | undefined;
  let lastPerson: { mention: Mention; sentence: number } | undefined;
  for (const sentence of article.sentences) {
    const persons = sentence.mentions.filter((m) => m.kind === 'person');
    for (const quote of sentence.quotes) {
      let speaker: Entity | undefined;
      const written = quote.speaker?.trim();
      if (written && !PRONOUN.test(written)) {
        const inSentence = persons.find((m) => m.text === written || written.endsWith(m.text) || m.text.endsWith(written));
        speaker = table.resolve(inSentence ?? { start: 0, end: 0, text: written, kind: 'person' }, persons);
      }
      if (!speaker && written && PRONOUN.test(written)) {
        // "…," he said: the last person named before the quote, in this sentence or shortly before.
        const before = persons.filter((m) => m.end <= quote.start && !overlapsQuote(m, sentence.quotes));
        const candidate = before[before.length - 1] ?? (lastPerson && sentence.index - lastPerson.sentence <= LOOKBACK ? lastPerson.mention : undefined);
        if (candidate) speaker = table.resolve(candidate, persons);
      }
      if (!speaker && !written) {
        if (lastSpeaker && sentence.index - lastSpeaker.sentence <= LOOKBACK) speaker = lastSpeaker.entity;
        else {
          const outside = persons.filter((m) => !overlapsQuote(m, sentence.quotes));
          if (outside.length === 1) speaker = table.resolve(outside[0], persons);
        }
      }
      if (speaker) lastSpeaker = { entity: speaker, sentence: sentence.index };
      out.push({ quote, sentence, speaker });
    }
    const outside = persons.filter((m) => !overlapsQuote(m, sentence.quotes));
    if (outside.length > 0) lastPerson = { mention: outside[outside.length - 1], sentence: sentence.index };
  }
  return out;
}

function overlapsQuote(m: Mention, quotes: Array<{ start: number; end: number }>): boolean {
  return quotes.some((q) => m.start >= q.start && m.end <= q.end);
}
