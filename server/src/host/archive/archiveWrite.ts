// Writing analysed articles into the archive, a batch per transaction: a reader sees a batch's articles
// all at once or not at all, never half an article. Document frequencies, name counts and corpus
// statistics change in the same transaction as the rows they count.

import type { PoolClient } from 'pg';
import type { Article } from '../../service/api.ts';
import { sentenceTerms, toArchived } from '../../service/archive/archivedArticle.ts';
import { nameKey } from '../../service/corpus/entityKeys.ts';
import { articleKeys } from '../../service/archive/articleKeys.ts';
import { termVector } from './pgArchive.ts';

/** A source file analysed for the archive. */
export interface ArticleToWrite {
  article: Article;
  root: string;
  path: string;
  hash: string;
  /** The archive id of the version it replaces. */
  replaces?: number;
}

/** Text columns cannot hold NUL. */
const clean = (s: string) => (s.includes('\u0000') ? s.split('\u0000').join(' ') : s);

/** Columns of one batch, ready to pass as arrays to unnest(). */
export interface Rows {
  articles: { uri: string[]; key: string[]; root: string[]; path: string[]; hash: string[]; title: string[]; meta: string[]; doc: string[]; mentions: string[]; count: number[] };
  sentences: { a: number[]; idx: number[]; length: number[]; terms: string[]; text: string[]; stored: string[] };
  mentions: { a: number[]; s: number[]; start: number[]; end: number[]; surface: string[]; key: string[]; last: string[]; kind: string[]; role: Array<string | null>; target: string[]; flags: number[] };
  quotes: { a: number[]; s: number[]; start: number[]; end: number[]; text: string[]; speaker: Array<string | null>; speakerKey: Array<string | null> };
  figures: { a: number[]; s: number[]; kind: string[]; text: string[]; value: number[]; unit: Array<string | null> };
  totalLength: number;
  sentenceCount: number;
}

/** The batch's rows; `a` columns hold the article's place in the batch until its id is known. */
export function batchRows(batch: readonly ArticleToWrite[]): Rows {
  const rows: Rows = {
    articles: { uri: [], key: [], root: [], path: [], hash: [], title: [], meta: [], doc: [], mentions: [], count: [] },
    sentences: { a: [], idx: [], length: [], terms: [], text: [], stored: [] },
    mentions: { a: [], s: [], start: [], end: [], surface: [], key: [], last: [], kind: [], role: [], target: [], flags: [] },
    quotes: { a: [], s: [], start: [], end: [], text: [], speaker: [], speakerKey: [] },
    figures: { a: [], s: [], kind: [], text: [], value: [], unit: [] },
    totalLength: 0,
    sentenceCount: 0,
  };
  batch.forEach(({ article, root, path, hash }, a) => {
    const A = rows.articles;
    A.uri.push(article.uri);
    A.key.push(article.key);
    A.root.push(root);
    A.path.push(path);
    A.hash.push(hash);
    A.title.push(clean(article.title));
    A.meta.push(JSON.stringify(article.meta));
    const archived = toArchived(article);
    A.doc.push(JSON.stringify(archived));
    A.mentions.push(JSON.stringify(article.sentences.flatMap((s, i) => (s.mentions.length ? [[i, s.mentions]] : []))));
    A.count.push(article.sentences.length);
    const keys = articleKeys(article);
    for (const s of article.sentences) {
      const t = sentenceTerms(s.text);
      rows.sentences.a.push(a);
      rows.sentences.idx.push(s.index);
      rows.sentences.length.push(t.length);
      rows.sentences.terms.push(termVector(t.terms));
      rows.sentences.text.push(clean(s.text));
      rows.sentences.stored.push(JSON.stringify(archived.s[s.index]));
      rows.totalLength += t.length;
      rows.sentenceCount++;
      s.mentions.forEach((m, i) => {
        const key = nameKey(m.text);
        const M = rows.mentions;
        M.a.push(a);
        M.s.push(s.index);
        M.start.push(m.start);
        M.end.push(m.end);
        M.surface.push(clean(m.text));
        M.key.push(key);
        M.last.push(key.slice(key.lastIndexOf(' ') + 1));
        M.kind.push(m.kind);
        M.role.push(m.role ? clean(m.role) : null);
        M.target.push(keys.targets[s.index]?.[i] ?? key);
        M.flags.push(keys.flags[s.index]?.[i] ?? 0);
      });
      s.quotes.forEach((q, i) => {
        const Q = rows.quotes;
        Q.a.push(a);
        Q.s.push(s.index);
        Q.start.push(q.start);
        Q.end.push(q.end);
        Q.text.push(clean(q.text));
        Q.speaker.push(q.speaker ? clean(q.speaker) : null);
        Q.speakerKey.push(keys.speakers[s.index]?.[i] ?? null);
      });
      for (const f of s.quantities) {
        const F = rows.figures;
        F.a.push(a);
        F.s.push(s.index);
        F.kind.push(f.kind);
        F.text.push(clean(f.text));
        F.value.push(Number.isFinite(f.value) ? f.value : 0);
        F.unit.push(f.unit ?? null);
      }
    }
  });
  return rows;
}

