// The corpus of a shared archive, as the checker, hover and completion see it: a bounded working set of
// archived articles held in an ordinary CorpusIndex, scored with the archive's corpus-wide statistics.
//
// The working set holds two kinds of archived text: whole articles (those a request read: a candidate's
// article, an article cited by key, articles naming the draft's people) and loose sentences, the
// archive's best hits for a query whose article nothing read (most of a claim's candidate pool: ~190
// sentences a query, of which retrieval keeps a few dozen). It is bounded by sentences and characters held.
//
// The checker reads its corpus synchronously. A request runs against the working set while every read
// the working set cannot answer for the whole archive is noted (a search whose best hits were never
// fetched, a document frequency, an article by key, a name); those are fetched, and the request runs
// again, until a run notes nothing new. A search over the working set, scored with the archive's N,
// average length and document frequencies, ranks the sentences it holds exactly as the whole archive
// would, so once it holds the archive's best hits for a query its answer is the embedded index's.

import type { Article, QuoteMatch, ScoredSentence, SourceSentence } from '../api.ts';
import type { Entity, Mention } from '../types.ts';
import { CorpusIndex } from '../corpus/corpusIndex.ts';
import { nameKey } from '../corpus/entityKeys.ts';
import { queryTerms } from './archivedArticle.ts';
import type { ArchiveSource, ArchiveStats, ArticleRef, SentenceHit } from './archiveSource.ts';
import { ArchiveOutage } from './archiveOutage.ts';
import { LocalSources } from './localSources.ts';
import { WorkingSet } from './workingSet.ts';
import { Answered, nameKeys } from './answered.ts';
import { addMisses, inTurn, isEmpty, noMisses, type Misses } from './archiveMisses.ts';
import { archiveCardFacts, cardKeys, heldFacts } from './archiveCard.ts';
import type { CardFacts } from '../corpus/cardFacts.ts';
import { Lru } from '../util/lru.ts';
import { ArchivedNames } from './archivedNames.ts';
import { NameSearch } from '../corpus/nameSearch.ts';
import { ArchivedQuotes } from './archivedQuotes.ts';
import { mergeMatches, typedWords } from '../corpus/quoteSearch.ts';
import { WhenIdle } from '../util/whenIdle.ts';

/** Runs of a request at most (the last answers with what was fetched by then). */
const MAX_ROUNDS = 6;
/** How long after a request that fetched the working set's names are prepared, when none runs then. */
const PREPARE_AFTER_MS = 100;
/** Extra hits fetched per search, so ties and rounding at the cut cannot leave out a best hit. */
const SEARCH_MARGIN = 10;
/** A search sharing this much of its terms' weight with one whose best hits are held (Answered.
 *  nearestSearch) starts where the held sentences say its best are (heldReach). At 100,000 articles, a
 *  re-check's edited sentences shared 0.66-0.96 with the sentence before the edit and their held sentences
 *  gave the archive's exact threshold or near it; a first check's later searches shared 0.05-0.14 with any
 *  earlier one, and the threshold held sentences gave was a half or less of the archive's (a look-up from
 *  there read several times as many sentences). */
const NEAR_SEARCH = 0.5;
/** Searches sent at once: a long draft makes hundreds, which would queue for the archive's few
 *  connections (and time out waiting for one on a busy machine). */
const SEARCHES_AT_ONCE = 4;
/** Articles fetched per name the draft uses. */
const ARTICLES_PER_NAME = 40;
/** Articles fetched (by their name mentions) per name of a speaker whose quotations are offered after
 *  `said "` (quotesBy reads the first few hundred of them whole). */
const ARTICLES_PER_SPEAKER_NAME = 2_000;
/** Cards kept (each a few hundred bytes: counts, three roles, three quotations). */
const CARDS_KEPT = 2_000;
/** Names fetched for a typed completion prefix (the archive's most mentioned first). */
const NAMES_PER_PREFIX = 20;

