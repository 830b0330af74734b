// A card's rows from the archive (ArchiveSource.cardRows; service/archive/archiveCard.ts makes the card):
// the mentions of its group keys counted (and their spellings), those giving a role, its first articles
// by uri (as the embedded index orders them) and their quotations by it.

import type { Pool } from 'pg';
import type { CardArticle, CardRows, CardSite, SentencePlace } from '../../service/archive/archiveSource.ts';

/** Articles naming a card's entity up to which its first articles are found by sorting them all. */
const SORTED_AT_MOST = 20_000;
/** Articles read in uri order at most for a card's first articles (firstArticlesOf). */
const WALKED_AT_MOST = 20_000;
/** A name's first articles are looked for in uri order among this many times the articles that would
 *  hold them were its articles spread evenly (firstArticlesOf). */
const WALK_MARGIN = 4;

/** A mention as a JSON row: [article id, uri, title, key, sentence, start, end]. */
type SiteRow = [number, string, string, string, number, number, number];
/** The first mention as a JSON row, with its sentence's line and start and its article's extracted-text
 *  marks (a SiteRow, then those). */
type FirstRow = [...SiteRow, number | null, number | null, SentencePlace['extracted'] | null];

/** A mention of a JSON row that starts as a SiteRow does (what follows is the caller's). */
const siteOf = (r: readonly [...SiteRow, ...unknown[]]): CardSite => ({ id: r[0], uri: r[1], title: r[2], key: r[3], sentence: r[4], start: r[5], end: r[6] });

/** SQL for the first mention of keys $1 in an article (`article`, a column), with where its sentence is
 *  (read out of the article's document: one document), as a FirstRow. */
function firstMentionSql(article: string): string {
  return `(SELECT json_build_array(a.id, a.uri, a.title, a.key, fm.sentence, fm.start_offset, fm.end_offset,
                                   d.j -> 's' -> fm.sentence -> 2, d.j -> 's' -> fm.sentence -> 0, d.j -> 'e')
             FROM articles a
             CROSS JOIN LATERAL (SELECT m.sentence, m.start_offset, m.end_offset FROM mentions m
                                  WHERE m.article_id = a.id AND m.target_key = ANY($1::text[]) ORDER BY m.start_offset LIMIT 1) fm
             CROSS JOIN LATERAL (SELECT a.doc::json AS j) d
            WHERE a.id = ${article})`;
}

function firstMentionOf(row: FirstRow | null): CardRows['firstMention'] {
  if (!row) return undefined;
  const [line, start, extracted] = [row[7], row[8], row[9]];
  const place: SentencePlace | undefined = line === null || start === null ? undefined : { line, start, ...(extracted ? { extracted } : {}) };
  return { ...siteOf(row), ...(place ? { place } : {}) };
}

