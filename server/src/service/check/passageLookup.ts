// Word and entity look-ups in source passages and their articles, answered from the sentence index's
// postings (no source sentence is tokenized), with bounded per-corpus caches.

import type { Article, SourceSentence } from '../api.ts';
import type { Mention, Quantity } from '../types.ts';
import type { CorpusIndex } from '../corpus/corpusIndex.ts';
import { searchTerm } from '../corpus/corpusIndex.ts';
import { tokenize } from '../text/words.ts';
import { Lru } from '../util/lru.ts';
import { foldRole, nameIn, type ClaimName } from './nameMatch.ts';

const PRONOUN = /\b(?:he|she|his|her|him)\b/i;
/** How far back a pronoun in a source sentence may find its person. */
const PRONOUN_LOOKBACK = 2;

/** What a whole article holds, for a claim's words and names a unit lacks. Words are looked up in the
 *  sentence index's postings (an article is a run of sentence ids), so no article is tokenized; its
 *  entities and figures are gathered only when a name or figure is missing from the unit. */
class ArticleFacts {
  private entitySet: Set<string> | undefined;
  private figures: Array<[Quantity, SourceSentence]> | undefined;

  constructor(
    private readonly article: Article,
    private readonly corpus: CorpusIndex,
  ) {
    this.has = termLookup(corpus, article, 0, article.sentences.length, () => articleWords(article));
  }

  /** Whether the article holds a word (see `termLookup`). */
  readonly has: (w: string) => boolean;

  get entities(): Set<string> {
    if (!this.entitySet) {
      // Not through the sentence caches: most of an article's sentences are never a candidate, and
      // caching them would push out those that are.
      this.entitySet = articleEntities(this.article, this.corpus);
    }
    return this.entitySet;
  }

  /** The article's figures, each with its sentence. */
  get quantities(): Array<[Quantity, SourceSentence]> {
    return (this.figures ??= this.article.sentences.flatMap((s) => s.quantities.map((q): [Quantity, SourceSentence] => [q, s])));
  }
}

// Bounded (see README, Reliability): a check touches a few hundred sentences and a few dozen articles,
// and an edit re-checks only nearby claims; unbounded, these grew to cover the whole corpus.
/** Sentences whose entity sets are kept (~0.2 KB each, measured on BBC). */
const SENTENCE_SETS = 20_000;
/** Articles whose facts and folded text (~2.4 KB) are kept. */
const ARTICLES = 1_000;
interface CorpusCaches {
  /** Entity sets depend on the corpus's entity table: the caches start afresh when the corpus changes. */
  generation: number;
  entitySets: Lru<SourceSentence, Set<string>>;
  articleFacts: Lru<Article, ArticleFacts>;
}

/** Per corpus, held weakly: a replaced corpus (re-index, reload) must not stay in memory beside its
 *  successor because cached facts point at it. */
const corpusCaches = new WeakMap<CorpusIndex, CorpusCaches>();

function cachesOf(corpus: CorpusIndex): CorpusCaches {
  let c = corpusCaches.get(corpus);
  if (!c || c.generation !== corpus.generation) {
    c = { generation: corpus.generation, entitySets: new Lru(SENTENCE_SETS), articleFacts: new Lru(ARTICLES) };
    corpusCaches.set(corpus, c);
  }
  return c;
}

/**
 * Whether sentences `from` … `to - 1` of an article hold a word: a stem (`searchTerm`), `=word` for the
 * word itself, or `~prefix` for a stem starting so. Answered from the sentence index's postings, so no
 * source sentence is tokenized; only a stopword (not indexed) is looked for in the words of the text.
 */
function termLookup(corpus: CorpusIndex, article: Article, from: number, to: number, words: () => string): (w: string) => boolean {
  return (w) => {
    if (w.startsWith('=')) {
      const word = w.slice(1);
      const term = searchTerm(word);
      return term ? corpus.articleHasTerm(article, term, from, to) : ` ${words()} `.includes(` ${word} `);
    }
    if (w.startsWith('~')) return corpus.articleHasPrefix(article, w.slice(1), from, to);
    return corpus.articleHasTerm(article, w, from, to);
  };
}

/** Entities a source sentence is about: its names, its quotes' speakers, and a pronoun's referent. */
export function sentenceEntities(s: SourceSentence, corpus: CorpusIndex): Set<string> {
  return cachesOf(corpus).entitySets.getOrSet(s, () => entitiesIn(s, corpus));
}