export interface ArchiveCorpusOptions {
  /** Archived sentences held at most (of whole articles, and loose); past it the working set starts
   *  afresh before the next request. */
  maxSentences?: number;
  /** Characters of archived text held at most (UTF-16 code units: twice this in bytes). */
  maxChars?: number;
  /** Name mentions of articles held by their mentions only, at most. */
  maxMentions?: number;
  /** Called when the archive changed (a sync): caches of check results keyed without the corpus drop.
   *  Dropping what the working set held does not call it: a judgement made with every read answered
   *  is the whole archive's and stays right (`onFetched` drops the others). */
  onChange?: () => void;
  /** Called after fetching what requests read and the working set lacked: what was computed under
   *  `track` with reads missing is stale (what was computed with every read answered stays right). */
  onFetched?: () => void;
  /** With this set, a failing archive does not fail requests: they are answered from the working set
   *  (what earlier requests fetched), this is told once, and the archive is tried again with backoff. */
  onUnavailable?: (err: unknown) => void;
  /** The archive answered again after `onUnavailable`. */
  onAvailable?: () => void;
  /** Clock for the backoff and the statistics' age (tests). */
  now?: () => number;
  /** A request that fetches nothing reads the statistics (has a sync changed the archive?) only when
   *  they were read longer ago than this; a request that fetches reads them beside its fetch. */
  statsMaxAgeMs?: number;
}


/** The default bounds: what a 2,000-word draft's first check holds at 100,000 and 500,000 archived
 *  articles (84,779 and 92,969 sentences, 11 and 12 MB of text) fits, so its re-checks after an edit
 *  start from it rather than afresh (a heap of ~480 MB after such a check; ~800 MB at the bounds). */
const MAX_SENTENCES = 150_000;
const MAX_CHARS = 24_000_000;
const MAX_MENTIONS = 300_000;
/** How old the statistics may be for a request that fetches nothing (statsMaxAgeMs): a writer typing
 *  asks several completions and cards a second, each answered from what is held, and reading the
 *  statistics row was most of such a request's work (a query's round trip: ~1 ms of the server's CPU
 *  and a wake-up of PostgreSQL's; eight editors at once on two cores). A sync is seen within this, or
 *  with the next request that fetches, or by an editor's poll (archiveChanged). */
const STATS_MAX_AGE_MS = 1_000;

export class ArchiveCorpus extends CorpusIndex {
  private readonly maxSentences: number;
  private readonly maxChars: number;
  private readonly maxMentions: number;
  private stats: ArchiveStats | undefined;
  /** When the statistics were last read (the options' clock). */
  private statsReadAt = -Infinity;
  /** Archive-wide document frequencies fetched so far. */
  private readonly dfs = new Map<string, number>();
  /** What the working set answers for the whole archive. */
  private readonly answered = new Answered();
  /** What the working set holds of the archive. */
  readonly held: WorkingSet;
  /** Articles added by the host (a workspace's own sources): they stay, and count in the statistics
   *  unless the archive holds a copy. */
  private readonly local = new LocalSources();
  private recording: Misses | undefined;
  /** Cards read from the archive, by their entity's group keys: the whole archive's, whatever the
   *  working set holds (forgotten when a sync changes the archive). */
  private readonly cards = new Lru<string, CardFacts>(CARDS_KEPT);
  /** The archive's names completion fetched, by typed prefix (archivedNames.ts). */
  private readonly archivedNames = new ArchivedNames();
  /** The archive's quotations completion fetched, by typed words (archivedQuotes.ts). */
  private readonly archivedQuotes = new ArchivedQuotes();
  /** A local source was added or removed since the name index was last built. */
  private localChanged = true;
  /** Requests under `satisfy` now. */
  private running = 0;
  /** After fetches changed the working set, its names are resolved and indexed in an idle moment, not
   *  by the next hover or completion (at 100,000 archived articles the name index of a working set a
   *  draft's check left took 120-140 ms to make: 0.8-1.4 s for eight editors' first completions at once). */
  private readonly prepare = new WhenIdle(PREPARE_AFTER_MS, () => this.running > 0, () => this.prepareNames());
  private readonly outage: ArchiveOutage;

