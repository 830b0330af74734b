// Shared data model of the pure analysis service. Offsets are UTF-16 code-unit offsets into the
// original text of a document (the same unit as JavaScript strings and LSP's default encoding).

import type { Range } from 'vscode-languageserver-types';

export interface Span {
  start: number;
  end: number;
}

/** A text the service analyses: a corpus article or a draft. */
export interface DocumentInput {
  uri: string;
  text: string;
  version?: number;
  /** For a source whose text was extracted from another format (a PDF, a Word document, a web page, a
   *  transcript): the format, and where each page or cue starts in `text`. */
  extracted?: ExtractedSource;
}

export type SourceFormat = 'html' | 'pdf' | 'docx' | 'vtt' | 'srt';

/** From `offset` in the extracted text on (until the next mark): this page, or a cue starting at this time. */
export interface SourceMark {
  offset: number;
  /** 1-based page (paged formats). */
  page?: number;
  /** Start time of the cue, "HH:MM:SS" (transcripts). */
  time?: string;
}

export interface ExtractedSource {
  format: SourceFormat;
  /** Sorted by offset. */
  marks?: SourceMark[];
}

/** Cooperative cancellation, structurally compatible with vscode / vscode-languageserver tokens. */
export interface CancellationToken {
  readonly isCancellationRequested: boolean;
}

export interface Sentence extends Span {
  /** The original text of [start, end). */
  text: string;
}

/** Words in quotation marks, with the speaker the sentence attributes them to. */
export interface Quote extends Span {
  /** Text between the quotation marks, verbatim. */
  text: string;
  /** Offsets of the inner text (without the marks). */
  innerStart: number;
  innerEnd: number;
  /** Speaker as written ("Biegun", "he", "the letter"), when the sentence names one. */
  speaker?: string;
}

export type QuantityKind = 'money' | 'percent' | 'number' | 'year' | 'date' | 'duration' | 'ordinal';

/** A normalised number, amount, date or duration found in text. */
export interface Quantity extends Span {
  kind: QuantityKind;
  /** Text as written. */
  text: string;
  /** Normalised value: amount in units (1.2e9 for "$1.2 billion"), a year, a count of `unit`s. */
  value: number;
  /** Currency code ("USD", "GBP", "EUR"), time unit ("day", "week", "month", "year"), or "%". */
  unit?: string;
  /** For dates: month 1-12 and day when given ("November 2017" → month 11, value 2017). */
  month?: number;
  day?: number;
  /** Qualifier written before the figure: "nearly", "more than", "about"… */
  approx?: 'about' | 'over' | 'under';
}

export type EntityKind = 'person' | 'organization' | 'place' | 'event';

/** One occurrence of a name in a text. */
export interface Mention extends Span {
  /** The surface text as written (possessive stripped: "Biegun's" → "Biegun"). */
  text: string;
  kind: EntityKind;
  /** Title/role words written before or in apposition to the name ("Vice Foreign Minister"). */
  role?: string;
  /** The kind is a default guess, with no title, suffix, gazetteer or context cue behind it. */
  weak?: boolean;
}

export interface ArticleMeta {
  title?: string;
  outlet?: string;
  author?: string;
  /** ISO date (YYYY-MM-DD) when known. */
  date?: string;
  dateline?: string;
  section?: string;
}

export interface SourceLocation {
  uri: string;
  /** Index of the sentence within its article. */
  sentence: number;
  start: number;
  end: number;
}

export interface EntityRole {
  text: string;
  source: SourceLocation;
}

export interface Entity {
  id: string;
  /** Canonical name: the longest full form seen ("Stephen Biegun", "Kim Jong Un"). */
  name: string;
  kind: EntityKind;
  aliases: string[];
  roles: EntityRole[];
  mentions: SourceLocation[];
  /** `mentions.length`, known without gathering the mentions. */
  mentionCount: number;
}

export type Verdict = 'supported' | 'contradicted' | 'misquoted' | 'unsourced';

export interface Evidence {
  uri: string;
  title: string;
  /** 0-based line of the sentence start in the source file. */
  line: number;
  range: Range;
  /** The source sentence, verbatim. */
  text: string;
  score: number;
}

export interface Claim {
  range: Range;
  start: number;
  end: number;
  text: string;
  verdict: Verdict;
  entities: string[];
  sources: Evidence[];
  /** Why the verdict was reached, in one sentence for a writer. */
  reason: string;
  /** For contradictions: what the draft says and what the source says ("$30 million" vs "$US300 million"). */
  conflict?: { draft: string; draftRange: Range; source: string };
  /** For misquotes: the quote in the draft and the nearest real quote. */
  quote?: { draft: string; draftRange: Range; nearest?: string };
  /** For a misattributed quotation: the speaker as the draft names them, the sources' speaker in the same
   *  form (the replacement) and in full; neither when the source writes a pronoun ("he added") for
   *  someone it names before the words, and names the draft's speaker only after them or not at all. */
  attribution?: { draft: string; draftRange: Range; source?: string; speaker?: string };
  /** Writer marked it as own analysis with <!-- sourced-ignore -->. */
  ignored?: boolean;
  /** Citation keys attached to the sentence. */
  citations: string[];
  /** Supported claims: every article (uri) with a passage supporting the claim. */
  backing?: string[];
  /** Supported claims: independent sources (near-duplicate articles count once) among `backing`. */
  independence?: { sources: number; articles: number };
}
