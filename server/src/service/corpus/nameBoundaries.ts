// Where a name starts, decided from the whole text: a capitalised run that ends with a person's full name
// the text writes on its own elsewhere ("…Labour MPs Tony Blair has…" after a run-in headline, "Sprinter
// X Y", "EU X Y") is that name; the words before it are a title, another name or nothing. A sentence-initial
// word that the text writes in lower case elsewhere does not join a person's surname ("Vote X, …").

import type { Cue, Found, Tok } from './nameTokens.ts';
import { FIRST_NAMES, ROLE_HEADS, ROLE_NOUNS } from './gazetteer.ts';
import { PARTICLES } from './nameCues.ts';

const AGE_RE = /-(?:year|month)s?-old$/i;
/** Titles that stand right before a person's name (honorifics, "Dr", "Lord"). */
export const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'sir', 'dame', 'dr', 'lord', 'lady', 'prof', 'rev']);

function wordsOf(m: Found): Tok[] {
  return m.tokens.filter((t) => t.word);
}

function keyOf(ws: Tok[]): string {
  return ws.map((t) => t.key).join(' ');
}

function isRoleWord(t: Tok): boolean {
  const k = t.key;
  return ROLE_NOUNS.has(k) || ROLE_HEADS.has(k) || (k.includes('-') && k.split('-').some((p) => ROLE_NOUNS.has(p)));
}

function part(ws: Tok[], kind: Found['kind'], cue: Cue, role?: string): Found {
  const f: Found = { start: ws[0].start, end: ws[ws.length - 1].end, kind, cue, tokens: ws };
  if (role) f.role = role;
  return f;
}

/** Splits runs that end with a person's full name written alone elsewhere in the text, and drops a
 *  sentence-initial ordinary word before a surname of a person the text names in full. */
export function splitAtKnownNames(found: Found[][], text: string, lowerSeen: ReadonlySet<string>): void {
  // Full names (two words or more) the text writes as a whole mention, with how often.
  const whole = new Map<string, { n: number; kind: Found['kind'] }>();
  // The people's names (two words or more) each last word ends: the text's surnames.
  const namesEnding = new Map<string, Set<string>>();
  for (const f of found) {
    for (const m of f) {
      const ws = wordsOf(m);
      const k = keyOf(ws);
      const cur = whole.get(k);
      if (cur) cur.n++;
      else whole.set(k, { n: 1, kind: m.kind });
      if (m.kind === 'person' && ws.length >= 2) {
        const last = ws[ws.length - 1].key;
        namesEnding.set(last, (namesEnding.get(last) ?? new Set()).add(k));
      }
    }
  }
  /** Whether a person's name other than `k` ends with the word. */
  const surnameElsewhere = (word: string, k: string) => [...(namesEnding.get(word) ?? [])].some((n) => n !== k);
  for (let si = 0; si < found.length; si++) {
    const out: Found[] = [];
    for (const m of found[si]) {
      const ws = wordsOf(m);
      if (ws.length !== m.tokens.length) {
        out.push(m);
        continue;
      }
      // A two-word guess written once may be two names run together.
      const together =
        ws.length === 2 && m.cue === 'weak' && whole.get(keyOf(ws))?.n === 1 ? (runTogether(ws, whole, surnameElsewhere) ?? sidesTogether(m, ws, whole, text)) : undefined;
      if (together) {
        out.push(part([ws[0]], together[0], 'weak'), part([ws[1]], together[1], 'weak'));
        continue;
      }
      let cut = -1;
      let titled = false;
      // "Fifteen-year-old X Y": an age before the name; "… of Canterbury Dr X Y": a title inside the run.
      if (m.kind === 'person' && ws.length >= 3 && AGE_RE.test(ws[0].text)) cut = 1;
      for (let i = 1; i < ws.length - 1 && cut < 0 && m.kind === 'person' && ws.length <= 8; i++) {
        if (TITLES.has(ws[i].key) && ws[i + 1].cap && !ROLE_HEADS.has(ws[i - 1].key)) {
          cut = i + 1;
          titled = true;
        }
      }
      if (cut >= 0) {
        // handled below
      } else if (ws.length >= 3 && ws.length <= 8) {
        for (let i = 1; i <= ws.length - 2 && cut < 0; i++) {
          const suffix = keyOf(ws.slice(i));
          const known = whole.get(suffix);
          if (!known || known.kind !== 'person' || PARTICLES.has(ws[i].key) || PARTICLES.has(ws[i - 1].key)) continue;
          // "Ray Charles" inside "X Ray Charles" only when the longer run is not itself a name here.
          if ((whole.get(keyOf(ws))?.n ?? 0) > 1) continue;
          if (!FIRST_NAMES.has(ws[i].key) && ws.length - i < 2) continue;
          cut = i;
        }
      } else if (ws.length === 2) {
        const [a, b] = ws;
        if (a.initial && lowerSeen.has(a.key) && !FIRST_NAMES.has(a.key) && !isRoleWord(a) && (namesEnding.has(b.key) || whole.has(b.key))) cut = 1;
      }
      if (cut < 0) {
        out.push(m);
        continue;
      }
      const head = ws.slice(0, cut);
      const name = ws.slice(cut);
      const beforeTitle = titled ? head.slice(0, -1) : head;
      const headIsRole = beforeTitle.length > 0 && (beforeTitle.every(isRoleWord) || (titled && beforeTitle.some(isRoleWord)));
      // "Cabinet Secretary Sir X Y": the words before the title are the role, the title is the name's;
      // "Archbishop of" + "Westford Dr X Y": the role found goes on to the title.
      const roleEnd = beforeTitle[beforeTitle.length - 1];
      let role = headIsRole && roleEnd ? text.slice(head[0].start, roleEnd.end) : m.role;
      if (titled && !headIsRole && m.role && /\b(?:of|for)$/.test(m.role) && roleEnd) role = `${m.role} ${text.slice(head[0].start, roleEnd.end)}`;
      const headKnown = whole.get(keyOf(head));
      if (!headIsRole && headKnown && headKnown.n > 0 && !(head.length === 1 && head[0].initial && lowerSeen.has(head[0].key))) {
        out.push(part(head, headKnown.kind, 'weak'));
      }
      out.push(part(name, 'person', 'strong', role));
    }
    found[si] = out;
  }
}

