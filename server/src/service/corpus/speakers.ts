// Who said each quote in a source article, as an entity, or nobody when the article leaves it open.
// The speaker as written ("Mr Holt", "Jana Holt", "the minister") is resolved against the article's own
// full names and, for a title, the one person here who holds it; "he said" and an unattributed quote
// paragraph take the person the text is about, and only when that is one person. Unknown is better than
// a guess: the checker calls a quotation misattributed on the strength of these speakers.

import type { Article, QuoteHit, SourceSentence } from '../api.ts';
import type { Entity, Mention, Quote } from '../types.ts';
import type { EntityTable } from './entities.ts';
import { reportedSpeaker } from '../text/quoteSpeakers.ts';
import { HONORIFICS } from './gazetteer.ts';

const PRONOUN = /^(?:he|she|him|her)$/i;
/** Other pronouns, and words that name no one in particular. */
const NOBODY = /^(?:they|them|we|us|i|it|you|one|this|that)$/i;
/** How many sentences back a pronoun or a continuation may look for its speaker. */
const LOOKBACK = 3;
/** A speaker written as a title: "the minister", "The US president", "the party's deputy leader". */
const TITLE = /^(?:the|a|its|his|her|their)\s+(?:[\p{L}'’.-]+\s+){0,3}([\p{Ll}][\p{L}-]+)$/iu;

/** The person the text is currently about: the last speaker, or the one person a sentence names. */
interface Focus {
  /** Undefined when the sentence named several people or a speaker that is not a known person. */
  entity?: Entity;
  sentence: number;
  /** The entity spoke (a quote or reported speech), rather than being mentioned. */
  speaking: boolean;
}

export function resolveQuoteSpeakers(article: Article, table: EntityTable): QuoteHit[] {
  const out: QuoteHit[] = [];
  const context = fullNames(article);
  const seen: Entity[] = [];
  let focus: Focus | undefined;
  const resolve = (m: Mention): Entity | undefined => {
    const e = table.resolve(m, context);
    return e?.kind === 'person' ? e : undefined;
  };
  for (const sentence of article.sentences) {
    const persons = sentence.mentions.filter((m) => m.kind === 'person' && !insideQuote(m, sentence.quotes));
    const recent = focus && sentence.index - focus.sentence <= LOOKBACK ? focus : undefined;
    let spoke: Focus | undefined;
    for (const quote of sentence.quotes) {
      const written = quote.speaker?.trim() || reportedIn(sentence);
      let speaker: Entity | undefined;
      if (written && PRONOUN.test(written)) {
        // "…," he said: the one person named before the quote in this sentence, else the person the
        // text is about.
        const before = distinct(persons.filter((m) => m.end <= quote.start).map(resolve));
        speaker = before.length > 0 ? (before.length === 1 ? before[0] : undefined) : recent?.entity;
      } else if (written && !NOBODY.test(written)) {
        speaker = byName(written, sentence, persons, resolve) ?? byTitle(written, seen);
      } else if (!written && standalone(article, sentence, quote)) {
        // A quotation paragraph with no attribution continues the last speaker.
        speaker = recent?.speaking ? recent.entity : undefined;
      }
      out.push({ quote, sentence, speaker });
      if (written || speaker) spoke = { entity: speaker, sentence: sentence.index, speaking: true };
    }
    if (!spoke && sentence.quotes.length === 0) {
      const reported = reportedIn(sentence);
      if (reported && !NOBODY.test(reported)) {
        const entity = PRONOUN.test(reported) ? (persons.length === 0 ? recent?.entity : undefined) : byName(reported, sentence, persons, resolve);
        spoke = { entity, sentence: sentence.index, speaking: true };
      }
    }
    const named = distinct(persons.map(resolve));
    for (const e of named) if (!seen.includes(e)) seen.push(e);
    if (spoke) focus = spoke;
    else if (named.length === 1) focus = { entity: named[0], sentence: sentence.index, speaking: false };
    else if (named.length > 1 || persons.length > 0) focus = { sentence: sentence.index, speaking: false };
  }
  return out;
}

/** A speaker written as a name: the person mention it is (or ends with), resolved in the article. */
function byName(written: string, sentence: SourceSentence, persons: Mention[], resolve: (m: Mention) => Entity | undefined): Entity | undefined {
  const inSentence = persons.find((m) => m.text === written || written.endsWith(m.text) || m.text.endsWith(written));
  if (inSentence) return resolve(inSentence);
  if (!/^\p{Lu}/u.test(written) || TITLE.test(written)) return undefined;
  // Written outside this sentence's names (`…" Mr Holt said` read from the next one): without its title.
  const words = written.split(/\s+/);
  while (words.length > 1 && HONORIFICS.has(words[0].replace(/\.$/, '').toLowerCase())) words.shift();
  return resolve({ start: sentence.start, end: sentence.start, text: words.join(' '), kind: 'person' });
}

/** A speaker written as a title ("the chancellor"): the one person named so far whose roles have that word. */
function byTitle(written: string, seen: Entity[]): Entity | undefined {
  const head = TITLE.exec(written)?.[1]?.toLowerCase();
  if (!head || head.length < 4) return undefined;
  const word = new RegExp(`\\b${head}\\b`, 'i');
  const holders = seen.filter((e) => e.roles.some((r) => word.test(r.text)));
  return holders.length === 1 ? holders[0] : undefined;
}

/** The speaker a sentence reports, its quotations blanked out so their words do not count. */
function reportedIn(sentence: SourceSentence): string | undefined {
  let text = sentence.text;
  for (const q of sentence.quotes) {
    const from = Math.max(0, q.start - sentence.start);
    const to = Math.min(text.length, q.end - sentence.start);
    if (to > from) text = text.slice(0, from) + ' '.repeat(to - from) + text.slice(to);
  }
  return reportedSpeaker(text);
}

/** The quotation is its sentence: nothing but the quoted words and punctuation. */
function standalone(article: Article, sentence: SourceSentence, quote: Quote): boolean {
  const before = article.text.slice(sentence.start, Math.max(sentence.start, quote.start));
  const after = article.text.slice(Math.min(quote.end, sentence.end), sentence.end);
  return !/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after);
}

/** The article's names of people in two words or more, once each: what a lone surname resolves to here. */
function fullNames(article: Article): Mention[] {
  const seen = new Set<string>();
  const out: Mention[] = [];
  for (const s of article.sentences) {
    for (const m of s.mentions) {
      if (m.kind !== 'person' || !/\s/.test(m.text.trim()) || seen.has(m.text)) continue;
      seen.add(m.text);
      out.push(m);
    }
  }
  return out;
}

function distinct(entities: Array<Entity | undefined>): Entity[] {
  const out: Entity[] = [];
  for (const e of entities) if (e && !out.includes(e)) out.push(e);
  return out;
}

function insideQuote(m: Mention, quotes: readonly Quote[]): boolean {
  return quotes.some((q) => m.start >= q.start && m.end <= q.end);
}
