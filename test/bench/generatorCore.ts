// Pure core of the benchmark corpus generator: parses real articles into sentence templates (with
// slots for person names and figures), then recombines them into new articles whose people are
// renamed and whose numbers are perturbed. No file system here, so the unit test can drive it.

import { splitSentences } from '../../server/src/service/text/sentences.ts';
import { personFromHash, type Person } from './namePool.ts';
import { isKnownFirstName, isNonPersonPair, LEADING_WORDS, ROLE_WORDS } from './personNames.ts';
import { hashString, mulberry32, pick, randInt, type Rng } from './prng.ts';

export interface RawArticle {
  category: string;
  text: string;
}

type Slot =
  | { kind: 'name'; key: string }
  | { kind: 'surname'; key: string }
  | { kind: 'number'; text: string; value: number; decimals: number; grouped: boolean };

/** A sentence as literal pieces around slots: parts.length === slots.length + 1. */
export interface Template {
  parts: string[];
  slots: Slot[];
}

export interface SourceArticle {
  category: string;
  headline: Template;
  sentences: Template[];
}

export interface SentencePool {
  articles: SourceArticle[];
  byCategory: Map<string, SourceArticle[]>;
}

const WORD = String.raw`(?:Mc|Mac|O')?[A-Z][a-z]+(?:-[A-Z][a-z]+)?`;
const CAP_RUN_RE = new RegExp(String.raw`(?<![\w'-])${WORD}(?: ${WORD})*(?![\w-])`, 'g');
const CAP_WORD_RE = new RegExp(String.raw`(?<![\w'-])${WORD}(?![\w-])`, 'g');
// Figures, with thousands separators and decimals; not part of a word ("MP3", "3G") nor an ordinal.
const NUMBER_RE = /(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\d]|[.,]\d|st\b|nd\b|rd\b|th\b|[A-Za-z]*\d)/g;
const PREV_WORD_RE = /([a-z]+)\s*$/;

const SENTENCE_STARTERS = new Set(
  'A After Also An And As At But By Even For From Now Of So The Then This Under When While With Yet'.split(' '),
);

interface NameHit {
  start: number;
  end: number;
  first: string;
  last: string;
  /** Evidence independent of the article: a title or role word written before it. */
  titled: boolean;
}

function findNamePairs(text: string): NameHit[] {
  const hits: NameHit[] = [];
  CAP_RUN_RE.lastIndex = 0;
  for (let m = CAP_RUN_RE.exec(text); m; m = CAP_RUN_RE.exec(text)) {
    const words = m[0].split(' ');
    let offset = m.index;
    let titled = false;
    while (words.length > 2 && (LEADING_WORDS.has(words[0] as string) || ROLE_WORDS.has((words[0] as string).toLowerCase()))) {
      if (!SENTENCE_STARTERS.has(words[0] as string)) titled = true;
      offset += (words.shift() as string).length + 1;
    }
    if (words.length !== 2) continue;
    const [first, last] = words as [string, string];
    if (isNonPersonPair(first, last) || LEADING_WORDS.has(first)) continue;
    if (!titled) {
      const prev = PREV_WORD_RE.exec(text.slice(Math.max(0, offset - 24), offset));
      titled = prev !== null && ROLE_WORDS.has(prev[1] as string);
    }
    hits.push({ start: offset, end: offset + first.length + 1 + last.length, first, last, titled });
  }
  return hits;
}

interface RawSlot {
  start: number;
  end: number;
  slot: Slot;
}

function numberSlots(text: string, out: RawSlot[]): void {
  NUMBER_RE.lastIndex = 0;
  for (let m = NUMBER_RE.exec(text); m; m = NUMBER_RE.exec(text)) {
    const intPart = m[1] as string;
    const frac = m[2] ?? '';
    const grouped = intPart.includes(',');
    const value = Number(intPart.replace(/,/g, '') + frac);
    // Years anchor the story in time; changing them makes articles incoherent rather than different.
    if (!grouped && !frac && intPart.length === 4 && value >= 1900 && value <= 2099) continue;
    out.push({ start: m.index, end: m.index + m[0].length, slot: { kind: 'number', text: m[0], value, decimals: frac ? frac.length - 1 : 0, grouped } });
  }
}

