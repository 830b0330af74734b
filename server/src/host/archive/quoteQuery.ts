// The archive's quotations matching what a writer types after an opening quote mark (searchQuotes in the
// service; corpus/quoteSearch.ts is the embedded index's search, ranked alike), by their folded words to
// their first QUOTE_KEY_LENGTH characters (quotes.words, schema version 4): those starting with the typed
// words counted from a btree alone; when fewer than asked for, those holding them or every typed word,
// from a trigram index. One row a distinct quotation (by those words), with its first article's sentence,
// title and speaker's name, so no article is fetched.

import type { Pool } from 'pg';
import type { QuoteRow } from '../../service/archive/archiveSource.ts';
import type { StoredSentence } from '../../service/archive/archivedArticle.ts';
import { QUOTE_KEY_LENGTH } from '../../service/corpus/quoteSearch.ts';
import { searchTerm } from '../../service/corpus/sentenceIndex.ts';

const like = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The best `limit` distinct quotations for `typed` (words folded as quotes.words is). */
export async function quotesMatching(pool: Pool, typed: string, limit: number): Promise<QuoteRow[]> {
  // What is typed past a quotation's key cannot match more of it (as in the embedded index).
  const needle = typed.slice(0, QUOTE_KEY_LENGTH);
  const words = needle.split(' ').filter(Boolean);
  if (!words.length || limit <= 0) return [];
  const starts = `${like(needle)}%`;
  const holds = `%${like(needle)}%`;
  // Each tier is looked for only while the better ones found fewer than `limit` (the ranking is tier
  // first): those holding the typed words are fewer than those holding each of them ("been a": a third).
  const first = await groups(pool, `q.words LIKE $1`, [starts, holds, limit]);
  if (first.length >= limit) return first;
  // Every typed word as a word of its own, the last as a word's start, in the words padded with spaces
  // (the expression the trigram index is on).
  const every = (params: unknown[]) =>
    words
      .map((w, i) => {
        params.push(`% ${like(w)}${i < words.length - 1 ? ' ' : ''}%`);
        return `(' ' || q.words || ' ') LIKE $${params.length}`;
      })
      .join(' AND ');
  // A rare typed word: the quotations holding it, found by its trigrams alone, are few, and every
  // quotation of the better tiers holds it; the tiers are told apart among them (one trigram scan of a
  // short pattern where the other way takes two of the whole typed words: "the stability", 100,000
  // articles, 36.7 -> 10.3 ms; for a common word, "government will", 15 -> 37 ms, hence only a rare one).
  const probe = await rareWord(pool, words);
  if (probe) {
    const params: unknown[] = [starts, holds, limit, `%${like(probe)}%`];
    const from = `(SELECT * FROM quotes p WHERE (' ' || p.words || ' ') LIKE $4 OFFSET 0) q`;
    return groups(pool, `((' ' || q.words || ' ') LIKE $2 OR (${every(params)}))`, params, from);
  }
  const held = await groups(pool, `(' ' || q.words || ' ') LIKE $2`, [starts, holds, limit]);
  if (held.length >= limit) return held;
  const params: unknown[] = [starts, holds, limit];
  return groups(pool, `((' ' || q.words || ' ') LIKE $2 OR (${every(params)}))`, params);
}

/** Sentences holding a word, as a share of all, under which its quotations are few enough to read them
 *  all (a word in 1.2 % of 2.5 million sentences, "economy": 34 -> 16 ms; in 2.2 %, "market": 28 -> 31). */
const RARE_SHARE = 0.01;

/** The longest typed word, when the archive's sentences rarely hold it (its search term's document
 *  frequency; a word too common to be a search term is not rare). */
async function rareWord(pool: Pool, words: readonly string[]): Promise<string | undefined> {
  const probe = words.reduce((a, b) => (b.length > a.length ? b : a));
  const term = searchTerm(probe);
  if (!term || probe.length < RARE_MIN_LENGTH) return undefined;
  const r = await pool.query<{ df: number; sentences: number }>(
    `SELECT t.df::float8 AS df, s.sentences::float8 AS sentences FROM terms t, corpus_stats s WHERE t.term = $1 AND s.id = 1`,
    [term],
  );
  const row = r.rows[0];
  return row && row.df <= RARE_SHARE * row.sentences ? probe : undefined;
}

/** A shorter word is found inside too many others ("act" in "fact", "action"). */
const RARE_MIN_LENGTH = 5;

async function groups(pool: Pool, where: string, params: unknown[], from = 'quotes q'): Promise<QuoteRow[]> {
  const r = await pool.query<Omit<QuoteRow, 'stored'> & { stored: string | null }>(
    `WITH g AS (
       SELECT q.words AS words, CASE WHEN q.words LIKE $1 THEN 0 WHEN q.words LIKE $2 THEN 1 ELSE 2 END AS tier,
              count(DISTINCT q.article_id) AS articles, min(ARRAY[q.article_id, q.start_offset]) AS first
         FROM ${from}
        WHERE ${where}
        GROUP BY 1
        ORDER BY tier, articles DESC, first
        LIMIT $3)
     SELECT g.tier, g.articles::float8 AS articles, a.id::float8 AS id, a.uri, a.title, a.key, r.sentence AS index,
            r.start_offset AS start, s.text, (a.doc::json -> 's' -> r.sentence)::text AS stored, who.surface AS speaker
       FROM g
       CROSS JOIN LATERAL (SELECT q.sentence, q.start_offset, q.speaker_key FROM quotes q
                            WHERE q.article_id = g.first[1] AND q.start_offset = g.first[2] LIMIT 1) r
       JOIN articles a ON a.id = g.first[1]
       JOIN sentences s ON s.article_id = a.id AND s.idx = r.sentence
       -- The speaker as the article names them most fully.
       LEFT JOIN LATERAL (SELECT m.surface FROM mentions m WHERE m.article_id = a.id AND m.target_key = r.speaker_key
                           ORDER BY length(m.surface) DESC, m.sentence, m.start_offset LIMIT 1) who ON true
      ORDER BY g.tier, g.articles DESC, g.first`,
    params,
  );
  return r.rows.flatMap((row) => (row.stored ? [{ ...row, stored: JSON.parse(row.stored) as StoredSentence }] : []));
}
