// A name's card from the archive's database: the mentions of the entity's groups (as their articles
// resolve them, see articleKeys.ts) counted, their roles ranked and the quotations of its first articles
// chosen exactly as the embedded index does it from its entity (corpus/cardFacts.ts), then the lines
// of the few sentences the card links to. Nothing is added to the working set.

import type { Article, SourceSentence } from '../api.ts';
import type { Entity, SourceLocation } from '../types.ts';
import type { ArchiveSource, CardArticle, CardSite, SentencePlace } from './archiveSource.ts';
import { CARD_QUOTES, CARD_ROLES, QUOTE_ARTICLES, distinctRoles, factsOfEntity, keyQuotes, rankRoles, type CardFacts, type CardPlace } from '../corpus/cardFacts.ts';
import { LazyEntity } from '../corpus/entityList.ts';
import { canonicalKey, nameKey } from '../corpus/entityKeys.ts';
import { withCorpusMerges } from './cardSurname.ts';

/** A card's group keys (those the working set merged into the entity; a name completion offered from
 *  the archive's name table, its own key) and the card's id, those keys joined. */
export function cardKeys(entity: Entity): { id: string; keys: string[]; quotes: boolean } {
  const keys = entity instanceof LazyEntity ? [...new Set(entity.groups.map((g) => g.key))].sort() : [canonicalKey(nameKey(entity.name))];
  // Only a person's card shows quotations (the others' need no list of first articles to find them in)
  // and roles (see LazyEntity.roles).
  const quotes = entity.kind === 'person';
  return { id: `${quotes ? 'person ' : ''}${keys.join('\n')}`, keys, quotes };
}

/** A card's facts as far as the working set holds the entity: a lower bound, with no quotations (they
 *  would need its articles whole), until the archive's are fetched or while it cannot be asked. */
export function heldFacts(entity: Entity, held: (uri: string, sentence: number) => { sentence?: SourceSentence; article?: Article }): CardFacts {
  const place = (loc: SourceLocation): CardPlace => {
    const h = held(loc.uri, loc.sentence);
    return { uri: loc.uri, line: h.sentence?.line, start: h.sentence?.start ?? 0, article: h.article };
  };
  return factsOfEntity(entity, place, [], false);
}

/** Mention order: by article uri (code units, as the embedded index sorts them), then offset. */
function bySite(a: CardSite, b: CardSite): number {
  return a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.sentence - b.sentence || a.start - b.start;
}

export async function archiveCardFacts(source: ArchiveSource, keys: readonly string[], person: boolean): Promise<CardFacts> {
  // A person's card counts the groups the whole corpus merges into them (cardSurname.ts).
  const counted = person ? await withCorpusMerges(source, keys) : keys;
  // Only a person's card shows quotations and roles (see cardKeys).
  const rows = await source.cardRows(counted, person ? QUOTE_ARTICLES : 0);
  const roles = person ? distinctRoles(rankRoles(rows.roles.sort(bySite).map((r) => ({ text: r.role, site: r as CardSite })))).slice(0, CARD_ROLES) : [];
  const quotes = keyQuotes(
    rows.quotes.sort(bySite).map((q) => ({ quote: { text: q.text }, sentence: { uri: q.uri }, site: q as CardSite })),
    CARD_QUOTES,
  );
  // Where the chosen roles and quotations are is read here; where the first mention is comes with it.
  const sites: CardSite[] = [...roles.map((r) => r.site), ...quotes.map((q) => q.site)];
  const places = await source.sentencePlaces(sites.map((s) => ({ id: s.id, sentence: s.sentence })));
  const extracted = new Map<number, CardPlace['article']>();
  const placeOf = (site: CardSite, p: SentencePlace | undefined): CardPlace => {
    let article = extracted.get(site.id);
    if (!article) extracted.set(site.id, (article = articleView(site, p?.extracted)));
    // A mention's link goes to its sentence's line; a quotation's page mark is its sentence's.
    return { uri: site.uri, line: p?.line, start: p?.start ?? site.start, article };
  };
  return {
    articles: rows.articles,
    mentions: rows.mentions,
    roles: roles.map((r, i) => ({ text: r.text, at: placeOf(r.site, places[i]) })),
    quotes: quotes.map((q, i) => ({ text: q.quote.text, at: placeOf(q.site, places[roles.length + i]) })),
    ...(rows.firstMention ? { first: placeOf(rows.firstMention, rows.firstMention.place) } : {}),
    complete: true,
    spellings: new Map(rows.spellings.map((r) => [r.surface, r.mentions])),
  };
}

function articleView(a: CardArticle, extracted: Article['extracted']): CardPlace['article'] {
  return extracted ? { title: a.title, key: a.key, extracted } : { title: a.title, key: a.key };
}
