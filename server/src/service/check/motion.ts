// A level reached against a level kept: "The unemployment rate edged down to 5.4%" against the source's
// "The unemployment rate stayed at 5.4%", "raised rates to 4.75%" against "kept rates at 4.75%", or the
// reverse. The figure is the same, so only the verb before it tells them apart.

import type { Quantity } from '../types.ts';
import { compareQuantities } from '../text/numbers.ts';
import type { EvidenceUnit } from './evidence.ts';
import type { AlignedOpposite } from './antonym.ts';
import { shownAsOpposite, turnedRound } from './turnedRound.ts';

/** Up to four words (an object: "raised interest rates to") between a verb and the figure's preposition. */
const BETWEEN = String.raw`(?:\s+[\p{L}'’-]+){0,4}?`;
/** A verb of change before the level it reached ("edged down to", "cut rates to") or left ("fell from"). */
const MOVED = new RegExp(
  String.raw`\b(?:rose|risen|rise|rises|rising|fell|fallen|fall|falls|falling|climbed|climbs|climbing|dropped|drops|dropping|dipped|dips|slipped|slips|jumped|jumps|increased|increases|decreased|decreases|declined|declines|grew|grown|grows|shrank|shrunk|shrinks|tumbled|soared|plunged|rebounded|recovered|eased|eases|edged|edges|inched|crept|ticked|slid|sank|surged|leapt|leaped|cut|cuts|raised|raises|lowered|lowers|lifted|lifts|hiked|reduced|reduces|trimmed)${BETWEEN}\s+(?:to|from)\s+$`,
  'iu',
);
/** A verb of no change before the level kept ("stayed at", "kept rates at", "was unchanged at"). */
const KEPT = new RegExp(
  String.raw`\b(?:stayed|stays|staying|remained|remains|remaining|held|holds|holding|kept|keeps|keeping|unchanged|steady|flat|stuck|frozen|left|leaves|leaving)${BETWEEN}\s+(?:at|on)\s+$`,
  'iu',
);

type Motion = 'moved' | 'kept';

interface Level {
  motion: Motion;
  figure: Quantity;
  /** The verb phrase before the figure, as written, and its offsets in the text. */
  start: number;
  end: number;
  text: string;
}

/** The figures of a text written as a level reached or kept, with the verb before each. */
function levelsIn(text: string, figures: readonly Quantity[], offset: number): Level[] {
  const out: Level[] = [];
  for (const figure of figures) {
    const at = figure.start - offset;
    const before = text.slice(Math.max(0, at - 60), at);
    for (const [motion, re] of [['moved', MOVED], ['kept', KEPT]] as const) {
      const m = re.exec(before);
      if (!m) continue;
      const start = at - before.length + (m.index ?? 0);
      const written = text.slice(start, at).trimEnd();
      out.push({ motion, figure, start, end: start + written.length, text: written });
    }
  }
  return out;
}

/**
 * A figure the claim gives as a level reached (or kept) that a backing passage gives as kept (or
 * reached), where the passage does not also write it the claim's way. `claimStart` is the claim
 * sentence's offset in the draft (the figures' offsets are the draft's).
 */
export function turnedMotion(claimSentence: string, claimStart: number, figures: readonly Quantity[], units: readonly EvidenceUnit[]): AlignedOpposite | undefined {
  const sameFigure = (c: Level, t: Level) => compareQuantities(c.figure, t.figure) === 'same';
  return shownAsOpposite(
    turnedRound(
      levelsIn(claimSentence, figures, claimStart),
      units,
      (text, sentence) => levelsIn(text, sentence.quantities, sentence.start),
      (c, t) => sameFigure(c, t) && t.motion === c.motion,
      (c, t) => sameFigure(c, t) && t.motion !== c.motion,
    ),
  );
}
