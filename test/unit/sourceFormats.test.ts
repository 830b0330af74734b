// Sources as newsrooms keep them: a saved web page, a PDF, a Word document and two transcripts, built by the
// test (no binary fixtures), read through the host's corpus reader and checked through the service. Each
// format's claims are backed by the right file, page and time; invented claims stay flagged; text from a
// page's scripts, navigation, banners and footers never counts; unread files are listed with a reason.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { readCorpus, type CorpusFileResult } from '../../server/src/host/corpusFiles.ts';
import { createSourcedService, defaultSettings, type SourcedService } from '../../server/src/service/index.ts';
import type { DocumentInput } from '../../server/src/service/types.ts';
import { fileJson } from '../../server/src/cli/report.ts';
import { footnoteDefinition } from '../../server/src/service/features/citations.ts';
import { parseCues } from '../../server/src/host/formats/transcript.ts';
import { makeDocx, makePdf, newsPage, subRip, webVtt } from '../fixtures/sourceFiles.ts';

const tmp = fs.mkdtempSync(path.join(tmpdir(), 'sourced-formats-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));
const root = path.join(tmp, 'sources');
fs.mkdirSync(root);
const at = (name: string) => path.join(root, name);
const NOISE = 'Readers get a free umbrella with every subscription';

const results: CorpusFileResult[] = [];
let service: SourcedService;

before(async () => {
  fs.writeFileSync(
    at('library.html'),
    newsPage({
      headline: 'Council votes to close Elmsworth library',
      author: 'Dana Whitfield',
      date: '2024-03-04',
      outlet: 'Coast Herald',
      noise: NOISE,
      paragraphs: [
        'The Elmsworth council voted on Monday to close the town library at the end of June, citing repair costs of £1.2 million.',
        'Councillor Priya Nandakumar said the building was no longer safe for visitors.',
        'Campaigners have collected 4,300 signatures against the closure, organiser Tom Reyes said.',
      ],
    }),
  );
  fs.writeFileSync(
    at('budget-report.pdf'),
    await makePdf(
      [
        ['Annual budget report', '', 'The council expects a deficit of £3.4 million in the coming', 'financial year, according to the treasurer.'],
        ['Spending on road repairs will rise by 12 per cent, the report says.', '', 'Staff numbers will fall from 410 to 385 by April, and the depart-', 'ment will move to the town hall.'],
      ],
      { title: 'Elmsworth budget report', author: 'Elmsworth Council' },
    ),
  );
  fs.writeFileSync(
    at('press-release.docx'),
    await makeDocx(
      [
        { heading: 'Harbour reopens to ferries' },
        { paragraph: 'The Elmsworth harbour will reopen to passenger ferries on 12 May after a two-year rebuild costing £8 million.' },
        { table: [['Route', 'Sailings a day'], ['Elmsworth to Port Carrow', '6']] },
      ],
      { title: 'Harbour reopens to ferries', creator: 'Elmsworth Port Authority', created: '2024-04-02T09:00:00Z' },
    ),
  );
  fs.writeFileSync(
    at('mayor-interview.vtt'),
    webVtt(
      [
        [5, 'Interviewer', 'Why close the library now?'],
        [12, 'Helen Osei', 'We simply cannot afford the repairs this year.'],
        [17, 'Helen Osei', 'The roof alone would cost more than our entire culture budget.'],
        [751, 'Helen Osei', 'I expect a new library to open in the school by 2026.'],
      ],
      'Interview with Mayor Helen Osei',
    ),
  );
  fs.writeFileSync(
    at('presser.srt'),
    subRip([
      [3, 'CHIEF CONSTABLE MARK BELLAMY: We arrested four people overnight.'],
      [8, 'All four have been released on bail.'],
      [20, 'REPORTER: Were any officers hurt?'],
      [3725, 'MARK BELLAMY: Two officers were treated for minor injuries.'],
    ]),
  );
  fs.writeFileSync(at('photo.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]));
  fs.writeFileSync(at('figures.xlsx'), Buffer.from('PK\x03\x04'));
  fs.writeFileSync(at('scan.pdf'), await makePdf([['x'], ['y']], { blankPages: [1, 2] }));
  fs.writeFileSync(at('broken.pdf'), Buffer.from('%PDF-1.7\nthis is not really a PDF\n'));
  fs.writeFileSync(at('locked.pdf'), await encryptedPdf());
  fs.writeFileSync(at('locked.docx'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
  fs.writeFileSync(at('not-a-zip.docx'), 'Just some text pretending to be a Word document.');
  for await (const r of readCorpus([root])) results.push(r);
  service = createSourcedService();
  await service.upsertSources(inputs(results));
});

function inputs(rs: CorpusFileResult[]): DocumentInput[] {
  return rs.flatMap((r) => (r.kind === 'file' ? [r.extracted ? { uri: r.uri, text: r.text, extracted: r.extracted } : { uri: r.uri, text: r.text }] : []));
}

/** A PDF whose trailer names a standard security handler whose empty user password does not open it. */
async function encryptedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.load(await makePdf([['Secret figures for the board.']]));
  const ctx = doc.context;
  const encrypt = ctx.obj({ Filter: 'Standard', V: 1, R: 2, Length: 40, P: -44 });
  encrypt.set(PDFName.of('O'), PDFString.of('0123456789abcdef0123456789abcdef'));
  encrypt.set(PDFName.of('U'), PDFString.of('fedcba9876543210fedcba9876543210'));
  ctx.trailerInfo.Encrypt = ctx.register(encrypt);
  ctx.trailerInfo.ID = ctx.obj([PDFString.of('0123456789abcdef'), PDFString.of('0123456789abcdef')]);
  return doc.save({ useObjectStreams: false });
}

const draftUri = pathToFileURL(path.join(tmp, 'draft.md')).href;

async function checkOne(sentence: string) {
  const report = await service.checkDocument({ uri: draftUri, text: `${sentence}\n`, version: 1 }, defaultSettings);
  assert.equal(report.claims.length, 1, JSON.stringify(report.claims.map((c) => c.text)));
  const json = fileJson('draft.md', report, (u) => path.basename(new URL(u).pathname), service.corpus);
  return { claim: report.claims[0], json: json.claims[0] };
}

const noteOf = (name: string) => {
  const r = results.find((x) => path.basename(x.path) === name);
  return r?.kind === 'warning' ? r.message : r?.kind === 'file' ? `read${r.warning ? `: ${r.warning}` : ''}` : 'missing';
};

test('each format is read; files Sourced does not read are listed once with the reason', () => {
  const read = results.filter((r) => r.kind === 'file').map((r) => path.basename(r.path)).sort();
  assert.deepEqual(read, ['budget-report.pdf', 'library.html', 'mayor-interview.vtt', 'press-release.docx', 'presser.srt']);
  assert.match(noteOf('photo.jpg'), /not read: an image/);
  assert.match(noteOf('figures.xlsx'), /not read: a spreadsheet/);
  assert.match(noteOf('scan.pdf'), /no text layer.*OCR/);
  assert.match(noteOf('broken.pdf'), /not a readable PDF/);
  assert.match(noteOf('locked.pdf'), /encrypted PDF/);
  assert.match(noteOf('locked.docx'), /encrypted Word document/);
  assert.match(noteOf('not-a-zip.docx'), /not a readable Word document/);
  assert.equal(new Set(results.map((r) => r.path)).size, results.length);
});

test('web page: the article with its metadata, never the scripts, navigation, banner, related links or footer', async () => {
  const page = service.corpus.article(pathToFileURL(at('library.html')).href)!;
  assert.equal(page.title, 'Council votes to close Elmsworth library');
  assert.deepEqual({ author: page.meta.author, date: page.meta.date, outlet: page.meta.outlet }, { author: 'Dana Whitfield', date: '2024-03-04', outlet: 'Coast Herald' });
  assert.ok(!page.text.includes('umbrella') && !page.text.includes('cookies') && !page.text.includes('Sport') && !page.text.includes('Related'), page.text);
  const { claim, json } = await checkOne('The Elmsworth council voted on Monday to close the town library at the end of June.');
  assert.equal(claim.verdict, 'supported', claim.reason);
  assert.equal(json.sources[0].path, 'library.html');
  assert.equal(json.sources[0].page, undefined);
  const noise = await checkOne(`${NOISE}, the Coast Herald said.`);
  assert.equal(noise.claim.verdict, 'unsourced', noise.claim.reason);
});

test('PDF: text per page in reading order, a sentence wrapped over lines (and a hyphenated word) read whole, its page kept', async () => {
  const pdf = service.corpus.article(pathToFileURL(at('budget-report.pdf')).href)!;
  assert.equal(pdf.title, 'Elmsworth budget report');
  assert.equal(pdf.meta.author, 'Elmsworth Council');
  assert.ok(pdf.text.indexOf('deficit') < pdf.text.indexOf('road repairs'));
  assert.ok(pdf.text.includes('the department will move'), pdf.text);
  assert.ok(!/^\s*[12]\s*$/m.test(pdf.text), 'page numbers in the footer are not text');
  const first = await checkOne('The council expects a deficit of £3.4 million in the coming financial year.');
  assert.equal(first.claim.verdict, 'supported', first.claim.reason);
  assert.deepEqual([first.json.sources[0].path, first.json.sources[0].page], ['budget-report.pdf', 1]);
  const second = await checkOne('Staff numbers at the council will fall from 410 to 385 by April.');
  assert.equal(second.claim.verdict, 'supported', second.claim.reason);
  assert.deepEqual([second.json.sources[0].path, second.json.sources[0].page], ['budget-report.pdf', 2]);
  assert.match(footnoteDefinition(pdf, draftUri, second.claim.sources[0].range.start), /, p\. 2\. sources\/budget-report\.pdf$/);
  const wrong = await checkOne('Staff numbers at the council will fall from 410 to 350 by April.');
  assert.notEqual(wrong.claim.verdict, 'supported');
});

test('a PDF with a page without a text layer is read with a warning naming the page', async () => {
  const dir = path.join(tmp, 'partly-scanned');
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'filing.pdf'), await makePdf([['The court fined the company £40,000.'], ['scan']], { blankPages: [2] }));
  const got: CorpusFileResult[] = [];
  for await (const r of readCorpus([dir])) got.push(r);
  assert.equal(got.length, 1);
  assert.equal(got[0].kind, 'file');
  assert.match(got[0].kind === 'file' ? (got[0].warning ?? '') : '', /page 2 has no text layer/);
});

test('Word document: headings, paragraphs and table rows as text; title, author and date from its properties', async () => {
  const doc = service.corpus.article(pathToFileURL(at('press-release.docx')).href)!;
  assert.equal(doc.title, 'Harbour reopens to ferries');
  assert.deepEqual([doc.meta.author, doc.meta.date], ['Elmsworth Port Authority', '2024-04-02']);
  assert.ok(doc.text.includes('Elmsworth to Port Carrow | 6'), doc.text);
  const { claim, json } = await checkOne('The harbour will reopen to passenger ferries on 12 May after a two-year rebuild costing £8 million.');
  assert.equal(claim.verdict, 'supported', claim.reason);
  assert.equal(json.sources[0].path, 'press-release.docx');
});

test('transcripts: speakers from voice tags and NAME: prefixes are quote speakers; each sentence carries its cue time', async () => {
  const quote = await checkOne('Mayor Helen Osei said: “We simply cannot afford the repairs this year.”');
  assert.equal(quote.claim.verdict, 'supported', quote.claim.reason);
  assert.deepEqual([quote.json.sources[0].path, quote.json.sources[0].time], ['mayor-interview.vtt', '00:00:12']);
  const later = await checkOne('Osei said she expects “a new library to open in the school by 2026.”');
  assert.equal(later.claim.verdict, 'supported', later.claim.reason);
  assert.equal(later.json.sources[0].time, '00:12:31');
  const misquote = await checkOne('Osei said: “We can no longer afford the repairs this year.”');
  assert.equal(misquote.claim.verdict, 'misquoted', misquote.claim.reason);
  const osei = service.corpus.lookupEntity('Helen Osei');
  assert.ok(osei, 'the interviewee is a person of the corpus');
  assert.ok(service.corpus.quotesBy(osei.id).some((h) => h.quote.text.includes('cannot afford the repairs')), 'her words are her quotes');
  const srt = await checkOne('Chief Constable Mark Bellamy said two officers were treated for minor injuries.');
  assert.equal(srt.claim.verdict, 'supported', srt.claim.reason);
  assert.deepEqual([srt.json.sources[0].path, srt.json.sources[0].time], ['presser.srt', '01:02:05']);
  const invented = await checkOne('Bellamy said six officers were taken to hospital.');
  assert.notEqual(invented.claim.verdict, 'supported');
});

test('cue parsing: SubRip and WebVTT timing, markup and entities, NOTE blocks, damaged blocks skipped', () => {
  const vtt = parseCues('WEBVTT\n\nNOTE a comment\n\n00:01.500 --> 00:03.000 align:start\n<v.loud Ana Lima><i>Hello</i> &amp; welcome</v>\n\nnot a cue\n\n01:00:00.000 --> 01:00:01.000\n<c.x>Bye</c>\n', 'vtt');
  assert.deepEqual(vtt.cues, [{ start: 1.5, text: 'Hello & welcome', speaker: 'Ana Lima' }, { start: 3600, text: 'Bye' }]);
  const srt = parseCues('1\r\n00:00:02,000 --> 00:00:03,000\r\n{\\an8}>> JOHN O\'NEILL: Thanks.\r\n', 'srt');
  assert.deepEqual(srt.cues, [{ start: 2, text: 'Thanks.', speaker: "John O'Neill" }]);
});

test('the saved index keeps the page and time marks', async () => {
  const copy = createSourcedService();
  assert.ok(await copy.importIndex([...service.exportIndex()]));
  const uri = pathToFileURL(at('budget-report.pdf')).href;
  assert.deepEqual(copy.corpus.article(uri)?.extracted, service.corpus.article(uri)?.extracted);
  assert.ok(copy.corpus.article(pathToFileURL(at('mayor-interview.vtt')).href)?.extracted?.marks?.some((m) => m.time === '00:12:31'));
});

test('the size limit applies to the extracted text too (a zipped document can hold far more than its size)', async () => {
  const big = path.join(tmp, 'big.docx');
  fs.writeFileSync(big, await makeDocx([{ paragraph: 'The council met again on Tuesday evening. '.repeat(2000) }]));
  assert.ok(fs.statSync(big).size < 10_000);
  const got: CorpusFileResult[] = [];
  for await (const r of readCorpus([big], { maxFileBytes: 10_000 })) got.push(r);
  assert.equal(got[0].kind, 'warning');
  assert.match(got[0].kind === 'warning' ? got[0].message : '', /over the size limit/);
});

/** `sourced check --format json` from the temp folder (the draft beside sources/), as a user runs it. */
function cli(): Promise<{ code: number; stdout: string; stderr: string }> {
  const repo = path.resolve(__dirname, '..', '..');
  const loader = pathToFileURL(path.join(repo, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', loader, path.join(repo, 'server/src/cli/main.ts'), 'check', '--format', 'json', 'draft.md'],
      { cwd: tmp, env: { ...process.env, XDG_CACHE_HOME: path.join(tmp, 'cache') }, maxBuffer: 16 * 1024 * 1024 },
      (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr }),
    );
  });
}

test('sourced check: page and time in the JSON sources, unread files on stderr and in the JSON; the cached run says the same', async () => {
  fs.writeFileSync(
    path.join(tmp, 'draft.md'),
    '# Budget\n\nStaff numbers at the council will fall from 410 to 385 by April.\n\n' +
      'Mayor Helen Osei said: “We simply cannot afford the repairs this year.”\n\n' +
      'Councillor Priya Nandakumar said 900 visitors were injured in the library building last year.\n',
  );
  const first = await cli();
  assert.equal(first.code, 1, first.stderr);
  for (const name of ['photo.jpg', 'figures.xlsx', 'scan.pdf', 'locked.pdf']) assert.match(first.stderr, new RegExp(`sourced: warning: sources/${name.replace('.', '\\.')}: `));
  const json = JSON.parse(first.stdout) as { files: Array<{ claims: Array<{ verdict: string; sources: Array<{ path: string; page?: number; time?: string }> }> }>; warnings: string[] };
  const [staff, quote, invented] = json.files[0].claims;
  assert.deepEqual([staff.verdict, staff.sources[0].path, staff.sources[0].page], ['supported', 'sources/budget-report.pdf', 2]);
  assert.deepEqual([quote.verdict, quote.sources[0].path, quote.sources[0].time], ['supported', 'sources/mayor-interview.vtt', '00:00:12']);
  assert.notEqual(invented.verdict, 'supported');
  assert.ok(json.warnings.some((w) => /photo\.jpg: not read: an image/.test(w)));
  const again = await cli();
  assert.equal(again.stdout, first.stdout);
  assert.equal(again.stderr, first.stderr);
});
