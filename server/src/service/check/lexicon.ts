// Paraphrase groups common in news writing: words a writer may use for what a source says with another
// word. Stems (as produced by words.stem) of one group count as the same term when matching a claim.
// General news vocabulary only; nothing here names a person, place or story.

import { stem } from '../text/words.ts';

const GROUPS: string[][] = [
  ['say', 'said', 'says', 'tell', 'told', 'state', 'stated', 'declare', 'declared', 'add', 'added', 'note', 'noted', 'remark', 'comment', 'claim', 'describe', 'described'],
  ['announce', 'announced', 'unveil', 'reveal', 'disclose'],
  ['launch', 'fire', 'fired', 'test-fire'],
  ['missile', 'rocket'],
  ['summit', 'meeting', 'talks', 'talk', 'negotiation', 'discussion', 'discuss'],
  ['meet', 'met', 'meeting'],
  ['visit', 'trip', 'stop', 'tour', 'travel', 'journey'],
  ['call', 'urge', 'demand', 'require', 'press', 'ask'],
  ['kill', 'dead', 'die', 'died', 'death', 'deaths', 'fatal'],
  ['arrest', 'detain', 'custody', 'held'],
  ['charge', 'charged', 'accuse', 'accused'],
  ['convict', 'guilty'],
  ['win', 'won', 'beat', 'victory', 'defeat', 'thrash', 'trounce', 'rout', 'hammer', 'thump'],
  ['buy', 'acquire', 'purchase', 'takeover', 'bid'],
  ['rise', 'rose', 'increase', 'grow', 'grew', 'gain', 'climb', 'jump', 'surge', 'up'],
  ['fall', 'fell', 'drop', 'decline', 'decrease', 'slump', 'slide', 'down', 'cut', 'lower'],
  ['job', 'work', 'employment', 'employ'],
  ['deal', 'agreement', 'accord', 'pact', 'settlement'],
  ['worker', 'employee', 'staff'],
  ['sanction', 'sanctions', 'embargo'],
  ['propose', 'proposal', 'suggest', 'offer', 'plan'],
  ['reject', 'refuse', 'refusal', 'dismiss', 'rebuff', 'spurn'],
  ['suspend', 'halt', 'stop', 'pause', 'freeze'],
  ['resume', 'restart', 'return'],
  ['warn', 'warning', 'threaten', 'threat'],
  ['leader', 'head', 'chief', 'boss'],
  ['company', 'firm', 'group', 'business'],
  ['profit', 'earnings'],
  ['government', 'administration'],
  ['official', 'authority', 'authorities', 'officials'],
  ['minister', 'secretary'],
  ['begin', 'start', 'open', 'launch'],
  ['end', 'finish', 'close', 'conclude'],
  ['help', 'aid', 'assist', 'support'],
  ['big', 'large', 'major', 'huge'],
  ['small', 'minor', 'little'],
  ['quit', 'resign', 'step', 'leave', 'depart'],
  ['sack', 'fire', 'dismiss', 'oust'],
  ['appoint', 'name', 'named', 'choose', 'select'],
  ['child', 'children', 'kid', 'boy', 'girl'],
  ['film', 'movie'],
  ['phone', 'telephone', 'mobile'],
  ['car', 'vehicle'],
  ['country', 'nation', 'state'],
  ['us', 'america', 'american'],
  ['uk', 'britain', 'british'],
  ['tory', 'tories', 'conservative', 'conservatives'],
];

const groupsByStem = new Map<string, number[]>();
GROUPS.forEach((group, i) => {
  for (const word of group) {
    const s = stem(word.toLowerCase());
    const list = groupsByStem.get(s) ?? [];
    if (!list.includes(i)) list.push(i);
    groupsByStem.set(s, list);
  }
});

/** Stems that may stand in for `s` (itself included). */
export function paraphrasesOf(s: string): string[] {
  const groups = groupsByStem.get(s);
  if (!groups) return [s];
  const out = new Set<string>([s]);
  for (const g of groups) for (const w of GROUPS[g]) out.add(stem(w.toLowerCase()));
  return [...out];
}

