// The archive in PostgreSQL, as the service reads it (ArchiveSource). SQL with parameters only. Candidate
// sentences come from the GIN index over their search terms; their BM25 score is computed in SQL from each
// term's frequency (its positions) and the sentence's length, the same formula the embedded index uses.

import { Pool, type PoolClient } from 'pg';
import type { ArchivedMentions, ArchiveSource, ArchiveStats, ArticleRef, CardRows, QuoteRow, SentenceHit, SentencePlace, WeightedTerm } from '../../service/archive/archiveSource.ts';
import { quotesMatching } from './quoteQuery.ts';
import { cardRows } from './cardQuery.ts';
import type { ArchivedArticle, StoredSentence } from '../../service/archive/archivedArticle.ts';
import { ArchiveError, archiveWhere, validateArchiveUrl } from './archiveErrors.ts';
import { checkSchema } from './schema.ts';
import { CONTRIBUTION_BOUND, reachFrom, searchTopSentences, type HitOrder, type LookUp } from './searchPlan.ts';
import { contentHash } from './archiveSync.ts';
import { anyTermQuery, quoteTerm, setQueries } from './setQueries.ts';
import type { Article } from '../../service/api.ts';

/** A tsvector literal holding each term with one position per occurrence (its term frequency). */
export function termVector(terms: ReadonlyMap<string, number>): string {
  const parts: string[] = [];
  for (const [term, tf] of terms) {
    const positions = Array.from({ length: Math.min(tf, 256) }, (_, i) => i + 1).join(',');
    parts.push(`${quoteTerm(term)}:${positions}`);
  }
  return parts.join(' ');
}

/** Adds a query parameter; returns its placeholder. */
function param(params: unknown[], value: unknown): string {
  params.push(value);
  return `$${params.length}`;
}

/** SQL for a bound on a sentence's score that needs no term frequencies (sentenceBound in searchPlan.ts):
 *  each term it holds adds at most its weight times CONTRIBUTION_BOUND, times how many it holds.
 *  Checking which terms a sentence holds is a few lookups in its tsvector; scoring it exactly unnests
 *  the tsvector (15 µs a sentence at 100,000 articles), so most candidates are ruled out first. */
function scoreBound(terms: readonly WeightedTerm[], params: unknown[]): string {
  const holds = terms.map((t) => `(s.terms @@ ${param(params, anyTermQuery([t.term]))}::tsquery)`);
  const weights = holds.map((h, i) => `CASE WHEN ${h} THEN ${param(params, terms[i].weight * CONTRIBUTION_BOUND)}::float8 ELSE 0 END`);
  return `(${weights.join(' + ')}) * (${holds.map((h) => `${h}::int`).join(' + ')})`;
}

export function openPool(url: string, max = 4): Pool {
  validateArchiveUrl(url);
  // A reader's searches are short queries over many rows: compiling them (JIT) costs more than it saves
  // (60 ms a query at 100,000 articles), and a bitmap of 100,000 candidate sentences needs more than the
  // default 4 MB of working memory to stay exact. Options in the URL take precedence.
  const pool = new Pool({ connectionString: url, max, connectionTimeoutMillis: 10_000, idleTimeoutMillis: 30_000, options: '-c jit=off -c work_mem=32MB' });
  // An idle connection the server drops is reported here; the next query reconnects or fails itself.
  pool.on('error', () => undefined);
  return pool;
}

export interface PgArchiveOptions {
  /** Postings the first look-up of a search reads at most (searchPlan.ts; tests lower it, so that small
   *  archives take the second look-up too). */
  firstLookupPostings?: number;
}

/** Connections for searches (a check sends up to four at once) and, apart, for everything else. */
const SEARCH_CONNECTIONS = 4;
const LOOKUP_CONNECTIONS = 2;

/** A sentence's place in the archive, as a key: its article's id and its index there. */
const placeKey = (s: { id: number; index: number }) => `${s.id} ${s.index}`;

/** Hits of a search's look-ups told apart, and ranked at equal scores as the SQL ranks them. */
const HIT_ORDER: HitOrder<RankedSentence> = {
  key: placeKey,
  tie: (a, b) => a.id - b.id || a.index - b.index,
};

/** A sentence a look-up found: its article's id, its index there, its score. */
interface RankedSentence {
  id: number;
  index: number;
  score: number;
}

