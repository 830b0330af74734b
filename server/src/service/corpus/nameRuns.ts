// Capitalised runs: the token ranges of one sentence that may be names (connectors such as "of" and
// "van", middle initials and "&" inside; weekdays, months, contractions and ordinary words outside).

import { COMMON_CAPS, MONTHS, PLACES, ROLE_MODIFIERS, WEEKDAYS } from './gazetteer.ts';
import { ADJ_COMPOUND_TAILS, CONNECTOR_WORDS, GROUP_POSSESSIVES, NOT_NAMES, OF_CONNECTORS, OF_HEADS, PARTICLES, runKey } from './nameCues.ts';
import type { Tok } from './nameTokens.ts';

// "We're", "They've", "Don't": contractions are never names.
const CONTRACTION_RE = /['’](?:re|ve|ll|d|m|t)$/;

/** Plurals of role abbreviations are common nouns ("a group of MPs and peers", "Labour MEPs", "GPs"), never
 *  names ("GPS" is one). */
const ROLE_PLURAL = /^(?:MP|MEP|MSP|MLA|AM|TD|GP|CEO|QC)s$/;

function isNameToken(t: Tok, capsMid: Set<string>): boolean {
  if (!t.word || !t.cap) return false;
  if (ROLE_PLURAL.test(t.text)) return false;
  if (t.text.length === 1) return false; // "I", "A"
  const k = t.key;
  if (WEEKDAYS.has(k) || NOT_NAMES.has(k) || CONTRACTION_RE.test(k)) return false;
  if (t.allCaps && t.text.length >= 6 && !PLACES.has(k) && !capsMid.has(k)) return false;
  if (t.text.includes('-')) {
    const tail = k.slice(k.lastIndexOf('-') + 1);
    if (ADJ_COMPOUND_TAILS.has(tail)) return false; // "Washington-based"
  }
  return true;
}

/** "Separately, …", "Ironically, …": an adverb opening a sentence, set off by a comma, is no name. */
const ADVERB_ENDING = /(?:ally|ately|ently|ously|ively|edly|ingly|fully|arly)$/;
function isSentenceAdverb(t: Tok, next: Tok | undefined): boolean {
  return t.key.length >= 7 && ADVERB_ENDING.test(t.key) && next?.text === ',';
}

/** "Jan" before a surname is a given name ("Jan Egeland"), not January ("Jan 5"). */
function givenName(t: Tok, next: Tok | undefined): boolean {
  return t.key === 'jan' && t.text === 'Jan' && !!next?.word && next.cap && !next.allCaps && next.start === t.end + 1 && !MONTHS.has(next.key) && !WEEKDAYS.has(next.key);
}

export /** Builds capitalised runs (token index ranges) within one sentence. */
function buildRuns(toks: Tok[], capsMid: Set<string>): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let i = 0;
  while (i < toks.length) {
    const t = toks[i];
    if (!isNameToken(t, capsMid) || (MONTHS.has(t.key) && !givenName(t, toks[i + 1])) || (t.initial && isSentenceAdverb(t, toks[i + 1]))) {
      i++;
      continue;
    }
    // Ordinary words never start a name, wherever they stand ("An artist" after a run-in headline).
    const keepsTitle = ROLE_MODIFIERS.has(t.key) && !CONNECTOR_WORDS.has(t.key) && toks[i + 1]?.cap === true;
    if (!t.allCaps && COMMON_CAPS.has(t.key) && !keepsTitle && !startsPlacePhrase(toks, i)) {
      i++;
      continue;
    }
    let j = i + 1;
    let hasHead = OF_HEADS.has(t.key);
    let prev = t;
    while (j < toks.length && !prev.poss) {
      const n = toks[j];
      if (n.glueBreak) break;
      // A middle initial without its period: "George C Scott".
      const initial = n.word && n.text.length === 1 && n.cap && n.text !== 'I' && n.text !== 'A' && prev.word && prev.text.length > 1
        && toks[j + 1]?.word === true && toks[j + 1].cap && toks[j + 1].text.length > 1 && toks[j + 1].start - n.end === 1;
      if (n.word && (initial || isNameToken(n, capsMid))) {
        if (MONTHS.has(n.key) && /^\d/.test(toks[j + 1]?.text ?? '')) break;
        hasHead ||= OF_HEADS.has(n.key);
        prev = n;
        j++;
        continue;
      }
      // Connectors: "Secretary of State", "Foundation for Defense of Democracies", "Ludwig van Beethoven".
      if (n.word && !n.cap) {
        const k = n.key;
        let k2 = j + 1;
        if ((OF_CONNECTORS.has(k) && hasHead) || PARTICLES.has(k)) {
          if (OF_CONNECTORS.has(k) && toks[k2]?.key === 'the') k2++;
          const after = toks[k2];
          if (after && after.word && isNameToken(after, capsMid) && !after.glueBreak) {
            prev = after;
            hasHead ||= OF_HEADS.has(after.key);
            j = k2 + 1;
            continue;
          }
        }
      }
      if (n.text === '&' && toks[j + 1]?.cap && toks[j + 1]?.word) {
        prev = toks[j + 1];
        j += 2;
        continue;
      }
      break;
    }
    // Possessive group nouns stay inside: "Democratic People's Republic of Korea".
    while (prev.poss && GROUP_POSSESSIVES.has(prev.key) && j < toks.length && toks[j].word && toks[j].cap) {
      prev = toks[j];
      j++;
      while (j < toks.length && toks[j].word && toks[j].cap && !prev.poss) {
        prev = toks[j];
        j++;
      }
    }
    runs.push([i, j]);
    i = j;
  }
  return runs;
}

function startsPlacePhrase(toks: Tok[], i: number): boolean {
  let key = toks[i].key;
  for (let j = i + 1; j < Math.min(toks.length, i + 4); j++) {
    if (!toks[j].word) break;
    key += ' ' + toks[j].key;
    if (PLACES.has(key)) return true;
  }
  return false;
}

export // In a headline keep only the words the body also uses as names.
function keepKnown(runs: Array<[number, number]>, toks: Tok[], known: Set<string>, names: Set<string>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const push = (s: number, e: number): void => {
    if (names.has(runKey(toks, s, e))) out.push([s, e]);
  };
  for (const [a, b] of runs) {
    let s = -1;
    for (let i = a; i <= b; i++) {
      const ok = i < b && (known.has(toks[i].key) || (!toks[i].cap && s >= 0 && i + 1 < b && known.has(toks[i + 1].key)));
      if (ok && s < 0) s = i;
      if (!ok && s >= 0) {
        push(s, i);
        s = -1;
      }
    }
  }
  return out;
}

