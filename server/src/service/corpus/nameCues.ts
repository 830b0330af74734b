// Word lists and context cues of the name finder: what the words around a capitalised run say about it
// (a club's staff, a firm's shares, "the X", an appositive role) and the lists those cues read.

import type { Tok } from './nameTokens.ts';
import { COMMON_CAPS, DEMONYMS, DEMONYM_PHRASES, HONORIFICS, ORG_PREFIXES, ORG_SUFFIXES, PLACES, PLACE_WORDS, ROLE_HEADS, ROLE_NOUNS } from './gazetteer.ts';

export const PARTICLES = new Set(['de', 'van', 'von', 'der', 'den', 'da', 'di', 'du', 'del', 'della', 'la', 'le', 'bin', 'ibn', 'al', 'el', 'dos', 'das', 'ter', 'ten', 'y']);
export const OF_CONNECTORS = new Set(['of', 'for']);
// A run may go on through "of"/"for" only when its head makes such a name ("Bank of", "Secretary of").
export const OF_HEADS = new Set([...ORG_SUFFIXES, ...ORG_PREFIXES, ...ROLE_HEADS, 'republic', 'kingdom', 'duke', 'duchess', 'isle', 'cape', 'gulf', 'bay', 'state', 'states', 'city', 'order', 'friends', 'people', 'sea', 'lake', 'house', 'defense', 'defence', 'democracies']);
export const GROUP_POSSESSIVES = new Set(["people", "women", "men", "children", "workers", "peoples", "veterans", "farmers"]);
export const ADJ_COMPOUND_TAILS = new Set(['based', 'led', 'backed', 'born', 'style', 'owned', 'era', 'made', 'funded', 'run', 'controlled', 'linked', 'bound', 'wide', 'like', 'related', 'friendly', 'speaking', 'held', 'occupied', 'supported', 'allied', 'listed', 'registered', 'focused', 'centric', 'type', 'sized', 'level', 'area', 'only']);
export const SAY_VERBS = new Set(['said', 'says', 'told', 'added', 'stated', 'wrote', 'explained', 'insisted', 'argued', 'warned', 'claimed', 'noted', 'admitted', 'denied', 'replied', 'asked', 'tweeted', 'announced']);
export const SPORT_NEXT = new Set(['boss', 'manager', 'striker', 'midfielder', 'defender', 'keeper', 'goalkeeper', 'winger', 'coach', 'fans', 'squad', 'players', 'player', 'captain', 'forward', 'chairman', 'skipper', 'supporters', 'academy', 'youngster', 'debut']);
export const SPORT_PREV = new Set(['beat', 'beats', 'beating', 'against', 'v', 'vs', 'versus', 'joined', 'joins', 'signed', 'sign', 'host', 'hosts', 'hosted', 'face', 'faces', 'plays', 'drew', 'lost', 'thrashed', 'edged']);
export const SPORT_WORDS = new Set(['match', 'goal', 'goals', 'league', 'season', 'premiership', 'club', 'striker', 'scored', 'cup', 'draw', 'defeat', 'win', 'penalty', 'fixture', 'midfielder', 'manager', 'boss', 'football', 'rugby', 'points', 'title', 'relegation', 'transfer']);
// After "X's", words that only a club has: a person has no striker or boss.
export const CLUB_STAFF = new Set(['boss', 'manager', 'striker', 'midfielder', 'defender', 'keeper', 'goalkeeper', 'winger', 'coach', 'captain', 'forward', 'chairman', 'skipper']);
// Capitalised small words inside a run make it a title of a work ("Dancer In The Dark"), never a person.
export const TITLE_SMALL_WORDS = new Set(['in', 'the', 'of', 'for', 'a', 'an', 'to', 'and', 'on', 'at', 'with', 'from', 'by', 'my', 'me', 'you', 'your', 'is', 'are', 'was', 'it', 'not', 'no', 'or', 'but', 'this', 'all', 'up', 'out', 'we', 'our']);
export const ROMAN_RE = /^[IVXL]+$/;
// Letters after a person's name: "X Y QC".
export const POST_NOMINALS = new Set(['qc', 'kc', 'mp', 'msp', 'mep', 'am', 'obe', 'mbe', 'cbe', 'kbe', 'phd', 'md', 'jr', 'sr']);
export const PLACE_PREV = new Set(['in', 'near', 'across', 'outside', 'inside', 'throughout']);
export const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'our']);
export const APPOSITION_STOP = new Set(['who', 'which', 'that', 'said', 'says', 'told', 'is', 'was', 'were', 'are', 'has', 'have', 'had', 'will', 'would', 'and', 'but', 'when', 'where', 'after', 'before', 'as', 'if', 'while']);
// A lower-case noun right before a name that makes it a body or a work: "anti-virus firm X", "film X".
export const ORG_NOUNS_BEFORE = new Set(['firm', 'company', 'group', 'film', 'movie', 'band', 'album', 'bank', 'insurer', 'airline', 'carrier', 'website', 'magazine', 'newspaper', 'paper', 'charity', 'studio', 'game', 'channel', 'network', 'retailer', 'chain', 'broadcaster', 'publisher', 'watchdog', 'regulator', 'maker', 'giant', 'operator', 'supermarket', 'programme', 'series', 'drama', 'sitcom', 'musical', 'novel', 'song', 'franchise', 'console', 'party', 'organisation', 'organization', 'consultancy', 'bookmaker', 'drugmaker', 'carmaker', 'agency', 'union', 'institute', 'foundation', 'council', 'station', 'club', 'team', 'side', 'outfit', 'award', 'prize', 'play', 'opera', 'film-maker', 'firms', 'companies', 'groups', 'films', 'bands', 'shows', 'games', 'track', 'documentary', 'comedy', 'thriller', 'soap', 'anthem', 'blockbuster', 'biopic', 'sequel', 'remake', 'ballad', 'duet']);
/** Nouns of works, before a title whatever follows it ("the film X Y won"). */
const WORK_NOUNS_BEFORE = new Set(['film', 'movie', 'band', 'album', 'song', 'novel', 'musical', 'drama', 'sitcom', 'programme', 'documentary', 'track', 'thriller', 'comedy', 'soap', 'biopic', 'sequel', 'remake', 'ballad', 'magazine', 'newspaper', 'website', 'franchise']);
export const BUSINESS_NOUNS = new Set(['shares', 'shareholders', 'profits', 'profit', 'revenues', 'revenue', 'sales', 'subsidiary', 'stake', 'takeover', 'customers', 'subscribers', 'stores', 'factories', 'plants', 'workforce', 'headquarters', 'offices', 'turnover', 'earnings', 'losses', 'broadcasts', 'programmes']);
export const EVENT_LEAD = new Set(['the', 'a', 'an', 'its', 'their', 'this', 'that', 'last', 'next', 'first', 'second', 'third', 'latest', 'historic', 'failed', 'planned', 'upcoming']);