export class PgArchive implements ArchiveSource {
  readonly where: string;
  lastStats: ArchiveStats | undefined;
  private constructor(
    /** Look-ups: statistics, names, mentions, articles. A hover or a completion asks only these, so it
     *  never waits for a connection behind a check's searches (seconds each in a large archive). */
    private readonly pool: Pool,
    /** Searches for candidate sentences. */
    private readonly searchPool: Pool,
    url: string,
    private readonly options: PgArchiveOptions,
  ) {
    this.where = archiveWhere(url);
  }

  /** Connects and checks the schema version; throws an ArchiveError or the driver's error. */
  static async open(url: string, options: PgArchiveOptions = {}): Promise<PgArchive> {
    const pool = openPool(url, LOOKUP_CONNECTIONS);
    const searchPool = openPool(url, SEARCH_CONNECTIONS);
    const archive = new PgArchive(pool, searchPool, url, options);
    try {
      await archive.withClient((db) => checkSchema(db, archive.where));
      await archive.stats();
    } catch (err) {
      await archive.close().catch(() => undefined);
      throw err;
    }
    return archive;
  }

  async close(): Promise<void> {
    await Promise.all([this.pool.end(), this.searchPool.end()]);
  }

  private async withClient<T>(run: (db: PoolClient) => Promise<T>): Promise<T> {
    const db = await this.pool.connect();
    try {
      return await run(db);
    } finally {
      db.release();
    }
  }

  async stats(): Promise<ArchiveStats> {
    const r = await this.pool.query<{ articles: string; sentences: string; total_length: string; revision: string }>(
      `SELECT articles, sentences, total_length, revision FROM corpus_stats WHERE id = 1`,
    );
    const row = r.rows[0];
    if (!row) throw new ArchiveError(`the archive at ${this.where} has no statistics row: run \`sourced archive sync\``);
    this.lastStats = { articles: Number(row.articles), sentences: Number(row.sentences), totalLength: Number(row.total_length), revision: row.revision };
    return this.lastStats;
  }

  async documentFrequencies(terms: readonly string[]): Promise<Map<string, number>> {
    const r = await this.pool.query<{ term: string; df: string }>(`SELECT term, df FROM terms WHERE term = ANY($1::text[])`, [terms]);
    return new Map(r.rows.map((row) => [row.term, Number(row.df)]));
  }

  async searchSentences(terms: readonly WeightedTerm[], avgLength: number, limit: number, reached?: number): Promise<SentenceHit[]> {
    // Sentences are looked up by sets of terms, the rarest first (searchPlan.ts): once `limit` of them
    // score above what a sentence holding only common words of the claim could reach, those need not be read.
    const { hits } = await searchTopSentences(terms, limit, (lookUp) => this.topSentences(terms, lookUp, avgLength, limit), HIT_ORDER, this.options.firstLookupPostings, reached);
    return this.sentencesAt(hits);
  }

  /** The `limit` best sentences holding one of the look-up's sets of terms, scored on all the `terms`;
   *  with a threshold (a score `limit` sentences are known to reach), only those that could reach it. */
  private async topSentences(terms: readonly WeightedTerm[], { sets, threshold }: LookUp, avgLength: number, limit: number): Promise<RankedSentence[]> {
    // A sentence's score is computed from its own terms (a scalar subquery: no join or grouping over
    // all the candidates), and only the best `limit` are kept (a top-N sort). Only where they are
    // travels: a later look-up of the same search may find better ones (sentencesAt reads the best).
    const params: unknown[] = [terms.map((t) => t.term), terms.map((t) => t.weight), avgLength || 1, limit];
    const matches = setQueries(sets).map((q) => `s.terms @@ ${param(params, q)}::tsquery`);
    if (!matches.length) return [];
    // mayReach(sentenceBound(...), threshold), in SQL.
    const within = threshold > 0 ? ` AND ${scoreBound(terms, params)} >= ${param(params, reachFrom(threshold))}::float8` : '';
    const r = await this.searchPool.query<RankedSentence>(
      `SELECT s.article_id::float8 AS id, s.idx AS index,
              (SELECT sum(($2::float8[])[array_position($1::text[], u.lexeme)]
                          * (0.5 + (cardinality(u.positions) * 2.2) / (cardinality(u.positions) + 1.2 * (0.3 + 0.7 * s.length / $3::float8))))
                      * count(*)
                 FROM unnest(s.terms) AS u(lexeme, positions, weights)
                WHERE u.lexeme = ANY($1::text[])) AS score
         FROM sentences s
        WHERE (${matches.join(' OR ')})${within}
        ORDER BY score DESC, s.article_id, s.idx
        LIMIT $4`,
      params,
    );
    return r.rows;
  }

