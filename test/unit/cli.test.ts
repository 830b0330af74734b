import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from '../../server/src/cli/args.ts';
import { entityTextLine, fileJson, hasFindings, summaryLine, textLines } from '../../server/src/cli/report.ts';

// Every case spawns `node --import tsx server/src/cli/main.ts …`; they start together at load time so the
// file's wall time is one process start, not a dozen.

const repo = path.resolve(__dirname, '..', '..');
const tmp = mkdtempSync(path.join(tmpdir(), 'sourced-cli-'));
after(() => rmSync(tmp, { recursive: true, force: true }));
const cacheHome = path.join(tmp, 'cache');
const tsxLoader = pathToFileURL(path.join(repo, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;

const corpus = path.join(tmp, 'sources');
mkdirSync(corpus);
writeFileSync(
  path.join(corpus, 'park-vote.md'),
  '---\ntitle: "Council approves riverside park"\noutlet: "Valley Gazette"\ndate: 2023-05-02\n---\n' +
    'The city council voted 7-2 on Tuesday to approve a $4 million riverside park.\n\n' +
    'Mayor Jane Alvarez said the park "will give every family a place by the water."\n\n' +
    'Construction is expected to begin in September, the council said.\n',
);
const emptyCorpus = path.join(tmp, 'empty');
mkdirSync(emptyCorpus);
const draft = path.join(tmp, 'draft.md');
const draftText =
  '# Park\n\nThe city council voted 9-2 on Tuesday to approve a $4 million riverside park.\n\n' +
  'Mayor Jane Alvarez said the park "will give every child a swimming pool."\n\n' +
  'The park will also include a zoo with twelve elephants.\n';
writeFileSync(draft, draftText);
const quiet = path.join(tmp, 'quiet.md');
writeFileSync(quiet, '# Notes\n');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function sourced(args: string[], cwd = repo): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      // `--import tsx` resolves from cwd; outside the repo, name the loader by URL.
      ['--import', cwd === repo ? 'tsx' : tsxLoader, path.join(repo, 'server/src/cli/main.ts'), ...args],
      { cwd, env: { ...process.env, XDG_CACHE_HOME: cacheHome }, maxBuffer: 16 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const runs = {
  example: sourced(['check', '--format', 'json', 'examples/draft.md']),
  text: sourced(['check', '--corpus', corpus, draft]),
  json: sourced(['check', '--corpus', corpus, '--format=json', '--no-cache', 'draft.md'], tmp),
  quiet: sourced(['check', '--corpus', corpus, quiet]),
  noArgs: sourced([]),
  missingFile: sourced(['check', '--corpus', corpus, path.join(tmp, 'missing.md')]),
  missingCorpus: sourced(['check', '--corpus', path.join(tmp, 'nowhere'), draft]),
  emptyCorpus: sourced(['check', '--corpus', emptyCorpus, '--format', 'json', draft]),
  help: sourced(['--help']),
  version: sourced(['--version']),
  entities: sourced(['entities', '--corpus', corpus, '--format', 'json']),
};
// The second cached run must start after the first has written the cache.
const cachedAgain = runs.text.then(() => sourced(['check', '--corpus', corpus, draft]));

const SEVERITIES = ['error', 'warning', 'information', 'hint'];
const VERDICTS = ['supported', 'contradicted', 'misquoted', 'unsourced'];

function assertRange(r: unknown): void {
  const range = r as { start: { line: number; character: number }; end: { line: number; character: number } };
  for (const p of [range.start, range.end]) {
    assert.ok(Number.isInteger(p.line) && p.line >= 0 && Number.isInteger(p.character) && p.character >= 0, JSON.stringify(r));
  }
}

test('check --format json on the example draft: contract shape, exit 1', async () => {
  const { code, stdout, stderr } = await runs.example;
  assert.equal(code, 1, stderr);
  const out = JSON.parse(stdout);
  assert.equal(out.version, 1);
  assert.ok(out.corpus.articles >= 3 && out.corpus.sentences > 0 && out.corpus.entities > 0, JSON.stringify(out.corpus));
  assert.equal(out.files.length, 1);
  const file = out.files[0];
  assert.equal(file.path, 'examples/draft.md');
  assert.ok(file.claims.length >= 5);
  for (const c of file.claims) {
    assertRange(c.range);
    assert.ok(VERDICTS.includes(c.verdict));
    assert.equal(typeof c.text, 'string');
    assert.ok(Array.isArray(c.entities));
    for (const s of c.sources) {
      assert.match(s.path, /^corpus\/.+\.md$/);
      assert.ok(Number.isInteger(s.line) && s.line >= 0);
      assert.equal(typeof s.title, 'string');
      assert.equal(typeof s.score, 'number');
      const sourceText = readFileSync(path.join(repo, s.path), 'utf8');
      assert.ok(sourceText.includes(s.text), 'source sentence is verbatim');
    }
  }
  assert.ok(file.diagnostics.length > 0);
  for (const d of file.diagnostics) {
    assertRange(d.range);
    assert.ok(SEVERITIES.includes(d.severity));
    assert.equal(typeof d.code, 'string');
    assert.equal(typeof d.message, 'string');
    assert.ok(Array.isArray(d.sources));
  }
});

test('check --format text: file:line:col lines and a summary, exit 1', async () => {
  const { code, stdout, stderr } = await runs.text;
  assert.equal(code, 1, stderr);
  const lines = stdout.trimEnd().split('\n');
  const summary = lines.pop() ?? '';
  assert.match(summary, /^\d+ claims? checked.*: \d+ supported, \d+ contradicted, \d+ misquoted, \d+ unsourced — \d+ errors?, \d+ warnings?$/);
  assert.ok(lines.length >= 1);
  const rel = path.relative(repo, draft).split(path.sep).join('/');
  const shown = rel.startsWith('..') ? draft : rel;
  for (const line of lines) {
    assert.ok(line.startsWith(`${shown}:`), line);
    assert.match(line.slice(shown.length), /^:\d+:\d+ (error|warning|information) [a-z-]+ \S/);
    const [, ln, col] = /^:(\d+):(\d+)/.exec(line.slice(shown.length)) ?? [];
    assert.ok(Number(ln) >= 1 && Number(ln) <= draftText.split('\n').length && Number(col) >= 1, line);
  }
  assert.equal(readFileSync(draft, 'utf8'), draftText, 'draft untouched');
});

test('json with paths relative to cwd; cached run gives the same report', async () => {
  const { code, stdout, stderr } = await runs.json;
  assert.equal(code, 1, stderr);
  const out = JSON.parse(stdout);
  assert.equal(out.files[0].path, 'draft.md');
  assert.equal(out.corpus.articles, 1);
  const withSources = out.files[0].claims.flatMap((c: { sources: Array<{ path: string }> }) => c.sources);
  for (const s of withSources) assert.equal(s.path, 'sources/park-vote.md');

  const first = await runs.text;
  const again = await cachedAgain;
  assert.equal(again.stdout, first.stdout);
  assert.equal(again.code, first.code);
  const cacheDir = path.join(cacheHome, 'sourced');
  assert.ok(existsSync(cacheDir) && readdirSync(cacheDir).some((f) => f.endsWith('.json')), 'cache written');
});

test('no findings: exit 0', async () => {
  const { code, stdout, stderr } = await runs.quiet;
  assert.equal(code, 0, stderr);
  assert.match(stdout, /^0 claims checked: 0 supported, 0 contradicted, 0 misquoted, 0 unsourced — 0 errors, 0 warnings\n$/);
});

test('bad usage and unreadable input: exit 2 with a message on stderr, nothing on stdout', async () => {
  const cases: Array<[keyof typeof runs, RegExp]> = [
    ['noArgs', /missing command/],
    ['missingFile', /cannot read .*missing\.md: no such file/],
    ['missingCorpus', /corpus folder not found: .*nowhere/],
  ];
  for (const [name, re] of cases) {
    const { code, stdout, stderr } = await runs[name];
    assert.equal(code, 2, `${name}: ${stderr}`);
    assert.match(stderr, re, name);
    assert.equal(stdout, '', name);
  }
});

test('empty corpus folder: warning on stderr and in json, claims unsourced', async () => {
  const { code, stdout, stderr } = await runs.emptyCorpus;
  assert.match(stderr, /empty.*no \.md/);
  const out = JSON.parse(stdout);
  assert.equal(out.corpus.articles, 0);
  assert.ok(out.warnings.some((w: string) => /no \.md/.test(w)));
  assert.ok(out.files[0].claims.every((c: { verdict: string }) => c.verdict !== 'supported' && c.verdict !== 'contradicted'));
  assert.equal(code, 1);
});

test('--help and --version', async () => {
  const help = await runs.help;
  assert.equal(help.code, 0);
  assert.match(help.stdout, /sourced check \[--corpus DIR\]\.\.\. \[--format text\|json\|sarif\]/);
  assert.match(help.stdout, /sourced report \[--corpus DIR\]\.\.\. \[--format html\|md\|json\] \[-o FILE\|DIR\]/);
  const version = await runs.version;
  assert.equal(version.code, 0);
  const pkg = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8'));
  assert.equal(version.stdout.trim(), pkg.version);
});

test('entities: json shape and text lines', async () => {
  const { code, stdout, stderr } = await runs.entities;
  assert.equal(code, 0, stderr);
  const out = JSON.parse(stdout);
  assert.ok(Array.isArray(out.entities) && out.entities.length > 0);
  for (const e of out.entities) {
    assert.equal(typeof e.name, 'string');
    assert.ok(['person', 'organization', 'place', 'event'].includes(e.kind));
    assert.ok(Array.isArray(e.aliases) && Array.isArray(e.roles));
    for (const m of e.mentions) {
      assert.match(m.path, /park-vote\.md$/);
      assert.ok(Number.isInteger(m.line) && m.line >= 0);
    }
  }
  assert.ok(out.entities.some((e: { name: string }) => e.name.includes('Alvarez')));
  const alvarez = out.entities.find((e: { name: string }) => e.name.includes('Alvarez'));
  assert.match(entityTextLine(alvarez), /Alvarez \(person\).* — \d+ mentions? in 1 article$/);
});

test('argument parsing (in process)', () => {
  assert.deepEqual(parseArgs(['check', '--corpus', 'a', '--corpus=b', '--format=json', '--no-cache', 'x.md', 'y.md']), {
    kind: 'check', corpus: ['a', 'b'], format: 'json', files: ['x.md', 'y.md'], noCache: true,
  });
  assert.deepEqual(parseArgs(['entities']), { kind: 'entities', corpus: [], format: 'text', noCache: false });
  assert.deepEqual(parseArgs(['lsp', '--stdio']), { kind: 'lsp' });
  assert.deepEqual(parseArgs(['check', '--help']), { kind: 'help' });
  const error = (argv: string[]) => {
    const r = parseArgs(argv);
    return 'error' in r ? r.error : '';
  };
  assert.match(error(['check', '--frobnicate', 'x.md']), /unknown option '--frobnicate'/);
  assert.match(error(['check', '--format', 'xml', 'x.md']), /--format must be text, json or sarif/);
  assert.match(error(['entities', '--format', 'sarif']), /--format must be text or json/);
  assert.match(error(['report', '--format', 'pdf', 'x.md']), /--format must be html, md or json/);
  assert.match(error(['report', '-o']), /-o needs a file or folder/);
  assert.deepEqual(parseArgs(['report', 'x.md']), { kind: 'report', corpus: [], format: 'html', files: ['x.md'], noCache: false, output: undefined });
  assert.match(error(['check', '--corpus']), /--corpus needs a folder/);
  assert.match(error(['check', '--corpus', 'c']), /at least one FILE/);
  assert.match(error(['entities', 'x.md']), /takes no files/);
  assert.match(error(['publish']), /unknown command/);
  assert.match(error(['lsp', '--node-ipc']), /only --stdio/);
});

test('report mapping and text lines (in process)', () => {
  const range = (l: number, c: number, l2: number, c2: number) => ({ start: { line: l, character: c }, end: { line: l2, character: c2 } });
  const evidence = { uri: pathToFileURL(path.join(repo, 'corpus', 'a.md')).href, title: 'A', line: 4, range: range(4, 0, 4, 9), text: 'Src text.', score: 0.91234 };
  const claim = (verdict: 'supported' | 'contradicted', sources = [evidence]) => ({
    range: range(2, 0, 2, 10), start: 0, end: 10, text: 'Claim text', verdict, entities: ['Ann Lee'], sources, reason: 'r', citations: [],
  });
  const report = {
    uri: 'file:///d.md',
    claims: [claim('supported'), claim('contradicted')],
    diagnostics: [
      { range: range(2, 4, 2, 8), severity: 1 as const, code: 'contradicted-claim', message: 'Figure\ndiffers', data: { claim: 1 } },
      { range: range(2, 0, 2, 10), severity: 4 as const, code: 'uncited-claim', message: 'Not cited', data: { claim: 0 } },
      { range: range(0, 0, 0, 3), severity: 2 as const, code: 'unknown-citation', message: 'No such key', data: {} },
    ],
  };
  const pathOf = (uri: string) => path.relative(repo, new URL(uri).pathname);
  const json = fileJson('d.md', report, pathOf);
  assert.deepEqual(json.claims[1].sources, [{ path: 'corpus/a.md', title: 'A', line: 4, text: 'Src text.', score: 0.912 }]);
  assert.deepEqual(json.diagnostics.map((d) => [d.severity, d.code, d.sources.length]), [['error', 'contradicted-claim', 1], ['hint', 'uncited-claim', 1], ['warning', 'unknown-citation', 0]]);
  assert.deepEqual(textLines('d.md', report), ['d.md:1:1 warning unknown-citation No such key', 'd.md:3:5 error contradicted-claim Figure differs']);
  assert.equal(summaryLine([report]), '2 claims checked: 1 supported, 1 contradicted, 0 misquoted, 0 unsourced — 1 error, 1 warning');
  assert.equal(hasFindings(report), true);
  assert.equal(hasFindings({ ...report, diagnostics: [report.diagnostics[1]] }), false, 'hints alone do not fail');
  assert.equal('attribution' in json.claims[0], false, 'the attribution field only on misattributed quotes');
  const misattributed = { ...claim('supported'), verdict: 'misquoted' as const, attribution: { draft: 'Ann Lee', draftRange: range(2, 0, 2, 7), source: 's', speaker: 'Bo Kim' } };
  const withAttribution = fileJson('d.md', { ...report, claims: [misattributed] }, pathOf);
  assert.deepEqual(withAttribution.claims[0].attribution, { draft: 'Ann Lee', range: range(2, 0, 2, 7), speaker: 'Bo Kim' });
});
