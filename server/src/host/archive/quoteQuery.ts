// The archive's quotations matching what a writer types after an opening quote mark (searchQuotes in the
// service; corpus/quoteSearch.ts is the embedded index's search, ranked alike), by their folded words to
// their first QUOTE_KEY_LENGTH characters: the distinct quotations (schema version 6, kept by each sync
// batch with how many articles carry each and the first of them) starting with the typed words, from a
// btree; when fewer than asked for, those holding them or every typed word, from a trigram index. Each
// with its first article's sentence, title and speaker's name, so no article is fetched.

import type { Pool } from 'pg';
import type { QuoteRow } from '../../service/archive/archiveSource.ts';
import type { StoredSentence } from '../../service/archive/archivedArticle.ts';
import { QUOTE_KEY_LENGTH } from '../../service/corpus/quoteSearch.ts';

const like = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The best `limit` distinct quotations for `typed` (words folded as quotes.words is). */
export async function quotesMatching(pool: Pool, typed: string, limit: number): Promise<QuoteRow[]> {
  // What is typed past a quotation's key cannot match more of it (as in the embedded index).
  const needle = typed.slice(0, QUOTE_KEY_LENGTH);
  const words = needle.split(' ').filter(Boolean);
  if (!words.length || limit <= 0) return [];
  const params: unknown[] = [`${like(needle)}%`, `%${like(needle)}%`, limit];
  // Those holding the typed words, or every typed word as a word of its own, the last as a word's start,
  // in the words padded with spaces (the expression the trigram index is on).
  const every = words
    .map((w, i) => {
      params.push(`% ${like(w)}${i < words.length - 1 ? ' ' : ''}%`);
      return `(' ' || q.words || ' ') LIKE $${params.length}`;
    })
    .join(' AND ');
  // The ranking is tier first: those starting as typed (a btree range) are enough when there are
  // `limit` of them; else all three tiers are read from the trigram index. One statement (the second
  // read only when the first found fewer: a one-time filter), one round trip.
  const tiers = (where: string) => `SELECT q.words, CASE WHEN q.words LIKE $1 THEN 0 WHEN q.words LIKE $2 THEN 1 ELSE 2 END AS tier, q.articles, q.first_article, q.first_start
         FROM quotations q
        WHERE ${where}
        ORDER BY tier, q.articles DESC, q.first_article, q.first_start
        LIMIT $3`;
  const r = await pool.query<Omit<QuoteRow, 'stored'> & { stored: string | null }>(
    `WITH starting AS MATERIALIZED (${tiers('q.words LIKE $1')}),
     g AS (
       SELECT * FROM starting WHERE (SELECT count(*) FROM starting) >= $3
       UNION ALL
       (${tiers(`(SELECT count(*) FROM starting) < $3 AND ((' ' || q.words || ' ') LIKE $2 OR (${every}))`)}))
     SELECT g.tier, g.articles::float8 AS articles, a.id::float8 AS id, a.uri, a.title, a.key, r.sentence AS index,
            r.start_offset AS start, s.text, s.stored, who.surface AS speaker
       FROM g
       CROSS JOIN LATERAL (SELECT q.sentence, q.start_offset, q.speaker_key FROM quotes q
                            WHERE q.article_id = g.first_article AND q.start_offset = g.first_start LIMIT 1) r
       JOIN articles a ON a.id = g.first_article
       JOIN sentences s ON s.article_id = a.id AND s.idx = r.sentence
       -- The speaker as the article names them most fully.
       LEFT JOIN LATERAL (SELECT m.surface FROM mentions m WHERE m.article_id = a.id AND m.target_key = r.speaker_key
                           ORDER BY length(m.surface) DESC, m.sentence, m.start_offset LIMIT 1) who ON true
      ORDER BY g.tier, g.articles DESC, g.first_article, g.first_start`,
    params,
  );
  return r.rows.flatMap((row) => (row.stored ? [{ ...row, stored: JSON.parse(row.stored) as StoredSentence }] : []));
}
