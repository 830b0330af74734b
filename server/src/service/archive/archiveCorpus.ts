// The corpus of a shared archive, as the checker, hover and completion see it: a bounded working set of
// archived articles held in an ordinary CorpusIndex, scored with the archive's corpus-wide statistics.
//
// The checker reads its corpus synchronously. A request runs against the working set while every read
// the working set cannot answer for the whole archive is noted (a search whose best hits were never
// fetched, a document frequency, an article by key, a name); those are fetched, and the request runs
// again, until a run notes nothing new. A search over the working set, scored with the archive's N,
// average length and document frequencies, ranks the sentences it holds exactly as the whole archive
// would, so once it holds the archive's best hits for a query its answer is the embedded index's.

import type { Article, ScoredSentence } from '../api.ts';
import type { Entity, Mention } from '../types.ts';
import { CorpusIndex } from '../corpus/corpusIndex.ts';
import { SentenceIndex } from '../corpus/sentenceIndex.ts';
import { nameKey } from '../corpus/entityKeys.ts';
import { fromArchived, queryTerms } from './archivedArticle.ts';
import type { ArchiveSource, ArchiveStats, ArticleRef } from './archiveSource.ts';

/** Runs of a request at most (the last answers with what was fetched by then). */
const MAX_ROUNDS = 5;
/** Extra hits fetched per search, so ties and rounding at the cut cannot leave out a best hit. */
const SEARCH_MARGIN = 10;
/** Articles fetched per name the draft uses. */
const ARTICLES_PER_NAME = 40;

interface Misses {
  searches: Map<string, number>;
  terms: Set<string>;
  keys: Set<string>;
  uris: Set<string>;
  names: Set<string>;
}

function noMisses(): Misses {
  return { searches: new Map(), terms: new Set(), keys: new Set(), uris: new Set(), names: new Set() };
}

function isEmpty(m: Misses): boolean {
  return !m.searches.size && !m.terms.size && !m.keys.size && !m.uris.size && !m.names.size;
}

export interface ArchiveCorpusOptions {
  /** Archived articles held at most; past it the working set starts afresh. */
  maxArticles?: number;
  /** Called after the working set changed (caches of check results keyed without the corpus drop). */
  onChange?: () => void;
  /** With this set, a failing archive does not fail requests: they are answered from the working set
   *  (what earlier requests fetched), this is told once, and the archive is tried again with backoff. */
  onUnavailable?: (err: unknown) => void;
  /** The archive answered again after `onUnavailable`. */
  onAvailable?: () => void;
  /** Clock for the backoff (tests). */
  now?: () => number;
}

/** Waits before trying a failed archive again: doubling from the first, up to the last. */
const RETRY_FIRST_MS = 500;
const RETRY_MAX_MS = 30_000;

export class ArchiveCorpus extends CorpusIndex {
  private readonly maxArticles: number;
  private stats: ArchiveStats | undefined;
  /** Archive-wide document frequencies fetched so far. */
  private readonly dfs = new Map<string, number>();
  /** Queries whose best hits are held, with the limit they were fetched for. */
  private readonly searched = new Map<string, number>();
  private readonly named = new Set<string>();
  private readonly absentKeys = new Set<string>();
  private readonly absentUris = new Set<string>();
  /** Archived articles held, by uri, with their archive id. */
  private readonly fetched = new Map<string, number>();
  /** Articles added by the host (a workspace's own sources): they stay, and count in the statistics. */
  private readonly pinned = new Map<string, { id0: number; texts: string[] }>();
  private readonly local = new SentenceIndex();
  private localIds = 0;
  private loading = false;
  private recording: Misses | undefined;
  /** Set while the archive is unavailable: when to try again, and the wait after that. */
  private outage: { retryAt: number; wait: number } | undefined;

  constructor(
    private readonly source: ArchiveSource,
    private readonly options: ArchiveCorpusOptions = {},
  ) {
    super();
    this.maxArticles = options.maxArticles ?? 5000;
    this.stats = source.lastStats;
    this.updateSearchStats();
  }

  /** Archived articles in the working set. */
  get heldArticles(): number {
    return this.fetched.size;
  }

  get archiveStats(): ArchiveStats | undefined {
    return this.stats;
  }

  /** Whether the archive failed and is not being asked until its retry time. */
  get unavailable(): boolean {
    return this.outage !== undefined;
  }

