// Are a quotation's words given to the right person? A quotation found word for word in the sources is
// misattributed when the draft names one person as its speaker and the sources, everywhere they have
// the same statement, give it to someone else. Unknown is never wrong: a source speaker the article
// leaves open, a pronoun or an unrecognised speaker in the draft, or the same words also said by the
// draft's speaker, and nothing is flagged. One thing is known of a source speaker written "he" or
// "she": a pronoun refers back, so the speaker is someone the article names before the words. A draft
// speaker the article names only after them (or not at all) is not who said them.

import type { Article, QuoteHit, SourceSentence } from '../api.ts';
import type { Entity, Mention, Quote, Span } from '../types.ts';
import type { CorpusIndex } from '../corpus/corpusIndex.ts';
import type { DraftAnalysis, DraftSentence } from './draft.ts';
import { contentStems, stem } from '../text/words.ts';
import { quoteSpans, quoteWords } from './quoteCheck.ts';
import { escapeRegExp } from '../util/escapeRegExp.ts';
import { FIRST_NAMES } from '../corpus/gazetteer.ts';

/** A quotation this long (in words) is one statement wherever it appears; a shorter one ("recent
 *  experience") is the same statement only where the sentence around it says the same. */
const DISTINCTIVE_WORDS = 6;
/** A quotation this long (in words) is one statement in a story that names the draft's speaker too. */
const STORY_WORDS = 4;
/** Share of the draft sentence's own words (quote and speaker aside) a source sentence must have for
 *  a short quotation there to be the same statement. */
const SAME_STATEMENT = 0.5;
/** Articles searched for a short quotation's statement, beyond those holding its words. */
const STATEMENT_ARTICLES = 10;
/** Stems of the plain saying verbs, which say nothing of what was said. */
const PLAIN_SAYING: ReadonlySet<string> = new Set(['said', 'say', 'says', 'saying', 'told', 'tell', 'tells', 'telling', 'add', 'added', 'adding'].flatMap((w) => [w, stem(w)]));
/** A written speaker that is a description, not a name ("The company", "A spokesman"). */
const STARTS_PHRASE = /^(?:the|a|an|this|that|its|his|her|their|our)\s/i;
/** Source speakers that refer back to a person named earlier. */
const BACK_REFERENCE = /^(?:he|she)$/i;
const PRONOUN = /^(?:he|she|they|we|i|it|you|him|her|them|one)$/i;
const TITLES = /^(?:mr|mrs|ms|miss|dr|sir|dame|lord|lady|prof|professor|gen|general|sen|senator|rep|gov|president|minister|chancellor|secretary)\.?$/i;

export interface Misattribution {
  /** Who the sources give the words to; none when the source writes a pronoun ("he added") and names
   *  the draft's speaker only after the words, if at all. */
  speaker?: Entity;
  /** The source's speaker as written, for a pronoun. */
  pronoun?: string;
  /** Someone the source describes and does not name ("a spokesman for the UK Film Council"): not the
   *  person the draft names. */
  described?: string;
  /** The source sentence holding the words. */
  sentence: SourceSentence;
  /** The speaker's name as the draft writes it, with draft offsets. */
  written: Span & { text: string };
  /** The sources' speaker in the same form (surname for a surname, full name for a full name). */
  replacement: string;
}

/**
 * The person the sources give a draft quotation to, when that is someone other than the speaker the
 * draft names; `candidates` are the articles to look in (the cited ones when `scoped`).
 */
