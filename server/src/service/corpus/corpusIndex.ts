// The indexed corpus: articles split into sentences with their quotes, figures and name mentions, a BM25
// sentence index (minisearch), and the entity table. Updates one article at a time (incremental).

import type { Article, CorpusView, QuoteHit, ScoredSentence, SourceSentence } from '../api.ts';
import type { Entity, Mention, Quantity, Quote } from '../types.ts';
import { EntityTable, type MentionSite, type SavedMentions } from './entities.ts';
import { resolveQuoteSpeakers } from './speakers.ts';
import { SentenceIndex, type SearchStats, type SentenceIndexReader } from './sentenceIndex.ts';
import type { ArticleTerms } from './articleTransfer.ts';
import { ResolutionReader, resolutionLines, restoreResolution, type SavedResolution } from './entityStore.ts';
import { StaleCache } from './staleCache.ts';
import { NameSearch } from './nameSearch.ts';
import { compactMentions, compactQuantities, compactQuotes } from './compactSentences.ts';
import { IndexedSentence, indexedSentence } from './indexedSentence.ts';
import { NO_MENTIONS, NO_QUANTITIES, NO_QUOTES } from './articleAnalysis.ts';

export { searchTerm } from './sentenceIndex.ts';

const INDEX_FORMAT = 9;
/** A large saved index loads in slices of this many milliseconds. */
const LOAD_SLICE_MS = 20;
const SPEAKER_CACHE = 500;
/** quotesBy reads at most this many of the articles that mention a person. */
const QUOTE_ARTICLES = 300;

/** One saved article: sentence bounds and lines flat, analyses only for sentences that have any. */
interface StoredArticle extends Pick<Article, 'uri' | 'key' | 'meta' | 'title' | 'text' | 'bodyStart'> {
  /** Search id of the first sentence (an article's ids are consecutive). */
  id0: number;
  /** start, end, line per sentence. */
  sel: number[];
  /** [sentence index, quotes, figures] for sentences with either. */
  x: Array<[number, Quote[] | 0, StoredFigure[] | 0]>;
  /** The article's mentions with their resolution in the article (see EntityTable.savedMentions); absent
   *  when it has none. */
  m?: SavedMentions;
  /** Names and figures as written that this article is the first to use: they extend the index's
   *  string table, which `m` and figures refer to by number. */
  n?: string[];
  /** The format the text was extracted from, with its page or cue marks. */
  e?: Article['extracted'];
}

/** A figure whose text is its number in the index's string table. */
type StoredFigure = Omit<Quantity, 'text'> & { text: number };

/** Spellings kept before the table of shared strings starts afresh (it only saves memory). */
const INTERN_LIMIT = 1_000_000;

export class CorpusIndex implements CorpusView {
  /** One string per spelling of a name or figure: "Blair" in 10,000 sentences is one string, not 10,000
   *  copies (V8 copies slices under 13 characters; mentions and figures are most of a corpus's objects). */
  private readonly strings = new Map<string, string>();
  private readonly byUri = new Map<string, Article>();
  private readonly byKey = new Map<string, Article>();
  private readonly firstId = new Map<string, number>();
  private readonly docs: Array<SourceSentence | undefined> = [];
  private search = new SentenceIndex();
  private table = new EntityTable();
  private readonly names = new StaleCache<NameSearch>();
  /** quotesBy answers since the last change (bounded: a long session hovers many people). */
  private readonly speakerQuotes = new Map<string, QuoteHit[]>();
  private articleQuotes = new WeakMap<Article, QuoteHit[]>();
  private sentences = 0;
  private entityIds: { list: readonly Entity[]; byId: Map<string, Entity> } | undefined;
  private bulk = 0;
  /** Near-duplicate groups (uri lists of several articles) read with a saved index, for the corpus as it
   *  was at `generation`: a reload need not regroup. */
  savedGroups: { generation: number; groups: string[][] } | undefined;
  /** Bumped on every change, so callers can invalidate caches (draft check results). */
  generation = 0;

