// The facade of the pure analysis service: everything the LSP adapter and the CLI use goes through
// `SourcedService`. No fs, no LSP connection, no vscode here (enforced by eslint).

import type {
  CodeAction,
  CompletionItem,
  CompletionList,
  Diagnostic,
  DocumentLink,
  Hover,
  Location,
  Position,
  Range,
  WorkspaceSymbol,
} from 'vscode-languageserver-types';
import type {
  ArticleMeta,
  CancellationToken,
  Claim,
  DocumentInput,
  Entity,
  ExtractedSource,
  Mention,
  Quantity,
  Quote,
  Sentence,
} from './types.ts';
import type { ArticleParts } from './corpus/articleTransfer.ts';

export type Severity = 'error' | 'warning' | 'information' | 'hint' | 'off';

export type DiagnosticCode =
  | 'unsourced-claim'
  | 'contradicted-claim'
  | 'misquote'
  | 'misattributed-quote'
  | 'unknown-citation'
  | 'uncited-claim';

/** Settings for one draft (VS Code resource scope). */
export interface SourcedSettings {
  corpus: { paths: string[] };
  severity: Record<DiagnosticCode, Severity>;
  /** Maximum claims checked per draft (huge drafts are checked up to this many, with a notice). */
  maxClaims: number;
  /** A shared archive on PostgreSQL (`sourced.archive.url`, machine scope), used with the corpus folders. */
  archive?: { url: string };
}

export const defaultSettings: SourcedSettings = {
  corpus: { paths: ['sources', 'corpus'] },
  severity: {
    'unsourced-claim': 'warning',
    'contradicted-claim': 'error',
    misquote: 'error',
    'misattributed-quote': 'error',
    'unknown-citation': 'error',
    'uncited-claim': 'hint',
  },
  maxClaims: 5000,
};

/** A sentence of a corpus article, with what the indexer found in it. */
export interface SourceSentence extends Sentence {
  uri: string;
  /** Index within the article's sentence list. */
  index: number;
  line: number;
  quotes: Quote[];
  quantities: Quantity[];
  mentions: Mention[];
}

export interface Article {
  uri: string;
  /** Citation key: the file name without extension, made footnote-safe ("000_457fc4fb20ffefc9"). */
  key: string;
  meta: ArticleMeta;
  /** Title from metadata, else the headline line, else the first words. */
  title: string;
  text: string;
  /** Offset where the article body starts (after front matter). */
  bodyStart: number;
  sentences: SourceSentence[];
  /** Set when `text` was extracted from a PDF, Word document, web page or transcript. */
  extracted?: ExtractedSource;
}

export interface ScoredSentence {
  sentence: SourceSentence;
  score: number;
}

export interface QuoteHit {
  quote: Quote;
  sentence: SourceSentence;
  /** Entity the quote is attributed to, when resolved. */
  speaker?: Entity;
}

/** A quotation found by its words (`searchQuotes`): how well it matches (0 starts with the typed words,
 *  1 holds them, 2 holds every one of them) and in how many articles the sources carry the same words. */
export interface QuoteMatch extends QuoteHit {
  tier: number;
  articles: number;
  /** Its article's title and key, when the article itself is not held (an archive's quotation). */
  source?: Pick<Article, 'title' | 'key'>;
  /** Its speaker's name as the article writes it, when no entity of the corpus is at hand (an archive's
   *  quotation). */
  speakerName?: string;
}

/** Read access to the indexed corpus (for features: hover, completion, definition…). */
export interface CorpusView {
  readonly articleCount: number;
  readonly sentenceCount: number;
  articles(): Iterable<Article>;
  article(uri: string): Article | undefined;
  articleByKey(key: string): Article | undefined;
  entities(): readonly Entity[];
  entity(id: string): Entity | undefined;
  /** Exact lookup of a name or alias as written ("Biegun", "Kim Jong-un", "the Security Council"). */
  lookupEntity(name: string): Entity | undefined;
  /** Fuzzy lookup (fuse.js over names and aliases) for completion and symbol search; with `wordHead`
   *  (two case- and accent-folded letters) only among names with a word starting so. */
  searchEntities(query: string, limit: number, wordHead?: string): Entity[];
  /** BM25 search over all source sentences. */
  searchSentences(query: string, limit: number): ScoredSentence[];
  sentenceAt(uri: string, index: number): SourceSentence | undefined;
  quotesBy(entityId: string): QuoteHit[];
  /** The distinct quotations whose words match what a writer typed after an opening quote mark, best
   *  first (corpus/quoteSearch.ts), at most `limit`. */
  searchQuotes(typed: string, limit: number): QuoteMatch[];
}

export interface IndexProgress {
  done: number;
  total: number;
  message?: string;
}

export interface IndexOptions {
  token?: CancellationToken;
  onProgress?: (p: IndexProgress) => void;
  /** Analyses the files elsewhere (the host's worker threads) while the index takes them in; without
   *  it they are analysed here, one at a time. */
  analyse?: SourceAnalyser;
}

