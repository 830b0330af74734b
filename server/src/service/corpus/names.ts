// Proper-noun finder for news text: capitalised runs with connectors, initials and acronyms, titles split
// off into `role`, and a kind from news-writing cues. It is "corpus-aware" within one text: a headline
// keeps only names the body also uses, a lone surname takes the kind of the full name written elsewhere,
// and a sentence-initial word seen in lower case elsewhere is not a name.

import type { EntityKind, Mention, Sentence } from '../types.ts';
import { FIRST_NAMES, ROLE_HEADS } from './gazetteer.ts';
import { splitAtKnownNames } from './nameBoundaries.ts';
import { cleanRole } from './roles.ts';
import { creditNames, outletCredit } from './credits.ts';
import { isHeadline, tokenize, type Found, type Tok } from './nameTokens.ts';
import { buildRuns, keepKnown } from './nameRuns.ts';
import { SPORT_WORDS } from './nameCues.ts';
import { classify } from './classifyName.ts';

export type { Cue, Found, Tok } from './nameTokens.ts';

/** A mention with its optional fields set in the literal: a field added later moves the object's fields
 *  out of line, 40 bytes more for each of a corpus's millions of mentions. `weak` is stored on the
 *  mention so it survives the saved index. */
export function newMention(start: number, end: number, text: string, kind: EntityKind, role: string | undefined, weak: boolean): Mention {
  if (role) return weak ? { start, end, text, kind, role, weak } : { start, end, text, kind, role };
  return weak ? { start, end, text, kind, weak } : { start, end, text, kind };
}

/** A mention made again from its parts, exactly: as `newMention` makes it, with a role written as nothing
 *  kept (newMention drops an empty one). */
export function remadeMention(start: number, end: number, text: string, kind: EntityKind, role: string | undefined, weak: boolean): Mention {
  const m = newMention(start, end, text, kind, role, weak);
  if (role === '') m.role = '';
  return m;
}

/** True when the mention's kind is a default guess (no title, suffix, gazetteer or context cue). */
export function hasWeakKind(m: Mention): boolean {
  return m.weak === true;
}

/** Finds proper-noun mentions in `text`, sentence by sentence. `runIn`: the first sentence may be a
 *  headline run into the lede (raw source files), whose joins split camel-case words ("WarnerQuarterly");
 *  a draft's title is a heading of its own, so "A YouGov poll" keeps its "YouGov". */
export function findMentions(text: string, sentences: Sentence[], runIn = true): Mention[] {
  const tokSets: Tok[][] = [];
  const lowerSeen = new Set<string>();
  const capsMid = new Set<string>();
  for (let si = 0; si < sentences.length; si++) {
    const toks = tokenize(text, sentences[si], runIn && si === 0);
    tokSets.push(toks);
    for (const t of toks) {
      if (!t.word) continue;
      if (!t.cap) lowerSeen.add(t.key);
      else if (!t.initial) capsMid.add(t.key);
    }
  }
  // Credit lines ("By X", "Editing by Y") are neither headlines nor prose: their names are people.
  const credits = tokSets.map((toks) => creditNames(toks) ?? outletCredit(toks));
  const headline = tokSets.map((toks, si) => !credits[si] && isHeadline(toks, sentences[si]));

  const found: Found[][] = [];
  const known = new Set<string>(); // tokens of names found in body sentences
  const singles = new Set<string>(); // one-word names and last words of longer names in the body
  const names = new Set<string>(); // whole names and their last words, for headlines
  for (let si = 0; si < sentences.length; si++) {
    if (headline[si]) {
      found.push([]);
      continue;
    }
    const f = credits[si] ?? analyseSentence(text, tokSets[si], sentences[si], lowerSeen, capsMid, null);
    found.push(f);
    for (const m of f) {
      for (const t of m.tokens) if (t.word) known.add(t.key);
      if (m.tokens.length && si > 0) singles.add(m.tokens[m.tokens.length - 1].key);
      names.add(m.tokens.filter((t) => t.word).map((t) => t.key).join(' '));
      if (m.kind === 'person') names.add(m.tokens[m.tokens.length - 1].key);
    }
  }
  for (let si = 0; si < sentences.length; si++) {
    if (headline[si]) found[si] = analyseSentence(text, tokSets[si], sentences[si], lowerSeen, capsMid, known, names);
  }
  // A run-in headline: "…rival Sotherton Jade Johnson edged out…" → "Sotherton" | "Jade Johnson".
  if (found.length > 0) found[0] = splitRunIn(found[0], singles, found);
  splitAtKnownNames(found, text, lowerSeen);

  // A lone word that is a part of a person's full name written in this text is that person.
  const personParts = new Set<string>();
  for (const f of found) {
    for (const m of f) {
      if (m.kind !== 'person' || m.cue !== 'strong' || m.tokens.length < 2) continue;
      const words = m.tokens.filter((t) => t.word && t.cap);
      if (words.length < 2) continue;
      personParts.add(words[words.length - 1].key);
      personParts.add(words[0].key);
    }
  }
  // Within one text a name keeps one kind: weak guesses follow the votes (strong cues count 3).
  const votes = new Map<string, Record<EntityKind, number>>();
  for (const f of found) {
    for (const m of f) {
      if (m.cue === 'weak' && m.tokens.length === 1 && personParts.has(m.tokens[0].key)) m.kind = 'person';
      const k = m.tokens.map((t) => t.key).join(' ');
      let v = votes.get(k);
      if (!v) votes.set(k, (v = { person: 0, organization: 0, place: 0, event: 0 }));
      v[m.kind] += m.cue === 'strong' ? 3 : 1;
    }
  }
  const out: Mention[] = [];
  for (const f of found) {
    for (const m of f) {
      if (m.cue === 'weak') {
        const v = votes.get(m.tokens.map((t) => t.key).join(' '));
        if (v) {
          let best: EntityKind = m.kind;
          for (const k of ['person', 'organization', 'place', 'event'] as const) if (v[k] > v[best]) best = k;
          m.kind = best;
        }
      }
      out.push(newMention(m.start, m.end, text.slice(m.start, m.end), m.kind, m.kind === 'person' ? cleanRole(m.role) : undefined, m.cue === 'weak'));
    }
  }
  return out;
}