/** Removes articles (by id) and what they counted for. Runs inside the caller's transaction. */
export async function deleteArticles(db: PoolClient, ids: readonly number[]): Promise<void> {
  if (!ids.length) return;
  await db.query(
    `UPDATE terms t SET df = t.df - d.n
       FROM (SELECT u.lexeme, count(*) AS n FROM sentences s CROSS JOIN LATERAL unnest(s.terms) AS u(lexeme, positions, weights)
              WHERE s.article_id = ANY($1::bigint[]) GROUP BY u.lexeme) d
      WHERE t.term = d.lexeme`,
    [ids],
  );
  await db.query(
    `UPDATE entities e SET mention_count = e.mention_count - d.n
       FROM (SELECT name_key, count(*) AS n FROM mentions WHERE article_id = ANY($1::bigint[]) GROUP BY name_key) d
      WHERE e.name_key = d.name_key`,
    [ids],
  );
  await db.query(
    `UPDATE corpus_stats c SET articles = c.articles - d.articles, sentences = c.sentences - d.sentences,
            total_length = c.total_length - d.total_length, revision = c.revision + 1
       FROM (SELECT count(DISTINCT s.article_id) AS articles, count(*) AS sentences, coalesce(sum(s.length), 0) AS total_length
               FROM sentences s WHERE s.article_id = ANY($1::bigint[])) d
      WHERE c.id = 1`,
    [ids],
  );
  // Articles without sentences still count as articles.
  await db.query(
    `UPDATE corpus_stats SET articles = articles - (SELECT count(*) FROM articles a WHERE a.id = ANY($1::bigint[]) AND a.sentence_count = 0) WHERE id = 1`,
    [ids],
  );
  // Distinct quotations (schema version 6): fewer articles carry them; those no article carries any
  // more go, and those whose first article goes take the next.
  const quoted = await db.query<{ words: string; articles: number; moved: boolean }>(
    `UPDATE quotations x SET articles = x.articles - d.n
       FROM (SELECT words, count(DISTINCT article_id)::int AS n FROM quotes WHERE article_id = ANY($1::bigint[]) GROUP BY words) d
      WHERE x.words = d.words
     RETURNING x.words, x.articles, x.first_article = ANY($1::bigint[]) AS moved`,
    [ids],
  );
  // Names whose first article goes (schema version 7): their row goes with it (a cascade), and the next
  // article naming them takes its place (nextFirsts).
  const unfirsted = await db.query<{ target_key: string; uri: string }>(`SELECT target_key, uri FROM name_firsts WHERE article_id = ANY($1::bigint[])`, [ids]);
  await db.query(`DELETE FROM articles WHERE id = ANY($1::bigint[])`, [ids]);
  if (unfirsted.rows.length) await nextFirsts(db, unfirsted.rows);
  const gone = quoted.rows.filter((r) => r.articles <= 0).map((r) => r.words);
  const moved = quoted.rows.filter((r) => r.articles > 0 && r.moved).map((r) => r.words);
  if (gone.length) await db.query(`DELETE FROM quotations WHERE words = ANY($1::text[])`, [gone]);
  if (moved.length) {
    await db.query(
      `UPDATE quotations x SET first_article = f.first[1], first_start = f.first[2]
         FROM (SELECT words, min(ARRAY[article_id, start_offset]) AS first FROM quotes WHERE words = ANY($1::text[]) GROUP BY words) f
        WHERE x.words = f.words`,
      [moved],
    );
  }
}

