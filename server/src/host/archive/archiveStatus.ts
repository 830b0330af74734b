// `sourced archive status`: what the archive holds and when it was last synced.

import { archiveWhere } from './archiveErrors.ts';
import { openPool } from './pgArchive.ts';
import { SCHEMA_VERSION, schemaVersion } from './schema.ts';

export interface ArchiveStatus {
  archive: string;
  schemaVersion: number;
  /** The schema version this Sourced reads. */
  supportedSchemaVersion: number;
  articles: number;
  sentences: number;
  entities: number;
  lastSync: string | null;
  databaseBytes: number;
}

export async function archiveStatus(url: string): Promise<ArchiveStatus> {
  const pool = openPool(url);
  try {
    const db = await pool.connect();
    try {
      const version = await schemaVersion(db);
      const size = await db.query<{ bytes: string }>(`SELECT pg_database_size(current_database()) AS bytes`);
      const status: ArchiveStatus = {
        archive: archiveWhere(url),
        schemaVersion: version,
        supportedSchemaVersion: SCHEMA_VERSION,
        articles: 0,
        sentences: 0,
        entities: 0,
        lastSync: null,
        databaseBytes: Number(size.rows[0]?.bytes ?? 0),
      };
      if (version !== SCHEMA_VERSION) return status;
      const r = await db.query<{ articles: string; sentences: string; entities: string; last_sync: string | null }>(
        `SELECT c.articles, c.sentences,
                (SELECT count(*) FROM entities WHERE mention_count > 0) AS entities,
                (SELECT value FROM sourced_meta WHERE key = 'last_sync') AS last_sync
           FROM corpus_stats c WHERE c.id = 1`,
      );
      const row = r.rows[0];
      if (row) {
        status.articles = Number(row.articles);
        status.sentences = Number(row.sentences);
        status.entities = Number(row.entities);
        status.lastSync = row.last_sync ? new Date(row.last_sync).toISOString() : null;
      }
      return status;
    } finally {
      db.release();
    }
  } finally {
    await pool.end().catch(() => undefined);
  }
}
