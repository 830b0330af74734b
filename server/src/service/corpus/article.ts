// Article metadata: YAML front matter when present, else what news-writing conventions put at the top of
// a story (headline line, byline, date line, "SEOUL (Reuters) –" dateline). Raw dumps such as the BBC set
// run the headline into the first sentence; that run-in is split off so it does not pollute the lede.

import { parse as parseYaml } from 'yaml';
import type { ArticleMeta, Span } from '../types.ts';
import { repairMojibake } from '../text/words.ts';

export interface ParsedArticle {
  /** Footnote-safe citation key derived from the file name. */
  key: string;
  meta: ArticleMeta;
  /** Title from metadata, else the headline, else the first words of the body. */
  title: string;
  /**
   * Offset of the first body sentence: after front matter and after header lines set apart on their own
   * (headline, byline, date line). A headline run into the first paragraph stays inside the body.
   */
  bodyStart: number;
  /** The headline as written: before bodyStart when on its own line, at bodyStart when run in. */
  headline?: Span;
}

const MAX_FRONT_MATTER = 64 * 1024;
const MAX_HEADER_LINES = 10;
const MAX_HEADER_CHARS = 3000;
const MAX_HEADER_LINE = 150;

export function parseArticle(uri: string, text: string): ParsedArticle {
  const meta: ArticleMeta = {};
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const fm = readFrontMatter(text, pos);
  if (fm) {
    Object.assign(meta, fm.meta);
    pos = fm.end;
  }
  const header = scanHeader(text, pos, meta);
  let headline = header.headline;
  const bodyStart = header.bodyStart;

  const line = lineAt(text, bodyStart);
  const dl = matchDateline(line.text.slice(0, 200));
  if (dl) {
    if (dl.place && !meta.dateline) meta.dateline = dl.place;
    if (dl.outlet && !meta.outlet) meta.outlet = dl.outlet;
  } else if (!headline) {
    const runIn = meta.title ? titleRunIn(line.text, meta.title) : findRunInHeadline(line.text, text);
    // A run-in headline stays inside the body (bodyStart unchanged): the indexer splits it off as a
    // sentence of its own at `headline.end`.
    if (runIn !== undefined) headline = { start: line.start, end: line.start + runIn.end };
  }
  if (!meta.title && headline) meta.title = collapse(text.slice(headline.start, headline.end).replace(/^#+\s*/, ''));
  // Titles and metadata are shown as they are meant (UTF-8 read as Windows-1252, "Â£35bn", is repaired):
  // they travel into hovers, diagnostics and the footnotes a quick fix writes into a draft. The text keeps
  // its bytes, so positions in it stay exact; what is shown of it is repaired where it is shown.
  for (const [k, v] of Object.entries(meta)) if (typeof v === 'string') (meta as Record<string, unknown>)[k] = repairMojibake(v);
  const title = repairMojibake(meta.title ?? firstWords(text, bodyStart + (dl?.end ?? 0)));
  return { key: keyFromUri(uri), meta, title, bodyStart, ...(headline ? { headline } : {}) };
}

/** File name stem of a URI, reduced to [A-Za-z0-9_-] so it can serve as a footnote label. */
export function keyFromUri(uri: string): string {
  const noQuery = uri.replace(/[?#].*$/s, '');
  let name = noQuery.slice(Math.max(noQuery.lastIndexOf('/'), noQuery.lastIndexOf('\\')) + 1);
  try {
    name = decodeURIComponent(name);
  } catch {
    // keep the raw name when the escape is malformed
  }
  const dot = name.lastIndexOf('.');
  if (dot > 0) name = name.slice(0, dot);
  const key = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return key || 'article';
}

// ---------------------------------------------------------------------------------------------------
// Front matter

function readFrontMatter(text: string, pos: number): { meta: ArticleMeta; end: number } | undefined {
  const open = /^---[ \t]*\r?\n/y;
  open.lastIndex = pos;
  if (!open.test(text)) return undefined;
  const contentStart = open.lastIndex;
  const close = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/gm;
  close.lastIndex = contentStart;
  const m = close.exec(text.slice(0, contentStart + MAX_FRONT_MATTER));
  if (!m) return undefined;
  const yamlText = text.slice(contentStart, m.index);
  const end = m.index + m[0].length;
  let data: unknown;
  try {
    data = parseYaml(yamlText, { logLevel: 'silent', uniqueKeys: false, maxAliasCount: 50 });
  } catch {
    // Broken YAML: no metadata, but skip the block when it was clearly meant as front matter.
    return looksLikeYaml(yamlText) ? { meta: {}, end } : undefined;
  }
  if (data === null || data === undefined) return { meta: {}, end };
  if (typeof data !== 'object' || Array.isArray(data)) return undefined;
  return { meta: metaFromRecord(data as Record<string, unknown>), end };
}

function looksLikeYaml(s: string): boolean {
  const first = s.split('\n').find((l) => l.trim() !== '');
  return first === undefined || /^\s*[\w-]+\s*:/.test(first);
}

function metaFromRecord(rec: Record<string, unknown>): ArticleMeta {
  const lower: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(rec)) lower[k.toLowerCase()] = v;
  const str = (...keys: string[]): string | undefined => {
    for (const k of keys) {
      const v = lower[k];
      if (typeof v === 'string' && v.trim()) return collapse(v);
      if (typeof v === 'number') return String(v);
      if (Array.isArray(v) && v.length && v.every((x) => typeof x === 'string')) return (v as string[]).join(', ');
    }
    return undefined;
  };
  const meta: ArticleMeta = {};
  const title = str('title', 'headline');
  if (title) meta.title = title;
  const outlet = str('outlet', 'publication', 'publisher', 'source', 'site');
  if (outlet) meta.outlet = outlet;
  const author = str('author', 'authors', 'byline');
  if (author) meta.author = author.replace(/^by\s+/i, '');
  const rawDate = lower['date'] ?? lower['published'] ?? lower['pubdate'];
  const date = rawDate instanceof Date ? isoFromDate(rawDate) : typeof rawDate === 'string' ? normalizeDate(rawDate) : undefined;
  if (date) meta.date = date;
  const dateline = str('dateline', 'location');
  if (dateline) meta.dateline = dateline;
  const section = str('section', 'category', 'desk');
  if (section) meta.section = section;
  return meta;
}

function isoFromDate(d: Date): string | undefined {
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------------
// Dates

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const DATE_ISO = /(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/;
const DATE_DMY = new RegExp(`(?<!\\d)(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}\\.?,?\\s+(\\d{4})(?!\\d)`, 'i');
const DATE_MDY = new RegExp(`\\b${MONTH}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)`, 'i');
const DATE_SLASH = /(?<!\d)(\d{1,2})\/(\d{1,2})\/(\d{4})(?!\d)/;

/** Finds the first full date (with year) in a short text and returns it as YYYY-MM-DD. */
export function normalizeDate(s: string): string | undefined {
  let m = DATE_ISO.exec(s);
  if (m) return iso(+m[1], +m[2], +m[3]);
  m = DATE_DMY.exec(s);
  if (m) return iso(+m[3], monthNumber(m[2]), +m[1]);
  m = DATE_MDY.exec(s);
  if (m) return iso(+m[3], monthNumber(m[1]), +m[2]);
  m = DATE_SLASH.exec(s);
  if (m) {
    // US order unless the first field cannot be a month.
    const a = +m[1];
    const b = +m[2];
    return a > 12 ? iso(+m[3], b, a) : iso(+m[3], a, b);
  }
  return undefined;
}

function monthNumber(name: string): number {
  return MONTHS[name.slice(0, 3).toLowerCase()] ?? 0;
}

function iso(y: number, mo: number, d: number): string | undefined {
  if (y < 1800 || y > 2200 || mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------------------------------
// Header lines

interface Line {
  start: number;
  end: number;
  text: string;
}

function lineAt(text: string, pos: number): Line {
  let end = text.indexOf('\n', pos);
  if (end < 0) end = text.length;
  const raw = text.slice(pos, end);
  return { start: pos, end, text: raw.replace(/\r$/, '') };
}

const META_LINE = /^\(meta ?data\)\s*([A-Z][A-Z ]*?)\s*:\s*(.*)$/i;
const NAME_WORD = "[A-Z][\\p{L}'’.-]*";
const NAME = `${NAME_WORD}(?:\\s+(?:(?:de|da|van|von|der|al|bin|le|la)\\s+)?${NAME_WORD}){0,3}`;
const BYLINE = new RegExp(`^by\\s+(${NAME}(?:\\s*(?:,|and|&)\\s*${NAME})*)(?:\\s*[,|–—-]\\s*(.{2,40}))?$`, 'iu');
const NAME_LINE = new RegExp(`^${NAME}$`, 'u');
const BODY_END = /[.!?;:,]["'”’)]?$/;

type LineKind = 'meta' | 'byline' | 'date' | 'name' | 'candidate' | 'heading' | 'body';

interface HeaderLine extends Line {
  kind: LineKind;
  /** Text without the Markdown heading marks. */
  clean: string;
}

function classify(line: Line, meta: ArticleMeta): HeaderLine {
  // Long lines are paragraphs; bail out before any regex or copy touches them.
  if (line.text.length > 2000) return { ...line, kind: 'body', clean: '' };
  const trimmed = line.text.trim();
  const heading = /^(#{1,6})\s+(.*?)\s*#*$/.exec(trimmed);
  const clean = collapse(heading ? heading[2] : trimmed);
  const base = { ...line, clean };
  const mm = META_LINE.exec(trimmed);
  if (mm) {
    const key = mm[1].toLowerCase();
    const value = collapse(mm[2]);
    if (key === 'title' && value && !meta.title) splitSiteTitle(value, meta);
    else if (/date|published|time/.test(key) && !meta.date) {
      const d = normalizeDate(value);
      if (d) meta.date = d;
    } else if (key === 'author' && value && !meta.author && !/[/@]/.test(value)) meta.author = value;
    return { ...base, kind: 'meta' };
  }
  if (trimmed.length > MAX_HEADER_LINE) return { ...base, kind: 'body' };
  if (heading) return { ...base, kind: 'heading' };
  const by = BYLINE.exec(clean);
  if (by) return { ...base, kind: 'byline' };
  if (clean.length <= 80 && clean.split(' ').length <= 10 && normalizeDate(clean)) return { ...base, kind: 'date' };
  if (BODY_END.test(clean) || matchDateline(clean)) return { ...base, kind: 'body' };
  if (clean.length <= 40 && NAME_LINE.test(clean) && clean.includes(' ')) return { ...base, kind: 'name' };
  return { ...base, kind: 'candidate' };
}

/** "BBC News - Kate Winslet marries…" / "Crew Makes It To Space – Space Station": the short side is the site. */
function splitSiteTitle(value: string, meta: ArticleMeta): void {
  const parts = value.split(/\s+[|–—-]\s+/);
  if (parts.length > 2 && value.includes(' | ')) {
    // "Headline | Writer | Section | The Guardian"
    meta.title = parts[0];
    meta.outlet ??= parts[parts.length - 1];
    return;
  }
  if (parts.length === 2) {
    const [a, b] = parts;
    const wa = a.split(' ').length;
    const wb = b.split(' ').length;
    if (wa < wb && wa <= 4) {
      meta.title = b;
      meta.outlet ??= a;
      return;
    }
    if (wb <= 4) {
      meta.title = a;
      meta.outlet ??= b;
      return;
    }
  }
  meta.title = value;
}

function scanHeader(text: string, pos: number, meta: ArticleMeta): { bodyStart: number; headline?: Span } {
  const lines: HeaderLine[] = [];
  let p = pos;
  let bodyLine: HeaderLine | undefined;
  const limit = Math.min(text.length, pos + MAX_HEADER_CHARS);
  while (p < limit && lines.length < MAX_HEADER_LINES) {
    const line = lineAt(text, p);
    p = line.end + 1;
    if (line.text.trim() === '') continue;
    const c = classify(line, meta);
    if (c.kind === 'body') {
      bodyLine = c;
      break;
    }
    lines.push(c);
  }
  // A name line directly above a date line is a byline ("Peter Symonds" / "18 December 2019").
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.kind === 'name' && lines[i + 1]?.kind === 'date') {
      l.kind = 'byline';
    } else if (l.kind === 'name') {
      l.kind = 'candidate';
    }
  }
  for (const l of lines) {
    if (l.kind === 'byline' && !meta.author) {
      const by = BYLINE.exec(l.clean);
      let author = by ? by[1] : l.clean;
      let outlet = by?.[2];
      // "By Jane Doe, Reuters": a one-word tail after a comma is the agency, not a second writer.
      const tail = /,\s*([A-Z][\p{L}.&]*)$/u.exec(author);
      if (tail && author.includes(' ')) {
        outlet ??= tail[1];
        author = author.slice(0, tail.index);
      }
      meta.author = author.trim();
      if (outlet && !meta.outlet && !normalizeDate(outlet)) meta.outlet = outlet.trim();
    }
    if (l.kind === 'date' && !meta.date) meta.date = normalizeDate(l.clean);
  }

  const headlineLine = pickHeadline(lines, meta);
  let lastRecognised = -1;
  for (let i = 0; i < lines.length; i++) {
    const k = lines[i].kind;
    if (k === 'meta' || k === 'byline' || k === 'date' || lines[i] === headlineLine) lastRecognised = i;
  }
  const end = bodyLine?.start ?? skipSpace(text, Math.min(p, text.length));
  let bodyStart: number;
  if (lastRecognised >= 0) {
    // A line or two between the byline and the first paragraph (standfirst, label) is furniture too.
    const rest = lines.length - 1 - lastRecognised;
    bodyStart = bodyLine && rest <= 2 ? bodyLine.start : (lines[lastRecognised + 1]?.start ?? end);
  } else if (bodyLine && lines.length <= 2) {
    bodyStart = bodyLine.start;
  } else {
    bodyStart = lines[0]?.start ?? end;
  }
  const headline = headlineLine ? trimSpan(text, headlineLine.start, headlineLine.end) : undefined;
  return headline ? { bodyStart, headline } : { bodyStart };
}

function pickHeadline(lines: HeaderLine[], meta: ArticleMeta): HeaderLine | undefined {
  const pool = lines.slice(0, 6).filter((l) => l.kind === 'candidate' || l.kind === 'heading');
  if (meta.title) {
    const want = normKey(meta.title);
    return pool.find((l) => normKey(l.clean) === want);
  }
  const heading = pool.find((l) => l.kind === 'heading');
  if (heading) return heading;
  // Labels like "World News" are short; the headline is the longest line near the top.
  let best: HeaderLine | undefined;
  for (const l of pool.slice(0, 4)) {
    const words = l.clean.split(' ').length;
    if (words < 3 || words > 25) continue;
    if (!best || l.clean.length > best.clean.length) best = l;
  }
  return best;
}

// ---------------------------------------------------------------------------------------------------
// Datelines: "SEOUL (Reuters) –", "WASHINGTON, Dec 5 (Reuters) -", "Tokyo (CNN)It's…", "LONDON — …"

const DATELINE_PAREN = new RegExp(
  "^([A-Z][\\p{L}.'’ -]{1,40}?(?:,\\s*[A-Z][\\p{L}\\d.'’ -]{0,30}?)?)\\s*\\(([A-Z][A-Za-z.&' ]{0,24}[A-Za-z.])\\)\\s*(?:(?:--|[-–—:])\\s*|(?=[A-Z\"“‘']))",
  'u',
);
const DATELINE_DASH = /^([A-Z][A-Z.'’ -]{1,30}[A-Z.])(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s+(?:--|[—–])\s+(?=\S)/u;
const DATE_TAIL = new RegExp(`,\\s*${MONTH}\\.?\\s+\\d{1,2}(?:,\\s*\\d{4})?$`, 'i');

export function matchDateline(s: string): { place?: string; outlet?: string; end: number } | undefined {
  const m = DATELINE_PAREN.exec(s);
  if (m) {
    const place = m[1].replace(DATE_TAIL, '').trim();
    if (place.split(/\s+/).length > 5) return undefined;
    return { place: place || undefined, outlet: m[2].trim(), end: m[0].length };
  }
  const d = DATELINE_DASH.exec(s);
  if (d) return { place: d[1].trim(), end: d[0].length };
  return undefined;
}

// ---------------------------------------------------------------------------------------------------
// Headlines run into the first sentence

function titleRunIn(line: string, title: string): { end: number } | undefined {
  const t = title.trim();
  if (!t || !line.startsWith(t) || line.length <= t.length + 20) return undefined;
  const next = line.charAt(t.length);
  if (!/[\sA-Z"“‘']/.test(next)) return undefined;
  return { end: t.length };
}

const CAMEL = /[a-z][A-Z]/g;
const SURNAME_PREFIX = /^(?:Mc|Mac|Fitz|Di|De|Da|Du|La|Le|Van|Von|O')$/;
const SENTENCE_END = /[.!?]["'”’]?\s/;
const FUNCTION_WORDS = new Set(
  (
    'a an the this that these those it its he she they we i you his her their our my there here in on at ' +
    'for from with by as after before when while since if although though but and or so now more most some ' +
    'many much several few all both each every no one two three four five six seven eight nine ten former ' +
    'new top senior leading shares sales plans police officials ministers people fans users'
  ).split(' '),
);

/** Where a headline run into the body ends; `undefined` when the first line does not look like one. */
export function findRunInHeadline(line: string, fullText = line): { end: number } | undefined {
  if (line.length < 150) return undefined;
  const head = line.slice(0, 121);
  const recurs = fullText.length > 100_000 ? fullText.slice(0, 100_000) : fullText;
  // No separator at all: "…Time Warner profitQuarterly profits at…". Real camel-case words (iPod,
  // PlayStation) recur in the article, a run-in join does not.
  CAMEL.lastIndex = 0;
  for (let m = CAMEL.exec(head); m; m = CAMEL.exec(head)) {
    const cut = m.index + 1;
    const left = line.slice(0, cut);
    if (left.length < 10 || !left.includes(' ') || SENTENCE_END.test(left)) continue;
    const fragStart = left.lastIndexOf(' ') + 1;
    // A surname's prefix ("McCartney", "MacLeod", "DiCaprio") is no join.
    if (cut - fragStart < 2 || SURNAME_PREFIX.test(line.slice(fragStart, cut))) continue;
    const rightWord = /^[A-Z][a-z']*/.exec(line.slice(cut))?.[0] ?? '';
    if (rightWord.length < 1) continue;
    const token = line.slice(fragStart, cut + rightWord.length);
    if (recurs.indexOf(token, cut + rightWord.length) >= 0) continue;
    return { end: cut };
  }
  return spaceRunIn(line, fullText);
}

/**
 * Headline and lede separated by a plain space ("Blair moves to woo Jewish voters Tony Blair has pledged…").
 * A boundary needs the lede to echo a headline word (news ledes restate the headline) and is scored by
 * how much the capitalised word looks like a sentence start; without an echo there is no split, since a
 * wrong split would cut the subject off an ordinary lede.
 */
function spaceRunIn(line: string, fullText: string): { end: number } | undefined {
  const words: Array<{ start: number; end: number; w: string }> = [];
  const re = /\S+/g;
  for (let m = re.exec(line); m && words.length < 18 && m.index < 160; m = re.exec(line)) {
    words.push({ start: m.index, end: m.index + m[0].length, w: m[0] });
  }
  let lowerWords: Set<string> | undefined;
  let best: { k: number; score: number } | undefined;
  // BBC-style headlines are short (3–9 words) and never carry a clause of the lede.
  for (let k = 3; k < Math.min(words.length - 1, 10); k++) {
    const cand = words[k];
    const prev = words[k - 1];
    if (/[.;:!?]["'”’]?$/.test(prev.w) || prev.end > 70) break;
    if (/,["'”’]?$/.test(words[k - 2].w) && !/^(?:says?|warns?|claims?|admits?|insists?)$/i.test(prev.w)) break;
    if (/^\d/.test(prev.w) && MONTH_START.test(cand.w)) continue;
    const bare = cand.w.replace(/^["“‘']+/, '');
    if (!/^[A-Z]/.test(bare)) continue;
    if (/,["'”’]?$/.test(prev.w)) break;
    const prevBare = prev.w.replace(/["'”’]+$/, '').toLowerCase();
    if (HEADLINE_NEVER_ENDS.has(prevBare)) continue;
    // "…move for Owen | Newcastle boss Graeme Souness…": a lede opening with team/country + role + name.
    const rolePhraseStart = isRole(words[k + 1]?.w ?? '') && /^[A-Z]/.test(words[k + 2]?.w ?? '');
    if (isRole(prev.w) && /^[A-Z]/.test(words[k - 2].w)) continue;
    const lede = line.slice(cand.start, Math.min(line.length, cand.start + 300)).split(SENTENCE_END)[0];
    const head = words.slice(0, k).map((x) => x.w);
    const echo = echoCount(head, lede);
    if (echo === 0) continue;
    // A repeated headline name right at the split belongs to the lede's subject phrase: after a first
    // name ("Greg | Rusedski") or a role just opened by an earlier split ("Swiss drugmaker | Novartis").
    const name = bare.replace(/['’]s$|[^\p{L}\p{N}'’-]+$/gu, '');
    if (head.some((w) => w.replace(/['’]s$|[^\p{L}\p{N}'’-]+$/gu, '').replace(/^["“‘']+/, '') === name)) {
      if (/^[A-Z]/.test(prev.w) || isRole(prev.w)) continue;
    }
    const lw = bare.replace(/[^A-Za-z'’-].*$/, '').toLowerCase();
    lowerWords ??= new Set(fullText.slice(0, 6000).match(/(?<![\p{L}'’])[a-z][a-z'’-]+/gu) ?? []);
    const common = FUNCTION_WORDS.has(lw) || lowerWords.has(lw);
    const prevLower = /^["“‘']*[a-z0-9]/.test(prev.w);
    // Two capitalised words in a row are one name ("Sri Lanka") unless the second is an ordinary word.
    if (!prevLower && !common && !rolePhraseStart) continue;
    let score = 0.75 * Math.min(echo, 2);
    if (prevLower) score += 1;
    if (common) score += 2;
    if (k >= 4 && k <= 9) score += 0.5;
    // Headlines drop auxiliaries ("Blair backs…"); "…Tony Blair has backed" is already the lede.
    if (head.some((w) => BODY_VERBS.has(w.toLowerCase()))) score -= 2;
    if (score >= 1.75 && (!best || score >= best.score)) best = { k, score };
  }
  if (!best) return undefined;
  return { end: words[best.k - 1].end };
}

const HEADLINE_NEVER_ENDS = new Set(
  ('a an the of to for by and or nor but with in on at from as that is are was were be been has have had his her its ' +
    'their our my your who whom which new also called named will would could should can may might must than ' +
    'against after before into onto over under about following despite during via per not no so if then when ' +
    'where while because though although his').split(' '),
);
const MONTH_START = new RegExp(`^${MONTH}\\b`);

const ROLE_NOUNS = new Set(
  ('boss chief coach wing star champion minister secretary president head captain keeper player actor singer ' +
    'director executive rival group firm giant company bank carrier airline agency chairman spokesman spokeswoman ' +
    'leader manager striker winger defender midfielder goalkeeper forward maker producer').split(' '),
);

/** A lowercase role noun as written before a name ("Arsenal boss", "Swiss drugmaker", "Leicester wing"). */
function isRole(word: string): boolean {
  const w = word.replace(/["'”’]+$/, '');
  return /^[a-z]/.test(w) && (ROLE_NOUNS.has(w) || /(?:maker|ist|man|woman)$/.test(w));
}

const BODY_VERBS = new Set(['has', 'have', 'had', 'was', 'were', 'said', 'told']);

/** How many headline content words the lede repeats (4-letter prefixes, so "profit" meets "profits"). */
function echoCount(headWords: string[], lede: string): number {
  const stem = (w: string): string => (w.length > 4 ? w.slice(0, 4) : w);
  const ledeStems = new Set<string>();
  for (const w of lede.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) if (w.length >= 3) ledeStems.add(stem(w));
  const seen = new Set<string>();
  for (const hw of headWords) {
    for (const w of hw.toLowerCase().replace(/['’]s\b/g, '').match(/[\p{L}\p{N}]+/gu) ?? []) {
      if (w.length < 3 || FUNCTION_WORDS.has(w) || HEADLINE_NEVER_ENDS.has(w)) continue;
      if (ledeStems.has(stem(w))) seen.add(stem(w));
    }
  }
  return seen.size;
}

// ---------------------------------------------------------------------------------------------------

function firstWords(text: string, pos: number): string {
  const chunk = text.slice(pos, pos + 400);
  const sentence = chunk.split(SENTENCE_END)[0];
  const words = collapse(sentence.replace(/^#+\s*/, '')).split(' ');
  const title = words.slice(0, 12).join(' ');
  return words.length > 12 ? `${title}…` : title;
}

function skipSpace(s: string, i: number): number {
  while (i < s.length && /\s/.test(s.charAt(i))) i++;
  return i;
}

function trimSpan(text: string, start: number, end: number): Span {
  while (end > start && /\s/.test(text.charAt(end - 1))) end--;
  while (start < end && /\s/.test(text.charAt(start))) start++;
  // Report the words of a Markdown heading without its marks.
  const hm = /^#{1,6}\s+/.exec(text.slice(start, Math.min(end, start + 10)));
  if (hm) start += hm[0].length;
  return { start, end };
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function normKey(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