  constructor(
    private readonly source: ArchiveSource,
    private readonly options: ArchiveCorpusOptions = {},
  ) {
    super();
    this.maxSentences = options.maxSentences ?? MAX_SENTENCES;
    this.maxChars = options.maxChars ?? MAX_CHARS;
    this.maxMentions = options.maxMentions ?? MAX_MENTIONS;
    this.outage = new ArchiveOutage(options);
    this.held = new WorkingSet({
      add: (a) => super.add(a),
      remove: (uri) => void super.remove(uri),
      article: (uri) => super.article(uri),
      addSentence: (s) => this.addSentence(s),
      removeSentence: (id) => this.removeSentence(id),
      addMentions: (uri, sites) => this.addMentions(uri, sites),
      removeMentions: (uri) => this.removeMentions(uri),
    });
    this.stats = source.lastStats;
    this.updateSearchStats();
  }


  get archiveStats(): ArchiveStats | undefined {
    return this.stats;
  }

  /** Whether the archive failed and is not being asked until its retry time. */
  get unavailable(): boolean {
    return this.outage.down;
  }

  /** Runs `read` noting its missed reads apart (and adding them to the request's): complete when it
   *  missed none, so its result is the whole archive's answer and survives the fetches other reads need. */
  override track<T>(read: () => T): { value: T; complete: boolean } {
    const outer = this.recording;
    const own = noMisses();
    this.recording = own;
    try {
      const value = read();
      return { value, complete: isEmpty(own) };
    } finally {
      this.recording = outer;
      if (outer) addMisses(outer, own);
    }
  }

  /** Runs a request until the working set answers every read it makes as the whole archive would. While
   *  the archive is unavailable (with `onUnavailable` set), answers from the working set as it is.
   *
   *  Whether a sync changed the archive is asked once a request: beside its first fetch when it fetches
   *  (what it fetched is dropped with the rest if so, and it runs again), else after it ran when the
   *  statistics were read over STATS_MAX_AGE_MS ago (a request the working set answers whole reads at
   *  most the statistics). Asked before each request, it was one more
   *  round trip ahead of every completion's and card's own (at 100,000 articles, a name completion and
   *  its card took 9-10 round trips in turn; with eight editors at once on two cores each waits for the
   *  others' work, and the waits were most of a completion's time). */
  async satisfy<T>(run: () => Promise<T>): Promise<T> {
    // Past its sentence or character bound, the working set starts afresh before a request, unless
    // another runs: dropping the sentences and whole articles a running request fetched for itself made
    // a long draft's first check search again whenever the writer hovered a name (and could leave it
    // answering with reads missing after its last round). Past the mention bound, only the articles held
    // by their names go (what cards and completions fetched, cheap to fetch again; a card fetches the
    // mentions of up to 2,000 articles a name), so hovering does not cost the next re-check its
    // searches. It holds at most the bounds, or what the requests running together need.
    const s = this.held.size;
    if (this.running === 0 && (s.sentences > this.maxSentences || s.chars > this.maxChars)) this.dropFetched();
    else if (s.mentions > this.maxMentions) this.dropNamesOnly();
    this.running++;
    try {
      // Whether the statistics were read during this request.
      let checked = false;
      for (let round = 1; ; round++) {
        const misses = noMisses();
        const outer = this.recording;
        this.recording = misses;
        let result: T;
        try {
          result = await run();
        } finally {
          this.recording = outer;
        }
        if (isEmpty(misses) || round >= MAX_ROUNDS) {
          // (A local source added since is compared with the archive's copies now, whatever their age.)
          if (checked || (!this.local.anyToCheck && this.clock() - this.statsReadAt < (this.options.statsMaxAgeMs ?? STATS_MAX_AGE_MS))) return result;
          checked = true;
          const changed = await this.ask(() => this.refreshStats());
          // A sync changed the archive since the working set was read: run again on what it holds now.
          if (changed?.value !== true) return result;
          continue;
        }
        this.prepare.schedule();
        checked = true;
        // What was fetched beside a changed archive's statistics is dropped with the rest.
        const fetched = await this.ask(async () => this.useStats((await Promise.all([this.source.stats(), this.fetchMissing(misses)]))[0]));
        if (!fetched) return result;
      }
    } finally {
      this.running--;
    }
  }

  /** Whether a sync changed the archive since its statistics were last read (what was fetched from it is
   *  dropped then, and `onChange` called); false while the archive cannot be asked. */
  async syncedSince(): Promise<boolean> {
    const before = this.stats?.revision;
    const asked = await this.ask(() => this.refreshStats());
    return !!asked && before !== undefined && this.stats?.revision !== before;
  }

