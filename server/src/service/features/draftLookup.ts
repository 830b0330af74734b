// What is under the cursor in a draft: a name, a citation marker, a footnote definition, a claim. Shared
// by hover, completion, code actions and navigation.

import type { Location, Position, Range } from 'vscode-languageserver-types';
import type { Article } from '../api.ts';
import type { Entity, Mention, SourceLocation } from '../types.ts';
import type { DraftAnalysis, DraftSentence } from '../check/draft.ts';
import type { CitationRef, FootnoteDef } from '../text/markdown.ts';
import type { CorpusIndex } from '../corpus/corpusIndex.ts';
import { citedArticle } from '../corpus/citedArticle.ts';

export interface MentionAt {
  mention: Mention;
  sentence?: DraftSentence;
  entity: Entity;
}

/** Sentence containing `offset` (binary search; sentences are in document order). */
export function sentenceAt(draft: DraftAnalysis, offset: number): DraftSentence | undefined {
  const list = draft.sentences;
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = list[mid];
    if (offset < s.start) hi = mid - 1;
    else if (offset > s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}

const NAME_CHAR = /[\p{L}\p{M}\p{N}'’.-]/u;

/** The entity named at `offset`: a found mention, else the capitalised word run under the cursor. */
export function mentionAt(draft: DraftAnalysis, corpus: CorpusIndex, offset: number): MentionAt | undefined {
  const sentence = sentenceAt(draft, offset);
  let found: Mention | undefined;
  if (sentence) {
    const mention = sentence.mentions.find((m) => offset >= m.start && offset <= m.end);
    found = mention;
    if (mention) {
      const entity = corpus.resolveMention(mention, sentence.mentions) ?? corpus.lookupEntity(mention.text);
      if (entity) return { mention, sentence, entity };
    }
  }
  // Names the finder missed (lower-case typing, a name inside a footnote): try the word run itself.
  const text = draft.text;
  let start = offset;
  let end = offset;
  while (start > 0 && NAME_CHAR.test(text[start - 1]) && offset - start < 80) start--;
  while (end < text.length && NAME_CHAR.test(text[end]) && end - offset < 80) end++;
  const trimmed = trimWord(text, start, end);
  if (!trimmed) return undefined;
  // Extend over neighbouring capitalised words ("Stephen| Biegun") and try longest first.
  const words = capitalisedRun(text, trimmed.start, trimmed.end);
  for (const w of words) {
    // A name the finder did find but the corpus does not know (yet, while indexing) is not one of its
    // words: "A B" never opens the card of the "C A" that "A" alone would.
    if (found && (w.start > found.start || w.end < found.end)) continue;
    const entity = corpus.lookupEntity(text.slice(w.start, w.end));
    if (entity) return { mention: { start: w.start, end: w.end, text: text.slice(w.start, w.end), kind: entity.kind }, sentence, entity };
  }
  return undefined;
}

function trimWord(text: string, start: number, end: number): { start: number; end: number } | undefined {
  while (start < end && /['’.-]/.test(text[start])) start++;
  while (end > start && /['’.-]/.test(text[end - 1])) end--;
  if (text.slice(end - 2, end) === "'s" || text.slice(end - 2, end) === '’s') end -= 2;
  return end > start ? { start, end } : undefined;
}

/** Candidate spans around a word: the word plus up to two capitalised neighbours each side, longest first. */
function capitalisedRun(text: string, start: number, end: number): Array<{ start: number; end: number }> {
  const before: number[] = [];
  let s = start;
  for (let i = 0; i < 2; i++) {
    const m = /([\p{Lu}][\p{L}\p{M}'’.-]*) $/u.exec(text.slice(Math.max(0, s - 40), s));
    if (!m) break;
    s -= m[0].length;
    before.push(s);
  }
  const after: number[] = [];
  let e = end;
  for (let i = 0; i < 2; i++) {
    const m = /^ ([\p{Lu}][\p{L}\p{M}'’-]*)/u.exec(text.slice(e, e + 40));
    if (!m) break;
    e += m[0].length;
    after.push(e);
  }
  const out: Array<{ start: number; end: number }> = [];
  for (const b of [...before].reverse()) for (const a of [...after].reverse()) out.push({ start: b, end: a });
  for (const b of [...before].reverse()) out.push({ start: b, end });
  for (const a of [...after].reverse()) out.push({ start, end: a });
  out.push({ start, end });
  return out.sort((x, y) => y.end - y.start - (x.end - x.start));
}

export function citationAt(draft: DraftAnalysis, offset: number): CitationRef | undefined {
  return draft.prose.citations.find((c) => offset >= c.start && offset <= c.end);
}

export function footnoteAt(draft: DraftAnalysis, offset: number): FootnoteDef | undefined {
  return draft.prose.footnotes.find((f) => offset >= f.start && offset <= f.end);
}

/** The corpus article a citation key points at: the key itself, or what its footnote definition names. */
export function articleForKey(draft: DraftAnalysis, corpus: CorpusIndex, key: string): Article | undefined {
  const def = draft.prose.footnotes.find((f) => f.key === key);
  return def ? citedArticle(def.text, key, corpus) : corpus.articleByKey(key);
}

export { linesOf } from '../corpus/articleLines.ts';
import { linesOf } from '../corpus/articleLines.ts';

export function sourceRange(corpus: CorpusIndex, loc: SourceLocation): Range | undefined {
  const article = corpus.article(loc.uri);
  return article ? linesOf(article).rangeOf(loc.start, loc.end) : undefined;
}

export function sourceLocation(corpus: CorpusIndex, loc: SourceLocation): Location | undefined {
  const range = sourceRange(corpus, loc);
  return range ? { uri: loc.uri, range } : undefined;
}

/** 0-based line of a source location (for `#L` links). */
export function sourceLine(corpus: CorpusIndex, loc: SourceLocation): number | undefined {
  return corpus.sentenceAt(loc.uri, loc.sentence)?.line ?? sourceRange(corpus, loc)?.start.line;
}

export function offsetOf(draft: DraftAnalysis, position: Position): number {
  return draft.lines.offsetAt(position);
}

/**
 * A corpus path to write into a draft: relative to the deepest folder the draft and the source share
 * (the workspace root in the usual `drafts/…` + `sources/…` layout), else the file name alone.
 */
export function citationPath(draftUri: string, sourceUri: string): string {
  const a = splitUri(draftUri);
  const b = splitUri(sourceUri);
  let common = 0;
  if (a.authority === b.authority) {
    while (common < a.dirs.length && common < b.segments.length - 1 && a.dirs[common] === b.segments[common]) common++;
  }
  const rest = b.segments.slice(common);
  const decoded = rest.map(safeDecode);
  return common >= 1 ? decoded.join('/') : decoded[decoded.length - 1] ?? sourceUri;
}

function splitUri(uri: string): { authority: string; dirs: string[]; segments: string[] } {
  const m = /^([a-z][\w+.-]*:\/\/[^/]*)?(.*)$/i.exec(uri.split(/[?#]/)[0]) ?? [];
  const segments = (m[2] ?? '').split('/').filter((s) => s.length > 0);
  return { authority: (m[1] ?? '').toLowerCase(), dirs: segments.slice(0, -1), segments };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
