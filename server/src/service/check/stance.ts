// The side a subject takes on a plan, a bill or a deal: "came out against the government's latest
// proposal" against the source's "welcomed the latest proposal", "opposed the pipeline project" against
// "the project has the support of …". The other side, taken on the same thing in a passage backing the
// rest of the claim, contradicts it.

import { searchTerm } from '../corpus/sentenceIndex.ts';
import type { EvidenceUnit } from './evidence.ts';
import type { AlignedOpposite } from './antonym.ts';
import { shownAsOpposite, turnedRound } from './turnedRound.ts';

const AGAINST = String.raw`(?:opposes|opposed|opposing|oppose|(?:came|come|comes|coming|spoke|spoken|speak|speaks|speaking)\s+out\s+against|criticised|criticized|criticises|criticizes|criticising|criticizing|condemned|condemns|condemning|denounced|denounces|objected\s+to|objects\s+to|hostile\s+to|(?:is|are|was|were)\s+against|(?:ruled|rules|ruling|voted|votes|voting|decided|found|campaigned|campaigns|argued|argues)\s+against)`;
const FOR = String.raw`(?:welcomed|welcomes|welcoming|backed|backs|backing|supported|supports|supporting|endorsed|endorses|endorsing|praised|praises|praising|applauded|hailed|(?:came|come|comes|coming|spoke|spoken|speaks|speaking)\s+out\s+(?:in\s+favou?r\s+of|for)|(?:is|are|was|were)\s+in\s+favou?r\s+of|(?:ruled|rules|ruling|voted|votes|voting|decided|found|campaigned|campaigns|argued|argues)\s+in\s+favou?r\s+of|(?:the|its|their|his|her)\s+(?:full\s+|strong\s+)?(?:support|backing)\s+of)`;
const SIDES: Array<[-1 | 1, RegExp]> = [
  [-1, new RegExp(String.raw`\b${AGAINST}\b`, 'giu')],
  [1, new RegExp(String.raw`\b${FOR}\b`, 'giu')],
];

/** Words either side of a stance that name what it is taken on. */
const REACH = 6;
const WORD = /[\p{L}][\p{L}'’-]*/gu;

interface Stance {
  side: -1 | 1;
  start: number;
  end: number;
  text: string;
  /** Stems of the content words after it (the claim's) or around it (a source's). */
  near: Set<string>;
}

function stems(words: string[]): Set<string> {
  const out = new Set<string>();
  for (const w of words) {
    const t = searchTerm(w.toLowerCase().replace(/['’]s$/, ''));
    if (t && t.length >= 3) out.add(t);
  }
  return out;
}

/** Stances a text writes; `around`: the words on either side count as their object, else only after. */
function stancesIn(text: string, around: boolean): Stance[] {
  const out: Stance[] = [];
  for (const [side, re] of SIDES) {
    for (const m of text.matchAll(re)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      // Up to the end of the clause after it; before it too for a source ("the project has the support of").
      const after = (text.slice(end).split(/[.;:!?]/)[0].match(WORD) ?? []).slice(0, REACH);
      const before = around ? (text.slice(0, start).split(/[.;:!?]/).pop()?.match(WORD) ?? []).slice(-REACH) : [];
      out.push({ side, start, end, text: m[0], near: stems([...before, ...after]) });
    }
  }
  return out;
}

/**
 * The other side taken on what the claim's stance is taken on (a content word of its object written
 * beside the source's), in a passage backing the rest of the claim that takes the claim's side nowhere.
 */
export function turnedStance(claimSentence: string, units: readonly EvidenceUnit[]): AlignedOpposite | undefined {
  return shownAsOpposite(
    turnedRound(
      stancesIn(claimSentence, false).filter((c) => c.near.size > 0),
      units,
      (text) => stancesIn(text, true),
      (c, t) => t.side === c.side,
      (c, t) => t.side !== c.side && [...c.near].some((w) => t.near.has(w)),
    ),
  );
}
