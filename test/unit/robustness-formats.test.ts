// Robustness of the source-format extractors (part of the robustness suite): truncated and corrupted web
// pages, PDFs, Word documents and transcripts never throw, never hang, and whatever text they give indexes
// without error. fast-check picks the damage: a cut, overwritten bytes, inserted bytes, or a slice moved.

import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { extractSource } from '../../server/src/host/formats/sourceFormats.ts';
import { createSourcedService } from '../../server/src/service/index.ts';
import { makeDocx, makePdf, newsPage, subRip, webVtt } from '../fixtures/sourceFiles.ts';

const MAX = 1 << 20;
const samples: Record<string, Uint8Array> = {};

before(async () => {
  samples['page.html'] = Buffer.from(
    newsPage({
      headline: 'Harbour fees rise',
      author: 'Ana Lima',
      date: '2023-01-09',
      outlet: 'Coast Herald',
      paragraphs: ['Harbour fees will rise by 8 per cent in April, the port said.', 'Fishermen said the increase would cost each boat £900 a year.'],
    }),
  );
  samples['report.pdf'] = await makePdf([['Harbour fees will rise by 8 per cent in April.', '', 'The port said costs rose.'], ['Fishermen said the increase would cost each boat £900 a year.']], { title: 'Port report' });
  samples['release.docx'] = await makeDocx([{ heading: 'Harbour fees rise' }, { paragraph: 'Harbour fees will rise by 8 per cent in April.' }, { table: [['Boat', 'Fee'], ['Trawler', '£900']] }], { title: 'Fees', creator: 'Port' });
  samples['talk.vtt'] = Buffer.from(webVtt([[1, 'Ana Lima', 'Fees will rise.'], [6, undefined, 'By how much?'], [9, 'Ana Lima', 'Eight per cent, from April.']]));
  samples['talk.srt'] = Buffer.from(subRip([[1, 'ANA LIMA: Fees will rise.'], [6, 'Eight per cent.']]));
  // Loading PDF.js and mammoth the first time (compiled on the fly under tsx) is not the parsers' time.
  for (const name of Object.keys(samples)) assert.ok(!('skip' in (await extractSource(name, samples[name], MAX))), name);
});

/** A damaged copy of `data`. */
const damage = (size: number) =>
  fc.oneof(
    fc.record({ kind: fc.constant('cut' as const), at: fc.nat(size) }),
    fc.record({ kind: fc.constant('overwrite' as const), at: fc.nat(size), bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }) }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(size), bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }) }),
    fc.record({ kind: fc.constant('move' as const), from: fc.nat(size), to: fc.nat(size), length: fc.integer({ min: 1, max: 512 }) }),
  );

type Damage = { kind: 'cut'; at: number } | { kind: 'overwrite' | 'insert'; at: number; bytes: Uint8Array } | { kind: 'move'; from: number; to: number; length: number };

function apply(data: Uint8Array, d: Damage): Uint8Array {
  const b = Buffer.from(data);
  switch (d.kind) {
    case 'cut':
      return b.subarray(0, d.at);
    case 'overwrite': {
      const out = Buffer.from(b);
      out.set(d.bytes.subarray(0, Math.max(0, out.length - d.at)), Math.min(d.at, out.length));
      return out;
    }
    case 'insert':
      return Buffer.concat([b.subarray(0, d.at), d.bytes, b.subarray(d.at)]);
    case 'move': {
      const slice = b.subarray(d.from, d.from + d.length);
      const rest = Buffer.concat([b.subarray(0, d.from), b.subarray(d.from + d.length)]);
      const to = Math.min(d.to, rest.length);
      return Buffer.concat([rest.subarray(0, to), slice, rest.subarray(to)]);
    }
  }
}

const RUNS: Record<string, number> = { 'page.html': 60, 'report.pdf': 60, 'release.docx': 60, 'talk.vtt': 100, 'talk.srt': 100 };
/** One damaged file is extracted within this (the slowest, a damaged PDF, takes a few milliseconds). */
const PER_FILE_MS = 3000;

for (const name of Object.keys(RUNS)) {
  test(`damaged ${name.split('.')[1].toUpperCase()} files never throw or hang, and what they give indexes`, async () => {
    const service = createSourcedService();
    let read = 0;
    let skipped = 0;
    await fc.assert(
      fc.asyncProperty(damage(samples[name].length), async (d) => {
        const bytes = apply(samples[name], d as Damage);
        const t0 = performance.now();
        const got = await extractSource(name, bytes, MAX);
        const ms = performance.now() - t0;
        assert.ok(ms < PER_FILE_MS, `${name} ${d.kind}: ${ms.toFixed(0)} ms`);
        if ('skip' in got) {
          assert.match(got.skip, /\S/);
          skipped++;
          return;
        }
        read++;
        assert.ok(got.text.length <= MAX);
        for (const m of got.extracted.marks ?? []) assert.ok(m.offset >= 0 && m.offset <= got.text.length);
        await service.upsertSources([{ uri: `file:///fuzz/${name}`, text: got.text, extracted: got.extracted }]);
      }),
      { numRuns: RUNS[name], seed: 14 },
    );
    assert.ok(read + skipped === RUNS[name]);
  });
}

test('random bytes under every extracted extension are refused or read, never thrown', async () => {
  await fc.assert(
    fc.asyncProperty(fc.constantFrom('x.html', 'x.pdf', 'x.docx', 'x.vtt', 'x.srt'), fc.uint8Array({ maxLength: 4096 }), async (name, bytes) => {
      const got = await extractSource(name, bytes, MAX);
      assert.ok('skip' in got || typeof got.text === 'string');
    }),
    { numRuns: 150, seed: 14 },
  );
});
