// Name keys: the normalised form under which mentions of one name are counted together ("the UN
// Security Council", "U.N. Security Council's" → "united nations security council"), and small helpers
// on keys (their words, initials, a middle initial dropped).

import { ALIASES, DEMONYMS, PLACE_WORDS } from './gazetteer.ts';

const MARKS_RE = /\p{M}+/gu;
const POSSESSIVE_RE = /['’]s\b|(?<=s)['’](?=\s|$)/g;
const DROP_RE = /[.'’`]/g;
const SPLIT_RE = /[^\p{L}\p{N}]+/u;

/** Normalised key of a name: case, accents, periods, hyphens and a leading "the" do not matter. */
export function nameKey(name: string): string {
  let s = name.normalize('NFKD').replace(MARKS_RE, '').toLowerCase();
  s = s.replace(POSSESSIVE_RE, '').replace(DROP_RE, '').replace(/&/g, ' and ');
  const parts = s.split(SPLIT_RE).filter(Boolean);
  if (parts.length > 1 && parts[0] === 'the') parts.shift();
  return parts.join(' ');
}

export function canonicalKey(key: string): string {
  const whole = ALIASES.get(key);
  if (whole) return whole;
  // "UN Security Council" = "United Nations Security Council".
  const sp = key.indexOf(' ');
  if (sp > 0) {
    const head = ALIASES.get(key.slice(0, sp));
    if (head) return head + key.slice(sp);
  }
  return key;
}

const ALIAS_TARGETS = new Set(ALIASES.values());

/** The gazetteer's aliases of each name they stand for ("united nations" → ["un"]). */
const ALIASES_OF = new Map<string, string[]>();
for (const [alias, target] of ALIASES) ALIASES_OF.set(target, [...(ALIASES_OF.get(target) ?? []), alias]);

/** Every name key `canonicalKey` takes to the same name as this one ("un" → "un", "united nations"; "un
 *  security council" → also "united nations security council"), with a middle initial dropped: the keys a
 *  store of names as written must be searched under to find every mention of one name. */
export function aliasKeys(key: string): string[] {
  const whole = canonicalKey(key);
  const out = new Set([key, whole, dropInitials(key)]);
  for (const a of ALIASES_OF.get(whole) ?? []) out.add(a);
  // A head word written short ("UN Security Council"): canonicalKey rewrites a first word alone.
  for (const [target, aliases] of ALIASES_OF) {
    if (!whole.startsWith(`${target} `)) continue;
    for (const a of aliases) if (!a.includes(' ')) out.add(a + whole.slice(target.length));
  }
  out.delete('');
  return [...out];
}

/** Words that qualify a body without changing it: "UN", "Chinese", "U.S." before "Security Council". */
export function isQualifierPrefix(long: string, short: string): boolean {
  const prefix = long.slice(0, long.length - short.length - 1);
  if (ALIAS_TARGETS.has(prefix)) return true;
  for (const w of prefix.split(' ')) if (!(PLACE_WORDS.has(w) || DEMONYMS.has(w) || ALIASES.has(w))) return false;
  return true;
}

export function wordCount(key: string): number {
  let n = 1;
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) === 32) n++;
  return key ? n : 0;
}

export function firstWord(key: string): string {
  const i = key.indexOf(' ');
  return i < 0 ? key : key.slice(0, i);
}

export function lastWord(key: string): string {
  return key.slice(key.lastIndexOf(' ') + 1);
}

export function initials(key: string): string {
  let s = '';
  for (const w of key.split(' ')) if (w !== 'of' && w !== 'for' && w !== 'and' && w !== 'the') s += w[0];
  return s;
}

export function dropInitials(key: string): string {
  const sp = key.indexOf(' ');
  if (sp < 0 || key.indexOf(' ', sp + 1) < 0) return key;
  const parts = key.split(' ');
  if (parts.length < 3) return key;
  return parts.filter((p, i) => p.length > 1 || i === 0 || i === parts.length - 1).join(' ');
}
