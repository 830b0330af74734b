// Pure core of the benchmark draft: a Markdown article a writer might produce from the corpus, mixing
// sentences copied verbatim, sentences whose figures were changed, and sentences nobody reported.

import { splitSentences } from '../../server/src/service/text/sentences.ts';
import { numberTemplate, perturbNumber, render } from './generatorCore.ts';
import { firstNames, lastNames } from './namePool.ts';
import { hashString, mulberry32, pick, randInt, type Rng } from './prng.ts';

export type DraftSentenceKind = 'verbatim' | 'changed' | 'invented';

export interface DraftSentence {
  start: number;
  end: number;
  kind: DraftSentenceKind;
}

export interface GeneratedDraft {
  text: string;
  words: number;
  sentences: DraftSentence[];
}

const FRONT_MATTER_RE = /^---\r?\n[\s\S]*?\r?\n---\r?\n/;

/** Body sentences of corpus articles usable in a draft (headline line and front matter skipped). */
export function draftSentencesFromTexts(texts: Iterable<string>, max: number): string[] {
  const out: string[] = [];
  for (const raw of texts) {
    const text = raw.replace(FRONT_MATTER_RE, '');
    // Skip the headline: its own line, or run into the first sentence in raw BBC files.
    const firstBreak = text.search(/\S\r?\n\s*\S/);
    const sentences = firstBreak >= 0 ? splitSentences(text, firstBreak + 1) : splitSentences(text).slice(1);
    for (const s of sentences) {
      const words = s.text.split(/\s+/).length;
      if (words >= 6 && words <= 45 && !s.text.includes('\n')) out.push(s.text);
      if (out.length >= max) return out;
    }
  }
  return out;
}

const ORG_SUFFIX = ['Holdings', 'Group', 'Trust', 'Partners', 'Council', 'Institute', 'Foundation'];
const THINGS = ['new stadium', 'rail link', 'broadband roll-out', 'pension scheme', 'film studio', 'youth academy', 'tax rebate'];
const GROUPS = ['voters', 'shareholders', 'fans', 'small firms', 'teachers', 'listeners', 'members'];
const MONTHS = ['January', 'March', 'May', 'July', 'September', 'November'];
const SAYINGS = [
  'We have never been in a stronger position',
  'Nobody expected the numbers to move this quickly',
  'This is not the end of the story',
  'We will keep fighting for a fair deal',
];

function inventedSentence(rng: Rng): string {
  const person = `${pick(rng, firstNames)} ${pick(rng, lastNames)}`;
  const org = `${pick(rng, lastNames)} ${pick(rng, ORG_SUFFIX)}`;
  const year = randInt(rng, 2003, 2007);
  const money = `£${randInt(rng, 2, 950)}m`;
  switch (randInt(rng, 0, 4)) {
    case 0:
      return `${person} said ${org} would spend ${money} on the ${pick(rng, THINGS)} by ${year}.`;
    case 1:
      return `According to ${person}, ${randInt(rng, 5, 95)}% of ${pick(rng, GROUPS)} backed the plan last ${pick(rng, MONTHS)}.`;
    case 2:
      return `${person}, who joined ${org} in ${year}, is expected to step down next week.`;
    case 3:
      return `"${pick(rng, SAYINGS)}," ${person} told reporters.`;
    default:
      return `${org} reported profits of ${money} for the ${randInt(rng, 3, 12)} months to ${pick(rng, MONTHS)}.`;
  }
}

/** A ~`words`-word Markdown draft: a title line, then paragraphs of 3–6 sentences. Deterministic. */
export function composeDraft(pool: readonly string[], words: number, seed: number): GeneratedDraft {
  const rng = mulberry32(hashString('draft', seed));
  const withFigures = pool.filter((s) => numberTemplate(s).slots.length > 0);
  let text = `# Draft ${seed}: what the sources say\n\n`;
  const sentences: DraftSentence[] = [];
  let count = 0;
  while (count < words) {
    const n = randInt(rng, 3, 6);
    const para: string[] = [];
    for (let i = 0; i < n; i++) {
      const roll = rng();
      let kind: DraftSentenceKind;
      let s: string;
      if (pool.length > 0 && roll < 0.5) {
        kind = 'verbatim';
        s = pick(rng, pool);
      } else if (withFigures.length > 0 && roll < 0.75) {
        kind = 'changed';
        s = render(numberTemplate(pick(rng, withFigures)), { person: () => ({ first: '', last: '' }), number: (slot) => perturbNumber(slot, rng) });
      } else {
        kind = 'invented';
        s = inventedSentence(rng);
      }
      const start = text.length + para.reduce((len, p) => len + p.length + 1, 0);
      sentences.push({ start, end: start + s.length, kind });
      para.push(s);
      count += s.split(/\s+/).length;
    }
    text += para.join(' ') + '\n\n';
  }
  return { text, words: count, sentences };
}