  /** Runs `read` and says whether every read it made was answered as the whole corpus would answer it.
   *  An index holding its whole corpus always does; an archive's working set may not (see ArchiveCorpus),
   *  and what was computed then is provisional until the missing reads are fetched. */
  track<T>(read: () => T): { value: T; complete: boolean } {
    return { value: read(), complete: true };
  }

  get articleCount(): number {
    return this.byUri.size;
  }
  get sentenceCount(): number {
    return this.sentences;
  }

  /** A bulk index is under way (between `beginBulk` and `endBulk`): entity counts are still growing. */
  get indexing(): boolean {
    return this.bulk > 0;
  }

  /** Bulk indexing starts: until `endBulk`, answers may come from entity/quote tables a little behind. */
  beginBulk(): void {
    this.bulk++;
    this.table.staleOk = true;
  }
  /** During bulk indexing: is the entity table due a sliced refresh (see `refresh`)? */
  get refreshDue(): boolean {
    return this.table.refreshDue || this.names.due;
  }

  /** Resolves entities in slices and builds the name index, so requests made while indexing answer from
   *  a recent table without waiting on a whole-corpus rebuild. */
  async refresh(pause: () => Promise<void>, sliceMs: number): Promise<void> {
    await this.table.refresh(pause, sliceMs);
    if (this.bulk > 0 && this.names.stale) this.names.rebuild(() => new NameSearch(this.table.entities()));
  }

