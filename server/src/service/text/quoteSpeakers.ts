// Who a sentence says spoke a quotation: the words just after the quote (`," Conway said`) or before it
// (`Biegun told reporters: "`), within the sentence and never across a neighbouring quote, so the total
// work stays linear.

import type { Quote } from '../types.ts';
import { isWordChar, type Found } from './quoteMarks.ts';
import { ABBREVIATIONS, sentenceStart } from './sentenceStart.ts';
import { ATTRIBUTION_VERBS, VERB_HINT } from './sayingVerbs.ts';
import { ROLE_MODIFIERS, ROLE_NOUNS } from '../corpus/gazetteer.ts';

// Words between a subject and its verb: "he later said", "Conway has repeatedly warned".
const AUXILIARIES = new Set(['has', 'have', 'had', 'also', 'later', 'then', 'again', 'previously', 'would', 'will', 'was', 'is', 'once', 'earlier', 'reportedly', 'further', 'separately', 'simply', 'recently', 'repeatedly', 'just', 'subsequently', 'publicly', 'privately', 'bluntly', 'angrily', 'quickly', 'firmly', 'flatly', 'famously', 'memorably']);
const PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'it', 'you']);
const DETERMINERS = new Set(['the', 'a', 'an', 'one', 'another', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'this', 'these', 'those', 'some', 'several', 'many', 'two', 'three', 'four', 'other', 'both', 'each', 'every', 'most']);
// Words that cannot start or form a speaker.
const NOT_SPEAKER = new Set(['and', 'but', 'or', 'so', 'then', 'that', 'which', 'who', 'whom', 'what', 'when', 'while', 'as', 'if', 'because', 'than', 'also', 'there', 'here', 'now', 'not', 'never', 'to', 'in', 'on', 'at', 'by', 'for', 'of', 'from', 'with', 'after', 'before', 'adding', 'saying', 'just', 'however', 'yet', 'still', 'even', 'once', 'where', 'why', 'how', 'all', 'no', 'is', 'was', 'be', 'been', 'being', 'were', 'are', 'it\'s', 'this', 'these']);
// Lower-case words allowed inside a capitalised name: "Secretary of State", "Ludwig van Beethoven".
const NAME_CONNECTORS = new Set(['of', 'de', 'da', 'del', 'der', 'den', 'van', 'von', 'bin', 'al', 'el', 'la', 'le', 'du', 'dos', 'das', 'for', 'and']);
// Capitalised words that start sentences rather than names.
const SENTENCE_STARTERS = new Set(['at', 'in', 'on', 'the', 'but', 'however', 'and', 'yet', 'meanwhile', 'also', 'when', 'while', 'after', 'before', 'earlier', 'later', 'last', 'this', 'that', 'speaking', 'asked', 'still', 'then', 'so', 'as', 'if', 'since', 'for', 'with', 'from', 'a', 'an', 'by', 'during', 'despite', 'although', 'though', 'instead', 'indeed', 'now', 'today', 'yesterday']);
const AFTER_VERB = new Set(['on', 'in', 'at', 'yesterday', 'today', 'tonight', 'last', 'this', 'earlier', 'later', 'afterwards', 'reporters', 'journalists', 'the', 'a', 'an', 'during', 'after', 'before', 'when', 'while', 'via', 'from', 'to']);
/** Words of a role written after a name, at most. */
const ROLE_RUN = 6;
const PREPOSITIONS = new Set(['of', 'in', 'at', 'for', 'from', 'on', 'with']);

