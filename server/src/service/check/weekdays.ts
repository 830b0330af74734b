// Days of the week: "In a statement on Tuesday" where the passage saying it has "on Thursday", and the
// article never names Tuesday, gives the statement another day. Weekdays are words, not figures the
// number parser reads, so they are compared here.

import type { Quantity } from '../types.ts';

const WEEKDAY = /\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/g;
const NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** The weekdays a text names, as date figures (offsets from `offset`). */
export function weekdaysIn(text: string, offset = 0): Quantity[] {
  const out: Quantity[] = [];
  for (const m of text.matchAll(WEEKDAY)) {
    out.push({ kind: 'date', unit: 'weekday', value: NAMES.indexOf(m[1]) + 1, text: m[1], start: offset + m.index, end: offset + m.index + m[1].length });
  }
  return out;
}

/** Whether a text names the weekday `day`. */
export function namesDay(text: string, day: Quantity): boolean {
  return new RegExp(`\\b${day.text}\\b`).test(text);
}
