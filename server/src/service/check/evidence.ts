// Finding and scoring evidence: which source sentences (alone or with a neighbour) cover a claim's
// content words, names and figures. Names and figures the unit lacks may still stand elsewhere in the
// same article (summaries combine facts from a whole story); only what the article lacks entirely, or
// contradicts, counts against the claim at full weight.

import type { Article, SourceSentence } from '../api.ts';
import type { Entity, Mention, Quantity } from '../types.ts';
import type { CorpusIndex } from '../corpus/corpusIndex.ts';
import { searchTerm } from '../corpus/corpusIndex.ts';
import { tokenize } from '../text/words.ts';
import { compareQuantities } from '../text/numbers.ts';
import { isLightVerb, isNumberWord, metonymsOf, paraphrasesOf } from './lexicon.ts';
import { tuning } from './tuning.ts';
import { Lru } from '../util/lru.ts';

export interface ClaimTerm {
  stem: string;
  weight: number;
  /** No source sentence uses the word or a paraphrase of it. */
  novel: boolean;
  alternatives: string[];
}

export interface ClaimName {
  mention: Mention;
  entity?: Entity;
  /** Content words of the name (folded), for matching when the corpus does not know it. */
  words: string[];
  /** Words of the same name written the other way in the claim: "Harbour Safety Commission (HSC)". */
  abbreviation?: string[];
}

export interface FigureGap {
  claim: Quantity;
  /** A comparable figure of the unit with another value. */
  conflict?: Quantity;
  conflictSentence?: SourceSentence;
  /** The article has the claim's figure elsewhere. */
  inArticle: boolean;
}

export interface EvidenceUnit {
  sentences: SourceSentence[];
  coverage: number;
  /** Coverage of the claim's content words by the unit's whole article. */
  articleCoverage: number;
  /** Names of the claim the unit does not contain, and whether the article has them elsewhere. */
  missingNames: Array<ClaimName & { inArticle: boolean }>;
  missingFigures: FigureGap[];
  /** Entities in the unit the claim does not name (candidates for a swap). */
  otherEntities: Entity[];
  negationMismatch: boolean;
}

/** Retrieval: sentences ranked (× limit), articles kept, sentences kept per article. */
const ARTICLE_POOL = 6;
const TOP_ARTICLES = 4;
const PER_ARTICLE = 6;

/** Length of the shared stem prefix that earns partial credit. */
const PREFIX = 5;

const NEGATION = /\b(?:not|no|never|none|nobody|nothing|neither|nor|without|cannot|denied|denies|deny|refused|rejected)\b|n['’] ?t\b/i;
const PRONOUN = /\b(?:he|she|his|her|him)\b/i;
/** How far back a pronoun in a source sentence may find its person. */
const PRONOUN_LOOKBACK = 2;

/** What a whole article holds, for a claim's words and names a unit lacks. Words are looked up in the
 *  sentence index's postings (an article is a run of sentence ids), so no article is tokenized; its
 *  entities and figures are gathered only when a name or figure is missing from the unit. */
class ArticleFacts {
  private entitySet: Set<string> | undefined;
  private figures: Quantity[] | undefined;

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
      this.entitySet = new Set();
      // Not through the sentence caches: most of an article's sentences are never a candidate, and
      // caching them would push out those that are.
      const sets = cachesOf(this.corpus).entitySets;
      for (const s of this.article.sentences) for (const id of sets.peek(s) ?? entitiesIn(s, this.corpus)) this.entitySet.add(id);
    }
    return this.entitySet;
  }

  get quantities(): Quantity[] {
    return (this.figures ??= this.article.sentences.flatMap((s) => s.quantities));
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
  for (const m of s.mentions) {
    const e = corpus.resolveMention(m, s.mentions);
    if (e) set.add(e.id);
  }
  const article = corpus.article(s.uri);
  if (article) {
    for (const hit of corpus.quoteHits(article)) if (hit.sentence === s && hit.speaker) set.add(hit.speaker.id);
    if (PRONOUN.test(s.text) && !s.mentions.some((m) => m.kind === 'person')) {
      for (let i = s.index - 1; i >= 0 && i >= s.index - PRONOUN_LOOKBACK; i--) {
        const persons = article.sentences[i].mentions.filter((m) => m.kind === 'person');
        const last = persons[persons.length - 1];
        const e = last && corpus.resolveMention(last, article.sentences[i].mentions);
        if (e) {
          set.add(e.id);
          break;
        }
      }
    }
  }
  return set;
}

