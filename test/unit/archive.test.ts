// The archive on a real PostgreSQL 15 (a throwaway cluster; no SQL mocked): sync mirrors folders, a killed
// sync resumes without duplicates and with consistent statistics, checks against the archive give the
// embedded index's verdicts, and every failure is one line with exit status 2.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import type { PgCluster } from './fixtures/pgCluster.ts';
import { checkBoth, repo, sourced as runSourced, testCluster, type Run } from './fixtures/archiveCli.ts';
import { createSourcedService } from '../../server/src/service/index.ts';
import { PgArchive } from '../../server/src/host/archive/pgArchive.ts';
import { queryTerms } from '../../server/src/service/archive/archivedArticle.ts';

const tmp = mkdtempSync(path.join(tmpdir(), 'sourced-archive-'));
let pg: PgCluster;

before(async () => {
  pg = await testCluster();
  for (const db of ['sample', 'mirror', 'resume', 'versions', 'empty', 'migrate', 'five', 'cards']) pg.createDb(db);
});
after(() => {
  pg?.destroy();
  rmSync(tmp, { recursive: true, force: true });
});

const sourced = (args: string[]): Promise<Run> => runSourced(args, path.join(tmp, 'cache'));

/** A new folder under the test's own of `count` source files, named and written from their number
 *  (`n`: the number padded to `digits`). */
function numberedSources(name: string, count: number, digits: number, file: (n: string) => string, text: (i: number, n: string) => string): string {
  const dir = path.join(tmp, name);
  mkdirSync(dir);
  for (let i = 0; i < count; i++) {
    const n = String(i).padStart(digits, '0');
    writeFileSync(path.join(dir, file(n)), text(i, n));
  }
  return dir;
}

async function sql<T = Record<string, unknown>>(db: string, text: string, params: unknown[] = []): Promise<T[]> {
  const c = new Client({ connectionString: pg.url(db) });
  await c.connect();
  try {
    return (await c.query(text, params)).rows as T[];
  } finally {
    await c.end();
  }
}

/** The archive's counters equal what its rows add up to. */
async function assertConsistent(db: string): Promise<void> {
  const [stats] = await sql<{ articles: string; sentences: string; total_length: string }>(db, `SELECT articles, sentences, total_length FROM corpus_stats`);
  const [rows] = await sql<{ articles: string; sentences: string; total_length: string }>(
    db,
    `SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM sentences) AS sentences, (SELECT coalesce(sum(length), 0) FROM sentences) AS total_length`,
  );
  assert.deepEqual(stats, rows);
  const wrong = await sql(
    db,
    `SELECT t.term FROM terms t FULL JOIN (SELECT u.lexeme, count(*) AS n FROM sentences s CROSS JOIN LATERAL unnest(s.terms) AS u(lexeme, positions, weights) GROUP BY u.lexeme) d
        ON d.lexeme = t.term WHERE coalesce(t.df, 0) <> coalesce(d.n, 0)`,
  );
  assert.equal(wrong.length, 0, `document frequencies off for ${wrong.length} terms`);
  const dup = await sql(db, `SELECT uri FROM articles GROUP BY uri HAVING count(*) > 1`);
  assert.equal(dup.length, 0);
  // Every name's words are there for completion, and only names' words.
  const words = await sql(
    db,
    `SELECT e.name_key FROM entities e FULL JOIN (SELECT DISTINCT name_key, array_agg(word ORDER BY word) AS words FROM name_words GROUP BY name_key) w ON w.name_key = e.name_key
      WHERE w.words IS DISTINCT FROM (SELECT array_agg(DISTINCT x ORDER BY x) FROM unnest(string_to_array(e.name_key, ' ')) AS x WHERE x <> '')`,
  );
  assert.equal(words.length, 0, `name words off for ${words.length} names`);
  // Each distinct quotation with the number of articles carrying it and the first of them.
  const quotations = await sql(
    db,
    `SELECT coalesce(x.words, d.words) AS words FROM quotations x
       FULL JOIN (SELECT words, count(DISTINCT article_id) AS articles, min(ARRAY[article_id, start_offset]) AS first FROM quotes GROUP BY words) d ON d.words = x.words
      WHERE (x.articles, x.first_article, x.first_start) IS DISTINCT FROM (d.articles, d.first[1], d.first[2])`,
  );
  assert.equal(quotations.length, 0, `quotations off for ${quotations.length} of them`);
  // Each sentence's stored analysis is its entry in its article's document.
  const stored = await sql(db, `SELECT 1 FROM sentences s JOIN articles a ON a.id = s.article_id WHERE s.stored::jsonb IS DISTINCT FROM (a.doc::jsonb -> 's' -> s.idx)`);
  assert.equal(stored.length, 0, `stored analysis off for ${stored.length} sentences`);
  // Each name's first article by uri.
  const firsts = await sql(
    db,
    `SELECT coalesce(f.target_key, d.target_key) AS key FROM name_firsts f
       FULL JOIN (SELECT DISTINCT ON (m.target_key) m.target_key, a.id, a.uri FROM mentions m JOIN articles a ON a.id = m.article_id
                   WHERE m.target_key IS NOT NULL ORDER BY m.target_key, a.uri COLLATE "C") d ON d.target_key = f.target_key
      WHERE (f.article_id, f.uri) IS DISTINCT FROM (d.id, d.uri)`,
  );
  assert.equal(firsts.length, 0, `first articles off for ${firsts.length} names`);
}

