// Source files analysed in order, either here (one at a time) or by an analyser elsewhere (worker threads
// in the host), a few batches ahead of the index that consumes them, so analysis and indexing overlap.

import type { Article, SourceAnalyser } from '../api.ts';
import type { DocumentInput } from '../types.ts';
import { analyseArticle } from './articleAnalysis.ts';
import { articleFromParts, termsFromParts, type ArticleTerms } from './articleTransfer.ts';

/** Files sent to the analyser at a time, and batches asked for ahead of the one being indexed. */
const BATCH = 16;
const AHEAD = 8;

export type Analysed = { file: DocumentInput; article: Article; terms?: ArticleTerms } | { file: DocumentInput; error: string };

function here(file: DocumentInput): Analysed {
  try {
    return { file, article: analyseArticle(file) };
  } catch (err) {
    return { file, error: err instanceof Error ? err.message : String(err) };
  }
}

/** One batch through the analyser; a batch the analyser fails on (a worker gone) is analysed here. */
async function batch(files: DocumentInput[], analyser: SourceAnalyser): Promise<Analysed[]> {
  let parts: Awaited<ReturnType<SourceAnalyser>>;
  try {
    parts = await analyser(files);
    if (parts.length !== files.length) throw new Error('the analyser answered for other files');
  } catch {
    return files.map(here);
  }
  return files.map((file, i): Analysed => {
    const p = parts[i];
    if ('error' in p) return { file, error: p.error };
    try {
      return { file, article: articleFromParts(p, file), terms: termsFromParts(p) };
    } catch {
      return here(file);
    }
  });
}

/** Each file with its article (or why it has none), in the order given. */
export async function* analysedInOrder(files: readonly DocumentInput[], analyser?: SourceAnalyser): AsyncGenerator<Analysed> {
  if (!analyser) {
    for (const file of files) yield here(file);
    return;
  }
  const pending: Array<Promise<Analysed[]>> = [];
  let next = 0;
  const fill = () => {
    while (pending.length < AHEAD && next < files.length) {
      pending.push(batch(files.slice(next, next + BATCH), analyser));
      next += BATCH;
    }
  };
  fill();
  while (pending.length) {
    const done = await pending.shift()!;
    fill();
    yield* done;
  }
}
