// Proper-noun finder for news text: capitalised runs with connectors, initials and acronyms, titles split
// off into `role`, and a kind from news-writing cues. It is "corpus-aware" within one text: a headline
// keeps only names the body also uses, a lone surname takes the kind of the full name written elsewhere,
// and a sentence-initial word seen in lower case elsewhere is not a name.

import type { EntityKind, Mention, Sentence } from '../types.ts';
import {
  CLUB_PREFIXES, CLUB_SUFFIXES, DEMONYMS, EVENT_SUFFIXES, FIRST_NAMES, HONORIFICS, MONTHS, ORG_PREFIXES,
  ORG_SUFFIXES, PLACES, PLACE_SUFFIXES, PLACE_WORDS, ROLE_HEADS, ROLE_MODIFIERS, ROLE_NOUNS, COMMON_CAPS,
  VENUE_WORDS, WEEKDAYS,
} from './gazetteer.ts';
import {
  PARTICLES, runKey, OF_CONNECTORS, OF_HEADS, GROUP_POSSESSIVES, ADJ_COMPOUND_TAILS, SPORT_WORDS, PLACE_PREV,
  DETERMINERS, ORG_NOUNS_BEFORE, EVENT_LEAD, CONNECTOR_WORDS, NOT_NAMES, TIME_MODIFIERS, COMPASS, tokKey,
  isOrgCue, businessAfter, isPlaceOrDemonym, isDemonymRun, isSportsClub, isTitleOrProduct, isClubRun,
  appositionAfter, appositionBefore,
} from './nameCues.ts';
import { splitAtKnownNames, TITLES } from './nameBoundaries.ts';
import { cleanRole } from './roles.ts';
import { creditNames } from './credits.ts';

export interface Tok {
  start: number;
  end: number; // excludes a possessive 's
  text: string; // surface without possessive
  word: boolean;
  cap: boolean; // starts with an upper-case letter (or is a particle-prefixed name: al-Assad)
  allCaps: boolean;
  key: string; // lower case, periods removed
  initial: boolean; // first word of a sentence, quote or clause after a colon
  poss: boolean;
  glueBreak: boolean; // split off a run-in headline: never continues the previous run
}

export type Cue = 'strong' | 'weak';
export interface Found {
  start: number;
  end: number;
  kind: EntityKind;
  cue: Cue;
  role?: string;
  tokens: Tok[];
}

