// Writing citations into a draft: the `[^key]` marker and its GFM footnote definition at the end of the
// file (outlet, title, date, corpus path). Only ever returned as edits for the writer to apply.

import type { Position, TextEdit } from 'vscode-languageserver-types';
import type { Article } from '../api.ts';
import type { DraftAnalysis } from '../check/draft.ts';
import { citationPath } from './draftLookup.ts';
import { placeAtLine, placeText } from '../corpus/sourceMarks.ts';

const SPACES = /\s+/g;

/** One-line footnote text. Square brackets would end the label/definition early, so they become parens;
 *  angle brackets from a scraped title would be raw HTML in the writer's article, so they are escaped.
 *  With the cited passage's position, a PDF's or Word document's page ("p. 2") or a transcript's time
 *  ("at 00:12:31") follows the date. */
export function footnoteDefinition(article: Article, draftUri: string, at?: Position): string {
  const clean = (s: string) => s.replace(SPACES, ' ').replace(/\[/g, '(').replace(/\]/g, ')').replace(/[<>]/g, '\\$&').trim();
  const parts: string[] = [];
  if (article.meta.outlet) parts.push(clean(article.meta.outlet));
  parts.push(`“${clean(article.title || article.key)}”`);
  if (article.meta.date) parts.push(clean(article.meta.date));
  const place = at === undefined ? '' : placeText(placeAtLine(article, at.line, at.character));
  if (place) parts.push(place);
  return `[^${article.key}]: ${parts.join(', ')}. ${clean(citationPath(draftUri, article.uri))}`;
}

export function hasDefinition(draft: DraftAnalysis, key: string): boolean {
  return draft.prose.footnotes.some((f) => f.key === key);
}

/** An edit appending footnote definitions at the end of the draft, after a blank line unless the draft
 *  already ends with footnote definitions. */
export function appendDefinitionsEdit(draft: DraftAnalysis, definitions: string[]): TextEdit | undefined {
  if (definitions.length === 0) return undefined;
  const text = draft.text;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const end = draft.lines.positionAt(text.length);
  const lastDef = draft.prose.footnotes[draft.prose.footnotes.length - 1];
  const endsWithDefs = lastDef !== undefined && text.slice(lastDef.end).trim() === '';
  let prefix: string;
  if (text.length === 0) prefix = '';
  else if (endsWithDefs) prefix = /\r?\n$/.test(text) ? '' : eol;
  else prefix = /\r?\n\r?\n$/.test(text) ? '' : /\r?\n$/.test(text) ? eol : eol + eol;
  return { range: { start: end, end }, newText: prefix + definitions.join(eol) + eol };
}

/** Where a citation marker goes for a sentence ending at `end`: after closing punctuation and quotes,
 *  after markers already there. */
export function markerOffset(text: string, end: number): number {
  let i = end;
  while (i < text.length && /[.!?’”"')\]]/.test(text[i]) && text.slice(i, i + 2) !== '[^') i++;
  for (let guard = 0; guard < 20; guard++) {
    const m = /^\[\^[^\]\s]+\]/.exec(text.slice(i, i + 200));
    if (!m) break;
    i += m[0].length;
  }
  return i;
}
