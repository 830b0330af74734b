// The words of a claim its messages quote: the verb the sources do not state, with the rest of its clause,
// and who is reported saying it ("No source says Shailendra Jain said multimedia messages were too
// expensive for most people.").

import type { DraftSentence } from './draft.ts';
import type { ClaimName } from './nameMatch.ts';
import type { PredicateWord } from './predicate.ts';

/** Words reporting the claim's content between its subject and its verb when the content has a subject
 *  of its own ("Jain said multimedia messages were too expensive": "said multimedia messages "), so that
 *  the message does not read "No source says Jain were too expensive"; empty otherwise ("Okafor told
 *  the conference she was ashamed": "No source says Okafor was ashamed"). */
export function reportedBy(s: DraftSentence, subject: ClaimName | undefined, verb: PredicateWord | undefined): string {
  if (!subject || !verb) return '';
  // Up to where the verb group the message quotes begins ("were too expensive").
  const from = subject.mention.end - s.start;
  const at = groupAt(s, verb);
  const said = REPORTED.exec(s.text.slice(from, at >= from ? at : verb.start));
  if (!said || PRONOUN_LAST.test(said[2])) return '';
  return `${said[1]} ${said[2].trim()} `;
}

/** The verb group as the claim writes it with the rest of its clause, a few words at most: "has pledged
 *  to triple overseas aid", not "has pledged to triple". */
export function withObject(s: DraftSentence, verb: PredicateWord): string {
  const group = verb.said ?? verb.text;
  const at = groupAt(s, verb);
  if (at < 0) return group;
  const rest = CLAUSE_REST.exec(s.text.slice(at + group.length))?.[0] ?? '';
  const words = rest.trim().split(/\s+/).filter(Boolean);
  return words.length > 0 && words.length <= OBJECT_WORDS ? `${group} ${words.join(' ')}` : group;
}

/** Where the verb group as written ("were too expensive", "has pledged to triple") starts in the
 *  sentence, or -1. */
function groupAt(s: DraftSentence, verb: PredicateWord): number {
  return s.text.lastIndexOf(verb.said ?? verb.text, verb.end);
}

/** What follows a verb up to the end of its clause: a stop, a comma, a bracket or quotation mark (not the
 *  point or comma of a number: "rose 3.1% to 1,060"), or a word opening another clause. */
const CLAUSE_REST = /^(?:[^,;:.!?()"“”]|[.,](?=\d))*?(?=[,;:.!?()"“”](?!\d)|\s(?:and|but|as|while|because|after|before|when|which|who|saying|if|unless)\s|$)/;
/** Longer objects are left out of the message. */
const OBJECT_WORDS = 8;

/** A verb of speech and what follows it, up to the reported clause's verb. */
const REPORTED = /\b(said|says|told|tells|claimed|claims|added|adds|insisted|argued|warned|stated|announced|predicted)\s+(?:that\s+)?(.+)$/i;
const PRONOUN_LAST = /\b(?:he|she|they|it|we|i|you|him|her|them)\s*$/i;