// Acronyms with periods, words (letters with inner hyphens/apostrophes), numbers, single punctuation.
const TOKEN_RE = /((?:\p{Lu}\.){2,})|(\p{L}[\p{L}\p{M}]*(?:[-'’][\p{L}\p{M}]+)*)|(\p{N}+(?:[.,:]\p{N}+)*)|[^\s\p{L}\p{N}]/gu;
// "Korea Peace Now! called…": an exclamation mark inside a name is followed by a lower-case word.
const BANG_NAME_RE = /^[ \t]+\p{Ll}/u;
const PARTICLE_PREFIX_RE = /^(?:al|el|bin|ibn|ben|abu)-\p{Lu}/u;
const UPPER_RE = /^\p{Lu}/u;
const HAS_LOWER_RE = /\p{Ll}/u;
// "We're", "They've", "Don't": contractions are never names.
const CONTRACTION_RE = /['’](?:re|ve|ll|d|m|t)$/;
const TERMINAL_RE = /[.?!:;…][\s"'”’)\]]*$/u;

const ABBREV_WITH_PERIOD = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'cmdr', 'adm', 'sgt', 'gov', 'sen', 'rep',
  'rev', 'st', 'jr', 'sr', 'hon', 'pres', 'supt', 'det', 'insp', 'inc', 'ltd', 'co', 'corp', 'bros', 'mt', 'ft',
]);


function isRoleWord(t: Tok): boolean {
  if (!t.word) return false;
  const k = t.key;
  return ROLE_HEADS.has(k) || ROLE_MODIFIERS.has(k) || DEMONYMS.has(k) || PLACE_WORDS.has(k) || (t.allCaps && k.length <= 4);
}

function tokenize(text: string, sentence: Sentence, headlineRunIn: boolean): Tok[] {
  const out: Tok[] = [];
  const s = sentence.text;
  const base = sentence.start;
  let initial = true;
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(s); m; m = TOKEN_RE.exec(s)) {
    const raw = m[0];
    const start = base + m.index;
    if (m[1] === undefined && m[2] === undefined) {
      const isNum = m[3] !== undefined;
      // A bare apostrophe after a possessive plural ("Novartis' shares") is part of that word.
      if ((raw === "'" || raw === '’') && out.length && out[out.length - 1].poss) continue;
      out.push({ start, end: start + raw.length, text: raw, word: false, cap: false, allCaps: false, key: raw, initial: false, poss: false, glueBreak: false });
      // Quotes, colons, brackets and dashes open a new capitalised clause.
      initial = !isNum && CLAUSE_OPENERS.has(raw) ? true : initial && !isNum && raw !== ',';
      continue;
    }
    // Split "profitQuarterly" (and, in a run-in headline, "WarnerQuarterly") into words.
    let last = 0;
    for (let i = 3; i < raw.length; i++) {
      if (!isLower(raw.charCodeAt(i - 1)) || !isUpper(raw.charCodeAt(i))) continue;
      const left = raw.slice(last, i);
      const seg = left.slice(Math.max(left.lastIndexOf('-'), left.lastIndexOf("'"), left.lastIndexOf('’')) + 1);
      if (seg.length >= 3 && (isLower(seg.charCodeAt(0)) || headlineRunIn)) {
        pushWord(out, s, base, left, start + last, initial, last > 0);
        initial = false;
        last = i;
      }
    }
    pushWord(out, s, base, last ? raw.slice(last) : raw, start + last, initial, last > 0);
    initial = false;
  }
  return out;
}

const CLAUSE_OPENERS = new Set(['"', '“', '‘', '(', ':', '-', '–', '—', '[', '•', '*', '#', '>', '|']);

function pushWord(out: Tok[], s: string, base: number, word: string, start: number, initial: boolean, brk: boolean): void {
  let text = word;
  let end = start + text.length;
  let poss = false;
  const n = text.length;
  const lastC = text.charCodeAt(n - 1);
  if (lastC === 115 || lastC === 83) {
    const ap = text.charCodeAt(n - 2);
    if (n > 2 && (ap === 39 || ap === 0x2019)) {
      text = text.slice(0, -2);
      end -= 2;
      poss = true;
    } else {
      const next = s.charCodeAt(end - base);
      if ((next === 39 || next === 0x2019) && !isLetter(s.charCodeAt(end - base + 1))) poss = true; // "Novartis' shares"
    }
  }
  const c0 = text.charCodeAt(0);
  let cap = isUpper(c0) || (c0 > 0xff && UPPER_RE.test(text));
  // Particle-prefixed names: "al-Assad", "bin-Salman".
  if (!cap && text.indexOf('-') > 0 && PARTICLE_PREFIX_RE.test(text)) cap = true;
  const allCaps = cap && text.length >= 2 && !HAS_LOWER_RE.test(text);
  // Titles and initials keep their period: "Gen.", "W.", "Jr.".
  if (s.charCodeAt(end - base) === 46 && !poss && (cap || text.length <= 4)) {
    if ((text.length === 1 && cap) || ABBREV_WITH_PERIOD.has(text.toLowerCase())) {
      end += 1;
      text += '.';
      if (end - base > TOKEN_RE.lastIndex) TOKEN_RE.lastIndex = end - base;
    }
  }
  out.push({ start, end, text, word: true, cap, allCaps, key: tokKey(text), initial: initial || brk, poss, glueBreak: brk });
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && c < 0x2000);
}

function isHeadline(toks: Tok[], sentence: Sentence): boolean {
  let words = 0;
  let caps = 0;
  let allCaps = 0;
  for (const t of toks) {
    if (!t.word) continue;
    words++;
    if (t.cap) caps++;
    if (t.allCaps && t.text.length >= 3) allCaps++;
  }
  if (words === 0) return false;
  if (allCaps >= 2 && allCaps / words >= 0.6) return true;
  return words <= 14 && caps / words >= 0.5 && !TERMINAL_RE.test(sentence.text);
}

function isNameToken(t: Tok, capsMid: Set<string>): boolean {
  if (!t.word || !t.cap) return false;
  if (t.text.length === 1) return false; // "I", "A"
  const k = t.key;
  if (WEEKDAYS.has(k) || NOT_NAMES.has(k) || CONTRACTION_RE.test(k)) return false;
  if (t.allCaps && t.text.length >= 6 && !PLACES.has(k) && !capsMid.has(k)) return false;
  if (t.text.includes('-')) {
    const tail = k.slice(k.lastIndexOf('-') + 1);
    if (ADJ_COMPOUND_TAILS.has(tail)) return false; // "Washington-based"
  }
  return true;
}

/** Builds capitalised runs (token index ranges) within one sentence. */
function buildRuns(toks: Tok[], capsMid: Set<string>): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let i = 0;
  while (i < toks.length) {
    const t = toks[i];
    if (!isNameToken(t, capsMid) || MONTHS.has(t.key)) {
      i++;
      continue;
    }
    // Ordinary words never start a name, wherever they stand ("An artist" after a run-in headline).
    const keepsTitle = ROLE_MODIFIERS.has(t.key) && !CONNECTOR_WORDS.has(t.key) && toks[i + 1]?.cap === true;
    if (!t.allCaps && COMMON_CAPS.has(t.key) && !keepsTitle && !startsPlacePhrase(toks, i)) {
      i++;
      continue;
    }
    let j = i + 1;
    let hasHead = OF_HEADS.has(t.key);
    let prev = t;
    while (j < toks.length && !prev.poss) {
      const n = toks[j];
      if (n.glueBreak) break;
      // A middle initial without its period: "George C Scott".
      const initial = n.word && n.text.length === 1 && n.cap && n.text !== 'I' && n.text !== 'A' && prev.word && prev.text.length > 1
        && toks[j + 1]?.word === true && toks[j + 1].cap && toks[j + 1].text.length > 1 && toks[j + 1].start - n.end === 1;
      if (n.word && (initial || isNameToken(n, capsMid))) {
        if (MONTHS.has(n.key) && /^\d/.test(toks[j + 1]?.text ?? '')) break;
        hasHead ||= OF_HEADS.has(n.key);
        prev = n;
        j++;
        continue;
      }
      // Connectors: "Secretary of State", "Foundation for Defense of Democracies", "Ludwig van Beethoven".
      if (n.word && !n.cap) {
        const k = n.key;
        let k2 = j + 1;
        if ((OF_CONNECTORS.has(k) && hasHead) || PARTICLES.has(k)) {
          if (OF_CONNECTORS.has(k) && toks[k2]?.key === 'the') k2++;
          const after = toks[k2];
          if (after && after.word && isNameToken(after, capsMid) && !after.glueBreak) {
            prev = after;
            hasHead ||= OF_HEADS.has(after.key);
            j = k2 + 1;
            continue;
          }
        }
      }
      if (n.text === '&' && toks[j + 1]?.cap && toks[j + 1]?.word) {
        prev = toks[j + 1];
        j += 2;
        continue;
      }
      break;
    }
    // Possessive group nouns stay inside: "Democratic People's Republic of Korea".
    while (prev.poss && GROUP_POSSESSIVES.has(prev.key) && j < toks.length && toks[j].word && toks[j].cap) {
      prev = toks[j];
      j++;
      while (j < toks.length && toks[j].word && toks[j].cap && !prev.poss) {
        prev = toks[j];
        j++;
      }
    }
    runs.push([i, j]);
    i = j;
  }
  return runs;
}