test('check --archive gives the verdicts and sources of the embedded index (sample corpus)', async () => {
  const sync = await sourced(['archive', 'sync', '--archive', pg.url('sample'), path.join(repo, 'corpus')]);
  assert.equal(sync.code, 0, sync.stderr);
  assert.match(sync.stderr, /archive schema created \(version 7\)/);
  assert.match(sync.stderr, /3 added, 0 updated, 0 removed, 0 unchanged/);
  // The archive alone (the draft is copied away from any sources/ folder): the same claims and sources.
  const { local, archived } = await checkBoth(tmp, pg.url('sample'));
  assert.equal(archived.code, local.code, archived.stderr);
  assert.ok(local.claims.length > 3);
  assert.deepEqual(archived.claims, local.claims);
  assert.equal((JSON.parse(archived.stdout) as { corpus: { articles: number } }).corpus.articles, 3);

  const status = await sourced(['archive', 'status', '--archive', pg.url('sample'), '--format', 'json']);
  assert.equal(status.code, 0, status.stderr);
  const s = JSON.parse(status.stdout) as { articles: number; sentences: number; entities: number; schemaVersion: number; lastSync: string };
  assert.equal(s.articles, 3);
  assert.equal(s.schemaVersion, 7);
  assert.ok(s.sentences > 10 && s.entities > 5 && s.lastSync);
  const entities = await sourced(['entities', '--archive', pg.url('sample'), '--format', 'json']);
  assert.equal(entities.code, 0, entities.stderr);
  assert.ok((JSON.parse(entities.stdout) as { archive: { entities: unknown[] } }).archive.entities.length > 5);
});

test('a search looked up by its rarest terms, then by the terms that can still reach the top, finds what scoring every sentence finds', async () => {
  // The sample archive of the first test; a first look-up of one posting makes every search of several
  // terms take the second look-up (and its bound) that only large archives take otherwise.
  const [planned, full] = await Promise.all([PgArchive.open(pg.url('sample'), { firstLookupPostings: 1 }), PgArchive.open(pg.url('sample'), { firstLookupPostings: Infinity })]);
  try {
    const stats = await full.stats();
    const avg = stats.totalLength / stats.sentences;
    const texts = (await sql<{ text: string }>('sample', `SELECT text FROM sentences ORDER BY article_id, idx`)).map((r) => r.text).filter((t) => t.length > 60);
    let compared = 0;
    for (const text of texts.filter((_, i) => i % 7 === 0).slice(0, 25)) {
      const query = queryTerms(text);
      const dfs = await full.documentFrequencies(query.map((t) => t.term));
      const terms = query.map((t) => {
        const df = dfs.get(t.term) ?? 0;
        return { term: t.term, df, weight: Math.log(1 + (stats.sentences - df + 0.5) / (df + 0.5)) * t.count };
      });
      for (const limit of [1, 5, 20]) {
        const key = (hits: Array<{ id: number; index: number }>) => hits.map((h) => `${h.id}:${h.index}`).sort();
        const expected = key(await full.searchSentences(terms, avg, limit));
        assert.deepEqual(key(await planned.searchSentences(terms, avg, limit)), expected, `${text} (limit ${limit})`);
        // Told a score the top is thought to reach (a server's held sentences), low or high: the same top.
        const heaviest = Math.max(...terms.map((t) => t.weight));
        for (const reached of [0.5, 2, 8, 40].map((f) => f * heaviest)) {
          assert.deepEqual(key(await planned.searchSentences(terms, avg, limit, reached)), expected, `${text} (limit ${limit}, reached ${reached})`);
        }
        compared++;
      }
    }
    assert.ok(compared >= 30, `${compared} searches compared`);
  } finally {
    await Promise.all([planned.close(), full.close()]);
  }
});

