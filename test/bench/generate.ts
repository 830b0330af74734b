// Realistic large corpora for the benchmark: real BBC sentences recombined into new articles with
// renamed people and perturbed figures. Generated corpora are cached under .bench-cache/ and reused.

import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { composeDraft, draftSentencesFromTexts, type GeneratedDraft } from './draftCore.ts';
import { buildPool, composeArticle, type RawArticle, type SentencePool } from './generatorCore.ts';

// The package is CommonJS (no "type": "module"), so tsx provides __dirname rather than import.meta.
export const repoRoot = resolve(__dirname, '../..');
export const defaultBbcDir = resolve(repoRoot, '../shared/datasets/bbc-news/articles');
/** Bump when the output format changes, so stale caches are regenerated. */
const GENERATOR_VERSION = 3;
const MARKER = '.complete.json';

export function loadBbcArticles(dir = defaultBbcDir): RawArticle[] {
  const out: RawArticle[] = [];
  for (const category of readdirSync(dir).sort()) {
    const catDir = join(dir, category);
    let files: string[];
    try {
      files = readdirSync(catDir).filter((f) => f.endsWith('.txt')).sort();
    } catch {
      continue; // not a category folder
    }
    for (const f of files) out.push({ category, text: readFileSync(join(catDir, f), 'utf8') });
  }
  return out;
}

let bbcPool: SentencePool | undefined;
function pool(): SentencePool {
  bbcPool ??= buildPool(loadBbcArticles());
  return bbcPool;
}

export function corpusCacheDir(count: number, seed: number): string {
  return join(repoRoot, '.bench-cache', `corpus-${count}-${seed}`);
}

export interface GeneratedCorpus {
  dir: string;
  count: number;
  reused: boolean;
  ms: number;
}

/** Writes `count` articles into outDir (reusing a complete earlier run with the same parameters). */
export function generateCorpus(outDir: string, count: number, seed: number): GeneratedCorpus {
  const t0 = performance.now();
  const markerPath = join(outDir, MARKER);
  const expected = JSON.stringify({ count, seed, version: GENERATOR_VERSION });
  if (existsSync(markerPath) && readFileSync(markerPath, 'utf8') === expected) {
    return { dir: outDir, count, reused: true, ms: performance.now() - t0 };
  }
  rmSync(outDir, { recursive: true, force: true });
  const p = pool();
  const made = new Set<string>();
  for (const c of p.byCategory.keys()) {
    mkdirSync(join(outDir, c), { recursive: true });
    made.add(c);
  }
  const universes = Math.max(1, Math.ceil(count / 1000));
  for (let i = 0; i < count; i++) {
    const a = composeArticle(p, i, seed, { universes });
    writeFileSync(join(outDir, a.relPath), a.text);
  }
  writeFileSync(markerPath, expected);
  return { dir: outDir, count, reused: false, ms: performance.now() - t0 };
}

/** The cached corpus of this size and seed under .bench-cache/, generated on first use. */
export function cachedCorpus(count: number, seed: number): GeneratedCorpus {
  return generateCorpus(corpusCacheDir(count, seed), count, seed);
}

/**
 * A ~`words`-word Markdown draft. Pass sentences of the corpus under test (see draftSentencesFromTexts)
 * so verbatim sentences are really in it; by default it draws from the BBC articles.
 */
export function generateDraft(words: number, seed: number, sentences?: readonly string[]): GeneratedDraft {
  const pool = sentences ?? draftSentencesFromTexts(loadBbcArticles().map((a) => a.text), 5000);
  return composeDraft(pool, words, seed);
}

// `node --import tsx test/bench/generate.ts COUNT [SEED]` pre-generates a cached corpus.
if (require.main === module) {
  const count = Number(process.argv[2] ?? 10000);
  const seed = Number(process.argv[3] ?? 1);
  const r = cachedCorpus(count, seed);
  console.log(`${r.reused ? 'reused' : 'generated'} ${r.count} articles in ${r.dir} (${r.ms.toFixed(0)} ms)`);
}