function startsPlacePhrase(toks: Tok[], i: number): boolean {
  let key = toks[i].key;
  for (let j = i + 1; j < Math.min(toks.length, i + 4); j++) {
    if (!toks[j].word) break;
    key += ' ' + toks[j].key;
    if (PLACES.has(key)) return true;
  }
  return false;
}


/** A mention with its optional fields set in the literal: a field added later moves the object's fields
 *  out of line, 40 bytes more for each of a corpus's millions of mentions. `weak` is stored on the
 *  mention so it survives the saved index. */
export function newMention(start: number, end: number, text: string, kind: EntityKind, role: string | undefined, weak: boolean): Mention {
  if (role) return weak ? { start, end, text, kind, role, weak } : { start, end, text, kind, role };
  return weak ? { start, end, text, kind, weak } : { start, end, text, kind };
}

/** True when the mention's kind is a default guess (no title, suffix, gazetteer or context cue). */
export function hasWeakKind(m: Mention): boolean {
  return m.weak === true;
}

/** Finds proper-noun mentions in `text`, sentence by sentence. */
export function findMentions(text: string, sentences: Sentence[]): Mention[] {
  const tokSets: Tok[][] = [];
  const lowerSeen = new Set<string>();
  const capsMid = new Set<string>();
  for (let si = 0; si < sentences.length; si++) {
    const toks = tokenize(text, sentences[si], si === 0);
    tokSets.push(toks);
    for (const t of toks) {
      if (!t.word) continue;
      if (!t.cap) lowerSeen.add(t.key);
      else if (!t.initial) capsMid.add(t.key);
    }
  }
  // Credit lines ("By X", "Editing by Y") are neither headlines nor prose: their names are people.
  const credits = tokSets.map((toks) => creditNames(toks));
  const headline = tokSets.map((toks, si) => !credits[si] && isHeadline(toks, sentences[si]));

  const found: Found[][] = [];
  const known = new Set<string>(); // tokens of names found in body sentences
  const singles = new Set<string>(); // one-word names and last words of longer names in the body
  const names = new Set<string>(); // whole names and their last words, for headlines
  for (let si = 0; si < sentences.length; si++) {
    if (headline[si]) {
      found.push([]);
      continue;
    }
    const f = credits[si] ?? analyseSentence(text, tokSets[si], sentences[si], lowerSeen, capsMid, null);
    found.push(f);
    for (const m of f) {
      for (const t of m.tokens) if (t.word) known.add(t.key);
      if (m.tokens.length && si > 0) singles.add(m.tokens[m.tokens.length - 1].key);
      names.add(m.tokens.filter((t) => t.word).map((t) => t.key).join(' '));
      if (m.kind === 'person') names.add(m.tokens[m.tokens.length - 1].key);
    }
  }
  for (let si = 0; si < sentences.length; si++) {
    if (headline[si]) found[si] = analyseSentence(text, tokSets[si], sentences[si], lowerSeen, capsMid, known, names);
  }
  // A run-in headline: "…rival Sotherton Jade Johnson edged out…" → "Sotherton" | "Jade Johnson".
  if (found.length > 0) found[0] = splitRunIn(found[0], singles, found);
  splitAtKnownNames(found, text, lowerSeen);

  // A lone word that is a part of a person's full name written in this text is that person.
  const personParts = new Set<string>();
  for (const f of found) {
    for (const m of f) {
      if (m.kind !== 'person' || m.cue !== 'strong' || m.tokens.length < 2) continue;
      const words = m.tokens.filter((t) => t.word && t.cap);
      if (words.length < 2) continue;
      personParts.add(words[words.length - 1].key);
      personParts.add(words[0].key);
    }
  }
  // Within one text a name keeps one kind: weak guesses follow the votes (strong cues count 3).
  const votes = new Map<string, Record<EntityKind, number>>();
  for (const f of found) {
    for (const m of f) {
      if (m.cue === 'weak' && m.tokens.length === 1 && personParts.has(m.tokens[0].key)) m.kind = 'person';
      const k = m.tokens.map((t) => t.key).join(' ');
      let v = votes.get(k);
      if (!v) votes.set(k, (v = { person: 0, organization: 0, place: 0, event: 0 }));
      v[m.kind] += m.cue === 'strong' ? 3 : 1;
    }
  }
  const out: Mention[] = [];
  for (const f of found) {
    for (const m of f) {
      if (m.cue === 'weak') {
        const v = votes.get(m.tokens.map((t) => t.key).join(' '));
        if (v) {
          let best: EntityKind = m.kind;
          for (const k of ['person', 'organization', 'place', 'event'] as const) if (v[k] > v[best]) best = k;
          m.kind = best;
        }
      }
      out.push(newMention(m.start, m.end, text.slice(m.start, m.end), m.kind, m.kind === 'person' ? cleanRole(m.role) : undefined, m.cue === 'weak'));
    }
  }
  return out;
}

