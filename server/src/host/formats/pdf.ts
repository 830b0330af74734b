// PDFs (.pdf): the text layer of each page through PDF.js (unpdf's build, no worker, no native code), in
// the order the page's content draws it, with a mark per page so a source sentence carries its page. Lines
// are rebuilt from text positions and a paragraph's lines joined; a wider gap starts a new paragraph; a
// word hyphenated across a line end is joined. A PDF without any text layer (a scan) is reported as such: there is no OCR here. An
// encrypted PDF that needs a password is reported too.

import { ExtractedTextBuilder, TooLong, errorText, type Extraction } from './extractedText.ts';
import type { ArticleMeta } from '../../service/types.ts';

/** Pages read at most (a longer document is read up to here, with a warning). */
const MAX_PAGES = 5000;

interface TextItem {
  str: string;
  hasEOL?: boolean;
  transform?: number[];
  width?: number;
  height?: number;
}

export async function extractPdf(data: Uint8Array, maxChars: number): Promise<Extraction> {
  const { getDocumentProxy } = await import('unpdf');
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>> | undefined;
  try {
    // PDF.js owns (and detaches) the buffer it is given: hand it a copy. Verbosity 0: errors only, so
    // its warnings never reach stdout (the language server's channel, the CLI's report).
    pdf = await getDocumentProxy(new Uint8Array(data), { verbosity: 0, isEvalSupported: false, stopAtErrors: false });
  } catch (err) {
    const name = (err as { name?: string })?.name;
    if (name === 'PasswordException') return { skip: 'skipped: encrypted PDF (needs a password)' };
    return { skip: `skipped: not a readable PDF (${errorText(err)})` };
  }
  try {
    const out = new ExtractedTextBuilder('pdf', maxChars);
    out.frontMatter(await pdfMeta(pdf));
    const start = out.offset;
    const pages = Math.min(pdf.numPages, MAX_PAGES);
    const empty: number[] = [];
    let failed = 0;
    for (let n = 1; n <= pages; n++) {
      let items: TextItem[];
      try {
        const page = await pdf.getPage(n);
        items = (await page.getTextContent()).items as TextItem[];
        page.cleanup();
      } catch {
        failed++;
        continue;
      }
      const paragraphs = pageParagraphs(items);
      if (paragraphs.length === 0) {
        empty.push(n);
        continue;
      }
      out.mark({ page: n });
      for (const p of paragraphs) out.paragraph(p);
    }
    if (out.isEmpty(start)) {
      if (failed === pages && pages > 0) return { skip: 'skipped: not a readable PDF (no page could be read)' };
      return { skip: `skipped: PDF with no text layer (${pages === 1 ? 'its page is' : `all ${pages} pages are`} images, e.g. a scan; Sourced does not do OCR)` };
    }
    const notes: string[] = [];
    if (empty.length) notes.push(`${pageList(empty)} ${empty.length === 1 ? 'has' : 'have'} no text layer (scanned?) and ${empty.length === 1 ? 'was' : 'were'} not read`);
    if (failed) notes.push(`${failed} ${failed === 1 ? 'page' : 'pages'} could not be read`);
    if (pdf.numPages > MAX_PAGES) notes.push(`only the first ${MAX_PAGES} of ${pdf.numPages} pages were read`);
    return out.result(notes.length ? notes.join('; ') : undefined);
  } catch (err) {
    if (err instanceof TooLong) return { skip: 'skipped: the text of this PDF is over the size limit' };
    return { skip: `skipped: not a readable PDF (${errorText(err)})` };
  } finally {
    await pdf.destroy().catch(() => undefined);
  }
}

function pageList(pages: number[]): string {
  const shown = pages.slice(0, 5).join(', ');
  return `${pages.length === 1 ? 'page' : 'pages'} ${shown}${pages.length > 5 ? ` and ${pages.length - 5} more` : ''}`;
}

async function pdfMeta(pdf: { getMetadata(): Promise<{ info: unknown }> }): Promise<ArticleMeta> {
  const meta: ArticleMeta = {};
  let info: Record<string, unknown> = {};
  try {
    info = ((await pdf.getMetadata()).info ?? {}) as Record<string, unknown>;
  } catch {
    return meta;
  }
  const str = (k: string) => (typeof info[k] === 'string' ? (info[k] as string).replace(/\s+/g, ' ').trim() : '');
  const title = str('Title');
  // Word processors' export titles ("Microsoft Word - report.docx", "untitled") say nothing.
  if (title && !/^(?:microsoft \w+ - |untitled\b)|\.(?:docx?|pdf|indd|odt)$/i.test(title)) meta.title = title;
  const author = str('Author');
  if (author) meta.author = author;
  const date = /^D:(\d{4})(\d{2})(\d{2})/.exec(str('CreationDate'));
  if (date) meta.date = `${date[1]}-${date[2]}-${date[3]}`;
  return meta;
}

/** A page number alone on a line ("3", "Page 3 of 10", "- 3 -"). */
const PAGE_NUMBER = /^(?:page\s+)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|\/)\s*\d{1,4})?$/i;

/** A page's text items as paragraphs (a paragraph's lines joined, so a sentence wrapped over two lines
 *  reads as one). */
export function pageParagraphs(items: TextItem[]): string[] {
  const lines: Array<{ text: string; y: number; h: number }> = [];
  let line = '';
  let lineY: number | undefined;
  let lineH = 0;
  let lastEnd: number | undefined;
  const endLine = () => {
    const t = line.replace(/\s+/g, ' ').trim();
    if (t) lines.push({ text: t, y: lineY ?? 0, h: lineH });
    line = '';
    lineY = undefined;
    lineH = 0;
    lastEnd = undefined;
  };
  for (const it of items) {
    const str = typeof it.str === 'string' ? it.str : '';
    const x = it.transform?.[4] ?? 0;
    const y = it.transform?.[5] ?? 0;
    const h = Math.abs(it.height ?? it.transform?.[3] ?? 0) || 10;
    if (str) {
      if (lineY !== undefined && Math.abs(y - lineY) > h * 0.5) endLine();
      if (lineY === undefined) lineY = y;
      // A gap between two items on a line is a space the PDF did not draw.
      if (lastEnd !== undefined && x - lastEnd > h * 0.15 && !/\s$/.test(line) && !/^\s/.test(str)) line += ' ';
      line += str;
      lastEnd = x + (it.width ?? 0);
      lineH = Math.max(lineH, h);
    }
    if (it.hasEOL) endLine();
  }
  endLine();
  const paragraphs: string[] = [];
  let para: string[] = [];
  const endPara = () => {
    if (para.length) paragraphs.push(para.join('\n'));
    para = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    // A page number is a running head or foot: the first or last line of the page.
    if ((i === 0 || i === lines.length - 1) && PAGE_NUMBER.test(l.text)) continue;
    const prev = lines[i - 1];
    // A gap of more than about one and a half lines, or a line drawn above the previous one (a new column)
    // starts a new paragraph.
    if (prev && (prev.y - l.y > Math.max(prev.h, l.h) * 1.8 || l.y > prev.y + prev.h)) endPara();
    const last = para.length - 1;
    if (last >= 0 && /\p{L}-$/u.test(para[last]) && /^\p{Ll}/u.test(l.text)) para[last] = para[last].slice(0, -1) + l.text;
    else para.push(l.text);
  }
  endPara();
  return paragraphs;
}
