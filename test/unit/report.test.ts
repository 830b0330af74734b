// The fact-check report, SARIF output, near-duplicate grouping (independent sources) and sourced-ignore
// reasons: through the service facade on an invented corpus, and through the `sourced` command line.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { createSourcedService } from '../../server/src/service/index.ts';
import { parseMarkdown } from '../../server/src/service/text/markdown.ts';
import { DuplicateIndex, containment, sketch, independenceText } from '../../server/src/service/corpus/duplicates.ts';
import type { Article } from '../../server/src/service/api.ts';
import type { Log, Result } from 'sarif';

const repo = path.resolve(__dirname, '..', '..');
const tmp = mkdtempSync(path.join(tmpdir(), 'sourced-report-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

// An invented wire story, a lightly edited reprint, a machine-"spun" copy (words swapped for synonyms)
// and an independent report of the same event.
const wire = `---
title: "Ferry operator halts crossings after engine fire"
outlet: "Harbour Wire"
---
The Northgate ferry operator suspended all crossings on Thursday after a fire broke out in the engine room of its largest vessel, the Saltmarsh Star.
All 212 passengers were evacuated without injury, the coastguard said in a statement.
Chief executive Lena Markovic said the company would inspect every ship in its fleet before services resumed.
The fire started shortly after the ferry left the port of Eastwick at 7.40am, according to the operator.
Engineers contained the blaze within forty minutes, and the vessel was towed back to harbour.
Passenger groups called for an independent inquiry into maintenance standards at the company.
The operator said it expected to restore a reduced timetable by Monday.
`;
const reprint = wire
  .replace('Harbour Wire', 'Coastal Daily')
  .replace('The operator said it expected to restore a reduced timetable by Monday.', 'Services are expected to restart on Monday, the operator said.');
const spun = `---
title: "Ferry firm stops crossings following engine blaze"
outlet: "Content Mill"
---
The Northgate ferry operator suspended all crossings on Thursday after a blaze broke out in the engine room of its biggest vessel, the Saltmarsh Star.
All 212 passengers were evacuated without harm, the coastguard stated in a statement.
Chief executive Lena Markovic stated the business would examine every ship in its fleet before services resumed.
The fire started soon after the ferry left the port of Eastwick at 7.40am, according to the operator.
Engineers contained the fire within forty minutes, and the vessel was towed back to harbour.
Passenger groups called for an independent query into upkeep standards at the firm.
The operator said it anticipated to bring back a reduced schedule by Monday.
`;
const independent = `---
title: "Coastguard praises crew after ferry blaze"
outlet: "Eastwick Evening Post"
---
Coastguard officers praised the crew of the Saltmarsh Star for a calm evacuation on Thursday.
All 212 passengers were evacuated without injury after fire broke out in the engine room, the coastguard confirmed.
Local councillors said the town depended on the crossing for trade and tourism.
`;
const unrelated = `---
title: "Library extends opening hours"
outlet: "Eastwick Evening Post"
---
The town library will open until 9pm on weekdays from next month, the council announced.
Librarian Omar Haddad said evening sessions for students had been requested for years.
`;

const corpusDir = path.join(tmp, 'sources');
mkdirSync(corpusDir);
const files: Record<string, string> = { 'wire.md': wire, 'reprint.md': reprint, 'spun.md': spun, 'independent.md': independent, 'library.md': unrelated };
for (const [name, text] of Object.entries(files)) writeFileSync(path.join(corpusDir, name), text);

const draftText = `# Ferry fire

All 212 passengers were evacuated without injury, the coastguard said.[^wire] Engineers contained the blaze within ninety minutes.

Chief executive Lena Markovic said "every ship will be scrapped".

<!-- sourced-ignore: my reading of the operator's record -->
The company has been careless with safety for years.

<!-- sourced-ignore -->
Nobody will trust these ferries again.

[^wire]: Harbour Wire, sources/wire.md
`;
const draft = path.join(tmp, 'draft.md');
writeFileSync(draft, draftText);

const uriOf = (name: string) => pathToFileURL(path.join(corpusDir, name)).href;
const docs = Object.entries(files).map(([name, text]) => ({ uri: uriOf(name), text }));
const draftDoc = { uri: pathToFileURL(draft).href, text: draftText, version: 1 };

const cacheHome = path.join(tmp, 'cache');
function sourced(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', path.join(repo, 'server/src/cli/main.ts'), ...args],
      { cwd: repo, env: { ...process.env, XDG_CACHE_HOME: cacheHome }, maxBuffer: 16 * 1024 * 1024 },
      (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr }),
    );
  });
}
// Spawned at load time, together, so the file's wall time is about one process start.
const runs = {
  json: sourced(['check', '--corpus', corpusDir, '--format', 'json', '--no-cache', draft]),
  sarif: sourced(['check', '--corpus', corpusDir, '--format', 'sarif', '--no-cache', draft]),
  sarifExample: sourced(['check', '--format', 'sarif', 'examples/draft.md']),
  reportJson: sourced(['report', '--corpus', corpusDir, '--format', 'json', '--no-cache', draft]),
  reportMd: sourced(['report', '--corpus', corpusDir, '--format', 'md', '--no-cache', draft]),
  reportHtml: sourced(['report', '--corpus', corpusDir, '--no-cache', '-o', path.join(tmp, 'out.html'), draft]),
  reportTwoNoOutput: sourced(['report', '--corpus', corpusDir, '--no-cache', draft, draft]),
  reportDir: sourced(['report', '--corpus', corpusDir, '--format', 'md', '--no-cache', '-o', path.join(tmp, 'pages') + '/', draft]),
};