function splitRunIn(ms: Found[], singles: Set<string>, all: Found[][]): Found[] {
  const fullKeys = new Set<string>();
  for (let si = 1; si < all.length; si++) for (const m of all[si]) fullKeys.add(m.tokens.map((t) => t.key).join(' '));
  const out: Found[] = [];
  for (const m of ms) {
    const w = m.tokens;
    const key = w.map((t) => t.key).join(' ');
    if (w.length >= 3 && !fullKeys.has(key) && w.every((t) => t.word)) {
      let cut = -1;
      for (let i = 1; i < w.length - 1 && cut < 0; i++) {
        const left = w[i - 1].key;
        if (singles.has(left) && !FIRST_NAMES.has(left) && singles.has(w[w.length - 1].key) && !ROLE_HEADS.has(w[i].key)) cut = i;
      }
      if (cut > 0) {
        const a = w.slice(0, cut);
        const b = w.slice(cut);
        out.push({ start: a[0].start, end: a[a.length - 1].end, kind: 'person', cue: 'weak', tokens: a });
        out.push({ start: b[0].start, end: b[b.length - 1].end, kind: 'person', cue: 'strong', tokens: b, role: m.role });
        continue;
      }
    }
    out.push(m);
  }
  return out;
}

function analyseSentence(
  text: string,
  toks: Tok[],
  sentence: Sentence,
  lowerSeen: Set<string>,
  capsMid: Set<string>,
  headlineKnown: Set<string> | null,
  headlineNames?: Set<string>,
): Found[] {
  let runs = buildRuns(toks, capsMid);
  if (headlineKnown) runs = keepKnown(runs, toks, headlineKnown, headlineNames ?? headlineKnown);
  const sports = toks.some((t) => t.word && SPORT_WORDS.has(t.key));
  const out: Found[] = [];
  for (let r = 0; r < runs.length; r++) {
    const a = runs[r][0];
    let b = runs[r][1];
    while (b > a && !toks[b - 1].cap) b--; // trailing connector
    if (b <= a) continue;
    const f = classify(text, toks, a, b, sentence, lowerSeen, capsMid, sports, runs[r - 1]);
    if (f) out.push(f);
  }
  return out;
}

