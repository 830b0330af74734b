// A card's rows from the archive (ArchiveSource.cardRows; service/archive/archiveCard.ts makes the card):
// the mentions of its group keys counted (and their spellings), those giving a role, its first articles
// by uri (as the embedded index orders them) and their quotations by it.

import type { Pool } from 'pg';
import type { CardArticle, CardRows, CardSite } from '../../service/archive/archiveSource.ts';

/** Articles naming a card's entity up to which its first articles are found by sorting them all. */
const SORTED_AT_MOST = 20_000;
/** Articles read in uri order at most for a card's first articles (firstArticlesOf). */
const WALKED_AT_MOST = 20_000;
/** A name's first articles are looked for in uri order among this many times the articles that would
 *  hold them were its articles spread evenly (firstArticlesOf). */
const WALK_MARGIN = 4;

export async function cardRows(pool: Pool, keys: readonly string[], quoteArticles: number, archived: number): Promise<CardRows> {
  // Its totals and its mentions with a role, from the (group key, article) index; then its first
  // articles by uri (firstArticlesOf); then the first article's first mention and the quotations of the
  // first articles.
  const [totals, roles, spellings] = await Promise.all([
    pool.query<{ articles: number; mentions: number }>(
      `SELECT count(DISTINCT article_id)::float8 AS articles, count(*)::float8 AS mentions FROM mentions WHERE target_key = ANY($1::text[])`,
      [keys],
    ),
    pool.query<CardSite & { role: string }>(
      `SELECT a.id::float8 AS id, a.uri, a.title, a.key, m.sentence, m.start_offset AS start, m.end_offset AS "end", m.role
         FROM mentions m JOIN articles a ON a.id = m.article_id
        WHERE m.target_key = ANY($1::text[]) AND m.role IS NOT NULL`,
      [keys],
    ),
    pool.query<{ surface: string; mentions: number }>(`SELECT surface, count(*)::float8 AS mentions FROM mentions WHERE target_key = ANY($1::text[]) GROUP BY surface`, [keys]),
  ]);
  const head = totals.rows[0];
  const named = head?.articles ?? 0;
  const firstArticles = named ? await firstArticlesOf(pool, keys, named, Math.max(1, quoteArticles), archived) : [];
  const first = firstArticles[0];
  const [mention, quotes] = await Promise.all([
    first
      ? pool.query<{ sentence: number; start: number; end: number }>(
          `SELECT sentence, start_offset AS start, end_offset AS "end" FROM mentions
            WHERE article_id = $1 AND target_key = ANY($2::text[]) ORDER BY start_offset LIMIT 1`,
          [first.id, keys],
        )
      : undefined,
    firstArticles.length && quoteArticles > 0
      ? pool.query<{ id: number; sentence: number; start: number; end: number; text: string }>(
          `SELECT article_id::float8 AS id, sentence, start_offset AS start, end_offset AS "end", text FROM quotes
            WHERE speaker_key = ANY($1::text[]) AND article_id = ANY($2::bigint[])`,
          [keys, firstArticles.map((a) => a.id)],
        )
      : undefined,
  ]);
  const byId = new Map(firstArticles.map((a) => [a.id, a]));
  const m = mention?.rows[0];
  return {
    mentions: head?.mentions ?? 0,
    articles: named,
    firstArticles,
    ...(first && m ? { firstMention: { ...first, ...m } } : {}),
    roles: roles.rows,
    spellings: spellings.rows,
    quotes: (quotes?.rows ?? []).flatMap((q) => {
      const a = byId.get(q.id);
      return a ? [{ ...a, sentence: q.sentence, start: q.start, end: q.end, text: q.text }] : [];
    }),
  };
}

/** The first `limit` articles by uri naming these keys (`named` of the `archived`). The first alone is
 *  read from each key's first article (name_firsts, kept by the sync). More than one: articles are read
 *  in uri order until `limit` of them name it, up to a bound: WALKED_AT_MOST for a name in more than
 *  SORTED_AT_MOST articles, else WALK_MARGIN times as many as would hold `limit` of its articles were they
 *  spread evenly, when that is fewer than its articles (the first article of a body named in 4,000 of
 *  100,000: 14 -> 1.4 ms); failing that, its articles' uris are sorted, read from an index on (id)
 *  INCLUDE (uri) (schema 4: "Grand Slam", 16,218 of 500,000 articles, 52 ms; from the table, 200 ms).
 *  Articles of a topic sit together in uri order (a sport's names in the last folder), so reading in uri
 *  order without a bound took 0.4 s alone for "Grand Slam" at 500,000 articles, 1.5-1.9 s with eight
 *  editors; and a plain join was planned, with a limit of one, as a walk testing every id for each
 *  article read (12 s). */
async function firstArticlesOf(pool: Pool, keys: readonly string[], named: number, limit: number, archived: number): Promise<CardArticle[]> {
  // One article (a body's, a place's or an event's card): each key's first, kept by the sync (schema 7).
  if (limit === 1) {
    const first = await pool.query<CardArticle>(
      `SELECT a.id::float8 AS id, a.uri, a.title, a.key
         FROM name_firsts f JOIN articles a ON a.id = f.article_id
        WHERE f.target_key = ANY($1::text[])
        ORDER BY f.uri COLLATE "C" LIMIT 1`,
      [keys],
    );
    return first.rows;
  }
  const bound = named > SORTED_AT_MOST ? WALKED_AT_MOST : Math.min(WALKED_AT_MOST, Math.ceil((WALK_MARGIN * limit * archived) / named));
  if (bound > 0 && bound < named) {
    const walked = await pool.query<CardArticle>(
      `SELECT a.id::float8 AS id, a.uri, a.title, a.key
         FROM (SELECT w.id, w.uri FROM (SELECT x.id, x.uri FROM articles x ORDER BY x.uri COLLATE "C" LIMIT $3) w
                WHERE EXISTS (SELECT 1 FROM mentions m WHERE m.target_key = ANY($1::text[]) AND m.article_id = w.id)
                ORDER BY w.uri COLLATE "C" LIMIT $2) f
         JOIN articles a ON a.id = f.id
        ORDER BY a.uri COLLATE "C"`,
      [keys, limit, bound],
    );
    if (walked.rows.length >= limit) return walked.rows;
  }
  const sorted = await pool.query<CardArticle>(
    `WITH ids AS MATERIALIZED (SELECT DISTINCT m.article_id FROM mentions m WHERE m.target_key = ANY($1::text[])),
          firsts AS (SELECT u.id, u.uri FROM ids
                      CROSS JOIN LATERAL (SELECT x.id, x.uri FROM articles x WHERE x.id = ids.article_id OFFSET 0) u
                      ORDER BY u.uri COLLATE "C" LIMIT $2)
     SELECT a.id::float8 AS id, a.uri, a.title, a.key FROM firsts f JOIN articles a ON a.id = f.id ORDER BY a.uri COLLATE "C"`,
    [keys, limit],
  );
  return sorted.rows;
}
