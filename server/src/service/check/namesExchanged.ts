// Two names in each other's places: "turned down a move to Celtic in favour of joining Birmingham" where the
// source says "turned down a move to Birmingham in favour of joining Celtic", "a spoof directed by Niven,
// with Huston in the lead role" for "by Huston, with Niven in the lead role", "Arsenal beat Chelsea" for
// "Chelsea beat Arsenal". Every word of such a claim is in the passage, so nothing else would flag it.
//
// A swap is two names the claim and a passage write in the same frame (the same word before the first, the
// same words between them) the other way round, where no passage writes them the claim's way. Names joined
// by words that say the same either way round ("Blair and Brown", "Blair met Brown", "Arsenal v Chelsea")
// are no swap.

import type { Mention } from '../types.ts';
import { lastWord, nameKey } from '../corpus/entityKeys.ts';
import type { EvidenceUnit } from './evidence.ts';
import type { AlignedOpposite } from './antonym.ts';

/** The claim's words from the first name to the second (offsets in the claim sentence) as `draft`, and the
 *  same words with the two names exchanged as `source`. */
export type NamesExchanged = AlignedOpposite;

/** Words that relate two names the same way in either order. */
const SYMMETRIC = new Set(
  ('and or & v v. vs vs. versus against with met meet meets meeting married marry marries wed faced face faces facing played play plays ' +
    'drew draw draws tied level beside alongside together both talked talks spoke speak merged merge merger between')
    .split(' '),
);

interface Placed {
  key: string;
  start: number;
  end: number;
  text: string;
}

/** The names of a sentence by key (the last word of the name key), each key written once only. */
function placed(text: string, offset: number, mentions: readonly Mention[]): Map<string, Placed> {
  const out = new Map<string, Placed>();
  const twice = new Set<string>();
  for (const m of mentions) {
    const key = lastWord(nameKey(m.text));
    if (!key) continue;
    if (out.has(key)) twice.add(key);
    out.set(key, { key, start: m.start - offset, end: m.end - offset, text: text.slice(m.start - offset, m.end - offset) });
  }
  for (const k of twice) out.delete(k);
  return out;
}

const words = (s: string): string[] => s.toLowerCase().match(/[\p{L}\p{N}&]+(?:['’.][\p{L}]+)*\.?/gu) ?? [];

/** The word written just before `at` ('' at the start). */
function wordBefore(text: string, at: number): string {
  return words(text.slice(Math.max(0, at - 40), at)).pop() ?? '';
}

/** The frame two names are written in: the word before the first, and the words between them. */
function frame(text: string, first: Placed, second: Placed): { before: string; between: string[] } | undefined {
  if (first.end > second.start) return undefined;
  const between = words(text.slice(first.end, second.start));
  if (between.length === 0 || between.length > 8) return undefined;
  return { before: wordBefore(text, first.start), between };
}

const sameFrame = (a: { before: string; between: string[] }, b: { before: string; between: string[] }) =>
  a.before === b.before && a.between.length === b.between.length && a.between.every((w, i) => w === b.between[i]);

/**
 * Two names of the claim a passage writes in the same frame the other way round. `claim` is the claim
 * sentence as written, `start` where it starts in the offsets of `mentions`.
 */
export function exchangedNames(claim: string, start: number, mentions: readonly Mention[], units: readonly EvidenceUnit[]): NamesExchanged | undefined {
  const mine = [...placed(claim, start, mentions).values()].sort((x, y) => x.start - y.start);
  if (mine.length < 2) return undefined;
  const sentences = units.flatMap((unit) => unit.sentences.map((sentence) => ({ unit, sentence, names: placed(sentence.text, sentence.start, sentence.mentions) })));
  for (let i = 0; i < mine.length; i++) {
    for (let j = i + 1; j < mine.length; j++) {
      const [a, b] = [mine[i], mine[j]];
      const written = frame(claim, a, b);
      if (!written || written.between.every((w) => SYMMETRIC.has(w))) continue;
      // Whether a passage writes the names keyed `first` then `second` in the claim's frame.
      const framed = (x: (typeof sentences)[number], first: string, second: string) => {
        const [p, q] = [x.names.get(first), x.names.get(second)];
        const f = p && q && frame(x.sentence.text, p, q);
        return !!f && sameFrame(f, written);
      };
      // A passage writing them the claim's way backs it.
      if (sentences.some((x) => framed(x, a.key, b.key))) continue;
      for (const x of sentences) {
        if (!framed(x, b.key, a.key)) continue;
        const between = claim.slice(a.end, b.start);
        return { sentence: x.sentence, unit: x.unit, start: a.start, end: b.end, draft: claim.slice(a.start, b.end), source: `${b.text}${between}${a.text}` };
      }
    }
  }
  return undefined;
}
