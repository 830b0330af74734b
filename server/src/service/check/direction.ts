// The direction a figure gives a change or a comparison: "2.1% more cars", "shares 3% higher", "sales
// down 3.1%". The same figure with the other direction ("2.1% fewer") says the opposite: it is a rival
// value, not a backing one.

/** A figure's direction and the span that states it with the figure ("2.1% fewer"). */
export interface FigureDirection {
  sign: 1 | -1;
  start: number;
  end: number;
  /** The figure with its direction, as written. */
  text: string;
}

/** Words after a figure giving a direction ("2.1% more"); the down words are the ones that turn it. */
const COMPARATIVES = ['more', 'higher', 'greater', 'larger', 'bigger', 'fewer', 'less', 'lower', 'smaller'];
const DOWN = new Set(['fewer', 'less', 'lower', 'smaller', 'down', 'below', 'short of']);

const AFTER = new RegExp(`^\\s+(${COMPARATIVES.join('|')})\\b`, 'i');
const AFTER_PLAIN = /^\s+(up|down)\b(?!\s+(?:to|from)\b)/i;
/** Words before a figure: "up 3%", and a comparison with another figure ("2.3%, above the 2.5% forecast",
 *  "short of the 2.5% predicted", "below the 3% target"). */
const BEFORE = /\b(up|down|above|below|short\s+of)\s+(?:the\s+)?$/i;

/** The direction of the figure at `start`–`end` of `text`, if a word next to it gives one ("2.1% more",
 *  "26% fewer than a year earlier", "down 3.1%"). "More than" before the figure ("more than 40") is an
 *  approximation, not a direction. */
export function figureDirection(text: string, start: number, end: number): FigureDirection | undefined {
  const after = text.slice(end, end + 16);
  const m = AFTER.exec(after) ?? AFTER_PLAIN.exec(after);
  const at = (from: number, to: number, word: string): FigureDirection => ({ sign: signOf(word), start: from, end: to, text: text.slice(from, to) });
  if (m) return at(start, end + m[0].length, m[1]);
  const b = BEFORE.exec(text.slice(Math.max(0, start - 14), start));
  if (b) return at(start - b[0].length, end, b[1]);
  return undefined;
}

function signOf(word: string): 1 | -1 {
  return DOWN.has(word.toLowerCase().replace(/\s+/g, ' ')) ? -1 : 1;
}

/** Whether two directions say the opposite (either may be unsaid). */
export function opposite(a: FigureDirection | undefined, b: FigureDirection | undefined): boolean {
  return !!a && !!b && a.sign !== b.sign;
}
