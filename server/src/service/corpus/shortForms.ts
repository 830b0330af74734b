// Corpus-wide merging of name groups: lone surnames, acronyms and short body names that no article
// resolved join the full name they fit; a person's name with a stray word before it, or written as a
// plural, joins the person.

import { FIRST_NAMES } from './gazetteer.ts';
import { argmax, pickTop, push, STEP, topKind, type Group, type OrgForms } from './entityGroups.ts';
import { firstWord, initials, isQualifierPrefix, lastWord, wordCount } from './entityKeys.ts';

/** Corpus-wide: lone names and short forms that no article resolved join the full name they fit. */
export function* mergeShortForms(groups: Map<string, Group>, acronyms: Map<string, Map<string, number>>): Generator<void, void> {
  let n = 0;
  const personByWord = new Map<string, Group[]>();
  const orgBySuffix = new Map<string, Group[]>();
  const byInitials = new Map<string, Group[]>();
  const byShape = new Map<string, Group[]>();
  // A person group that is another's name in another form joins it here (and is no name's full form).
  for (const g of groups.values()) {
    if (++n % STEP === 0) yield;
    if (g.words < 2) continue;
    const kind = topKind(g.votes);
    if (kind === 'person') {
      const same = samePersonAs(g, groups);
      if (same) {
        g.into = same;
        continue;
      }
      // A surname alone may stand for a person across articles; a given name alone never does (a first
      // word that is no given name may be a family name in a name of three words: "Ri" of "Ri Song Chol").
      const f = firstWord(g.key);
      const l = lastWord(g.key);
      push(personByWord, l, g);
      if (g.words >= 3 && !FIRST_NAMES.has(f) && g.strongPerson > 0) push(personByWord, f, g);
    } else if (kind === 'organization') {
      const forms = orgForms(g);
      for (const suffix of forms.suffixes) push(orgBySuffix, suffix, g);
      if (forms.initials !== undefined) push(byInitials, forms.initials, g);
      push(byShape, forms.shape, g);
    }
  }
  for (const g of groups.values()) {
    if (++n % STEP === 0) yield;
    // Joined in the first pass (every group's `into` is cleared before a resolution).
    if (g.into) continue;
    if (g.words === 1) {
      const defined = acronyms.get(g.key);
      if (defined) {
        const target = groups.get(argmax(defined));
        if (target && target !== g) {
          g.into = target;
          continue;
        }
      }
      // A lone word joins a person when it is mostly used as a person, or when it is only a guess and
      // the person is a well-attested one (a title or role seen); Bolton the club stays apart.
      const people = personByWord.get(g.key);
      if (people) {
        const top = pickTop(people);
        if (loneWordJoins(g, top)) {
          g.into = top;
          continue;
        }
      }
      const long = byInitials.get(g.key);
      if (long && long.length === 1 && g.key.length >= 3 && topKind(g.votes) === 'organization') g.into = long[0];
    } else if (topKind(g.votes) === 'organization') {
      // A clipped form ("Man City") joins the body it clips, when that is written more often: a form more
      // often written may be another body whose words begin the same ("BBC News", "BBC Newcastle").
      const clipped = byShape.get(orgForms(g).shape)?.filter((x) => x !== g && x.count > g.count && clips(g.key, x.key));
      if (clipped?.length) {
        g.into = pickTop(clipped);
        continue;
      }
      const longer = orgBySuffix.get(g.key);
      if (!longer) continue;
      const top = pickTop(longer);
      let total = 0;
      for (const l of longer) total += l.count;
      // A short form written more often than the full name it fits is the body's name in its own right
      // ("Liberal Democrats", not "Welsh Liberal Democrats").
      if (top.count * 5 >= total * 4 && g.count <= top.count) g.into = top;
    }
  }
}

/** An organisation group's forms (OrgForms), made from its key when first asked for. */
function orgForms(g: Group): OrgForms {
  if (g.forms) return g.forms;
  const parts = g.key.split(' ');
  const suffixes: string[] = [];
  for (let i = 1; i < parts.length - 1; i++) {
    const suffix = parts.slice(i).join(' ');
    if (isQualifierPrefix(g.key, suffix)) suffixes.push(suffix);
  }
  return (g.forms = { suffixes, initials: g.words >= 3 ? initials(g.key) : undefined, shape: shapeOf(g.key) });
}

/** A person group that is a better-attested person's name in another form: a plural or possessive
 *  written without its apostrophe ("X Ys"), or the name with a stray word before it ("EU X Y", "Sprinter
 *  X Y") that no given name explains. */
function samePersonAs(g: Group, groups: Map<string, Group>): Group | undefined {
  const key = g.key;
  if (key.endsWith('s') && !key.endsWith('ss')) {
    const singular = groups.get(key.slice(0, -1));
    if (singular && singular.count > g.count && topKind(singular.votes) === 'person') return singular;
  }
  return strayWordOf(g, groups);
}

/** The name a person group is with a stray word before it ("EU X Y", "Sprinter X Y") that no given name
 *  explains: the longest shorter form that is a person at least as often mentioned ("EU X Y" → "X Y",
 *  also when a gazetteer alias rewrote the stray word: "european union x y"). */
export function strayWordOf<G extends Pick<Group, 'key' | 'count' | 'votes'>>(g: G, groups: { get(key: string): G | undefined }): G | undefined {
  const key = g.key;
  if (wordCount(key) < 3 || FIRST_NAMES.has(firstWord(key))) return undefined;
  for (let at = key.indexOf(' '); at > 0; at = key.indexOf(' ', at + 1)) {
    const rest = key.slice(at + 1);
    if (rest.indexOf(' ') < 0) break;
    const g2 = groups.get(rest);
    if (g2 && g2.count >= g.count && topKind(g2.votes) === 'person') return g2;
  }
  return undefined;
}

/** Whether a lone word joins `top`, the person most mentioned under it: when it is mostly used as a
 *  person, or when it is only a guess and the person a well-attested one (Bolton the club stays apart). */
export function loneWordJoins(lone: Pick<Group, 'votes' | 'strongOther'>, top: Pick<Group, 'strongPerson' | 'count'>): boolean {
  const v = lone.votes;
  return v.person * 2 > v.organization + v.place + v.event || (lone.strongOther === 0 && top.strongPerson * 2 >= top.count);
}


/** The names a clipped form of a name may be, and it of them: the same number of words, each starting
 *  with the same three letters (or the same word, when shorter; a plural "s" aside), as `clips` asks.
 *  (The first letters alone put hundreds of bodies together, each of which `clips` compared.) */
function shapeOf(key: string): string {
  return key
    .split(' ')
    .map((w) => singular(w).slice(0, 3))
    .join(' ');
}

/** Each word of `short` the start of the same word of `long` (three letters at least, a plural "s"
 *  aside), and one of them shorter: "lib dems" clips "liberal democrats". */
function clips(short: string, long: string): boolean {
  const a = short.split(' ');
  const b = long.split(' ');
  if (a.length !== b.length || a.length < 2) return false;
  let shorter = false;
  for (let i = 0; i < a.length; i++) {
    const x = singular(a[i]);
    const y = singular(b[i]);
    if (x === y) continue;
    if (x.length < 3 || !y.startsWith(x)) return false;
    shorter = true;
  }
  return shorter;
}

const singular = (w: string) => (w.length > 3 && w.endsWith('s') ? w.slice(0, -1) : w);
