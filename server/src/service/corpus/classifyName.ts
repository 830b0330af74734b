// Classifying one capitalised run: where the name starts and ends (titles, role words and stray words
// before it split off into `role` or dropped), and its kind (person, organisation, place, event) with
// how sure the cue is.

import type { EntityKind, Sentence } from '../types.ts';
import {
  CLUB_PREFIXES, CLUB_SUFFIXES, DEMONYMS, EVENT_SUFFIXES, FIRST_NAMES, HONORIFICS, ORG_PREFIXES,
  ORG_SUFFIXES, PLACES, PLACE_SUFFIXES, PLACE_WORDS, ROLE_HEADS, ROLE_MODIFIERS, ROLE_NOUNS, COMMON_CAPS,
  VENUE_WORDS,
} from './gazetteer.ts';
import {
  PARTICLES, runKey, OF_CONNECTORS, PLACE_PREV, DETERMINERS, ORG_NOUNS_BEFORE, EVENT_LEAD, CONNECTOR_WORDS,
  TIME_MODIFIERS, COMPASS, tokKey, POST_NOMINALS, isOrgCue, businessAfter, isPlaceOrDemonym, isDemonymRun, isSportsClub,
  isTitleOrProduct, isClubRun, appositionAfter, appositionBefore, PEERAGE,
} from './nameCues.ts';
import { TITLES } from './nameBoundaries.ts';
import { AFFILIATIONS, isTradeNoun, isTypeNoun, PLURAL_ACRONYM_RE, quotedAlone, RANK_WORDS, workNounAfter } from './nameLeads.ts';
import type { Cue, Found, Tok } from './nameTokens.ts';

/** Participles joined to a place ("Galway-based", "Leuven-born"). */
const WHERE_JOINED = new Set(['based', 'born', 'bred', 'headquartered']);

// "Korea Peace Now! called…": an exclamation mark inside a name is followed by a lower-case word.
const BANG_NAME_RE = /^[ \t]+\p{Ll}/u;
const UPPER_RE = /^\p{Lu}/u;

function isRoleWord(t: Tok): boolean {
  if (!t.word) return false;
  const k = t.key;
  return ROLE_HEADS.has(k) || ROLE_MODIFIERS.has(k) || DEMONYMS.has(k) || PLACE_WORDS.has(k) || (t.allCaps && k.length <= 4);
}

