// The indexed corpus: articles split into sentences with their quotes, figures and name mentions, a BM25
// sentence index (minisearch), and the entity table. Updates one article at a time (incremental).

import MiniSearch from 'minisearch';
import Fuse from 'fuse.js';
import type { Article, CorpusView, QuoteHit, ScoredSentence, SourceSentence } from '../api.ts';
import type { DocumentInput, Entity, Mention, Quote, Sentence } from '../types.ts';
import { splitSentences } from '../text/sentences.ts';
import { LineIndex } from '../text/positions.ts';
import { findQuotes } from '../text/quotes.ts';
import { findQuantities } from '../text/numbers.ts';
import { STOPWORDS, stem, tokenize } from '../text/words.ts';
import { findMentions } from './names.ts';
import { EntityTable, type MentionSite } from './entities.ts';
import { parseArticle } from './article.ts';
import { resolveQuoteSpeakers } from './speakers.ts';

const INDEX_FORMAT = 1;

/** Terms as minisearch sees them: folded, stop words dropped, stemmed. Shared with the checker. */
export function searchTerm(term: string): string | null {
  if (term.length === 0 || STOPWORDS.has(term)) return null;
  return stem(term);
}

function tokenizeForSearch(text: string): string[] {
  return tokenize(text).map((t) => t.norm);
}

const searchOptions = {
  fields: ['text'],
  storeFields: [],
  tokenize: tokenizeForSearch,
  processTerm: searchTerm,
  searchOptions: { tokenize: tokenizeForSearch, processTerm: searchTerm },
};

function newSearch(): MiniSearch<{ id: number; text: string }> {
  return new MiniSearch<{ id: number; text: string }>(searchOptions);
}

/** Splits an article body into sentences, treating a run-in headline as a sentence of its own. */
export function articleSentences(text: string, bodyStart: number, headline?: { start: number; end: number }): Sentence[] {
  if (headline && headline.end > bodyStart && headline.end < text.length) {
    return [...splitSentences(text, bodyStart, headline.end), ...splitSentences(text, headline.end)];
  }
  return splitSentences(text, bodyStart);
}

function assignBySpan<T extends { start: number }>(items: T[], sentences: Sentence[]): T[][] {
  const out: T[][] = sentences.map(() => []);
  let i = 0;
  for (const item of [...items].sort((a, b) => a.start - b.start)) {
    while (i < sentences.length - 1 && item.start >= sentences[i].end) i++;
    if (sentences[i] && item.start >= sentences[i].start && item.start < sentences[i].end) out[i].push(item);
    else if (sentences[i] && i > 0 && item.start < sentences[i].start) out[i - 1].push(item);
  }
  return out;
}

/** Parses one source text into an Article with analysed sentences (pure, no index mutation). */
export function analyseArticle(doc: DocumentInput): Article {
  const parsed = parseArticle(doc.uri, doc.text);
  const text = doc.text;
  const lines = new LineIndex(text);
  const sentences = articleSentences(text, parsed.bodyStart, parsed.headline);
  const quotes = findQuotes(text, parsed.bodyStart);
  const quotesPer = assignBySpan(quotes, sentences);
  const mentions = findMentions(text, sentences);
  const mentionsPer = assignBySpan(mentions, sentences);
  const out: SourceSentence[] = sentences.map((s, index) => ({
    ...s,
    uri: doc.uri,
    index,
    line: lines.lineAt(s.start),
    quotes: quotesPer[index],
    quantities: findQuantities(text, s.start, s.end),
    mentions: mentionsPer[index],
  }));
  return { uri: doc.uri, key: parsed.key, meta: parsed.meta, title: parsed.title, text, bodyStart: parsed.bodyStart, sentences: out };
}

interface StoredSentence {
  s: number;
  e: number;
  l: number;
  q: Quote[];
  n: SourceSentence['quantities'];
  m: Mention[];
}