test('the service reads an archive together with a local source, counting both in its statistics', async () => {
  const archive = await PgArchive.open(pg.url('sample'));
  try {
    const service = createSourcedService({ archive });
    await service.upsertSources([{ uri: 'file:///notes/interview.md', text: 'The harbour master, Ines Okafor, said the new pier will open on 3 March.\n' }]);
    const report = await service.checkDocument({ uri: 'file:///draft.md', text: 'The harbour master, Ines Okafor, said the new pier will open on 3 March.\n' });
    assert.equal(report.claims[0]?.verdict, 'supported');
    assert.equal(report.claims[0]?.sources[0]?.uri, 'file:///notes/interview.md');
    assert.equal(service.corpus.articleCount, 4);
    const [stats] = await sql<{ sentences: string }>('sample', `SELECT sentences FROM corpus_stats`);
    assert.equal(service.corpus.sentenceCount, Number(stats.sentences) + 1);
  } finally {
    await archive.close();
  }
});

test('the archive going away mid-session: answers from what was fetched, one notice, back after a restart', async () => {
  const archive = await PgArchive.open(pg.url('sample'));
  const events: string[] = [];
  try {
    const service = createSourcedService({ archive, onArchiveUnavailable: (err) => events.push(`down: ${(err as { code?: string }).code}`), onArchiveAvailable: () => events.push('up') });
    const draft = { uri: 'file:///draft.md', text: readFileSync(path.join(repo, 'examples', 'draft.md'), 'utf8') };
    const verdicts = (r: { claims: Array<{ verdict: string }> }) => r.claims.map((c) => c.verdict);
    const before = verdicts(await service.checkDocument(draft));
    assert.ok(before.includes('supported'));
    pg.stop();
    try {
      assert.deepEqual(verdicts(await service.checkDocument({ ...draft, text: `${draft.text}\n` })), before);
      const other = await service.checkDocument({ uri: 'file:///other.md', text: 'The zoo will house twelve elephants from next spring, the keeper said.\n' });
      assert.equal(other.claims.length, 1);
      // A card the archive cannot be asked for: what was fetched, said to be a lower bound.
      const at = draft.text.split('\n').findIndex((l) => l.includes('Stephen Biegun'));
      const hover = await service.getHover(draft, { line: at, character: draft.text.split('\n')[at].indexOf('Stephen Biegun') + 2 });
      const card = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
      assert.match(card, /^\*\*Stephen Biegun\*\* · person[\s\S]*Mentioned in at least \d+ articles? \(\d+ times?\)/);
      // The pool's open connection is ended by the shutdown (57P01), or a new one is refused.
      assert.equal(events.length, 1);
      assert.match(events[0], /^down: (57P01|ECONNREFUSED|ECONNRESET)$/);
    } finally {
      pg.start();
    }
    const deadline = Date.now() + 60_000;
    while (!events.includes('up') && Date.now() < deadline) {
      await service.checkDocument(draft);
      if (!events.includes('up')) await new Promise((r) => setTimeout(r, 100));
    }
    assert.deepEqual(events.slice(1), ['up']);
    assert.deepEqual(verdicts(await service.checkDocument(draft)), before);
  } finally {
    await archive.close();
  }
});