export const CONNECTOR_WORDS = new Set(['of', 'for', 'the', 'to', 'and']);
// Holidays and other capitalised words that are never entities on their own.
export const NOT_NAMES = new Set(['christmas', 'easter', 'ramadan', 'eid', 'thanksgiving', 'halloween', 'hanukkah', 'diwali', 'passover', 'lent', "i'd", "i'm", "i'll", "i've", 'ok', 'okay', 'am', 'pm', 'gmt', 'bst', 'est', 'et', 'utc', 'ps']);
/** Words that date a role ("Former US President…"), never the start of a name. */
export const TIME_MODIFIERS = new Set(['former', 'ex', 'outgoing', 'incoming', 'then', 'late']);
export const COMPASS = new Set(['north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central', 'new']);

/** Lower case, periods and possessives dropped, hyphens as spaces: the key used by gazetteer lists. */
export function tokKey(s: string): string {
  const k = s.toLowerCase();
  return k.indexOf('.') >= 0 || k.indexOf('’') >= 0 ? k.replace(/\./g, '').replace(/’/g, "'") : k;
}

/** "the X Y" heading its noun phrase, "firm X Y", "Consultancy X Y": a body or a work, not a person. */
export function isOrgCue(before: Tok | undefined, after: Tok | undefined): boolean {
  // "the film X Y on Monday": a noun of a work names a work whatever follows.
  if (before?.word && !before.cap && WORK_NOUNS_BEFORE.has(before.key)) return true;
  if (!before?.word || (after?.word && !after.cap && !SAY_VERBS.has(after.key))) return false;
  if (before.key === 'the') return true;
  return ORG_NOUNS_BEFORE.has(before.key) && (!before.cap || before.initial);
}

