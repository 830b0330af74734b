// Custom messages between the Sourced server and its clients: the one server file the VS Code client may
// import (types and method names only, enforced by eslint). Plain LSP clients can ignore them.

import type { Position, Range } from 'vscode-languageserver-types';
import type { Evidence, Verdict } from './service/types.ts';

/** Server → client notification: corpus indexing state of one workspace folder. */
export const STATUS_NOTIFICATION = 'sourced/status';
export interface StatusParams {
  folder: string;
  name: string;
  state: 'indexing' | 'ready';
  /** Articles indexed so far / to index in the current run. */
  done: number;
  total: number;
  articles: number;
  sentences: number;
  /** No configured corpus folder exists: the extension's bundled corpus is used. */
  bundled: boolean;
  roots: string[];
  warnings: string[];
  /** How many files were skipped or read with a warning (`warnings` lists the first 20). */
  warningCount?: number;
  /** The shared archive (`sourced.archive.url`), when one is set. */
  archive?: ArchiveStatus;
}

export interface ArchiveStatus {
  /** user@host:port/database, never the password. */
  where: string;
  state: 'connected' | 'unavailable' | 'refused';
  /** Why it is unavailable or refused. */
  message?: string;
}

/** Server → client notification after every check of a draft: the claims summary for the status bar. */
export const CLAIMS_NOTIFICATION = 'sourced/claims';
export interface ClaimSummary {
  range: Range;
  verdict: Verdict;
  text: string;
  reason: string;
}
export interface ClaimsParams {
  uri: string;
  version?: number;
  total: number;
  sourced: number;
  flagged: number;
  /** The flagged (contradicted, misquoted, unsourced) claims, not ignored ones. */
  claims: ClaimSummary[];
  /** Every checked claim's range and verdict (gutter marks); ignored ones left out. */
  marks?: Array<{ range: Range; verdict: Verdict }>;
}

/** Client → server request: the fact-check report of an open draft as one HTML page for a webview. */
export const REPORT_REQUEST = 'sourced/factCheckReport';
export interface ReportParams {
  uri: string;
  /** Nonce of the page's one style element (the webview's Content-Security-Policy allows only it). */
  nonce: string;
}
export type ReportResult = { html: string; version: number } | null;
/** The client command the report's source links run: arguments `[{ uri, line }]` (0-based line). */
export const OPEN_SOURCE_COMMAND = 'sourced.openSource';

/** Client → server request: the claim at a position with its evidence ("Show sources for this claim"). */
export const CLAIM_AT_REQUEST = 'sourced/claimAt';
export interface ClaimAtParams {
  uri: string;
  position: Position;
}
export type ClaimAtResult = (ClaimSummary & { sources: Evidence[] }) | null;

/**
 * Sources whose text was extracted (PDF, Word, web page, transcript) open as read-only views of that text:
 * with `virtualSources: true` in initializationOptions, the server links passages of such files to
 * `sourced-source:` URIs (path: the file's, with the page or time appended; query: the file's URI), and the
 * client shows them through a content provider that asks for the text with this request.
 */
export const SOURCE_VIEW_SCHEME = 'sourced-source';
export const SOURCE_TEXT_REQUEST = 'sourced/sourceText';
export interface SourceTextParams {
  /** A `sourced-source:` URI, or the source file's own URI. */
  uri: string;
}
export type SourceTextResult = { text: string; uri: string } | null;

/** workspace/executeCommand id that re-reads every corpus from disk. */
export const REINDEX_COMMAND = 'sourced.server.reindex';

/**
 * Default V8 heap cap of the server process (`sourced.server.maxMemoryMB`; for other editors,
 * NODE_OPTIONS=--max-old-space-size=…). Below 2,048 MB V8 also lets the heap grow less between
 * collections, which keeps a long session's RSS near its live memory; the 10,000-article corpus fits.
 */
export const DEFAULT_SERVER_MAX_MEMORY_MB = 1536;
