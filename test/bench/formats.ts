// How fast each extracted source format is read: BBC articles written as a PDF (one article a page), Word
// documents, saved web pages and transcripts (one sentence a cue), then extracted through the host's
// extractors as the corpus reader does. Reported as pages, documents or cues per second.

import { loadBbcArticles } from './generate.ts';
import { extractSource } from '../../server/src/host/formats/sourceFormats.ts';
import { makeDocx, makePdf, newsPage, subRip, webVtt } from '../fixtures/sourceFiles.ts';

export interface FormatResult {
  format: string;
  /** What one unit is: a PDF page, a document, a cue. */
  unit: string;
  units: number;
  files: number;
  bytes: number;
  ms: number;
  perSecond: number;
  /** Characters of extracted text per second. */
  charsPerSecond: number;
}

const MAX = 20 * 1024 * 1024;

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const para of text.split(/\n\s*\n/)) {
    let line = '';
    for (const word of para.replace(/\s+/g, ' ').trim().split(' ')) {
      if (line && line.length + word.length + 1 > width) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    if (line) lines.push(line);
    lines.push('');
  }
  return lines;
}

/** Keeps characters the PDF's standard font can draw (WinAnsi). */
const winAnsi = (s: string) => s.replace(/[^\x20-\x7e\u00a0-\u00ff\u2018\u2019\u201c\u201d\u2013\u2014\u20ac]/g, ' ');

async function time(files: Array<{ name: string; data: Uint8Array }>, runs: number): Promise<{ ms: number; chars: number }> {
  let best = Infinity;
  let chars = 0;
  for (let r = 0; r < runs; r++) {
    chars = 0;
    const t0 = performance.now();
    for (const f of files) {
      const got = await extractSource(f.name, f.data, MAX);
      if ('skip' in got) throw new Error(`${f.name}: ${got.skip}`);
      chars += got.text.length;
    }
    best = Math.min(best, performance.now() - t0);
  }
  return { ms: best, chars };
}

export async function measureFormats(runs: number, bbcDir?: string, log: (m: string) => void = () => undefined): Promise<FormatResult[]> {
  const articles = loadBbcArticles(bbcDir).slice(0, 400).map((a) => a.text);
  const sentences = articles.flatMap((t) => t.split(/(?<=[.!?])\s+/).filter((s) => s.length > 20 && s.length < 300)).slice(0, 6000);
  const results: FormatResult[] = [];
  const add = (format: string, unit: string, units: number, files: Array<{ name: string; data: Uint8Array }>, m: { ms: number; chars: number }) => {
    const bytes = files.reduce((n, f) => n + f.data.length, 0);
    results.push({ format, unit, units, files: files.length, bytes, ms: Math.round(m.ms), perSecond: Math.round((units * 1000) / m.ms), charsPerSecond: Math.round((m.chars * 1000) / m.ms) });
    log(`formats: ${format} ${units} ${unit}s in ${m.ms.toFixed(0)} ms`);
  };

  // PDF: 10 files of 20 pages, one article a page (lines wrapped at 95 characters, cut at 60 lines).
  const pdfs: Array<{ name: string; data: Uint8Array }> = [];
  for (let f = 0; f < 10; f++) {
    const pages = articles.slice(f * 20, f * 20 + 20).map((t) => wrap(winAnsi(t), 95).slice(0, 60));
    pdfs.push({ name: `report-${f}.pdf`, data: await makePdf(pages, { title: `Report ${f}` }) });
  }
  await extractSource(pdfs[0].name, pdfs[0].data, MAX); // loads PDF.js
  add('pdf', 'page', 200, pdfs, await time(pdfs, runs));

  // Word: 100 documents, one article each (heading and paragraphs).
  const docxs: Array<{ name: string; data: Uint8Array }> = [];
  for (let i = 0; i < 100; i++) {
    const [head, ...paras] = articles[200 + i].split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
    docxs.push({ name: `release-${i}.docx`, data: await makeDocx([{ heading: head }, ...paras.map((p) => ({ paragraph: p }))], { title: head, creator: 'Press office' }) });
  }
  await extractSource(docxs[0].name, docxs[0].data, MAX);
  add('docx', 'document', docxs.length, docxs, await time(docxs, runs));

  // Web pages: 100 saved articles with page furniture around them.
  const pages = articles.slice(300, 400).map((t, i) => {
    const [head, ...paras] = t.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
    return { name: `page-${i}.html`, data: Buffer.from(newsPage({ headline: head, author: 'Staff reporter', date: '2005-03-01', outlet: 'BBC News', paragraphs: paras })) };
  });
  await extractSource(pages[0].name, pages[0].data, MAX);
  add('html', 'page', pages.length, pages, await time(pages, runs));

  // Transcripts: 10 files of 600 cues, one sentence a cue, two speakers taking turns.
  const vtts: Array<{ name: string; data: Uint8Array }> = [];
  const srts: Array<{ name: string; data: Uint8Array }> = [];
  for (let f = 0; f < 10; f++) {
    const cues = sentences.slice(f * 600, f * 600 + 600);
    vtts.push({ name: `interview-${f}.vtt`, data: Buffer.from(webVtt(cues.map((s, i) => [i * 5, i % 8 < 4 ? 'Ana Lima' : 'Tom Reyes', s]))) });
    srts.push({ name: `presser-${f}.srt`, data: Buffer.from(subRip(cues.map((s, i) => [i * 5, i % 8 === 0 ? `ANA LIMA: ${s}` : s]))) });
  }
  const cueCount = vtts.length * 600;
  add('vtt', 'cue', cueCount, vtts, await time(vtts, runs));
  add('srt', 'cue', cueCount, srts, await time(srts, runs));
  return results;
}

export function renderFormats(results: FormatResult[]): string {
  const rows = results.map((r) => `| ${r.format} | ${r.units.toLocaleString('en')} ${r.unit}s in ${r.files} files (${(r.bytes / 1024 / 1024).toFixed(1)} MB) | ${r.ms.toLocaleString('en')} ms | **${r.perSecond.toLocaleString('en')} ${r.unit}s/s** | ${(r.charsPerSecond / 1e6).toFixed(2)} M chars/s |`);
  return ['| format | read | time (best run) | rate | extracted text |', '|---|---|---|---|---|', ...rows].join('\n');
}