// In a headline keep only the words the body also uses as names.
function keepKnown(runs: Array<[number, number]>, toks: Tok[], known: Set<string>, names: Set<string>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const push = (s: number, e: number): void => {
    if (names.has(runKey(toks, s, e))) out.push([s, e]);
  };
  for (const [a, b] of runs) {
    let s = -1;
    for (let i = a; i <= b; i++) {
      const ok = i < b && (known.has(toks[i].key) || (!toks[i].cap && s >= 0 && i + 1 < b && known.has(toks[i + 1].key)));
      if (ok && s < 0) s = i;
      if (!ok && s >= 0) {
        push(s, i);
        s = -1;
      }
    }
  }
  return out;
}

function classify(
  text: string,
  toks: Tok[],
  a: number,
  b: number,
  sentence: Sentence,
  lowerSeen: Set<string>,
  capsMid: Set<string>,
  sports: boolean,
  prevRun: [number, number] | undefined,
): Found | undefined {
  const first = toks[a];
  const lastTok = toks[b - 1];
  const key = runKey(toks, a, b);
  const n = b - a;
  const next = toks[b];
  const next2 = toks[b + 1];
  const prev = toks[a - 1];
  const mk = (kind: EntityKind, cue: Cue, s = a, e = b, end?: number): Found => ({
    start: toks[s].start,
    end: end ?? toks[e - 1].end + (e === b && next?.text === '!' && next.start === toks[e - 1].end && BANG_NAME_RE.test(text.slice(next.end, next.end + 4)) ? 1 : 0),
    kind,
    cue,
    tokens: toks.slice(s, e),
  });

  // Adjectives: "Foreign currency", "Federal agents".
  if (n === 1 && !first.allCaps && (ROLE_MODIFIERS.has(first.key) || DEMONYMS.has(first.key)) && next?.word && !next.cap) return undefined;
  // Sentence-initial single word that is an ordinary word elsewhere in the text ("Recent", "Talking").
  if (n === 1 && first.initial && !first.allCaps && !capsMid.has(first.key) && !PLACES.has(first.key)) {
    if (lowerSeen.has(first.key) || ROLE_MODIFIERS.has(first.key) || DEMONYMS.has(first.key)) return undefined;
    if (/(?:ly|ing|ed)$/.test(first.key) && next?.word && !next.cap) return undefined;
  }

  // Events: "the Korean War", "the World Cup", "the Singapore summit", "Trump-Kim summit".
  if (n >= 2 && EVENT_SUFFIXES.has(lastTok.key) && !ORG_SUFFIXES.has(lastTok.key)) return mk('event', 'strong');
  if (next?.word && !next.cap && EVENT_SUFFIXES.has(next.key) && next.start - lastTok.end === 1 && !lastTok.poss) {
    const lead = toks[a - 1];
    const lead2 = toks[a - 2];
    const hyphenNames = n === 1 && first.text.includes('-') && first.text.split('-').every((p) => UPPER_RE.test(p));
    if (hyphenNames || (lead?.word && (EVENT_LEAD.has(lead.key) || (lead2?.word && EVENT_LEAD.has(lead2.key) && /^\p{N}|^\p{Ll}/u.test(lead.text))))) {
      const f = mk('event', 'strong');
      f.end = next.end;
      f.tokens = toks.slice(a, b + 1);
      return f;
    }
  }
  // Adjective compounds and nationality words: "North Korean-US tensions", "Chinese".
  if (n <= 3 && toks.slice(a, b).some((t) => t.text.includes('-')) && toks.slice(a, b).every((t) => t.text.split('-').every(isPlaceOrDemonym))) return undefined;
  if (isDemonymRun(toks, a, b)) return undefined;

  // Organisations by their last or first word, acronyms and place names by the gazetteer.
  const lastKey = lastTok.key;
  if (n >= 2 && ORG_SUFFIXES.has(lastKey) && !PLACES.has(key)) return mk('organization', 'strong');
  if (n >= 3 && ORG_PREFIXES.has(first.key) && toks.slice(a, b).some((t) => t.key === 'of')) return mk('organization', 'strong');
  if (PLACES.has(key) || PLACES.has(key.replace(/-/g, ' '))) {
    if (n === 1 && isSportsClub(toks, a, b, sports)) return mk('organization', 'strong');
    return mk('place', 'strong');
  }
  if (n >= 2 && PLACE_SUFFIXES.has(lastKey) && !FIRST_NAMES.has(first.key) && !toks.slice(a, b).some((t) => ROLE_HEADS.has(t.key))) {
    return mk('place', 'strong');
  }
  // Clubs and venues by a word of their own: "Olympique X", "X Wanderers", "X Stadium", "Stade de X".
  if (n >= 2 && !FIRST_NAMES.has(first.key) && !toks.slice(a, b).some((t) => ROLE_HEADS.has(t.key))) {
    if (CLUB_PREFIXES.has(first.key) || CLUB_SUFFIXES.has(lastKey)) return mk('organization', 'strong');
    if (VENUE_WORDS.has(first.key) || VENUE_WORDS.has(lastKey)) return mk('place', 'strong');
  }

  // "Former US talk show host…", "Ex-England captain…": a time word before a place or body without a title
  // is not part of the name.
  if (n >= 2 && TIME_MODIFIERS.has(first.key) && !toks.slice(a + 1, b).some((t) => ROLE_HEADS.has(t.key))) {
    return classify(text, toks, a + 1, b, sentence, lowerSeen, capsMid, sports, undefined);
  }

  // "Singer X Y", "Featuring X Y", "BBC X Y": a role noun or ordinary word opening the sentence, or an
  // acronym, before a given name is not part of the name.
  // A sentence-initial word this text writes in lower case (or its singular: "Defenders"), or a verb form
  // ("Called X"), before a name.
  const singular = first.key.endsWith('s') ? first.key.slice(0, -1) : '';
  const ordinaryFirst = first.initial && (lowerSeen.has(first.key) || lowerSeen.has(singular) || ROLE_NOUNS.has(singular) || ORG_NOUNS_BEFORE.has(singular));
  const lead = n >= 2 && !FIRST_NAMES.has(first.key) && !ROLE_HEADS.has(first.key) && !ROLE_MODIFIERS.has(first.key)
    && ((n >= 3 && first.initial && ROLE_NOUNS.has(first.key))
      || (n >= 3 && FIRST_NAMES.has(toks[a + 1].key) && (ordinaryFirst || (first.allCaps && first.text.length >= 3)))
      || (n === 2 && first.initial && !toks[a + 1].allCaps
        && ((ordinaryFirst && /(?:ed|ing|ly)$/.test(first.key)) || (first.key.length >= 6 && /ed$/.test(first.key)) || ROLE_NOUNS.has(singular) || ORG_NOUNS_BEFORE.has(singular))));
  if (lead) {
    const f = classify(text, toks, a + 1, b, sentence, lowerSeen, capsMid, sports, undefined);
    // "Bookmakers X": the noun says what X is.
    if (f?.kind === 'person' && ORG_NOUNS_BEFORE.has(singular || first.key) && !ROLE_NOUNS.has(singular || first.key)) {
      f.kind = 'organization';
      f.cue = 'strong';
    }
    if (f?.kind === 'person' && !f.role && ROLE_NOUNS.has(first.key)) f.role = first.text;
    return f;
  }

  // Titles before the name: "Gen. Charles Brown", "U.S. Secretary of Defense Mark Esper".
  let nameStart = a;
  let sawHead = false;
  let honorificOnly = true;
  for (let i = a; i < b - 1; i++) {
    const t = toks[i];
    if (!isRoleWord(t) && !(t.word && !t.cap)) break;
    if (ROLE_HEADS.has(t.key)) {
      sawHead = true;
      if (!HONORIFICS.has(t.key)) honorificOnly = false;
      nameStart = i + 1;
    } else if (sawHead && ROLE_MODIFIERS.has(t.key) && !PLACE_WORDS.has(t.key)) nameStart = i + 1;
    else if (sawHead && (PLACE_WORDS.has(t.key) || (t.allCaps && t.key.length <= 4) || !t.cap)) nameStart = i + 1;
  }
  // A title after other capitalised words: "Sport Secretary Tessa Jowell", "Bank of England Governor X".
  if (!sawHead) {
    for (let h = b - 2; h > a; h--) {
      const t = toks[h];
      if (!(t.cap && ROLE_HEADS.has(t.key) && !HONORIFICS.has(t.key))) continue;
      let i = h + 1;
      while (i < b - 1 && toks[i].word && ROLE_MODIFIERS.has(toks[i].key) && !FIRST_NAMES.has(toks[i].key)) {
        const conn = !toks[i].cap;
        i++;
        if (conn) while (i < b - 1 && (PLACE_WORDS.has(toks[i].key) || !toks[i].cap)) i++;
      }
      sawHead = true;
      honorificOnly = false;
      nameStart = i;
      break;
    }
  }
  // "American Andy Roddick": a nationality before a given name.
  if (!sawHead && b - a >= 3 && DEMONYMS.has(first.key) && FIRST_NAMES.has(toks[a + 1].key)) {
    sawHead = true;
    honorificOnly = false;
    nameStart = a + 1;
  }
  // Do not eat a surname: keep at least one word and never start the name on a connector.
  while (nameStart < b && !(toks[nameStart].word && toks[nameStart].cap)) nameStart++;
  if (nameStart >= b) {
    if (!sawHead) nameStart = a;
    else return undefined; // a bare title: "the Secretary of State"
  }
  let role: string | undefined;
  let cue: Cue = 'weak';
  let kind: EntityKind | undefined;
  if (sawHead && nameStart > a) {
    kind = 'person';
    cue = 'strong';
    let roleStart = toks[a].start;
    // "North Korea's First Vice Foreign Minister Choe Son-hui": the owner is part of the role.
    if (prevRun && prevRun[1] === a && toks[a - 1].poss) roleStart = toks[prevRun[0]].start;
    if (!honorificOnly) role = text.slice(roleStart, toks[nameStart - 1].end);
  }
  // After a title, a name ends before "of"/"for": "President Bush of the United States".
  let nameEnd = b;
  if (sawHead) {
    for (let i = nameStart; i < b; i++) {
      if (toks[i].word && !toks[i].cap && OF_CONNECTORS.has(toks[i].key)) {
        nameEnd = i;
        break;
      }
    }
  }
  // "Lord of the Rings", "Prince of Thieves": a title joined by "of" to what follows is a work or a body,
  // not a person named after the title.
  if (sawHead && nameStart > a && !toks.slice(nameStart, b - 1).some((t) => TITLES.has(t.key)) && toks[nameStart - 1].word && !toks[nameStart - 1].cap && OF_CONNECTORS.has(toks[nameStart - 1].key === 'the' ? (toks[nameStart - 2]?.key ?? '') : toks[nameStart - 1].key)) {
    return mk('organization', 'weak');
  }
  const nameToks = toks.slice(nameStart, nameEnd);
  if (sawHead && nameToks.every((t) => !t.word || ROLE_MODIFIERS.has(t.key) || ROLE_HEADS.has(t.key))) return undefined;
  const nm = nameToks.filter((t) => t.word);

  // Lower-case role just before the name: "North Korean leader Kim Jong-un", "counselor Kellyanne Conway".
  if (!role && prev?.word && !prev.cap && ROLE_NOUNS.has(prev.key) && first.start - prev.end <= 1) {
    let s = a - 1;
    while (s > 0) {
      const t = toks[s - 1];
      if (!t.word || DETERMINERS.has(t.key) || (t.initial && COMMON_CAPS.has(t.key))) break;
      if (!(t.cap || ROLE_NOUNS.has(t.key) || t.text.includes('-') || (ROLE_MODIFIERS.has(t.key) && !CONNECTOR_WORDS.has(t.key)))) break;
      if (a - s >= 8) break;
      s--;
    }
    role = text.slice(toks[s].start, prev.end);
    kind = 'person';
    cue = 'strong';
  }
  // Appositions: "Jenny Town, managing editor at …," and "China's ambassador to the UN, Zhang Jun,".
  if (!role && nm.length >= 1) {
    role = appositionAfter(text, toks, nameEnd) ?? appositionBefore(text, toks, nameStart);
    if (role) {
      kind = 'person';
      cue = 'strong';
    }
  }

  const nKey = nm.map((t) => t.key).join(' ');
  const firstKey = nm[0]?.key ?? '';
  if (!kind) {
    const single = nm.length === 1;
    const t0 = nm[0];
    if (single && (t0.allCaps || /^(?:\p{Lu}\.){2,}$/u.test(t0.text))) {
      kind = PLACES.has(nKey) ? 'place' : 'organization';
      cue = 'strong';
    } else if (single && isSportsClub(toks, nameStart, nameEnd, sports)) {
      kind = 'organization';
      cue = 'strong';
    } else if (prev?.word && HONORIFICS.has(prev.key)) {
      kind = 'person';
      cue = 'strong';
    } else if (next?.text === ',' && next2?.key === 'who') {
      kind = 'person';
      cue = 'strong';
    } else if (!single && isTitleOrProduct(nm, nameToks)) {
      kind = 'organization';
      cue = 'weak';
    } else if (!single && FIRST_NAMES.has(firstKey) && !PLACES.has(nKey)) {
      kind = 'person';
      cue = 'strong';
    } else if (!single && isClubRun(toks, nameStart, nameEnd, sports)) {
      kind = 'organization';
      cue = 'strong';
    } else if (single && prev?.word && PLACE_PREV.has(prev.key) && !sports) {
      kind = 'place';
      cue = 'weak';
    } else if (single) {
      kind = 'organization'; // a lone unknown word is more often a company or body than a person
      cue = 'weak';
    } else {
      // Several capitalised words with a place among them are a body ("Korea Peace Now"), else a person.
      const bodyWord = nm.some((t) => PLACES.has(t.key) || ORG_SUFFIXES.has(t.key) || DEMONYMS.has(t.key));
      // Every word also written in lower case here: a title of a work or a slogan, not a person.
      const ordinary = nm.every((t) => lowerSeen.has(t.key) || COMMON_CAPS.has(t.key));
      // A person's name does not start with a word this text writes in lower case, nor with a gerund
      // ("Finding …", "Thinking …"); given names that are words are in FIRST_NAMES, checked above.
      const wordFirst = !PARTICLES.has(firstKey) && (lowerSeen.has(firstKey) || (firstKey.length >= 6 && firstKey.endsWith('ing')));
      kind = nm.length >= 5 || bodyWord || ordinary || wordFirst ? 'organization' : COMPASS.has(firstKey) ? 'place' : 'person';
      cue = 'weak';
    }
  }
  // "the X Y" with X Y heading the noun phrase, or "firm X Y": a body or a work, not a person.
  const before = toks[nameStart - 1];
  const after = toks[nameEnd];
  if (kind === 'person' && !role && (isOrgCue(before, after) || businessAfter(toks, nameEnd))) {
    kind = 'organization';
    cue = 'strong';
  }
  if (kind === 'person') {
    // Honorifics are not roles ("Mr Blair" → "Blair").
    if (role && HONORIFICS.has(tokKey(role.trim()))) role = undefined;
  }
  const endTok = nameToks[nameToks.length - 1];
  if (!endTok) return undefined;
  const f = mk(kind, cue, nameStart, nameEnd);
  if (nameEnd !== b) f.end = endTok.end;
  if (kind === 'person' && role) f.role = role.trim();
  return f;
}

function isLower(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 0xdf && c <= 0xff && c !== 0xf7);
}
function isUpper(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
}
