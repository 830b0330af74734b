// The archive's schema in PostgreSQL, versioned: each migration takes the schema one version up, in a
// transaction of its own. A client meeting a schema of another version says what to do instead of
// guessing (see `checkSchema`).

import type { ClientBase } from 'pg';
import { ArchiveError } from './archiveErrors.ts';

export const SCHEMA_VERSION = 7;

/** Taken by a migration or a sync (one writer at a time); readers never wait on it. */
export const WRITER_LOCK = 0x50_75_72_63; // an arbitrary 32-bit key for pg_advisory_lock

const MIGRATIONS: Record<number, string[]> = {
  1: [
    `CREATE EXTENSION IF NOT EXISTS pg_trgm`,
    `CREATE TABLE sourced_meta (key text PRIMARY KEY, value text NOT NULL)`,
    // One row per source file: where it was synced from (root folder and path inside it), its content
    // hash, and the analysed article as one JSON document (read back as is by language servers; stored as
    // text, as the server never looks inside it, with lz4, which writes several times faster than pglz).
    `CREATE TABLE articles (
       id bigserial PRIMARY KEY,
       uri text NOT NULL UNIQUE,
       key text NOT NULL,
       root text NOT NULL,
       path text NOT NULL,
       hash text NOT NULL,
       title text NOT NULL,
       meta jsonb NOT NULL,
       doc text COMPRESSION lz4 NOT NULL,
       sentence_count integer NOT NULL,
       synced_at timestamptz NOT NULL DEFAULT now())`,
    `CREATE INDEX articles_key ON articles (lower(key))`,
    `CREATE INDEX articles_root ON articles (root)`,
    // Search terms as the embedded BM25 index counts them (stemmed by Sourced, one position per
    // occurrence, so a lexeme's positions are its term frequency) and the field length it divides by.
    `CREATE TABLE sentences (
       article_id bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
       idx integer NOT NULL,
       length integer NOT NULL,
       terms tsvector NOT NULL,
       text text NOT NULL,
       PRIMARY KEY (article_id, idx))`,
    `CREATE INDEX sentences_terms ON sentences USING gin (terms)`,
    `CREATE TABLE terms (term text PRIMARY KEY, df bigint NOT NULL)`,
    `CREATE TABLE corpus_stats (
       id integer PRIMARY KEY CHECK (id = 1),
       articles bigint NOT NULL,
       sentences bigint NOT NULL,
       total_length bigint NOT NULL,
       revision bigint NOT NULL)`,
    `INSERT INTO corpus_stats VALUES (1, 0, 0, 0, 0)`,
    `CREATE TABLE mentions (
       article_id bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
       sentence integer NOT NULL,
       start_offset integer NOT NULL,
       end_offset integer NOT NULL,
       surface text NOT NULL,
       name_key text NOT NULL,
       last_word text NOT NULL,
       kind text NOT NULL,
       role text)`,
    `CREATE INDEX mentions_article ON mentions (article_id)`,
    `CREATE INDEX mentions_key ON mentions (name_key)`,
    `CREATE INDEX mentions_last_word ON mentions (last_word)`,
    `CREATE TABLE quotes (
       article_id bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
       sentence integer NOT NULL,
       start_offset integer NOT NULL,
       end_offset integer NOT NULL,
       text text NOT NULL,
       speaker text)`,
    `CREATE INDEX quotes_article ON quotes (article_id)`,
    `CREATE TABLE figures (
       article_id bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
       sentence integer NOT NULL,
       kind text NOT NULL,
       text text NOT NULL,
       value double precision NOT NULL,
       unit text)`,
    `CREATE INDEX figures_article ON figures (article_id)`,
    // Names by key, with how often each is mentioned: name look-ups and completion (trigram index).
    `CREATE TABLE entities (
       name_key text PRIMARY KEY,
       name text NOT NULL,
       kind text NOT NULL,
       mention_count bigint NOT NULL)`,
    `CREATE INDEX entities_trgm ON entities USING gin (name_key gin_trgm_ops)`,
  ],
  // Each article's name mentions by sentence apart from its document, as JSON ([[sentence index,
  // mentions], ...] for the sentences with any): a hover card reads those of up to thousands of articles,
  // and cutting them out of each document made the server decompress and parse every document whole
  // (2,000 articles at 100,000: 0.8-1.1 s → 40-65 ms). The articles naming a key are read in article
  // order from an index on (key, article): the first 2,000 without reading every mention of a common
  // name (0.47 s for one key → 55 ms for three).
  2: [
    `CREATE INDEX mentions_key_article ON mentions (name_key, article_id)`,
    `CREATE INDEX mentions_last_article ON mentions (last_word, article_id)`,
    `DROP INDEX mentions_key`,
    `DROP INDEX mentions_last_word`,
    `ALTER TABLE articles ADD COLUMN mentions_doc text COMPRESSION lz4`,
    `UPDATE articles a SET mentions_doc = (
       SELECT coalesce(json_agg(json_build_array(e.ord - 1, e.v -> 5) ORDER BY e.ord), '[]')
         FROM json_array_elements(a.doc::json -> 's') WITH ORDINALITY AS e(v, ord)
        WHERE json_typeof(e.v -> 5) = 'array')::text`,
    `ALTER TABLE articles ALTER COLUMN mentions_doc SET NOT NULL`,
  ],
  // A card's counts, roles and quotations are read from the database (a few indexed queries) rather
  // than from the thousands of articles naming someone: each mention carries its group key as its
  // article resolves it ("Lindqvist" after "Marta Lindqvist" is hers), each quotation its speaker's
  // (service/archive/articleKeys.ts). Rows synced before get their name's own key meanwhile, and no
  // speaker: their articles' hashes are cleared, so the next sync analyses every article again.
  3: [
    `ALTER TABLE mentions ADD COLUMN target_key text`,
    `ALTER TABLE quotes ADD COLUMN speaker_key text`,
    `UPDATE mentions SET target_key = name_key`,
    `UPDATE articles SET hash = ''`,
    `CREATE INDEX mentions_target_article ON mentions (target_key, article_id)`,
    `CREATE INDEX quotes_speaker_article ON quotes (speaker_key, article_id)`,
    // A card's first articles are the first by uri, as the embedded index orders them: for someone
    // named in thousands of articles, read in uri order (ids from the index alone) until enough name them.
    `CREATE INDEX articles_uri_order ON articles (uri COLLATE "C") INCLUDE (id)`,
  ],
  // Completion after an opening quote mark looks quotations up by their words (host/archive/quoteQuery.ts),
  // folded as the service folds them (corpus/textMatch.ts foldText: compatibility decomposition, marks
  // dropped, lower case, every run of other characters than letters and digits one space) to their first
  // 200 characters (corpus/quoteSearch.ts QUOTE_KEY_LENGTH; a btree entry holds at most 2,704 bytes),
  // computed by PostgreSQL as rows are written, so no article is analysed again. A btree holding each
  // quotation's article and place counts those starting as typed from the index alone; trigrams find those
  // holding the typed words. (The marks dropped are the combining blocks Latin, Greek and Cyrillic text
  // uses; another script's marks become a space.)
  4: [
    `ALTER TABLE quotes ADD COLUMN words text GENERATED ALWAYS AS (left(
       btrim(regexp_replace(lower(regexp_replace(normalize(text, NFKD), '[\\u0300-\\u036f\\u1ab0-\\u1aff\\u1dc0-\\u1dff\\u20d0-\\u20ff\\ufe20-\\ufe2f]+', '', 'g')), '[^[:alnum:]]+', ' ', 'g')), 200)) STORED`,
    `CREATE INDEX quotes_words ON quotes (words text_pattern_ops) INCLUDE (article_id, start_offset)`,
    `CREATE INDEX quotes_words_trgm ON quotes USING gin ((' ' || words || ' ') gin_trgm_ops)`,
    // The words of each name key (archiveWrite.ts adds those of each new name): completion's typed
    // prefix finds its names from a btree range of words, not by trigrams anywhere in the names (a
    // three-letter prefix: 60-70 ms at 100,000 articles).
    `CREATE TABLE name_words (word text NOT NULL, name_key text NOT NULL)`,
    `INSERT INTO name_words SELECT DISTINCT w, name_key FROM entities CROSS JOIN unnest(string_to_array(name_key, ' ')) AS w WHERE w <> ''`,
    `CREATE UNIQUE INDEX name_words_word ON name_words (word text_pattern_ops, name_key)`,
    // A card's roles from the few mentions giving one, not by testing every mention of the name.
    `CREATE INDEX mentions_target_role ON mentions (target_key) WHERE role IS NOT NULL`,
    // A card's first articles by uri from the ids of those naming it, without reading the table.
    `CREATE INDEX articles_id_uri ON articles (id) INCLUDE (uri)`,
  ],
  // A person's card counts the name groups the whole corpus merges into them (a lone surname no article
  // resolved; service/archive/cardSurname.ts), by the rules the embedded index applies to the groups'
  // votes: each mention's kind as its article resolves it and whether that kind is a guess (the entity
  // table's flags: corpus/entityGroups.ts flagsOf). Rows synced before have none: their articles' hashes
  // are cleared, so the next sync analyses every article again.
  5: [`ALTER TABLE mentions ADD COLUMN flags smallint`, `UPDATE articles SET hash = ''`],
  // Completion after an opening quote mark reads distinct quotations (by their folded words) with how
  // many articles carry each and the first of them (article id, start), kept by each sync batch
  // (archiveWrite.ts), rather than grouping every copy of every matching quotation per request: a
  // generated archive of 100,000 articles holds 708,000 quotations, 68,000 of them distinct, and "such a"
  // read 5,177 of them from 6,042 heap pages (73 ms) where the distinct ones are 627 (2.5 ms). Its
  // trigram index replaces the quotations' own.
  6: [
    `CREATE TABLE quotations (words text NOT NULL, articles integer NOT NULL, first_article bigint NOT NULL, first_start integer NOT NULL)`,
    `INSERT INTO quotations
     SELECT words, count(DISTINCT article_id), (min(ARRAY[article_id, start_offset]))[1], (min(ARRAY[article_id, start_offset]))[2] FROM quotes GROUP BY words`,
    `CREATE UNIQUE INDEX quotations_words ON quotations (words text_pattern_ops) INCLUDE (articles, first_article, first_start)`,
    `CREATE INDEX quotations_trgm ON quotations USING gin ((' ' || words || ' ') gin_trgm_ops)`,
    `DROP INDEX quotes_words_trgm`,
    // A card's spellings of its name counted from an index alone: read from the table, the mentions of a
    // name in 4,000 articles cost 91 ms when their pages were not cached (1.8 ms so; 41 MB at 100,000).
    `CREATE INDEX mentions_target_surface ON mentions (target_key, surface)`,
    // Each sentence's stored analysis (its entry of the document's 's', as JSON) beside its text: a
    // search's best sentences and a quotation's sentence were cut out of their articles' documents, each
    // decompressed and parsed for one sentence (190 sentences: 40-50 ms; from their rows, 4 ms). Each
    // document is parsed once here.
    `ALTER TABLE sentences ADD COLUMN stored text`,
    `UPDATE sentences s SET stored = e.v::text
       FROM articles a CROSS JOIN LATERAL json_array_elements(a.doc::json -> 's') WITH ORDINALITY AS e(v, ord)
      WHERE s.article_id = a.id AND s.idx = e.ord - 1`,
    `ALTER TABLE sentences ALTER COLUMN stored SET NOT NULL`,
  ],
  // Each group key's first article by uri (as the embedded index orders articles), kept by each sync
  // batch (archiveWrite.ts): a card of a body, place or event shows its first article, which was found
  // by sorting every article naming it when those sat late in uri order (a sport's names, in the last
  // folder: 15-26 ms for a name in 3,000-5,000 of 100,000 articles; from here, one row a key).
  7: [
    `CREATE TABLE name_firsts (target_key text PRIMARY KEY, article_id bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE, uri text NOT NULL)`,
    `INSERT INTO name_firsts
     SELECT DISTINCT ON (m.target_key) m.target_key, a.id, a.uri
       FROM mentions m JOIN articles a ON a.id = m.article_id
      WHERE m.target_key IS NOT NULL
      ORDER BY m.target_key, a.uri COLLATE "C"`,
    `CREATE INDEX name_firsts_article ON name_firsts (article_id)`,
  ],
};

