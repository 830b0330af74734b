// Indexing with the analysis done elsewhere (the host's worker threads): the index, and so every answer,
// is the same as when the service analyses each file itself; a failing analyser loses nothing.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { createSourcedService } from '../../server/src/service/index.ts';
import type { SourceAnalyser } from '../../server/src/service/api.ts';
import type { DocumentInput } from '../../server/src/service/types.ts';
import { analyseArticle } from '../../server/src/service/corpus/articleAnalysis.ts';
import { articleParts } from '../../server/src/service/corpus/articleTransfer.ts';
import { SentenceTerms } from '../../server/src/service/corpus/sentenceIndex.ts';
import { AnalysisPool } from '../../server/src/host/analysisPool.ts';

const STORIES = [
  'Minister Tony Blair said the economy grew by 3% in 2004. "We are on track," Blair said.\n',
  'Chancellor Gordon Brown said growth would reach 3.5%. Brown added that rates would stay low.\n',
  'The Bank of England held interest rates at 4.75% on Thursday, its governor Mervyn King said.\n',
  '---\ntitle: "Ferry halted"\n---\nThe Northgate ferry operator suspended all crossings on Thursday. "Safety first," chief executive Lena Markovic said.\n',
];
// Enough files for several batches, each story under several names, and one the analyser refuses.
const FILES: DocumentInput[] = Array.from({ length: 40 }, (_, i) => ({ uri: `file:///c/s${i}.md`, text: STORIES[i % STORIES.length] + `Story ${i}.\n` }));

async function exported(analyse?: SourceAnalyser): Promise<string> {
  const service = createSourcedService();
  await service.upsertSources(FILES, analyse && { analyse });
  const draft = { uri: 'file:///d.md', text: 'Tony Blair said the economy grew by 4% in 2004. Markovic said "safety first".\n' };
  const report = await service.checkDocument(draft);
  return [...service.exportIndex()].join('\n') + JSON.stringify(report.claims);
}

test('articles analysed elsewhere (as their parts, with search terms) index exactly as analysed here', async () => {
  const counter = new SentenceTerms();
  const elsewhere: SourceAnalyser = async (files) => structuredClone(files.map((f) => articleParts(analyseArticle(f), counter)));
  assert.equal(await exported(elsewhere), await exported());
});

test('a batch the analyser fails on, or answers wrongly, is analysed here; an error is kept per file', async () => {
  let calls = 0;
  const flaky: SourceAnalyser = async (files) => {
    calls++;
    if (calls === 1) throw new Error('worker gone');
    if (calls === 2) return [];
    return files.map((f) => articleParts(analyseArticle(f)));
  };
  assert.equal(await exported(flaky), await exported());
  const logs: string[] = [];
  const service = createSourcedService({ log: (m) => logs.push(m) });
  await service.upsertSources(FILES.slice(0, 3), { analyse: async (files) => files.map((f, i) => (i === 1 ? { error: 'no parse' } : articleParts(analyseArticle(f)))) });
  assert.equal(service.corpus.articleCount, 2);
  assert.match(logs.join('\n'), /could not index file:\/\/\/c\/s1\.md: no parse/);
});

const dist = path.resolve(__dirname, '..', '..', 'dist');
test('the worker pool (the bundled worker script) indexes as the service does', { skip: !existsSync(path.join(dist, 'analysisWorker.js')) && 'not built' }, async () => {
  const pool = AnalysisPool.forFiles(1_000, dist, 2);
  assert.ok(pool);
  try {
    assert.equal(await exported(pool.analyse), await exported());
  } finally {
    await pool.close();
  }
  assert.equal(AnalysisPool.forFiles(10, dist), undefined, 'a few files: analysed here');
});

test('a pool made for so many files ends its workers once it has answered for them; a later batch is analysed by the caller', { skip: !existsSync(path.join(dist, 'analysisWorker.js')) && 'not built' }, async () => {
  const files: DocumentInput[] = Array.from({ length: 200 }, (_, i) => ({ uri: `file:///p/s${i}.md`, text: STORIES[i % STORIES.length] + `Story ${i}.\n` }));
  const pool = AnalysisPool.forFiles(files.length, dist, 1);
  assert.ok(pool);
  try {
    const service = createSourcedService();
    await service.upsertSources(files, { analyse: pool.analyse });
    assert.equal(service.corpus.articleCount, files.length);
    assert.equal(pool.threads, 0, 'no worker left running');
    await assert.rejects(pool.analyse(files.slice(0, 1)), /no analysis worker/);
    await service.upsertSources([{ uri: 'file:///p/late.md', text: STORIES[0] }], { analyse: pool.analyse });
    assert.ok(service.corpus.article('file:///p/late.md'), 'analysed here instead');
  } finally {
    await pool.close();
  }
});
