// One article resolved on its own: a lone surname or given name is the full name the article writes,
// a short body name the longer one it names ("Security Council" → "UN Security Council"), and an
// acronym right after a name stands for it.

import { FIRST_NAMES } from './gazetteer.ts';
import type { Site } from './entityGroups.ts';
import { firstWord, initials, isQualifierPrefix, lastWord, wordCount } from './entityKeys.ts';

export /** One article: lone surnames/first names → the full name; short org names → the longer one; acronyms. */
function resolveLocally(sites: Site[]): void {
  const persons = new Map<string, { key: string; count: number; strong: boolean }>(); // word → full name
  const attested = new Set<string>(); // full names with a title, role or given-name cue here
  const orgs: string[] = [];
  const orgCount = new Map<string, number>();
  for (const s of sites) {
    const words = wordCount(s.key);
    if (s.kind === 'person' && words >= 2) {
      if (!s.weak) attested.add(s.key);
      // A word stands for the full name written with a title, role or given name before one that is
      // only a guess ("Vote X" in a slogan does not take X's mentions); else for the later of two names
      // written once.
      const strong = !s.weak;
      for (const w of [firstWord(s.key), lastWord(s.key)]) {
        const cur = persons.get(w);
        if (!cur) persons.set(w, { key: s.key, count: 1, strong });
        else if (cur.key === s.key) {
          cur.count++;
          cur.strong ||= strong;
        } else if ((strong && !cur.strong) || (cur.count <= 1 && w === lastWord(s.key) && (strong || !cur.strong))) {
          persons.set(w, { key: s.key, count: 1, strong });
        }
      }
    } else if (s.kind === 'organization' && words >= 2) {
      if (!orgCount.has(s.key)) orgs.push(s.key);
      orgCount.set(s.key, (orgCount.get(s.key) ?? 0) + 1);
    }
  }
  for (let i = 0; i < sites.length; i++) {
    const s = sites[i];
    const words = wordCount(s.key);
    if (words === 1 && (s.kind === 'person' || s.weak)) {
      let p = persons.get(s.key);
      // A title before a lone given name ("Prince X", "King X") names another person than the article's
      // "X Y": titles go before surnames.
      if (p && s.role && firstWord(p.key) === s.key && lastWord(p.key) !== s.key) p = undefined;
      if (p && (s.kind === 'person' || attested.has(p.key))) {
        s.target = p.key;
        s.kind = 'person';
        s.weak = false; // the article itself names this person in full
      } else if (p && s.weak && (lastWord(p.key) === s.key || (!FIRST_NAMES.has(s.key) && wordCount(p.key) >= 3))) {
        // A surname written alone beside a full name that is only a guess (or a family name written first,
        // "Ri" of "Ri Song Chol"): both stay guesses, but the short form is evidence that the full name is
        // a person's (see entityKinds.ts).
        s.target = p.key;
        s.kind = 'person';
      }
    } else if (s.kind === 'organization' && words >= 2) {
      // "Security Council" → "UN Security Council" when the article names exactly one such body.
      let best: string | undefined;
      for (const o of orgs) {
        if (o.length > s.key.length && o.endsWith(' ' + s.key) && isQualifierPrefix(o, s.key)) {
          if (best && best !== o) {
            best = undefined;
            break;
          }
          best = o;
        }
      }
      if (best) s.target = best;
    }
    // "Foundation for Defense of Democracies (FDD)": an acronym written right after the name.
    const prev = sites[i - 1];
    if (prev && words === 1 && s.surface === s.surface.toUpperCase() && s.start - prev.end >= 1 && s.start - prev.end <= 3
      && prev.sentence === s.sentence && wordCount(prev.key) >= 2 && initials(prev.key) === s.key.replace(/ /g, '')) {
      s.target = prev.target;
      s.acronymOf = prev.target;
      s.kind = prev.kind;
    }
  }
}
