// How fast each text analyser goes through hostile input (floods of quote marks, backticks, figures,
// initials): the unit tests only check that these finish; here each is timed beside ordinary prose of the
// same length, so a super-linear regression shows as a rate far below the prose rate.

import { findMentions } from '../../server/src/service/corpus/names.ts';
import { parseMarkdown } from '../../server/src/service/text/markdown.ts';
import { findQuantities } from '../../server/src/service/text/numbers.ts';
import { findQuotes } from '../../server/src/service/text/quotes.ts';
import { splitSentences } from '../../server/src/service/text/sentences.ts';
import { tokenize } from '../../server/src/service/text/words.ts';

export interface HostileResult {
  analyser: string;
  input: string;
  chars: number;
  ms: number;
  /** Millions of characters per second. */
  rate: number;
  /** The same analyser on ordinary prose of the same length. */
  proseRate: number;
}

const PROSE = 'The harbour board met on Monday, and Mayor Ana Reyes said: "We will publish the survey in March." ';

const ANALYSERS: Record<string, (text: string) => unknown> = {
  words: (t) => tokenize(t),
  sentences: (t) => splitSentences(t),
  figures: (t) => findQuantities(t),
  quotes: (t) => findQuotes(t),
  names: (t) => findMentions(t, splitSentences(t)),
  markdown: (t) => parseMarkdown(t),
};

const INPUTS: Record<string, string> = {
  "200,000 apostrophes": "'".repeat(200_000),
  '100,000 quote marks': '"'.repeat(100_000),
  '100,000 backticks': '`'.repeat(100_000),
  'figures only (200 KB)': '1,234 and $5m, 5% in 2017 on Dec. 5 for three days; '.repeat(4000),
  '50,000 "Mr. Smith"': 'Mr. Smith '.repeat(50_000),
  '200,000 "a."': 'a.'.repeat(200_000),
  '50,000 "[a]("': '[a]('.repeat(50_000),
  'one 500,000-letter word': 'x'.repeat(500_000),
};

function best(runs: number, f: () => unknown): number {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    min = Math.min(min, performance.now() - t0);
  }
  return min;
}

export function measureHostile(runs: number): HostileResult[] {
  const out: HostileResult[] = [];
  for (const [analyser, run] of Object.entries(ANALYSERS)) {
    for (const [input, text] of Object.entries(INPUTS)) {
      const prose = PROSE.repeat(Math.ceil(text.length / PROSE.length)).slice(0, text.length);
      const proseMs = best(runs, () => run(prose));
      const ms = best(runs, () => run(text));
      out.push({ analyser, input, chars: text.length, ms: Math.round(ms), rate: text.length / 1e3 / Math.max(ms, 0.01), proseRate: text.length / 1e3 / Math.max(proseMs, 0.01) });
    }
  }
  return out;
}

export function renderHostile(results: HostileResult[]): string {
  const rows = results.map(
    (r) => `| ${r.analyser} | ${r.input} | ${r.ms.toLocaleString('en')} ms | ${r.rate.toFixed(2)} M chars/s | ${r.proseRate.toFixed(2)} M chars/s |`,
  );
  return ['| analyser | hostile input | time (best run) | rate | rate on prose of that length |', '|---|---|---|---|---|', ...rows].join('\n');
}