function article(uri: string, text: string): Article {
  return { uri, key: uri, meta: {}, title: uri, text, bodyStart: 0, sentences: [] };
}

// ------------------------------------------------------------------------------------------------
// Near duplicates

test('near duplicates: a reprint and a spun copy are grouped with the wire story; other stories are not', () => {
  const idx = new DuplicateIndex();
  const arts = Object.entries(files).map(([name, text]) => article(name, text));
  const { byUri } = idx.grouping(arts, 1);
  const group = (n: string) => byUri.get(n)?.id;
  assert.equal(group('reprint.md'), group('wire.md'));
  assert.equal(group('spun.md'), group('wire.md'));
  assert.notEqual(group('independent.md'), group('wire.md'), 'a report sharing one sentence is another source');
  assert.notEqual(group('library.md'), group('wire.md'));
  assert.equal(new Set(byUri.values()).size, 3);
});

test('near duplicates: containment finds a copy cut short; short texts are never grouped', () => {
  const long = wire + independent.split('---')[2] + unrelated.split('---')[2];
  assert.ok(containment(sketch(wire), sketch(long)) > 0.9);
  assert.equal(containment(sketch('Fire on the ferry.'), sketch('Fire on the ferry.')), 0, 'too short to tell');
  assert.ok(containment(sketch(wire), sketch(unrelated)) < 0.1);
});

test('near duplicates: regrouping after a change re-sketches only what changed and follows removals', () => {
  const idx = new DuplicateIndex();
  const arts = [article('a', wire), article('b', reprint), article('c', unrelated)];
  assert.equal(idx.grouping(arts, 1).list.length, 2);
  assert.equal(idx.grouping(arts, 1), idx.grouping(arts, 1), 'same key: cached');
  assert.equal(idx.grouping([arts[0], arts[2]], 2).list.length, 2);
  assert.equal(idx.grouping([arts[0], arts[2], article('b', unrelated + wire)], 3).list.length, 2, 'b changed: now a copy of a');
});

test('independence wording', () => {
  assert.equal(independenceText(2, 3), '2 independent sources (3 articles)');
  assert.equal(independenceText(1, 3), '1 independent source (3 articles)');
  assert.equal(independenceText(1, 1), '1 source');
  assert.equal(independenceText(2, 2), '2 independent sources');
});

test('a claim backed by copies of one story counts them once: claim, diagnostic message and related information', async () => {
  const service = createSourcedService();
  await service.upsertSources(docs);
  const doc = { uri: 'file:///tmp/uncited.md', text: 'All 212 passengers were evacuated without injury after the engine room fire, the coastguard said.\n' };
  const report = await service.checkDocument(doc);
  const claim = report.claims[0];
  assert.equal(claim.verdict, 'supported');
  assert.ok(claim.backing && claim.backing.length >= 3, JSON.stringify(claim.backing));
  // wire, reprint and spun are one story; the coastguard report is another.
  assert.deepEqual(claim.independence, { sources: 2, articles: claim.backing.length });
  const d = report.diagnostics.find((x) => x.code === 'uncited-claim');
  assert.ok(d, 'uncited-claim hint');
  assert.match(String(d.message), /\(2 independent sources \(\d articles\)\)/);
  assert.match(d.relatedInformation?.[0].message ?? '', /2 independent sources/);
});

