// An article's figures as a large corpus keeps them: three numbers each in one Float64Array (where the
// figure is, what kind, unit, qualifier and date it has, its value), the figure objects made only with the
// sentences that hold them. A figure's text is the article's text at its offsets, as the number finder
// took it. A corpus of 50,000 articles holds 815,000 figures: as objects (each with its own text and,
// after a copy between threads, a separate property array) they took 70 MB; packed, 20 MB.

import type { Quantity, QuantityKind } from '../types.ts';
import { float64s } from '../util/slab.ts';

const KINDS: readonly QuantityKind[] = ['money', 'percent', 'number', 'year', 'date', 'duration', 'ordinal'];
const KIND_NO = new Map(KINDS.map((k, i) => [k, i]));
const APPROX: readonly (Quantity['approx'] | undefined)[] = [undefined, 'about', 'over', 'under'];
const APPROX_NO = new Map(APPROX.map((a, i) => [a, i]));

/** Units as the number finder writes them ("USD", "%", "month", "km"), numbered as they are first met;
 *  shared by every index in the process (the finder writes a few dozen). */
const UNITS: Array<string | undefined> = [undefined];
const UNIT_NO = new Map<string | undefined, number>([[undefined, 0]]);
const MAX_UNITS = 256;

// The second number of a figure: its end × 2^22 plus a code of kind (3 bits), qualifier (2), month (4),
// day (5) and unit (8). Exact as long as the end is below 2^31 (a double holds integers to 2^53).
const CODE = 2 ** 22;
const MAX_END = 2 ** 31;

/** An article's figures packed (see above); read them with `figureAt`. */
export type PackedFigures = Float64Array;

function unitNo(unit: string | undefined): number | undefined {
  let no = UNIT_NO.get(unit);
  if (no === undefined && UNITS.length < MAX_UNITS) {
    no = UNITS.length;
    UNITS.push(unit);
    UNIT_NO.set(unit, no);
  }
  return no;
}

const KEYS = new Set(['start', 'end', 'kind', 'text', 'value', 'unit', 'month', 'day', 'approx']);

function inRange(n: number | undefined, max: number): boolean {
  return n === undefined || (Number.isInteger(n) && n >= 1 && n <= max);
}

/** The figures packed, or undefined when one of them does not fit (its text is not the article's at its
 *  offsets, a field the packing has no room for): the article then keeps the objects. */
export function packFigures(items: readonly Quantity[], text: string): PackedFigures | undefined {
  const out = float64s(items.length * 3);
  for (let i = 0; i < items.length; i++) {
    const q = items[i];
    const { start, end } = q;
    const kind = KIND_NO.get(q.kind);
    const approx = APPROX_NO.get(q.approx);
    if (kind === undefined || approx === undefined || !Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end >= MAX_END) return undefined;
    if (!inRange(q.month, 12) || !inRange(q.day, 31) || q.text !== text.slice(start, end)) return undefined;
    for (const key in q) if (!KEYS.has(key)) return undefined;
    const unit = unitNo(q.unit);
    if (unit === undefined) return undefined;
    out[3 * i] = start;
    out[3 * i + 1] = end * CODE + (kind | (approx << 3) | ((q.month ?? 0) << 5) | ((q.day ?? 0) << 9) | (unit << 14));
    out[3 * i + 2] = q.value;
  }
  return out;
}

/** The i-th packed figure, made as the number finder makes it (same properties, same order). */
export function figureAt(p: PackedFigures, i: number, text: string): Quantity {
  const start = p[3 * i];
  const second = p[3 * i + 1];
  const code = second % CODE;
  const end = (second - code) / CODE;
  const q: Quantity = { start, end, kind: KINDS[code & 7], text: text.slice(start, end), value: p[3 * i + 2] };
  const unit = UNITS[code >>> 14];
  const month = (code >>> 5) & 15;
  const day = (code >>> 9) & 31;
  const approx = APPROX[(code >>> 3) & 3];
  if (unit !== undefined) q.unit = unit;
  if (month) q.month = month;
  if (day) q.day = day;
  if (approx) q.approx = approx;
  return q;
}
