// Completion: after `[^` the corpus's citation keys (plus the footnote definition when missing); inside an
// opening quote mark the exact quotes of the person the sentence names; elsewhere in prose, entity names
// matched fuzzily ("bieg" → Stephen Biegun).

import {
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
  type Position,
  type Range,
} from 'vscode-languageserver-types';
import type { FeatureContext } from '../context.ts';
import type { CompletionOptions, QuoteHit, QuoteMatch } from '../api.ts';
import type { CancellationToken, DocumentInput, Entity, EntityKind } from '../types.ts';
import { proseText, type DraftAnalysis } from '../check/draft.ts';
import { sentenceAt } from './draftLookup.ts';
import { foldName as fold } from '../corpus/nameSearch.ts';
import { articleByline, articleLabel, entityCard } from './hoverCard.ts';
import { distinctRoles } from '../corpus/cardFacts.ts';
import { appendDefinitionsEdit, footnoteDefinition, hasDefinition } from './citations.ts';
import { escapeMarkdown, markdownLink, truncate } from './markdownEscape.ts';
import { rankArticles, rankQuotes } from './completionRanking.ts';
import { repairMojibake } from '../text/words.ts';

/** Cards given inline (to editors that do not resolve items) from a shared archive. */
const ARCHIVE_INLINE_CARDS = 3;
const MAX_ITEMS = 50;
/** Quotations offered for an opening with no speaker named: the best matches of what is typed, asked
 *  again as more is typed (an archive reads each one's sentence and article title). */
const MAX_OPENING_ITEMS = 20;
const MAX_ENTITIES = 20;
/** Fewer names than this starting with the typed words: add fuzzy matches (typos). */
const MIN_BEFORE_FUZZY = 5;
/** How far back (characters) the quote and speaker context is looked for. */
const LOOKBACK = 600;

const EMPTY: CompletionList = { isIncomplete: false, items: [] };