export class CorpusIndex implements CorpusView {
  private readonly byUri = new Map<string, Article>();
  private readonly byKey = new Map<string, Article>();
  private readonly docIds = new Map<string, number[]>();
  private readonly docs: Array<SourceSentence | undefined> = [];
  private search = newSearch();
  private table = new EntityTable();
  private fuse: Fuse<{ entity: Entity; name: string }> | undefined;
  private quoteCache: Map<string, QuoteHit[]> | undefined;
  private articleQuotes = new WeakMap<Article, QuoteHit[]>();
  private sentences = 0;
  private entityIds: { list: readonly Entity[]; byId: Map<string, Entity> } | undefined;
  private df = new Map<string, number>();
  /** Bumped on every change, so callers can invalidate caches (draft check results). */
  generation = 0;

  get articleCount(): number {
    return this.byUri.size;
  }
  get sentenceCount(): number {
    return this.sentences;
  }

  articles(): Iterable<Article> {
    return this.byUri.values();
  }
  article(uri: string): Article | undefined {
    return this.byUri.get(uri);
  }
  articleByKey(key: string): Article | undefined {
    return this.byKey.get(key) ?? this.byKey.get(key.toLowerCase());
  }

  add(article: Article): void {
    this.remove(article.uri);
    this.byUri.set(article.uri, article);
    this.byKey.set(article.key, article);
    this.byKey.set(article.key.toLowerCase(), article);
    const ids: number[] = [];
    const batch: Array<{ id: number; text: string }> = [];
    const sites: MentionSite[] = [];
    for (const s of article.sentences) {
      const id = this.docs.length;
      this.docs.push(s);
      ids.push(id);
      batch.push({ id, text: s.text });
      for (const mention of s.mentions) sites.push({ uri: article.uri, sentence: s.index, mention });
    }
    this.search.addAll(batch);
    this.docIds.set(article.uri, ids);
    this.table.setArticle(article.uri, sites);
    this.sentences += article.sentences.length;
    this.countTerms(article.sentences, 1);
    this.changed();
  }

  remove(uri: string): boolean {
    const old = this.byUri.get(uri);
    if (!old) return false;
    for (const id of this.docIds.get(uri) ?? []) {
      const s = this.docs[id];
      if (s) this.search.discard(id);
      this.docs[id] = undefined;
    }
    this.docIds.delete(uri);
    this.byUri.delete(uri);
    if (this.byKey.get(old.key) === old) this.byKey.delete(old.key);
    if (this.byKey.get(old.key.toLowerCase()) === old) this.byKey.delete(old.key.toLowerCase());
    this.table.removeArticle(uri);
    this.sentences -= old.sentences.length;
    this.countTerms(old.sentences, -1);
    this.changed();
    return true;
  }

  private changed(): void {
    this.generation++;
    this.fuse = undefined;
    this.quoteCache = undefined;
    this.articleQuotes = new WeakMap();
  }

  /** Quotes of one article with resolved speakers (cached until the corpus changes). */
  quoteHits(article: Article): QuoteHit[] {
    let hits = this.articleQuotes.get(article);
    if (!hits) {
      hits = resolveQuoteSpeakers(article, this.table);
      this.articleQuotes.set(article, hits);
    }
    return hits;
  }

  entities(): readonly Entity[] {
    return this.table.entities();
  }
  entity(id: string): Entity | undefined {
    const list = this.table.entities();
    if (this.entityIds?.list !== list) this.entityIds = { list, byId: new Map(list.map((e) => [e.id, e])) };
    return this.entityIds.byId.get(id);
  }
  lookupEntity(name: string): Entity | undefined {
    return this.table.lookup(name);
  }
  resolveMention(mention: Mention, context?: Mention[]): Entity | undefined {
    return this.table.resolve(mention, context);
  }

  searchEntities(query: string, limit: number): Entity[] {
    if (!this.fuse) {
      const items: Array<{ entity: Entity; name: string }> = [];
      for (const entity of this.table.entities()) {
        items.push({ entity, name: entity.name });
        for (const alias of entity.aliases) if (alias !== entity.name) items.push({ entity, name: alias });
      }
      this.fuse = new Fuse(items, { keys: ['name'], threshold: 0.4, ignoreLocation: true, includeScore: true });
    }
    const seen = new Set<string>();
    const out: Entity[] = [];
    for (const hit of this.fuse.search(query, { limit: limit * 3 })) {
      if (seen.has(hit.item.entity.id)) continue;
      seen.add(hit.item.entity.id);
      out.push(hit.item.entity);
      if (out.length >= limit) break;
    }
    return out;
  }