/** "X's shares", "X shares rose", "X said its…": what only a business or body has. */
export function businessAfter(toks: Tok[], e: number): boolean {
  const next = toks[e];
  if (next?.word && !next.cap && BUSINESS_NOUNS.has(next.key)) return true;
  const last = toks[e - 1];
  if (last?.poss && next?.word && BUSINESS_NOUNS.has(next.key)) return true;
  for (let i = e; i < Math.min(toks.length, e + 7); i++) {
    const t = toks[i];
    if (!t.word) continue;
    if (t.key === 'he' || t.key === 'she' || t.key === 'his' || t.key === 'her' || t.key === 'him') return false;
    if (t.key === 'its') return true;
  }
  return false;
}

export function isPlaceOrDemonym(p: string): boolean {
  const k = tokKey(p);
  return PLACES.has(k) || PLACE_WORDS.has(k) || COMPASS.has(k) || DEMONYMS.has(k) || DEMONYM_PHRASES.has(k) || (p.length <= 3 && p === p.toUpperCase());
}

export function isDemonymRun(toks: Tok[], a: number, b: number): boolean {
  const key = runKey(toks, a, b);
  if (DEMONYM_PHRASES.has(key) && !PLACES.has(key)) return true;
  // "Chinese", "North Koreans", "Senate Democrats": nationality or party words, plural or not.
  const lastK = toks[b - 1].key;
  const singular = lastK.endsWith('s') ? lastK.slice(0, -1) : '';
  // Plural titles name a group, not an entity: "Labour MPs", "EU Ministers".
  if (singular && b - a >= 2 && (ROLE_HEADS.has(singular) || ROLE_NOUNS.has(singular))) return true;
  const lastIsDemonym = DEMONYMS.has(lastK) || DEMONYMS.has(singular);
  if (!lastIsDemonym) return false;
  for (let i = a; i < b - 1; i++) if (!DEMONYMS.has(toks[i].key) && !COMPASS.has(toks[i].key) && !ORG_SUFFIXES.has(toks[i].key)) return false;
  return true;
}

export function isSportsClub(toks: Tok[], a: number, b: number, sports: boolean): boolean {
  const next = toks[b];
  const prev = toks[a - 1];
  if (next?.word && !next.cap && SPORT_NEXT.has(next.key)) return true;
  if (!sports) return false;
  if (prev?.word && (SPORT_PREV.has(prev.key) || prev.key === 'at')) return true;
  return next?.word === true && SPORT_PREV.has(next.key);
}

/** A run with a capitalised small word, an acronym or "&" in it: a work, product or body ("X In The Y",
 *  "X DVD", "BBC X", "X & Y"), not a person. Initials ("AR X") and regnal numbers ("X II") are allowed. */
export function isTitleOrProduct(nm: Tok[], all: Tok[]): boolean {
  if (all.some((t) => t.text === '&')) return true; // "X & Y": a firm
  for (let i = 0; i < nm.length; i++) {
    const t = nm[i];
    if (!t.cap) continue;
    if (i > 0 && TITLE_SMALL_WORDS.has(t.key)) return true;
    if (t.allCaps && !/[.-]/.test(t.text) && !ROMAN_RE.test(t.text) && !POST_NOMINALS.has(t.key) && (t.text.length >= 3 || i > 0)) return true;
  }
  return false;
}

/** Several words used as a club: "X Y manager", "X Y's striker", "at X Y" in a sports sentence. */
export function isClubRun(toks: Tok[], a: number, b: number, sports: boolean): boolean {
  const next = toks[b];
  const last = toks[b - 1];
  if (next?.word && !next.cap && (last.poss ? CLUB_STAFF.has(next.key) : SPORT_NEXT.has(next.key))) return true;
  return sports && toks[a - 1]?.key === 'at';
}

export function roleNounWithin(toks: Tok[], s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    const t = toks[i];
    if (t.word && (ROLE_NOUNS.has(t.key) || (t.cap && ROLE_HEADS.has(t.key) && !HONORIFICS.has(t.key)))) return true;
  }
  return false;
}

