// Entity resolution over the whole corpus. Each article is first resolved on its own (a lone "Biegun"
// is the "Stephen Biegun" the same article names in full; "the Security Council" is the "UN Security
// Council" it named; "(FDD)" is the name just before it), then articles are grouped by name key and
// lone surnames/short forms that no article resolved join the one full name they fit best.

import type { Entity, EntityKind, EntityRole, Mention, SourceLocation } from '../types.ts';
import { ALIASES, DEMONYMS, FIRST_NAMES, PLACE_WORDS } from './gazetteer.ts';
import { hasWeakKind, newMention } from './names.ts';
import { StaleCache } from './staleCache.ts';
import { decideKinds } from './entityKinds.ts';

export interface MentionSite {
  uri: string;
  sentence: number;
  mention: Mention;
}

const KINDS: readonly EntityKind[] = ['person', 'organization', 'place', 'event'];
const WEAK_FLAG = 4;
/** Groups handled between checks of the time slice in a sliced rebuild. */
const STEP = 512;

/** An article's mentions in the saved index: columns of numbers (strings are in the index's table). */
export interface SavedMentions {
  /** Sentence index, start and end offset of each mention. */
  s: number[];
  b: number[];
  e: number[];
  /** Kind index | WEAK_FLAG as found, and the same as resolved in the article shifted left by 3. */
  f: number[];
  /** Surface and resolved name key of each mention, as numbers in the saved index's string table. */
  t: number[];
  g: number[];
  /** [mention index, role]. */
  r?: Array<[number, string]>;
  /** [acronym key, the name it was written after]. */
  a?: Array<[string, string]>;
}

function flagsOf(kind: EntityKind, weak: boolean): number {
  return KINDS.indexOf(kind) | (weak ? WEAK_FLAG : 0);
}

/** A mention while its article is resolved on its own. */
interface Site {
  sentence: number;
  start: number;
  end: number;
  surface: string;
  kind: EntityKind;
  weak: boolean;
  role?: string;
  key: string; // nameKey of the surface (gazetteer aliases applied)
  target: string; // key of the name this mention stands for in its article
  acronymOf?: string; // "(FDD)" right after "Foundation for Defense of Democracies"
}

/** One article's resolved mentions, stored by column: a corpus has millions of them. */
interface Packed {
  uri: string;
  n: number;
  sentence: Int32Array;
  start: Int32Array;
  end: Int32Array;
  /** Kind index | WEAK_FLAG. */
  flags: Uint8Array;
  surface: string[];
  target: string[];
  roles?: Map<number, string>;
  /** [acronym key, the name it was written after]. */
  acronyms?: Array<[string, string]>;
}

/** All mentions that stand for one name key, kept up to date as articles come and go. */
interface Group {
  key: string;
  words: number;
  count: number;
  surfaces: Map<string, number>;
  votes: Record<EntityKind, number>;
  strongOther: number; // strong votes for non-person kinds
  strongPerson: number;
  /** Articles with mentions in this group, each once. */
  articles: Packed[];
  into?: Group; // set by each build
}

const MARKS_RE = /\p{M}+/gu;
const POSSESSIVE_RE = /['’]s\b|(?<=s)['’](?=\s|$)/g;
const DROP_RE = /[.'’`]/g;
const SPLIT_RE = /[^\p{L}\p{N}]+/u;

/** Normalised key of a name: case, accents, periods, hyphens and a leading "the" do not matter. */
export function nameKey(name: string): string {
  let s = name.normalize('NFKD').replace(MARKS_RE, '').toLowerCase();
  s = s.replace(POSSESSIVE_RE, '').replace(DROP_RE, '').replace(/&/g, ' and ');
  const parts = s.split(SPLIT_RE).filter(Boolean);
  if (parts.length > 1 && parts[0] === 'the') parts.shift();
  return parts.join(' ');
}

function canonicalKey(key: string): string {
  const whole = ALIASES.get(key);
  if (whole) return whole;
  // "UN Security Council" = "United Nations Security Council".
  const sp = key.indexOf(' ');
  if (sp > 0) {
    const head = ALIASES.get(key.slice(0, sp));
    if (head) return head + key.slice(sp);
  }
  return key;
}

const ALIAS_TARGETS = new Set(ALIASES.values());

/** Words that qualify a body without changing it: "UN", "Chinese", "U.S." before "Security Council". */
function isQualifierPrefix(long: string, short: string): boolean {
  const prefix = long.slice(0, long.length - short.length - 1);
  if (ALIAS_TARGETS.has(prefix)) return true;
  for (const w of prefix.split(' ')) if (!(PLACE_WORDS.has(w) || DEMONYMS.has(w) || ALIASES.has(w))) return false;
  return true;
}

function wordCount(key: string): number {
  let n = 1;
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) === 32) n++;
  return key ? n : 0;
}

