// Cleaning a role as found before or after a name: "Chancellor Chancellor" → "Chancellor", "UK Chancellor
// of the" → "UK Chancellor", "October Tory leader" → "Tory leader"; a clause ("became … in 2004") or a
// date is not a role.

import { DEMONYMS, MONTHS, PLACE_WORDS, ROLE_HEADS, ROLE_MODIFIERS, ROLE_NOUNS, WEEKDAYS } from './gazetteer.ts';

const TRAILING = new Set(['of', 'the', 'for', 'and', 'to', 'at', 'in', 'on', 'a', 'an', 'with', 'from', 'by']);
// A role is a noun phrase: one opening with a verb or a linking word is a clause.
const CLAUSE_OPENERS = new Set(['became', 'become', 'becomes', 'was', 'is', 'are', 'were', 'has', 'have', 'had', 'won', 'took', 'made', 'said',
  'says', 'will', 'would', 'could', 'who', 'which', 'that', 'also', 'then', 'now', 'once', 'still', 'later', 'since', 'being', 'been', 'did', 'does']);
const NAME_TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'sir', 'dame', 'dr', 'lord', 'lady', 'baroness', 'baron', 'prof', 'rev']);
const YEAR_RE = /\b(?:1[89]|20)\d\d\b/;

const keyOf = (w: string) => w.toLowerCase().replace(/[.’']/g, '').replace(/s$/, '');

function roleLike(w: string): boolean {
  const k = w.toLowerCase().replace(/[.’']/g, '');
  return ROLE_NOUNS.has(k) || ROLE_HEADS.has(k) || ROLE_MODIFIERS.has(k) || DEMONYMS.has(k) || PLACE_WORDS.has(k)
    || DEMONYMS.has(keyOf(w)) || (w.length <= 4 && w === w.toUpperCase() && /\p{Lu}/u.test(w));
}

/** The role as it should be shown, or undefined when what was found is not a role. */
export function cleanRole(role: string | undefined): string | undefined {
  if (!role) return undefined;
  // "MCI Inc. Former WorldCom chief executive", "president of … at Warner Bros. However": a sentence
  // boundary the finder ran over; keep the part that holds the role.
  const parts = role.split(/(?<=\.)\s+(?=\p{Lu})/u);
  if (parts.length > 1) role = parts.filter((p) => p.split(/\s+/).some((w) => ROLE_NOUNS.has(w.toLowerCase().replace(/[.,]/g, '')))).pop();
  if (!role) return undefined;
  let words = role.trim().split(/\s+/);
  if (words.length > 10 || YEAR_RE.test(role)) return undefined;
  const w0 = words[0];
  if (CLAUSE_OPENERS.has(w0.toLowerCase())) return undefined;
  // "receiving his award…": a participle clause; "managing director" is a role.
  if (/^\p{Ll}+ing$/u.test(w0) && !ROLE_MODIFIERS.has(w0) && !(words[1] && roleLike(words[1]))) return undefined;
  // Repeated words: "Chancellor Chancellor".
  words = words.filter((w, i) => i === 0 || w.toLowerCase() !== words[i - 1].toLowerCase());
  // A date word before the role: "October Tory leader", "Monday Prime Minister".
  while (words.length > 1 && ((MONTHS.has(words[0].toLowerCase()) && words[0] !== 'May') || (WEEKDAYS.has(words[0].toLowerCase()) && roleLike(words[1])))) words.shift();
  // Trailing connectors, and a title that belongs to the name ("Lords Leader Baroness" X).
  while (words.length > 1 && (TRAILING.has(words[words.length - 1].toLowerCase()) || NAME_TITLES.has(words[words.length - 1].toLowerCase().replace(/\.$/, '')))) words.pop();
  if (words.length === 1 && NAME_TITLES.has(words[0].toLowerCase().replace(/\.$/, ''))) return undefined; // "Sir" is the name's
  const out = words.join(' ').replace(/[,;:]+$/, '');
  return out || undefined;
}
