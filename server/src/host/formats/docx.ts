// Word documents (.docx): paragraphs, headings, lists and tables (a row per paragraph, cells separated by
// " | ") through mammoth's HTML conversion, read like a web page's article; title, author and date from the
// document's core properties (docProps/core.xml). Where pages break depends on how Word lays the document
// out (mammoth does not keep the last layout's break marks), so a Word source has lines, not pages.

import { parseHTML } from 'linkedom';
import type { ArticleMeta } from '../../service/types.ts';
import { ExtractedTextBuilder, TooLong, errorText, type Extraction } from './extractedText.ts';
import { blockTexts } from './html.ts';

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

export async function extractDocx(data: Uint8Array, maxChars: number): Promise<Extraction> {
  if (OLE_MAGIC.every((b, i) => data[i] === b)) {
    // Word keeps a password-protected .docx in an OLE container; an old .doc renamed looks the same.
    return { skip: 'skipped: encrypted Word document (needs a password), or an old .doc file renamed' };
  }
  if (data[0] !== 0x50 || data[1] !== 0x4b) return { skip: 'skipped: not a readable Word document (not a .docx zip file)' };
  const [{ default: mammoth }, { default: JSZip }] = await Promise.all([import('mammoth'), import('jszip')]);
  let zip: InstanceType<typeof JSZip>;
  try {
    zip = await JSZip.loadAsync(data);
  } catch (err) {
    return { skip: `skipped: not a readable Word document (${errorText(err)})` };
  }
  if (!zip.file('word/document.xml')) return { skip: 'skipped: not a Word document (no word/document.xml inside)' };
  let html: string;
  try {
    const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    // Images are left out: only their alt text would be text, and embedding them as data URIs costs memory.
    html = (await mammoth.convertToHtml({ buffer }, { convertImage: mammoth.images.imgElement(async () => ({ src: '' })) })).value;
  } catch (err) {
    return { skip: `skipped: not a readable Word document (${errorText(err)})` };
  }
  if (html.length > maxChars * 4) return { skip: 'skipped: the text of this Word document is over the size limit' };
  try {
    const out = new ExtractedTextBuilder('docx', maxChars);
    const meta = await coreProperties(zip);
    out.frontMatter(meta);
    const start = out.offset;
    const body = parseHTML(`<!doctype html><html><body>${html}</body></html>`).document.body as unknown as Parameters<typeof blockTexts>[0];
    for (const p of blockTexts(body)) out.paragraph(p);
    if (out.isEmpty(start)) return { skip: 'skipped: Word document with no text' };
    return out.result();
  } catch (err) {
    if (err instanceof TooLong) return { skip: 'skipped: the text of this Word document is over the size limit' };
    return { skip: `skipped: not a readable Word document (${errorText(err)})` };
  }
}

/** dc:title, dc:creator and dcterms:created (or modified) of docProps/core.xml. */
async function coreProperties(zip: { file(name: string): { async(type: 'string'): Promise<string> } | null }): Promise<ArticleMeta> {
  const meta: ArticleMeta = {};
  let xml: string;
  try {
    xml = (await zip.file('docProps/core.xml')?.async('string')) ?? '';
  } catch {
    return meta;
  }
  if (!xml || xml.length > 1_000_000) return meta;
  const { document } = parseHTML(''); // only for its XML parser
  const DOMParserCtor = (document.defaultView as unknown as { DOMParser: new () => { parseFromString(s: string, type: string): XmlDoc } }).DOMParser;
  let doc: XmlDoc;
  try {
    doc = new DOMParserCtor().parseFromString(xml, 'text/xml');
  } catch {
    return meta;
  }
  const field = (...names: string[]): string | undefined => {
    for (const name of names) {
      const el = doc.getElementsByTagName(name)[0];
      const v = el?.textContent?.replace(/\s+/g, ' ').trim();
      if (v) return v;
    }
    return undefined;
  };
  const title = field('dc:title');
  if (title) meta.title = title;
  const author = field('dc:creator');
  if (author) meta.author = author;
  const date = /^(\d{4}-\d{2}-\d{2})/.exec(field('dcterms:created', 'dcterms:modified') ?? '');
  if (date) meta.date = date[1];
  return meta;
}

interface XmlDoc {
  getElementsByTagName(name: string): ArrayLike<{ textContent: string | null }>;
}
