// Saved web pages (.html, .htm): the article as a reader sees it. Mozilla's Readability (Firefox's reader
// view) picks the article body out of navigation, cookie banners, related links and footers, on a linkedom
// DOM; scripts, styles and forms are removed before anything reads the page. Metadata comes from the usual
// places: JSON-LD (NewsArticle and kin), og:/article: meta tags, <meta name="author">, <time>, <title>.

import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import type { ArticleMeta } from '../../service/types.ts';
import { ExtractedTextBuilder, TooLong, errorText, type Extraction } from './extractedText.ts';

/** Elements whose text is never article text. */
const NEVER_TEXT = 'script, style, noscript, template, iframe, object, embed, svg, canvas, form, button, select, textarea, dialog';
/** Page furniture, removed when Readability finds no article and the whole page is read instead. */
const FURNITURE =
  'nav, header, footer, aside, menu, [role="navigation"], [role="banner"], [role="contentinfo"], [role="complementary"], [aria-hidden="true"], [hidden]';
/** Elements that end a paragraph. */
const BLOCK = new Set(
  'ADDRESS ARTICLE ASIDE BLOCKQUOTE BODY BR DD DETAILS DIV DL DT FIELDSET FIGCAPTION FIGURE FOOTER H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION SUMMARY TABLE TBODY THEAD TFOOT TR UL'.split(' '),
);
const CELL = new Set(['TD', 'TH']);

// linkedom's DOM, typed loosely: only the few members used here.
interface El {
  nodeType: number;
  tagName?: string;
  textContent: string | null;
  childNodes: ArrayLike<El>;
  getAttribute?(name: string): string | null;
}

