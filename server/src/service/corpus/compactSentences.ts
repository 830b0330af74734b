// The per-sentence analyses of an indexed article as the index keeps them. A large corpus holds millions
// of mentions, figures and quotes, and the objects the analysis hands over are often bigger than they need
// be: an object that arrives from a worker thread (structured clone), or gains a property after it was
// made, keeps its properties past the fourth in a separate array (40 bytes more), and a cloned object
// brings its own copy of every string ("person", "USD", a quote's words). Each object is copied by spread
// (same properties, same order, all inside the object), its short strings are interned (one "person" for
// the corpus), and a quote's text becomes a slice of the article's text (as the analysis made it).

import type { Mention, Quantity, Quote } from '../types.ts';
import { newMention } from './names.ts';

/** Returns the one string kept for this spelling. */
export type Intern = (s: string) => string;

/** Replaces each item by a spread copy that `fix` then gives its shared strings. */
function compactEach<T extends object>(items: T[], fix: (copy: T) => void): T[] {
  for (let i = 0; i < items.length; i++) {
    const copy = { ...items[i] };
    fix(copy);
    items[i] = copy;
  }
  return items;
}

/** Mentions are made anew as `newMention` makes them (a spread copy of one with five properties or more
 *  keeps its fifth in a separate array). */
export function compactMentions(mentions: Mention[], intern: Intern): Mention[] {
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    const copy = newMention(m.start, m.end, intern(m.text), intern(m.kind) as Mention['kind'], m.role === undefined ? undefined : intern(m.role), m.weak === true);
    // A role written as nothing stays so (newMention drops an empty one).
    if (m.role === '') copy.role = '';
    mentions[i] = copy;
  }
  return mentions;
}

export function compactQuantities(quantities: Quantity[], intern: Intern): Quantity[] {
  return compactEach(quantities, (q) => {
    q.text = intern(q.text);
    q.kind = intern(q.kind) as Quantity['kind'];
    if (q.unit !== undefined) q.unit = intern(q.unit);
    if (q.approx !== undefined) q.approx = intern(q.approx) as Quantity['approx'];
  });
}

/** `text` is the article's text, which the quotes' offsets are in. */
export function compactQuotes(quotes: Quote[], text: string, intern: Intern): Quote[] {
  return compactEach(quotes, (q) => {
    const slice = text.slice(q.innerStart, q.innerEnd);
    if (slice === q.text) q.text = slice;
    if (q.speaker !== undefined) q.speaker = intern(q.speaker);
  });
}