  private clock(): number {
    return (this.options.now ?? Date.now)();
  }

  /** Runs an archive call under the outage rules: its value, or undefined when the archive is unavailable
   *  (requests are then answered from the working set). */
  private async ask<T>(call: () => Promise<T>): Promise<{ value: T } | undefined> {
    let out: { value: T } | undefined;
    return (await this.outage.try(async () => void (out = { value: await call() }))) ? out : undefined;
  }

  /** Reads the archive's statistics; true when a sync changed the archive since they were last read. */
  private async refreshStats(): Promise<boolean> {
    return this.useStats(await this.source.stats());
  }

  /** Takes the archive's statistics as read; true when a sync changed the archive (or none was known). */
  private async useStats(stats: ArchiveStats): Promise<boolean> {
    this.statsReadAt = this.clock();
    const changed = !this.stats || this.stats.revision !== stats.revision;
    if (this.stats && changed) {
      // A sync changed the archive: nothing fetched or judged before can be trusted.
      this.dfs.clear();
      this.cards.clear();
      this.archivedNames.clear();
      this.archivedQuotes.clear();
      this.dropFetched();
      this.options.onChange?.();
      this.local.recheck();
    }
    this.stats = stats;
    // Local sources the archive holds a copy of count once, as the archive's (whose copy is not fetched).
    // (A request that counted them apart runs again.)
    const unchecked = this.local.toCheck();
    if (unchecked.length) {
      const copies = await this.source.copiesOf(unchecked);
      for (const copy of this.local.setCopies(unchecked, copies)) this.held.drop(copy.uri);
    }
    this.updateSearchStats();
    return changed || unchecked.length > 0;
  }

  private updateSearchStats(): void {
    const a = this.stats;
    if (!a) return;
    const n = a.sentences + this.local.size;
    const avgLength = n ? (a.totalLength + this.local.averageLength * this.local.size) / n : 0;
    this.setSearchStats({
      sentences: n,
      avgLength,
      df: (term) => {
        const d = this.dfs.get(term);
        return d === undefined ? undefined : d + this.local.documentFrequency(term);
      },
    });
  }

  /** Completion and name search answer from the name index last built while only fetches from the
   *  archive changed the working set since (it is built again in an idle moment, `prepare`): the names
   *  starting as typed come from the archive's name table, and a hover just before made the first
   *  completion rebuild the working set's entities and names (at 100,000 articles, 100 ms of a 120 ms
   *  completion alone; 230-300 ms with eight editors at once). A local source's names are never late. */
  protected override staleNamesOk(): boolean {
    if (this.localChanged) return false;
    if (!this.namesPrepared) this.prepare.schedule();
    return true;
  }

  protected override namesBuilt(): void {
    this.localChanged = false;
  }

  /** The working set and the local sources keep using the articles they add: they stay as they are. */
  protected override keepsArticlesCompact(): boolean {
    return false;
  }

  override get partial(): boolean {
    return true;
  }

  override get sentenceCount(): number {
    return this.stats ? this.stats.sentences + this.local.size : super.sentenceCount;
  }

  override get articleCount(): number {
    return this.stats ? this.stats.articles + this.local.articles : super.articleCount;
  }

  override add(article: Article): void {
    if (this.held.loading) return super.add(article);
    this.localChanged = true;
    // A host's own source: it stays, in place of any archived article of its uri.
    this.held.drop(article.uri);
    super.add(article);
    this.local.add(article);
    this.updateSearchStats();
  }

  override remove(uri: string): boolean {
    if (!this.held.loading && this.local.remove(uri)) {
      this.localChanged = true;
      this.updateSearchStats();
    }
    return super.remove(uri);
  }

  override documentFrequency(term: string): number {
    const d = this.dfs.get(term);
    if (d !== undefined || !this.stats) return d === undefined ? super.documentFrequency(term) : d + this.local.documentFrequency(term);
    if (term) this.recording?.terms.add(term);
    return super.documentFrequency(term);
  }

