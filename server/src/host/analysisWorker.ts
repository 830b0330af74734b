// Worker thread entry (bundled as dist/analysisWorker.js): analyses batches of source files for the
// main thread's index (see analysisPool.ts). Pure analysis, no files: the main thread reads them.

import { parentPort } from 'node:worker_threads';
import type { DocumentInput } from '../service/types.ts';
import { analyseArticle } from '../service/corpus/articleAnalysis.ts';
import { articleParts } from '../service/corpus/articleTransfer.ts';
import { SentenceTerms } from '../service/corpus/sentenceIndex.ts';

const counter = new SentenceTerms();

export interface AnalysisRequest {
  id: number;
  files: DocumentInput[];
}

parentPort?.on('message', (req: AnalysisRequest) => {
  const out = req.files.map((file) => {
    try {
      return articleParts(analyseArticle(file), counter);
    } catch (err) {
      return { error: err instanceof Error ? err.message : String(err) };
    }
  });
  parentPort?.postMessage({ id: req.id, out });
});
