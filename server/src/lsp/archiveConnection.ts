// The language server's connection to a shared archive (`sourced.archive.url`): refused in an untrusted
// workspace, a warning for a password in the URL, and every failure a one-line state the status bar shows
// (the folder's own sources keep working without the archive).

import { describeArchiveError, archiveWhere, urlHasPassword } from '../host/archive/archiveErrors.ts';
import { PgArchive } from '../host/archive/pgArchive.ts';
import type { ArchiveStatus } from '../protocol.ts';

export interface ArchiveConnection {
  archive?: PgArchive;
  status?: ArchiveStatus;
  warnings: string[];
}

export async function connectArchive(url: string | undefined, trusted: boolean): Promise<ArchiveConnection> {
  if (!url) return { warnings: [] };
  const where = archiveWhere(url);
  if (!trusted) {
    return { status: { where, state: 'refused', message: 'sourced.archive.url is not used in an untrusted workspace' }, warnings: [] };
  }
  const warnings = urlHasPassword(url) ? ['sourced.archive.url holds a password: put it in PGPASSWORD or ~/.pgpass instead (settings are stored in plain text)'] : [];
  try {
    const archive = await PgArchive.open(url);
    return { archive, status: { where, state: 'connected' }, warnings };
  } catch (err) {
    return { status: { where, state: 'unavailable', message: describeArchiveError(err, where) }, warnings };
  }
}

export function unavailable(where: string, err: unknown): ArchiveStatus {
  return { where, state: 'unavailable', message: `${describeArchiveError(err, where)}; answering from what was fetched, retrying` };
}
