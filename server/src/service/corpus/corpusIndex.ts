// The indexed corpus: articles split into sentences with their quotes, figures and name mentions, a BM25
// sentence index (minisearch), and the entity table. Updates one article at a time (incremental).

import type { Article, CorpusView, QuoteHit, QuoteMatch, ScoredSentence, SourceSentence } from '../api.ts';
import type { Entity, Mention } from '../types.ts';
import { EntityTable, type MentionSite } from './entities.ts';
import { resolveQuoteSpeakers } from './speakers.ts';
import { SentenceIndex, type SearchStats } from './sentenceIndex.ts';
import type { ArticleTerms } from './articleTransfer.ts';
import { indexLines, readIndex, type IndexParts, type IndexRestore } from './corpusStore.ts';
import { StaleCache } from './staleCache.ts';
import { QUOTE_ARTICLES, type CardFacts } from './cardFacts.ts';
import { NameSearch } from './nameSearch.ts';
import { compactMentions, compactQuantities, compactQuotes } from './compactSentences.ts';
import { indexedSentence } from './indexedSentence.ts';
import { CompactArticle, RecentlyMade, runsOf, sentenceCount } from './compactArticle.ts';
import { matchQuotes, QuoteWords, typedWords, type QuoteCandidate } from './quoteSearch.ts';
import { QuoteWordIndex } from './quoteIndex.ts';

export { searchTerm } from './sentenceIndex.ts';

const SPEAKER_CACHE = 500;

/** Spellings kept before the table of shared strings starts afresh (it only saves memory). */
const INTERN_LIMIT = 1_000_000;
/** Articles whose made sentences the index holds (see CompactArticle), most recently made. */
const RECENT_ARTICLES = 2_048;

export class CorpusIndex implements CorpusView {
  /** One string per spelling of a name or figure: "Blair" in 10,000 sentences is one string, not 10,000
   *  copies (V8 copies slices under 13 characters; mentions and figures are most of a corpus's objects). */
  private readonly strings = new Map<string, string>();
  private readonly byUri = new Map<string, Article>();
  private readonly byKey = new Map<string, Article>();
  private readonly firstId = new Map<string, number>();
  /** Search ids: the next one, the first of each article holding sentences (ascending) and that article
   *  (undefined once removed), and sentences indexed without their article (`addSentence`). */
  private nextId = 0;
  private readonly firstIds: number[] = [];
  private readonly owners: Array<Article | undefined> = [];
  private readonly loose = new Map<number, SourceSentence>();
  /** Lists of sentences compact articles made lately, held so a check reading an article again finds them. */
  private readonly recent = new RecentlyMade(RECENT_ARTICLES);
  private search = new SentenceIndex();
  private table = new EntityTable();
  private readonly names = new StaleCache<NameSearch>();
  /** quotesBy answers since the last change (bounded: a long session hovers many people). */
  private readonly speakerQuotes = new Map<string, QuoteHit[]>();
  private articleQuotes = new WeakMap<Article, QuoteHit[]>();
  /** Quotations' words as `searchQuotes` compares them, by article (folded when first searched). */
  private readonly quoteWords = new QuoteWords();
  /** The quotations' word index, for the generation it was made at. */
  private quoteIndex: { generation: number; index: QuoteWordIndex } | undefined;
  private sentences = 0;
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