function factsOf(article: Article, corpus: CorpusIndex): ArticleFacts {
  return cachesOf(corpus).articleFacts.getOrSet(article, () => new ArticleFacts(article, corpus));
}

/** Weighted content words of a claim; `nameWords` (folded words of its names) are judged as names, not as novel words. */
export function claimTerms(text: string, corpus: CorpusIndex, nameWords: ReadonlySet<string> = new Set()): ClaimTerm[] {
  const n = Math.max(1, corpus.sentenceCount);
  const seen = new Set<string>();
  const out: ClaimTerm[] = [];
  for (const t of tokenize(text)) {
    const stem = searchTerm(t.norm);
    // Figures ("87", "87th") are compared as figures, not as words.
    if (!stem || seen.has(stem) || /^\d+(?:st|nd|rd|th)?$/.test(stem) || isNumberWord(stem)) continue;
    seen.add(stem);
    let alternatives = paraphrasesOf(stem);
    let df = 0;
    for (const a of alternatives) df = Math.max(df, corpus.documentFrequency(a));
    if (df === 0) {
      // An inflection the stemmer leaves apart ("crises"/"crisis", "deepest"/"deep") is the same word.
      const variants = inflectionStems(t.norm).filter((v) => corpus.documentFrequency(v) > 0);
      alternatives = [...alternatives, ...variants];
      for (const v of variants) df = Math.max(df, corpus.documentFrequency(v));
    }
    // Words the corpus never uses say something no source says: they weigh double the rarest words.
    const novel = df === 0 && !nameWords.has(t.norm) && !isLightVerb(stem);
    const weight = Math.log((n + 1) / (Math.max(df, 1) + 0.5)) * (novel ? tuning.novelWord : 1);
    out.push({ stem, weight: Math.max(weight, 0.1), alternatives, novel });
  }
  return out;
}

/** Stems of the base forms an irregular plural or a comparison may stand for. */
function inflectionStems(word: string): string[] {
  const bases: string[] = [];
  if (word.endsWith('ses')) bases.push(`${word.slice(0, -3)}sis`); // crises, analyses
  const comparison = /^(\w{3,}?)(?:est|er)$/.exec(word);
  if (comparison) {
    const base = comparison[1];
    bases.push(base, `${base}e`); // deepest, widest
    if (base.endsWith('i')) bases.push(`${base.slice(0, -1)}y`); // happiest
    if (/([bdgmnprt])\1$/.test(base)) bases.push(base.slice(0, -1)); // biggest
  }
  return bases.map((b) => searchTerm(b)).filter((b): b is string => !!b);
}

const FULL = 2;
const PARTIAL = 1;

/** Per term: FULL if the text has it (or a paraphrase), PARTIAL if only a word of the same family. */
function presence(terms: ClaimTerm[], has: (w: string) => boolean): Uint8Array {
  const out = new Uint8Array(terms.length);
  terms.forEach((t, i) => {
    if (t.alternatives.some(has)) out[i] = FULL;
    // Same word family the stemmer did not join ("disappearance"/"disappeared"): partial credit.
    else if (t.stem.length >= PREFIX && has(`~${t.stem.slice(0, PREFIX)}`)) out[i] = PARTIAL;
  });
  return out;
}

/** Weighted share of the claim's terms present in any of the texts. */
function coverage(terms: ClaimTerm[], present: Uint8Array[]): number {
  let total = 0;
  let got = 0;
  terms.forEach((t, i) => {
    total += t.weight;
    let best = 0;
    for (const p of present) best = Math.max(best, p[i]);
    if (best === FULL) got += t.weight;
    else if (best === PARTIAL) got += t.weight * tuning.prefixCredit;
  });
  return total === 0 ? 0 : got / total;
}

/**
 * What scoring one claim's candidate units learns about a sentence or an article, reused by the other
 * units: a sentence is in up to three units (alone and with each neighbour), an article in dozens.
 */
export class ClaimMemo {
  readonly sentences = new Map<SourceSentence, Uint8Array>();
  readonly articles = new Map<Article, { coverage: number; names: Map<ClaimName, boolean>; figures: Map<Quantity, boolean> }>();
}

function wordsPresent(words: string[], has: (w: string) => boolean): boolean {
  return words.length > 0 && words.every((w) => has(`=${w}`) || has(stemOf(w)));
}

function stemOf(w: string): string {
  return searchTerm(w) ?? w;
}

