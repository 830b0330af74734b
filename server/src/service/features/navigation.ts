// Go to definition / references (an entity's mentions across the corpus; a citation's source passage),
// workspace symbols (corpus entities) and document links on citation footnote definitions.

import { SymbolKind, type DocumentLink, type Location, type Position, type WorkspaceSymbol } from 'vscode-languageserver-types';
import type { FeatureContext } from '../context.ts';
import type { CancellationToken, DocumentInput, Entity, EntityKind } from '../types.ts';
import { articleForKey, citationAt, footnoteAt, linesOf, mentionAt, sourceLocation } from './draftLookup.ts';
import { citedPassage } from './hover.ts';
import { distinctRoles } from '../corpus/cardFacts.ts';

const MAX_REFERENCES = 2000;
const MAX_SYMBOLS = 100;

const SYMBOL_KIND: Record<EntityKind, SymbolKind> = {
  person: SymbolKind.Object,
  organization: SymbolKind.Class,
  place: SymbolKind.Namespace,
  event: SymbolKind.Event,
};

/** On a name: its first mention in each corpus article. On a citation: the cited passage. */
export async function getDefinition(ctx: FeatureContext, doc: DocumentInput, position: Position, token?: CancellationToken): Promise<Location[]> {
  const draft = ctx.analyse(doc);
  const offset = draft.lines.offsetAt(position);
  const marker = citationAt(draft, offset) ?? footnoteAt(draft, offset);
  if (marker) {
    const article = articleForKey(draft, ctx.corpus, marker.key);
    if (!article) return [];
    const citing = draft.prose.citations.find((c) => c.key === marker.key)?.start ?? marker.start;
    const passage = citedPassage(ctx, draft, article, citing);
    const sentence = passage ? article.sentences.find((s) => s.line === passage.line && s.text === passage.text) : undefined;
    const lines = linesOf(article);
    const range = sentence ? lines.rangeOf(sentence.start, sentence.end) : lines.rangeOf(article.bodyStart, article.bodyStart);
    return [{ uri: article.uri, range }];
  }
  const found = mentionAt(draft, ctx.corpus, offset);
  if (!found) return [];
  return mentionLocations(ctx, found.entity, true, token);
}

export async function getReferences(ctx: FeatureContext, doc: DocumentInput, position: Position, token?: CancellationToken): Promise<Location[]> {
  const draft = ctx.analyse(doc);
  const found = mentionAt(draft, ctx.corpus, draft.lines.offsetAt(position));
  if (!found) return [];
  return mentionLocations(ctx, found.entity, false, token);
}

function mentionLocations(ctx: FeatureContext, entity: Entity, firstPerArticle: boolean, token?: CancellationToken): Location[] {
  const out: Location[] = [];
  const seen = new Set<string>();
  for (const mention of entity.mentions) {
    if (token?.isCancellationRequested || out.length >= MAX_REFERENCES) break;
    if (firstPerArticle && seen.has(mention.uri)) continue;
    seen.add(mention.uri);
    const location = sourceLocation(ctx.corpus, mention);
    if (location) out.push(location);
  }
  return out;
}

export async function getWorkspaceSymbols(ctx: FeatureContext, query: string, token?: CancellationToken): Promise<WorkspaceSymbol[]> {
  const q = query.trim();
  let entities: readonly Entity[];
  if (q) {
    entities = ctx.corpus.searchEntities(q, MAX_SYMBOLS);
  } else {
    // No query: the most mentioned entities.
    entities = ctx.corpus.entities().slice(0, MAX_SYMBOLS); // most mentioned first
  }
  const out: WorkspaceSymbol[] = [];
  for (const entity of entities) {
    if (token?.isCancellationRequested) break;
    const first = entity.mentions[0];
    const location = first ? sourceLocation(ctx.corpus, first) : undefined;
    if (!location) continue;
    out.push({ name: entity.name, kind: SYMBOL_KIND[entity.kind], containerName: distinctRoles(entity.roles)[0]?.text ?? entity.kind, location });
  }
  return out;
}

/** Each footnote definition that cites a corpus article links to it. */
export async function getDocumentLinks(ctx: FeatureContext, doc: DocumentInput, _token?: CancellationToken): Promise<DocumentLink[]> {
  const draft = ctx.analyse(doc);
  const out: DocumentLink[] = [];
  for (const def of draft.prose.footnotes) {
    const article = articleForKey(draft, ctx.corpus, def.key);
    if (!article) continue;
    const start = def.textStart < def.end ? def.textStart : def.start;
    out.push({ range: draft.lines.rangeOf(start, def.end), target: article.uri, tooltip: `Open “${article.title || article.key}”` });
  }
  return out;
}