  /** Whether the index holds only part of its corpus, as it happens to have been read (an archive's
   *  working set): groupings over every article held are of no use then. */
  get partial(): boolean {
    return false;
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
   *  a recent table without waiting on a whole-corpus rebuild. `last`: the bulk index's final one, after
   *  its last article: the shared spellings, which only articles coming in use, go first, and entities
   *  do not keep their look-up keys for a next resolution (this one is when a bulk index holds the most
   *  memory; the keys would be 75 MB at 50,000 articles, let go when the bulk index ends). */
  async refresh(pause: () => Promise<void>, sliceMs: number, last = false): Promise<void> {
    if (last) this.strings.clear();
    await this.table.refresh(pause, sliceMs, last);
    if (this.bulk > 0 && this.names.stale) this.names.rebuild(() => this.buildNames());
  }

  endBulk(): void {
    if (this.bulk > 0) this.bulk--;
    if (this.bulk === 0) {
      this.table.staleOk = false;
      this.search.compact();
      this.table.compact();
      this.articleQuotes = new WeakMap();
      // Shared spellings matter while many articles come in; kept after, the table costs 14 MB at 50,000.
      this.strings.clear();
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

  /** Whether added articles are kept compact (see CompactArticle); an index whose callers keep using the
   *  article objects they added (an archive's working set) keeps them as they are. */
  protected keepsArticlesCompact(): boolean {
    return true;
  }

  /** Adds (or replaces) an article; `terms`, when given, are its sentences' search terms computed
   *  elsewhere (see SentenceTerms), one entry per sentence. */
  add(article: Article, terms?: ArticleTerms): void {
    this.remove(article.uri);
    const compact = this.keepsArticlesCompact();
    const sites: MentionSite[] = [];
    const id0 = this.nextId;
    const n = article.sentences.length;
    for (let k = 0; k < n; k++) {
      const s = compact ? article.sentences[k] : (article.sentences[k] = indexedSentence(article.text, article.sentences[k]));
      compactMentions(s.mentions, this.intern);
      compactQuotes(s.quotes, article.text, this.intern);
      const t = terms?.[s.index];
      if (t) this.search.addTerms(id0 + k, t.terms, t.length);
      else this.search.add(id0 + k, s.text);
      for (const mention of s.mentions) sites.push({ uri: article.uri, sentence: s.index, mention });
    }
    this.nextId = id0 + n;
    this.table.setArticle(article.uri, sites);
    // The table's list of the article's mentions (in sentence order) is the compact article's too.
    const store = this.table.packedOf(article.uri);
    const runs = store && runsOf(store.n, n, (i) => sites[i].sentence);
    const kept = (compact && runs !== null && CompactArticle.of(article, this.recent, store && runs ? { store, from: runs } : undefined)) || article;
    // A compact article packs its figures (packedFigures.ts); an article kept as it is keeps compact copies.
    if (kept === article) for (const s of article.sentences) compactQuantities(s.quantities, this.intern);
    this.hold(kept, id0);
    this.changed();
  }

  /** Takes an added or restored article in, its sentences' search ids starting at `id0`. */
  private hold(article: Article, id0: number): void {
    this.byUri.set(article.uri, article);
    this.byKey.set(article.key, article);
    this.byKey.set(article.key.toLowerCase(), article);
    this.firstId.set(article.uri, id0);
    const n = sentenceCount(article);
    this.sentences += n;
    if (n === 0) return;
    // Ids grow as articles are added (and were saved so): out of order only in a hand-made index.
    let at = this.firstIds.length;
    while (at > 0 && this.firstIds[at - 1] > id0) at--;
    this.firstIds.splice(at, 0, id0);
    this.owners.splice(at, 0, article);
  }

  /** Where an article holding sentences starts in `firstIds` (-1 if none starts at `id0`). */
  private ownerAt(id: number): number {
    const ids = this.firstIds;
    let lo = 0;
    let hi = ids.length - 1;
    if (hi < 0 || ids[0] > id) return -1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (ids[mid] <= id) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The sentence a search id stands for. */
  private sentenceById(id: number): SourceSentence | undefined {
    const loose = this.loose.get(id);
    if (loose) return loose;
    const at = this.ownerAt(id);
    const article = at < 0 ? undefined : this.owners[at];
    if (!article) return undefined;
    const k = id - this.firstIds[at];
    return k < sentenceCount(article) ? article.sentences[k] : undefined;
  }

  remove(uri: string): boolean {
    const old = this.byUri.get(uri);
    if (!old) return false;
    const id0 = this.firstId.get(uri) ?? 0;
    const n = sentenceCount(old);
    if (n > 0) {
      const sentences = old.sentences;
      for (let i = 0; i < n; i++) this.search.remove(id0 + i, sentences[i].text);
      const at = this.ownerAt(id0);
      if (at >= 0 && this.owners[at] === old) this.owners[at] = undefined;
    }
    this.firstId.delete(uri);
    this.byUri.delete(uri);
    if (this.byKey.get(old.key) === old) this.byKey.delete(old.key);
    if (this.byKey.get(old.key.toLowerCase()) === old) this.byKey.delete(old.key.toLowerCase());
    this.table.removeArticle(uri);
    this.sentences -= n;
    this.changed();
    return true;
  }

  /** Indexes a sentence for search without its article (a partial corpus's candidate: `article` does not
   *  know its uri); returns its search id, for `removeSentence`. */
  protected addSentence(s: SourceSentence): number {
    const id = this.nextId++;
    this.loose.set(id, s);
    this.search.add(id, s.text);
    this.changed();
    return id;
  }

  /** Drops a sentence `addSentence` indexed. */
  protected removeSentence(id: number): void {
    const s = this.loose.get(id);
    if (!s) return;
    this.search.remove(id, s.text);
    this.loose.delete(id);
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
    return this.table.entityById(id);
  }
  lookupEntity(name: string): Entity | undefined {
    return this.table.lookup(name);
  }
  resolveMention(mention: Mention, context?: Mention[]): Entity | undefined {
    return this.table.resolve(mention, context);
  }

  /** Called before every article naming an entity is read (its quotations): an index holding part of a
   *  corpus notes the articles it must fetch. */
  noteArticlesNaming(entity: Entity): void {
    void entity;
  }

  /** What a card states of an entity when the index reads it from elsewhere than the entity (an
   *  archive's database); undefined: the entity's own mentions, roles and quotes say it. */
  cardFacts(entity: Entity): CardFacts | undefined {
    void entity;
    return undefined;
  }

  /** The name index (during a bulk index, or when `staleNamesOk` says so, possibly the last one built). */
  private nameSearch(): NameSearch {
    return this.names.get(() => this.buildNames(), this.bulk > 0 || this.staleNamesOk());
  }

  private buildNames(): NameSearch {
    const names = new NameSearch(this.table.entities());
    this.namesBuilt();
    return names;
  }

  /** Whether completion and name search may use the last name index built while sources changed since
   *  (besides during a bulk index). */
  protected staleNamesOk(): boolean {
    return false;
  }

  /** Called when the name index was built from the sources held then. */
  protected namesBuilt(): void {}

  /** Resolves the entities and builds the name index now, if a change left them to be rebuilt: for an
   *  idle moment, so the next hover or completion finds them made (an archive's working set after a
   *  request's fetches: 100-200 ms at 100,000 archived articles). */
  prepareNames(): void {
    this.names.get(() => this.buildNames(), this.bulk > 0);
  }

  /** Whether the name index (and so the entities it was made of) is made for the sources held now. */
  get namesPrepared(): boolean {
    return !this.names.stale;
  }

  /** Names completing the typed words (see NameSearch.complete), best match first, prominent first. */
  completeEntities(typed: readonly string[], limit: number): Entity[] {
    return this.nameSearch().complete(typed, limit, (e) => this.mentionsForRanking(e));
  }

  /** How often the corpus mentions an entity, for ranking completions. */
  protected mentionsForRanking(entity: Entity): number {
    return entity.mentionCount;
  }

  searchEntities(query: string, limit: number, wordHead?: string): Entity[] {
    return this.nameSearch().search(query, limit, wordHead);
  }

  searchSentences(query: string, limit: number): ScoredSentence[] {
    const out: ScoredSentence[] = [];
    for (const hit of this.search.search(query, limit)) {
      const sentence = this.sentenceById(hit.id);
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
  articleHasTerm(article: Article, term: string, from = 0, to = sentenceCount(article)): boolean {
    const id0 = this.firstId.get(article.uri);
    return id0 !== undefined && this.search.hasTermIn(term, id0 + from, id0 + to);
  }

  /** Whether one of the article's sentences `from` … `to - 1` holds a search term starting with this prefix. */
  articleHasPrefix(article: Article, prefix: string, from = 0, to = sentenceCount(article)): boolean {
    const id0 = this.firstId.get(article.uri);
    return id0 !== undefined && this.search.hasPrefixIn(prefix, id0 + from, id0 + to);
  }

  sentenceAt(uri: string, index: number): SourceSentence | undefined {
    return this.byUri.get(uri)?.sentences[index];
  }

  /** Quotes whose speaker is this entity, from the articles that mention it (a speaker is always named,
   *  or a pronoun for someone named, in the quote's own article), at most QUOTE_ARTICLES of them. */
  quotesBy(entityId: string): QuoteHit[] {
    const cached = this.speakerQuotes.get(entityId);
    if (cached) return cached;
    // Articles are read through `article`, so an index holding part of a corpus notes those it lacks
    // (an archive's articles held by their names only); the quotes are kept once none was missing.
    const { value: hits, complete } = this.track(() => {
      const found: QuoteHit[] = [];
      const entity = this.entity(entityId);
      // Every article naming it (the quotes come from the first few hundred).
      if (entity) this.noteArticlesNaming(entity);
      const seen = new Set<string>();
      for (const m of entity?.mentions ?? []) {
        if (seen.has(m.uri)) continue;
        // A person in thousands of articles: their quotes from the first few hundred are plenty for a
        // hover or a completion list, and the answer stays within milliseconds.
        if (seen.size >= QUOTE_ARTICLES) break;
        seen.add(m.uri);
        const article = this.article(m.uri);
        if (article) for (const hit of this.quoteHits(article)) if (hit.speaker?.id === entityId) found.push(hit);
      }
      return found;
    });
    if (!complete) return hits;
    if (this.speakerQuotes.size >= SPEAKER_CACHE) this.speakerQuotes.clear();
    this.speakerQuotes.set(entityId, hits);
    return hits;
  }

  searchQuotes(typed: string, limit: number): QuoteMatch[] {
    // An opening of two words or more from the quotations' word index (quoteIndex.ts), made when first
    // needed after the corpus changed, but not during a bulk index (it would be made again and again).
    if (!this.indexing && typedWords(typed)?.includes(' ')) {
      if (this.quoteIndex?.generation !== this.generation) this.quoteIndex = undefined;
      const index = (this.quoteIndex ??= { generation: this.generation, index: new QuoteWordIndex(this.byUri.values(), this.quoteWords) }).index;
      const found = index.match(typed, limit);
      if (found) return this.withHits(found);
    }
    return this.quoteMatches(this.byUri.values(), typed, limit);
  }

  /** The quotations of these articles best matching the typed words, with their sentences and speakers. */
  protected quoteMatches(articles: Iterable<Article>, typed: string, limit: number): QuoteMatch[] {
    return this.withHits(matchQuotes(articles, typed, limit, this.quoteWords));
  }

  private withHits(candidates: QuoteCandidate[]): QuoteMatch[] {
    return candidates.flatMap(({ article, quote, tier, articles: count }) => {
      const hit = this.quoteHits(article).find((h) => h.quote.innerStart === quote.innerStart && h.quote.innerEnd === quote.innerEnd);
      return hit ? [{ ...hit, tier, articles: count }] : [];
    });
  }

  /** The index as JSON lines (see corpusStore.ts; `groups`: the near-duplicate groups of several
   *  articles, when given). */
  *toLines(groups?: readonly (readonly string[])[]): Generator<string> {
    // Read when the first line is asked for (as the generation is), not when the lines are made.
    const parts: IndexParts = { articles: this.byUri, firstId: this.firstId, docCount: this.nextId, table: this.table, search: this.search, generation: () => this.generation };
    yield* indexLines(parts, groups);
  }

  /** Reads what `toLines` wrote; undefined if the lines are not a whole index of this format. Calls
   *  `pause` now and then so a large index loads without blocking requests. */
  static fromLines(lines: Iterable<string> | AsyncIterable<string>, pause?: () => Promise<void>): Promise<CorpusIndex | undefined> {
    const index = new CorpusIndex();
    const restore: IndexRestore = {
      table: index.table,
      intern: index.intern,
      recent: index.recent,
      setDocCount: (n) => {
        index.nextId = n;
      },
      addArticle: (article, id0) => index.hold(article, id0),
      articleUris: () => [...index.byUri.keys()],
      setSearch: (search) => {
        index.search = search;
      },
      setSavedGroups: (groups) => {
        index.savedGroups = { generation: index.generation, groups };
      },
    };
    return readIndex(lines, index, restore, pause).then((read) => {
      index.strings.clear();
      return read;
    });
  }
}
