// Archive failures as one line a writer can act on: a wrong URL, a missing database, a refused login, a
// server that is down or went away. Never a stack trace.

export class ArchiveError extends Error {}

/** Where an archive URL points, without its password: "user@host:port/database". */
export function archiveWhere(url: string): string {
  try {
    const u = new URL(url);
    const host = u.hostname || decodeURIComponent(u.searchParams.get('host') ?? '') || 'localhost';
    const db = decodeURIComponent(u.pathname.replace(/^\//, '')) || '(default database)';
    return `${u.username ? `${decodeURIComponent(u.username)}@` : ''}${host}${u.port ? `:${u.port}` : ''}/${db}`;
  } catch {
    return 'the archive';
  }
}

/** Whether the URL carries a password (which belongs in PGPASSWORD or ~/.pgpass, not in settings). */
export function urlHasPassword(url: string): boolean {
  try {
    const u = new URL(url);
    return u.password !== '' || u.searchParams.has('password');
  } catch {
    return false;
  }
}

/** Checks the URL's form; the message says what is wrong. */
export function validateArchiveUrl(url: string): void {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new ArchiveError(`not an archive URL: '${url}' (expected postgresql://[user@]host[:port]/database)`);
  }
  if (u.protocol !== 'postgresql:' && u.protocol !== 'postgres:') {
    throw new ArchiveError(`not a PostgreSQL URL: '${u.protocol}' (expected postgresql://[user@]host[:port]/database)`);
  }
}

/** One line for an error from the driver or the server. */
export function describeArchiveError(err: unknown, where: string): string {
  if (err instanceof ArchiveError) return err.message;
  const e = err as { code?: string; message?: string; severity?: string };
  const msg = e?.message ?? String(err);
  switch (e?.code) {
    case 'ECONNREFUSED':
      return `cannot reach the archive at ${where}: connection refused (is the PostgreSQL server running?)`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `cannot reach the archive at ${where}: unknown host`;
    case 'ETIMEDOUT':
      return `cannot reach the archive at ${where}: the connection timed out`;
    case 'ECONNRESET':
    case 'EPIPE':
    case '57P01': // admin_shutdown
    case '57P02':
    case '57P03': // cannot_connect_now (starting up, shutting down)
      return `the archive at ${where} went away: ${msg}`;
    case '3D000':
      return `the archive database does not exist: ${where} (create it with createdb, then run \`sourced archive sync\`)`;
    case '28P01':
    case '28000':
      return `the archive at ${where} refused the login: ${msg} (credentials come from the URL's user, PGPASSWORD or ~/.pgpass)`;
    case '25006': // read_only_sql_transaction
      return `the archive at ${where} is read-only (a hot-standby replica?): sync into the primary`;
    case '42501':
      return `the archive at ${where} refused access: ${msg}`;
  }
  if (/Connection terminated|connection timeout|terminating connection/i.test(msg)) return `the archive at ${where} went away: ${msg}`;
  return `archive error at ${where}: ${msg.split('\n')[0]}`;
}
