// Part-of-speech tags for draft sentences, from wink-nlp's English model (MIT, shipped in the npm
// package: nothing is downloaded). Loaded on first use (~0.3 s) and only for draft sentences: the corpus
// is never tagged. Results are cached by sentence text.

import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { Lru } from '../util/lru.ts';

export type Pos = 'ADJ' | 'ADP' | 'ADV' | 'AUX' | 'CCONJ' | 'DET' | 'INTJ' | 'NOUN' | 'NUM' | 'PART' | 'PRON' | 'PROPN' | 'PUNCT' | 'SCONJ' | 'SYM' | 'VERB' | 'X' | 'SPACE';

export interface Tagged {
  text: string;
  /** Lower-case base form ("apologised" → "apologize"). */
  lemma: string;
  pos: Pos;
  /** Offsets in the tagged text. */
  start: number;
  end: number;
}

type Nlp = ReturnType<typeof winkNLP>;
let nlp: Nlp | undefined;

function engine(): Nlp {
  // POS tagging only: sentence boundaries, entities and sentiment are Sourced's own.
  return (nlp ??= winkNLP(model, ['pos']));
}

const cache = new Lru<string, Tagged[]>(4000);

/** The words of a sentence with their part of speech and lemma. */
export function tag(text: string): Tagged[] {
  return cache.getOrSet(text, () => {
    const its = engine().its;
    const doc = engine().readDoc(text);
    const words = doc.tokens().out() as string[];
    const pos = doc.tokens().out(its.pos) as string[];
    const lemmas = doc.tokens().out(its.lemma as Parameters<ReturnType<typeof doc.tokens>["out"]>[0]) as string[];
    const out: Tagged[] = [];
    let at = 0;
    words.forEach((w, i) => {
      const start = text.indexOf(w, at);
      // wink normalises a few characters (quotes, contractions); such a token keeps the last position.
      const s = start < 0 ? at : start;
      const end = start < 0 ? at : start + w.length;
      at = end;
      out.push({ text: w, lemma: (lemmas[i] ?? w).toLowerCase(), pos: pos[i] as Pos, start: s, end });
    });
    return out;
  });
}