function splitRunIn(ms: Found[], singles: Set<string>, all: Found[][]): Found[] {
  const fullKeys = new Set<string>();
  const kindOf = new Map<string, EntityKind>();
  // Surnames: the last words of people's names in the body ("Carlos Ghosn", "Mr Ghosn").
  const surnames = new Set<string>();
  for (let si = 1; si < all.length; si++) {
    for (const m of all[si]) {
      const k = m.tokens.map((t) => t.key).join(' ');
      fullKeys.add(k);
      if (!kindOf.has(k)) kindOf.set(k, m.kind);
      const words = m.tokens.filter((t) => t.word);
      if (m.kind === 'person' && words.length > 0) surnames.add(words[words.length - 1].key);
    }
  }
  const out: Found[] = [];
  for (const m of ms) {
    const w = m.tokens;
    const key = w.map((t) => t.key).join(' ');
    // "…successor to Ghosn Nissan has named…": the surname of a person the body names in full, then a
    // name the body writes on its own, never together in the body.
    if (w.length === 2 && w.every((t) => t.word) && !fullKeys.has(key) && surnames.has(w[0].key) && !FIRST_NAMES.has(w[0].key) && kindOf.has(w[1].key) && !ROLE_HEADS.has(w[1].key)) {
      out.push({ start: w[0].start, end: w[0].end, kind: 'person', cue: 'weak', tokens: [w[0]] });
      out.push({ start: w[1].start, end: w[1].end, kind: kindOf.get(w[1].key) ?? 'organization', cue: 'weak', tokens: [w[1]] });
      continue;
    }
    if (w.length >= 3 && !fullKeys.has(key) && w.every((t) => t.word)) {
      let cut = -1;
      for (let i = 1; i < w.length - 1 && cut < 0; i++) {
        const left = w[i - 1].key;
        if (singles.has(left) && !FIRST_NAMES.has(left) && singles.has(w[w.length - 1].key) && !ROLE_HEADS.has(w[i].key)) cut = i;
      }
      if (cut > 0) {
        const a = w.slice(0, cut);
        const b = w.slice(cut);
        out.push({ start: a[0].start, end: a[a.length - 1].end, kind: 'person', cue: 'weak', tokens: a });
        out.push({ start: b[0].start, end: b[b.length - 1].end, kind: 'person', cue: 'strong', tokens: b, role: m.role });
        continue;
      }
    }
    out.push(m);
  }
  return out;
}

function analyseSentence(
  text: string,
  toks: Tok[],
  sentence: Sentence,
  lowerSeen: Set<string>,
  capsMid: Set<string>,
  headlineKnown: Set<string> | null,
  headlineNames?: Set<string>,
): Found[] {
  let runs = buildRuns(toks, capsMid);
  if (headlineKnown) runs = keepKnown(runs, toks, headlineKnown, headlineNames ?? headlineKnown);
  const sports = toks.some((t) => t.word && SPORT_WORDS.has(t.key));
  const out: Found[] = [];
  for (let r = 0; r < runs.length; r++) {
    const a = runs[r][0];
    let b = runs[r][1];
    while (b > a && !toks[b - 1].cap) b--; // trailing connector
    if (b <= a) continue;
    const f = classify(text, toks, a, b, sentence, lowerSeen, capsMid, sports, runs[r - 1]);
    if (f) out.push(f);
  }
  return out;
}