// Capitals and seats of government stand for their country in news copy ("Pyongyang said", "Washington
// rejected"). General world knowledge, both directions.
const METONYMS: Array<[string, string]> = [
  ['washington', 'united states'], ['washington', 'us'], ['beijing', 'china'], ['moscow', 'russia'],
  ['pyongyang', 'north korea'], ['seoul', 'south korea'], ['tokyo', 'japan'], ['london', 'uk'],
  ['london', 'britain'], ['paris', 'france'], ['berlin', 'germany'], ['rome', 'italy'], ['madrid', 'spain'],
  ['tehran', 'iran'], ['baghdad', 'iraq'], ['damascus', 'syria'], ['kabul', 'afghanistan'],
  ['islamabad', 'pakistan'], ['delhi', 'india'], ['new delhi', 'india'], ['ankara', 'turkey'],
  ['cairo', 'egypt'], ['riyadh', 'saudi arabia'], ['kiev', 'ukraine'], ['kyiv', 'ukraine'],
  ['brussels', 'eu'], ['brussels', 'european union'], ['ottawa', 'canada'], ['canberra', 'australia'],
  ['taipei', 'taiwan'], ['hanoi', 'vietnam'], ['havana', 'cuba'], ['caracas', 'venezuela'],
  ['jerusalem', 'israel'], ['westminster', 'parliament'], ['whitehall', 'government'],
  ['kremlin', 'russia'], ['white house', 'united states'], ['downing street', 'government'],
  ['pentagon', 'united states'], ['tripoli', 'libya'], ['khartoum', 'sudan'], ['nairobi', 'kenya'],
  ['dublin', 'ireland'], ['athens', 'greece'], ['warsaw', 'poland'], ['stockholm', 'sweden'],
  ['oslo', 'norway'], ['copenhagen', 'denmark'], ['helsinki', 'finland'], ['vienna', 'austria'],
  ['bern', 'switzerland'], ['lisbon', 'portugal'], ['amsterdam', 'netherlands'], ['mexico city', 'mexico'],
  ['brasilia', 'brazil'], ['buenos aires', 'argentina'], ['manila', 'philippines'], ['jakarta', 'indonesia'],
  ['bangkok', 'thailand'], ['holyrood', 'scotland'], ['edinburgh', 'scotland'], ['cardiff', 'wales'],
  ['belfast', 'northern ireland'], ['stormont', 'northern ireland'],
];
const metonymMap = new Map<string, string[]>();
for (const [a, b] of METONYMS) {
  metonymMap.set(a, [...(metonymMap.get(a) ?? []), b]);
  metonymMap.set(b, [...(metonymMap.get(b) ?? []), a]);
}

/** Names that may stand for `name` (lower-case, words separated by single spaces). */
export function metonymsOf(name: string): string[] {
  return metonymMap.get(name) ?? [];
}

// Light verbs carry little of a claim's content ("talks held in Sweden", "took place"): a source that
// never uses one has not been contradicted by its absence.
const LIGHT_VERBS = ['hold', 'held', 'take', 'took', 'make', 'made', 'give', 'gave', 'get', 'got', 'put', 'set', 'keep', 'kept', 'come', 'came', 'go', 'went', 'have', 'had', 'do', 'did', 'become', 'became', 'place', 'bring', 'brought', 'see', 'saw', 'look', 'seem', 'appear', 'remain', 'receive', 'received'];
const lightStems = new Set(LIGHT_VERBS.map((w) => stem(w)));

export function isLightVerb(s: string): boolean {
  return lightStems.has(s);
}

const NUMBER_WORDS = new Set(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'twenty', 'thirty', 'forty', 'fifty', 'hundred', 'thousand', 'million', 'billion'].map((w) => stem(w)));

/** Number words are figures, compared as such, not content words. */
export function isNumberWord(s: string): boolean {
  return NUMBER_WORDS.has(s);
}

