// What a name's card states (features/hoverCard.ts renders it): how many articles and mentions, the
// roles the sources give, key quotations, the first mention, each with where it is. The embedded index
// reads them off its entity; an archive reads them from its database (archive/archiveCard.ts), so a
// card does not need the thousands of articles naming someone.

import type { Article } from '../api.ts';
import type { Entity, SourceLocation } from '../types.ts';
import { wordCount } from './entityKeys.ts';

/** Roles and quotations a card shows at most. */
export const CARD_ROLES = 3;
export const CARD_QUOTES = 3;
/** Quotations are looked for in this many of the articles naming someone (the first, by uri). */
export const QUOTE_ARTICLES = 300;

/** Where something a card shows is: its article (for the link's label and a page mark), the line and
 *  start offset of its sentence. */
export interface CardPlace {
  uri: string;
  line?: number;
  start: number;
  article?: Pick<Article, 'title' | 'key' | 'extracted'>;
}

export interface CardFacts {
  articles: number;
  mentions: number;
  /** Distinct roles, most often given first, at most CARD_ROLES. */
  roles: Array<{ text: string; at: CardPlace }>;
  /** Key quotations (see keyQuotes), at most CARD_QUOTES. */
  quotes: Array<{ text: string; at: CardPlace }>;
  first?: CardPlace;
  /** False when the counts are a lower bound (an archive that could not be asked). */
  complete: boolean;
  /** How often each spelling of the mentions counted is written, when the card's entity holds fewer of
   *  them than the card counts (an archive's: its working set holds part of the corpus). */
  spellings?: ReadonlyMap<string, number>;
}

/** A card's facts as an entity's own mentions and roles give them (`place`: where a mention is), with
 *  its key quotations. */
export function factsOfEntity(entity: Entity, place: (loc: SourceLocation) => CardPlace, quotes: CardFacts['quotes'], complete: boolean): CardFacts {
  const first = entity.mentions[0];
  return {
    articles: new Set(entity.mentions.map((m) => m.uri)).size,
    mentions: entity.mentions.length,
    roles: distinctRoles(entity.roles).slice(0, CARD_ROLES).map((r) => ({ text: r.text, at: place(r.source) })),
    quotes,
    ...(first ? { first: place(first) } : {}),
    complete,
  };
}

/** Distinct role texts with where each was stated, most frequent first (as the entity table orders them). */
export function distinctRoles<R extends { text: string }>(roles: readonly R[]): R[] {
  const seen = new Set<string>();
  const out: R[] = [];
  for (const role of roles) {
    const key = role.text.toLowerCase().replace(/\s+/g, ' ').trim();
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(role);
  }
  return out;
}

/** Roles of mentions given in mention order: each distinct text (case and spacing aside) once, where
 *  first given, most frequent first, then the more specific (longer) of equally frequent ones. */
export function rankRoles<R extends { text: string }>(inOrder: Iterable<R>): R[] {
  const roles = new Map<string, { role: R; n: number; words: number }>();
  for (const role of inOrder) {
    const rk = role.text.toLowerCase().replace(/\s+/g, ' ');
    const r = roles.get(rk);
    if (r) r.n++;
    else roles.set(rk, { role, n: 1, words: wordCount(rk) });
  }
  return [...roles.values()].sort((a, b) => b.n - a.n || b.words - a.words).map((r) => r.role);
}

/** Key quotes: substantial ones first, at most one per article until every article had its turn. */
export function keyQuotes<H extends { quote: { text: string }; sentence: { uri: string } }>(hits: readonly H[], max: number): H[] {
  const words = (h: H) => h.quote.text.split(/\s+/).length;
  const substantial = (h: H) => (words(h) >= 5 ? 1 : 0);
  const ranked = [...hits].sort((a, b) => substantial(b) - substantial(a) || Math.min(words(b), 40) - Math.min(words(a), 40));
  const out: H[] = [];
  const usedArticles = new Set<string>();
  const usedTexts = new Set<string>();
  for (const pass of [0, 1]) {
    for (const hit of ranked) {
      if (out.length >= max) return out;
      const norm = hit.quote.text.toLowerCase().trim();
      if (usedTexts.has(norm) || (pass === 0 && usedArticles.has(hit.sentence.uri))) continue;
      usedTexts.add(norm);
      usedArticles.add(hit.sentence.uri);
      out.push(hit);
    }
  }
  return out;
}