function firstWord(key: string): string {
  const i = key.indexOf(' ');
  return i < 0 ? key : key.slice(0, i);
}
function lastWord(key: string): string {
  return key.slice(key.lastIndexOf(' ') + 1);
}

function initials(key: string): string {
  let s = '';
  for (const w of key.split(' ')) if (w !== 'of' && w !== 'for' && w !== 'and' && w !== 'the') s += w[0];
  return s;
}

interface Resolved {
  list: Entity[];
  byKey: Map<string, Entity>;
  byWord: Map<string, Entity[]>;
}

function emptyVotes(): Record<EntityKind, number> {
  return { person: 0, organization: 0, place: 0, event: 0 };
}

/** Keeps a map of counts: adds `by` (negative to take away) and drops keys that reach zero. */
function bump<K>(m: Map<K, number>, k: K, by: number): void {
  const n = (m.get(k) ?? 0) + by;
  if (n > 0) m.set(k, n);
  else m.delete(k);
}

export class EntityTable {
  private readonly articles = new Map<string, Packed>();
  private readonly groups = new Map<string, Group>();
  /** Acronym key → the names it was defined for, with counts. */
  private readonly acronyms = new Map<string, Map<string, number>>();
  /** Surface → canonical key: computed once per spelling, and one string per key across articles. */
  private readonly keys = new Map<string, string>();
  private readonly plainKeys = new Map<string, string>();
  private readonly cache = new StaleCache<Resolved>();
  /** Set during bulk indexing: a recent resolution may be served though articles changed since. */
  staleOk = false;

  /** Replace all mentions of one article (incremental re-index). The article is resolved on its own and
   *  its mentions counted into their groups now; the corpus-wide merge runs when the table is next read. */
  setArticle(uri: string, sites: MentionSite[]): void {
    this.removeArticle(uri);
    if (!sites.length) return;
    const local: Site[] = sites.map((s) => {
      const m = s.mention;
      const key = this.keyOf(m.text);
      const site: Site = { sentence: s.sentence, start: m.start, end: m.end, surface: m.text, kind: m.kind, weak: hasWeakKind(m), key, target: key };
      if (m.role) site.role = m.role;
      return site;
    });
    resolveLocally(local);
    const packed = pack(uri, local);
    this.articles.set(uri, packed);
    this.count(packed, 1);
    this.cache.invalidate();
  }

  /** One article's mentions as found (`mentions`, in the order they were given to `setArticle`) and as
   *  resolved in the article, for the saved index: reloading skips name keys and local resolution.
   *  Strings are saved once for the whole index: `ref` gives a string's number in that table. */
  savedMentions(uri: string, mentions: readonly Mention[], ref: (s: string) => number): SavedMentions | undefined {
    const p = this.articles.get(uri);
    if (!p || p.n !== mentions.length) return undefined;
    const saved: SavedMentions = { s: [...p.sentence], b: [...p.start], e: [...p.end], f: [], t: [], g: [] };
    for (let i = 0; i < p.n; i++) {
      const m = mentions[i];
      saved.f.push(flagsOf(m.kind, hasWeakKind(m)) | (p.flags[i] << 3));
      saved.t.push(ref(p.surface[i]));
      saved.g.push(ref(p.target[i]));
    }
    if (p.roles) saved.r = [...p.roles];
    if (p.acronyms) saved.a = p.acronyms.map(([k, of]) => [k, of]);
    return saved;
  }