/**
 * Two names run together by a lost line break or heading (a headline ending with a player's surname, run
 * into a lede opening with his club's name; a club's name twice, "… blasts X" + "X's forward …"): a
 * two-word guess written once (the caller's test), whose second word the text writes on its own as something other than a
 * person and ends no one else's name, and whose first word is that same word or the surname of another
 * person the text names in full (no given name). The kinds of its two names: the surname a person's, the
 * other as the text writes it alone.
 */
function runTogether(
  ws: Tok[],
  whole: ReadonlyMap<string, { n: number; kind: Found['kind'] }>,
  surnameElsewhere: (word: string, k: string) => boolean,
): [Found['kind'], Found['kind']] | undefined {
  const [a, b] = ws;
  const k = keyOf(ws);
  if (FIRST_NAMES.has(a.key) || TITLES.has(a.key) || isRoleWord(a) || isRoleWord(b)) return undefined;
  const second = whole.get(b.key);
  if (!second || second.kind === 'person' || surnameElsewhere(b.key, k)) return undefined;
  // Not a first word merely written alone too: a person named in full once, then by each name alone
  // ("Talks with X Y ended. X said… Y said…"), is one person.
  if (a.key === b.key) return [second.kind, second.kind];
  return surnameElsewhere(a.key, k) ? ['person', second.kind] : undefined;
}

/** Right after or before "v" (versus), as in a fixture list. */
const VERSUS_AFTER = /^\s+v\.?\s/;
const VERSUS_BEFORE = /\sv\.?\s+$/;

/**
 * Two sides of a fixture list run together by a lost line break ("… Oldham v Bolton Arsenal v
 * Wolverhampton …"): a two-word guess written once (the caller's test), beside a "v", whose two words the text writes alone
 * elsewhere as something other than a person. "West Ham v …" stays whole: the text does not write "West"
 * alone as a name.
 */
function sidesTogether(m: Found, ws: Tok[], whole: ReadonlyMap<string, { n: number; kind: Found['kind'] }>, text: string): [Found['kind'], Found['kind']] | undefined {
  if (!VERSUS_AFTER.test(text.slice(m.end, m.end + 4)) && !VERSUS_BEFORE.test(text.slice(Math.max(0, m.start - 4), m.start))) return undefined;
  const [a, b] = [whole.get(ws[0].key), whole.get(ws[1].key)];
  if (!a || !b || a.kind === 'person' || b.kind === 'person') return undefined;
  return [a.kind, b.kind];
}