/** The schema version of the database (0: no Sourced archive in it). */
export async function schemaVersion(db: ClientBase): Promise<number> {
  const exists = await db.query<{ t: string | null }>(`SELECT to_regclass('sourced_meta')::text AS t`);
  if (!exists.rows[0]?.t) return 0;
  const r = await db.query<{ value: string }>(`SELECT value FROM sourced_meta WHERE key = 'schema_version'`);
  return r.rows.length ? Number(r.rows[0].value) : 0;
}

/** Throws an ArchiveError saying what to do unless the schema is the one this Sourced reads. */
export async function checkSchema(db: ClientBase, where: string): Promise<void> {
  const v = await schemaVersion(db);
  if (v === SCHEMA_VERSION) return;
  if (v === 0) throw new ArchiveError(`${where} holds no Sourced archive yet: create it with \`sourced archive sync --archive URL DIR...\``);
  if (v < SCHEMA_VERSION) throw new ArchiveError(`the archive at ${where} has schema version ${v}, this Sourced reads version ${SCHEMA_VERSION}: run \`sourced archive sync --migrate --archive URL\``);
  throw new ArchiveError(`the archive at ${where} has schema version ${v}, newer than this Sourced reads (${SCHEMA_VERSION}): upgrade Sourced`);
}

/** Brings the schema to this Sourced's version. An empty database is initialised without asking; an
 *  archive of an older version only with `migrate` (its readers of the old version stop working). */
export async function ensureSchema(db: ClientBase, where: string, migrate: boolean): Promise<{ from: number; to: number }> {
  const from = await schemaVersion(db);
  if (from === SCHEMA_VERSION) return { from, to: from };
  if (from > SCHEMA_VERSION) await checkSchema(db, where);
  if (from > 0 && !migrate) await checkSchema(db, where);
  for (let v = from + 1; v <= SCHEMA_VERSION; v++) {
    await db.query('BEGIN');
    try {
      for (const sql of MIGRATIONS[v]) await db.query(sql);
      await db.query(`INSERT INTO sourced_meta (key, value) VALUES ('schema_version', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, [String(v)]);
      await db.query('COMMIT');
    } catch (err) {
      await db.query('ROLLBACK').catch(() => undefined);
      throw err;
    }
  }
  return { from, to: SCHEMA_VERSION };
}
