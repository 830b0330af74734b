// Names written one letter off: a source's typo ("Sheffied" for "Sheffield") names the same place.

/** The same word, or one letter off in a long one (a typo: "Sheffied" for "Sheffield"). */
export function misspelt(a: string, b: string): boolean {
  return a === b || (Math.min(a.length, b.length) >= 7 && a.slice(0, 2) === b.slice(0, 2) && oneEditApart(a, b));
}

/** Whether two words differ by one letter left out, added or changed. */
function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
