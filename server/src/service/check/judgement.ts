// A verdict on one draft sentence before it is placed in the draft: what the checker's parts return.

import type { SourceSentence } from '../api.ts';
import type { Verdict } from '../types.ts';

/** The verdict without draft positions (cacheable across edits that move the sentence). */
export interface Judgement {
  verdict: Verdict;
  reason: string;
  entities: string[];
  sources: Array<{ sentence: SourceSentence; score: number }>;
  /** Offsets relative to the sentence start. */
  conflict?: { start: number; end: number; draft: string; source: string };
  quote?: { start: number; end: number; draft: string; nearest?: string; nearestSentence?: SourceSentence };
  /** Supported claims: every article with a passage that supports the claim (report: independent sources). */
  backing?: string[];
  /** A misattributed quotation: the speaker as the draft writes it and the sources' speaker (none when
   *  the source writes a pronoun for someone it names before the words, and not the draft's speaker). */
  attribution?: { start: number; end: number; draft: string; source?: string; speaker?: string };
}

/** A score as reported: two decimals. */
export function round(x: number): number {
  return Math.round(x * 100) / 100;
}