/** Articles read in uri order after a name's first article that went, for the next naming it (BBC, two of
 *  five folders removed, 896 articles: 2,000 read 5.3 s, as many as read 50 the sort alone, 1.9-2.0 s). */
const NEXT_FIRST_WALK = 50;

/** Each name's next first article by uri, its first (`uri`) gone: read in uri order from there for a name
 *  in many articles (whose next is near: when articles go in uri order, a folder removed, sorting all of a
 *  common name's articles again for each batch would cost their number each time), and for a name none of
 *  the next NEXT_FIRST_WALK articles names, by sorting its articles (fewer, then). */
async function nextFirsts(db: PoolClient, gone: ReadonlyArray<{ target_key: string; uri: string }>): Promise<void> {
  const walked = await db.query<{ target_key: string }>(
    `INSERT INTO name_firsts
     SELECT g.key, n.id, n.uri
       FROM unnest($1::text[], $2::text[]) AS g(key, uri)
       CROSS JOIN LATERAL (
         SELECT w.id, w.uri FROM (SELECT x.id, x.uri FROM articles x WHERE x.uri COLLATE "C" > g.uri COLLATE "C" ORDER BY x.uri COLLATE "C" LIMIT $3) w
          WHERE EXISTS (SELECT 1 FROM mentions m WHERE m.target_key = g.key AND m.article_id = w.id)
          ORDER BY w.uri COLLATE "C" LIMIT 1) n
      ORDER BY g.key
     RETURNING target_key`,
    [gone.map((g) => g.target_key), gone.map((g) => g.uri), NEXT_FIRST_WALK],
  );
  const found = new Set(walked.rows.map((r) => r.target_key));
  const rest = gone.filter((g) => !found.has(g.target_key)).map((g) => g.target_key);
  if (!rest.length) return;
  await db.query(`INSERT INTO name_firsts ${firstArticlesWhere('m.target_key = ANY($1::text[])')}`, [rest]);
}

/** Each group key's first article by uri among the mentions `filter` keeps (a SQL condition on `m`), in
 *  key order: the rows of name_firsts. */
function firstArticlesWhere(filter: string): string {
  return `SELECT DISTINCT ON (m.target_key) m.target_key, a.id, a.uri
            FROM mentions m JOIN articles a ON a.id = m.article_id
           WHERE ${filter}
           ORDER BY m.target_key, a.uri COLLATE "C"`;
}

