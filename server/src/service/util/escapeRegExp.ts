// Text to match literally inside a regular expression.

/** `text` with every character a regular expression gives a meaning escaped ('/' too, for patterns
 *  written between slashes). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
