// Typed `sourced.*` settings per resource (workspace/configuration with scopeUri), cached until the client
// says they changed. Unknown or mistyped values fall back to the defaults instead of failing.

import type { Connection } from 'vscode-languageserver/node';
import { defaultSettings, type DiagnosticCode, type Severity, type SourcedSettings } from '../service/api.ts';

const SEVERITIES: ReadonlySet<string> = new Set<Severity>(['error', 'warning', 'information', 'hint', 'off']);

/** Validates a raw `sourced` section (from workspace/configuration or didChangeConfiguration). */
export function normalizeSettings(raw: unknown): SourcedSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const corpus = (r.corpus && typeof r.corpus === 'object' ? r.corpus : {}) as Record<string, unknown>;
  const paths = Array.isArray(corpus.paths) ? corpus.paths.filter((p): p is string => typeof p === 'string' && p.trim() !== '') : defaultSettings.corpus.paths;
  const severity = { ...defaultSettings.severity };
  const rawSeverity = (r.severity && typeof r.severity === 'object' ? r.severity : {}) as Record<string, unknown>;
  for (const code of Object.keys(severity) as DiagnosticCode[]) {
    const value = rawSeverity[code];
    if (typeof value === 'string' && SEVERITIES.has(value)) severity[code] = value as Severity;
  }
  const maxClaims = typeof r.maxClaims === 'number' && Number.isFinite(r.maxClaims) && r.maxClaims > 0 ? Math.floor(r.maxClaims) : defaultSettings.maxClaims;
  const archive = (r.archive && typeof r.archive === 'object' ? r.archive : {}) as Record<string, unknown>;
  const url = typeof archive.url === 'string' ? archive.url.trim() : '';
  return url ? { corpus: { paths }, severity, maxClaims, archive: { url } } : { corpus: { paths }, severity, maxClaims };
}

export class SettingsStore {
  private readonly cache = new Map<string, Promise<SourcedSettings>>();
  /** Settings pushed with didChangeConfiguration, for clients without workspace/configuration. */
  private global: SourcedSettings = defaultSettings;
  /** Bumped on every change so cached diagnostics (resultIds) are invalidated. */
  generation = 0;

  constructor(
    private readonly connection: Connection,
    private readonly canPull: () => boolean,
  ) {}

  get(scopeUri: string | undefined): Promise<SourcedSettings> {
    if (!this.canPull()) return Promise.resolve(this.global);
    const key = scopeUri ?? '';
    let pending = this.cache.get(key);
    if (!pending) {
      pending = this.connection.workspace
        .getConfiguration({ scopeUri, section: 'sourced' })
        .then(normalizeSettings, () => this.global);
      this.cache.set(key, pending);
    }
    return pending;
  }

  changed(pushed: unknown): void {
    this.cache.clear();
    this.generation++;
    const section = pushed && typeof pushed === 'object' ? (pushed as Record<string, unknown>).sourced : undefined;
    if (section !== undefined) this.global = normalizeSettings(section);
  }
}