  override searchSentences(query: string, limit: number): ScoredSentence[] {
    const m = this.recording;
    if (m && this.stats) {
      for (const t of queryTerms(query)) if (!this.dfs.has(t.term)) m.terms.add(t.term);
      if ((this.answered.searched.get(query) ?? -1) < limit) m.searches.set(query, Math.max(limit, m.searches.get(query) ?? 0));
    }
    if (this.held.empty) return super.searchSentences(query, limit);
    // Sentences of equal score in the order the embedded index holds them (the archive's, local sources
    // first), not the order they were fetched in: a few past the limit are ranked to find the ties.
    const hits = super.searchSentences(query, limit + SEARCH_MARGIN);
    const order = (s: ScoredSentence) => this.held.archiveId(s.sentence.uri, s.sentence.index) ?? -1;
    hits.sort((a, b) => b.score - a.score || order(a) - order(b) || (a.sentence.uri === b.sentence.uri ? a.sentence.index - b.sentence.index : 0));
    return hits.length > limit ? hits.slice(0, limit) : hits;
  }

  override article(uri: string): Article | undefined {
    const a = super.article(uri);
    if (!a && this.stats && !this.answered.absentUris.has(uri)) this.recording?.uris.add(uri);
    return a;
  }

  override sentenceAt(uri: string, index: number): SourceSentence | undefined {
    return this.article(uri)?.sentences[index];
  }

  override articleByKey(key: string): Article | undefined {
    const a = super.articleByKey(key);
    if (!a && this.stats && !this.answered.absentKeys.has(key.toLowerCase())) this.recording?.keys.add(key);
    return a;
  }

  override lookupEntity(name: string): Entity | undefined {
    this.noteName(name);
    return super.lookupEntity(name);
  }

  override completeEntities(typed: readonly string[], limit: number): Entity[] {
    // The archive's names starting as typed, beside the working set's: alone, it knows only the names
    // earlier requests brought in.
    const prefix = nameKey(typed.join(' '));
    const held = super.completeEntities(typed, limit);
    // Completion tries the typed words from the longest run ("City S") to the last word alone ("S"),
    // stopping at the first naming anyone: a shorter run is looked up in a later round, once the longer
    // found no name (a one-letter word alone names a twentieth of the archive: 140 ms at 100,000 articles).
    if (this.recording?.prefixes.size && !this.archivedNames.has(prefix)) return held;
    if (!this.fetchedNames(prefix)) return held;
    return new NameSearch(this.archivedNames.merge(held, prefix)).complete(typed, limit, (e) => this.mentionsForRanking(e));
  }

  override searchEntities(query: string, limit: number, wordHead?: string): Entity[] {
    // Completion's fuzzy matches of the last typed word ("Thierry He" also offers "Lleyton Hewitt"; a typo
    // such as "Wegner" finds "Wenger") are names with a word starting as that word does: the archive's
    // most mentioned of those are searched too, as the embedded index would search all of them.
    const held = super.searchEntities(query, limit, wordHead);
    // Completion looks for fuzzy matches only when few names start as typed: while the names starting as
    // typed are still to be fetched, those of the word's first letters are not (a two-letter head names
    // thousands: 25-35 ms at 100,000 articles, for a list the typed names most often fill).
    if (wordHead === undefined || this.recording?.prefixes.size) return held;
    if (!this.fetchedNames(nameKey(wordHead))) return held;
    return new NameSearch(this.archivedNames.merge(held, nameKey(wordHead))).search(query, limit, wordHead);
  }

  override searchQuotes(typed: string, limit: number): QuoteMatch[] {
    // The workspace's own sources searched here, the archive's quotations in its database (none of the
    // archived articles the working set holds is searched: they are the archive's).
    const own = this.quoteMatches(this.local.ownArticles(), typed, limit);
    const words = typedWords(typed);
    if (!words || !this.stats) return own;
    const archived = this.archivedQuotes.get(words, limit);
    if (!archived) {
      const m = this.recording;
      if (m) m.quotes.set(words, Math.max(limit, m.quotes.get(words) ?? 0));
      return own;
    }
    return mergeMatches(own, archived, limit);
  }

  override entity(id: string): Entity | undefined {
    return super.entity(id) ?? this.archivedNames.entity(id);
  }

  /** Whether the archive's names of a typed prefix (name-key words) were fetched; if not, notes them. */
  private fetchedNames(prefix: string): boolean {
    if (!prefix || !this.stats) return false;
    if (this.archivedNames.has(prefix)) return true;
    this.recording?.prefixes.add(prefix);
    return false;
  }

