// The per-sentence analyses of an indexed article as the index keeps them. A large corpus holds millions
// of mentions, figures and quotes, and the objects the analysis hands over are often bigger than they need
// be: an object that arrives from a worker thread (structured clone), or gains a property after it was
// made, keeps its properties past the fourth in a separate array (40 bytes more), and a cloned object
// brings its own copy of every string ("person", "USD", a quote's words). Each object is made anew as an
// object literal (same properties, same order, all inside the object; a spread copy keeps the separate
// array), its short strings are interned (one "person" for the corpus), and a quote's text becomes a slice
// of the article's text (as the analysis made it).

import type { Mention, Quantity, Quote } from '../types.ts';
import { remadeMention } from './names.ts';

/** Returns the one string kept for this spelling. */
export type Intern = (s: string) => string;

/** Mentions are made anew as the analysis makes them (a spread copy of one with five properties or more
 *  keeps its fifth in a separate array). */
export function compactMentions(mentions: Mention[], intern: Intern): Mention[] {
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    mentions[i] = remadeMention(m.start, m.end, intern(m.text), intern(m.kind) as Mention['kind'], m.role === undefined ? undefined : intern(m.role), m.weak === true);
  }
  return mentions;
}

/** Each figure made anew as a literal with its properties inside the object (the analysis adds a unit or
 *  a qualifier after making one, which puts them in a separate array, as does a copy between threads),
 *  with the same properties in the same order; a date's month and day are rare and keep a spread copy. */
export function compactQuantities(quantities: Quantity[], intern: Intern): Quantity[] {
  for (let i = 0; i < quantities.length; i++) {
    const q = quantities[i];
    const { start, end, value, month, day } = q;
    const kind = intern(q.kind) as Quantity['kind'];
    const text = intern(q.text);
    const unit = q.unit === undefined ? undefined : intern(q.unit);
    const approx = q.approx === undefined ? undefined : (intern(q.approx) as Quantity['approx']);
    let copy: Quantity;
    if (month !== undefined || day !== undefined) {
      copy = { ...q, kind, text };
      if (unit !== undefined) copy.unit = unit;
      if (approx !== undefined) copy.approx = approx;
    } else if (unit === undefined) {
      copy = approx === undefined ? { start, end, kind, text, value } : { start, end, kind, text, value, approx };
    } else {
      copy = approx === undefined ? { start, end, kind, text, value, unit } : { start, end, kind, text, value, unit, approx };
    }
    quantities[i] = copy;
  }
  return quantities;
}

/** `text` is the article's text, which the quotes' offsets are in: a quote's text becomes a slice of it
 *  (as the analysis made it). Made anew as literals, as figures are. */
export function compactQuotes(quotes: Quote[], text: string, intern: Intern): Quote[] {
  for (let i = 0; i < quotes.length; i++) {
    const q = quotes[i];
    const slice = text.slice(q.innerStart, q.innerEnd);
    const inner = slice === q.text ? slice : q.text;
    const { start, end, innerStart, innerEnd, speaker } = q;
    quotes[i] = speaker === undefined ? { start, end, text: inner, innerStart, innerEnd } : { start, end, text: inner, innerStart, innerEnd, speaker: intern(speaker) };
  }
  return quotes;
}