export function appositionAfter(text: string, toks: Tok[], b: number): string | undefined {
  if (toks[b]?.text !== ',') return undefined;
  const s = b + 1;
  const first = toks[s];
  if (!first?.word || APPOSITION_STOP.has(first.key)) return undefined;
  let e = s;
  while (e < toks.length && e - s < 13) {
    const t = toks[e];
    if (!t.word && /^[,;:()\u2013\u2014"“”]$/.test(t.text)) break;
    if (t.word && APPOSITION_STOP.has(t.key)) return undefined;
    e++;
  }
  if (e - s >= 13 || e === s) return undefined;
  if (!roleNounWithin(toks, s, Math.min(e, s + 5))) return undefined;
  // ", NME editor Conor McNicholas,": a role with another name after it is the next item of a list.
  if (e - s >= 3 && toks[e - 1].cap && toks[e - 2].cap && toks[e - 1].word && toks[e - 2].word) {
    let r = e - 1;
    while (r > s && toks[r].word && toks[r].cap) r--;
    if (toks[r].word && !toks[r].cap && ROLE_NOUNS.has(toks[r].key)) return undefined;
  }
  let last = e - 1;
  while (last > s && !toks[last].word && !/^\p{N}/u.test(toks[last].text)) last--;
  let from = s;
  while (from < last && toks[from].word && DETERMINERS.has(toks[from].key) && !toks[from].cap) from++;
  return text.slice(toks[from].start, toks[last].end);
}

export function appositionBefore(text: string, toks: Tok[], a: number): string | undefined {
  // A peer's style may stand between the comma and the name ("The Lord Chief Justice, Lord Woolf,"); the
  // office before it is then written as one, every word capitalised ("Asked if she was a member of the
  // group, Ms Kelly said" sets off no office).
  const styled = a > 1 && toks[a - 1].word && toks[a - 1].cap && PEERAGE.has(toks[a - 1].key);
  const at = styled ? a - 1 : a;
  if (toks[at - 1]?.text !== ',') return undefined;
  // The name must itself be set off: followed by a comma, a say-verb, or the end.
  let j = a;
  while (j < toks.length && (toks[j].cap || (toks[j].word && PARTICLES.has(toks[j].key)))) {
    if (toks[j].poss) return undefined; // "…, Labour's Chief Secretary": an owner, not a name set off
    j++;
  }
  const closer = toks[j];
  if (closer && closer.text !== ',' && closer.text !== '.' && !(closer.word && SAY_VERBS.has(closer.key))) return undefined;
  const e = at - 1;
  let s = e;
  while (s > 0 && e - s < 13) {
    const t = toks[s - 1];
    if (!t.word && /^[,;:()\u2013\u2014"“”‘’]$/.test(t.text)) break;
    if (t.word && (SAY_VERBS.has(t.key) || APPOSITION_STOP.has(t.key))) break;
    s--;
  }
  if (e - s >= 13 || s === e) return undefined;
  while (s < e && toks[s].word && DETERMINERS.has(toks[s].key)) s++;
  const head = toks[s];
  if (!head?.word || (COMMON_CAPS.has(head.key) && !head.cap) || (head.initial && COMMON_CAPS.has(head.key))) return undefined;
  if (!roleNounWithin(toks, s, e)) return undefined;
  if (styled) {
    // "told MPs the Lord Chancellor, Lord Falconer,": the office starts after its article.
    for (let k = e - 2; k > s; k--) if (toks[k].word && toks[k].key === 'the' && toks[k + 1].cap && !CONNECTORS_BEFORE_THE.has(toks[k - 1].key)) s = k + 1;
    for (let k = s; k < e; k++) if (toks[k].word && !toks[k].cap && !CONNECTORS_BEFORE_THE.has(toks[k].key) && toks[k].key !== 'the') return undefined;
  }
  return text.slice(toks[s].start, toks[e - 1].end);
}

/** A peer's style written before the name ("Lord Woolf", "Baroness Scotland"). */
export const PEERAGE: ReadonlySet<string> = new Set(['lord', 'lady', 'baroness', 'baron', 'viscount', 'earl']);
/** Words that join an office's parts ("Minister for the Arts", "Secretary of State"). */
const CONNECTORS_BEFORE_THE = new Set(['of', 'for', 'to', 'at', 'and', 'on']);


export function runKey(toks: Tok[], a: number, b: number): string {
  let k = '';
  for (let i = a; i < b; i++) if (toks[i].word) k += (k ? ' ' : '') + toks[i].key;
  return k;
}