  /** An entity's archive-wide count when completion fetched its name (else an alias's), at least what the
   *  working set counts. */
  protected override mentionsForRanking(entity: Entity): number {
    const own = this.archivedNames.mentions(nameKey(entity.name));
    const alias = own === undefined ? Math.max(0, ...entity.aliases.map((a) => this.archivedNames.mentions(nameKey(a)) ?? 0)) : own;
    return Math.max(entity.mentionCount, alias);
  }

  override resolveMention(mention: Mention, context?: Mention[]): Entity | undefined {
    // The draft's names are fetched; an archived sentence's own names are not (that would pull in the
    // articles naming everyone each candidate names: on BBC, the whole corpus for one long draft).
    if (!this.held.archived(mention)) {
      this.noteName(mention.text);
      for (const m of context ?? []) if (m.text.includes(' ') && !this.held.archived(m)) this.noteName(m.text);
    }
    return super.resolveMention(mention, context);
  }

  override noteArticlesNaming(entity: Entity): void {
    for (const name of new Set([entity.name, ...entity.aliases])) this.noteName(name, ARTICLES_PER_SPEAKER_NAME);
  }

  /** A card's facts from the archive's database (archiveCard.ts), for the groups the working set
   *  merged into the entity; until they are fetched, or while the archive cannot be asked, what the
   *  working set holds of it, as a lower bound. */
  override cardFacts(entity: Entity): CardFacts {
    const { id, keys, quotes } = cardKeys(entity);
    const known = this.cards.get(id);
    if (known) return known;
    if (this.stats) this.recording?.cards.set(id, { keys, quotes });
    return heldFacts(entity, (uri, sentence) => ({ sentence: super.sentenceAt(uri, sentence), article: super.article(uri) }));
  }

  private noteName(name: string, limit = ARTICLES_PER_NAME): void {
    const m = this.recording;
    if (!m || !this.stats) return;
    // Under each key the gazetteer's aliases give the same name ("UN", "United Nations").
    for (const key of nameKeys(name)) if ((this.answered.named.get(key) ?? 0) < limit && (m.names.get(key) ?? 0) < limit) m.names.set(key, limit);
  }