/** Writes one batch's rows in one transaction, replacing the versions (archive ids) they update. */
export async function writeBatch(db: PoolClient, rows: Rows, replaces: readonly number[]): Promise<void> {
  await db.query('BEGIN');
  try {
    await deleteArticles(db, replaces);
    const A = rows.articles;
    const inserted = await db.query<{ id: string; uri: string }>(
      `INSERT INTO articles (uri, key, root, path, hash, title, meta, doc, mentions_doc, sentence_count)
       SELECT uri, key, root, path, hash, title, meta::jsonb, doc, mentions_doc, n
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::int[])
              WITH ORDINALITY AS x(uri, key, root, path, hash, title, meta, doc, mentions_doc, n, ord)
        ORDER BY ord
       RETURNING id, uri`,
      [A.uri, A.key, A.root, A.path, A.hash, A.title, A.meta, A.doc, A.mentions, A.count],
    );
    const byUri = new Map(inserted.rows.map((r) => [r.uri, r.id]));
    const ids = A.uri.map((u) => byUri.get(u));
    const idOf = (a: number[]) => a.map((i) => ids[i]);
    const S = rows.sentences;
    await db.query(
      `INSERT INTO sentences (article_id, idx, length, terms, text, stored) SELECT * FROM unnest($1::bigint[], $2::int[], $3::int[], $4::tsvector[], $5::text[], $6::text[])`,
      [idOf(S.a), S.idx, S.length, S.terms, S.text, S.stored],
    );
    const M = rows.mentions;
    await db.query(
      `INSERT INTO mentions (article_id, sentence, start_offset, end_offset, surface, name_key, last_word, kind, role, target_key, flags)
       SELECT * FROM unnest($1::bigint[], $2::int[], $3::int[], $4::int[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::smallint[])`,
      [idOf(M.a), M.s, M.start, M.end, M.surface, M.key, M.last, M.kind, M.role, M.target, M.flags],
    );
    // Each name's first article by uri (schema version 7): the batch's first for each of its names, where
    // it comes before the one held (in key order, as the other counts).
    await db.query(
      `INSERT INTO name_firsts ${firstArticlesWhere('m.article_id = ANY($1::bigint[]) AND m.target_key IS NOT NULL')}
       ON CONFLICT (target_key) DO UPDATE SET article_id = excluded.article_id, uri = excluded.uri
        WHERE excluded.uri COLLATE "C" < name_firsts.uri COLLATE "C"`,
      [ids],
    );
    const Q = rows.quotes;
    await db.query(
      `INSERT INTO quotes (article_id, sentence, start_offset, end_offset, text, speaker, speaker_key)
       SELECT * FROM unnest($1::bigint[], $2::int[], $3::int[], $4::int[], $5::text[], $6::text[], $7::text[])`,
      [idOf(Q.a), Q.s, Q.start, Q.end, Q.text, Q.speaker, Q.speakerKey],
    );
    // The batch's articles are newer than any (ids grow), but a quotation's first is compared anyway.
    await db.query(
      `INSERT INTO quotations (words, articles, first_article, first_start)
       SELECT words, count(DISTINCT article_id), (min(ARRAY[article_id, start_offset]))[1], (min(ARRAY[article_id, start_offset]))[2]
         FROM quotes WHERE article_id = ANY($1::bigint[]) GROUP BY words ORDER BY words
       ON CONFLICT (words) DO UPDATE SET articles = quotations.articles + excluded.articles,
              first_article = CASE WHEN (excluded.first_article, excluded.first_start) < (quotations.first_article, quotations.first_start) THEN excluded.first_article ELSE quotations.first_article END,
              first_start = CASE WHEN (excluded.first_article, excluded.first_start) < (quotations.first_article, quotations.first_start) THEN excluded.first_start ELSE quotations.first_start END`,
      [ids],
    );
    const F = rows.figures;
    await db.query(
      `INSERT INTO figures (article_id, sentence, kind, text, value, unit) SELECT * FROM unnest($1::bigint[], $2::int[], $3::text[], $4::text[], $5::float8[], $6::text[])`,
      [idOf(F.a), F.s, F.kind, F.text, F.value, F.unit],
    );
    // Counts in key order, so two writers could never deadlock (one writer holds the lock anyway).
    await db.query(
      `INSERT INTO terms (term, df)
       SELECT u.lexeme, count(*) FROM sentences s CROSS JOIN LATERAL unnest(s.terms) AS u(lexeme, positions, weights)
        WHERE s.article_id = ANY($1::bigint[]) GROUP BY u.lexeme ORDER BY u.lexeme
       ON CONFLICT (term) DO UPDATE SET df = terms.df + excluded.df`,
      [ids],
    );
    // A name new to the archive (inserted, not updated: xmax 0) brings its words (schema.ts, version 4).
    await db.query(
      `WITH named AS (
         INSERT INTO entities (name_key, name, kind, mention_count)
         SELECT name_key, mode() WITHIN GROUP (ORDER BY surface), mode() WITHIN GROUP (ORDER BY kind), count(*)
           FROM mentions WHERE article_id = ANY($1::bigint[]) AND name_key <> '' GROUP BY name_key ORDER BY name_key
         ON CONFLICT (name_key) DO UPDATE SET mention_count = entities.mention_count + excluded.mention_count
         RETURNING name_key, xmax = 0 AS fresh)
       INSERT INTO name_words (word, name_key)
       SELECT DISTINCT w, named.name_key FROM named CROSS JOIN unnest(string_to_array(named.name_key, ' ')) AS w
        WHERE named.fresh AND w <> ''
       ON CONFLICT DO NOTHING`,
      [ids],
    );
    await db.query(
      `UPDATE corpus_stats SET articles = articles + $1, sentences = sentences + $2, total_length = total_length + $3, revision = revision + 1 WHERE id = 1`,
      [rows.articles.uri.length, rows.sentenceCount, rows.totalLength],
    );
    await db.query('COMMIT');
  } catch (err) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}