test('near duplicates: a saved index carries the groups, and its reload counts copies once', async () => {
  const service = createSourcedService();
  await service.upsertSources(docs);
  await service.settled();
  const lines = [...service.exportIndex()];
  const saved = lines.find((l) => l.startsWith('{"g":'));
  assert.ok(saved, 'a line of groups');
  assert.equal((JSON.parse(saved) as { g: number[][] }).g.length, 1, 'one group of several articles: wire, reprint, spun');
  const copy = createSourcedService();
  assert.equal(await copy.importIndex(lines), true);
  const doc = { uri: 'file:///tmp/uncited.md', text: 'All 212 passengers were evacuated without injury after the engine room fire, the coastguard said.\n' };
  const [before, after] = [await service.checkDocument(doc), await copy.checkDocument(doc)];
  assert.deepEqual(after.claims[0].independence, before.claims[0].independence);
  assert.deepEqual(after.claims[0].independence, { sources: 2, articles: after.claims[0].backing?.length });
  // A group naming an article the index lacks is a damaged index.
  const bad = lines.map((l) => (l === saved ? '{"g":[[0,999]]}' : l));
  assert.equal(await createSourcedService().importIndex(bad), false);
});

// ------------------------------------------------------------------------------------------------
// sourced-ignore reasons

test('sourced-ignore reasons: next block, inline, start/end, and none given', () => {
  const md =
    'Fact.\n\n<!-- sourced-ignore: my reading -->\nMine.\n\nA fact. <!-- sourced-ignore:  a  guess --> I suspect more.\n\n' +
    '<!-- sourced-ignore-start: column voice -->\nOpinion one.\n\nOpinion two.\n<!-- sourced-ignore-end -->\n\n<!-- sourced-ignore -->\nBare.\n';
  const r = parseMarkdown(md);
  const got = r.ignored.map((s) => [md.slice(s.start, s.end).replace(/\s+/g, ' '), s.reason]);
  assert.deepEqual(got, [
    ['Mine.', 'my reading'],
    ['I suspect more.', 'a guess'],
    ['Opinion one. Opinion two.', 'column voice'],
    ['Bare.', undefined],
  ]);
});

test('the report lists ignored spans with their reasons', async () => {
  const service = createSourcedService();
  await service.upsertSources(docs);
  const report = await service.checkDocument(draftDoc);
  assert.deepEqual(
    report.ignored?.map((g) => [g.text, g.reason]),
    [
      ['The company has been careless with safety for years.', "my reading of the operator's record"],
      ['Nobody will trust these ferries again.', undefined],
    ],
  );
  assert.ok(report.blocks && report.blocks.length >= 4);
});

// ------------------------------------------------------------------------------------------------
// SARIF

const schema = JSON.parse(readFileSync(path.join(__dirname, 'fixtures', 'sarif-schema-2.1.0.json'), 'utf8')) as object;
function validateSarif(log: unknown): void {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
}

test('check --format sarif: valid SARIF 2.1.0, one result per diagnostic with rule, level, region and related locations', async () => {
  const [json, sarif] = await Promise.all([runs.json, runs.sarif]);
  assert.equal(sarif.code, json.code, sarif.stderr);
  assert.equal(sarif.code, 1);
  const log = JSON.parse(sarif.stdout) as Log;
  validateSarif(log);
  assert.equal(log.version, '2.1.0');
  const run = log.runs[0];
  const ruleIds = (run.tool.driver.rules ?? []).map((r) => r.id);
  const results = run.results ?? [];
  const diagnostics = JSON.parse(json.stdout).files[0].diagnostics as Array<{ code: string; severity: string; range: { start: { line: number; character: number } }; sources: unknown[] }>;
  assert.equal(results.length, diagnostics.length);
  const levels: Record<string, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };
  results.forEach((r: Result, i: number) => {
    const d = diagnostics[i];
    assert.equal(r.ruleId, d.code);
    assert.equal(ruleIds[r.ruleIndex ?? -1], d.code);
    assert.equal(r.level, levels[d.severity]);
    const loc = r.locations?.[0].physicalLocation;
    assert.match(loc?.artifactLocation?.uri ?? '', /^file:\/\/\/.*draft\.md$/, 'a draft outside the working folder: absolute URI');
    assert.equal(loc?.region?.startLine, d.range.start.line + 1);
    assert.equal(loc?.region?.startColumn, d.range.start.character + 1);
    assert.equal(r.relatedLocations?.length ?? 0, d.sources.length);
  });
  const contradicted = results.find((r) => r.ruleId === 'contradicted-claim');
  assert.ok(contradicted, 'the changed figure is contradicted');
  const related = contradicted.relatedLocations?.[0].physicalLocation;
  assert.match(related?.artifactLocation?.uri ?? '', /\.md$/);
  assert.ok((related?.region?.startLine ?? 0) >= 1);
});