// Opposite directions news copy reports, beside WordNet's antonyms: a passage that says one of these of
// the claim's subject, where the claim says the other, contradicts it.
const OPPOSITES: Array<[string[], string[]]> = [
  // With the past forms the stemmer leaves as they are ("shrank" is no "shrink" to it).
  [
    ['rise', 'rose', 'risen', 'increase', 'grow', 'grew', 'grown', 'climb', 'gain', 'jump', 'surge', 'expand', 'raise', 'soar', 'leap'],
    ['fall', 'fell', 'fallen', 'decrease', 'drop', 'decline', 'shrink', 'shrank', 'shrunk', 'slump', 'slide', 'contract', 'cut', 'lower', 'sink', 'sank', 'sunk', 'plunge', 'plummet', 'tumble', 'dip'],
  ],
  [['win'], ['lose']],
  [['support', 'back', 'favour', 'favor', 'endorse', 'approve', 'welcome', 'urge'], ['oppose', 'reject', 'condemn', 'veto', 'block']],
  [['resume', 'restart', 'reopen'], ['stop', 'halt', 'suspend', 'abandon', 'end']],
  [['accept', 'agree'], ['reject', 'refuse', 'decline']],
  [['hire', 'recruit'], ['fire', 'sack', 'dismiss']],
  [['open'], ['close', 'shut']],
  [['lift', 'scrap', 'ease'], ['impose', 'tighten']],
  [['acquit', 'clear'], ['convict']],
  [['join'], ['leave', 'quit']],
  [['stay', 'remain'], ['leave', 'quit', 'depart']],
  [['confirm', 'acknowledge', 'admit'], ['deny']],
  // Positions in time or order ("a year ahead of schedule" / "behind schedule"), compared where written
  // between the same words (see antonym.ts).
  [['ahead'], ['behind']],
  [['lead', 'leading'], ['trail', 'trailing']],
  [['before'], ['after']],
  [['above'], ['below']],
  // Medals: one colour is no other.
  [['gold'], ['silver', 'bronze']],
  [['silver'], ['bronze']],
];
const oppositeMap = new Map<string, Set<string>>();
for (const [a, b] of OPPOSITES) {
  for (const [from, to] of [[a, b], [b, a]]) {
    for (const w of from) {
      const set = oppositeMap.get(w) ?? new Set<string>();
      for (const o of to) set.add(o);
      oppositeMap.set(w, set);
    }
  }
}

/** Verbs of the opposite direction (lemmas in, lemmas out). */
export function oppositesOf(lemma: string): string[] {
  return [...(oppositeMap.get(lemma) ?? [])];
}

/** Words before "left" that make it "remaining" ("the only player left", "nothing left to sell", "few
 *  tickets left"; and "left to play", "left to go" after it), not "went away": it has no opposite in
 *  "stay" or "remain". */
const REMAINING_LEAD = new Set(['only', 'no', 'nothing', 'none', 'few', 'little', 'any', 'anything', 'still', 'those', 'last']);
/** Words the verb "left" takes as its object ("Only Smith left the club", "few left him"). */
const OBJECT_START = /^(?:the|a|an|his|her|their|its|our|my|your|this|that|these|those|him|them|us|me|it|home|office|school|\p{Lu}.*)$/u;

export function remainingSense(words: ReadonlyArray<{ text: string }>, i: number): boolean {
  if (words[i].text.toLowerCase() !== 'left') return false;
  const next = words[i + 1]?.text;
  // "two minutes of normal time left to play", "with a week left to go".
  if (next?.toLowerCase() === 'to' && /^(?:play|go|run|spare|serve|save|fill|sell|find|win)$/i.test(words[i + 2]?.text ?? '')) return true;
  if (next && OBJECT_START.test(next)) return false;
  // Up to four words back, punctuation aside ("the only Ostland-born player left").
  for (let k = i - 1, seen = 0; k >= 0 && seen < 4; k--) {
    const w = words[k].text.toLowerCase();
    if (!/\p{L}/u.test(w)) continue;
    if (REMAINING_LEAD.has(w)) return true;
    seen++;
  }
  return false;
}