/** Most of a name written out: its last word (surname, head noun) and at least half of its words. */
function mostOfName(words: string[], has: (w: string) => boolean): boolean {
  if (words.length < 2) return false;
  const present = (w: string) => has(`=${w}`) || has(stemOf(w));
  if (!present(words[words.length - 1])) return false;
  return words.filter(present).length * 2 >= words.length;
}

/** Is the name in these sentences: the same entity, its surname, a role the sources give it, or a metonym? */
function nameIn(name: ClaimName, entities: () => Set<string>, has: (w: string) => boolean, text: () => string): boolean {
  if (name.words.length === 0 && !name.entity) return true;
  // The words first: an article's entities are gathered only when they are needed.
  if (wordsPresent(name.words, has)) return true;
  if (name.abbreviation && wordsPresent(name.abbreviation, has)) return true;
  if (name.entity && entities().has(name.entity.id)) return true;
  // "Dov Charney" … "Mr Charney"; "Author JK Rowling" … "Rowling".
  if (mostOfName(name.words, has)) return true;
  const phrase = name.words.join(' ');
  for (const alt of metonymsOf(phrase)) if (wordsPresent(alt.split(' '), has)) return true;
  if (name.entity) {
    for (const alias of name.entity.aliases) {
      const words = aliasWords.getOrSet(alias, () => tokenize(alias).map((t) => t.norm));
      if (words.length > 0 && wordsPresent(words, has)) return true;
    }
    // "the North Korean leader" for Kim Jong Un: a role of two words or more written in the unit.
    for (const role of name.entity.roles) {
      const r = foldedRole(role.text);
      if (r.words.length < 2) continue;
      // Only a role whose indexed words are all there can be written out (saves folding whole articles).
      if (r.terms.some((t) => !has(t))) continue;
      if (text().includes(r.text)) return true;
    }
  }
  return false;
}

const foldedArticles = new Lru<Article, string>(ARTICLES);

function foldedArticle(article: Article): string {
  return foldedArticles.getOrSet(article, () => foldRole(article.text));
}

const aliasWords = new Lru<string, string[]>(5_000);
const foldedRoles = new Lru<string, { text: string; words: string[]; terms: string[] }>(5_000);

function foldedRole(role: string): { text: string; words: string[]; terms: string[] } {
  return foldedRoles.getOrSet(role, () => {
    const text = foldRole(role);
    const words = text.split(' ');
    return { text, words, terms: words.map(searchTerm).filter((t): t is string => !!t) };
  });
}

function foldRole(s: string): string {
  return tokenize(s)
    .map((t) => t.norm)
    .filter((w) => w !== 'the')
    .join(' ');
}

/** Token norms of a text, space-separated. */
function foldWords(s: string): string {
  return tokenize(s)
    .map((t) => t.norm)
    .join(' ');
}

const articleWordTexts = new Lru<Article, string>(ARTICLES);

function articleWords(article: Article): string {
  return articleWordTexts.getOrSet(article, () => foldWords(article.text));
}

