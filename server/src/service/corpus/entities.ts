// Entity resolution over the whole corpus. Each article is first resolved on its own (a lone "Biegun"
// is the "Stephen Biegun" the same article names in full; "the Security Council" is the "UN Security
// Council" it named; "(FDD)" is the name just before it), then articles are grouped by name key and
// lone surnames/short forms that no article resolved join the one full name they fit best.

import type { Entity, Mention } from '../types.ts';
import { hasWeakKind } from './names.ts';
import { StaleCache } from './staleCache.ts';
import { addVotes, bump, countSurface, dropGone, emptyVotes, flagsAt, flagsOf, pack, packed, sentenceOf, type Packed, type Group, type Site } from './entityGroups.ts';
import { canonicalKey, dropInitials, firstWord, lastWord, nameKey, wordCount } from './entityKeys.ts';
import { resolveLocally } from './localResolution.ts';
import { HONORIFICS } from './gazetteer.ts';
import { mergeShortForms } from './shortForms.ts';
import { LazyEntity, materialise, type Resolved } from './entityList.ts';

/** A context name's key, the key without initials, its first and last word, and the key without an
 *  honorific before the given name ("sir john stevens" → "john stevens"). */
interface ContextName {
  key: string;
  bare: string;
  first: string;
  last: string;
  given: string;
}

export { nameKey } from './entityKeys.ts';

export interface MentionSite {
  uri: string;
  sentence: number;
  mention: Mention;
}

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

/** Article lists up to this long are copied to their exact length by `compact` (longer ones have room
 *  for a third more at most, and copying them after every batch would cost more than it saves). */
const COMPACT_MAX = 64;