const WORD_RE = /[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}'’-]|\.(?=[\p{L}\p{N}]))*|[^\s\p{L}\p{N}]/gu;
const TERMINAL_INSIDE_RE = /[.!?…]['’"”)]*$/;

interface Tok {
  s: number;
  e: number;
  t: string;
  /** Lower case. */
  l: string;
  word: boolean;
  cap: boolean;
}

const CONTEXT = 300;

export function attribute(text: string, found: Found[], quotes: Quote[]): void {
  const fromAfter: boolean[] = [];
  for (let k = 0; k < found.length; k++) {
    const f = found[k];
    const prevEnd = k > 0 ? found[k - 1].end : f.paraStart;
    const nextStart = k + 1 < found.length ? found[k + 1].start : f.paraEnd;
    const beforeFrom = sentenceStart(text, Math.max(prevEnd, f.paraStart, f.start - CONTEXT), f.start);
    const afterTo = Math.max(f.end, Math.min(nextStart, f.paraEnd, f.end + CONTEXT));
    const inner = text.slice(f.innerStart, f.innerEnd);
    const terminal = TERMINAL_INSIDE_RE.test(inner) || /^\s*[.!?]/.test(text.slice(f.end, Math.min(f.end + 3, afterTo)));
    const afterToks = tokens(text.slice(f.end, afterTo));
    const beforeToks = tokens(text.slice(beforeFrom, f.start));
    const afterLower = afterToks.length > 0 && !afterToks[0].cap && afterToks[0].word;
    let speaker: string | undefined;
    let after = false;
    if (!terminal || afterLower) {
      speaker = speakerAfter(afterToks, terminal);
      after = speaker !== undefined;
      speaker ??= speakerBefore(beforeToks);
    } else {
      speaker = speakerBefore(beforeToks);
      if (speaker === undefined) {
        speaker = speakerAfter(afterToks, terminal);
        after = speaker !== undefined;
      }
    }
    if (speaker !== undefined && !isStarter(speaker)) quotes[k].speaker = speaker;
    fromAfter.push(after);
  }
  // Several quotes in one sentence share its attribution: `declared it was "regrettable" and "hostile"`.
  for (let k = 1; k < found.length; k++) {
    if (quotes[k].speaker === undefined && quotes[k - 1].speaker !== undefined && sameSentence(text, found[k - 1], found[k])) {
      quotes[k].speaker = quotes[k - 1].speaker;
    }
  }
  for (let k = found.length - 2; k >= 0; k--) {
    if (quotes[k].speaker === undefined && fromAfter[k + 1] && sameSentence(text, found[k], found[k + 1])) {
      quotes[k].speaker = quotes[k + 1].speaker;
    }
  }
}

function sameSentence(text: string, a: Found, b: Found): boolean {
  if (a.paraStart !== b.paraStart || b.start - a.end > CONTEXT) return false;
  const between = text.slice(a.end, b.start);
  if (/[.!?]\s|\n/.test(between)) return false;
  // A quote that ends its sentence, then a new sentence (outside the marks or inside the next quote's).
  if (TERMINAL_INSIDE_RE.test(text.slice(a.innerStart, a.innerEnd)) && /^\s*[\p{Lu}]/u.test(between + text.slice(b.innerStart, b.innerStart + 1))) return false;
  return true;
}

function tokens(s: string): Tok[] {
  const out = [] as unknown as Toks;
  out.src = s;
  const re = new RegExp(WORD_RE.source, WORD_RE.flags);
  for (let m = re.exec(s); m; m = re.exec(s)) {
    let t = m[0];
    const word = isWordChar(t.charCodeAt(0));
    // Keep the period of "Mr." / "U.S." / "W." with its word.
    if (word && s.charCodeAt(re.lastIndex) === 46 && (t.includes('.') || (t.length === 1 && isUpper(t)) || ABBREVIATIONS.has(t.toLowerCase()))) {
      t += '.';
      re.lastIndex++;
    }
    out.push({ s: m.index, e: m.index + t.length, t, l: t.toLowerCase(), word, cap: word && isUpper(t) });
  }
  return out;
}

function isUpper(t: string): boolean {
  const c = t.charAt(0);
  return c !== c.toLowerCase() && c === c.toUpperCase();
}

function isVerb(tok: Tok | undefined): boolean {
  // Capitalised forms are names ("US State Department", "United States").
  return !!tok && tok.word && !tok.cap && ATTRIBUTION_VERBS.has(tok.l);
}

function isParticiple(tok: Tok): boolean {
  return tok.l.endsWith('ing');
}

function isAccordingTo(toks: Tok[], i: number): boolean {
  return toks[i]?.l === 'according' && toks[i + 1]?.l === 'to';
}

/** `," Conway said`, `," said Conway`, `," Jenny Town, managing editor…, stated`, `," according to X`. */
function speakerAfter(toks: Tok[], terminal: boolean): string | undefined {
  let i = 0;
  while (i < toks.length && !toks[i].word && (toks[i].t === ',' || toks[i].t === '—' || toks[i].t === '–' || toks[i].t === '-')) i++;
  const first = toks[i];
  if (!first || !first.word) return undefined;
  if (isAccordingTo(toks, i)) return nounPhraseForward(toks, i + 2, true)?.text;
  if (isVerb(first) && !isParticiple(first)) {
    const np = nounPhraseForward(toks, i + 1, true);
    if (np) return np.text;
  }
  const np = nounPhraseForward(toks, i, true);
  if (!np) return undefined;
  let j = np.end;
  let speaker = np.text;
  // A role after a name with no commas: `," Dr Mike Watts head of exploration said`.
  if (first.cap && !DETERMINERS.has(first.l) && !SENTENCE_STARTERS.has(first.l) && toks[j]?.t !== ',') {
    let c = i;
    while (c < np.end && (toks[c].cap || (NAME_CONNECTORS.has(toks[c].l) && toks[c + 1]?.cap))) c++;
    const verb = c > i ? roleRunEnd(toks, c) : c;
    if (verb !== c) {
      speaker = join(toks, i, c);
      j = verb;
    }
  }
  if (toks[j]?.t === ',') {
    // Appositive: `Jenny Town, managing editor at 38 North, stated`.
    let k = j + 1;
    // An affiliation left unclosed before the verb: `Jeff Joseph, from the Consumer Electronics Association
    // (CEA) told`.
    const affiliation = AFFILIATION.has(toks[j + 1]?.l ?? '');
    const verbAt = (x: number) => affiliation && x > j + 2 && isVerb(toks[x]) && !isParticiple(toks[x]);
    while (k < toks.length && k - j < 30 && (toks[k].word || toks[k].t === '-' || toks[k].t === '(' || toks[k].t === ')' || toks[k].t === '&') && !verbAt(k)) k++;
    if (verbAt(k)) j = k;
    else if (toks[k]?.t !== ',' || k === j + 1) return undefined;
    else j = k + 1;
  }
  let aux = 0;
  while (aux < 3 && toks[j] && AUXILIARIES.has(toks[j].l)) {
    j++;
    aux++;
  }
  if (!isVerb(toks[j]) || isParticiple(toks[j])) return undefined;
  // After a finished sentence, `He continued: "…"` introduces the next quote, not this one.
  // A new sentence after a finished quote attributes it only when it is just that: `Conway said.`,
  // `he told reporters on Monday.`; `He said the talks…` and `He continued: "…"` are new statements.
  const next = toks[j + 1];
  if (terminal && next && (next.word ? !AFTER_VERB.has(next.l) : next.t === ':' || isQuoteChar(next.t))) return undefined;
  return speaker;
}

/** Where a lower-case role written after a name ends ("head of exploration", "chief executive of the
 *  firm"), when a saying verb follows it; else `j`. */
function roleRunEnd(toks: Tok[], j: number): number {
  const head = toks[j];
  if (!head?.word || head.cap || !(ROLE_NOUNS.has(head.l) || ROLE_MODIFIERS.has(head.l))) return j;
  for (let k = j + 1; k < toks.length && k - j <= ROLE_RUN; k++) {
    const t = toks[k];
    if (!t.word) return j;
    if (isVerb(t)) return k;
    if (t.cap || (NOT_SPEAKER.has(t.l) && !PREPOSITIONS.has(t.l) && t.l !== 'the')) return j;
  }
  return j;
}

/** `Biegun told reporters: "`, `Biegun declared it was "`, `…deadline, saying: "`, `According to X, "`. */
function speakerBefore(toks: Tok[]): string | undefined {
  for (let k = toks.length - 1; k >= 0; k--) {
    if (isVerb(toks[k]) || isAccordingTo(toks, k)) return speakerOfVerb(toks, k);
  }
  return undefined;
}

/** The speaker of the saying verb (or "according to") at token v, written before it or, for "according
 *  to", after it. */
function speakerOfVerb(toks: Tok[], v: number): string | undefined {
  if (isAccordingTo(toks, v)) return nounPhraseForward(toks, v + 2, true)?.text;
  let k = v - 1;
  let aux = 0;
  while (aux < 3 && k >= 0 && toks[k].word && (AUXILIARIES.has(toks[k].l) || (!toks[k].cap && VERB_ADVERBS.has(toks[k].l)))) {
    k--;
    aux++;
  }
  // A bracketed short form before the verb ("Jeff Joseph, from the Consumer Electronics Association (CEA)
  // told"): the name is before it.
  if (toks[k]?.t === ')') {
    let o = k - 1;
    while (o >= 0 && k - o < 6 && toks[o].t !== '(') o--;
    if (o >= 0 && toks[o].t === '(') k = o - 1;
  }
  // "was quoted as saying"
  if (toks[k]?.l === 'as' && toks[k - 1]?.l === 'quoted') return subject(toks, k);
  if (toks[k]?.l === 'who' && toks[k - 1]?.t === ',') k--;
  if (toks[k]?.t === ',') {
    if (isParticiple(toks[v])) return subject(toks, k);
    // Appositive: `Stephen Biegun, the US envoy, said`.
    let c = k - 1;
    while (c >= 0 && k - c < 30 && toks[c].t !== ',' && (toks[c].word || toks[c].t === '-')) c--;
    if (c < 0 || toks[c].t !== ',') return undefined;
    // A name in apposition to a description: `the envoy to the UN, Jana Holt, said`; not a title written
    // in capitals (`Heizo Takenaka, Japan's Economic and Fiscal Policy Minister, said`).
    if (isNameRun(toks, c + 1, k) && !isTitleRun(toks, c + 1, k)) return join(toks, c + 1, k);
    k = c - 1;
  }
  const np = nounPhraseBackward(toks, k);
  if (np) return np;
  return isParticiple(toks[v]) ? subject(toks, v) : undefined;
}

/** Adverbs written between a speaker and the verb ("Henry afterwards described…"), beside those the
 *  auxiliaries hold ("Holt later said"). */
const VERB_ADVERBS = new Set(['afterwards', 'afterward', 'meanwhile', 'immediately', 'initially', 'now', 'still', 'yesterday', 'today', 'tonight', 'last', 'first', 'himself', 'herself']);

/** Tokens from..to-1 are a title, not a name: they open with an owner ("Japan's …") or end with an
 *  office ("… Policy Minister"). */
function isTitleRun(toks: Tok[], from: number, to: number): boolean {
  return /['’]s$/.test(toks[from].t) || toks[from + 1]?.t === "'s" || ROLE_NOUNS.has(toks[to - 1].l);
}

/** Tokens from..to-1 are one capitalised name ("Jana Holt", "Secretary of State Ed Marr"). */
function isNameRun(toks: Tok[], from: number, to: number): boolean {
  if (to <= from || !toks[from].cap || !toks[to - 1].cap) return false;
  for (let i = from; i < to; i++) {
    const t = toks[i];
    if (!t.word || isVerb(t) || (!t.cap && !NAME_CONNECTORS.has(t.l))) return false;
  }
  return true;
}

/**
 * Who a sentence reports as speaking, quotation marks or not: `Holt told reporters the talks…`,
 * `The rise would continue, said Ms Holt`, `According to Holt, …`, `…, the agency wrote.` Quoted words
 * should be blanked out of `text` first so that a verb inside them does not count.
 */
/** A word that opens a sentence or clause ("While saying…", "When asked…"), read as a speaker's name. */
function isStarter(speaker: string): boolean {
  return SENTENCE_STARTERS.has(speaker.trim().toLowerCase());
}

export function reportedSpeaker(text: string): string | undefined {
  if (!VERB_HINT.test(text)) return undefined;
  const toks = tokens(text);
  for (let v = 0; v < toks.length; v++) {
    if (!isVerb(toks[v]) && !isAccordingTo(toks, v)) continue;
    // `…, said Ms Holt.`: the speaker follows the verb.
    if (!isAccordingTo(toks, v) && !isParticiple(toks[v]) && (v === 0 || toks[v - 1].t === ',')) {
      const np = nounPhraseForward(toks, v + 1, false);
      if (np) return np.text;
    }
    const speaker = speakerOfVerb(toks, v);
    if (speaker !== undefined && !isStarter(speaker)) return speaker;
  }
  return undefined;
}

/** The first name or pronoun that begins a clause before token `end` (the subject of "…, saying:"). */
function subject(toks: Tok[], end: number): string | undefined {
  for (let k = 0; k < end; k++) {
    const t = toks[k];
    if (!t.word) continue;
    if (PRONOUNS.has(t.l) && t.l !== 'it') return t.t;
    if ((t.l === 'the' || t.l === 'a') && (k === 0 || !toks[k - 1].word)) {
      // "The US president has…, describing…"
      const np = nounPhraseForward(toks, k, true);
      if (np && np.end <= end && np.end > k + 1) return np.text;
    }
    if (t.cap && !SENTENCE_STARTERS.has(t.l) && !isVerb(t)) {
      const np = nounPhraseForward(toks, k, false);
      if (np && np.end <= end) return np.text;
    }
  }
  return undefined;
}

/**
 * A speaker starting at token i: a pronoun, a capitalised name ("Jenny Town", "Secretary of State
 * Mike Pompeo"), or, when `loose` (a verb must follow), a short phrase ("the letter", "US officials").
 */
function nounPhraseForward(toks: Tok[], i: number, loose: boolean): { text: string; end: number } | undefined {
  const first = toks[i];
  if (!first || !first.word || isVerb(first) || (NOT_SPEAKER.has(first.l) && !DETERMINERS.has(first.l))) return undefined;
  if (PRONOUNS.has(first.l)) return { text: first.t, end: i + 1 };
  let j = i;
  let last = -1;
  const hasDet = DETERMINERS.has(first.l);
  if (hasDet) {
    if (!loose) return undefined;
    j++;
  }
  // Capitalised run with connectors.
  while (j < toks.length && j - i < 9) {
    const t = toks[j];
    if (t.word && t.cap && !isVerb(t)) {
      last = j++;
      continue;
    }
    if (last >= 0 && t.word && NAME_CONNECTORS.has(t.l) && t.l !== 'and' && toks[j + 1]?.cap) {
      j++;
      continue;
    }
    break;
  }
  if (loose) {
    // Lower-case words of a description: "the letter", "a senior official", "US officials".
    let lower = 0;
    const max = hasDet ? 5 : last >= 0 ? 2 : 2;
    while (j < toks.length && lower < max) {
      const t = toks[j];
      if (!t.word || t.cap || isVerb(t) || AUXILIARIES.has(t.l) || NOT_SPEAKER.has(t.l)) break;
      lower++;
      last = j++;
    }
    // A description before a full name is the name's role: `said digital artist Henry Reichhold`.
    if (lower > 0) {
      let k = j;
      while (k < toks.length && k - j < 5 && toks[k].word && toks[k].cap && !isVerb(toks[k]) && !SENTENCE_STARTERS.has(toks[k].l)) k++;
      if (k - j >= 2) return { text: join(toks, j, k), end: k };
    }
  }
  if (last < 0) return undefined;
  return { text: join(toks, i, last + 1), end: last + 1 };
}

/** Prepositions joining a person to the body they speak for ("of the JCWI", "at the IMF"). */
const AFFILIATION = new Set(['of', 'at', 'from']);

/** A speaker ending at token k: pronoun, the trailing capitalised name, or a determiner phrase. */
function nounPhraseBackward(toks: Tok[], k: number): string | undefined {
  const last = toks[k];
  if (!last || !last.word || isVerb(last)) return undefined;
  if (PRONOUNS.has(last.l)) return last.t;
  if (NOT_SPEAKER.has(last.l) && !last.cap) return undefined;
  if (last.cap) {
    let s = k;
    while (s > 0 && s > k - 8) {
      const p = toks[s - 1];
      if (p.word && p.cap && !isVerb(p)) s--;
      else if (p.word && NAME_CONNECTORS.has(p.l) && !p.cap && toks[s - 2]?.cap && p.l !== 'and') s--;
      else break;
    }
    while (s < k && SENTENCE_STARTERS.has(toks[s].l)) s++;
    if (toks[s].l === 'of' || toks[s].l === 'for') s++;
    // A name inside a prepositional phrase ("the leader of US forces in the Pacific stated"):
    // the speaker is the whole phrase from its determiner.
    if (toks[s - 1]?.l === 'the' && PREPOSITIONS.has(toks[s - 2]?.l ?? '')) {
      // A full name with its affiliation ("Rhian Beynon of the JCWI said"): the person, with it.
      if (AFFILIATION.has(toks[s - 2].l)) {
        let r = s - 2;
        while (r > 0 && toks[r - 1].word && toks[r - 1].cap && !isVerb(toks[r - 1]) && r > s - 7) r--;
        while (r < s - 2 && SENTENCE_STARTERS.has(toks[r].l)) r++;
        if (s - 2 - r >= 2) return join(toks, r, k + 1);
      }
      for (let d = s - 3; d >= 0 && d > s - 14; d--) {
        const t = toks[d];
        if (!t.word || isVerb(t)) break;
        if (DETERMINERS.has(t.l) && !PREPOSITIONS.has(toks[d - 1]?.l ?? '')) return join(toks, d, k + 1);
      }
    }
    return join(toks, s, k + 1);
  }
  // "the ministry", "a senior official", "US officials"
  for (let s = k; s >= 0 && s > k - 6; s--) {
    const t = toks[s];
    if (!t.word || (NOT_SPEAKER.has(t.l) && !DETERMINERS.has(t.l)) || isVerb(t)) break;
    if (DETERMINERS.has(t.l)) return join(toks, s, k + 1);
  }
  let s = k;
  while (s > 0 && toks[s - 1].word && toks[s - 1].cap && s > k - 4) s--;
  return join(toks, s, k + 1);
}

/** The words from..to as written in the context they were read from. */
function join(toks: Tok[], from: number, to: number): string {
  return (toks as Toks).src.slice(toks[from].s, toks[to - 1].e).replace(/\s+/g, ' ');
}

type Toks = Tok[] & { src: string };

function isQuoteChar(t: string): boolean {
  return t === '"' || t === '“' || t === '”' || t === '‘' || t === "'" || t === '„' || t === '«';
}
