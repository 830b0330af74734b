// Finding and scoring evidence: which source sentences (alone or with a neighbour) cover a claim's
// content words, names and figures.

import type { Article, SourceSentence } from '../api.ts';
import type { Entity, Mention, Quantity } from '../types.ts';
import type { CorpusIndex } from '../corpus/corpusIndex.ts';
import { searchTerm } from '../corpus/corpusIndex.ts';
import { tokenize } from '../text/words.ts';
import { compareQuantities } from '../text/numbers.ts';
import { paraphrasesOf } from './lexicon.ts';

export interface ClaimTerm {
  stem: string;
  weight: number;
  alternatives: string[];
}

export interface ClaimName {
  mention: Mention;
  entity?: Entity;
  /** Content words of the name, for matching when the corpus does not know it. */
  words: string[];
}

export interface EvidenceUnit {
  sentences: SourceSentence[];
  coverage: number;
  /** Names of the claim the unit does not contain. */
  missingNames: ClaimName[];
  /** Claim figures with no equal figure in the unit; `conflict` when the unit has a different one. */
  missingFigures: Array<{ claim: Quantity; conflict?: Quantity; conflictSentence?: SourceSentence }>;
  /** Persons/organisations/places in the unit the claim does not name (candidates for a swap). */
  otherEntities: Entity[];
  negationMismatch: boolean;
}

const NEGATION = /\b(?:not|no|never|none|nobody|nothing|neither|nor|without|n't|cannot|denied|denies|deny|refused|rejected)\b|n['’]t\b/i;

const entitySets = new WeakMap<SourceSentence, Set<string>>();
const termSets = new WeakMap<SourceSentence, Set<string>>();

export function sentenceTerms(s: SourceSentence): Set<string> {
  let set = termSets.get(s);
  if (!set) {
    set = new Set();
    for (const t of tokenize(s.text)) {
      const term = searchTerm(t.norm);
      if (term) set.add(term);
      set.add(`=${t.norm}`);
    }
    termSets.set(s, set);
  }
  return set;
}

export function sentenceEntities(s: SourceSentence, corpus: CorpusIndex): Set<string> {
  let set = entitySets.get(s);
  if (!set) {
    set = new Set();
    for (const m of s.mentions) {
      const e = corpus.resolveMention(m, s.mentions);
      if (e) set.add(e.id);
    }
    entitySets.set(s, set);
  }
  return set;
}

export function claimTerms(text: string, corpus: CorpusIndex): ClaimTerm[] {
  const n = Math.max(1, corpus.sentenceCount);
  const seen = new Set<string>();
  const out: ClaimTerm[] = [];
  for (const t of tokenize(text)) {
    const stem = searchTerm(t.norm);
    if (!stem || seen.has(stem) || /^\d+$/.test(stem)) continue;
    seen.add(stem);
    const alternatives = paraphrasesOf(stem);
    let df = 0;
    for (const a of alternatives) df = Math.max(df, corpus.documentFrequency(a));
    // Words the corpus never uses weigh like the rarest words, not infinitely.
    const weight = Math.log((n + 1) / (Math.max(df, 1) + 0.5));
    out.push({ stem, weight: Math.max(weight, 0.1), alternatives });
  }
  return out;
}

function coverage(terms: ClaimTerm[], sets: Set<string>[]): number {
  let total = 0;
  let got = 0;
  for (const t of terms) {
    total += t.weight;
    if (t.alternatives.some((a) => sets.some((s) => s.has(a)))) got += t.weight;
  }
  return total === 0 ? 0 : got / total;
}

function hasName(name: ClaimName, unit: SourceSentence[], corpus: CorpusIndex): boolean {
  for (const s of unit) {
    if (name.entity && sentenceEntities(s, corpus).has(name.entity.id)) return true;
  }
  if (name.words.length === 0) return true;
  // Written the same way (a name the entity table missed, a place in lower-case context…).
  return unit.some((s) => {
    const terms = sentenceTerms(s);
    return name.words.every((w) => terms.has(`=${w}`));
  });
}

/** Scores a unit of one or two adjacent sentences against the claim. */
export function scoreUnit(
  unit: SourceSentence[],
  terms: ClaimTerm[],
  names: ClaimName[],
  figures: Quantity[],
  claimNegated: boolean,
  corpus: CorpusIndex,
): EvidenceUnit {
  const sets = unit.map(sentenceTerms);
  const missingNames = names.filter((n) => !hasName(n, unit, corpus));
  const missingFigures: EvidenceUnit['missingFigures'] = [];
  for (const q of figures) {
    let same = false;
    let conflict: Quantity | undefined;
    let conflictSentence: SourceSentence | undefined;
    for (const s of unit) {
      for (const u of s.quantities) {
        const c = compareQuantities(q, u);
        if (c === 'same') same = true;
        else if (c === 'different' && !conflict) {
          conflict = u;
          conflictSentence = s;
        }
      }
    }
    if (!same) missingFigures.push({ claim: q, conflict, conflictSentence });
  }
  const claimIds = new Set(names.map((n) => n.entity?.id).filter((x): x is string => !!x));
  const otherEntities: Entity[] = [];
  for (const s of unit) {
    for (const id of sentenceEntities(s, corpus)) {
      if (claimIds.has(id)) continue;
      const e = corpus.entity(id);
      if (e && !otherEntities.includes(e)) otherEntities.push(e);
    }
  }
  const unitNegated = unit.some((s) => NEGATION.test(s.text));
  return {
    sentences: unit,
    coverage: coverage(terms, sets),
    missingNames,
    missingFigures,
    otherEntities,
    negationMismatch: claimNegated !== unitNegated && unit.length === 1,
  };
}

export function isNegated(text: string): boolean {
  return NEGATION.test(text);
}

/** Candidate units: the best-ranked sentences alone and joined with each neighbour. */
export function candidateUnits(corpus: CorpusIndex, query: string, scope: Article[] | undefined, limit: number): SourceSentence[][] {
  let hits = corpus.searchSentences(query, scope ? limit * 20 : limit).map((h) => h.sentence);
  if (scope) {
    const uris = new Set(scope.map((a) => a.uri));
    hits = hits.filter((s) => uris.has(s.uri)).slice(0, limit);
  }
  const units: SourceSentence[][] = [];
  const seen = new Set<string>();
  const add = (u: SourceSentence[]) => {
    const key = u.map((s) => `${s.uri}#${s.index}`).join('|');
    if (!seen.has(key)) {
      seen.add(key);
      units.push(u);
    }
  };
  for (const s of hits) {
    add([s]);
    const article = corpus.article(s.uri);
    if (!article) continue;
    const prev = article.sentences[s.index - 1];
    const next = article.sentences[s.index + 1];
    if (prev) add([prev, s]);
    if (next) add([s, next]);
  }
  return units;
}
