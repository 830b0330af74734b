// What every feature gets: the corpus, cached draft analyses and cached check results.

import type { DraftReport, SourcedSettings } from './api.ts';
import type { CancellationToken, DocumentInput } from './types.ts';
import type { CorpusIndex } from './corpus/corpusIndex.ts';
import type { DraftAnalysis } from './check/draft.ts';

export interface FeatureContext {
  readonly corpus: CorpusIndex;
  /** Parsed draft (cached per uri + version/text). */
  analyse(doc: DocumentInput): DraftAnalysis;
  /** Claims and diagnostics of a draft (cached; re-checks only sentences that changed). */
  check(doc: DocumentInput, settings: SourcedSettings, token?: CancellationToken): Promise<DraftReport>;
  /** Last check result for a uri, if any (hover on a flagged claim, code actions). */
  lastReport(uri: string): DraftReport | undefined;
  log(message: string): void;
}
