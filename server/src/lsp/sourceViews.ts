// Read-only views of extracted sources for editors that offer them (the VS Code client): a passage of a
// PDF, Word document, web page or transcript is linked to a `sourced-source:` URI naming the file and the
// page or time ("report.pdf (p. 2)"), whose text the client asks for with SOURCE_TEXT_REQUEST. Other
// editors get the plain file URIs. Hover and completion Markdown, locations, document links, diagnostics'
// related information and "Show sources" evidence are rewritten here, after the service answered.

import type { CompletionItem, CompletionList, Diagnostic, DocumentLink, Hover, Location, MarkupContent } from 'vscode-languageserver-types';
import type { Article } from '../service/api.ts';
import type { Evidence } from '../service/types.ts';
import { placeAtLine, placeText } from '../service/corpus/sourceMarks.ts';
import { SOURCE_VIEW_SCHEME } from '../protocol.ts';

type Find = (uri: string) => Article | undefined;

/** The view URI of a passage (line and character in the extracted text), or the uri itself when the
 *  source is a text file. */
export function viewUri(find: Find, uri: string, line: number, character = 0): string {
  if (!uri.startsWith('file:')) return uri;
  const article = find(uri);
  if (!article?.extracted) return uri;
  const place = placeText(placeAtLine(article, line, character));
  // Parentheses encoded too: the URI is also a Markdown link target.
  const escape = (s: string) => encodeURIComponent(s).replace(/[()'!*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const path = new URL(uri).pathname.replace(/[()']/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`) + (place ? escape(` (${place})`) : '');
  return `${SOURCE_VIEW_SCHEME}:${path}?${escape(uri)}`;
}

/** The source file's URI of a view URI (or the file URI given). */
export function sourceOfView(uri: string): string {
  if (!uri.startsWith(`${SOURCE_VIEW_SCHEME}:`)) return uri;
  const q = uri.indexOf('?');
  if (q < 0) return uri;
  try {
    return decodeURIComponent(uri.slice(q + 1).replace(/#.*$/, ''));
  } catch {
    return uri;
  }
}

const LINK = /\]\((file:[^)\s#]+)(?:#L(\d+))?\)/g;

/** Markdown with links to passages of extracted sources pointing at their views. */
export function viewMarkdown(find: Find, md: string): string {
  if (!md.includes('](file:')) return md;
  return md.replace(LINK, (whole, target: string, line?: string) => {
    // The service escaped characters that would end a Markdown link; the corpus knows the URI unescaped.
    const uri = find(target) ? target : target.replace(/%(28|29|3C|3E|22|27|60|5B|5D|5C)/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
    if (!find(uri)?.extracted) return whole;
    const l = line ? Number(line) - 1 : 0;
    return `](${viewUri(find, uri, l)}${line ? `#L${line}` : ''})`;
  });
}

export function viewHover(find: Find, hover: Hover | undefined): Hover | undefined {
  if (!hover || typeof hover.contents !== 'object' || !('kind' in hover.contents)) return hover;
  const contents = hover.contents as MarkupContent;
  return { ...hover, contents: { ...contents, value: viewMarkdown(find, contents.value) } };
}

export function viewLocations(find: Find, locations: Location[]): Location[] {
  return locations.map((l) => ({ ...l, uri: viewUri(find, l.uri, l.range.start.line, l.range.start.character) }));
}

export function viewLinks(find: Find, links: DocumentLink[]): DocumentLink[] {
  return links.map((l) => {
    if (!l.target?.startsWith('file:')) return l;
    const m = /^(file:[^#]+)(?:#L(\d+))?/.exec(l.target);
    if (!m || !find(m[1])?.extracted) return l;
    const line = m[2] ? Number(m[2]) - 1 : 0;
    return { ...l, target: `${viewUri(find, m[1], line)}${m[2] ? `#L${m[2]}` : ''}` };
  });
}

export function viewDiagnostics(find: Find, diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.map((d) =>
    d.relatedInformation?.length
      ? { ...d, relatedInformation: d.relatedInformation.map((r) => ({ ...r, location: { ...r.location, uri: viewUri(find, r.location.uri, r.location.range.start.line, r.location.range.start.character) } })) }
      : d,
  );
}

export function viewEvidence(find: Find, sources: Evidence[]): Evidence[] {
  return sources.map((s) => ({ ...s, uri: viewUri(find, s.uri, s.range.start.line, s.range.start.character) }));
}

/** A completion item whose documentation (a quote's source, a citation's article) links to views. */
export function viewCompletionItem(find: Find, item: CompletionItem): CompletionItem {
  const doc = item.documentation;
  if (!doc || typeof doc === 'string' || !doc.value.includes('](file:')) return item;
  return { ...item, documentation: { ...doc, value: viewMarkdown(find, doc.value) } };
}

export function viewCompletions(find: Find, list: CompletionList): CompletionList {
  return { ...list, items: list.items.map((i) => viewCompletionItem(find, i)) };
}
