// Command-line parsing for `sourced`. Usage errors are values (not exceptions) so main can print them
// and exit with status 2.

export type Format = 'text' | 'json';
export type CheckFormat = Format | 'sarif';
export type ReportFormat = 'html' | 'md' | 'json';

export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'check'; corpus: string[]; format: CheckFormat; files: string[]; noCache: boolean; archive?: string }
  | { kind: 'report'; corpus: string[]; format: ReportFormat; files: string[]; noCache: boolean; output?: string; archive?: string }
  | { kind: 'entities'; corpus: string[]; format: Format; noCache: boolean; archive?: string }
  | { kind: 'archive-sync'; archive: string; dirs: string[]; migrate: boolean }
  | { kind: 'archive-status'; archive: string; format: Format }
  | { kind: 'lsp' };

export const USAGE = `Usage:
  sourced check [--corpus DIR]... [--format text|json|sarif] [--no-cache] [--archive URL] FILE...
  sourced report [--corpus DIR]... [--format html|md|json] [-o FILE|DIR] [--no-cache] [--archive URL] FILE...
  sourced entities [--corpus DIR]... [--format text|json] [--no-cache] [--archive URL]
  sourced archive sync --archive URL [--migrate] DIR...
  sourced archive status --archive URL [--format text|json]
  sourced lsp --stdio
  sourced --help | --version

Checks Markdown drafts against a folder of source articles. Without --corpus, the corpus is the
nearest sources/ or corpus/ folder beside the draft (or above it), else the bundled sample corpus.
report writes a fact-check report per draft (HTML by default; to stdout, or to -o FILE, or into -o DIR
as DRAFT.report.html when several drafts are given).
--archive URL (postgresql://[user@]host[:port]/database) checks against a shared archive on PostgreSQL,
together with the --corpus folders or the sources/ folder beside the draft; \`archive sync\` mirrors
folders into it (creating the schema in an empty database). Passwords come from PGPASSWORD or ~/.pgpass.

Exit status: 0 nothing found, 1 warnings or errors found, 2 bad usage or unreadable input.`;

export function parseArgs(argv: string[]): Command | { error: string } {
  if (argv.length === 0) return { error: 'missing command' };
  if (argv.includes('--help') || argv.includes('-h') || argv[0] === 'help') return { kind: 'help' };
  if (argv.includes('--version') || argv.includes('-v')) return { kind: 'version' };
  const [command, ...rest] = argv;
  if (command === 'lsp') {
    // Editors add their own flags (--stdio, --clientProcessId=…); stdio is the only transport.
    const other = rest.find((a) => a.startsWith('--') && a !== '--stdio' && !a.startsWith('--clientProcessId'));
    if (other === '--node-ipc' || other?.startsWith('--socket')) return { error: `lsp: only --stdio is supported (got ${other})` };
    return { kind: 'lsp' };
  }
  if (command === 'archive') return parseArchive(rest);
  if (command !== 'check' && command !== 'entities' && command !== 'report') return { error: `unknown command '${command}'` };

  const corpus: string[] = [];
  const files: string[] = [];
  let format: string | undefined;
  let output: string | undefined;
  let noCache = false;
  let archive: string | undefined;
  const formats = command === 'report' ? ['html', 'md', 'json'] : command === 'check' ? ['text', 'json', 'sarif'] : ['text', 'json'];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const inline = arg.startsWith('--') && eq > 0 ? arg.slice(eq + 1) : undefined;
    const value = (): string | undefined => inline ?? rest[++i];
    if (name === '--corpus') {
      const v = value();
      if (!v) return { error: '--corpus needs a folder' };
      corpus.push(v);
    } else if (name === '--format') {
      const v = value();
      if (!v || !formats.includes(v)) return { error: `--format must be ${formats.slice(0, -1).join(', ')} or ${formats[formats.length - 1]} (got ${v ?? 'nothing'})` };
      format = v;
    } else if ((name === '-o' || name === '--output') && command === 'report') {
      const v = value();
      if (!v) return { error: `${name} needs a file or folder` };
      output = v;
    } else if (name === '--archive') {
      const v = value();
      if (!v) return { error: '--archive needs a URL (postgresql://host/database)' };
      archive = v;
    } else if (name === '--no-cache') {
      noCache = true;
    } else if (arg === '--') {
      files.push(...rest.slice(i + 1));
      break;
    } else if (arg.startsWith('-') && arg !== '-') {
      return { error: `unknown option '${arg}'` };
    } else {
      files.push(arg);
    }
  }
  if (command === 'entities') {
    if (files.length > 0) return { error: `entities takes no files (got '${files[0]}')` };
    return { kind: 'entities', corpus, format: (format ?? 'text') as Format, noCache, ...(archive ? { archive } : {}) };
  }
  if (files.length === 0) return { error: `${command} needs at least one FILE` };
  if (command === 'report') return { kind: 'report', corpus, format: (format ?? 'html') as ReportFormat, files, noCache, output, ...(archive ? { archive } : {}) };
  return { kind: 'check', corpus, format: (format ?? 'text') as CheckFormat, files, noCache, ...(archive ? { archive } : {}) };
}

function parseArchive(rest: string[]): Command | { error: string } {
  const [sub, ...args] = rest;
  if (sub !== 'sync' && sub !== 'status') return { error: `archive: unknown subcommand '${sub ?? ''}' (sync or status)` };
  let archive: string | undefined;
  let format: string | undefined;
  let migrate = false;
  const dirs: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string | undefined => (arg.startsWith('--') && eq > 0 ? arg.slice(eq + 1) : args[++i]);
    if (name === '--archive') {
      archive = value();
      if (!archive) return { error: '--archive needs a URL (postgresql://host/database)' };
    } else if (name === '--migrate' && sub === 'sync') {
      migrate = true;
    } else if (name === '--format' && sub === 'status') {
      format = value();
      if (format !== 'text' && format !== 'json') return { error: `--format must be text or json (got ${format ?? 'nothing'})` };
    } else if (arg.startsWith('-') && arg !== '-') {
      return { error: `unknown option '${arg}'` };
    } else if (sub === 'sync') {
      dirs.push(arg);
    } else {
      return { error: `archive status takes no folders (got '${arg}')` };
    }
  }
  if (!archive) return { error: `archive ${sub} needs --archive URL` };
  if (sub === 'status') return { kind: 'archive-status', archive, format: (format ?? 'text') as Format };
  if (!dirs.length && !migrate) return { error: 'archive sync needs at least one DIR (or --migrate alone)' };
  return { kind: 'archive-sync', archive, dirs, migrate };
}
