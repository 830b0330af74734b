// A name's card from the archive's database: the mentions of the entity's groups (as their articles
// resolve them, see articleKeys.ts) counted, their roles ranked and the quotations of its first articles
// chosen exactly as the embedded index does it from its entity (corpus/cardFacts.ts), then the lines
// of the few sentences the card links to. Nothing is added to the working set.

import type { Article } from '../api.ts';
import type { ArchiveSource, CardArticle, CardSite } from './archiveSource.ts';
import { CARD_QUOTES, CARD_ROLES, QUOTE_ARTICLES, distinctRoles, keyQuotes, rankRoles, type CardFacts, type CardPlace } from '../corpus/cardFacts.ts';

/** Mention order: by article uri (code units, as the embedded index sorts them), then offset. */
function bySite(a: CardSite, b: CardSite): number {
  return a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.sentence - b.sentence || a.start - b.start;
}

export async function archiveCardFacts(source: ArchiveSource, keys: readonly string[]): Promise<CardFacts> {
  const rows = await source.cardRows(keys, QUOTE_ARTICLES);
  const roles = distinctRoles(rankRoles(rows.roles.sort(bySite).map((r) => ({ text: r.role, site: r as CardSite })))).slice(0, CARD_ROLES);
  const quotes = keyQuotes(
    rows.quotes.sort(bySite).map((q) => ({ quote: { text: q.text }, sentence: { uri: q.uri }, site: q as CardSite })),
    CARD_QUOTES,
  );
  const sites: CardSite[] = [...roles.map((r) => r.site), ...quotes.map((q) => q.site)];
  if (rows.firstMention) sites.push(rows.firstMention);
  const places = await source.sentencePlaces(sites.map((s) => ({ id: s.id, sentence: s.sentence })));
  const extracted = new Map<number, CardPlace['article']>();
  const placeOf = (site: CardSite, i: number): CardPlace => {
    const p = places[i];
    let article = extracted.get(site.id);
    if (!article) extracted.set(site.id, (article = articleView(site, p?.extracted)));
    // A mention's link goes to its sentence's line; a quotation's page mark is its sentence's.
    return { uri: site.uri, line: p?.line, start: p?.start ?? site.start, article };
  };
  return {
    articles: rows.articles,
    mentions: rows.mentions,
    roles: roles.map((r, i) => ({ text: r.text, at: placeOf(r.site, i) })),
    quotes: quotes.map((q, i) => ({ text: q.quote.text, at: placeOf(q.site, roles.length + i) })),
    ...(rows.firstMention ? { first: placeOf(rows.firstMention, sites.length - 1) } : {}),
    complete: true,
  };
}

function articleView(a: CardArticle, extracted: Article['extracted']): CardPlace['article'] {
  return extracted ? { title: a.title, key: a.key, extracted } : { title: a.title, key: a.key };
}