export function classify(
  text: string,
  toks: Tok[],
  a: number,
  b: number,
  sentence: Sentence,
  lowerSeen: Set<string>,
  capsMid: Set<string>,
  sports: boolean,
  prevRun: [number, number] | undefined,
): Found | undefined {
  const first = toks[a];
  const lastTok = toks[b - 1];
  const key = runKey(toks, a, b);
  const n = b - a;
  const next = toks[b];
  const next2 = toks[b + 1];
  const prev = toks[a - 1];
  const mk = (kind: EntityKind, cue: Cue, s = a, e = b, end?: number): Found => ({
    start: toks[s].start,
    end: end ?? toks[e - 1].end + (e === b && next?.text === '!' && next.start === toks[e - 1].end && BANG_NAME_RE.test(text.slice(next.end, next.end + 4)) ? 1 : 0),
    kind,
    cue,
    tokens: toks.slice(s, e),
  });

  // Adjectives: "Foreign currency", "Federal agents".
  if (n === 1 && !first.allCaps && (ROLE_MODIFIERS.has(first.key) || DEMONYMS.has(first.key)) && next?.word && !next.cap) return undefined;
  // Sentence-initial single word that is an ordinary word elsewhere in the text ("Recent", "Talking").
  if (n === 1 && first.initial && !first.allCaps && !capsMid.has(first.key) && !PLACES.has(first.key)) {
    if (lowerSeen.has(first.key) || ROLE_MODIFIERS.has(first.key) || DEMONYMS.has(first.key)) return undefined;
    if (/(?:ly|ing|ed)$/.test(first.key) && next?.word && !next.cap) return undefined;
  }

  // Events: "the Korean War", "the World Cup", "the Singapore summit", "Trump-Kim summit".
  if (n >= 2 && EVENT_SUFFIXES.has(lastTok.key) && !ORG_SUFFIXES.has(lastTok.key)) return mk('event', 'strong');
  if (next?.word && !next.cap && EVENT_SUFFIXES.has(next.key) && next.start - lastTok.end === 1 && !lastTok.poss) {
    const lead = toks[a - 1];
    const lead2 = toks[a - 2];
    const hyphenNames = n === 1 && first.text.includes('-') && first.text.split('-').every((p) => UPPER_RE.test(p));
    if (hyphenNames || (lead?.word && (EVENT_LEAD.has(lead.key) || (lead2?.word && EVENT_LEAD.has(lead2.key) && /^\p{N}|^\p{Ll}/u.test(lead.text))))) {
      const f = mk('event', 'strong');
      f.end = next.end;
      f.tokens = toks.slice(a, b + 1);
      return f;
    }
  }
  // Adjective compounds and nationality words: "North Korean-US tensions", "Chinese".
  if (n <= 3 && toks.slice(a, b).some((t) => t.text.includes('-')) && toks.slice(a, b).every((t) => t.text.split('-').every(isPlaceOrDemonym))) return undefined;
  if (isDemonymRun(toks, a, b)) return undefined;

  // Organisations by their last or first word, acronyms and place names by the gazetteer.
  const lastKey = lastTok.key;
  if (n >= 2 && ORG_SUFFIXES.has(lastKey) && !PLACES.has(key)) return mk('organization', 'strong');
  if (n >= 3 && ORG_PREFIXES.has(first.key) && toks.slice(a, b).some((t) => t.key === 'of')) return mk('organization', 'strong');
  if (PLACES.has(key) || PLACES.has(key.replace(/-/g, ' '))) {
    if (n === 1 && isSportsClub(toks, a, b, sports)) return mk('organization', 'strong');
    return mk('place', 'strong');
  }
  if (n >= 2 && PLACE_SUFFIXES.has(lastKey) && !FIRST_NAMES.has(first.key) && !toks.slice(a, b).some((t) => ROLE_HEADS.has(t.key))) {
    return mk('place', 'strong');
  }
  // Clubs and venues by a word of their own: "Olympique X", "X Wanderers", "X Stadium", "Stade de X".
  if (n >= 2 && !FIRST_NAMES.has(first.key) && !toks.slice(a, b).some((t) => ROLE_HEADS.has(t.key))) {
    if (CLUB_PREFIXES.has(first.key) || CLUB_SUFFIXES.has(lastKey)) return mk('organization', 'strong');
    if (VENUE_WORDS.has(first.key) || VENUE_WORDS.has(lastKey)) return mk('place', 'strong');
  }

  // "Former US talk show host…", "Ex-England captain…", "Senior X executives": a time or rank word before a
  // place or body without a title is not part of the name.
  if (n >= 2 && (TIME_MODIFIERS.has(first.key) || RANK_WORDS.has(first.key)) && !toks.slice(a + 1, b).some((t) => ROLE_HEADS.has(t.key))) {
    return classify(text, toks, a + 1, b, sentence, lowerSeen, capsMid, sports, undefined);
  }

  // "Singer X Y", "Featuring X Y", "BBC X Y": a role noun or ordinary word opening the sentence, or an
  // acronym, before a given name is not part of the name.
  // A sentence-initial word this text writes in lower case (or its singular: "Defenders"), or a verb form
  // ("Called X"), before a name.
  const singular = first.key.endsWith('s') ? first.key.slice(0, -1) : '';
  const ordinaryFirst = first.initial && (lowerSeen.has(first.key) || lowerSeen.has(singular) || ROLE_NOUNS.has(singular) || ORG_NOUNS_BEFORE.has(singular));
  // A noun saying what the named is ("Comedian", "Defenders", "Bookmaker"), a party or a nationality
  // ("Conservative", "Frenchman") before a name of two words or more is not part of it.
  const typeNoun = isTypeNoun(first.key) || isTypeNoun(singular);
  const second = toks[a + 1];
  const lead = n >= 2 && !FIRST_NAMES.has(first.key) && !ROLE_HEADS.has(first.key) && !ROLE_MODIFIERS.has(first.key)
    && ((n >= 3 && first.initial && typeNoun)
      || (n >= 3 && second.word && second.cap && !second.allCaps && (AFFILIATIONS.has(first.key) || AFFILIATIONS.has(singular)))
      || (n >= 3 && typeNoun && (FIRST_NAMES.has(second.key) || first.allCaps))
      || (n >= 3 && FIRST_NAMES.has(second.key) && (ordinaryFirst || first.allCaps))
      || (n === 2 && first.initial && !toks[a + 1].allCaps
        && ((ordinaryFirst && /(?:ed|ing|ly)$/.test(first.key)) || (first.key.length >= 6 && /ed$/.test(first.key)) || ROLE_NOUNS.has(singular) || ORG_NOUNS_BEFORE.has(singular))));
  if (lead) {
    const f = classify(text, toks, a + 1, b, sentence, lowerSeen, capsMid, sports, undefined);
    // "Bookmakers X", "Bookmaker X": the noun says what X is.
    const noun = ORG_NOUNS_BEFORE.has(first.key) ? first.key : singular;
    if (f?.kind === 'person' && ORG_NOUNS_BEFORE.has(noun) && !ROLE_NOUNS.has(noun)) {
      f.kind = 'organization';
      f.cue = 'strong';
    }
    if (f?.kind === 'person' && !f.role && isTradeNoun(first.key)) {
      f.role = first.text;
      f.cue = 'strong';
    }
    return f;
  }

  // Titles before the name: "Gen. Charles Brown", "U.S. Secretary of Defense Mark Esper".
  let nameStart = a;
  let roleFrom = a; // where the role starts: a trade after other words is the role alone
  let sawHead = false;
  let honorificOnly = true;
  for (let i = a; i < b - 1; i++) {
    const t = toks[i];
    if (!isRoleWord(t) && !(t.word && !t.cap)) break;
    if (ROLE_HEADS.has(t.key)) {
      sawHead = true;
      if (!HONORIFICS.has(t.key)) honorificOnly = false;
      nameStart = i + 1;
    } else if (sawHead && ROLE_MODIFIERS.has(t.key) && !PLACE_WORDS.has(t.key)) nameStart = i + 1;
    else if (sawHead && (PLACE_WORDS.has(t.key) || (t.allCaps && t.key.length <= 4) || !t.cap)) nameStart = i + 1;
  }
  // A title after other capitalised words: "Sport Secretary Tessa Jowell", "Bank of England Governor X",
  // also after a title's first word: "Chief Treasury Secretary X".
  if (!sawHead || toks.slice(nameStart + 1, b - 1).some((t) => t.cap && ROLE_HEADS.has(t.key) && !HONORIFICS.has(t.key))) {
    for (let h = b - 2; h > Math.max(a, nameStart - 1); h--) {
      const t = toks[h];
      // Or a trade before a given name: "X Singer Bruce Y", "X Cinematographer John Y".
      const trade = t.cap && isTradeNoun(t.key) && h + 2 < b && FIRST_NAMES.has(toks[h + 1].key);
      if (!(t.cap && ROLE_HEADS.has(t.key) && !HONORIFICS.has(t.key)) && !trade) continue;
      let i = h + 1;
      while (i < b - 1 && toks[i].word && ROLE_MODIFIERS.has(toks[i].key) && !FIRST_NAMES.has(toks[i].key)) {
        const conn = !toks[i].cap;
        i++;
        if (conn) while (i < b - 1 && (PLACE_WORDS.has(toks[i].key) || !toks[i].cap)) i++;
      }
      sawHead = true;
      honorificOnly = false;
      nameStart = i;
      if (trade && !ROLE_HEADS.has(t.key)) roleFrom = h;
      break;
    }
  }
  // "American Andy Roddick": a nationality before a given name.
  if (!sawHead && b - a >= 3 && DEMONYMS.has(first.key) && FIRST_NAMES.has(toks[a + 1].key)) {
    sawHead = true;
    honorificOnly = false;
    nameStart = a + 1;
  }
  // "Chancellor of the Exchequer X Y", "Secretary of State for Health X Y": the object of an office ends
  // where a given name starts a name of two words or more.
  if (sawHead && nameStart > a && toks[nameStart - 1].word && !toks[nameStart - 1].cap) {
    for (let g = nameStart + 1; g < b - 1; g++) {
      if (!toks[g].word) break;
      if (FIRST_NAMES.has(toks[g].key) && toks[g + 1].word && toks[g + 1].cap) {
        nameStart = g;
        break;
      }
    }
  }
  // Do not eat a surname: keep at least one word and never start the name on a connector.
  while (nameStart < b && !(toks[nameStart].word && toks[nameStart].cap)) nameStart++;
  if (nameStart >= b) {
    if (!sawHead) nameStart = a;
    else return undefined; // a bare title: "the Secretary of State"
  }
  let role: string | undefined;
  let cue: Cue = 'weak';
  let kind: EntityKind | undefined;
  if (sawHead && nameStart > a) {
    kind = 'person';
    cue = 'strong';
    let roleStart = toks[roleFrom].start;
    // "North Korea's First Vice Foreign Minister Choe Son-hui": the owner is part of the role.
    if (prevRun && prevRun[1] === a && toks[a - 1].poss) roleStart = toks[prevRun[0]].start;
    if (!honorificOnly) role = text.slice(roleStart, toks[nameStart - 1].end);
  }
  // After a title, a name ends before "of"/"for": "President Bush of the United States".
  let nameEnd = b;
  if (sawHead) {
    for (let i = nameStart; i < b; i++) {
      if (toks[i].word && !toks[i].cap && OF_CONNECTORS.has(toks[i].key)) {
        nameEnd = i;
        break;
      }
    }
  }
  // Letters after the name are not part of it: "X Y MP", "X Y QC".
  while (nameEnd - nameStart >= 3 && toks[nameEnd - 1].allCaps && POST_NOMINALS.has(toks[nameEnd - 1].key) && toks[nameEnd - 1].key !== 'jr' && toks[nameEnd - 1].key !== 'sr') nameEnd--;
  // "Lord of the Rings", "Prince of Thieves": a title joined by "of" to what follows is a work or a body,
  // not a person named after the title.
  if (sawHead && nameStart > a && !toks.slice(nameStart, b - 1).some((t) => TITLES.has(t.key)) && toks[nameStart - 1].word && !toks[nameStart - 1].cap && OF_CONNECTORS.has(toks[nameStart - 1].key === 'the' ? (toks[nameStart - 2]?.key ?? '') : toks[nameStart - 1].key)) {
    return mk('organization', 'weak');
  }
  const nameToks = toks.slice(nameStart, nameEnd);
  if (sawHead && nameToks.every((t) => !t.word || ROLE_MODIFIERS.has(t.key) || ROLE_HEADS.has(t.key))) return undefined;
  const nm = nameToks.filter((t) => t.word);

  // Lower-case role just before the name: "North Korean leader Kim Jong-un", "counselor Kellyanne Conway".
  if (!role && prev?.word && !prev.cap && ROLE_NOUNS.has(prev.key) && first.start - prev.end <= 1) {
    let s = a - 1;
    while (s > 0) {
      const t = toks[s - 1];
      if (!t.word || DETERMINERS.has(t.key) || (t.initial && COMMON_CAPS.has(t.key))) break;
      if (!(t.cap || ROLE_NOUNS.has(t.key) || t.text.includes('-') || (ROLE_MODIFIERS.has(t.key) && !CONNECTOR_WORDS.has(t.key)))) break;
      if (a - s >= 8) break;
      s--;
    }
    role = text.slice(toks[s].start, prev.end);
    kind = 'person';
    cue = 'strong';
  }
  // Appositions: "Jenny Town, managing editor at …," and "China's ambassador to the UN, Zhang Jun,".
  // A peer's style alone ("Lord Woolf") gives way to the office set off before it ("The Lord Chief Justice,
  // Lord Woolf,").
  if ((!role || PEERAGE.has(tokKey(role.trim()))) && nm.length >= 1) {
    const apposed = appositionAfter(text, toks, nameEnd) ?? appositionBefore(text, toks, nameStart);
    if (apposed) {
      role = apposed;
      kind = 'person';
      cue = 'strong';
    }
  }

  const nKey = nm.map((t) => t.key).join(' ');
  const firstKey = nm[0]?.key ?? '';
  if (!kind) {
    const single = nm.length === 1;
    const t0 = nm[0];
    if (single && next?.text === '-' && next.start === t0.end && next2?.word && WHERE_JOINED.has(next2.key) && !DEMONYMS.has(nKey)) {
      // "Galway-based", "Leuven-born": a place.
      kind = 'place';
      cue = 'strong';
    } else if (single && (t0.allCaps || /^(?:\p{Lu}\.){2,}$/u.test(t0.text))) {
      kind = PLACES.has(nKey) ? 'place' : 'organization';
      cue = 'strong';
    } else if (single && isSportsClub(toks, nameStart, nameEnd, sports)) {
      kind = 'organization';
      cue = 'strong';
    } else if (prev?.word && HONORIFICS.has(prev.key)) {
      kind = 'person';
      cue = 'strong';
    } else if (next?.text === ',' && next2?.key === 'who') {
      kind = 'person';
      cue = 'strong';
    } else if (!single && isTitleOrProduct(nm, nameToks)) {
      kind = 'organization';
      cue = 'weak';
    } else if (!single && FIRST_NAMES.has(firstKey) && !PLACES.has(nKey)) {
      kind = 'person';
      cue = 'strong';
    } else if (!single && isClubRun(toks, nameStart, nameEnd, sports)) {
      kind = 'organization';
      cue = 'strong';
    } else if (single && prev?.word && PLACE_PREV.has(prev.key) && !sports) {
      kind = 'place';
      cue = 'weak';
    } else if (single) {
      kind = 'organization'; // a lone unknown word is more often a company or body than a person
      cue = 'weak';
    } else {
      // Several capitalised words with a place among them are a body ("Korea Peace Now"), else a person.
      const bodyWord = nm.some((t) => PLACES.has(t.key) || ORG_SUFFIXES.has(t.key) || DEMONYMS.has(t.key));
      // Every word also written in lower case here: a title of a work or a slogan, not a person.
      const ordinary = nm.every((t) => lowerSeen.has(t.key) || COMMON_CAPS.has(t.key));
      // A person's name does not start with a word this text writes in lower case, nor with a gerund
      // ("Finding …", "Thinking …"); given names that are words are in FIRST_NAMES, checked above.
      const wordFirst = !PARTICLES.has(firstKey) && (lowerSeen.has(firstKey) || (firstKey.length >= 6 && firstKey.endsWith('ing')));
      kind = nm.length >= 5 || bodyWord || ordinary || wordFirst ? 'organization' : COMPASS.has(firstKey) ? 'place' : 'person';
      cue = 'weak';
    }
  }
  // "the X Y" with X Y heading the noun phrase, or "firm X Y": a body or a work, not a person.
  const before = toks[nameStart - 1];
  const after = toks[nameEnd];
  if (kind === 'person' && !role && (isOrgCue(before, after) || businessAfter(toks, nameEnd))) {
    kind = 'organization';
    cue = 'strong';
  }
  // A name only guessed to be a person that a work noun follows ("X Y magazine", "X Y show"), that stands
  // alone in quotation marks, or that ends in a plural acronym ("X DVDs") is a work or a thing.
  // So is one written after "the" ("the X Y scheme").
  if (kind === 'person' && cue === 'weak' && !role && (workNounAfter(after) || quotedAlone(before, after, toks[nameEnd - 1]) || PLURAL_ACRONYM_RE.test(toks[nameEnd - 1].text)
    || (before?.word === true && before.key === 'the' && !nm.some((t) => FIRST_NAMES.has(t.key))))) {
    kind = 'organization';
    cue = quotedAlone(before, after, toks[nameEnd - 1]) || workNounAfter(after) ? 'strong' : 'weak';
  }
  if (kind === 'person') {
    // Honorifics are not roles ("Mr Blair" → "Blair").
    if (role && HONORIFICS.has(tokKey(role.trim()))) role = undefined;
  }
  const endTok = nameToks[nameToks.length - 1];
  if (!endTok) return undefined;
  const f = mk(kind, cue, nameStart, nameEnd);
  if (nameEnd !== b) f.end = endTok.end;
  if (kind === 'person' && role) f.role = role.trim();
  return f;
}