  /** Restores an article saved by `savedMentions` (`strings`: the index's string table); returns its
   *  mentions as found, by sentence index. */
  restoreMentions(uri: string, saved: SavedMentions, strings: readonly string[]): Array<{ sentence: number; mention: Mention }> {
    this.removeArticle(uri);
    const n = saved.s.length;
    const p: Packed = {
      uri, n, sentence: Int32Array.from(saved.s), start: Int32Array.from(saved.b), end: Int32Array.from(saved.e), flags: new Uint8Array(n),
      surface: new Array<string>(n), target: new Array<string>(n),
    };
    if (saved.r?.length) p.roles = new Map(saved.r);
    if (saved.a?.length) p.acronyms = saved.a.map(([k, of]) => [k, of]);
    const out: Array<{ sentence: number; mention: Mention }> = [];
    for (let i = 0; i < n; i++) {
      const f = saved.f[i];
      p.flags[i] = f >> 3;
      const text = strings[saved.t[i]];
      const target = strings[saved.g[i]];
      if (typeof text !== 'string' || typeof target !== 'string') throw new Error(`a saved mention of ${uri} has no text`);
      p.surface[i] = text;
      p.target[i] = target;
      const mention = newMention(p.start[i], p.end[i], text, KINDS[f & 3], p.roles?.get(i), (f & WEAK_FLAG) !== 0);
      out.push({ sentence: p.sentence[i], mention });
    }
    if (n > 0) {
      this.articles.set(uri, p);
      this.count(p, 1);
      this.cache.invalidate();
    }
    return out;
  }

  removeArticle(uri: string): void {
    const old = this.articles.get(uri);
    if (!old) return;
    this.articles.delete(uri);
    this.count(old, -1);
    this.cache.invalidate();
  }

  /** nameKey of a surface, memoised: resolving a sentence's mentions looks at each of its names again. */
  private plainKeyOf(surface: string): string {
    let k = this.plainKeys.get(surface);
    if (k === undefined) {
      if (this.plainKeys.size > 50_000) this.plainKeys.clear();
      this.plainKeys.set(surface, (k = nameKey(surface)));
    }
    return k;
  }

  private keyOf(surface: string): string {
    let k = this.keys.get(surface);
    if (k === undefined) {
      k = canonicalKey(nameKey(surface));
      // Spellings of names no longer indexed are forgotten now and then; keys are cheap to recompute.
      if (this.keys.size > 4 * this.groups.size + 10_000) this.keys.clear();
      this.keys.set(surface, k);
    }
    return k;
  }

  /** Adds (+1) or takes away (-1) an article's mentions from their groups. */
  private count(p: Packed, sign: 1 | -1): void {
    for (let i = 0; i < p.n; i++) {
      const key = p.target[i];
      let g = this.groups.get(key);
      if (!g) {
        if (sign < 0) continue;
        g = { key, words: wordCount(key), count: 0, surfaces: new Map(), votes: emptyVotes(), strongOther: 0, strongPerson: 0, articles: [] };
        this.groups.set(key, g);
      }
      const kind = KINDS[p.flags[i] & 3];
      const weak = (p.flags[i] & WEAK_FLAG) !== 0;
      g.count += sign;
      bump(g.surfaces, p.surface[i], sign);
      g.votes[kind] += sign * (weak ? 1 : 3);
      if (!weak) {
        if (kind === 'person') g.strongPerson += sign;
        else g.strongOther += sign;
      }
      if (sign > 0) {
        // A literal for the first article: push onto [] reserves room for 16 (most groups have one).
        if (g.articles.length === 0) g.articles = [p];
        else if (g.articles[g.articles.length - 1] !== p) g.articles.push(p);
      } else if (g.articles.includes(p)) {
        g.articles = g.articles.filter((a) => a !== p);
      }
      if (g.count <= 0) this.groups.delete(key);
    }
    for (const [key, of] of p.acronyms ?? []) {
      let m = this.acronyms.get(key);
      if (!m) {
        if (sign < 0) continue;
        this.acronyms.set(key, (m = new Map()));
      }
      bump(m, of, sign);
      if (m.size === 0) this.acronyms.delete(key);
    }
  }

  /** Resolved entities, most mentioned first (recomputed lazily after changes). */
  entities(): readonly Entity[] {
    return this.build().list;
  }

  /** Exact lookup of a name or alias as written ("Biegun", "Kim Jong-un", "the Security Council"). */
  lookup(name: string): Entity | undefined {
    const c = this.build();
    const key = canonicalKey(nameKey(name));
    return c.byKey.get(key) ?? c.byKey.get(dropInitials(key));
  }