/** A source sentence's word lookup (see `termLookup`). */
function sentenceLookup(sentence: SourceSentence, corpus: CorpusIndex): (w: string) => boolean {
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

/** Scores a unit of one or two adjacent sentences against the claim. */
export function scoreUnit(
  unit: SourceSentence[],
  terms: ClaimTerm[],
  names: ClaimName[],
  figures: Quantity[],
  claimNegated: boolean,
  corpus: CorpusIndex,
  memo = new ClaimMemo(),
): EvidenceUnit {
  const unitEntities = new Set<string>();
  for (const s of unit) for (const id of sentenceEntities(s, corpus)) unitEntities.add(id);
  let folded: string | undefined;
  const unitText = () => (folded ??= foldRole(unit.map((s) => s.text).join(' ')));
  const article = corpus.article(unit[0].uri);
  const lookups = unit.map((s) => sentenceLookup(s, corpus));
  const hasInUnit = (w: string) => lookups.some((has) => has(w));
  const facts = article && factsOf(article, corpus);
  const articleText = () => (article ? foldedArticle(article) : '');

  let known = article && memo.articles.get(article);
  if (facts && !known) {
    known = { coverage: coverage(terms, [presence(terms, facts.has)]), names: new Map(), figures: new Map() };
    memo.articles.set(article, known);
  }
  const missingNames: EvidenceUnit['missingNames'] = [];
  for (const name of names) {
    if (nameIn(name, () => unitEntities, hasInUnit, unitText)) continue;
    let inArticle = known?.names.get(name);
    if (inArticle === undefined) {
      inArticle = !!facts && nameIn(name, () => facts.entities, facts.has, articleText);
      known?.names.set(name, inArticle);
    }
    missingNames.push({ ...name, inArticle });
  }

  const missingFigures: FigureGap[] = [];
  for (const q of figures) {
    let same = false;
    let conflict: Quantity | undefined;
    let conflictSentence: SourceSentence | undefined;
    for (const s of unit) {
      for (const u of s.quantities) {
        const c = compareQuantities(q, u);
        if (backs(u, q, c)) same = true;
        else if (c === 'different' && !conflict) {
          conflict = u;
          conflictSentence = s;
        }
      }
    }
    if (same) continue;
    let inArticle = known?.figures.get(q);
    if (inArticle === undefined) {
      inArticle = !!facts && facts.quantities.some((u) => backs(u, q));
      known?.figures.set(q, inArticle);
    }
    missingFigures.push({ claim: q, conflict, conflictSentence, inArticle });
  }

  const claimIds = new Set(names.map((n) => n.entity?.id).filter((x): x is string => !!x));
  const otherEntities: Entity[] = [];
  for (const id of unitEntities) {
    if (claimIds.has(id)) continue;
    const e = corpus.entity(id);
    if (e) otherEntities.push(e);
  }
  const unitNegated = unit.some((s) => NEGATION.test(s.text));
  return {
    sentences: unit,
    coverage: coverage(
      terms,
      unit.map((u, i) => {
        let p = memo.sentences.get(u);
        if (!p) memo.sentences.set(u, (p = presence(terms, lookups[i])));
        return p;
      }),
    ),
    articleCoverage: known?.coverage ?? 0,
    missingNames,
    missingFigures,
    otherEntities,
    negationMismatch: claimNegated !== unitNegated && unit.length === 1,
  };
}

/**
 * Whether a source figure backs the claim's: the same value, and a date as precise: "2016" does not back
 * "May 19, 2016" (the claim adds a day the source lacks), while "May 19" backs "May 2016" (the year may
 * stand elsewhere). `c` is their comparison when already made.
 */
function backs(source: Quantity, claim: Quantity, c = compareQuantities(claim, source)): boolean {
  if (c !== 'same') return false;
  if (claim.month !== undefined && source.month === undefined) return false;
  return claim.day === undefined || source.day !== undefined;
}

export function isNegated(text: string): boolean {
  return NEGATION.test(text);
}

/** Candidate units: the best-ranked sentences alone and joined with each neighbour. */
export function candidateUnits(corpus: CorpusIndex, query: string, scope: Article[] | undefined, limit: number): SourceSentence[][] {
  let ranked = corpus.searchSentences(query, limit * ARTICLE_POOL);
  if (scope) {
    const uris = new Set(scope.map((a) => a.uri));
    ranked = ranked.filter((h) => uris.has(h.sentence.uri));
  }
  // The best sentences overall, plus the best few of each article whose sentences match most in sum:
  // a claim that sums up a story matches many of its sentences a little.
  const hits = ranked.slice(0, limit).map((h) => h.sentence);
  const byArticle = new Map<string, { score: number; top: SourceSentence[] }>();
  for (const h of ranked) {
    const a = byArticle.get(h.sentence.uri) ?? { score: 0, top: [] };
    if (a.top.length < PER_ARTICLE) {
      a.score += h.score;
      a.top.push(h.sentence);
    }
    byArticle.set(h.sentence.uri, a);
  }
  const articles = [...byArticle.values()].sort((a, b) => b.score - a.score).slice(0, TOP_ARTICLES);
  for (const a of articles) for (const s of a.top) if (!hits.includes(s)) hits.push(s);
  const units: SourceSentence[][] = [];
  const seen = new Set<string>();
  const add = (u: SourceSentence[]) => {
    const key = u.map((s) => `${s.uri}#${s.index}`).join('|');
    if (!seen.has(key)) {
      seen.add(key);
      units.push(u);
    }
  };
  for (const s of hits) {
    add([s]);
    const article = corpus.article(s.uri);
    if (!article) continue;
    const prev = article.sentences[s.index - 1];
    const next = article.sentences[s.index + 1];
    if (prev) add([prev, s]);
    if (next) add([s, next]);
  }
  return units;
}
