// Entity resolution over the whole corpus. Each article is first resolved on its own (a lone "Biegun"
// is the "Stephen Biegun" the same article names in full; "the Security Council" is the "UN Security
// Council" it named; "(FDD)" is the name just before it), then articles are grouped by name key and
// lone surnames/short forms that no article resolved join the one full name they fit best.

import type { Entity, EntityKind, EntityRole, Mention, SourceLocation } from '../types.ts';
import { ALIASES, DEMONYMS, PLACE_WORDS } from './gazetteer.ts';
import { hasWeakKind } from './names.ts';
import { StaleCache } from './staleCache.ts';

export interface MentionSite {
  uri: string;
  sentence: number;
  mention: Mention;
}

const KINDS: readonly EntityKind[] = ['person', 'organization', 'place', 'event'];
const NO_SITES: Site[] = [];

interface Site {
  loc: SourceLocation; // shared with every build's Entity.mentions
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

interface Group {
  key: string;
  words: number;
  count: number;
  surfaces: Map<string, number>;
  votes: Record<EntityKind, number>;
  strongOther: number; // strong votes for non-person kinds
  strongPerson: number;
  sites: Site[];
  into?: Group;
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

// Memo of nameKey for one build (surfaces repeat across many mentions).
let keyMemo: Map<string, string> | undefined;
function memoKey(s: string): string {
  if (!keyMemo) return nameKey(s);
  let k = keyMemo.get(s);
  if (k === undefined) keyMemo.set(s, (k = nameKey(s)));
  return k;
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

export class EntityTable {
  private articles = new Map<string, Site[]>();
  private readonly pending = new Map<string, MentionSite[]>();
  private readonly cache = new StaleCache<Resolved>();
  /** Set during bulk indexing: a recent resolution may be served though articles changed since. */
  staleOk = false;

  /** Replace all mentions of one article (incremental re-index); cheap to call per file: the article is
   *  resolved when the table is next read. */
  setArticle(uri: string, sites: MentionSite[]): void {
    if (sites.length) {
      if (!this.articles.has(uri)) this.articles.set(uri, NO_SITES); // keeps the order articles came in
      this.pending.set(uri, sites);
    } else {
      this.articles.delete(uri);
      this.pending.delete(uri);
    }
    this.cache.invalidate();
  }

  private flush(): void {
    for (const [uri, sites] of this.pending) {
      const local: Site[] = sites.map((s) => {
        const m = s.mention;
        const key = canonicalKey(nameKey(m.text));
        const loc: SourceLocation = { uri, sentence: s.sentence, start: m.start, end: m.end };
        const site: Site = { loc, sentence: s.sentence, start: m.start, end: m.end, surface: m.text, kind: m.kind, weak: hasWeakKind(m), key, target: key };
        if (m.role) site.role = m.role;
        return site;
      });
      resolveLocally(local);
      this.articles.set(uri, local);
    }
    this.pending.clear();
  }

  removeArticle(uri: string): void {
    this.pending.delete(uri);
    if (this.articles.delete(uri)) this.cache.invalidate();
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
    const key = canonicalKey(nameKey(mention.text));
    if (!key) return undefined;
    if (wordCount(key) > 1) return c.byKey.get(key) ?? c.byKey.get(dropInitials(key));
    if (draftContext) {
      for (const m of draftContext) {
        const k = nameKey(m.text);
        if (wordCount(k) < 2 || (firstWord(k) !== key && lastWord(k) !== key)) continue;
        const e = c.byKey.get(k) ?? c.byKey.get(dropInitials(k));
        if (e) return e;
      }
    }
    const exact = c.byKey.get(key);
    if (exact && exact.kind === mention.kind && exact.name.indexOf(' ') < 0) return exact;
    const people = c.byWord.get(key);
    if (people?.length) return people[0];
    return exact;
  }

  toJSON(): unknown {
    this.flush();
    const articles: unknown[] = [];
    for (const [uri, sites] of this.articles) {
      articles.push([uri, sites.map((s) => [s.sentence, s.start, s.end, s.surface, KINDS.indexOf(s.kind), s.weak ? 1 : 0, s.role ?? 0])]);
    }
    return { version: 1, articles };
  }

  static fromJSON(data: unknown): EntityTable {
    const t = new EntityTable();
    const d = data as { version?: number; articles?: unknown };
    if (!d || d.version !== 1 || !Array.isArray(d.articles)) return t;
    for (const entry of d.articles) {
      if (!Array.isArray(entry) || typeof entry[0] !== 'string' || !Array.isArray(entry[1])) continue;
      const local: Site[] = [];
      for (const r of entry[1] as unknown[]) {
        if (!Array.isArray(r) || r.length < 6) continue;
        const surface = String(r[3]);
        const key = canonicalKey(nameKey(surface));
        const loc: SourceLocation = { uri: entry[0], sentence: Number(r[0]), start: Number(r[1]), end: Number(r[2]) };
        const site: Site = {
          loc, sentence: Number(r[0]), start: Number(r[1]), end: Number(r[2]), surface,
          kind: KINDS[Number(r[4])] ?? 'organization', weak: r[5] === 1, key, target: key,
        };
        if (typeof r[6] === 'string') site.role = r[6];
        local.push(site);
      }
      resolveLocally(local);
      if (local.length) t.articles.set(entry[0], local);
    }
    return t;
  }

  private build(): Resolved {
    return this.cache.get(() => this.resolveAll(), this.staleOk);
  }

  private resolveAll(): Resolved {
    this.flush();
    const groups = new Map<string, Group>();
    const acronyms = new Map<string, Map<string, number>>();
    for (const sites of this.articles.values()) {
      for (const site of sites) {
        let g = groups.get(site.target);
        if (!g) {
          g = { key: site.target, words: wordCount(site.target), count: 0, surfaces: new Map(), votes: emptyVotes(), strongOther: 0, strongPerson: 0, sites: [] };
          groups.set(site.target, g);
        }
        g.count++;
        g.surfaces.set(site.surface, (g.surfaces.get(site.surface) ?? 0) + 1);
        g.votes[site.kind] += site.weak ? 1 : 3;
        if (!site.weak) {
          if (site.kind === 'person') g.strongPerson++;
          else g.strongOther++;
        }
        g.sites.push(site);
        if (site.acronymOf) {
          let m = acronyms.get(site.key);
          if (!m) acronyms.set(site.key, (m = new Map()));
          m.set(site.acronymOf, (m.get(site.acronymOf) ?? 0) + 1);
        }
      }
    }
    mergeShortForms(groups, acronyms);
    keyMemo = new Map();
    try {
      return materialise(groups);
    } finally {
      keyMemo = undefined;
    }
  }
}

function dropInitials(key: string): string {
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
function mergeShortForms(groups: Map<string, Group>, acronyms: Map<string, Map<string, number>>): void {
  const personByWord = new Map<string, Group[]>();
  const orgBySuffix = new Map<string, Group[]>();
  const byInitials = new Map<string, Group[]>();
  for (const g of groups.values()) {
    if (g.words < 2) continue;
    const kind = topKind(g.votes);
    if (kind === 'person') {
      const f = firstWord(g.key);
      const l = lastWord(g.key);
      for (const w of f === l ? [f] : [f, l]) push(personByWord, w, g);
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

function materialise(groups: Map<string, Group>): Resolved {
  // Gather each root with the groups merged into it.
  const members = new Map<Group, Group[]>();
  for (const g of groups.values()) push(members, rootOf(g), g);
  const list: Entity[] = [];
  const keysOf = new Map<Entity, string[]>();
  for (const [root, gs] of members) {
    const votes = emptyVotes();
    const surfaces = new Map<string, number>();
    let count = 0;
    for (const g of gs) {
      for (const k of KINDS) votes[k] += g.votes[k];
      for (const [s, n] of g.surfaces) surfaces.set(s, (surfaces.get(s) ?? 0) + n);
      count += g.count;
    }
    const kind = topKind(votes);
    const name = canonicalName(root, kind, surfaces);
    const mentions: SourceLocation[] = [];
    const roles = new Map<string, { role: EntityRole; n: number; words: number }>();
    for (const g of gs) {
      for (const site of g.sites) {
        const loc = site.loc;
        mentions.push(loc);
        if (site.role) {
          const rk = site.role.toLowerCase().replace(/\s+/g, ' ');
          const r = roles.get(rk);
          if (r) r.n++;
          else roles.set(rk, { role: { text: site.role, source: loc }, n: 1, words: wordCount(rk) });
        }
      }
    }
    const roleList = [...roles.values()].sort((a, b) => b.words - a.words || b.n - a.n).map((r) => r.role);
    const aliases = [...surfaces.entries()].sort((a, b) => b[1] - a[1]).map(([s]) => s).filter((s) => s !== name).slice(0, 50);
    const entity: Entity = { id: `${kind}:${memoKey(name)}`, name, kind, aliases, roles: roleList, mentions };
    list.push(entity);
    keysOf.set(entity, gs.map((g) => g.key));
    void count;
  }
  list.sort((a, b) => b.mentions.length - a.mentions.length || (a.id < b.id ? -1 : 1));
  const byKey = new Map<string, Entity>();
  const byWord = new Map<string, Entity[]>();
  // Most mentioned first: a shared alias goes to the bigger entity.
  for (const e of list) {
    const keys = [memoKey(e.name), ...(keysOf.get(e) ?? []), ...e.aliases.map(memoKey)];
    for (const k of keys) {
      const ck = canonicalKey(k);
      if (!byKey.has(ck)) byKey.set(ck, e);
      const di = dropInitials(ck);
      if (di !== ck && !byKey.has(di)) byKey.set(di, e);
    }
    if (e.kind === 'person') {
      const k = memoKey(e.name);
      if (wordCount(k) >= 2) {
        push(byWord, lastWord(k), e);
        if (firstWord(k) !== lastWord(k)) push(byWord, firstWord(k), e);
      }
    }
  }
  return { list, byKey, byWord };
}

function canonicalName(root: Group, kind: EntityKind, surfaces: Map<string, number>): string {
  // The most frequent full form; people need at least two words when any such form was seen.
  let best = '';
  let n = -1;
  for (const [s, c] of surfaces) {
    const k = canonicalKey(memoKey(s));
    if (k !== root.key && !(kind !== 'person' && k === canonicalKey(root.key))) continue;
    if (c > n || (c === n && s.length > best.length)) [best, n] = [s, c];
  }
  if (!best) {
    for (const [s, c] of surfaces) {
      if (kind === 'person' && wordCount(memoKey(s)) < 2) continue;
      if (c > n) [best, n] = [s, c];
    }
  }
  if (!best) best = [...surfaces.keys()][0] ?? root.key;
  return best.replace(/^the\s+/i, '');
}