  /** Resolve a mention in a draft to a corpus entity; a lone surname prefers the person the draft names
   *  in full elsewhere, else the most mentioned person with that name. */
  resolve(mention: Mention, draftContext?: Mention[]): Entity | undefined {
    const c = this.build();
    const key = this.keyOf(mention.text);
    if (!key) return undefined;
    if (wordCount(key) > 1) return c.byKey.get(key) ?? c.byKey.get(dropInitials(key));
    if (draftContext) {
      for (const m of draftContext) {
        const k = this.plainKeyOf(m.text);
        if (wordCount(k) < 2 || (firstWord(k) !== key && lastWord(k) !== key)) continue;
        const e = c.byKey.get(k) ?? c.byKey.get(dropInitials(k));
        if (e) return e;
      }
    }
    const exact = c.byKey.get(key);
    if (exact && exact.kind === mention.kind && exact.name.indexOf(' ') < 0) return exact;
    // A surname alone: the corpus's dominant bearer, when there is one.
    const people = c.byWord.get(key);
    if (people?.length) {
      // Dominant: mentioned more than every other bearer of the name together.
      let others = 0;
      for (let i = 1; i < people.length; i++) others += people[i].mentionCount;
      if (people[0].mentionCount > others) return people[0];
    }
    return exact;
  }

  private build(): Resolved {
    return this.cache.get(() => finish(this.resolveSteps()), this.staleOk);
  }

  /** Brings a stale resolution up to date in slices (`pause` between them), for bulk indexing: requests
   *  meanwhile get the previous resolution instead of waiting for a whole-corpus rebuild. */
  async refresh(pause: () => Promise<void>, sliceMs: number): Promise<void> {
    if (!this.cache.stale) return;
    const version = this.cache.version;
    const steps = this.resolveSteps();
    let work = 0;
    let t0 = performance.now();
    for (;;) {
      const r = steps.next();
      if (r.done) {
        this.cache.put(r.value, version, work + performance.now() - t0);
        return;
      }
      if (performance.now() - t0 > sliceMs) {
        work += performance.now() - t0;
        await pause();
        t0 = performance.now();
      }
    }
  }

  /** A bulk index should refresh the resolution before requests start paying for it. */
  get refreshDue(): boolean {
    return this.cache.due;
  }

  private *resolveSteps(): Generator<void, Resolved> {
    for (const g of this.groups.values()) g.into = undefined;
    yield* mergeShortForms(this.groups, this.acronyms);
    return yield* materialise(this.groups, (s) => this.keyOf(s));
  }
}

