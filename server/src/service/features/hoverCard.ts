// Markdown cards built from corpus text (entity, cited passage, claim evidence). All corpus text goes
// through escapeMarkdown; the only links are to corpus files at the passage's line.

import type { Article } from '../api.ts';
import type { Claim, Entity, EntityKind, SourceLocation } from '../types.ts';
import { CARD_QUOTES, factsOfEntity, keyQuotes, type CardFacts, type CardPlace } from '../corpus/cardFacts.ts';
import type { CorpusIndex } from '../corpus/corpusIndex.ts';
import { aliasesOf } from '../corpus/entityList.ts';
import { sourceLine } from './draftLookup.ts';
import { escapeMarkdown, markdownLink, truncate } from './markdownEscape.ts';
import { placeAt, placeAtLine, placeSuffix, placeSuffixAt, placeText } from '../corpus/sourceMarks.ts';
import { repairMojibake } from '../text/words.ts';

const KIND_LABEL: Record<EntityKind, string> = {
  person: 'person',
  organization: 'organisation',
  place: 'place',
  event: 'event',
};

export function articleLabel(article: Pick<Article, 'title' | 'key'> | undefined, fallback = 'source'): string {
  return truncate(article?.title || article?.key || fallback, 80);
}

/** "Reuters, 2019-12-22" from the article's metadata (empty when it has none). */
export function articleByline(article: Article): string {
  return [article.meta.outlet, article.meta.date].filter(Boolean).join(', ');
}

export function entityCard(corpus: CorpusIndex, entity: Entity): string {
  const facts = corpus.cardFacts(entity) ?? entityFacts(corpus, entity);
  const lines: string[] = [`**${escapeMarkdown(entity.name)}** · ${KIND_LABEL[entity.kind]}`];
  // A plural or possessive written as a name ("the Rooneys of this world") is the same name, not another.
  const spelled = facts.spellings ? aliasesOf(entity.name, entity.kind, facts.spellings) : entity.aliases;
  const forms = new Set([entity.name, ...spelled].map((a) => a.toLowerCase()));
  const inflected = (a: string) => /(?:['’]s|s)$/i.test(a) && forms.has(a.toLowerCase().replace(/(?:['’]s|e?s)$/, ''));
  const aliases = spelled.filter((a) => a !== entity.name && !inflected(a)).slice(0, 4);
  if (aliases.length > 0) lines.push('', `Also: ${aliases.map(escapeMarkdown).join(', ')}`);

  if (facts.roles.length > 0) {
    lines.push('', '**As the sources describe it**', '');
    for (const role of facts.roles) {
      lines.push(`- ${escapeMarkdown(truncate(role.text, 100))} — ${markdownLink(articleLabel(role.at.article), role.at.uri, role.at.line)}`);
    }
  }

  if (entity.kind === 'person' && facts.quotes.length > 0) {
    lines.push('', '**Quoted**', '');
    for (const q of facts.quotes) {
      lines.push(`- “${escapeMarkdown(truncate(repairMojibake(q.text), 200))}” — ${markdownLink(articleLabel(q.at.article) + placeSuffixAt(q.at.article, q.at.start), q.at.uri, q.at.line)}`);
    }
  }

  const n = facts.articles;
  const where = facts.first ? ` · ${markdownLink('first mention', facts.first.uri, facts.first.line)}` : '';
  const times = `${facts.mentions} ${facts.mentions === 1 ? 'time' : 'times'}`;
  // While a bulk index runs, counts only grow: say they are a lower bound.
  if (corpus.indexing) lines.push('', `Indexing: mentioned in at least ${n} ${n === 1 ? 'article' : 'articles'} so far (${times})${where}`);
  else if (!facts.complete) lines.push('', `Mentioned in at least ${n} ${n === 1 ? 'article' : 'articles'} (${times})${where}`);
  else lines.push('', `Mentioned in ${n} ${n === 1 ? 'article' : 'articles'} (${times})${where}`);
  return lines.join('\n');
}

/** A card's facts as the index's own entity gives them. */
function entityFacts(corpus: CorpusIndex, entity: Entity): CardFacts {
  const place = (loc: SourceLocation): CardPlace => ({ uri: loc.uri, line: sourceLine(corpus, loc), start: loc.start, article: corpus.article(loc.uri) });
  const quotes =
    entity.kind === 'person'
      ? keyQuotes(corpus.quotesBy(entity.id), CARD_QUOTES).map((hit) => ({
          text: hit.quote.text,
          at: { uri: hit.sentence.uri, line: hit.sentence.line, start: hit.sentence.start, article: corpus.article(hit.sentence.uri) },
        }))
      : [];
  return factsOfEntity(entity, place, quotes, true);
}

/** The passage a citation points at. */
export function citationCard(key: string, article: Article, passage?: { text: string; line: number; start?: number }, backing?: string): string {
  const byline = articleByline(article);
  const lines = [`**[^${escapeMarkdown(key)}]** → *${escapeMarkdown(articleLabel(article))}*${byline ? ` — ${escapeMarkdown(byline)}` : ''}`];
  if (backing) lines.push('', `Backed by ${escapeMarkdown(backing)} in the corpus.`);
  if (passage) {
    const place = placeText(passage.start !== undefined ? placeAt(article, passage.start) : placeAtLine(article, passage.line));
    lines.push('', `> ${escapeMarkdown(truncate(passage.text, 400))}`, '', markdownLink(`Open at ${place ? `${place}, ` : ''}line ${passage.line + 1}`, article.uri, passage.line));
  } else {
    lines.push('', markdownLink('Open source', article.uri));
  }
  return lines.join('\n');
}

const VERDICT_LABEL: Record<Claim['verdict'], string> = {
  supported: 'Supported',
  contradicted: 'Contradicted by a source',
  misquoted: 'Misquote',
  unsourced: 'No source found',
};

export function claimCard(corpus: CorpusIndex, claim: Claim): string {
  const lines = [`**${VERDICT_LABEL[claim.verdict]}** — ${escapeMarkdown(claim.reason)}`];
  if (claim.conflict) {
    lines.push('', `Draft: “${escapeMarkdown(claim.conflict.draft)}” · Source: “${escapeMarkdown(claim.conflict.source)}”`);
  }
  if (claim.quote?.nearest) {
    lines.push('', `Exact words: “${escapeMarkdown(truncate(claim.quote.nearest, 300))}”`);
  }
  const evidence = claim.sources.slice(0, 3);
  if (evidence.length > 0) {
    lines.push('', claim.verdict === 'unsourced' ? '**Closest source passages**' : '**Evidence**', '');
    for (const e of evidence) {
      const article = corpus.article(e.uri);
      const title = e.title || articleLabel(article);
      lines.push(`- ${escapeMarkdown(truncate(e.text, 240))} — ${markdownLink(truncate(title, 80) + placeSuffix(article, e.line, e.range.start.character), e.uri, e.line)}`);
    }
  }
  return lines.join('\n');
}