export function misattribution(
  corpus: CorpusIndex,
  draft: DraftAnalysis,
  s: DraftSentence,
  q: Quote,
  prose: string,
  allMentions: Mention[],
  candidates: Article[],
  scoped: boolean,
): Misattribution | undefined {
  const draftSpeaker = speakerMention(draft, s, q);
  if (!draftSpeaker) return undefined;
  const claimed = corpus.resolveMention(draftSpeaker, allMentions);
  if (claimed && claimed.kind !== 'person') return undefined;

  const words = quoteWords(q.text);
  // Capitalised words only ("Red", "Never Again"): a title or a name in quotation marks, not speech.
  if (!/(?:^|[^\p{L}\p{N}'’])\p{Ll}/u.test(q.text)) return undefined;
  const distinctive = words.length >= DISTINCTIVE_WORDS;
  const context = distinctive ? [] : statementStems(prose, s, q, draftSpeaker);
  const articles = [...candidates];
  if (!distinctive && !scoped) {
    for (const hit of corpus.searchSentences(prose, STATEMENT_ARTICLES)) {
      const a = corpus.article(hit.sentence.uri);
      if (a && !articles.includes(a)) articles.push(a);
    }
  }

  let other: { speaker: Entity; sentence: SourceSentence } | undefined;
  let unnamed: { pronoun: string; sentence: SourceSentence } | undefined;
  let nobody: { described: string; sentence: SourceSentence } | undefined;
  const surname = surnamePattern(draftSpeaker.text);
  for (const article of articles) {
    const hits = corpus.quoteHits(article);
    for (const span of quoteSpans(q.text, article)) {
      const hit = hits.find((h) => h.quote.innerStart <= span.start && span.end <= h.quote.innerEnd);
      const sentence = hit?.sentence ?? article.sentences.find((x) => span.start >= x.start && span.start < x.end);
      if (!sentence) continue;
      // A short quotation is the same statement where the sentence around it says the same, or in a story
      // that also names the draft's speaker ("'It was a respectable report,' said Kurt Karl" where the
      // story gives those words to Michael Moran and quotes Karl too).
      if (!distinctive && !(context.length >= 2 && sameStatement(context, article, sentence)) && !(words.length >= STORY_WORDS && namedBefore(article, surname))) continue;
      // A pronoun speaker is someone named before the words: not a draft speaker named only after them.
      const written = hit?.quote.speaker?.trim();
      // Someone described, not named ("A spokesman for … said: '…' He added: '…'"), is no one the draft names.
      const description = hit && !hit.speaker && written ? (INDEFINITE.test(written) ? written : BACK_REFERENCE.test(written) ? describedBefore(hits, hit) : undefined) : undefined;
      // Not a description that names someone too ("A spokesman, Ian Cotton, said").
      const described = description && !description.includes(',') && !(surname && surname.test(description)) ? description : undefined;
      if (described) {
        nobody ??= { described: described.replace(INDEFINITE, (a) => a.toLowerCase()), sentence };
        continue;
      }
      if (hit && !hit.speaker && written && BACK_REFERENCE.test(written) && !namedBefore(article, surname, hit.quote.start)) {
        unnamed ??= { pronoun: written, sentence };
        continue;
      }
      // An organisation as the speaker ("Marsh said in a statement") is no person the draft names.
      const speaker = hit?.speaker ?? (written && /^\p{Lu}/u.test(written) && !STARTS_PHRASE.test(written) ? organisation(corpus, written) : undefined);
      // The same statement with no known speaker, or said by the draft's speaker: nothing to say.
      if (!speaker) return undefined;
      if (samePerson(speaker, claimed, draftSpeaker.text)) return undefined;
      other ??= { speaker, sentence };
    }
  }
  const written = { start: draftSpeaker.start, end: draftSpeaker.end, text: draftSpeaker.text };
  if (other) return { ...other, written, replacement: nameLike(other.speaker.name, draftSpeaker.text) };
  if (unnamed) return { ...unnamed, written, replacement: '' };
  if (nobody) return { ...nobody, written, replacement: '' };
  return undefined;
}

/** A written speaker introducing someone new and unnamed ("A spokesman for the council"). */
const INDEFINITE = /^(?:a|an)\s/i;

/** The unnamed person a pronoun speaker continues: the speaker of the quotation in the sentence right
 *  before, written as an indefinite description, when the pronoun opens its own sentence ("He added:"). */
function describedBefore(hits: readonly QuoteHit[], hit: QuoteHit): string | undefined {
  if (!/^\W*(?:he|she)\b/i.test(hit.sentence.text)) return undefined;
  const last = hits.filter((h) => h.sentence.index === hit.sentence.index - 1 && h.sentence.uri === hit.sentence.uri).pop();
  const written = last?.quote.speaker?.trim();
  return last && !last.speaker && written && INDEFINITE.test(written) ? written : undefined;
}

/** The organisation a source's written speaker names ("Marsh", "Reuters"), when the corpus knows it as one. */
function organisation(corpus: CorpusIndex, written: string): Entity | undefined {
  const e = corpus.lookupEntity(written);
  return e && e.kind === 'organization' ? e : undefined;
}

/** A phrase this short (in words), quoted and given to a speaker, is that speaker's only in a story that
 *  names them: "economic disaster" is in many stories. */
export const SHORT_QUOTE_WORDS = 4;

/**
 * For a short quotation the draft gives to a named speaker: the candidate articles that name the speaker
 * (the quotation must be found there), or undefined when the rule does not apply.
 */
export function speakerArticles(draft: DraftAnalysis, s: DraftSentence, q: Quote, candidates: readonly Article[]): Article[] | undefined {
  if (quoteWords(q.text).length >= SHORT_QUOTE_WORDS) return undefined;
  const speaker = speakerMention(draft, s, q);
  if (!speaker) return undefined;
  const surname = surnamePattern(speaker.text);
  return candidates.filter((a) => namedBefore(a, surname));
}

/** The surname of a person as the draft writes them, as a whole word; undefined when the name is only a
 *  title. */
function surnamePattern(written: string): RegExp | undefined {
  const words = written.split(/\s+/).filter((w) => w && !TITLES.test(w));
  const surname = words[words.length - 1];
  return surname ? new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(surname)}(?![\\p{L}\\p{N}])`, 'u') : undefined;
}

/** Whether the article writes the surname (`surnamePattern`) before `at` (anywhere, without it); a name
 *  that is only a title counts as written. */
function namedBefore(article: Article, surname: RegExp | undefined, at = article.text.length): boolean {
  return !surname || surname.test(article.text.slice(0, at));
}

/** The person mention the quote's written speaker is (or ends with): "Jana Holt", "Holt", "Minister Jana Holt";
 *  part of the judgement's cache key, as the name may be in the next sentence. */
export function speakerMention(draft: DraftAnalysis, s: DraftSentence, q: Quote): Mention | undefined {
  const written = q.speaker?.trim();
  if (!written || PRONOUN.test(written) || !/^\p{Lu}/u.test(written)) return undefined;
  // `"….” Holt told the paper.` names the speaker in the next sentence.
  const next = draft.sentences[s.index + 1];
  const near = next && next.block === s.block && q.end >= s.end - 2 ? [...s.mentions, ...next.mentions] : s.mentions;
  const outside = near.filter((m) => !(m.start >= q.start && m.end <= q.end));
  const text = draft.prose.masked;
  let m = outside.find((x) => x.text === written || written.endsWith(` ${x.text}`));
  // `Alan Schwartz of ScanSoft said`: the person before an affiliation, not the organisation after it.
  if (m && m.kind !== 'person') {
    const org = m;
    m = outside.find((x) => x.kind === 'person' && x.end < org.start && /^\s+of\s+(?:the\s+)?$/i.test(text.slice(x.end, org.start))) ?? org;
  }
  if (!m) {
    // `said William Hill spokesman Rupert Adams`: the speaker read as its title, the name right after it.
    const after = text.indexOf(written, q.end);
    const at = after >= 0 ? after : text.lastIndexOf(written, q.start);
    m = at >= 0 ? outside.find((x) => x.kind === 'person' && x.start > at + written.length - 1 && x.start <= at + written.length + 2) : undefined;
  }
  if (!m || (m.kind !== 'person' && !m.weak)) return undefined;
  return m;
}

/**
 * The draft sentence's own content stems: without the quotation, the speaker, "said"/"told", and
 * people's first names (sources call them "Mr Holt" as often as "Jana Holt").
 */
function statementStems(prose: string, s: DraftSentence, q: Quote, speaker: Mention): string[] {
  const cut = (text: string, from: number, to: number) => (to > from ? text.slice(0, from) + ' '.repeat(to - from) + text.slice(to) : text);
  let text = cut(prose, q.start - s.start, q.end - s.start);
  text = cut(text, speaker.start - s.start, speaker.end - s.start);
  for (const m of s.mentions) {
    const surname = m.text.lastIndexOf(' ');
    if (m.kind === 'person' && m !== speaker && surname > 0) text = cut(text, m.start - s.start, m.start - s.start + surname);
  }
  return [...new Set(contentStems(text))].filter((w) => !PLAIN_SAYING.has(w));
}

/** A source sentence (with its neighbours, for a statement told over two) says what the draft sentence says. */
function sameStatement(context: string[], article: Article, sentence: SourceSentence): boolean {
  const near = article.sentences.slice(Math.max(0, sentence.index - 1), sentence.index + 2).map((x) => x.text);
  const have = new Set(contentStems(near.join(' ')));
  return context.filter((w) => have.has(w)).length >= SAME_STATEMENT * context.length;
}

/** The same person, by entity or, when the entity table keeps them apart, by surname; a draft that
 *  names the speaker by one word may use the first name ("Mario said" for Mario Falcone). */
function samePerson(source: Entity, claimed: Entity | undefined, written: string): boolean {
  if (claimed && claimed.id === source.id) return true;
  const words = nameWords(written);
  const surname = words[words.length - 1];
  if (!surname) return false;
  const names = [source.name, ...source.aliases].map(nameWords);
  // A given name written in the draft must be the source's too, where the sources give one (a known
  // given name: a headline's "Rocker Doherty" gives none): Venus Williams is not Serena Williams, though
  // both are "Williams".
  const full = names.filter((n) => n.length >= 2 && n[n.length - 1] === surname && FIRST_NAMES.has(n[0]));
  if (words.length >= 2 && full.length > 0) return full.some((n) => n[0] === words[0]);
  return names.some((n) => n[n.length - 1] === surname || (words.length === 1 && source.kind === 'person' && n[0] === surname));
}

/** A name's words in lower case, titles left out. */
function nameWords(name: string): string[] {
  return name.toLowerCase().split(/\s+/).filter((w) => w && !TITLES.test(w));
}



/** The sources' speaker written like the draft's: a surname for a surname, else the full name. */
function nameLike(full: string, written: string): string {
  if (/\s/.test(written.trim())) return full;
  const words = full.split(/\s+/);
  return words[words.length - 1];
}
