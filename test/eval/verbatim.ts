// Sentences of the corpus checked as claims against the corpus they come from: each is its own source,
// so every one should be supported. What is flagged is a false flag of a kind no labelled set may hold
// (a figure misread, a negation compared in the wrong clause, a quotation the search does not reach).

import { createSourcedService } from '../../server/src/service/index.ts';
import { readCorpusDir } from './corpusDir.ts';

/** Sentences checked: every n-th of the corpus (its first sentence, the headline, aside). */
const SAMPLE = 1000;

export async function verbatimEval(options: { corpus: string; verbose: boolean }): Promise<void> {
  const service = createSourcedService();
  await service.upsertSources(readCorpusDir(options.corpus));
  const sentences: string[] = [];
  for (const a of service.corpus.articles()) {
    for (const s of a.sentences) {
      // As a writer would paste it: one line, the file's mis-decoded pound signs as they read.
      if (s.index > 0 && s.text.length > 40 && s.text.length < 400) sentences.push(s.text.replace(/\s+/g, ' ').replace(/Â£/g, '£'));
    }
  }
  const step = Math.max(1, Math.floor(sentences.length / SAMPLE));
  const verdicts = new Map<string, number>();
  const flagged: string[] = [];
  for (let i = 0; i < sentences.length; i += step) {
    const report = await service.checkDocument({ uri: 'untitled:verbatim.md', text: sentences[i] });
    for (const c of report.claims) {
      verdicts.set(c.verdict, (verdicts.get(c.verdict) ?? 0) + 1);
      if (c.verdict !== 'supported') flagged.push(`${c.verdict}: ${c.reason} | ${c.text.slice(0, 160)}`);
    }
  }
  const total = [...verdicts.values()].reduce((a, b) => a + b, 0);
  console.log(`verbatim: ${total} corpus sentences checked as claims: ${verdicts.get('supported') ?? 0} supported, ${flagged.length} flagged ${JSON.stringify(Object.fromEntries(verdicts))}`);
  if (options.verbose) for (const f of flagged) console.log(`  ${f}`);
}