function entitiesIn(s: SourceSentence, corpus: CorpusIndex): Set<string> {
  const set = new Set<string>();
  const article = corpus.article(s.uri);
  // A surname alone ("Durst, 71, is accused…") resolves among the full names its article wrote so far.
  addResolved(set, s.mentions, article ? namesSoFar(article, s.index, s.mentions) : s.mentions, corpus);
  if (article) {
    // Speakers are read for a whole article at once: not for a sentence that quotes no one.
    if (s.quotes.length > 0) for (const hit of corpus.quoteHits(article)) if (hit.sentence === s && hit.speaker) set.add(hit.speaker.id);
    if (PRONOUN.test(s.text) && !s.mentions.some((m) => m.kind === 'person')) {
      for (let i = s.index - 1; i >= 0 && i >= s.index - PRONOUN_LOOKBACK; i--) {
        const persons = article.sentences[i].mentions.filter((m) => m.kind === 'person');
        const last = persons[persons.length - 1];
        const e = last && corpus.resolveMention(last, namesSoFar(article, i, article.sentences[i].mentions));
        if (e) {
          set.add(e.id);
          break;
        }
      }
    }
  }
  return set;
}

/**
 * The union of `entitiesIn` over an article's sentences, in one pass: each sentence's names are resolved
 * with the same context (its own mentions, then the longer names before it), gathered as the pass goes
 * instead of afresh per sentence. A pronoun's referent is left out: it is a person an earlier sentence of
 * the article names, resolved there with the same context, so already in the set.
 */
function articleEntities(article: Article, corpus: CorpusIndex): Set<string> {
  const set = new Set<string>();
  const sets = cachesOf(corpus).entitySets;
  const before: Mention[] = [];
  for (const s of article.sentences) {
    const known = sets.peek(s);
    if (known) for (const id of known) set.add(id);
    else if (s.mentions.length > 0) addResolved(set, s.mentions, before.length ? s.mentions.concat(before) : s.mentions, corpus);
    for (const m of s.mentions) if (isLongerName(m)) before.push(m);
  }
  for (const hit of corpus.quoteHits(article)) if (hit.speaker) set.add(hit.speaker.id);
  return set;
}

/** Adds the entities `mentions` resolve to, each with `context` (see CorpusIndex.resolveMention). */
function addResolved(set: Set<string>, mentions: readonly Mention[], context: Mention[], corpus: CorpusIndex): void {
  for (const m of mentions) {
    const e = corpus.resolveMention(m, context);
    if (e) set.add(e.id);
  }
}

/** A name of two words or more: the context in which a lone surname after it resolves. */
const isLongerName = (m: Mention): boolean => m.text.includes(' ');

/** The sentence's own mentions and the names of two words or more in the article up to it. */
function namesSoFar(article: Article, index: number, own: SourceSentence['mentions']): SourceSentence['mentions'] {
  const out = [...own];
  for (let i = 0; i < index && i < article.sentences.length; i++) {
    for (const m of article.sentences[i].mentions) if (isLongerName(m)) out.push(m);
  }
  return out;
}

export function factsOf(article: Article, corpus: CorpusIndex): ArticleFacts {
  return cachesOf(corpus).articleFacts.getOrSet(article, () => new ArticleFacts(article, corpus));
}

const foldedArticles = new Lru<Article, string>(ARTICLES);

export function foldedArticle(article: Article): string {
  return foldedArticles.getOrSet(article, () => foldRole(article.text));
}

/** Token norms of a text, space-separated. */
export function foldWords(s: string): string {
  return tokenize(s)
    .map((t) => t.norm)
    .join(' ');
}

const articleWordTexts = new Lru<Article, string>(ARTICLES);

function articleWords(article: Article): string {
  return articleWordTexts.getOrSet(article, () => foldWords(article.text));
}

/** A source sentence's word lookup (see `termLookup`). */
export function sentenceLookup(sentence: SourceSentence, corpus: CorpusIndex): (w: string) => boolean {
  const article = corpus.article(sentence.uri);
  if (!article) return () => false;
  let words: string | undefined;
  return termLookup(corpus, article, sentence.index, sentence.index + 1, () => (words ??= foldWords(sentence.text)));
}

/** Whether a unit's whole article holds a word (see `termLookup`). */
export function articleLookup(unit: SourceSentence[], corpus: CorpusIndex): (w: string) => boolean {
  const article = corpus.article(unit[0].uri);
  return article ? factsOf(article, corpus).has : () => false;
}

/**
 * Whether the passages of a unit's article that name `name` (a sentence naming it, with its neighbours)
 * hold a word: where the article says something about that person or thing.
 */
export function passagesAboutLookup(unit: SourceSentence[], name: ClaimName, corpus: CorpusIndex): (w: string) => boolean {
  const article = corpus.article(unit[0].uri);
  if (!article) return () => false;
  const about: SourceSentence[] = [...unit];
  article.sentences.forEach((s, i) => {
    const has = sentenceLookup(s, corpus);
    if (!nameIn(name, () => sentenceEntities(s, corpus), has, () => foldRole(s.text))) return;
    for (const k of [i - 1, i, i + 1]) if (article.sentences[k] && !about.includes(article.sentences[k])) about.push(article.sentences[k]);
  });
  return unitLookup(about, corpus);
}

/** Whether a unit of source sentences holds a word (see `termLookup`). */
export function unitLookup(unit: SourceSentence[], corpus: CorpusIndex): (w: string) => boolean {
  const lookups = unit.map((s) => sentenceLookup(s, corpus));
  return (w) => lookups.some((has) => has(w));
}