test('sync mirrors a folder: unchanged files are skipped, changed ones replaced, deleted ones removed', async () => {
  const dir = path.join(tmp, 'mirror');
  cpSync(path.join(repo, 'corpus'), dir, { recursive: true });
  // Words with quotes and backslashes go into search vectors and queries as data.
  writeFileSync(path.join(dir, 'odd.md'), "O'Brien said the \\ back\\slash and 'quoted' words are fine. D'Arcy agreed on Monday.\n");
  // A reprint carries the quotations of an article removed below: they stay, first found in the reprint.
  cpSync(path.join(dir, '004_68f02583a50d8b2f.md'), path.join(dir, 'reprint.md'));
  const url = pg.url('mirror');
  assert.equal((await sourced(['archive', 'sync', '--archive', url, dir])).code, 0);
  let run = await sourced(['archive', 'sync', '--archive', url, dir]);
  assert.match(run.stderr, /0 added, 0 updated, 0 removed, 5 unchanged/);
  // The reprint's quotations no other article carries, by how many articles carry them and where they
  // are first found.
  const reprint = async () =>
    sql<{ articles: number; first: string }>(
      'mirror',
      `SELECT DISTINCT x.words, x.articles, f.path AS first FROM quotes q JOIN articles a ON a.id = q.article_id JOIN quotations x ON x.words = q.words
         JOIN articles f ON f.id = x.first_article
        WHERE a.path = 'reprint.md'
          AND NOT EXISTS (SELECT 1 FROM quotes o JOIN articles b ON b.id = o.article_id WHERE o.words = x.words AND b.path NOT IN ('reprint.md', '004_68f02583a50d8b2f.md'))
        ORDER BY x.words`,
    );
  const reprinted = await reprint();
  assert.ok(reprinted.length > 0);
  assert.deepEqual(reprinted.map((r) => [r.articles, r.first]), reprinted.map(() => [2, '004_68f02583a50d8b2f.md']));
  const [first] = readFileSync(path.join(repo, 'corpus', '000_457fc4fb20ffefc9.md'), 'utf8').split('\n\n');
  writeFileSync(path.join(dir, '000_457fc4fb20ffefc9.md'), `${first}\n\nA new paragraph was added by the desk on Friday.\n`);
  unlinkSync(path.join(dir, '004_68f02583a50d8b2f.md'));
  run = await sourced(['archive', 'sync', '--archive', url, dir]);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stderr, /0 added, 1 updated, 1 removed, 3 unchanged/);
  const rows = await sql<{ path: string }>('mirror', `SELECT path FROM articles ORDER BY path`);
  assert.deepEqual(rows.map((r) => r.path), ['000_457fc4fb20ffefc9.md', '003_f2ab1d56b5c90fc2.md', 'odd.md', 'reprint.md']);
  await assertConsistent('mirror');
  assert.deepEqual((await reprint()).map((r) => [r.articles, r.first]), reprinted.map(() => [1, 'reprint.md']));
  const missing = await sourced(['archive', 'sync', '--archive', url, path.join(tmp, 'no-such-folder')]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /^sourced: folder not found: .*no-such-folder\n$/);
  assert.equal((await sql('mirror', `SELECT 1 FROM articles`)).length, 4);
});

