// Hostile text through the service facade: random Unicode/Markdown drafts and corpus files never make the
// engine throw, every range it reports lies inside its document and round-trips through offsets, results
// are deterministic, and pathological inputs finish within measured bounds.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range, TextEdit } from 'vscode-languageserver-types';
import { createSourcedService, defaultSettings, type SourcedService } from '../../server/src/service/index.ts';
import type { CancellationToken, DocumentInput } from '../../server/src/service/types.ts';

const HARBOUR = `---
title: "Port expansion approved"
outlet: "Coast Herald"
date: 2021-03-04
---
Harbour Commissioner Maria Okafor said on Tuesday that the $120 million expansion would create 800 jobs.

"This terminal will triple our capacity by 2025," Okafor told reporters in Elmsworth.

The Elmsworth Port Authority voted 7-2 to approve the plan, about 40% more than the 2019 budget.
`;

const STRIKE = `Ferry workers strike over pay. Ferry workers in Elmsworth walked out on Monday, union leader Tom Reyes said.

Reyes said the union "will not accept a 2 percent raise" and called the offer "an insult".

The strike, the first since 1998, stranded about 3,000 passengers.
`;

const CORPUS: DocumentInput[] = [
  { uri: 'file:///ws/sources/harbour.md', text: HARBOUR },
  { uri: 'file:///ws/sources/strike.txt', text: STRIKE },
];

async function newService(files: DocumentInput[] = CORPUS): Promise<SourcedService> {
  const service = createSourcedService();
  await service.upsertSources(files);
  return service;
}

// ── arbitraries ───────────────────────────────────────────────────────────────────────────────────────

const MARKDOWN_TOKENS = [
  '\n', '\n\n', '\r\n', '\r', ' ', '  ', '\t', '# ', '## ', '> ', '- ', '* ', '1. ', '   - ', '```', '`', '~~~\n', '**', '_', '*',
  '[', ']', '(', ')', '[^', '[^harbour]', '[^strike]', '[^harbour]: Coast Herald, harbour.md', '[^x]: ', '<!-- sourced-ignore -->',
  '<!--', '-->', '<b>', '</b>', '---\n', '|', '\\', '"', '“', '”', '‘', '’', "'", '«', '»', '„', '.', '. ', '?', '!', '…', ',', ';',
  ':', '$', '£', 'Â£', '€', '%', '120', '800', '3,000', '1998', '2025', '$120 million', '40%', 'Tuesday', 'March 4, 2021',
  'Maria Okafor', 'Okafor', 'Tom Reyes', 'Reyes', 'Elmsworth', 'Harbour Commissioner', 'said', 'told reporters', 'the union',
  'She', 'He', 'They said "', 'will not accept', 'ferry', 'strike', 'Mr.', 'Dr. ', 'U.S.', 'e.g.', '\u200b', '\u00ad', '\ufeff',
  '\u0301', '\u202e', 'é', 'ß', 'İ', 'ﬁ', '😀', '👩‍👩‍👧', '中文', 'العربية', '\u0000', '\u0007',
];

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const token = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...MARKDOWN_TOKENS) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
  { weight: 1, arbitrary: loneSurrogate },
);
const draftText = fc.array(token, { maxLength: 80 }).map((parts) => parts.join(''));

// ── range checks ──────────────────────────────────────────────────────────────────────────────────────

function assertPosition(doc: TextDocument, p: Position, what: string): void {
  assert.ok(Number.isInteger(p.line) && Number.isInteger(p.character), `${what}: non-integer ${JSON.stringify(p)}`);
  assert.ok(p.line >= 0 && p.line < doc.lineCount, `${what}: line ${p.line} outside ${doc.lineCount} lines`);
  // Round trip: a position the editor can map to an offset and back unchanged (inside its line, not
  // between \r and \n, not past the end of the text).
  assert.deepEqual(doc.positionAt(doc.offsetAt(p)), p, `${what}: ${JSON.stringify(p)} does not round-trip`);
}

function assertRange(doc: TextDocument, r: Range, what: string): void {
  assertPosition(doc, r.start, what);
  assertPosition(doc, r.end, what);
  assert.ok(doc.offsetAt(r.start) <= doc.offsetAt(r.end), `${what}: reversed ${JSON.stringify(r)}`);
}