  /** The sentences a search found, in its order, each with its stored analysis (its own row's, schema
   *  version 6): only the sentence travels (and is held), not the article. */
  private async sentencesAt(hits: readonly RankedSentence[]): Promise<SentenceHit[]> {
    if (!hits.length) return [];
    const r = await this.searchPool.query<{ id: number; uri: string; index: number; text: string; stored: string }>(
      `SELECT a.id::float8 AS id, a.uri, s.idx AS index, s.text, s.stored
         FROM unnest($1::bigint[], $2::int[]) AS h(article_id, idx)
         JOIN articles a ON a.id = h.article_id
         JOIN sentences s ON s.article_id = h.article_id AND s.idx = h.idx`,
      [hits.map((h) => h.id), hits.map((h) => h.index)],
    );
    const found = new Map(r.rows.map((row) => [placeKey(row), row]));
    const out: SentenceHit[] = [];
    for (const h of hits) {
      // A sentence a sync removed between the look-up and this read is not found: the search goes without it.
      const row = found.get(placeKey(h));
      if (row) out.push({ id: row.id, uri: row.uri, index: row.index, text: row.text, stored: JSON.parse(row.stored) as StoredSentence });
    }
    return out;
  }

  async articlesByKey(keys: readonly string[]): Promise<ArticleRef[]> {
    const r = await this.pool.query<ArticleRef>(`SELECT id::float8 AS id, uri FROM articles WHERE lower(key) = ANY($1::text[])`, [keys.map((k) => k.toLowerCase())]);
    return r.rows;
  }

  async articlesByUri(uris: readonly string[]): Promise<ArticleRef[]> {
    const r = await this.pool.query<ArticleRef>(`SELECT id::float8 AS id, uri FROM articles WHERE uri = ANY($1::text[])`, [uris]);
    return r.rows;
  }

  async articlesNaming(keys: readonly string[], limit: number): Promise<Array<ArticleRef & { key: string }>> {
    // The first `limit` articles of each key as a name and as a surname, each read in article order from
    // its (key, article) index, then the first `limit` of both.
    const r = await this.pool.query<ArticleRef & { key: string }>(
      `SELECT a.id::float8 AS id, a.uri, k.key
         FROM unnest($1::text[]) AS k(key)
         CROSS JOIN LATERAL (
           SELECT f.article_id FROM (
             (SELECT DISTINCT m.article_id FROM mentions m WHERE m.name_key = k.key ORDER BY m.article_id LIMIT $2)
             UNION
             (SELECT DISTINCT m.article_id FROM mentions m WHERE m.last_word = k.key ORDER BY m.article_id LIMIT $2)
           ) f ORDER BY f.article_id LIMIT $2
         ) found
         JOIN articles a ON a.id = found.article_id`,
      [keys, limit],
    );
    return r.rows;
  }

  async namesStarting(words: readonly string[], limit: number): Promise<Array<{ name: string; kind: string; mentions: number }>> {
    const like = (w: string) => w.replace(/[\\%_]/g, (c) => `\\${c}`);
    const clean = words.filter(Boolean);
    if (!clean.length || limit <= 0) return [];
    // The longest word finds the candidates among the names' words (a btree range); each word must start
    // a word.
    const anchor = clean.reduce((a, b) => (b.length > a.length ? b : a));
    const r = await this.pool.query<{ name: string; kind: string; mentions: number }>(
      `SELECT e.name, e.kind, e.mention_count::float8 AS mentions FROM entities e
        WHERE e.name_key IN (SELECT w.name_key FROM name_words w WHERE w.word LIKE $1)
          AND e.mention_count > 0
          AND NOT EXISTS (SELECT 1 FROM unnest($2::text[]) AS w(word) WHERE (' ' || e.name_key) NOT LIKE '% ' || w.word || '%')
        ORDER BY e.mention_count DESC, e.name_key
        LIMIT $3`,
      [`${like(anchor)}%`, clean.map(like), limit],
    );
    return r.rows;
  }

  quotesMatching(words: string, limit: number): Promise<QuoteRow[]> {
    return quotesMatching(this.pool, words, limit);
  }

