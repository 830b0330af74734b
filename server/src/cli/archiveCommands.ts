// `sourced archive sync|status`, and the archive behind `check|report|entities --archive URL`. Every
// archive failure (a wrong URL, a missing database, a refused login, a server down) is one line on
// stderr and exit status 2.

import { ArchiveError, archiveWhere, describeArchiveError, urlHasPassword } from '../host/archive/archiveErrors.ts';
import { PgArchive } from '../host/archive/pgArchive.ts';
import { syncArchive } from '../host/archive/archiveSync.ts';
import { archiveStatus } from '../host/archive/archiveStatus.ts';
import type { Command } from './args.ts';

/** An archive failure, as the one line main prints. */
export class ArchiveFailure extends Error {}

/** Runs `fn`, turning any failure of the archive into an ArchiveFailure naming where. */
export async function archiveCall<T>(url: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    const e = err as { code?: unknown };
    if (err instanceof ArchiveError || typeof e?.code === 'string' || /Connection terminated|connection/i.test(String((err as Error)?.message))) {
      throw new ArchiveFailure(describeArchiveError(err, archiveWhere(url)));
    }
    throw err;
  }
}

export function warnAboutPassword(url: string): void {
  if (urlHasPassword(url)) process.stderr.write('sourced: warning: the archive URL holds a password; put it in PGPASSWORD or ~/.pgpass instead\n');
}

/** Opens the archive for reading (schema checked). */
export function openArchive(url: string): Promise<PgArchive> {
  warnAboutPassword(url);
  return archiveCall(url, () => PgArchive.open(url));
}

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

export async function runArchive(cmd: Extract<Command, { kind: 'archive-sync' | 'archive-status' }>, write: (s: string) => Promise<void>): Promise<number> {
  warnAboutPassword(cmd.archive);
  if (cmd.kind === 'archive-status') {
    const s = await archiveCall(cmd.archive, () => archiveStatus(cmd.archive));
    if (cmd.format === 'json') {
      await write(`${JSON.stringify(s, null, 2)}\n`);
    } else {
      const lines = [
        `archive: ${s.archive}`,
        `schema version: ${s.schemaVersion}${s.schemaVersion === s.supportedSchemaVersion ? '' : ` (this Sourced reads ${s.supportedSchemaVersion})`}`,
        `articles: ${s.articles}`,
        `sentences: ${s.sentences}`,
        `entities: ${s.entities}`,
        `last sync: ${s.lastSync ?? 'never'}`,
        `database size: ${(s.databaseBytes / 1024 / 1024).toFixed(1)} MB`,
      ];
      await write(`${lines.join('\n')}\n`);
    }
    return 0;
  }
  const tty = process.stderr.isTTY;
  const result = await archiveCall(cmd.archive, () =>
    syncArchive({
      url: cmd.archive,
      roots: cmd.dirs,
      migrate: cmd.migrate,
      onMigrate: (from, to) => process.stderr.write(`sourced: archive schema ${from === 0 ? 'created' : `migrated from version ${from}`} (version ${to})\n`),
      onWarning: (m) => process.stderr.write(`${tty ? '\r\x1b[K' : ''}sourced: warning: ${m}\n`),
      onProgress: (p) => {
        const line = `sourced: synced ${p.done}/${p.total} files, ${p.perSecond.toFixed(0)} articles/s, ETA ${duration(p.etaSeconds)}`;
        process.stderr.write(tty ? `\r\x1b[K${line}` : `${line}\n`);
      },
    }),
  );
  if (tty) process.stderr.write('\n');
  const rate = result.seconds > 0 ? (result.added + result.updated) / result.seconds : 0;
  process.stderr.write(
    `sourced: archive synced in ${result.seconds.toFixed(1)} s: ${result.added} added, ${result.updated} updated, ${result.removed} removed, ${result.unchanged} unchanged` +
      `${result.warnings ? `, ${result.warnings} not read` : ''} (${rate.toFixed(0)} articles/s)\n`,
  );
  return 0;
}