test('a sync killed mid-way finishes on the rerun, with no duplicates and consistent statistics', async () => {
  const dir = numberedSources(
    'many',
    600,
    4,
    (n) => `story-${n}.md`,
    (i, n) =>
      `# Story ${n}\n\nThe council of Town${n} voted ${i % 9} to ${(i % 7) + 1} on Tuesday to build ${i + 3} homes, mayor Ann Lee${i % 13} said.\n\n` +
      `"We need the homes now," Lee${i % 13} said. The plan costs $${(i % 40) + 1} million and takes ${(i % 5) + 2} years.\n`,
  );
  const url = pg.url('resume');
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repo, 'server/src/cli/main.ts'), 'archive', 'sync', '--archive', url, dir], { cwd: repo, stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Kill it once some batches are in (poll with a deadline).
  const deadline = Date.now() + 60_000;
  let count = 0;
  while (Date.now() < deadline) {
    const rows = await sql<{ n: string }>('resume', `SELECT count(*) AS n FROM articles`).catch(() => [{ n: '0' }]);
    count = Number(rows[0].n);
    if (count > 0) break;
    await new Promise((r) => setImmediate(r));
  }
  child.kill('SIGKILL');
  await exited;
  assert.ok(count > 0 && count < 600, `killed after ${count} articles`);
  const rerun = await sourced(['archive', 'sync', '--archive', url, dir]);
  assert.equal(rerun.code, 0, rerun.stderr);
  const m = /(\d+) added, 0 updated, 0 removed, (\d+) unchanged/.exec(rerun.stderr);
  assert.ok(m, rerun.stderr);
  assert.equal(Number(m[1]) + Number(m[2]), 600);
  assert.ok(Number(m[2]) >= count);
  await assertConsistent('resume');
  assert.equal((await sql('resume', `SELECT 1 FROM articles`)).length, 600);
});

test('another schema version, an empty database: the message says what to do', async () => {
  const url = pg.url('versions');
  assert.equal((await sourced(['archive', 'sync', '--archive', url, path.join(repo, 'corpus')])).code, 0);
  await sql('versions', `UPDATE sourced_meta SET value = '8' WHERE key = 'schema_version'`);
  const draft = path.join(repo, 'examples', 'draft.md');
  const newer = await sourced(['check', '--archive', url, draft]);
  assert.equal(newer.code, 2);
  assert.match(newer.stderr, /^sourced: the archive at postgres@127\.0\.0\.1:\d+\/versions has schema version 8, newer than this Sourced reads \(7\): upgrade Sourced\n$/);
  const empty = await sourced(['check', '--archive', pg.url('empty'), draft]);
  assert.equal(empty.code, 2);
  assert.match(empty.stderr, /holds no Sourced archive yet: create it with `sourced archive sync --archive URL DIR\.\.\.`\n$/);
});

