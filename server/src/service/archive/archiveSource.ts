// What the service needs from a shared archive (a database server holding a newsroom's analysed articles).
// The service sees only this interface; the PostgreSQL implementation lives in server/src/host/archive.

import type { Mention } from '../types.ts';
import type { Article } from '../api.ts';
import type { ArchivedArticle, StoredSentence } from './archivedArticle.ts';

/** The archive's corpus-wide counts. `revision` changes whenever a sync changes the archive. */
export interface ArchiveStats {
  articles: number;
  sentences: number;
  /** Sum of the sentences' field lengths (distinct tokens), for BM25's average length. */
  totalLength: number;
  revision: string;
}

/** A query term with its BM25 weight (idf times how often the query writes it) and its place in the query. */
export interface WeightedTerm {
  term: string;
  weight: number;
  /** Sentences of the archive holding it, when known (how long its posting list is). */
  df?: number;
}

/** A reference to an archived article: its archive id gives the order the embedded index would hold it in. */
export interface ArticleRef {
  id: number;
  uri: string;
}

/** A sentence the archive's search found, without the rest of its article: the article's archive id and
 *  uri, the sentence's index in it, its text and its stored analysis. */
export interface SentenceHit extends ArticleRef {
  index: number;
  text: string;
  stored: StoredSentence;
}

/** An archived article's name mentions: [sentence index, its mentions] for each sentence with any. */
export interface ArchivedMentions extends ArticleRef {
  mentions: Array<[number, Mention[]]>;
}

/** An archived article as a card links to it. */
export interface CardArticle extends ArticleRef {
  title: string;
  key: string;
}

/** A mention or quotation a card may show, in an archived article. */
export interface CardSite extends CardArticle {
  sentence: number;
  start: number;
  end: number;
}

/** What the archive holds of the mentions whose group key (as their article resolves them, see
 *  articleKeys.ts) is one of a card's keys. */
export interface CardRows {
  mentions: number;
  articles: number;
  /** The first articles naming it, by uri (in code point order, as the embedded index orders mentions):
   *  those quotations are looked for in, or the first alone. */
  firstArticles: CardArticle[];
  /** Its first mention in the first of them (and where its sentence is, when read with it). */
  firstMention?: CardSite & { place?: SentencePlace };
  /** Every mention of it with a role, in any order. */
  roles: Array<CardSite & { role: string }>;
  /** The quotations of `firstArticles` whose speaker has one of the keys, in any order. */
  quotes: Array<CardSite & { text: string }>;
  /** How often each spelling of its mentions is written. */
  spellings: Array<{ surface: string; mentions: number }>;
}

/** Where an archived sentence is: its line and start offset, and its article's extracted-text marks. */
export interface SentencePlace {
  line: number;
  start: number;
  extracted?: Article['extracted'];
}

/** A distinct quotation matching typed words (searchQuotes), in the first article carrying it: that
 *  article's title and key, the sentence holding it, where it starts, and its speaker's name if known. */
export interface QuoteRow extends SentenceHit {
  title: string;
  key: string;
  start: number;
  tier: number;
  /** Articles carrying the same words. */
  articles: number;
  speaker: string | null;
}

export interface ArchiveSource {
  /** The statistics last read (from connecting on), so counts are known before the first request. */
  readonly lastStats?: ArchiveStats;
  stats(): Promise<ArchiveStats>;
  /** Sentences holding each term, across the archive (absent terms: 0). */
  documentFrequencies(terms: readonly string[]): Promise<Map<string, number>>;
  /** The `limit` sentences with the best BM25 score for these terms (average length `avgLength`), in
   *  any order. `reached`: a score `limit` of them are thought to reach (a hint: the answer is the same
   *  without it or when it is wrong; see host/archive/searchPlan.ts). */
  searchSentences(terms: readonly WeightedTerm[], avgLength: number, limit: number, reached?: number): Promise<SentenceHit[]>;
  /** Articles whose citation key is one of these (compared case-insensitively). */
  articlesByKey(keys: readonly string[]): Promise<ArticleRef[]>;
  articlesByUri(uris: readonly string[]): Promise<ArticleRef[]>;
  /** Articles naming someone or something of this name key (as written, or as resolved in the article,
   *  or a surname of a full name), at most `limit` per key. */
  articlesNaming(keys: readonly string[], limit: number): Promise<Array<ArticleRef & { key: string }>>;
  /** The most mentioned names (as the archive's name table spells them) whose name-key words start with
   *  each of `words` (name-key words themselves: lower case, no accents), at most `limit`, with how often
   *  the archive mentions each spelling and the kind it is mostly written as. */
  namesStarting(words: readonly string[], limit: number): Promise<Array<{ name: string; kind: string; mentions: number }>>;
  /** The name mentions of these articles (ids), by sentence index, without the rest of the articles. */
  mentionsOf(ids: readonly number[]): Promise<ArchivedMentions[]>;
  /** The name groups (mentions' group keys, as their articles resolve them) of the mentions whose last
   *  word is `word`, with how many of all each group's mentions have each of the entity table's flags
   *  (a kind as the article resolves it, and whether it is a guess: corpus/entityGroups.ts flagsOf). */
  surnameGroups(word: string): Promise<Array<{ key: string; flags: number; mentions: number }>>;
  /** A card's counts and roles for these group keys, and the quotations of the first `quoteArticles`
   *  articles naming it (0: none, as for a place or an organisation, whose card shows none). */
  cardRows(keys: readonly string[], quoteArticles: number): Promise<CardRows>;
  /** Where these sentences (article id, sentence index) are, in the order given (undefined: not held). */
  sentencePlaces(refs: ReadonlyArray<{ id: number; sentence: number }>): Promise<Array<SentencePlace | undefined>>;
  /** The archive's copy of each of these articles (the same key and content), if it holds one. */
  copiesOf(articles: readonly Article[]): Promise<Array<ArticleRef | undefined>>;
  /** The best `limit` distinct quotations for typed words folded as corpus/textMatch.ts folds them (see
   *  corpus/quoteSearch.ts for the ranking). */
  quotesMatching(words: string, limit: number): Promise<QuoteRow[]>;
  /** The analysed articles of these ids. */
  load(ids: readonly number[]): Promise<Array<{ id: number; article: ArchivedArticle }>>;
}
