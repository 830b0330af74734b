// Corpus text shown in hovers and completion docs is untrusted: it must render as plain words, never as
// HTML, links, images or command URIs. Links we build ourselves only point at corpus files.

// Every character CommonMark/GFM gives meaning to inline or at a line start, plus `&` (entities),
// `<`/`>` (HTML, autolinks) and `@` (GFM e-mail autolinks). Backslash-escaping ASCII punctuation is
// always literal in CommonMark.
const MARKDOWN_SPECIAL = /[\\`*_{}[\]()#+\-!|<>~&@]/g;
// URI schemes a renderer could act on; "command:" would run an editor command when clicked.
const SCHEME = /\b(command|vscode|vscode-insiders|javascript|data|file|https?|ftps?|mailto)(\s*):/gi;
// GFM turns a bare "www.example.com" into a link too.
const WWW = /\b(www)\./gi;
const SPACES = /\s+/g;

/** Escapes text for a single Markdown line: white space collapsed, markup and schemes neutralised. */
export function escapeMarkdown(text: string): string {
  return text.replace(SPACES, ' ').trim().replace(MARKDOWN_SPECIAL, '\\$&').replace(SCHEME, '$1$2\\:').replace(WWW, '$1\\.');
}

/** Shortens to at most `max` characters at a word boundary, with an ellipsis. */
export function truncate(text: string, max: number): string {
  const flat = text.replace(SPACES, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.lastIndexOf(' ', max - 1);
  return `${flat.slice(0, cut > max * 0.6 ? cut : max - 1)}…`;
}

const LINKABLE = /^(?:file|untitled|https?):/i;

/** The link target for a corpus passage (`file:///a.md#L13`), or undefined when the uri is not a file. */
export function passageTarget(uri: string, line?: number): string | undefined {
  if (!LINKABLE.test(uri)) return undefined;
  // Keep the target one token: encode what would end or confuse a Markdown link destination.
  const safe = uri.replace(/[\s()<>\\"'`[\]]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return line === undefined ? safe : `${safe}#L${line + 1}`;
}

/** `[label](target)` with an escaped label, or just the escaped label when the uri is not linkable. */
export function markdownLink(label: string, uri: string, line?: number): string {
  const target = passageTarget(uri, line);
  const text = escapeMarkdown(label);
  return target ? `[${text}](${target})` : text;
}