function assertEdits(doc: TextDocument, edits: TextEdit[], what: string): void {
  for (const e of edits) assertRange(doc, e.range, what);
  TextDocument.applyEdits(doc, edits);
}

/** Runs every feature on a draft and checks what comes back; returns a JSON snapshot for determinism. */
async function exercise(service: SourcedService, input: DocumentInput, probes: number[]): Promise<string> {
  const doc = TextDocument.create(input.uri, 'markdown', 1, input.text);
  const report = await service.checkDocument(input, defaultSettings);
  for (const c of report.claims) {
    assert.ok(c.start >= 0 && c.start <= c.end && c.end <= input.text.length, `claim offsets ${c.start}-${c.end}`);
    assertRange(doc, c.range, 'claim');
    assert.deepEqual(c.range, { start: doc.positionAt(c.start), end: doc.positionAt(c.end) }, 'claim range matches its offsets');
    assert.equal(c.text, input.text.slice(c.start, c.end));
    if (c.conflict) assertRange(doc, c.conflict.draftRange, 'conflict');
    if (c.quote) assertRange(doc, c.quote.draftRange, 'quote');
  }
  for (const d of report.diagnostics) assertRange(doc, d.range, `diagnostic ${d.code}`);

  const answers: unknown[] = [report];
  for (const at of probes) {
    const p = doc.positionAt(Math.floor(at * (input.text.length + 1)));
    const hover = await service.getHover(input, p);
    if (hover?.range) assertRange(doc, hover.range, 'hover');
    const completions = await service.getCompletions(input, p);
    for (const item of completions.items) {
      if (item.textEdit && 'range' in item.textEdit) assertRange(doc, item.textEdit.range, 'completion');
      assertEdits(doc, item.additionalTextEdits ?? [], 'completion extra edit');
    }
    const range = { start: p, end: p };
    const actions = await service.getCodeActions(input, range, report.diagnostics);
    for (const a of actions) assertEdits(doc, a.edit?.changes?.[input.uri] ?? [], `code action ${a.title}`);
    for (const loc of [...(await service.getDefinition(input, p)), ...(await service.getReferences(input, p))]) {
      if (loc.uri === input.uri) assertRange(doc, loc.range, 'location');
    }
    answers.push(hover, completions, actions);
  }
  for (const link of await service.getDocumentLinks(input)) assertRange(doc, link.range, 'link');
  return JSON.stringify(answers);
}

// ── properties ────────────────────────────────────────────────────────────────────────────────────────

test('random Markdown/Unicode drafts: no throw, ranges inside and round-tripping, deterministic', async () => {
  const shared = await newService();
  let n = 0;
  await fc.assert(
    fc.asyncProperty(draftText, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 3 }), async (text, probes) => {
      // The shared service has seen other drafts (warm caches); a fresh one has not: same answers.
      const uri = `file:///ws/drafts/d${n++ % 7}.md`;
      const first = await exercise(shared, { uri, text, version: 1 }, probes);
      const again = await exercise(shared, { uri, text, version: 2 }, probes);
      assert.equal(again, first.replace(/"version":1/g, '"version":2'), 'same service, same text');
      const fresh = await exercise(await newService(), { uri, text, version: 1 }, probes);
      assert.equal(fresh, first, 'fresh service');
    }),
    { numRuns: 100 },
  );
});

test('edits: re-checking a draft after random edits equals a fresh check of the final text', async () => {
  const service = await newService();
  await fc.assert(
    fc.asyncProperty(
      draftText,
      fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(20), draftText), { maxLength: 8 }),
      async (start, edits) => {
        const uri = 'file:///ws/drafts/edited.md';
        let text = start;
        let version = 1;
        await service.checkDocument({ uri, text, version }, defaultSettings);
        for (const [at, del, insert] of edits) {
          const i = Math.floor(at * text.length);
          text = text.slice(0, i) + insert + text.slice(Math.min(text.length, i + del));
          await service.checkDocument({ uri, text, version: ++version }, defaultSettings);
        }
        const incremental = await service.checkDocument({ uri, text, version }, defaultSettings);
        const fresh = await (await newService()).checkDocument({ uri, text, version }, defaultSettings);
        assert.deepEqual(incremental, fresh);
      },
    ),
    { numRuns: 60 },
  );
});

