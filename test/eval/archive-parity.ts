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
import type { DraftReport, SourcedService } from '../../server/src/service/api.ts';
import type { Hover } from 'vscode-languageserver-types';
import { PgArchive } from '../../server/src/host/archive/pgArchive.ts';
import type { ArchiveCorpus } from '../../server/src/service/archive/archiveCorpus.ts';

const shared = resolve(__dirname, '../../../shared');
const corpusDir = join(shared, 'datasets/bbc-news/articles');
const claimsFile = join(shared, 'eval/bbc-dev-claims.jsonl');

const verdictOf = (r: DraftReport) => (r.claims.length === 0 ? 'no-claim' : (r.claims.find((c) => c.verdict !== 'supported')?.verdict ?? 'supported'));
const claimsOf = (r: DraftReport) => r.claims.map((c) => `${c.start}-${c.end}:${c.verdict}:${c.sources[0]?.uri ?? ''}`).join(' ');

/** The title line of an entity card and its "Mentioned in N articles (M times)". */
const cardText = (h: Hover | undefined) => (h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '');
const cardOf = (value: string) => `${value.split('\n')[0]} | ${/Mentioned in [^·]*/.exec(value)?.[0]?.trim() ?? ''}`;

/** Hover cards of people, the embedded index's and the archive's: the most mentioned, then a spread of
 *  the rest (chosen by rank, not by name), each hovered in a one-line draft naming them. */
async function hoverParity(embedded: SourcedService, archived: SourcedService, verbose: boolean): Promise<{ people: number; same: number; whole: number }> {
  const persons = embedded.corpus.entities().filter((e) => e.kind === 'person');
  const sample = persons.filter((_, i) => i < 20 || i % 20 === 0).slice(0, 40);
  let same = 0;
  let whole = 0;
  for (const [i, e] of sample.entries()) {
    const doc = { uri: `untitled:person-${i}.md`, text: `${e.name} spoke on Tuesday.\n` };
    const at = { line: 0, character: 1 };
    const [a, b] = [cardText(await embedded.getHover(doc, at)), cardText(await archived.getHover(doc, at))];
    if (a === b) whole++;
    if (cardOf(a) === cardOf(b)) same++;
    else if (verbose) console.log(`  ≠ hover ${e.name}:\n      ${cardOf(a)}\n      ${cardOf(b)}`);
    if (verbose && a !== b && cardOf(a) === cardOf(b)) console.log(`  ≠ card of ${e.name} (roles, quotes or links):\n${a}\n---\n${b}`);
  }
  return { people: sample.length, same, whole };
}

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
  // The same claims as one draft, against a fresh working set: the same claims, and what it holds then.
  const draft = { uri: 'untitled:bbc-dev.md', text: items.map((i) => i.text).join('\n\n') };
  const whole = createSourcedService({ archive });
  const [a, b] = [await embedded.checkDocument(draft), await whole.checkDocument(draft)];
  const held = (whole.corpus as ArchiveCorpus).held.counts;
  const cards = await hoverParity(embedded, createSourcedService({ archive }), verbose);
  await archive.close();
  const pct = (n: number) => ((100 * n) / items.length).toFixed(1);
  console.log(`bbc-dev archive parity: ${sameVerdict}/${items.length} identical verdicts (${pct(sameVerdict)} %), ${sameClaims} identical claim lists (${pct(sameClaims)} %)`);
  console.log(`archive check: ${(archiveMs / items.length).toFixed(1)} ms per claim on average (cold working set, one draft after another)`);
  console.log(`one ${items.length}-paragraph draft: ${b.claims.length} claims, ${claimsOf(a) === claimsOf(b) ? 'identical' : 'DIFFERENT'} claim lists`);
  const mb = (chars: number) => ((2 * chars) / 1e6).toFixed(1);
  console.log(`hover cards of ${cards.people} people (the 20 most mentioned, then every 20th): ${cards.same} identical titles and counts, ${cards.whole} identical whole cards (roles, key quotes, links)`);
  console.log(
    `working set after it: ${held.articles} whole articles, ${held.sentences} sentences (${held.looseSentences} of them loose), ${mb(held.chars)} MB of text, ` +
      `the name mentions of ${held.namesOnly} more articles (${held.mentions})`,
  );
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 2;
});
