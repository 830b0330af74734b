// Bylines and credits: "By X", "By X and Y", "Reporting by X; Editing by Y", "Additional reporting by X"
// name people, with the role the credit gives (reporter, editor, writer). A credit is a short line of its
// own made only of credit words and names; its names are people whether or not a given-name list knows them.

import type { Found, Tok } from './nameTokens.ts';

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