const corpusText = fc.oneof(
  draftText,
  fc.tuple(draftText, draftText).map(([meta, body]) => `---\n${meta}\n---\n${body}`),
  fc.tuple(fc.constantFrom('title', 'outlet', 'date', 'author', '"', '- ', ': ', '{', '[', '!!binary', '&a', '*a'), draftText).map(
    ([k, v]) => `---\n${k}: ${v}\ndate: ${v}\n---\nBody ${v}.`,
  ),
);

test('random corpus files: indexing never throws, entity locations lie inside their articles, export/import is lossless', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(corpusText, { minLength: 1, maxLength: 5 }), draftText, async (texts, draft) => {
      const files = texts.map((text, i) => ({ uri: `file:///ws/sources/a${i}.md`, text }));
      const service = await newService([...CORPUS, ...files]);
      assert.equal(service.corpus.articleCount, CORPUS.length + files.length, 'every file indexed (even empty or garbled ones)');
      for (const article of service.corpus.articles()) {
        assert.ok(article.bodyStart >= 0 && article.bodyStart <= article.text.length);
        for (const s of article.sentences) {
          assert.ok(s.start >= 0 && s.start <= s.end && s.end <= article.text.length, `sentence ${s.start}-${s.end} in ${article.uri}`);
          assert.equal(s.text, article.text.slice(s.start, s.end));
        }
      }
      for (const entity of service.corpus.entities()) {
        for (const m of entity.mentions) {
          const article = service.corpus.article(m.uri);
          assert.ok(article && m.start >= 0 && m.start <= m.end && m.end <= article.text.length, `mention of ${entity.name}`);
        }
      }
      const input = { uri: 'file:///ws/drafts/d.md', text: draft, version: 1 };
      const direct = await exercise(service, input, [0.5]);
      const restored = createSourcedService();
      assert.equal(await restored.importIndex(service.exportIndex()), true);
      assert.equal(await exercise(restored, input, [0.5]), direct, 'restored index answers the same');
      // Removing the random files brings back exactly the seed corpus.
      await service.removeSources(files.map((f) => f.uri));
      assert.equal(service.corpus.articleCount, CORPUS.length);
    }),
    { numRuns: 40 },
  );
});

test('damaged saved indexes are refused, never thrown', async () => {
  const service = await newService();
  const good = [...service.exportIndex()].join('\n');
  await fc.assert(
    fc.asyncProperty(fc.nat(good.length), fc.string({ maxLength: 5 }), async (cut, junk) => {
      const restored = createSourcedService();
      const ok = await restored.importIndex(good.slice(0, cut) + junk);
      assert.equal(typeof ok, 'boolean');
      await restored.checkDocument({ uri: 'file:///ws/d.md', text: 'Okafor said 800 jobs.', version: 1 }, defaultSettings);
    }),
    { numRuns: 60 },
  );
  for (const bad of ['', 'null', '[]', '{}', '"x"', '{"articles":7}', '{"version":1,"articles":[[1,2]]}']) {
    const restored = createSourcedService();
    await restored.importIndex(bad);
    await restored.checkDocument({ uri: 'file:///ws/d.md', text: 'Okafor said 800 jobs.', version: 1 }, defaultSettings);
  }
});

// ── pathological inputs ───────────────────────────────────────────────────────────────────────────────

// Bounds are about 4x the time measured on a 2-core machine with other test files running alongside;
// the figure in each comment is the measured time of the check alone.
const SENTENCES = [
  'Harbour Commissioner Maria Okafor said the $120 million expansion would create 800 jobs.',
  '"This terminal will triple our capacity by 2025," Okafor told reporters.',
  'Union leader Tom Reyes said the strike, the first since 1998, stranded about 3,000 passengers.',
  'The authority voted 7-2 on Tuesday, March 4, 2021, to approve about 40% more than planned.[^harbour]',
  'Critics said the plan was rushed and the cost could rise.',
];
const MB = 1_000_000;
const oneLine = (n: number) => {
  let out = '';
  for (let i = 0; out.length < n; i++) out += `${SENTENCES[i % SENTENCES.length].replace('800', String(800 + i))} `;
  return out.slice(0, n);
};

interface Case {
  name: string;
  text: () => string;
  boundMs: number;
  todo?: string;
}