  searchSentences(query: string, limit: number): ScoredSentence[] {
    const hits = this.search.search(query, { combineWith: 'OR' });
    const out: ScoredSentence[] = [];
    for (const hit of hits) {
      const sentence = this.docs[hit.id as number];
      if (!sentence) continue;
      out.push({ sentence, score: hit.score });
      if (out.length >= limit) break;
    }
    return out;
  }

  /** Number of sentences containing a search term (for IDF weights). */
  documentFrequency(term: string): number {
    return this.df.get(term) ?? 0;
  }

  private countTerms(sentences: Sentence[], delta: 1 | -1): void {
    for (const s of sentences) {
      const seen = new Set<string>();
      for (const token of tokenizeForSearch(s.text)) {
        const term = searchTerm(token);
        if (term && !seen.has(term)) {
          seen.add(term);
          const n = (this.df.get(term) ?? 0) + delta;
          if (n > 0) this.df.set(term, n);
          else this.df.delete(term);
        }
      }
    }
  }

  sentenceAt(uri: string, index: number): SourceSentence | undefined {
    return this.byUri.get(uri)?.sentences[index];
  }

  quotesBy(entityId: string): QuoteHit[] {
    if (!this.quoteCache) {
      this.quoteCache = new Map();
      for (const article of this.byUri.values()) {
        for (const hit of this.quoteHits(article)) {
          if (!hit.speaker) continue;
          const list = this.quoteCache.get(hit.speaker.id) ?? [];
          list.push(hit);
          this.quoteCache.set(hit.speaker.id, list);
        }
      }
    }
    return this.quoteCache.get(entityId) ?? [];
  }

  /** All quotes of the corpus with their resolved speakers (for misquote search). */
  allQuotes(): QuoteHit[] {
    const out: QuoteHit[] = [];
    for (const article of this.byUri.values()) out.push(...this.quoteHits(article));
    return out;
  }

  toJSON(): unknown {
    const articles = [...this.byUri.values()].map((a) => ({
      uri: a.uri,
      key: a.key,
      meta: a.meta,
      title: a.title,
      text: a.text,
      bodyStart: a.bodyStart,
      ids: this.docIds.get(a.uri) ?? [],
      sentences: a.sentences.map((s): StoredSentence => ({ s: s.start, e: s.end, l: s.line, q: s.quotes, n: s.quantities, m: s.mentions })),
    }));
    return {
      format: INDEX_FORMAT,
      articles,
      entities: this.table.toJSON(),
      search: this.search.toJSON(),
      df: [...this.df],
      docCount: this.docs.length,
    };
  }

  static fromJSON(data: unknown): CorpusIndex | undefined {
    const d = data as { format?: number; articles?: unknown[]; entities?: unknown; search?: unknown; df?: Array<[string, number]>; docCount?: number };
    if (!d || d.format !== INDEX_FORMAT || !Array.isArray(d.articles)) return undefined;
    const index = new CorpusIndex();
    index.docs.length = d.docCount ?? 0;
    for (const raw of d.articles as Array<Omit<Article, 'sentences'> & { sentences: StoredSentence[] }>) {
      const sentences: SourceSentence[] = raw.sentences.map((s, i) => ({
        start: s.s,
        end: s.e,
        text: raw.text.slice(s.s, s.e),
        uri: raw.uri,
        index: i,
        line: s.l,
        quotes: s.q,
        quantities: s.n,
        mentions: s.m,
      }));
      const article: Article = { ...raw, sentences };
      index.byUri.set(article.uri, article);
      index.byKey.set(article.key, article);
      index.byKey.set(article.key.toLowerCase(), article);
      const ids = (raw as unknown as { ids: number[] }).ids;
      sentences.forEach((s, i) => (index.docs[ids[i]] = s));
      index.docIds.set(article.uri, ids);
      index.sentences += sentences.length;
    }
    index.search = MiniSearch.loadJS(d.search as never, searchOptions);
    index.df = new Map(d.df ?? []);
    index.table = EntityTable.fromJSON(d.entities);
    return index;
  }
}
