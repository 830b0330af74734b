// `npm run eval`: scores the checker on the labelled claim sets in ../shared/eval. Each claim is checked
// as a draft against its set's whole corpus; it is "flagged" when any claim found in it is not supported.
// Prints precision/recall/F1 of flags, macro-F1 over the flagged/unflagged classes, and how often a
// reported source contains the labelled evidence. `--json FILE` also writes the numbers.

import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readCorpusDir } from './corpusDir.ts';
import { createSourcedService } from '../../server/src/service/index.ts';
import { tuning, type TuningKey } from '../../server/src/service/check/tuning.ts';
import { repairMojibake } from '../../server/src/service/text/words.ts';

const root = resolve(__dirname, '..', '..');
const shared = resolve(root, '..', 'shared');

interface Item {
  id: string;
  label: string;
  text: string;
  evidence?: string | null;
  context?: string;
}

interface SetSpec {
  name: string;
  claims: string;
  corpus: string;
  /** WiCE sentences come from a Wikipedia paragraph; the paragraph before is the draft context. */
  withContext?: boolean;
}

const SETS: SetSpec[] = [
  { name: 'seed-dev', claims: join(shared, 'eval/dev-claims.jsonl'), corpus: join(root, 'corpus') },
  { name: 'cliff', claims: join(shared, 'eval/external/cliff/dev-claims.jsonl'), corpus: join(shared, 'eval/external/cliff/corpus') },
  { name: 'bbc-dev', claims: join(shared, 'eval/bbc-dev-claims.jsonl'), corpus: join(shared, 'datasets/bbc-news/articles') },
  { name: 'bbc-attr', claims: join(shared, 'eval/bbc-dev-attribution.jsonl'), corpus: join(shared, 'datasets/bbc-news/articles') },
  { name: 'wice', claims: join(shared, 'eval/external/wice/dev-claims.jsonl'), corpus: join(shared, 'eval/external/wice/corpus'), withContext: true },
];

// Sources' mis-decoded characters ("Â£") are shown repaired: the labelled evidence is compared as meant.
const fold = (s: string) => repairMojibake(s).replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/\s+/g, ' ').toLowerCase();

function f1(p: number, r: number): number {
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

/** One indexed service per corpus folder: sets that share a corpus (the BBC sets) index it once. */
const services = new Map<string, { service: ReturnType<typeof createSourcedService>; indexMs: number }>();

async function serviceFor(corpus: string) {
  let entry = services.get(corpus);
  if (!entry) {
    const service = createSourcedService();
    const t0 = performance.now();
    await service.upsertSources(readCorpusDir(corpus));
    entry = { service, indexMs: performance.now() - t0 };
    services.clear(); // keep one corpus in memory at a time
    services.set(corpus, entry);
  }
  return entry;
}

async function evaluate(spec: SetSpec, verbose: boolean) {
  const { service, indexMs } = await serviceFor(spec.corpus);
  const items: Item[] = readFileSync(spec.claims, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
  let tp = 0, fp = 0, fn = 0, tn = 0;
  let evidenceTotal = 0, evidenceHit = 0;
  const confusion = new Map<string, number>();
  const t1 = performance.now();
  for (const item of items) {
    const prefix = spec.withContext && item.context ? `${item.context.replace(/\n+/g, ' ')}\n\n` : '';
    const text = prefix + item.text;
    const report = await service.checkDocument({ uri: `untitled:${item.id}.md`, text });
    const claims = report.claims.filter((c) => c.end > prefix.length);
    const flagged = claims.some((c) => c.verdict !== 'supported');
    const verdict = claims.length === 0 ? 'no-claim' : (claims.find((c) => c.verdict !== 'supported')?.verdict ?? 'supported');
    const expectFlag = item.label !== 'supported' && item.label !== 'none';
    if (flagged && expectFlag) tp++;
    else if (flagged) fp++;
    else if (expectFlag) fn++;
    else tn++;
    const key = `${item.label} → ${verdict}`;
    confusion.set(key, (confusion.get(key) ?? 0) + 1);
    if (item.label === 'supported' && item.evidence) {
      evidenceTotal++;
      const ev = fold(item.evidence);
      if (claims.some((c) => c.sources.some((s) => fold(s.text).includes(ev)))) evidenceHit++;
      else if (verbose) console.log(`  ? ${item.id} evidence not among the sources: ${item.text.slice(0, 100)}`);
    }
    if (verbose && flagged !== expectFlag) {
      console.log(`  ✗ ${item.id} [${item.label} → ${verdict}] ${item.text.slice(0, 140)}`);
      for (const c of claims) console.log(`      ${c.verdict}: ${c.reason} ${c.sources[0] ? `| ${c.sources[0].score} ${c.sources[0].text.slice(0, 120)}` : ''}`);
    }
  }
  const checkMs = performance.now() - t1;
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const flagF1 = f1(precision, recall);
  const precisionU = tn + fn === 0 ? 0 : tn / (tn + fn);
  const recallU = tn + fp === 0 ? 0 : tn / (tn + fp);
  const macroF1 = (flagF1 + f1(precisionU, recallU)) / 2;
  // Balanced accuracy: the mean recall of the two classes, the figure published checkers report.
  const balancedAccuracy = (recall + recallU) / 2;
  return {
    set: spec.name,
    items: items.length,
    precision,
    recall,
    f1: flagF1,
    macroF1,
    balancedAccuracy,
    sourcesRight: evidenceTotal === 0 ? null : evidenceHit / evidenceTotal,
    evidenceItems: evidenceTotal,
    indexMs: Math.round(indexMs),
    checkMsPerClaim: Math.round((checkMs / items.length) * 10) / 10,
    confusion: Object.fromEntries([...confusion].sort()),
  };
}

async function main() {
const args = process.argv.slice(2);
const verbose = args.includes('--verbose') || args.includes('-v');
const only = args.find((a) => !a.startsWith('-') && (a === 'verbatim' || SETS.some((s) => s.name === a)));
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;
for (let i = 0; i < args.length; i++) {
  if (args[i] !== '--set') continue;
  const [key, value] = args[i + 1].split('=');
  if (!(key in tuning)) throw new Error(`unknown tuning key ${key}; known: ${Object.keys(tuning).join(', ')}`);
  tuning[key as TuningKey] = Number(value);
}
const results = [];
for (const spec of SETS) {
  if (only && spec.name !== only) continue;
  const r = await evaluate(spec, verbose);
  results.push(r);
  const pct = (x: number | null) => (x === null ? '  n/a' : x.toFixed(3));
  console.log(
    `${r.set.padEnd(9)} n=${String(r.items).padEnd(4)} P=${pct(r.precision)} R=${pct(r.recall)} F1=${pct(r.f1)} macro-F1=${pct(r.macroF1)} bal-acc=${pct(r.balancedAccuracy)} sources-right=${pct(r.sourcesRight)} (${r.evidenceItems}) index=${r.indexMs}ms check=${r.checkMsPerClaim}ms/claim`,
  );
  if (verbose) console.log(r.confusion);
}
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(results, null, 2));
// Names (issue 13): entity and role precision against hand labels, completion and hover at corpus scale.
if (!only) await (await import('./names-eval.ts')).namesEval({ corpus: join(shared, 'datasets/bbc-news/articles'), verbose });
// False flags on the corpus's own sentences (each checked as a claim against the corpus).
if (!only || only === 'verbatim') await (await import('./verbatim.ts')).verbatimEval({ corpus: join(shared, 'datasets/bbc-news/articles'), verbose });
}

void main();