export async function cardRows(pool: Pool, keys: readonly string[], quoteArticles: number, archived: number): Promise<CardRows> {
  // One statement: its totals and spellings (from the (group key, article) and (group key, surface)
  // indexes), a person's mentions giving a role; anyone else's first article (kept by the sync per key,
  // name_firsts) with its first mention and where that is. A person's first articles by uri
  // (firstArticlesOf) follow, then the quotations of those and the first one's first mention. Each
  // statement is a round trip, and with eight editors at once on two cores each round trip waits for
  // the others' (nine queries in six round trips were most of a card's time).
  const person = quoteArticles > 0;
  const head = await pool.query<{ articles: number; mentions: number; spellings: Array<[string, number]>; roles: Array<[...SiteRow, string]> | null; first: FirstRow | null }>(
    `SELECT t.articles, t.mentions,
            (SELECT coalesce(json_agg(json_build_array(s.surface, s.n)), '[]'::json)
               FROM (SELECT surface, count(*) AS n FROM mentions WHERE target_key = ANY($1::text[]) GROUP BY surface) s) AS spellings,
            ${
              person
                ? `(SELECT coalesce(json_agg(json_build_array(a.id, a.uri, a.title, a.key, m.sentence, m.start_offset, m.end_offset, m.role)), '[]'::json)
                      FROM mentions m JOIN articles a ON a.id = m.article_id
                     WHERE m.target_key = ANY($1::text[]) AND m.role IS NOT NULL)`
                : 'NULL::json'
            } AS roles,
            ${person ? 'NULL::json' : firstMentionSql(`(SELECT f.article_id FROM name_firsts f WHERE f.target_key = ANY($1::text[]) ORDER BY f.uri COLLATE "C" LIMIT 1)`)} AS first
       FROM (SELECT count(DISTINCT article_id)::float8 AS articles, count(*)::float8 AS mentions FROM mentions WHERE target_key = ANY($1::text[])) t`,
    [keys],
  );
  const h = head.rows[0];
  const named = h?.articles ?? 0;
  const spellings = (h?.spellings ?? []).map(([surface, mentions]) => ({ surface, mentions }));
  const roles = (h?.roles ?? []).map((r) => ({ ...siteOf(r), role: r[7] }));
  if (!person) {
    const firstMention = named ? firstMentionOf(h?.first ?? null) : undefined;
    const firstArticles = firstMention ? [{ id: firstMention.id, uri: firstMention.uri, title: firstMention.title, key: firstMention.key }] : [];
    return { mentions: h?.mentions ?? 0, articles: named, firstArticles, ...(firstMention ? { firstMention } : {}), roles, spellings, quotes: [] };
  }
  const firstArticles = named ? await firstArticlesOf(pool, keys, named, quoteArticles, archived) : [];
  const first = firstArticles[0];
  const more = first
    ? await pool.query<{ first: FirstRow | null; quotes: Array<[number, number, number, number, string]> }>(
        `SELECT ${firstMentionSql('$2::bigint')} AS first,
                (SELECT coalesce(json_agg(json_build_array(q.article_id, q.sentence, q.start_offset, q.end_offset, q.text)), '[]'::json)
                   FROM quotes q WHERE q.speaker_key = ANY($1::text[]) AND q.article_id = ANY($3::bigint[])) AS quotes`,
        [keys, first.id, firstArticles.map((a) => a.id)],
      )
    : undefined;
  const byId = new Map(firstArticles.map((a) => [a.id, a]));
  const firstMention = firstMentionOf(more?.rows[0]?.first ?? null);
  return {
    mentions: h?.mentions ?? 0,
    articles: named,
    firstArticles,
    ...(firstMention ? { firstMention } : {}),
    roles,
    spellings,
    quotes: (more?.rows[0]?.quotes ?? []).flatMap(([id, sentence, start, end, text]) => {
      const a = byId.get(id);
      return a ? [{ ...a, sentence, start, end, text }] : [];
    }),
  };
}

/** The first `limit` articles by uri naming these keys (`named` of the `archived`): a person's, whose
 *  card quotes them (anyone else's card reads its first article from name_firsts, in cardRows). Articles
 *  are read in uri order until `limit` of them name it, up to a bound: WALKED_AT_MOST for a name in more than
 *  SORTED_AT_MOST articles, else WALK_MARGIN times as many as would hold `limit` of its articles were they
 *  spread evenly, when that is fewer than its articles (the first article of a body named in 4,000 of
 *  100,000: 14 -> 1.4 ms); failing that, its articles' uris are sorted, read from an index on (id)
 *  INCLUDE (uri) (schema 4: "Grand Slam", 16,218 of 500,000 articles, 52 ms; from the table, 200 ms).
 *  Articles of a topic sit together in uri order (a sport's names in the last folder), so reading in uri
 *  order without a bound took 0.4 s alone for "Grand Slam" at 500,000 articles, 1.5-1.9 s with eight
 *  editors; and a plain join was planned, with a limit of one, as a walk testing every id for each
 *  article read (12 s). */
async function firstArticlesOf(pool: Pool, keys: readonly string[], named: number, limit: number, archived: number): Promise<CardArticle[]> {
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