/** Steps through a generator without pausing. */
function finish<T>(steps: Generator<void, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

function pack(uri: string, sites: Site[]): Packed {
  const n = sites.length;
  const p: Packed = {
    uri, n, sentence: new Int32Array(n), start: new Int32Array(n), end: new Int32Array(n), flags: new Uint8Array(n),
    surface: new Array<string>(n), target: new Array<string>(n),
  };
  for (let i = 0; i < n; i++) {
    const s = sites[i];
    p.sentence[i] = s.sentence;
    p.start[i] = s.start;
    p.end[i] = s.end;
    p.flags[i] = flagsOf(s.kind, s.weak);
    p.surface[i] = s.surface;
    p.target[i] = s.target;
    if (s.role) (p.roles ??= new Map()).set(i, s.role);
    if (s.acronymOf) (p.acronyms ??= []).push([s.key, s.acronymOf]);
  }
  return p;
}

function dropInitials(key: string): string {
  const sp = key.indexOf(' ');
  if (sp < 0 || key.indexOf(' ', sp + 1) < 0) return key;
  const parts = key.split(' ');
  if (parts.length < 3) return key;
  return parts.filter((p, i) => p.length > 1 || i === 0 || i === parts.length - 1).join(' ');
}

/** One article: lone surnames/first names → the full name; short org names → the longer one; acronyms. */
function resolveLocally(sites: Site[]): void {
  const persons = new Map<string, { key: string; count: number }>(); // word → full name
  const attested = new Set<string>(); // full names with a title, role or given-name cue here
  const orgs: string[] = [];
  const orgCount = new Map<string, number>();
  for (const s of sites) {
    const words = wordCount(s.key);
    if (s.kind === 'person' && words >= 2) {
      if (!s.weak) attested.add(s.key);
      for (const w of [firstWord(s.key), lastWord(s.key)]) {
        const cur = persons.get(w);
        if (!cur) persons.set(w, { key: s.key, count: 1 });
        else if (cur.key === s.key) cur.count++;
        else if (cur.count <= 1 && w === lastWord(s.key)) persons.set(w, { key: s.key, count: 1 });
      }
    } else if (s.kind === 'organization' && words >= 2) {
      if (!orgCount.has(s.key)) orgs.push(s.key);
      orgCount.set(s.key, (orgCount.get(s.key) ?? 0) + 1);
    }
  }
  for (let i = 0; i < sites.length; i++) {
    const s = sites[i];
    const words = wordCount(s.key);
    if (words === 1 && (s.kind === 'person' || s.weak)) {
      const p = persons.get(s.key);
      if (p && (s.kind === 'person' || attested.has(p.key))) {
        s.target = p.key;
        s.kind = 'person';
        s.weak = false; // the article itself names this person in full
      } else if (p && s.weak && (lastWord(p.key) === s.key || (!FIRST_NAMES.has(s.key) && wordCount(p.key) >= 3))) {
        // A surname written alone beside a full name that is only a guess (or a family name written first,
        // "Ri" of "Ri Song Chol"): both stay guesses, but the short form is evidence that the full name is
        // a person's (see entityKinds.ts).
        s.target = p.key;
        s.kind = 'person';
      }
    } else if (s.kind === 'organization' && words >= 2) {
      // "Security Council" → "UN Security Council" when the article names exactly one such body.
      let best: string | undefined;
      for (const o of orgs) {
        if (o.length > s.key.length && o.endsWith(' ' + s.key) && isQualifierPrefix(o, s.key)) {
          if (best && best !== o) {
            best = undefined;
            break;
          }
          best = o;
        }
      }
      if (best) s.target = best;
    }
    // "Foundation for Defense of Democracies (FDD)": an acronym written right after the name.
    const prev = sites[i - 1];
    if (prev && words === 1 && s.surface === s.surface.toUpperCase() && s.start - prev.end >= 1 && s.start - prev.end <= 3
      && prev.sentence === s.sentence && wordCount(prev.key) >= 2 && initials(prev.key) === s.key.replace(/ /g, '')) {
      s.target = prev.target;
      s.acronymOf = prev.target;
      s.kind = prev.kind;
    }
  }
}

/** Corpus-wide: lone names and short forms that no article resolved join the full name they fit. */
function* mergeShortForms(groups: Map<string, Group>, acronyms: Map<string, Map<string, number>>): Generator<void, void> {
  let n = 0;
  const personByWord = new Map<string, Group[]>();
  const orgBySuffix = new Map<string, Group[]>();
  const byInitials = new Map<string, Group[]>();
  for (const g of groups.values()) {
    if (++n % STEP === 0) yield;
    if (g.words < 2) continue;
    const kind = topKind(g.votes);
    if (kind === 'person') {
      if (samePersonAs(g, groups)) continue;
      // A surname alone may stand for a person across articles; a given name alone never does (a first
      // word that is no given name may be a family name in a name of three words: "Ri" of "Ri Song Chol").
      const f = firstWord(g.key);
      const l = lastWord(g.key);
      push(personByWord, l, g);
      if (g.words >= 3 && !FIRST_NAMES.has(f) && g.strongPerson > 0) push(personByWord, f, g);
    } else if (kind === 'organization') {
      const parts = g.key.split(' ');
      for (let i = 1; i < parts.length - 1; i++) {
        const suffix = parts.slice(i).join(' ');
        if (isQualifierPrefix(g.key, suffix)) push(orgBySuffix, suffix, g);
      }
      if (g.words >= 3) push(byInitials, initials(g.key), g);
    }
  }
  for (const g of groups.values()) {
    if (++n % STEP === 0) yield;
    const same = g.words >= 2 && topKind(g.votes) === 'person' ? samePersonAs(g, groups) : undefined;
    if (same) {
      g.into = same;
      continue;
    }
    if (g.words === 1) {
      const defined = acronyms.get(g.key);
      if (defined) {
        const target = groups.get(argmax(defined));
        if (target && target !== g) {
          g.into = target;
          continue;
        }
      }
      // A lone word joins a person when it is mostly used as a person, or when it is only a guess and
      // the person is a well-attested one (a title or role seen); Bolton the club stays apart.
      const people = personByWord.get(g.key);
      if (people) {
        const top = pickTop(people);
        const mostlyPerson = g.votes.person * 2 > g.votes.organization + g.votes.place + g.votes.event;
        if (mostlyPerson || (g.strongOther === 0 && top.strongPerson * 2 >= top.count)) {
          g.into = top;
          continue;
        }
      }
      const long = byInitials.get(g.key);
      if (long && long.length === 1 && g.key.length >= 3 && topKind(g.votes) === 'organization') g.into = long[0];
    } else if (topKind(g.votes) === 'organization') {
      const longer = orgBySuffix.get(g.key);
      if (!longer) continue;
      const top = pickTop(longer);
      let total = 0;
      for (const l of longer) total += l.count;
      if (top.count * 5 >= total * 4) g.into = top;
    }
  }
}

/** A person group that is a better-attested person's name in another form: a plural or possessive
 *  written without its apostrophe ("X Ys"), or the name with a stray word before it ("EU X Y", "Sprinter
 *  X Y") that no given name explains. */
function samePersonAs(g: Group, groups: Map<string, Group>): Group | undefined {
  const key = g.key;
  if (key.endsWith('s') && !key.endsWith('ss')) {
    const singular = groups.get(key.slice(0, -1));
    if (singular && singular.count > g.count && topKind(singular.votes) === 'person') return singular;
  }
  if (g.words >= 3 && !FIRST_NAMES.has(firstWord(key))) {
    // The longest shorter form that is a person at least as often mentioned ("EU X Y" → "X Y", also when
    // a gazetteer alias rewrote the stray word: "european union x y").
    for (let at = key.indexOf(' '); at > 0; at = key.indexOf(' ', at + 1)) {
      const rest = key.slice(at + 1);
      if (rest.indexOf(' ') < 0) break;
      const g2 = groups.get(rest);
      if (g2 && g2.count >= g.count && topKind(g2.votes) === 'person') return g2;
    }
  }
  return undefined;
}

function push<K, T>(m: Map<K, T[]>, k: K, v: T): void {
  const a = m.get(k);
  if (a) a.push(v);
  else m.set(k, [v]);
}

function pickTop(gs: Group[]): Group {
  let best = gs[0];
  for (const g of gs) if (g.count > best.count || (g.count === best.count && g.key < best.key)) best = g;
  return best;
}

function argmax(m: Map<string, number>): string {
  let best = '';
  let n = -1;
  for (const [k, v] of m) if (v > n || (v === n && k < best)) [best, n] = [k, v];
  return best;
}

function topKind(v: Record<EntityKind, number>): EntityKind {
  let best: EntityKind = 'organization';
  for (const k of KINDS) if (v[k] > v[best]) best = k;
  return best;
}

function rootOf(g: Group): Group {
  let r = g;
  for (let i = 0; r.into && i < 8; i++) r = r.into;
  return r;
}

function* materialise(groups: Map<string, Group>, canon: (surface: string) => string): Generator<void, Resolved> {
  // Gather each root with the groups merged into it.
  const members = new Map<Group, Group[]>();
  let n = 0;
  for (const g of groups.values()) {
    if (++n % STEP === 0) yield;
    push(members, rootOf(g), g);
  }
  const merged: Array<{ root: Group; gs: Group[]; votes: Record<EntityKind, number>; surfaces: Map<string, number>; count: number }> = [];
  for (const [root, gs] of members) {
    if (++n % STEP === 0) yield;
    let votes = root.votes;
    let surfaces = root.surfaces;
    let count = root.count;
    if (gs.length > 1) {
      votes = emptyVotes();
      surfaces = new Map();
      count = 0;
      for (const g of gs) {
        for (const k of KINDS) votes[k] += g.votes[k];
        for (const [s, n] of g.surfaces) surfaces.set(s, (surfaces.get(s) ?? 0) + n);
        count += g.count;
      }
    }
    merged.push({ root, gs, votes, surfaces, count });
  }
  const kinds = decideKinds(merged.map((m) => {
    let strongPerson = 0;
    for (const g of m.gs) strongPerson += g.strongPerson;
    return { key: m.root.key, count: m.count, words: m.root.words, kind: topKind(m.votes), strongPerson, surfaces: m.surfaces };
  }));
  const list: LazyEntity[] = [];
  for (let i = 0; i < merged.length; i++) {
    if (++n % STEP === 0) yield;
    const { root, gs, surfaces, count } = merged[i];
    const kind = kinds[i];
    const name = canonicalName(root, kind, surfaces, canon);
    let aliases: string[] = [];
    if (surfaces.size > 1) {
      aliases = [...surfaces.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([s]) => s).filter((s) => s !== name).slice(0, 50);
    } else {
      for (const s of surfaces.keys()) if (s !== name) aliases.push(s);
    }
    list.push(new LazyEntity(`${kind}:${nameKey(name)}`, name, kind, aliases, count, gs));
  }
  list.sort((a, b) => b.mentionCount - a.mentionCount || (a.id < b.id ? -1 : 1));
  const byKey = new Map<string, Entity>();
  const byWord = new Map<string, Entity[]>();
  // Most mentioned first: a shared alias goes to the bigger entity.
  const add = (k: string, e: Entity) => {
    if (!byKey.has(k)) byKey.set(k, e);
    const di = dropInitials(k);
    if (di !== k && !byKey.has(di)) byKey.set(di, e);
  };
  for (const e of list) {
    if (++n % STEP === 0) yield;
    add(canon(e.name), e);
    for (const g of e.groups) add(g.key, e);
    for (const a of e.aliases) add(canon(a), e);
    if (e.kind === 'person') {
      const k = nameKey(e.name);
      if (wordCount(k) >= 2) {
        push(byWord, lastWord(k), e);
        if (wordCount(k) >= 3 && !FIRST_NAMES.has(firstWord(k))) push(byWord, firstWord(k), e);
      }
    }
  }
  return { list, byKey, byWord };
}

/** An entity whose mentions and roles are gathered from its groups when first asked for: most entities'
 *  never are, and building them all was most of the time and memory of a rebuild. */
class LazyEntity implements Entity {
  private sites: { mentions: SourceLocation[]; roles: EntityRole[] } | undefined;
  constructor(
    readonly id: string,
    readonly name: string,
    readonly kind: EntityKind,
    readonly aliases: string[],
    readonly mentionCount: number,
    readonly groups: Group[],
  ) {}
  get mentions(): SourceLocation[] {
    return (this.sites ??= gatherSites(this.groups)).mentions;
  }
  get roles(): EntityRole[] {
    return (this.sites ??= gatherSites(this.groups)).roles;
  }
  toJSON(): Entity {
    return { id: this.id, name: this.name, kind: this.kind, aliases: this.aliases, roles: this.roles, mentions: this.mentions, mentionCount: this.mentionCount };
  }
}

/** Mentions of a set of groups in a fixed order (article path, then offset) with the roles they carry. */
function gatherSites(gs: Group[]): { mentions: SourceLocation[]; roles: EntityRole[] } {
  const found: Array<{ p: Packed; i: number }> = [];
  for (const g of gs) {
    for (const p of g.articles) for (let i = 0; i < p.n; i++) if (p.target[i] === g.key) found.push({ p, i });
  }
  found.sort((a, b) => (a.p.uri < b.p.uri ? -1 : a.p.uri > b.p.uri ? 1 : a.p.start[a.i] - b.p.start[b.i]));
  const mentions: SourceLocation[] = [];
  const roles = new Map<string, { role: EntityRole; n: number; words: number }>();
  for (const { p, i } of found) {
    const loc: SourceLocation = { uri: p.uri, sentence: p.sentence[i], start: p.start[i], end: p.end[i] };
    mentions.push(loc);
    const role = p.roles?.get(i);
    if (role) {
      const rk = role.toLowerCase().replace(/\s+/g, ' ');
      const r = roles.get(rk);
      if (r) r.n++;
      else roles.set(rk, { role: { text: role, source: loc }, n: 1, words: wordCount(rk) });
    }
  }
  // Most frequent first, then the more specific (longer) of equally frequent roles.
  return { mentions, roles: [...roles.values()].sort((a, b) => b.n - a.n || b.words - a.words).map((r) => r.role) };
}

function canonicalName(root: Group, kind: EntityKind, surfaces: Map<string, number>, canon: (s: string) => string): string {
  // The most frequent full form; people need at least two words when any such form was seen.
  let best = '';
  let n = -1;
  for (const [s, c] of surfaces) {
    if (canon(s) !== root.key) continue;
    if (c > n || (c === n && (s.length > best.length || (s.length === best.length && s < best)))) [best, n] = [s, c];
  }
  if (!best) {
    for (const [s, c] of surfaces) {
      if (kind === 'person' && wordCount(nameKey(s)) < 2) continue;
      if (c > n || (c === n && s < best)) [best, n] = [s, c];
    }
  }
  if (!best) best = [...surfaces.keys()].sort()[0] ?? root.key;
  return best.replace(/^the\s+/i, '');
}
