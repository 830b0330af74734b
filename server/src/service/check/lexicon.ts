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
  ['win', 'won', 'beat', 'victory', 'defeat'],
  ['buy', 'acquire', 'purchase', 'takeover', 'bid'],
  ['rise', 'rose', 'increase', 'grow', 'grew', 'gain', 'climb', 'jump', 'surge', 'up'],
  ['fall', 'fell', 'drop', 'decline', 'decrease', 'slump', 'slide', 'down', 'cut', 'lower'],
  ['job', 'work', 'employment', 'employ'],
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