test('an archive of schema version 1 is migrated by sync --migrate: the same mentions, the same verdicts', async () => {
  const url = pg.url('migrate');
  assert.equal((await sourced(['archive', 'sync', '--archive', url, path.join(repo, 'corpus')])).code, 0);
  const mentionsOf = async () => {
    const archive = await PgArchive.open(url);
    try {
      const ids = (await sql<{ id: string }>('migrate', `SELECT id FROM articles ORDER BY id`)).map((r) => Number(r.id));
      // By uri: the migration's sync writes every article again, under new ids.
      return (await archive.mentionsOf(ids)).map(({ uri, mentions }) => ({ uri, mentions })).sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
    } finally {
      await archive.close();
    }
  };
  const before = await mentionsOf();
  assert.ok(before.some((a) => a.mentions.length > 0));
  // Version 1 held each article's mentions in its document only, and indexed mentions by key alone;
  // its mentions and quotations had no group keys (version 3); its quotations had no folded words, its
  // names no table of their words, its roles no index of their own (version 4); its mentions no flags
  // (version 5); no table of distinct quotations, no index of spellings, no stored analysis in its
  // sentences (version 6; the index goes with the group keys); no table of each name's first article
  // (version 7).
  await sql('migrate', `DROP TABLE name_firsts`);
  await sql('migrate', `DROP TABLE quotations`);
  await sql('migrate', `ALTER TABLE sentences DROP COLUMN stored`);
  await sql('migrate', `ALTER TABLE mentions DROP COLUMN flags`);
  await sql('migrate', `ALTER TABLE quotes DROP COLUMN words`);
  await sql('migrate', `DROP TABLE name_words`);
  await sql('migrate', `DROP INDEX mentions_target_role`);
  await sql('migrate', `DROP INDEX articles_id_uri`);
  await sql('migrate', `ALTER TABLE mentions DROP COLUMN target_key`);
  await sql('migrate', `ALTER TABLE quotes DROP COLUMN speaker_key`);
  await sql('migrate', `DROP INDEX articles_uri_order`);
  await sql('migrate', `ALTER TABLE articles DROP COLUMN mentions_doc`);
  await sql('migrate', `DROP INDEX mentions_key_article`);
  await sql('migrate', `DROP INDEX mentions_last_article`);
  await sql('migrate', `CREATE INDEX mentions_key ON mentions (name_key)`);
  await sql('migrate', `CREATE INDEX mentions_last_word ON mentions (last_word)`);
  await sql('migrate', `UPDATE sourced_meta SET value = '1' WHERE key = 'schema_version'`);
  const draft = path.join(repo, 'examples', 'draft.md');
  const old = await sourced(['check', '--archive', url, draft]);
  assert.equal(old.code, 2);
  assert.match(old.stderr, /has schema version 1, this Sourced reads version 7: run `sourced archive sync --migrate --archive URL`\n$/);
  const migrated = await sourced(['archive', 'sync', '--migrate', '--archive', url, path.join(repo, 'corpus')]);
  assert.equal(migrated.code, 0, migrated.stderr);
  assert.match(migrated.stderr, /archive schema migrated from version 1 \(version 7\)/);
  // Every article is analysed again, for its mentions' and quotations' group keys.
  assert.match(migrated.stderr, /0 added, [1-9]\d* updated, 0 removed, 0 unchanged/);
  const keyless = await sql<{ n: string }>('migrate', `SELECT count(*) AS n FROM mentions WHERE target_key IS NULL OR flags IS NULL`);
  assert.equal(Number(keyless[0]?.n), 0);
  const unfolded = await sql<{ n: string }>('migrate', `SELECT count(*) AS n FROM quotes WHERE words IS NULL OR words <> btrim(words)`);
  assert.equal(Number(unfolded[0]?.n), 0);
  await assertConsistent('migrate');
  assert.deepEqual(await mentionsOf(), before);
  const dir = path.join(tmp, 'migrate');
  mkdirSync(dir);
  const { local, archived } = await checkBoth(dir, url);
  assert.equal(archived.code, local.code, archived.stderr);
  assert.ok(local.claims.length > 0);
  assert.deepEqual(archived.claims, local.claims);
});

test('an archive of schema version 5 is migrated in place: its distinct quotations and sentences\' analyses from the rows there', async () => {
  const url = pg.url('five');
  const dir = path.join(tmp, 'five');
  cpSync(path.join(repo, 'corpus'), dir, { recursive: true });
  cpSync(path.join(dir, '004_68f02583a50d8b2f.md'), path.join(dir, 'reprint.md'));
  const first = await sourced(['archive', 'sync', '--archive', url, dir]);
  assert.equal(first.code, 0, first.stderr);
  await sql('five', `DROP TABLE name_firsts`);
  await sql('five', `DROP TABLE quotations`);
  await sql('five', `DROP INDEX mentions_target_surface`);
  await sql('five', `ALTER TABLE sentences DROP COLUMN stored`);
  await sql('five', `CREATE INDEX quotes_words_trgm ON quotes USING gin ((' ' || words || ' ') gin_trgm_ops)`);
  await sql('five', `UPDATE sourced_meta SET value = '5' WHERE key = 'schema_version'`);
  const migrated = await sourced(['archive', 'sync', '--migrate', '--archive', url, dir]);
  assert.equal(migrated.code, 0, migrated.stderr);
  assert.match(migrated.stderr, /archive schema migrated from version 5 \(version 7\)/);
  // No article is analysed again.
  assert.match(migrated.stderr, /0 added, 0 updated, 0 removed, 4 unchanged/);
  assert.ok((await sql('five', `SELECT 1 FROM quotations WHERE articles = 2`)).length > 0);
  await assertConsistent('five');
});

