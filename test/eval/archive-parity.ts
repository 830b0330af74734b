// Parity of the archive with the embedded index: each BBC dev claim is checked as a one-sentence draft
// against the embedded index of ../shared/datasets/bbc-news/articles and against an archive synced from
// the same folder (`sourced archive sync --archive URL …/articles`); prints the share of identical verdicts
// (and of identical claim lists) and each difference.
//
//   node --import tsx test/eval/archive-parity.ts --archive postgresql://…/bbc [--verbose]

import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readCorpusDir } from './corpusDir.ts';
import { createSourcedService } from '../../server/src/service/index.ts';
import type { DraftReport } from '../../server/src/service/api.ts';
import { PgArchive } from '../../server/src/host/archive/pgArchive.ts';

const shared = resolve(__dirname, '../../../shared');
const corpusDir = join(shared, 'datasets/bbc-news/articles');
const claimsFile = join(shared, 'eval/bbc-dev-claims.jsonl');

const verdictOf = (r: DraftReport) => (r.claims.length === 0 ? 'no-claim' : (r.claims.find((c) => c.verdict !== 'supported')?.verdict ?? 'supported'));
const claimsOf = (r: DraftReport) => r.claims.map((c) => `${c.start}-${c.end}:${c.verdict}:${c.sources[0]?.uri ?? ''}`).join(' ');

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const url = argv[argv.indexOf('--archive') + 1];
  if (!argv.includes('--archive') || !url) throw new Error('usage: archive-parity.ts --archive URL [--verbose]');
  const verbose = argv.includes('--verbose');
  const items = readFileSync(claimsFile, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { id: string; text: string });

  const embedded = createSourcedService();
  await embedded.upsertSources(readCorpusDir(corpusDir));
  const archive = await PgArchive.open(url);
  const archived = createSourcedService({ archive });

  let sameVerdict = 0;
  let sameClaims = 0;
  let archiveMs = 0;
  for (const item of items) {
    const doc = { uri: `untitled:${item.id}.md`, text: item.text };
    const a = await embedded.checkDocument(doc);
    const t0 = performance.now();
    const b = await archived.checkDocument(doc);
    archiveMs += performance.now() - t0;
    if (verdictOf(a) === verdictOf(b)) sameVerdict++;
    else if (verbose) console.log(`  ≠ ${item.id}: embedded ${verdictOf(a)}, archive ${verdictOf(b)}: ${item.text.slice(0, 100)}`);
    if (claimsOf(a) === claimsOf(b)) sameClaims++;
    else if (verbose) console.log(`  ~ ${item.id} claims differ:\n      ${claimsOf(a)}\n      ${claimsOf(b)}`);
  }
  await archive.close();
  const pct = (n: number) => ((100 * n) / items.length).toFixed(1);
  console.log(`bbc-dev archive parity: ${sameVerdict}/${items.length} identical verdicts (${pct(sameVerdict)} %), ${sameClaims} identical claim lists (${pct(sameClaims)} %)`);
  console.log(`archive check: ${(archiveMs / items.length).toFixed(1)} ms per claim on average (cold working set, one draft after another)`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 2;
});