const CITATION_PREFIX = /\[\^([A-Za-z0-9_-]*)$/;
const WORD_PREFIX = /[\p{L}\p{M}][\p{L}\p{M}\p{N}'’.-]*$/u;
const CAPITALISED_BEFORE = /([\p{Lu}][\p{L}\p{M}'’.-]*) $/u;
const SPEAKER_BEFORE = /([\p{Lu}][\p{L}\p{M}'’-]+(?:[ -][\p{Lu}][\p{L}\p{M}'’-]+){0,3})(?:,[^,"“]{1,80},)?\s+(?:said|says|told(?:\s+[\p{L}]+){0,3}|added|wrote|stated|declared|insisted|warned|replied)\s*[,:]?\s*$/u;

const ENTITY_KIND: Record<EntityKind, CompletionItemKind> = {
  person: CompletionItemKind.Variable,
  organization: CompletionItemKind.Class,
  place: CompletionItemKind.Module,
  event: CompletionItemKind.Event,
};

export async function getCompletions(
  ctx: FeatureContext,
  doc: DocumentInput,
  position: Position,
  token?: CancellationToken,
  options: CompletionOptions = {},
): Promise<CompletionList> {
  const draft = ctx.analyse(doc);
  const offset = draft.lines.offsetAt(position);
  const text = draft.text;
  const lineStart = draft.lines.offsetAt({ line: position.line, character: 0 });
  const before = text.slice(Math.max(lineStart, offset - LOOKBACK), offset);
  if (token?.isCancellationRequested) return EMPTY;

  const cite = CITATION_PREFIX.exec(before);
  if (cite) return citationCompletions(ctx, draft, offset, cite[1]);

  const quote = openQuoteBefore(text, Math.max(0, offset - LOOKBACK), offset);
  if (quote !== undefined) return quoteCompletions(ctx, draft, quote, offset);

  return entityCompletions(ctx, draft, offset, before, options);
}

/** What an entity item leaves for the editor to ask for when it shows the item. */
interface EntityItemData {
  sourcedEntity: string;
}

/** Adds the name card to an entity item sent without it (`resolveDocumentation`). */
export async function resolveCompletion(ctx: FeatureContext, item: CompletionItem, token?: CancellationToken): Promise<CompletionItem> {
  const id = (item.data as Partial<EntityItemData> | undefined)?.sourcedEntity;
  if (item.documentation || typeof id !== 'string' || token?.isCancellationRequested) return item;
  const entity = ctx.corpus.entity(id);
  return entity ? { ...item, documentation: { kind: MarkupKind.Markdown, value: entityCard(ctx.corpus, entity) } } : item;
}

function range(draft: DraftAnalysis, start: number, end: number): Range {
  return draft.lines.rangeOf(start, end);
}

function rank(i: number): string {
  return i.toString().padStart(5, '0');
}

// ── citations ────────────────────────────────────────────────────────────────────────────────────────

function citationCompletions(ctx: FeatureContext, draft: DraftAnalysis, offset: number, typed: string): CompletionList {
  const corpus = ctx.corpus;
  const start = offset - typed.length;
  // Replace a key already typed after the cursor and its closing bracket, so accepting never duplicates.
  const after = /^[A-Za-z0-9_-]*\]?/.exec(draft.text.slice(offset, offset + 200))?.[0] ?? '';
  const editRange = range(draft, start, offset + after.length);
  // Articles that support the sentence being written are the prominent ones: they come first among
  // equally good matches of the typed key.
  const sentence = sentenceAt(draft, offset - typed.length - 2) ?? sentenceAt(draft, offset - typed.length - 3);
  const query = sentence ? proseText(draft, sentence) : '';
  const support = new Map<string, number>();
  if (query) for (const hit of corpus.searchSentences(query, 40)) if (!support.has(hit.sentence.uri)) support.set(hit.sentence.uri, support.size);
  const { chosen, more } = rankArticles(corpus.articles(), typed, support, MAX_ITEMS);
  const items = chosen.map((article, i): CompletionItem => {
    const defined = hasDefinition(draft, article.key);
    const definition = defined ? undefined : appendDefinitionsEdit(draft, [footnoteDefinition(article, draft.uri)]);
    const byline = articleByline(article);
    return {
      label: article.key,
      kind: CompletionItemKind.Reference,
      detail: articleLabel(article),
      documentation: {
        kind: MarkupKind.Markdown,
        value: [`*${escapeMarkdown(articleLabel(article))}*${byline ? ` — ${escapeMarkdown(byline)}` : ''}`, '', markdownLink('Open source', article.uri), defined ? '' : '\nAdds the footnote definition at the end of the draft.'].join('\n'),
      },
      filterText: `${article.key} ${article.title}`,
      sortText: rank(i),
      textEdit: { range: editRange, newText: `${article.key}]` },
      insertTextFormat: InsertTextFormat.PlainText,
      additionalTextEdits: definition ? [definition] : undefined,
    };
  });
  return { isIncomplete: more || typed.length === 0, items };
}

// ── quotes ───────────────────────────────────────────────────────────────────────────────────────────

const CLOSING: Record<string, string> = { '"': '"', '“': '”', '„': '“', '«': '»', '‘': '’' };

/** Offset of a quote mark opened before `offset` on the same paragraph and not yet closed. */
export function openQuoteBefore(text: string, from: number, offset: number): number | undefined {
  let paragraphStart = from;
  const blank = text.lastIndexOf('\n\n', offset - 1);
  if (blank >= from) paragraphStart = blank + 2;
  let open: number | undefined;
  for (let i = paragraphStart; i < offset; i++) {
    const c = text[i];
    if (c === '“' || c === '„' || c === '«') open = i;
    else if (c === '”' || c === '»') open = undefined;
    else if (c === '"') open = open === undefined ? i : undefined;
  }
  return open;
}

function quoteCompletions(ctx: FeatureContext, draft: DraftAnalysis, quoteAt: number, offset: number): CompletionList {
  const corpus = ctx.corpus;
  const text = draft.text;
  const mark = text[quoteAt];
  const close = CLOSING[mark] ?? '"';
  const typed = text.slice(quoteAt + 1, offset);
  // An editor that auto-closes quotes leaves the closing mark right after the cursor: replace it too.
  const autoClosed = text[offset] === close ? 1 : 0;
  const editRange = range(draft, quoteAt + 1, offset + autoClosed);

  const speaker = speakerBefore(ctx, draft, quoteAt);
  // A named speaker's quotations, best match of the typed words first, then those the sources repeat
  // most; with no speaker named, the quotations whose words match what is typed (ranked alike).
  const hits: Array<QuoteHit & Partial<QuoteMatch>> = speaker ? rankQuotes(corpus.quotesBy(speaker.id), typed, true) : corpus.searchQuotes(typed, MAX_OPENING_ITEMS);
  const items: CompletionItem[] = [];
  for (const hit of hits) {
    // A source's mis-decoded characters ("Â£") are not written into the draft.
    const words = repairMojibake(hit.quote.text.trim());
    // An archive's quotation comes with its article's title: its article is not fetched for it.
    const label = articleLabel(hit.source ?? corpus.article(hit.sentence.uri));
    const who = speaker?.name ?? hit.speaker?.name ?? hit.speakerName;
    items.push({
      label: truncate(words, 70),
      kind: CompletionItemKind.Text,
      detail: [who, label].filter(Boolean).join(' — '),
      documentation: {
        kind: MarkupKind.Markdown,
        value: `> ${escapeMarkdown(truncate(repairMojibake(hit.sentence.text), 500))}\n\n${markdownLink(label, hit.sentence.uri, hit.sentence.line)}`,
      },
      filterText: words,
      sortText: rank(items.length),
      textEdit: { range: editRange, newText: words + close },
      insertTextFormat: InsertTextFormat.PlainText,
    });
    if (items.length >= MAX_ITEMS) break;
  }
  // A speaker's quotations are all there to filter as more is typed; the best matches of an opening are not.
  return { isIncomplete: !speaker && items.length >= MAX_OPENING_ITEMS, items };
}

/** The person a quote opened at `quoteAt` is attributed to: "Biegun said, “…" or the last person named
 *  earlier in the sentence. */
function speakerBefore(ctx: FeatureContext, draft: DraftAnalysis, quoteAt: number): Entity | undefined {
  const corpus = ctx.corpus;
  const lead = draft.text.slice(Math.max(0, quoteAt - 200), quoteAt);
  const said = SPEAKER_BEFORE.exec(lead);
  if (said) {
    const entity = corpus.lookupEntity(said[1]);
    if (entity?.kind === 'person') return entity;
  }
  const sentence = sentenceAt(draft, quoteAt) ?? sentenceAt(draft, quoteAt - 1);
  if (!sentence) return undefined;
  const persons = sentence.mentions.filter((m) => m.end <= quoteAt);
  for (let i = persons.length - 1; i >= 0; i--) {
    const entity = corpus.resolveMention(persons[i], sentence.mentions);
    if (entity?.kind === 'person') return entity;
  }
  return undefined;
}

// ── entity names ─────────────────────────────────────────────────────────────────────────────────────

function entityCompletions(ctx: FeatureContext, draft: DraftAnalysis, offset: number, before: string, options: CompletionOptions): CompletionList {
  const word = WORD_PREFIX.exec(before)?.[0].replace(/^['’.-]+/, '');
  if (!word) return EMPTY;
  const capitalised = /^\p{Lu}/u.test(word);
  // "Gordon B": one capital letter after a capitalised word is the start of a name's next word.
  const initialAfterName = capitalised && word.length === 1 && CAPITALISED_BEFORE.test(before.slice(0, before.length - 1));
  if (word.length < (capitalised ? 2 : 3) && !initialAfterName) return EMPTY;
  // Only in prose: masked text keeps prose letters and blanks code, front matter, link targets, comments.
  if (draft.prose.masked[offset - 1] !== draft.text[offset - 1]) return EMPTY;

  const wordStart = offset - word.length;
  // "Stephen Bie|": capitalised words before the one being typed may belong to the name.
  const starts = [wordStart];
  for (let i = 0; i < 2; i++) {
    const m = CAPITALISED_BEFORE.exec(draft.text.slice(Math.max(0, starts[0] - 40), starts[0]));
    if (!m) break;
    starts.unshift(starts[0] - m[0].length);
  }
  // Fuzzy hits must at least share the first letters of a word with what was typed (no "said" → "Saudi").
  const head = fold(word).slice(0, 2);
  // Names whose words start with every typed word, ranked by match and prominence; then fuzzy matches
  // (typos) of the last word, for which the name must still have a word starting as it does.
  let entities: Entity[] = [];
  for (const start of starts) {
    entities = ctx.corpus.completeEntities(draft.text.slice(start, offset).split(/\s+/), MAX_ENTITIES);
    if (entities.length > 0) break;
  }
  // Fuzzy matching (Fuse) costs most of a completion: only when few names start as typed.
  if (entities.length < MIN_BEFORE_FUZZY && head.length === 2) {
    const have = new Set(entities);
    for (const e of ctx.corpus.searchEntities(word, MAX_ENTITIES, head)) {
      if (entities.length >= MAX_ENTITIES) break;
      if (!have.has(e) && e.mentionCount >= 2) entities.push(e);
    }
  }
  const items: CompletionItem[] = [];
  // A card counts every article naming its entity: from a shared archive each card fetches the mentions
  // of up to thousands of articles (and some whole), so an editor that does not resolve items gets the
  // cards of the first few (20 cards inline took 9.4 s and 3,000 articles at 100,000 archived articles).
  const inlineCards = ctx.corpus.partial ? ARCHIVE_INLINE_CARDS : Infinity;
  for (const entity of entities) {
    const names = [entity.name, ...entity.aliases];
    if (head.length === 2 && !names.some((n) => fold(n).split(/[\s-]+/).some((w) => w.startsWith(head)))) continue;
    // Replace the longest run of typed words that the name begins with ("Maria Oka" but not "Then Maria Oka").
    const folded = names.map(fold);
    const start = starts.find((s) => s === wordStart || folded.some((n) => n.startsWith(fold(draft.text.slice(s, wordStart))))) ?? wordStart;
    const typed = draft.text.slice(start, offset);
    const role = distinctRoles(entity.roles)[0]?.text;
    items.push({
      label: entity.name,
      kind: ENTITY_KIND[entity.kind],
      // While indexing, what the item shows may still change: say so.
      detail: (role ? truncate(role, 80) : entity.kind) + (ctx.corpus.indexing ? ' · indexing, so far' : ''),
      ...(options.resolveDocumentation
        ? { data: { sourcedEntity: entity.id } satisfies EntityItemData }
        : items.length < inlineCards
          ? { documentation: { kind: MarkupKind.Markdown, value: entityCard(ctx.corpus, entity) } }
          : {}),
      filterText: `${typed} ${entity.name}`,
      sortText: rank(items.length),
      textEdit: { range: range(draft, start, offset), newText: entity.name },
      insertTextFormat: InsertTextFormat.PlainText,
    });
  }
  // Fuzzy results change with every keystroke: ask the editor to re-query rather than filter locally.
  return { isIncomplete: true, items };
}