test('a card\'s first articles by uri, kept by the sync or sorted, are those of every article naming it', async () => {
  // A board every article names and a trust only the last articles name (their first article, kept by
  // the sync per name), a person (her 300 first: sorted); then the board's first article removed, the
  // trust named in an article before all others and both in one after all (the first articles follow).
  const dir = numberedSources(
    'cards',
    60,
    2,
    (n) => `note-${n}.md`,
    (i, n) =>
      `# Note ${n}\n\nThe Orrin Harbour Board met on Tuesday to discuss pier ${i}.\n\n` +
      (i >= 40 ? `The Kestrel Valley Trust paid for the repairs.\n\n` : '') +
      (i % 3 === 0 ? `Ines Okafor, the harbour master, said the pier would open in week ${i}.\n` : ''),
  );
  const url = pg.url('cards');
  assert.equal((await sourced(['archive', 'sync', '--archive', url, dir])).code, 0);
  const archive = await PgArchive.open(url);
  try {
    for (const [key, quoteArticles] of [['orrin harbour board', 0], ['kestrel valley trust', 0], ['ines okafor', 300]] as const) {
      const rows = await archive.cardRows([key], quoteArticles);
      const all = await sql<{ uri: string }>(
        'cards',
        `SELECT a.uri FROM articles a WHERE EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = a.id AND m.target_key = $1) ORDER BY a.uri COLLATE "C"`,
        [key],
      );
      assert.ok(all.length >= 20, `${key}: ${all.length} articles`);
      assert.deepEqual(
        rows.firstArticles.map((a) => a.uri),
        all.slice(0, Math.max(1, quoteArticles)).map((a) => a.uri),
        key,
      );
    }
    const firstOf = async (key: string) => (await archive.cardRows([key], 0)).firstArticles.map((a) => path.basename(a.uri));
    assert.deepEqual(await firstOf('orrin harbour board'), ['note-00.md']);
    assert.deepEqual(await firstOf('kestrel valley trust'), ['note-40.md']);
    rmSync(path.join(dir, 'note-00.md'));
    writeFileSync(path.join(dir, 'aaa.md'), '# Early\n\nThe Kestrel Valley Trust opened an office.\n');
    writeFileSync(path.join(dir, 'zzz.md'), '# Late\n\nThe Orrin Harbour Board thanked the Kestrel Valley Trust.\n');
    assert.equal((await sourced(['archive', 'sync', '--archive', url, dir])).code, 0);
    assert.deepEqual(await firstOf('orrin harbour board'), ['note-01.md']);
    assert.deepEqual(await firstOf('kestrel valley trust'), ['aaa.md']);
    await assertConsistent('cards');
  } finally {
    await archive.close();
  }
});

test('a bad URL, a missing database, an unknown login, a password in the URL, a server down: one line, exit 2', async () => {
  const draft = path.join(repo, 'examples', 'draft.md');
  const [bad, nodb, login, pass] = await Promise.all([
    sourced(['check', '--archive', 'http://example.invalid/x', draft]),
    sourced(['archive', 'status', '--archive', pg.url('no_such_db')]),
    sourced(['archive', 'status', '--archive', `postgresql://nobody@127.0.0.1:${pg.port}/sample`]),
    sourced(['archive', 'status', '--archive', `postgresql://postgres:secret@127.0.0.1:${pg.port}/sample`]),
  ]);
  assert.equal(bad.code, 2);
  assert.equal(bad.stderr, "sourced: not a PostgreSQL URL: 'http:' (expected postgresql://[user@]host[:port]/database)\n");
  assert.equal(nodb.code, 2);
  assert.match(nodb.stderr, /^sourced: the archive database does not exist: postgres@127\.0\.0\.1:\d+\/no_such_db .*\n$/);
  assert.equal(login.code, 2);
  assert.match(login.stderr, /^sourced: the archive at nobody@127\.0\.0\.1:\d+\/sample refused the login: .*nobody.*\n$/);
  assert.equal(pass.code, 0);
  assert.match(pass.stderr, /warning: the archive URL holds a password; put it in PGPASSWORD or ~\/\.pgpass instead/);
  assert.ok(!pass.stdout.includes('secret'));
  pg.stop();
  try {
    const down = await sourced(['check', '--archive', pg.url('sample'), draft]);
    assert.equal(down.code, 2);
    assert.match(down.stderr, /^sourced: cannot reach the archive at postgres@127\.0\.0\.1:\d+\/sample: connection refused \(is the PostgreSQL server running\?\)\n$/);
  } finally {
    pg.start();
  }
});