  private idf(term: string): number {
    const n = this.sentenceCount;
    const df = (this.dfs.get(term) ?? 0) + this.local.documentFrequency(term);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  private async fetchMissing(m: Misses): Promise<void> {
    const stats = this.stats;
    if (!stats) return;
    const wanted = new Set(m.terms);
    for (const q of m.searches.keys()) for (const t of queryTerms(q)) wanted.add(t.term);
    const unknown = [...wanted].filter((t) => !this.dfs.has(t));
    if (unknown.length) {
      const got = await this.source.documentFrequencies(unknown);
      for (const t of unknown) this.dfs.set(t, got.get(t) ?? 0);
    }
    const n = this.sentenceCount;
    const avgLength = n ? (stats.totalLength + this.local.averageLength * this.local.size) / n : 0;
    const search = async ([query, limit]: [string, number]) => {
      const terms = queryTerms(query).map((t) => ({ term: t.term, weight: this.idf(t.term) * t.count, df: this.dfs.get(t.term) }));
      // Held sentences say where the archive's best are for a search near one whose best are held.
      const reached = this.answered.nearestSearch(terms, limit) >= NEAR_SEARCH ? this.heldReach(query, limit + SEARCH_MARGIN) : 0;
      const hits = terms.length ? await this.source.searchSentences(terms, avgLength, limit + SEARCH_MARGIN, reached) : [];
      return { query, limit, terms, hits };
    };
    const [found, byKey, byUri, byName, cards, prefixes, quotes] = await Promise.all([
      inTurn([...m.searches], SEARCHES_AT_ONCE, search),
      m.keys.size ? this.source.articlesByKey([...m.keys]) : [],
      m.uris.size ? this.source.articlesByUri([...m.uris]) : [],
      this.articlesNaming(m.names),
      Promise.all([...m.cards].map(async ([id, c]) => [id, await archiveCardFacts(this.source, c.keys, c.quotes)] as const)),
      Promise.all([...m.prefixes].map(async (p) => [p, await this.source.namesStarting(p.split(' '), NAMES_PER_PREFIX)] as const)),
      Promise.all([...m.quotes].map(async ([words, limit]) => [words, limit, await this.source.quotesMatching(words, limit)] as const)),
    ]);
    for (const [words, limit, rows] of quotes) this.archivedQuotes.set(words, limit, rows);
    for (const [p, rows] of prefixes) this.archivedNames.set(p, rows);
    for (const [id, facts] of cards) this.cards.set(id, facts);
    const refs = new Map<number, ArticleRef>();
    for (const r of [...byKey, ...byUri]) refs.set(r.id, r);
    // Articles naming the draft's people count for name resolution: their mentions are enough.
    const naming = new Map<number, ArticleRef>();
    for (const r of byName) if (!refs.has(r.id) && !this.held.has(r.uri) && this.wanted(r)) naming.set(r.id, r);
    const [mentions, docs] = await Promise.all([
      naming.size ? this.source.mentionsOf([...naming.keys()]) : [],
      this.source.load([...refs.values()].filter((r) => !this.held.hasWhole(r.uri) && this.wanted(r)).map((r) => r.id)),
    ]);
    const hits = new Map<string, SentenceHit>();
    for (const h of found.flatMap((f) => f.hits)) hits.set(`${h.index} ${h.uri}`, h);
    this.held.addMentions(mentions.filter((d) => this.wanted(d)));
    this.held.addArticles(docs.filter((d) => this.wanted({ id: d.id, uri: d.article.uri })));
    this.held.addLoose([...hits.values()].filter((h) => this.wanted(h)).sort((x, y) => x.id - y.id || x.index - y.index));
    // What was asked for is held now (or is not in the archive).
    for (const f of found) this.answered.noteSearch(f.query, f.limit, f.terms);
    for (const k of m.keys) if (!super.articleByKey(k)) this.answered.absentKeys.add(k.toLowerCase());
    for (const u of m.uris) if (!super.article(u)) this.answered.absentUris.add(u);
    for (const [k, limit] of m.names) this.answered.named.set(k, Math.max(limit, this.answered.named.get(k) ?? 0));
    // Judgements made with what was missing are stale even when no article came (a document frequency);
    // those made with every read answered are not.
    this.options.onFetched?.();
  }

  /** The score `count` archived sentences the working set holds reach for a search, scored as the
   *  archive scores them (every term's document frequency known by now), or 0 when it holds fewer: where
   *  the archive's search may start (a re-check's edited sentence, whose best sentences were fetched for
   *  it before the edit: one look-up instead of two or three in turn; host/archive/searchPlan.ts). */
  private heldReach(query: string, count: number): number {
    if (this.held.empty) return 0;
    let n = 0;
    for (const h of super.searchSentences(query, count + Math.min(count, this.local.size))) {
      if (this.held.archiveId(h.sentence.uri, h.sentence.index) === undefined) continue;
      if (++n === count) return h.score;
    }
    return 0;
  }

  /** Articles naming these keys, up to each key's limit. */
  private async articlesNaming(names: ReadonlyMap<string, number>): Promise<Array<ArticleRef & { key: string }>> {
    const byLimit = new Map<number, string[]>();
    for (const [key, limit] of names) byLimit.set(limit, [...(byLimit.get(limit) ?? []), key]);
    const found = await Promise.all([...byLimit].map(([limit, keys]) => this.source.articlesNaming(keys, limit)));
    return found.flat();
  }

  /** Whether an archived article may be fetched: not a local source's uri, nor a copy of one. */
  private wanted(ref: ArticleRef): boolean {
    return !this.local.has(ref.uri) && !this.local.isCopy(ref.id);
  }

  /** Drops the articles held by their names only (and the names and prefixes they answered for). */
  private dropNamesOnly(): void {
    this.held.dropNamesOnly();
    this.answered.forgetNames();
    this.options.onFetched?.();
  }

  /** Empties the working set of archived articles (and what it answered for); the judgements made with
   *  every read answered stay (a re-check after an edit judges again only what the edit touched). */
  private dropFetched(): void {
    this.held.clear();
    this.answered.clear();
    this.options.onFetched?.();
  }
}