test('check --format sarif on the example draft is valid too', async () => {
  const r = await runs.sarifExample;
  assert.equal(r.code, 1, r.stderr);
  const log = JSON.parse(r.stdout) as Log;
  validateSarif(log);
  assert.ok((log.runs[0].results ?? []).length > 0);
  // The example draft is inside the working folder: relative to SRCROOT, as code scanning expects.
  assert.equal(log.runs[0].results?.[0].locations?.[0].physicalLocation?.artifactLocation?.uriBaseId, 'SRCROOT');
  assert.equal(log.runs[0].results?.[0].locations?.[0].physicalLocation?.artifactLocation?.uri, 'examples/draft.md');
});

// ------------------------------------------------------------------------------------------------
// sourced report

test('report --format json extends the check contract: same fields, added ones', async () => {
  const [check, rep] = await Promise.all([runs.json, runs.reportJson]);
  assert.equal(rep.code, check.code, rep.stderr);
  const a = JSON.parse(check.stdout);
  const b = JSON.parse(rep.stdout);
  assert.equal(b.version, a.version);
  assert.deepEqual(b.corpus, a.corpus);
  const fa = a.files[0];
  const fb = b.files[0];
  assert.equal(fb.path, fa.path);
  assert.deepEqual(fb.diagnostics, fa.diagnostics);
  fa.claims.forEach((c: Record<string, unknown>, i: number) => {
    for (const [k, v] of Object.entries(c)) assert.deepEqual(fb.claims[i][k], v, `claims[${i}].${k}`);
    assert.equal(typeof fb.claims[i].reason, 'string');
    assert.equal(typeof fb.claims[i].paragraph, 'number');
  });
  assert.equal(fb.summary.claims, fb.claims.length);
  assert.equal(fb.summary.contradicted + fb.summary.misquoted + fb.summary.unsourced + fb.summary.supported, fb.summary.checked);
  assert.ok(fb.summary.contradicted >= 1 && fb.summary.misquoted >= 1);
  assert.deepEqual(
    fb.ignored.map((g: { reason: string | null }) => g.reason),
    ["my reading of the operator's record", null],
  );
  assert.ok(fb.paragraphs.some((p: { status: string }) => p.status === 'own'));
  const supported = fb.claims.find((c: { verdict: string }) => c.verdict === 'supported');
  assert.ok(supported?.independence?.articles >= supported?.independence?.sources);
});

test('report --format md: summary, flagged claims with sources, own analysis with reasons', async () => {
  const r = await runs.reportMd;
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stdout, /^## Fact-check: Ferry fire/m);
  assert.match(r.stdout, /claims checked · \d+% sourced/);
  assert.match(r.stdout, /Coverage by paragraph: `[■◩✗?○□]+`/);
  assert.match(r.stdout, /✗ Contradicted\*\* \(line 3\)/);
  assert.match(r.stdout, /`sources\/wire\.md:\d+`|wire\.md:\d+/);
  assert.match(r.stdout, /reason: my reading of the operator's record/);
  assert.match(r.stdout, /\*\*no reason given\*\*/);
});

test('report --format html: one self-contained page (no scripts, nothing remote) with every claim, verdict and linked source', async () => {
  const r = await runs.reportHtml;
  assert.equal(r.code, 1, r.stderr);
  assert.equal(r.stdout, '');
  const html = readFileSync(path.join(tmp, 'out.html'), 'utf8');
  assert.match(html, /^<!doctype html>/);
  assert.doesNotMatch(html, /<script|<link|@import|url\(http|src="http/i);
  assert.match(html, /Content-Security-Policy" content="default-src &#39;none&#39;/);
  const json = JSON.parse((await runs.reportJson).stdout).files[0];
  for (let n = 1; n <= json.claims.length; n++) {
    assert.match(html, new RegExp(`id="m${n}"`), `claim ${n} marked in the text`);
    assert.match(html, new RegExp(`id="c${n}"`), `claim ${n} has a note`);
  }
  // Links to the sources are relative to the page and name the line.
  assert.match(html, /href="sources\/wire\.md"[^>]*>[^<]*<\/a> <span class="loc">[^<]*, line \d+/);
  assert.match(html, /Reason: my reading of the operator&#39;s record/);
  assert.match(html, /No reason given/);
  assert.match(html, /class="cell ps-/);
  assert.match(html, /@media print/);
});

test('report: several drafts need -o FOLDER for HTML; with a folder each draft gets its page', async () => {
  const two = await runs.reportTwoNoOutput;
  assert.equal(two.code, 2);
  assert.match(two.stderr, /give -o FOLDER/);
  const dir = await runs.reportDir;
  assert.equal(dir.code, 1, dir.stderr);
  assert.ok(existsSync(path.join(tmp, 'pages', 'draft.report.md')));
});