  endBulk(): void {
    if (this.bulk > 0) this.bulk--;
    if (this.bulk === 0) {
      this.table.staleOk = false;
      this.search.compact();
      this.table.compact();
      this.articleQuotes = new WeakMap();
    }
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

  /** Adds (or replaces) an article; `terms`, when given, are its sentences' search terms computed
   *  elsewhere (see SentenceTerms), one entry per sentence. */
  add(article: Article, terms?: ArticleTerms): void {
    this.remove(article.uri);
    this.byUri.set(article.uri, article);
    this.byKey.set(article.key, article);
    this.byKey.set(article.key.toLowerCase(), article);
    const sites: MentionSite[] = [];
    const id0 = this.docs.length;
    for (let k = 0; k < article.sentences.length; k++) {
      const s = (article.sentences[k] = indexedSentence(article.text, article.sentences[k]));
      compactMentions(s.mentions, this.intern);
      compactQuantities(s.quantities, this.intern);
      compactQuotes(s.quotes, article.text, this.intern);
      const id = this.docs.length;
      this.docs.push(s);
      const t = terms?.[s.index];
      if (t) this.search.addTerms(id, t.terms, t.length);
      else this.search.add(id, s.text);
      for (const mention of s.mentions) sites.push({ uri: article.uri, sentence: s.index, mention });
    }
    this.firstId.set(article.uri, id0);
    this.table.setArticle(article.uri, sites);
    this.sentences += article.sentences.length;
    this.changed();
  }

  remove(uri: string): boolean {
    const old = this.byUri.get(uri);
    if (!old) return false;
    const id0 = this.firstId.get(uri) ?? 0;
    for (let i = 0; i < old.sentences.length; i++) {
      if (this.docs[id0 + i]) this.search.remove(id0 + i, old.sentences[i].text);
      this.docs[id0 + i] = undefined;
    }
    this.firstId.delete(uri);
    this.byUri.delete(uri);
    if (this.byKey.get(old.key) === old) this.byKey.delete(old.key);
    if (this.byKey.get(old.key.toLowerCase()) === old) this.byKey.delete(old.key.toLowerCase());
    this.table.removeArticle(uri);
    this.sentences -= old.sentences.length;
    this.changed();
    return true;
  }

  /** Indexes a sentence for search without its article (a partial corpus's candidate: `article` does not
   *  know its uri); returns its search id, for `removeSentence`. */
  protected addSentence(s: SourceSentence): number {
    const id = this.docs.length;
    this.docs.push(s);
    this.search.add(id, s.text);
    this.changed();
    return id;
  }

  /** Drops a sentence `addSentence` indexed. */
  protected removeSentence(id: number): void {
    const s = this.docs[id];
    if (!s) return;
    this.search.remove(id, s.text);
    this.docs[id] = undefined;
    this.changed();
  }

  /** Counts an article's name mentions in the entity table without holding the article (a partial
   *  corpus: names in articles it does not hold still count when names are resolved). `add` of the same
   *  uri later takes their place. */
  protected addMentions(uri: string, sites: MentionSite[]): void {
    this.table.setArticle(uri, sites);
    this.changed();
  }

  /** Drops what `addMentions` counted. */
  protected removeMentions(uri: string): void {
    this.table.removeArticle(uri);
    this.changed();
  }

  private readonly intern = (text: string): string => {
    const known = this.strings.get(text);
    if (known !== undefined) return known;
    if (this.strings.size >= INTERN_LIMIT) this.strings.clear();
    this.strings.set(text, text);
    return text;
  };

  private changed(): void {
    this.generation++;
    this.names.invalidate();
    this.speakerQuotes.clear();
    // During bulk indexing quotes resolved against a slightly older entity table are kept.
    if (!this.bulk) this.articleQuotes = new WeakMap();
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

  /** Called before a card states what the corpus holds of an entity (its mentions, the articles naming
   *  it): an index holding part of a corpus notes what it must fetch for the whole corpus's counts. False
   *  when the counts are a lower bound (more articles name it than are fetched for a card). */
  noteEntityCard(entity: Entity): boolean {
    void entity;
    return true;
  }

  /** Names completing the typed words (see NameSearch.complete), best match first, prominent first. */
  completeEntities(typed: readonly string[], limit: number): Entity[] {
    return this.names.get(() => new NameSearch(this.table.entities()), this.bulk > 0).complete(typed, limit, (e) => this.mentionsForRanking(e));
  }

  /** How often the corpus mentions an entity, for ranking completions. */
  protected mentionsForRanking(entity: Entity): number {
    return entity.mentionCount;
  }

  searchEntities(query: string, limit: number, wordHead?: string): Entity[] {
    return this.names.get(() => new NameSearch(this.table.entities()), this.bulk > 0).search(query, limit, wordHead);
  }

  searchSentences(query: string, limit: number): ScoredSentence[] {
    const out: ScoredSentence[] = [];
    for (const hit of this.search.search(query, limit)) {
      const sentence = this.docs[hit.id];
      if (sentence) out.push({ sentence, score: hit.score });
    }
    return out;
  }

  /** Corpus-wide statistics for an index holding part of a corpus (see SearchStats); undefined: its own. */
  protected setSearchStats(stats: SearchStats | undefined): void {
    this.search.stats = stats;
  }

  /** Number of sentences containing a search term (for IDF weights). */
  documentFrequency(term: string): number {
    return this.search.documentFrequency(term);
  }

  /** Whether one of the article's sentences `from` … `to - 1` holds the search term (see `searchTerm`);
   *  a lookup in the term's posting, no tokenizing. */
  articleHasTerm(article: Article, term: string, from = 0, to = article.sentences.length): boolean {
    const id0 = this.firstId.get(article.uri);
    return id0 !== undefined && this.search.hasTermIn(term, id0 + from, id0 + to);
  }

  /** Whether one of the article's sentences `from` … `to - 1` holds a search term starting with this prefix. */
  articleHasPrefix(article: Article, prefix: string, from = 0, to = article.sentences.length): boolean {
    const id0 = this.firstId.get(article.uri);
    return id0 !== undefined && this.search.hasPrefixIn(prefix, id0 + from, id0 + to);
  }

  sentenceAt(uri: string, index: number): SourceSentence | undefined {
    return this.byUri.get(uri)?.sentences[index];
  }

  /** Quotes whose speaker is this entity, from the articles that mention it (a speaker is always named,
   *  or a pronoun for someone named, in the quote's own article), at most QUOTE_ARTICLES of them. */
  quotesBy(entityId: string): QuoteHit[] {
    let hits = this.speakerQuotes.get(entityId);
    if (hits) return hits;
    hits = [];
    const entity = this.entity(entityId);
    const seen = new Set<string>();
    for (const m of entity?.mentions ?? []) {
      if (seen.has(m.uri)) continue;
      // A person in thousands of articles: their quotes from the first few hundred are plenty for a hover
      // or a completion list, and the answer stays within milliseconds.
      if (seen.size >= QUOTE_ARTICLES) break;
      seen.add(m.uri);
      const article = this.byUri.get(m.uri);
      if (article) for (const hit of this.quoteHits(article)) if (hit.speaker?.id === entityId) hits.push(hit);
    }
    if (this.speakerQuotes.size >= SPEAKER_CACHE) this.speakerQuotes.clear();
    this.speakerQuotes.set(entityId, hits);
    return hits;
  }

  /** The index as JSON lines (a head, one line per article, the search index in chunks, the near-duplicate
   *  `groups` of several articles when given, an end mark): written and read a line at a time, so a
   *  50,000-article corpus never needs one giant string. */
  *toLines(groups?: readonly (readonly string[])[]): Generator<string> {
    const generation = this.generation;
    yield JSON.stringify({ format: INDEX_FORMAT, articles: this.byUri.size, docCount: this.docs.length });
    // Names and figures as written are numbered, each written once with the first article that uses it:
    // a reload parses each spelling once instead of once per article.
    const strings = new Map<string, number>();
    let fresh: string[] = [];
    const ref = (v: string) => {
      let i = strings.get(v);
      if (i === undefined) {
        strings.set(v, (i = strings.size));
        fresh.push(v);
      }
      return i;
    };
    let lines = 1;
    for (const a of this.byUri.values()) {
      const sel: number[] = [];
      const x: StoredArticle['x'] = [];
      const mentions = a.sentences.flatMap((s) => s.mentions);
      const m = mentions.length ? this.table.savedMentions(a.uri, mentions, ref) : undefined;
      // The table holds every mention of an indexed article; anything else is a bug, not a saved index.
      if (mentions.length && !m) throw new Error(`the entity table does not hold the mentions of ${a.uri}`);
      for (const s of a.sentences) {
        sel.push(s.start, s.end, s.line);
        if (s.quotes.length || s.quantities.length) {
          const figures = s.quantities.length ? s.quantities.map((q): StoredFigure => ({ ...q, text: ref(q.text) })) : 0;
          x.push([s.index, s.quotes.length ? s.quotes : 0, figures]);
        }
      }
      const stored: StoredArticle = { uri: a.uri, key: a.key, meta: a.meta, title: a.title, text: a.text, bodyStart: a.bodyStart, id0: this.firstId.get(a.uri) ?? 0, sel, x };
      if (m) stored.m = m;
      if (a.extracted) stored.e = a.extracted;
      if (fresh.length) {
        stored.n = fresh;
        fresh = [];
      }
      yield JSON.stringify({ a: stored });
      lines++;
    }
    for (const line of this.search.toLines()) {
      yield `{"s":${line}}`;
      lines++;
    }
    for (const line of resolutionLines(this.table.resolution())) {
      yield line;
      lines++;
    }
    if (groups) {
      const ordinal = new Map<string, number>();
      for (const uri of this.byUri.keys()) ordinal.set(uri, ordinal.size);
      const g = groups.map((uris) => uris.map((uri) => ordinal.get(uri) ?? -1));
      if (g.some((ids) => ids.includes(-1))) throw new Error('a near-duplicate group names an article the index does not hold');
      yield JSON.stringify({ g });
      lines++;
    }
    // A change while the lines were being written would have mixed two states of the corpus.
    if (this.generation !== generation) throw new Error('the corpus changed while its index was being saved');
    yield JSON.stringify({ end: lines });
  }

  /** Reads what `toLines` wrote; undefined if the lines are not a whole index of this format. Calls
   *  `pause` now and then so a large index loads without blocking requests. */
  static async fromLines(lines: Iterable<string> | AsyncIterable<string>, pause?: () => Promise<void>): Promise<CorpusIndex | undefined> {
    const index = new CorpusIndex();
    let articles = -1;
    let count = 0;
    let search: SentenceIndexReader | undefined;
    let groups: number[][] | undefined;
    let resolution: ResolutionReader | undefined;
    const strings: string[] = [];
    let ended = false;
    let t0 = performance.now();
    for await (const line of lines) {
      if (ended || !line) return undefined;
      const d = JSON.parse(line) as { format?: number; articles?: number; docCount?: number; a?: StoredArticle; s?: unknown; g?: number[][]; r?: Partial<SavedResolution>; end?: number };
      if (count++ === 0) {
        if (d.format !== INDEX_FORMAT || typeof d.articles !== 'number') return undefined;
        articles = d.articles;
        index.docs.length = d.docCount ?? 0;
      } else if (d.a) {
        try {
          for (const v of d.a.n ?? []) strings.push(index.intern(v));
          index.addStored(d.a, strings);
        } catch {
          return undefined; // a damaged line, or a string table missing an earlier article's part
        }
      } else if (d.s) {
        if (!search) search = SentenceIndex.reader(d.s);
        else if (!search.add(d.s)) return undefined;
        if (!search) return undefined;
      } else if (d.r) {
        if (!(resolution ??= new ResolutionReader()).add(d.r)) return undefined;
      } else if (d.g) {
        if (groups || !Array.isArray(d.g)) return undefined;
        groups = d.g;
      } else if (d.end !== undefined) {
        ended = d.end === count - 1;
        if (!ended) return undefined;
      } else {
        return undefined;
      }
      if (pause && performance.now() - t0 > LOAD_SLICE_MS) {
        await pause();
        t0 = performance.now();
      }
    }
    const loaded = search?.done();
    if (!ended || !loaded || index.byUri.size !== articles) return undefined;
    index.search = loaded;
    // The entity resolution as saved, if it fits the name groups the mentions rebuilt (else it is rebuilt).
    const saved = resolution?.saved;
    if (saved) index.table.adoptResolution((g) => restoreResolution(saved, g));
    if (groups) {
      const uris = [...index.byUri.keys()];
      const named = groups.map((ids) => (Array.isArray(ids) ? ids.map((i) => uris[i]) : []));
      if (named.some((g) => g.length < 2 || g.some((uri) => typeof uri !== 'string'))) return undefined;
      index.savedGroups = { generation: index.generation, groups: named };
    }
    return index;
  }

  /** Adds a saved article; `strings` is the index's table of names and figures as written. */
  private addStored(raw: StoredArticle, strings: readonly string[]): void {
    const sentences: SourceSentence[] = [];
    for (let i = 0, k = 0; k + 2 < raw.sel.length; i++, k += 3) {
      const start = raw.sel[k];
      const end = raw.sel[k + 1];
      const s = new IndexedSentence(raw.text, start, end, raw.uri, i, raw.sel[k + 2], NO_QUOTES, NO_QUANTITIES, NO_MENTIONS);
      sentences.push(s);
      this.docs[raw.id0 + i] = s;
    }
    for (const [i, q, n] of raw.x) {
      const s = sentences[i];
      if (!s) continue;
      if (q) s.quotes = compactQuotes(q, raw.text, this.intern);
      if (n) {
        const figures = n as unknown as Quantity[];
        for (let k = 0; k < n.length; k++) {
          const text = strings[n[k].text];
          if (typeof text !== 'string') throw new Error(`a saved figure of ${raw.uri} has no text`);
          // In place: the parsed object becomes the Quantity.
          figures[k].text = text;
        }
        s.quantities = figures;
      }
    }
    const article: Article = { uri: raw.uri, key: raw.key, meta: raw.meta, title: raw.title, text: raw.text, bodyStart: raw.bodyStart, sentences };
    if (raw.e) article.extracted = raw.e;
    this.byUri.set(article.uri, article);
    this.byKey.set(article.key, article);
    this.byKey.set(article.key.toLowerCase(), article);
    this.firstId.set(article.uri, raw.id0);
    this.sentences += sentences.length;
    // The entity table is rebuilt from the mentions, as resolved in their article when saved.
    if (raw.m) {
      // Saved in sentence order: each run of one sentence's mentions becomes its list, exactly sized.
      const mentions = this.table.restoreMentions(article.uri, raw.m, strings);
      const of = raw.m.s;
      for (let i = 0, j = 0; i < mentions.length; i = j) {
        while (j < mentions.length && of[j] === of[i]) j++;
        const s = sentences[of[i]];
        if (s) s.mentions = s.mentions === NO_MENTIONS ? mentions.slice(i, j) : [...s.mentions, ...mentions.slice(i, j)];
      }
    }
  }
}
