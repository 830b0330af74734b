// A worker thread of `sourced archive sync`: analyses a batch of source files (the embedded index's own
// analysis) and turns them into the archive's rows, so every core analyses while PostgreSQL writes.

import { parentPort } from 'node:worker_threads';
import { analyseArticle } from '../../service/corpus/articleAnalysis.ts';
import { batchRows, type ArticleToWrite } from './archiveWrite.ts';
import type { AnalyseRequest, AnalyseResponse } from './analysePool.ts';

parentPort?.on('message', (req: AnalyseRequest) => {
  const batch: ArticleToWrite[] = [];
  const failed: AnalyseResponse['failed'] = [];
  for (const f of req.files) {
    try {
      const article = analyseArticle(f.extracted ? { uri: f.uri, text: f.text, extracted: f.extracted } : { uri: f.uri, text: f.text });
      batch.push({ article, root: f.root, path: f.path, hash: f.hash, replaces: f.replaces });
    } catch (err) {
      failed.push({ path: f.file, message: err instanceof Error ? err.message : String(err) });
    }
  }
  const response: AnalyseResponse = { id: req.id, rows: batchRows(batch), meta: batch.map((b) => ({ replaces: b.replaces })), failed };
  parentPort?.postMessage(response);
});