  /** The most mentioned names, and how many more the archive holds. */
  async topEntities(limit: number): Promise<{ entities: Array<{ name: string; kind: string; mentions: number }>; more: number }> {
    const r = await this.pool.query<{ name: string; kind: string; mentions: number }>(
      `SELECT name, kind, mention_count::float8 AS mentions FROM entities WHERE mention_count > 0 ORDER BY mention_count DESC, name_key LIMIT $1`,
      [limit],
    );
    const n = await this.pool.query<{ n: number }>(`SELECT count(*)::float8 AS n FROM entities WHERE mention_count > 0`);
    return { entities: r.rows, more: Math.max(0, (n.rows[0]?.n ?? 0) - r.rows.length) };
  }

  async mentionsOf(ids: readonly number[]): Promise<ArchivedMentions[]> {
    if (!ids.length) return [];
    // Stored apart from the document (schema version 2): only the mentions are read and travel.
    const r = await this.pool.query<{ id: number; uri: string; mentions: string }>(
      `SELECT id::float8 AS id, uri, mentions_doc AS mentions FROM articles WHERE id = ANY($1::bigint[])`,
      [ids],
    );
    return r.rows.map((row) => ({ id: row.id, uri: row.uri, mentions: JSON.parse(row.mentions) as ArchivedMentions['mentions'] }));
  }

  async surnameGroups(word: string): Promise<Array<{ key: string; flags: number; mentions: number }>> {
    // The groups first (an array, computed once), then their mentions from the group-key index: as a
    // join, the planner misjudged how few groups a word has and read every mention (0.4-0.6 s at 100,000
    // articles); as two statements, two round trips.
    const r = await this.pool.query<{ key: string; flags: number; mentions: number }>(
      `SELECT target_key AS key, coalesce(flags, 0) AS flags, count(*)::float8 AS mentions FROM mentions
        WHERE target_key = ANY(ARRAY(SELECT DISTINCT target_key FROM mentions WHERE last_word = $1 AND target_key IS NOT NULL))
        GROUP BY 1, 2`,
      [word],
    );
    return r.rows;
  }

  cardRows(keys: readonly string[], quoteArticles: number): Promise<CardRows> {
    return cardRows(this.pool, keys, quoteArticles, this.lastStats?.articles ?? 0);
  }

  async sentencePlaces(refs: ReadonlyArray<{ id: number; sentence: number }>): Promise<Array<SentencePlace | undefined>> {
    if (!refs.length) return [];
    // Read out of each article's document by the server: a handful of sentences, not their articles.
    const r = await this.pool.query<{ ord: number; line: number; start: number; extracted: string | null }>(
      `SELECT x.ord::float8 AS ord, (d.j -> 's' -> x.sentence ->> 2)::float8 AS line, (d.j -> 's' -> x.sentence ->> 0)::float8 AS start, (d.j -> 'e')::text AS extracted
         FROM unnest($1::bigint[], $2::int[]) WITH ORDINALITY AS x(id, sentence, ord)
         JOIN articles a ON a.id = x.id
         CROSS JOIN LATERAL (SELECT a.doc::json AS j) d`,
      [refs.map((r) => r.id), refs.map((r) => r.sentence)],
    );
    const out: Array<SentencePlace | undefined> = refs.map(() => undefined);
    for (const row of r.rows) {
      if (row.line === null || row.start === null) continue;
      out[row.ord - 1] = { line: row.line, start: row.start, ...(row.extracted ? { extracted: JSON.parse(row.extracted) as SentencePlace['extracted'] } : {}) };
    }
    return out;
  }

  async copiesOf(articles: readonly Article[]): Promise<Array<ArticleRef | undefined>> {
    if (!articles.length) return [];
    const r = await this.pool.query<{ id: number; uri: string; key: string; hash: string }>(
      `SELECT id::float8 AS id, uri, lower(key) AS key, hash FROM articles WHERE lower(key) = ANY($1::text[])`,
      [articles.map((a) => a.key.toLowerCase())],
    );
    return articles.map((a) => {
      const hash = contentHash(a.text, a.extracted);
      const row = r.rows.find((x) => x.key === a.key.toLowerCase() && x.hash === hash);
      return row && { id: row.id, uri: row.uri };
    });
  }

  async load(ids: readonly number[]): Promise<Array<{ id: number; article: ArchivedArticle }>> {
    if (!ids.length) return [];
    const r = await this.pool.query<{ id: number; doc: string }>(`SELECT id::float8 AS id, doc FROM articles WHERE id = ANY($1::bigint[])`, [ids]);
    return r.rows.map((row) => ({ id: row.id, article: JSON.parse(row.doc) as ArchivedArticle }));
  }
}
