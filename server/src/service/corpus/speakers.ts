// Who said each quote in a source article, as an entity, or nobody when the article leaves it open.
// The speaker as written ("Mr Holt", "Jana Holt", "the minister") is resolved against the article's own
// full names and, for a title, the one person here who holds it; "he said" and an unattributed quote
// paragraph take the person the text is about, and only when that is one person. Unknown is better than
// a guess: the checker calls a quotation misattributed on the strength of these speakers.

import type { Article, QuoteHit, SourceSentence } from '../api.ts';
import type { Entity, Mention, Quote } from '../types.ts';
import type { EntityTable } from './entities.ts';
import { reportedSpeaker } from '../text/quoteSpeakers.ts';
import { HONORIFICS, ROLE_HEADS } from './gazetteer.ts';

const PRONOUN = /^(?:he|she|him|her)$/i;
/** Other pronouns, and words that name no one in particular. */
const NOBODY = /^(?:they|them|we|us|i|it|you|one|this|that)$/i;
/** How many sentences back a pronoun or a continuation may look for its speaker. */
const LOOKBACK = 3;
/** A speaker written as a title: "the minister", "The US president", "the party's deputy leader". */
const TITLE = /^(?:(?:the|a|its|his|her|their)\s+)?(?:[\p{L}'’.-]+\s+){0,3}([\p{L}-]+)$/iu;
/** A description rather than a name: "the minister", "a spokesman". */
const DESCRIPTION = /^(?:the|a|an|its|his|her|their)\s/i;

/** The person the text is about after a sentence: its speaker, or the one person it names. */
interface Focus {
  /** Undefined when the sentence named several people or a speaker that is not a known person. */
  entity?: Entity;
  /** The entity spoke (a quote or reported speech), rather than being mentioned. */
  speaking: boolean;
  /** The sentence opens with this person's name (or a pronoun standing for them): its subject, whom a
   *  "he" or "she" in the next sentence most likely means, though others are named after it. */
  subject?: Entity;
}

export function resolveQuoteSpeakers(article: Article, table: EntityTable): QuoteHit[] {
  const reader = new SpeakerReader(article, table);
  const out: QuoteHit[] = [];
  for (const sentence of article.sentences) {
    for (const quote of sentence.quotes) out.push({ quote, sentence, speaker: reader.speaker(sentence, quote) });
  }
  return out;
}

/** Reads an article's speakers in order; what each sentence says about who is talking is worked out
 *  only when a later quote needs it. */
class SpeakerReader {
  private readonly context: Mention[];
  /** Per sentence: the focus it leaves (null: it says nothing about anyone), when worked out. */
  private readonly states = new Map<number, Focus | null>();
  private readonly spoke = new Map<number, Focus>();
  private readonly seen: Entity[] = [];
  private seenTo = 0;

  constructor(
    private readonly article: Article,
    private readonly table: EntityTable,
  ) {
    this.context = fullNames(article);
  }

  speaker(sentence: SourceSentence, quote: Quote): Entity | undefined {
    const persons = personsIn(sentence);
    const written = quote.speaker?.trim() || reportedIn(sentence);
    let speaker: Entity | undefined;
    if (written && PRONOUN.test(written)) {
      // "…," he said: the one person named before the quote in this sentence, else the person the
      // text is about.
      // Names after the pronoun are not what it stands for (`He accused Holt of "…"`).
      const at = pronounOffset(sentence, written, quote);
      const before = distinct(persons.filter((m) => m.end <= Math.min(quote.start, at)).map(this.resolve));
      speaker = before.length > 0 ? (before.length === 1 ? before[0] : undefined) : (this.pronounAt(sentence.index) ?? this.openerOfPrevious(sentence, quote));
    } else if (written && !NOBODY.test(written)) {
      speaker = this.byName(written, sentence, persons) ?? byTitle(written, this.seenUpTo(sentence.index), this.focusBefore(sentence.index)?.entity);
    } else if (!written && standalone(this.article, sentence, quote)) {
      // A quotation paragraph with no attribution continues the last speaker.
      const focus = this.focusBefore(sentence.index);
      speaker = focus?.speaking ? focus.entity : undefined;
    }
    if (written || speaker) this.spoke.set(sentence.index, { entity: speaker, speaking: true });
    return speaker;
  }

  /** "Trevor Phillips… praised Lord Scarman's ability to listen. He said: \"When Lord Scarman toured…\"": the
   *  person opening the sentence before, when everyone else it names is named in the quotation (a speaker
   *  does not speak of themselves by name). */
  private openerOfPrevious(sentence: SourceSentence, quote: Quote): Entity | undefined {
    const previous = this.article.sentences[sentence.index - 1];
    if (!previous) return undefined;
    const persons = personsIn(previous);
    const opener = openingName(previous, persons);
    const entity = opener && this.resolve(opener);
    if (!entity) return undefined;
    const others = distinct(persons.map(this.resolve)).filter((e) => e !== entity);
    const quoted = ` ${quote.text.toLowerCase().replace(/[^\p{L}\p{N}'’-]+/gu, ' ')} `;
    return others.length > 0 && others.every((e) => !!e && quoted.includes(` ${lastWord(e.name)} `)) ? entity : undefined;
  }

  private readonly resolve = (m: Mention): Entity | undefined => {
    const e = this.table.resolve(m, this.context);
    return e?.kind === 'person' ? e : undefined;
  };

  /** The focus left by the nearest sentence before `index` (at most LOOKBACK back) that has one. */
  private focusBefore(index: number): Focus | undefined {
    for (let j = index - 1; j >= 0 && index - j <= LOOKBACK; j--) {
      const state = this.stateOf(j);
      if (state) return state;
    }
    return undefined;
  }

  /** Who "he"/"she" is at sentence `index`: the focus, unless it is someone merely mentioned since
   *  another person spoke (`X said… Y was there. "…," she said` leaves it open). */
  private pronounAt(index: number): Entity | undefined {
    let mentioned: Entity | undefined;
    for (let j = index - 1; j >= 0 && index - j <= LOOKBACK; j--) {
      const state = this.stateOf(j);
      if (!state) continue;
      // "Lewis-Francis has still to decide… He has confirmed…": the last sentence's subject.
      if (state.subject && (!mentioned || mentioned === state.subject)) return state.subject;
      if (state.speaking) return !mentioned || state.entity === mentioned ? (mentioned ?? state.entity) : undefined;
      if (!state.entity) return undefined;
      if (mentioned && mentioned !== state.entity) return undefined;
      mentioned = state.entity;
    }
    return mentioned;
  }

  private stateOf(j: number): Focus | null {
    let state = this.states.get(j);
    if (state !== undefined) return state;
    const sentence = this.article.sentences[j];
    const persons = personsIn(sentence);
    state = this.spoke.get(j) ?? null;
    if (!state && sentence.quotes.length === 0) {
      const reported = reportedIn(sentence);
      if (reported && !NOBODY.test(reported)) {
        // "He has confirmed his race against Jason Gardener": names after the pronoun are not who it is.
        const opening = PRONOUN.test(reported) && pronounOpens(sentence, reported);
        const entity = PRONOUN.test(reported)
          ? persons.length === 0 || opening
            ? this.pronounAt(j)
            : undefined
          : (this.byName(reported, sentence, persons) ?? byTitle(reported, this.seenUpTo(j), this.focusBefore(j)?.entity));
        state = { entity, speaking: true, subject: opening ? entity : undefined };
      }
    }
    if (!state && persons.length > 0) {
      const named = distinct(persons.map(this.resolve));
      // Its subject only when it names no one else ("Staunton is the choice of Steven Gaydos. But he…").
      const opener = named.length === 1 ? openingName(sentence, persons) : undefined;
      const subject = opener && this.resolve(opener) === named[0] ? named[0] : undefined;
      state = { entity: named.length === 1 ? named[0] : undefined, speaking: false, subject };
    }
    this.states.set(j, state);
    return state;
  }

  /** The people named in the article up to and including sentence `index`. */
  private seenUpTo(index: number): Entity[] {
    for (; this.seenTo <= index && this.seenTo < this.article.sentences.length; this.seenTo++) {
      for (const e of distinct(personsIn(this.article.sentences[this.seenTo]).map(this.resolve))) if (!this.seen.includes(e)) this.seen.push(e);
    }
    return this.seen;
  }

  /** A speaker written as a name: the person mention it is (or ends with), resolved in the article. */
  private byName(written: string, sentence: SourceSentence, persons: Mention[]): Entity | undefined {
    // An affiliation after the name is not the speaker ("Rhian Beynon of the JCWI said").
    written = written.replace(/^(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)+)\s+(?:of|from|at)\s+.*$/u, '$1');
    const inSentence = persons.find((m) => m.text === written || written.endsWith(m.text) || m.text.endsWith(written));
    if (inSentence) return this.resolve(inSentence);
    if (!/^\p{Lu}/u.test(written) || DESCRIPTION.test(written)) return undefined;
    // Written outside this sentence's names (`…" Mr Holt said` read from the next one): without its title.
    const words = written.split(/\s+/);
    // An owner before the name is not part of it ("Oxfam's Barbara Stocking").
    if (words.length > 2 && /['’]s$/.test(words[0])) words.shift();
    while (words.length > 1 && HONORIFICS.has(words[0].replace(/\.$/, '').toLowerCase())) words.shift();
    // Only a person of that name: a lone word may be anything else in the corpus ("Labour").
    const e = this.resolve({ start: sentence.start, end: sentence.start, text: words.join(' '), kind: 'person' });
    return e && lastWord(e.name) === lastWord(words.join(' ')) ? e : undefined;
  }
}

/** The person whose name opens the sentence, after at most a connective and a title ("But District
 *  Attorney Bruce Castor…", "Chelsea boss Jose Mourinho…"), not as a possessive ("Cosby's lawyer"). */
function openingName(sentence: SourceSentence, persons: Mention[]): Mention | undefined {
  const first = persons[0];
  if (!first || first.start < sentence.start) return undefined;
  const before = sentence.text.slice(0, first.start - sentence.start).trim();
  if (/^['’]s\b/.test(sentence.text.slice(first.end - sentence.start))) return undefined;
  const words = before ? before.split(/\s+/) : [];
  if (words.length > 6) return undefined;
  // A title may join its words with "of" or "for", and hold one lower-case word after it ("Real Madrid
  // director of sport Emilio Butragueno").
  const titled = (w: string, i: number) => /^\p{Lu}[\p{L}.'’-]*,?$/u.test(w) || ROLE_HEADS.has(w.toLowerCase()) || (i > 0 && /^(?:of|for)$/.test(w) && ROLE_HEADS.has(words[i - 1].toLowerCase()));
  let loose = 0;
  for (let i = 0; i < words.length; i++) {
    if (titled(words[i], i)) continue;
    if (!(i > 1 && /^(?:of|for)$/.test(words[i - 1]) && /^\p{Ll}+$/u.test(words[i])) || ++loose > 1) return undefined;
  }
  return words.length <= 4 || words.some((w) => ROLE_HEADS.has(w.toLowerCase())) ? first : undefined;
}

/** Whether the sentence opens with the pronoun `word` ("He has confirmed…", "But she said…"). */
function pronounOpens(sentence: SourceSentence, word: string): boolean {
  return new RegExp(`^(?:(?:But|And|Yet|So|However|Now|Then|Later|Earlier),?\\s+)?${word}\\b`, 'i').test(sentence.text.trimStart());
}

function personsIn(sentence: SourceSentence): Mention[] {
  return sentence.mentions.filter((m) => m.kind === 'person' && !insideQuote(m, sentence.quotes));
}

/** A speaker written as a title ("the chancellor"): the person just named, or else the one person named
 *  so far, whose roles have that word. */
function byTitle(written: string, seen: Entity[], near: Entity | undefined): Entity | undefined {
  const head = TITLE.exec(written)?.[1]?.toLowerCase();
  if (!head || !ROLE_HEADS.has(head) || HONORIFICS.has(head)) return undefined;
  // "The chancellor" is not the shadow chancellor, nor a former or deputy one.
  const word = new RegExp(`(?<!\\b(?:shadow|former|deputy|vice|ex)[\\s-])\\b${head}\\b`, 'i');
  const holds = (e: Entity) => e.roles.some((r) => word.test(r.text));
  if (near && holds(near)) return near;
  const holders = seen.filter(holds);
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

function lastWord(name: string): string {
  const words = name.toLowerCase().split(/\s+/);
  return words[words.length - 1];
}

/** Where the speaker pronoun is written in the sentence, outside the quotation (the quote's start if not found). */
function pronounOffset(sentence: SourceSentence, pronoun: string, quote: Quote): number {
  const re = new RegExp(`(?<![\\p{L}])${pronoun}(?![\\p{L}])`, 'giu');
  for (let m = re.exec(sentence.text); m; m = re.exec(sentence.text)) {
    const at = sentence.start + m.index;
    if (at < quote.start || at >= quote.end) return at;
  }
  return quote.start;
}