function toTemplate(text: string, raw: RawSlot[]): Template {
  raw.sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  const slots: Slot[] = [];
  let pos = 0;
  for (const r of raw) {
    if (r.start < pos) continue; // overlaps an earlier slot
    parts.push(text.slice(pos, r.start));
    slots.push(r.slot);
    pos = r.end;
  }
  parts.push(text.slice(pos));
  return { parts, slots };
}

/** Parses text into a template with only figures as slots (used for drafts). */
export function numberTemplate(text: string): Template {
  const raw: RawSlot[] = [];
  numberSlots(text, raw);
  return toTemplate(text, raw);
}

// Candidate ends of a run-in headline ("Novartis hits acquisition trail Swiss drugmaker Novartis has…"):
// the lede usually starts with a capitalised word right after a lower-case headline word.
const LEDE_STARTERS = new Set('The A An Former Britain UK US Swiss Mr Ms Mrs Dr Sir Shares Plans Police'.split(' '));
// Words a headline cannot end on.
const OPEN_WORDS = new Set('the a an of to in for and on at by with from as its his her their is are was'.split(' '));

/** Splits the first sentence of a raw BBC article into headline and lede. */
export function splitHeadline(first: string): { headline: string; lede: string } {
  const words = first.split(' ');
  let best = -1;
  let bestScore = 0;
  for (let i = 2; i <= Math.min(10, words.length - 5); i++) {
    const w = words[i] as string;
    if (!/^[A-Z"']/.test(w)) continue;
    const prev = words[i - 1] as string;
    if (OPEN_WORDS.has(prev)) continue;
    let score = 1;
    if (LEDE_STARTERS.has(w.replace(/'s$/, ''))) score += 3;
    if (/^[a-z]/.test(prev)) score += 2;
    if (i >= 3 && i <= 7) score += 1;
    // Ledes often open "Adjective noun Name…" ("Greek sprinter Kostas…", "Swiss drugmaker Novartis…").
    if (/^[a-z]/.test(words[i + 1] ?? '')) score += 1;
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  }
  if (best < 0) return { headline: words.slice(0, Math.min(6, words.length)).join(' '), lede: first };
  return { headline: words.slice(0, best).join(' '), lede: words.slice(best).join(' ') };
}

interface ParsedArticle {
  category: string;
  texts: string[];
  pairs: NameHit[][];
  fullBySurname: Map<string, string>;
  loneSurname: Array<Array<{ start: number; end: number; last: string }>>;
  persons: Set<string>;
}

// A surname after an honorific or title names a person even when the article never gives the full
// name ("Mr Blair"); the pool-wide surname map then says who it is.
const HONORIFIC_RE = new RegExp(String.raw`\b(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lord|Lady|Prof|President|Chancellor|Senator|Governor) (${WORD})(?![\w-])`, 'g');

/** Splits a raw article (headline run into the first sentence, as in the BBC data set) and finds people. */
function analyseArticle(raw: RawArticle): ParsedArticle | undefined {
  const text = raw.text.replace(/\s+/g, ' ').trim();
  const sentences = splitSentences(text).map((s) => s.text);
  if (sentences.length < 3) return undefined;
  const { headline, lede } = splitHeadline(sentences[0] as string);
  const texts = [headline, lede, ...sentences.slice(1)];

  const pairs = texts.map(findNamePairs);
  const fullBySurname = new Map<string, string>();
  const titled = new Set<string>();
  for (const hits of pairs) {
    for (const h of hits) {
      const key = `${h.first} ${h.last}`;
      if (!fullBySurname.has(h.last)) fullBySurname.set(h.last, key);
      if (h.titled) titled.add(key);
    }
  }
  // Surnames used on their own elsewhere ("Mr Robinson", "Campese told…") confirm a person.
  const loneSurname = texts.map(() => [] as Array<{ start: number; end: number; last: string }>);
  const reused = new Set<string>();
  texts.forEach((t, i) => {
    const inPairs = pairs[i] as NameHit[];
    CAP_WORD_RE.lastIndex = 0;
    for (let m = CAP_WORD_RE.exec(t); m; m = CAP_WORD_RE.exec(t)) {
      if (!fullBySurname.has(m[0])) continue;
      const start = m.index;
      if (inPairs.some((h) => start >= h.start && start < h.end)) continue;
      loneSurname[i]?.push({ start, end: start + m[0].length, last: m[0] });
      reused.add(fullBySurname.get(m[0]) as string);
    }
  });
  const persons = new Set<string>();
  for (const key of fullBySurname.values()) {
    if (isKnownFirstName(key.slice(0, key.indexOf(' '))) || titled.has(key) || reused.has(key)) persons.add(key);
  }
  for (const hits of pairs) for (const h of hits) if (isKnownFirstName(h.first) || titled.has(`${h.first} ${h.last}`)) persons.add(`${h.first} ${h.last}`);
  return { category: raw.category, texts, pairs, fullBySurname, loneSurname, persons };
}

function templateArticle(a: ParsedArticle, globalSurnames: ReadonlyMap<string, string>): SourceArticle {
  const templates = a.texts.map((t, i) => {
    const raw: RawSlot[] = [];
    for (const h of a.pairs[i] as NameHit[]) {
      const key = `${h.first} ${h.last}`;
      if (a.persons.has(key)) raw.push({ start: h.start, end: h.end, slot: { kind: 'name', key } });
    }
    for (const s of a.loneSurname[i] ?? []) {
      const key = a.fullBySurname.get(s.last) as string;
      if (a.persons.has(key)) raw.push({ start: s.start, end: s.end, slot: { kind: 'surname', key } });
    }
    HONORIFIC_RE.lastIndex = 0;
    for (let m = HONORIFIC_RE.exec(t); m; m = HONORIFIC_RE.exec(t)) {
      const last = m[1] as string;
      const key = a.fullBySurname.has(last) ? undefined : globalSurnames.get(last);
      const start = m.index + m[0].length - last.length;
      if (key) raw.push({ start, end: start + last.length, slot: { kind: 'surname', key } });
    }
    numberSlots(t, raw);
    return toTemplate(t, raw);
  });
  return { category: a.category, headline: templates[0] as Template, sentences: templates.slice(1) };
}

/** Parses one raw article on its own (people named only by title and surname stay as written). */
export function parseArticle(raw: RawArticle): SourceArticle | undefined {
  const a = analyseArticle(raw);
  return a && templateArticle(a, new Map());
}

export function buildPool(raws: Iterable<RawArticle>): SentencePool {
  const parsed: ParsedArticle[] = [];
  const counts = new Map<string, number>();
  for (const raw of raws) {
    const a = analyseArticle(raw);
    if (!a) continue;
    parsed.push(a);
    for (const key of a.persons) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  // Each surname stands for its most-written full name across the pool.
  const globalSurnames = new Map<string, string>();
  const best = new Map<string, number>();
  for (const [key, n] of counts) {
    const last = key.slice(key.indexOf(' ') + 1);
    if (n > (best.get(last) ?? 0)) {
      best.set(last, n);
      globalSurnames.set(last, key);
    }
  }
  const articles: SourceArticle[] = [];
  const byCategory = new Map<string, SourceArticle[]>();
  for (const p of parsed) {
    const a = templateArticle(p, globalSurnames);
    articles.push(a);
    let list = byCategory.get(a.category);
    if (!list) byCategory.set(a.category, (list = []));
    list.push(a);
  }
  return { articles, byCategory };
}

function formatNumber(value: number, decimals: number, grouped: boolean): string {
  const fixed = value.toFixed(decimals);
  if (!grouped) return fixed;
  const dot = fixed.indexOf('.');
  const int = dot < 0 ? fixed : fixed.slice(0, dot);
  return int.replace(/\B(?=(\d{3})+$)/g, ',') + (dot < 0 ? '' : fixed.slice(dot));
}

/** A different but plausible figure: same format, 55–145% of the original, never equal to it. */
export function perturbNumber(slot: Extract<Slot, { kind: 'number' }>, rng: Rng): string {
  const step = 10 ** -slot.decimals;
  let v = Math.round((slot.value * (0.55 + rng() * 0.9)) / step) * step;
  if (Math.abs(v - slot.value) < step / 2) v = slot.value + step * randInt(rng, 1, 3);
  return formatNumber(v, slot.decimals, slot.grouped);
}

export interface RenderContext {
  person(key: string): Person;
  number(slot: Extract<Slot, { kind: 'number' }>): string;
}

export function render(t: Template, ctx: RenderContext): string {
  let out = t.parts[0] as string;
  for (let i = 0; i < t.slots.length; i++) {
    const slot = t.slots[i] as Slot;
    if (slot.kind === 'name') {
      const p = ctx.person(slot.key);
      out += `${p.first} ${p.last}`;
    } else if (slot.kind === 'surname') out += ctx.person(slot.key).last;
    else out += ctx.number(slot);
    out += t.parts[i + 1] as string;
  }
  return out;
}

export interface ComposeOptions {
  /** Each real person becomes a different invented person in each universe (article index mod this). */
  universes: number;
}

export interface ComposedArticle {
  category: string;
  /** `<category>/<index>_<hash>.md` */
  relPath: string;
  text: string;
  sentenceCount: number;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Builds generated article number `index` of the corpus with this seed. Deterministic. */
export function composeArticle(pool: SentencePool, index: number, seed: number, options: ComposeOptions): ComposedArticle {
  const rng = mulberry32(hashString(`article:${index}`, seed));
  const main = pick(rng, pool.articles);
  const siblings = pool.byCategory.get(main.category) ?? [main];
  const target = randInt(rng, 10, 40);

  const body: Template[] = [main.sentences[0] as Template];
  for (const s of main.sentences.slice(1)) if (rng() < 0.85) body.push(s);
  for (let attempts = 0; body.length < target && attempts < 30; attempts++) {
    const donor = pick(rng, siblings);
    if (donor.sentences.length < 3) continue;
    const from = randInt(rng, 1, donor.sentences.length - 2);
    const chunk = donor.sentences.slice(from, from + randInt(rng, 2, 6));
    body.splice(randInt(rng, 1, body.length), 0, ...chunk);
  }
  if (body.length > target) body.length = target;

  const universe = index % Math.max(1, options.universes);
  const people = new Map<string, Person>();
  const figures = new Map<string, string>();
  const ctx: RenderContext = {
    person(key) {
      let p = people.get(key);
      if (!p) people.set(key, (p = personFromHash(hashString(`${universe}|${key}`, seed))));
      return p;
    },
    number(slot) {
      let v = figures.get(slot.text);
      if (v === undefined) figures.set(slot.text, (v = rng() < 0.8 ? perturbNumber(slot, rng) : slot.text));
      return v;
    },
  };

  const headline = render(main.headline, ctx);
  const paragraphs: string[] = [];
  for (let i = 0; i < body.length; ) {
    const n = randInt(rng, 1, 4);
    paragraphs.push(body.slice(i, i + n).map((t) => render(t, ctx)).join(' '));
    i += n;
  }
  let text = '';
  if (rng() < 0.6) {
    const day = new Date(Date.UTC(2004, 0, 1) + randInt(rng, 0, 729) * 86_400_000).toISOString().slice(0, 10);
    text += `---\ntitle: ${JSON.stringify(headline)}\noutlet: "Generated Wire"\ndate: ${day}\nsection: ${main.category}\n---\n`;
  }
  text += `${headline}\n\n${paragraphs.join('\n\n')}\n`;
  const hash = hashString(text, seed).toString(16).padStart(8, '0');
  return { category: main.category, relPath: `${main.category}/${pad(index, 6)}_${hash}.md`, text, sentenceCount: body.length };
}
