// Bylines and credits: "By X", "By X and Y", "Reporting by X; Editing by Y", "Additional reporting by X"
// name people, with the role the credit gives (reporter, editor, writer); so do outlet credits, "X, BBC
// News", "By X, Outlet, Place", "X, Outlet political correspondent". A credit is a short line of its own
// made only of credit words, names and places; its names are people whether or not a given-name list knows them.

import type { Found, Tok } from './nameTokens.ts';
import { ORG_SUFFIXES, PLACES } from './gazetteer.ts';

const CREDIT_ROLES: Record<string, string> = {
  reporting: 'reporter', reported: 'reporter', written: 'writer', writing: 'writer', editing: 'editor', edited: 'editor',
  compiled: 'reporter', photographs: 'photographer', photos: 'photographer', pictures: 'photographer', produced: 'producer',
};
const MAX_CREDIT_WORDS = 16;
const FILLERS = new Set(['and', 'additional', 'with', ',', ';', '&', '.', ':', '|', '-', '–', '—']);

function creditWord(t: Tok): boolean {
  return t.key in CREDIT_ROLES || (t.key.length >= 5 && /(?:ing|ed)$/.test(t.key));
}

/** The people a credit line names, or undefined when the sentence is not a credit. */
export function creditNames(toks: Tok[]): Found[] | undefined {
  let words = 0;
  for (const t of toks) if (t.word) words++;
  if (!words || words > MAX_CREDIT_WORDS) return undefined;
  const out: Found[] = [];
  let role: string | undefined;
  let verb: string | undefined;
  let sawBy = false;
  let i = 0;
  while (i < toks.length) {
    const t = toks[i];
    if (t.word && t.key === 'by') {
      sawBy = true;
      role = verb === undefined ? 'reporter' : CREDIT_ROLES[verb];
      i++;
      continue;
    }
    if (sawBy && t.word && t.cap && !creditWord(t)) {
      const start = i;
      while (i < toks.length && toks[i].word && toks[i].key !== 'and' && toks[i].key !== 'by' && (toks[i].cap || (toks[i].key.length <= 3 && toks[i + 1]?.cap === true))) i++;
      const name = toks.slice(start, i);
      if (name.length < 2 || name.length > 4) return undefined;
      const f: Found = { start: name[0].start, end: name[name.length - 1].end, kind: 'person', cue: 'strong', tokens: name };
      if (role) f.role = role;
      out.push(f);
      continue;
    }
    if (t.word && creditWord(t)) verb = t.key;
    else if (!FILLERS.has(t.key)) return undefined;
    i++;
  }
  return sawBy && out.length ? out : undefined;
}

/** Nouns of a journalist's job written after an outlet: "Outlet correspondent", "Outlet sports editor". */
const CREDIT_NOUNS = new Set(['correspondent', 'reporter', 'editor', 'writer', 'producer', 'photographer', 'presenter', 'journalist', 'columnist', 'analyst', 'reporters', 'staff', 'bureau', 'chief']);
/** Words that make a capitalised run a news outlet ("BBC News", "Sunday Times", "Associated Press"). */
const OUTLET_WORDS = new Set(['news', 'times', 'post', 'journal', 'press', 'reuters', 'agency', 'radio', 'tv', 'television', 'telegraph', 'guardian', 'herald', 'gazette', 'tribune', 'observer', 'daily', 'weekly', 'online', 'magazine', 'wire', 'service', 'sport', 'world', 'newsnight', 'bulletin', 'mail', 'mirror', 'independent', 'express', 'standard', 'chronicle', 'economist']);

/** A run of capitalised words (a lower-case particle between two of them allowed) from `i`: its end. */
function capRun(toks: Tok[], i: number): number {
  let j = i;
  while (j < toks.length && toks[j].word && (toks[j].cap || (toks[j].key.length <= 3 && j > i && toks[j + 1]?.cap === true && toks[j + 1].word))) j++;
  return j;
}