/** Analyses source files (as `analyseArticle` does): one answer per file, in order, the article's parts
 *  (see corpus/articleTransfer.ts) or why it could not be analysed. A rejected promise has the files
 *  analysed in the service's own thread instead. */
export type SourceAnalyser = (files: DocumentInput[]) => Promise<Array<ArticleParts | { error: string }>>;

/** The result of checking a draft. */
export interface DraftReport {
  uri: string;
  version?: number;
  claims: Claim[];
  diagnostics: Diagnostic[];
  /** Spans the writer marked as own analysis (`<!-- sourced-ignore: reason -->`), with the reason given. */
  ignored?: IgnoredRegion[];
  /** The draft's prose blocks in order (paragraphs, headings, list items, quotes, table cells). */
  blocks?: DraftBlock[];
  /** A report sent while the check runs (see `CheckProgress`): the claims before `checkedTo` (a draft
   *  offset) are judged, the others not yet; the diagnostics that need no judgement are all there. */
  partial?: { checkedTo: number };
}

/** What a long check reports before it ends: the diagnostics of a long draft's first claims come while
 *  its last are still judged. */
export interface CheckProgress {
  /** How long a check runs before it reports what it has (milliseconds; 0: after its first claim). */
  partialAfterMs: number;
  /** Then how often it reports again while more claims are judged (absent: once; with an archive, its
   *  first claims are read and reported first, the rest at the end). Each report holds every claim the
   *  one before held, and more. */
  partialEveryMs?: number;
  onPartial(report: DraftReport): void;
}

export interface IgnoredRegion {
  range: Range;
  start: number;
  end: number;
  text: string;
  reason?: string;
}

export interface DraftBlock {
  kind: 'paragraph' | 'heading' | 'listItem' | 'blockquote' | 'tableCell';
  range: Range;
  start: number;
  end: number;
}

export interface CompletionOptions {
  /** The editor asks for each item's documentation when it shows it (LSP completionItem/resolve): name
   *  cards, which read a person's quotes across the corpus, are then built for one item, not twenty. */
  resolveDocumentation?: boolean;
}

export interface SourcedService {
  readonly corpus: CorpusView;

  /** Adds or replaces corpus articles. Work is chunked and yields to the event loop between files. */
  upsertSources(files: DocumentInput[], options?: IndexOptions): Promise<void>;
  removeSources(uris: string[]): Promise<void>;
  /** Serialises the index (for a cache file) as JSON lines, produced one at a time so a large corpus
   *  never needs one giant string; `importIndex` restores it without re-parsing the sources (lines, or
   *  the whole text joined by newlines), false if it is not a whole index of this version. */
  exportIndex(): Iterable<string>;
  /** Resolves when what is derived from the whole corpus after indexing (near-duplicate groups) is up to
   *  date; `exportIndex` then saves it too, so a reload need not derive it again. With an archive, also
   *  when the read-aheads of drafts' names under way have ended. */
  settled(): Promise<void>;
  importIndex(lines: string | Iterable<string> | AsyncIterable<string>): Promise<boolean>;

  /** Checks a draft. With `progress`, a check still running after `partialAfterMs` reports what it has
   *  judged so far (`partial` set), and again every `partialEveryMs`, before it goes on to the end. */
  checkDocument(doc: DocumentInput, settings?: SourcedSettings, token?: CancellationToken, progress?: CheckProgress): Promise<DraftReport>;
  getDiagnostics(doc: DocumentInput, settings?: SourcedSettings, token?: CancellationToken): Promise<Diagnostic[]>;
  getHover(doc: DocumentInput, position: Position, token?: CancellationToken): Promise<Hover | undefined>;
  /** Reads ahead what hovering the draft's names needs (a shared archive: each name's articles and card;
   *  a check does it in the background); resolves with how many names it resolved. */
  readAhead(doc: DocumentInput, token?: CancellationToken): Promise<number>;
  /** With a shared archive: whether a sync changed it since it was last read (what was fetched from it
   *  is dropped, and the service's `onArchiveChanged` told, as when a request finds it); false without
   *  an archive, or while it cannot be asked. Editors ask now and then while no request does. */
  archiveChanged(token?: CancellationToken): Promise<boolean>;
  getCompletions(doc: DocumentInput, position: Position, token?: CancellationToken, options?: CompletionOptions): Promise<CompletionList>;
  /** Fills in what `getCompletions` left for later (`resolveDocumentation`): a name's card. */
  resolveCompletion(item: CompletionItem, token?: CancellationToken): Promise<CompletionItem>;
  getCodeActions(
    doc: DocumentInput,
    range: Range,
    diagnostics: Diagnostic[],
    only?: string[],
    token?: CancellationToken,
  ): Promise<CodeAction[]>;
  getDefinition(doc: DocumentInput, position: Position, token?: CancellationToken): Promise<Location[]>;
  getReferences(doc: DocumentInput, position: Position, token?: CancellationToken): Promise<Location[]>;
  getWorkspaceSymbols(query: string, token?: CancellationToken): Promise<WorkspaceSymbol[]>;
  getDocumentLinks(doc: DocumentInput, token?: CancellationToken): Promise<DocumentLink[]>;
}