  /** Runs a request until the working set answers every read it makes as the whole archive would. While
   *  the archive is unavailable (with `onUnavailable` set), answers from the working set as it is. */
  async satisfy<T>(run: () => Promise<T>): Promise<T> {
    if (!(await this.tryArchive(() => this.refreshStats()))) return run();
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
      if (isEmpty(misses) || round >= MAX_ROUNDS) return result;
      if (!(await this.tryArchive(() => this.fetchMissing(misses)))) return result;
    }
  }

  /** Runs an archive call; false when the archive is (or just became) unavailable and requests are to be
   *  answered from the working set. Without `onUnavailable`, failures are thrown. */
  private async tryArchive(call: () => Promise<void>): Promise<boolean> {
    const now = this.options.now ?? Date.now;
    if (this.outage && now() < this.outage.retryAt) return false;
    try {
      await call();
    } catch (err) {
      if (!this.options.onUnavailable) throw err;
      const first = !this.outage;
      const wait = this.outage ? Math.min(this.outage.wait * 2, RETRY_MAX_MS) : RETRY_FIRST_MS;
      this.outage = { retryAt: now() + wait, wait };
      if (first) this.options.onUnavailable(err);
      return false;
    }
    if (this.outage) {
      this.outage = undefined;
      this.options.onAvailable?.();
    }
    return true;
  }

  private async refreshStats(): Promise<void> {
    const stats = await this.source.stats();
    if (this.stats && this.stats.revision !== stats.revision) {
      // A sync changed the archive: nothing fetched before can be trusted.
      this.dfs.clear();
      this.dropFetched();
    }
    this.stats = stats;
    this.updateSearchStats();
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

  override get sentenceCount(): number {
    return this.stats ? this.stats.sentences + this.local.size : super.sentenceCount;
  }

  override get articleCount(): number {
    return this.stats ? this.stats.articles + this.pinned.size : super.articleCount;
  }

  override add(article: Article): void {
    super.add(article);
    if (this.loading) return;
    // A host's own source: pinned, and counted in the statistics.
    const texts = article.sentences.map((s) => s.text);
    const id0 = this.localIds;
    texts.forEach((t, i) => this.local.add(id0 + i, t));
    this.localIds += texts.length;
    this.pinned.set(article.uri, { id0, texts });
    this.updateSearchStats();
  }

  override remove(uri: string): boolean {
    const pin = this.pinned.get(uri);
    if (pin && !this.loading) {
      pin.texts.forEach((t, i) => this.local.remove(pin.id0 + i, t));
      this.pinned.delete(uri);
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
      if ((this.searched.get(query) ?? -1) < limit) m.searches.set(query, Math.max(limit, m.searches.get(query) ?? 0));
    }
    return super.searchSentences(query, limit);
  }

  override article(uri: string): Article | undefined {
    const a = super.article(uri);
    if (!a && this.stats && !this.absentUris.has(uri)) this.recording?.uris.add(uri);
    return a;
  }

  override articleByKey(key: string): Article | undefined {
    const a = super.articleByKey(key);
    if (!a && this.stats && !this.absentKeys.has(key.toLowerCase())) this.recording?.keys.add(key);
    return a;
  }

  override lookupEntity(name: string): Entity | undefined {
    this.noteName(name);
    return super.lookupEntity(name);
  }

  override resolveMention(mention: Mention, context?: Mention[]): Entity | undefined {
    this.noteName(mention.text);
    for (const m of context ?? []) if (m.text.includes(' ')) this.noteName(m.text);
    return super.resolveMention(mention, context);
  }

  private noteName(name: string): void {
    if (!this.recording || !this.stats) return;
    const key = nameKey(name);
    if (key && !this.named.has(key)) this.recording.names.add(key);
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
    const searches = [...m.searches].map(async ([query, limit]) => {
      const terms = queryTerms(query).map((t) => ({ term: t.term, weight: this.idf(t.term) * t.count }));
      const refs = terms.length ? await this.source.searchSentences(terms, avgLength, limit + SEARCH_MARGIN) : [];
      return { query, limit, refs };
    });
    const [found, byKey, byUri, byName] = await Promise.all([
      Promise.all(searches),
      m.keys.size ? this.source.articlesByKey([...m.keys]) : [],
      m.uris.size ? this.source.articlesByUri([...m.uris]) : [],
      m.names.size ? this.source.articlesNaming([...m.names], ARTICLES_PER_NAME) : [],
    ]);
    const refs = new Map<number, ArticleRef>();
    for (const r of [...found.flatMap((f) => f.refs), ...byKey, ...byUri, ...byName]) refs.set(r.id, r);
    const isNew = (r: ArticleRef) => !this.fetched.has(r.uri) && !this.pinned.has(r.uri);
    if (this.fetched.size + [...refs.values()].filter(isNew).length > this.maxArticles) this.dropFetched();
    await this.load([...refs.values()].filter(isNew));
    // What was asked for is held now (or is not in the archive).
    for (const f of found) this.searched.set(f.query, Math.max(f.limit, this.searched.get(f.query) ?? 0));
    for (const k of m.keys) if (!super.articleByKey(k)) this.absentKeys.add(k.toLowerCase());
    for (const u of m.uris) if (!super.article(u)) this.absentUris.add(u);
    for (const k of m.names) this.named.add(k);
    // Judgements made with what was missing are stale even when no article came (a document frequency).
    this.options.onChange?.();
  }

  /** Adds archived articles, in archive order among themselves (the order the embedded index holds them
   *  in, which decides between equal scores; across fetches the order is the order fetched). */
  private async load(refs: ArticleRef[]): Promise<void> {
    if (!refs.length) return;
    const docs = await this.source.load(refs.map((r) => r.id));
    docs.sort((x, y) => x.id - y.id);
    this.loading = true;
    try {
      for (const d of docs) {
        const a = fromArchived(d.article);
        if (this.pinned.has(a.uri) || this.fetched.has(a.uri)) continue;
        super.add(a);
        this.fetched.set(a.uri, d.id);
      }
    } finally {
      this.loading = false;
    }
  }

  /** Empties the working set of archived articles (and what it answered for). */
  private dropFetched(): void {
    this.loading = true;
    try {
      for (const uri of this.fetched.keys()) super.remove(uri);
    } finally {
      this.loading = false;
    }
    this.fetched.clear();
    this.searched.clear();
    this.named.clear();
    this.absentKeys.clear();
    this.absentUris.clear();
    this.options.onChange?.();
  }
}