export function extractHtml(html: string, maxChars: number): Extraction {
  try {
    const { document } = parseHTML(html);
    const meta = pageMeta(document); // JSON-LD lives in script elements: read before they go
    for (const el of [...document.querySelectorAll(NEVER_TEXT)]) el.remove();
    const body = document.body as unknown as El | null;
    let content: El | null = null;
    let byline: string | undefined;
    try {
      // Readability changes the document it reads: the metadata was taken above.
      const article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], { charThreshold: 200, keepClasses: false }).parse();
      if (article?.content) {
        content = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`).document.body as unknown as El;
        byline = article.byline?.trim() || undefined;
        if (!meta.title && article.title) meta.title = article.title;
        if (!meta.outlet && article.siteName) meta.outlet = article.siteName;
        if (!meta.date && article.publishedTime) meta.date = article.publishedTime;
      }
    } catch {
      content = null; // the whole page, without its furniture, below
    }
    if (!content && body) {
      const { document: fresh } = parseHTML(html);
      for (const el of [...fresh.querySelectorAll(`${NEVER_TEXT}, ${FURNITURE}`)]) el.remove();
      content = fresh.body as unknown as El;
    }
    if (!meta.author && byline && byline.length < 100) meta.author = byline.replace(/^by\s+/i, '');
    const out = new ExtractedTextBuilder('html', maxChars);
    out.frontMatter(meta);
    const start = out.offset;
    // The headline, byline and date as the page shows them above the article (Readability drops them).
    const header = [meta.title, meta.author && `By ${meta.author}`, meta.date].filter((h): h is string => !!h);
    for (const h of header) out.paragraph(h);
    const bodyStart = out.offset;
    const paragraphs = content ? blockTexts(content) : [];
    // The article's own headline, byline and date lines, when Readability kept them, are written once.
    const seen = new Set(header.map(key));
    let k = 0;
    while (k < Math.min(paragraphs.length, 6) && (seen.has(key(paragraphs[k])) || seen.has(key(`By ${paragraphs[k]}`)))) k++;
    for (const p of paragraphs.slice(k)) out.paragraph(p);
    if (out.isEmpty(bodyStart)) return { skip: out.isEmpty(start) ? 'skipped: web page with no text' : 'skipped: web page with no article text' };
    return out.result();
  } catch (err) {
    if (err instanceof TooLong) return { skip: 'skipped: the text of this web page is over the size limit' };
    return { skip: `skipped: could not read this web page (${errorText(err)})` };
  }
}

/** Paragraph texts of an element, in document order: each block element is a paragraph; table rows are
 *  one paragraph each, cells separated by " | ". Exported for Word documents (read as HTML). */
export function blockTexts(root: El): string[] {
  const out: string[] = [];
  let current = '';
  const flush = () => {
    const t = collapse(current);
    if (t) out.push(t);
    current = '';
  };
  const walk = (node: El, depth: number): void => {
    if (depth > 200) {
      current += ` ${node.textContent ?? ''}`;
      return;
    }
    if (node.nodeType === 3) {
      current += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = (node.tagName ?? '').toUpperCase();
    if (tag === 'TR') {
      flush();
      const cells: string[] = [];
      for (const cell of Array.from(node.childNodes)) {
        if (cell.nodeType === 1 && CELL.has((cell.tagName ?? '').toUpperCase())) {
          const t = collapse(cell.textContent ?? '');
          if (t) cells.push(t);
        }
      }
      current = cells.join(' | ');
      flush();
      return;
    }
    const block = BLOCK.has(tag);
    if (block) flush();
    for (const child of Array.from(node.childNodes)) walk(child, depth + 1);
    if (block) flush();
    else if (tag === 'IMG' || tag === 'BR') current += ' ';
  };
  walk(root, 0);
  flush();
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Metadata

interface Doc {
  querySelector(sel: string): { getAttribute(name: string): string | null; textContent: string | null } | null;
  querySelectorAll(sel: string): ArrayLike<{ textContent: string | null }>;
  title?: string;
}

function pageMeta(doc: Doc): ArticleMeta {
  const meta: ArticleMeta = {};
  const ld = jsonLdArticle(doc);
  const attr = (sel: string, name = 'content'): string | undefined => clean(doc.querySelector(sel)?.getAttribute(name));
  const title =
    clean(typeof ld?.headline === 'string' ? ld.headline : undefined) ??
    attr('meta[property="og:title"]') ??
    attr('meta[name="twitter:title"]') ??
    siteTitle(clean(doc.querySelector('title')?.textContent));
  if (title) meta.title = title;
  const author = ldName(ld?.author) ?? attr('meta[name="author"]') ?? attr('meta[property="article:author"]') ?? clean(doc.querySelector('[rel="author"]')?.textContent);
  if (author && !/^https?:/.test(author)) meta.author = author;
  const date =
    (typeof ld?.datePublished === 'string' ? ld.datePublished : undefined) ??
    attr('meta[property="article:published_time"]') ??
    attr('meta[name="date"]') ??
    attr('meta[name="pubdate"]') ??
    attr('meta[name="dc.date"]') ??
    attr('time[datetime]', 'datetime');
  const iso = date ? /^(\d{4}-\d{2}-\d{2})/.exec(date.trim())?.[1] : undefined;
  if (iso) meta.date = iso;
  else if (date) meta.date = date;
  const outlet = ldName(ld?.publisher) ?? attr('meta[property="og:site_name"]') ?? attr('meta[name="application-name"]');
  if (outlet) meta.outlet = outlet;
  return meta;
}

type Json = Record<string, unknown>;
const ARTICLE_TYPES = /^(?:NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BlogPosting|Report|LiveBlogPosting|WebPage)$/;

/** The first JSON-LD object typed as an article (inside @graph or arrays too). */
function jsonLdArticle(doc: Doc): Json | undefined {
  const scripts = Array.from(doc.querySelectorAll('script[type="application/ld+json"]'));
  const found: Json[] = [];
  const visit = (v: unknown, depth: number): void => {
    if (depth > 5 || found.length > 0 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1);
      return;
    }
    const o = v as Json;
    const types = Array.isArray(o['@type']) ? o['@type'] : [o['@type']];
    if (types.some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t) && t !== 'WebPage')) found.push(o);
    else if (o['@graph']) visit(o['@graph'], depth + 1);
  };
  for (const s of scripts) {
    try {
      visit(JSON.parse(s.textContent ?? ''), 0);
    } catch {
      // malformed JSON-LD: the meta tags still count
    }
  }
  return found[0];
}

/** A JSON-LD person or organisation (or a list of them) as a name. */
function ldName(v: unknown): string | undefined {
  if (typeof v === 'string') return clean(v);
  if (Array.isArray(v)) {
    const names = v.map(ldName).filter((x): x is string => !!x);
    return names.length ? names.join(', ') : undefined;
  }
  if (v && typeof v === 'object' && typeof (v as Json).name === 'string') return clean((v as Json).name as string);
  return undefined;
}

/** "Council closes library | The Gazette" → the headline side. */
function siteTitle(title: string | undefined): string | undefined {
  if (!title) return undefined;
  const parts = title.split(/\s+[|–—-]\s+/);
  if (parts.length < 2) return title;
  return parts.reduce((a, b) => (b.length > a.length ? b : a));
}

function clean(s: string | null | undefined): string | undefined {
  const t = s?.replace(/\s+/g, ' ').trim();
  return t ? t : undefined;
}

function key(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