const CASES: Case[] = [
  // 0.8 s: 1 MB of words with no sentence end, one paragraph on one line.
  { name: '1 MB single-line paragraph without a full stop', text: () => 'word '.repeat(MB / 5), boundMs: 4000 },
  // The draft analysis is linear: sentences take their names, quotes and citations with moving pointers.
  { name: '1 MB single-line paragraph of news sentences', text: () => oneLine(MB), boundMs: 8000 },
  // 0.25 s
  { name: '100,000 straight quotation marks', text: () => '"'.repeat(100_000), boundMs: 3000 },
  // 0.13 s
  { name: '100,000 curly quotation marks, unbalanced', text: () => '“'.repeat(60_000) + '”'.repeat(40_000), boundMs: 3000 },
  // 0.7 s
  { name: '100,000 quotes inside words', text: () => 'a "b '.repeat(100_000), boundMs: 5000 },
  // 1.1–3.2 s: 1 MB, 1,000 claims.
  { name: 'list nested 1,000 levels deep', text: () => Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- item ${i} said Okafor.`).join('\n'), boundMs: 10000 },
  // 0.16 s
  { name: '100,000 list markers on one line', text: () => `${'- '.repeat(100_000)}Okafor said so.`, boundMs: 3000 },
  // 0.09 s
  { name: '100,000 nested block quotes', text: () => `${'> '.repeat(100_000)}Okafor said so.`, boundMs: 3000 },
  // 0.13 s
  { name: '100,000 unclosed brackets', text: () => '['.repeat(100_000) + '('.repeat(100_000), boundMs: 3000 },
  // 0.23 s
  { name: '100,000 emphasis markers', text: () => '*a '.repeat(100_000), boundMs: 3000 },
  // 0.25 s
  { name: '50,000 citation markers', text: () => '[^harbour]'.repeat(50_000), boundMs: 3000 },
  // 0.04 s
  { name: '100,000 backticks', text: () => '`'.repeat(100_000), boundMs: 3000 },
];

for (const c of CASES) {
  test(`pathological: ${c.name} (bound ${c.boundMs} ms)`, { todo: c.todo }, async (t) => {
    const service = await newService();
    const text = c.text();
    const input = { uri: 'file:///ws/drafts/huge.md', text, version: 1 };
    const t0 = performance.now();
    // The token stops a runaway check at the bound, so a regression fails fast instead of hanging.
    const token: CancellationToken = {
      get isCancellationRequested() {
        return performance.now() - t0 > c.boundMs;
      },
    };
    const report = await service.checkDocument(input, defaultSettings, token);
    const checkMs = performance.now() - t0;
    const doc = TextDocument.create(input.uri, 'markdown', 1, text);
    for (const at of [0, 0.5, 1]) {
      const p = doc.positionAt(Math.floor(at * text.length));
      await service.getHover(input, p, token);
      await service.getCompletions(input, p, token);
    }
    await service.getDocumentLinks(input, token);
    const ms = performance.now() - t0;
    t.diagnostic(`${(text.length / MB).toFixed(2)} MB: check ${checkMs.toFixed(0)} ms, with hovers/completions ${ms.toFixed(0)} ms`);
    assert.ok(ms < c.boundMs, `${c.name}: ${ms.toFixed(0)} ms (check ${checkMs.toFixed(0)} ms) over ${c.boundMs} ms`);
    assert.ok(report.claims.length <= defaultSettings.maxClaims);
    for (const d of report.diagnostics.slice(0, 200)) assertRange(doc, d.range, 'diagnostic');
  });
}

test(
  'a sentence whose quotation marks pair differently after an edit is re-judged',
  async () => {
    const corpus = [{ uri: 'file:///ws/sources/a.md', text: 'Okafor said "the port will grow" on Monday. Reyes said the strike ended.\n' }];
    const before = 'Reyes said “the deal is done. Okafor said it was "fine" and more.\n';
    const after = 'Reyes said the deal is done. Okafor said it was "fine" and more.\n';
    const service = await newService(corpus);
    await service.checkDocument({ uri: 'file:///ws/d.md', text: before, version: 1 }, defaultSettings);
    const edited = await service.checkDocument({ uri: 'file:///ws/d.md', text: after, version: 2 }, defaultSettings);
    const fresh = await (await newService(corpus)).checkDocument({ uri: 'file:///ws/d.md', text: after, version: 2 }, defaultSettings);
    assert.deepEqual(edited.diagnostics, fresh.diagnostics);
  },
);