export class EntityTable {
  private readonly articles = new Map<string, Packed>();
  private readonly groups = new Map<string, Group>();
  /** Acronym key → the names it was defined for, with counts. */
  private readonly acronyms = new Map<string, Map<string, number>>();
  /** Surface → canonical key: computed once per spelling, and one string per key across articles. */
  private readonly keys = new Map<string, string>();
  private readonly contextNames = new Map<string, ContextName | null>();
  private readonly cache = new StaleCache<Resolved>();
  /** Resolutions begun: a group changed since the one that made an entity makes it again. */
  private resolutions = 0;
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
    const packed = pack(uri, local, sites.map((s) => s.mention));
    this.articles.set(uri, packed);
    this.count(packed, 1);
    this.cache.invalidate();
  }

  /** An article's mentions as given to `setArticle` (or restored), in order, by column. */
  packedOf(uri: string): Packed | undefined {
    return this.articles.get(uri);
  }

  /** One article's mentions as found (`mentions`, in the order they were given to `setArticle`) and as
   *  resolved in the article, for the saved index: reloading skips name keys and local resolution.
   *  Strings are saved once for the whole index: `ref` gives a string's number in that table. */
  savedMentions(uri: string, mentions: readonly Mention[], ref: (s: string) => number): SavedMentions | undefined {
    const p = this.articles.get(uri);
    if (!p || p.n !== mentions.length) return undefined;
    const saved: SavedMentions = { s: [], b: [], e: [], f: [], t: [], g: [] };
    const roles: Array<[number, string]> = [];
    for (let i = 0; i < p.n; i++) {
      const m = mentions[i];
      saved.s.push(sentenceOf(p, i));
      saved.b.push(m.start);
      saved.e.push(m.end);
      saved.f.push(flagsOf(m.kind, hasWeakKind(m)) | (flagsAt(p, i) << 3));
      saved.t.push(ref(m.text));
      saved.g.push(ref(p.target[i]));
      if (m.role) roles.push([i, m.role]);
    }
    if (roles.length) saved.r = roles;
    if (p.acronyms) saved.a = p.acronyms.map(([k, of]) => [k, of]);
    return saved;
  }

  /** Restores an article saved by `savedMentions` (`strings`: the index's string table); returns its
   *  mentions as found, in order (the sentence of each is `saved.s`), by column. */
  restoreMentions(uri: string, saved: SavedMentions, strings: readonly string[]): Packed {
    this.removeArticle(uri);
    const n = saved.s.length;
    const p = packed(uri, n);
    if (saved.r?.length) p.roles = new Map(saved.r);
    if (saved.a?.length) p.acronyms = saved.a.map(([k, of]) => [k, of]);
    for (let i = 0; i < n; i++) {
      const f = saved.f[i];
      p.code[i] = (saved.s[i] << 3) | (f >> 3);
      const text = strings[saved.t[i]];
      const target = strings[saved.g[i]];
      if (typeof text !== 'string' || typeof target !== 'string') throw new Error(`a saved mention of ${uri} has no text`);
      p.target[i] = target;
      p.span[3 * i] = saved.b[i];
      p.span[3 * i + 1] = saved.e[i];
      p.span[3 * i + 2] = f & 7;
      p.surface[i] = text;
    }
    if (n > 0) {
      this.articles.set(uri, p);
      this.count(p, 1);
      this.cache.invalidate();
    }
    return p;
  }

  removeArticle(uri: string): void {
    const old = this.articles.get(uri);
    if (!old) return;
    this.articles.delete(uri);
    old.gone = true;
    this.count(old, -1);
    this.cache.invalidate();
  }

  /** A name of two words or more that may give a lone surname its person, memoised: a sentence late in
   *  an article has every full name before it as context, looked at again for each of its surnames. */
  private contextName(surface: string): ContextName | undefined {
    let n = this.contextNames.get(surface);
    if (n === undefined) {
      const key = nameKey(surface);
      // "Sir John Stevens" is "Sir John" in the next sentence: the first name is the word after the honorific.
      const given = HONORIFICS.has(firstWord(key)) && wordCount(key) > 2 ? key.slice(key.indexOf(' ') + 1) : key;
      n = wordCount(key) < 2 ? null : { key, bare: dropInitials(key), first: firstWord(given), last: lastWord(key), given };
      if (this.contextNames.size > 50_000) this.contextNames.clear();
      this.contextNames.set(surface, n);
    }
    return n ?? undefined;
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
    const left = sign < 0 ? new Set<Group>() : undefined;
    for (let i = 0; i < p.n; i++) {
      const key = p.target[i];
      let g = this.groups.get(key);
      if (!g) {
        if (sign < 0) continue;
        g = { key, words: wordCount(key), count: 0, votes: emptyVotes(), strongOther: 0, strongPerson: 0, articles: [], dead: 0, changed: 0, made: undefined, forms: undefined };
        this.groups.set(key, g);
      }
      g.changed = this.resolutions;
      countSurface(g, p.surface[i], sign);
      g.count += sign;
      addVotes(g, flagsAt(p, i), sign);
      if (sign > 0) {
        // A literal for the first article: push onto [] reserves room for 16 (most groups have one).
        if (g.articles.length === 0) g.articles = [p];
        else if (g.articles[g.articles.length - 1] !== p) g.articles.push(p);
      } else if (left && !left.has(g)) {
        left.add(g);
        if (++g.dead * 2 > g.articles.length) dropGone(g);
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

  /** Copies groups' short article lists that grew by push (room for 16 or more) to their exact length;
   *  called when a bulk index ends. */
  compact(): void {
    for (const g of this.groups.values()) {
      if (g.dead) dropGone(g);
      else if (g.articles.length > 1 && g.articles.length <= COMPACT_MAX) g.articles = g.articles.slice();
    }
    // The entities' look-up keys and kind evidence save a bulk index's repeated resolutions work; once it
    // is over, they would hold 1.5 KB an entity until the next change (75 MB at 50,000 articles) to save
    // one rebuild.
    for (const e of this.cache.peek()?.list ?? []) {
      if (e instanceof LazyEntity) {
        e.lookup = undefined;
        e.candidate = undefined;
      }
    }
  }

  /** Resolved entities, most mentioned first (recomputed lazily after changes). */
  entities(): readonly Entity[] {
    return this.build().list;
  }

  /** The entity of this id (of two sharing it, the later in list order). */
  entityById(id: string): Entity | undefined {
    return this.build().byId.get(id);
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
        const n = this.contextName(m.text);
        if (!n || (n.first !== key && n.last !== key)) continue;
        const e = c.byKey.get(n.key) ?? c.byKey.get(n.bare) ?? c.byKey.get(n.given);
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
   *  meanwhile get the previous resolution instead of waiting for a whole-corpus rebuild. `last`: the bulk
   *  index's final one (its entities keep no look-up keys for a next one). */
  async refresh(pause: () => Promise<void>, sliceMs: number, last = false): Promise<void> {
    if (!this.cache.stale) return;
    const version = this.cache.version;
    const steps = this.resolveSteps(!last);
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

  /** The corpus-wide resolution, built now if stale (for the saved index: see entityStore.ts). */
  resolution(): Resolved {
    return this.build();
  }

  /** Takes a resolution saved with an index of exactly these articles, made from the table's groups;
   *  false (and the resolution is built as usual) when `make` finds it does not fit them. */
  adoptResolution(make: (groups: ReadonlyMap<string, Group>) => Resolved | undefined): boolean {
    const resolved = make(this.groups);
    if (resolved) this.cache.put(resolved, this.cache.version, 0);
    return !!resolved;
  }

  /** A bulk index should refresh the resolution before requests start paying for it. */
  get refreshDue(): boolean {
    return this.cache.due;
  }

  private *resolveSteps(keepLookups = true): Generator<void, Resolved> {
    for (const g of this.groups.values()) g.into = undefined;
    yield* mergeShortForms(this.groups, this.acronyms);
    return yield* materialise(this.groups, (s) => this.keyOf(s), ++this.resolutions, keepLookups, this.cache.peek());
  }
}

/** Steps through a generator without pausing. */
function finish<T>(steps: Generator<void, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}
