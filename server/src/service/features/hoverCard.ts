// Markdown cards built from corpus text (entity, cited passage, claim evidence). All corpus text goes
// through escapeMarkdown; the only links are to corpus files at the passage's line.

import type { Article, QuoteHit } from '../api.ts';
import type { Claim, Entity, EntityKind } from '../types.ts';
import type { CorpusIndex } from '../corpus/corpusIndex.ts';
import { articleCount, sourceLine } from './draftLookup.ts';
import { escapeMarkdown, markdownLink, truncate } from './markdownEscape.ts';
import { placeAt, placeAtLine, placeSuffix, placeSuffixAt, placeText } from '../corpus/sourceMarks.ts';
import { repairMojibake } from '../text/words.ts';

const KIND_LABEL: Record<EntityKind, string> = {
  person: 'person',
  organization: 'organisation',
  place: 'place',
  event: 'event',
};

const MAX_ROLES = 3;
const MAX_QUOTES = 3;

export function articleLabel(article: Article | undefined, fallback = 'source'): string {
  return truncate(article?.title || article?.key || fallback, 80);
}

/** "Reuters, 2019-12-22" from the article's metadata (empty when it has none). */
export function articleByline(article: Article): string {
  return [article.meta.outlet, article.meta.date].filter(Boolean).join(', ');
}

/** Distinct role texts with where each was stated, most frequent first (as the entity table orders them). */
export function distinctRoles(entity: Entity): Entity['roles'] {
  const seen = new Set<string>();
  const out: Entity['roles'] = [];
  for (const role of entity.roles) {
    const key = role.text.toLowerCase().replace(/\s+/g, ' ').trim();
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(role);
  }
  return out;
}

/** Key quotes: substantial ones first, at most one per article until every article had its turn. */
export function keyQuotes(hits: QuoteHit[], max: number): QuoteHit[] {
  const words = (h: QuoteHit) => h.quote.text.split(/\s+/).length;
  const substantial = (h: QuoteHit) => (words(h) >= 5 ? 1 : 0);
  const ranked = [...hits].sort((a, b) => substantial(b) - substantial(a) || Math.min(words(b), 40) - Math.min(words(a), 40));
  const out: QuoteHit[] = [];
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

export function entityCard(corpus: CorpusIndex, entity: Entity): string {
  const complete = corpus.noteEntityCard(entity);
  const lines: string[] = [`**${escapeMarkdown(entity.name)}** · ${KIND_LABEL[entity.kind]}`];
  // A plural or possessive written as a name ("the Rooneys of this world") is the same name, not another.
  const forms = new Set([entity.name, ...entity.aliases].map((a) => a.toLowerCase()));
  const inflected = (a: string) => /(?:['’]s|s)$/i.test(a) && forms.has(a.toLowerCase().replace(/(?:['’]s|e?s)$/, ''));
  const aliases = entity.aliases.filter((a) => a !== entity.name && !inflected(a)).slice(0, 4);
  if (aliases.length > 0) lines.push('', `Also: ${aliases.map(escapeMarkdown).join(', ')}`);

  const roles = distinctRoles(entity).slice(0, MAX_ROLES);
  if (roles.length > 0) {
    lines.push('', '**As the sources describe it**', '');
    for (const role of roles) {
      const article = corpus.article(role.source.uri);
      lines.push(`- ${escapeMarkdown(truncate(role.text, 100))} — ${markdownLink(articleLabel(article), role.source.uri, sourceLine(corpus, role.source))}`);
    }
  }

  if (entity.kind === 'person') {
    const quotes = keyQuotes(corpus.quotesBy(entity.id), MAX_QUOTES);
    if (quotes.length > 0) {
      lines.push('', '**Quoted**', '');
      for (const hit of quotes) {
        const article = corpus.article(hit.sentence.uri);
        lines.push(`- “${escapeMarkdown(truncate(repairMojibake(hit.quote.text), 200))}” — ${markdownLink(articleLabel(article) + placeSuffixAt(article, hit.sentence.start), hit.sentence.uri, hit.sentence.line)}`);
      }
    }
  }

  const n = articleCount(entity);
  const first = entity.mentions[0];
  const where = first ? ` · ${markdownLink('first mention', first.uri, sourceLine(corpus, first))}` : '';
  const times = `${entity.mentions.length} ${entity.mentions.length === 1 ? 'time' : 'times'}`;
  // While a bulk index runs, counts only grow: say they are a lower bound.
  if (corpus.indexing) lines.push('', `Indexing: mentioned in at least ${n} ${n === 1 ? 'article' : 'articles'} so far (${times})${where}`);
  else if (!complete) lines.push('', `Mentioned in at least ${n} ${n === 1 ? 'article' : 'articles'} (${times})${where}`);
  else lines.push('', `Mentioned in ${n} ${n === 1 ? 'article' : 'articles'} (${times})${where}`);
  return lines.join('\n');
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