/** An outlet credit, "[By] X Y, Outlet[ job][, Place | in Place]": the person with the job the credit
 *  gives (a reporter when it names only the outlet) and the outlet; undefined when the line is not one. */
export function outletCredit(toks: Tok[]): Found[] | undefined {
  let words = 0;
  for (const t of toks) if (t.word) words++;
  if (!words || words > MAX_CREDIT_WORDS) return undefined;
  let i = 0;
  const by = toks[0]?.key === 'by';
  if (by) i++;
  const nameEnd = capRun(toks, i);
  const name = toks.slice(i, nameEnd);
  if (name.length < 2 || name.length > 4 || toks[nameEnd]?.text !== ',') return undefined;
  const nameKey = name.map((t) => t.key).join(' ');
  if (ORG_SUFFIXES.has(name[name.length - 1].key) || PLACES.has(nameKey)) return undefined;
  // The outlet: capitalised words (and numbers: "BBC News 24"), then perhaps the job in lower case.
  let j = nameEnd + 1;
  const outletStart = j;
  while (j < toks.length && (toks[j].word ? toks[j].cap : /^\p{N}/u.test(toks[j].text))) j++;
  const outletEnd = j;
  if (outletEnd === outletStart || !toks[outletStart].word) return undefined;
  let job = -1;
  while (j < toks.length && toks[j].word && !toks[j].cap && toks[j].key !== 'in') {
    if (CREDIT_NOUNS.has(toks[j].key)) job = j;
    j++;
  }
  // Lower-case words after the outlet must end in a job: "political correspondent", not "said".
  if (j > outletEnd && job !== j - 1) return undefined;
  const roleEnd = job >= 0 ? job + 1 : outletEnd;
  // Then only places: ", Washington", "in Oslo", "and Kabul".
  for (; j < toks.length; j++) {
    const t = toks[j];
    if (t.word ? !(t.cap || t.key === 'in' || t.key === 'and') : !(t.text === ',' || t.text === '.' || t.text === '|' || t.text === '-')) return undefined;
  }
  const outlet = toks.slice(outletStart, outletEnd);
  const outletWords = outlet.filter((t) => t.word);
  const isOutlet = job >= 0 || outletWords.some((t) => OUTLET_WORDS.has(t.key)) || (outletWords.length === 1 && outletWords[0].allCaps);
  if (!isOutlet || (!by && job < 0 && outletWords.length === 0)) return undefined;
  const person: Found = { start: name[0].start, end: name[name.length - 1].end, kind: 'person', cue: 'strong', tokens: name };
  person.role = job >= 0 ? toks.slice(outletStart, roleEnd).map((t) => t.text).join(' ') : 'reporter';
  const org: Found = { start: outlet[0].start, end: outlet[outlet.length - 1].end, kind: 'organization', cue: 'strong', tokens: outlet };
  return [person, org];
}

/** Where the article's byline names its author before the body: a header line of its own ("Peter
 *  Symonds", "By Peter Symonds"), else the front matter's author value; undefined when not written. */
export function bylineSpan(text: string, bodyStart: number, author: string | undefined): { start: number; end: number } | undefined {
  const name = author?.trim();
  if (!name || name.length > 80 || name.split(/\s+/).length > 5 || /[,;&]| and /.test(name)) return undefined;
  const header = text.slice(0, bodyStart);
  let best: number | undefined;
  for (let at = header.indexOf(name); at >= 0; at = header.indexOf(name, at + 1)) {
    const lineStart = header.lastIndexOf('\n', at - 1) + 1;
    const lead = header.slice(lineStart, at);
    if (/^\s*(?:by\s+)?$/i.test(lead) || /^\s*author\s*:\s*["']?$/i.test(lead)) {
      // A header line beats the front matter.
      if (best === undefined || !/author\s*:/i.test(lead)) best = at;
    }
  }
  return best === undefined ? undefined : { start: best, end: best + name.length };
}
