// The other party: a claim naming who else took part in its verb's event, in a slot after it ("licensed
// its technology from Google", "sold the label to LVMH", "lost to Arsenal"), is not backed by passages
// that state the verb with another name in that slot ("licensed from a US-based firm X1 Technologies"),
// unless one of them gives the claim's name there.

import type { SourceSentence } from '../api.ts';
import type { Mention } from '../types.ts';
import { closeness, hasFigures, isPassive, ofKind, ownTerms, sameName, verbTokens, whereStated, wrongAt, type RoleCheck, type WrongSubject } from './agent.ts';

/** After the verb, in its clause: a preposition, then at most three words ("from a US-based firm"),
 *  then the name. */
const SLOT = /^[^,.;:!?"“”()]*?\b(from|to|by|with|against|for)\s+(?:(?:the|a|an)\s+)?(?:[\p{L}\d][\p{L}\d'’-]*\s+){0,3}$/u;

interface Slot {
  preposition: string;
  name: Mention;
  passive: boolean;
}

/** The name in a slot right after the verb at [verbStart, verbEnd) (`text` starts at `offset`). */
function slotAfter(text: string, offset: number, mentions: readonly Mention[], verbStart: number, verbEnd: number): Slot | undefined {
  let first: Mention | undefined;
  for (const m of mentions) if (m.start >= verbEnd && (!first || m.start < first.start)) first = m;
  if (!first) return undefined;
  const m = SLOT.exec(text.slice(verbEnd - offset, first.start - offset));
  if (!m) return undefined;
  const verbText = text.slice(verbStart - offset, verbEnd - offset);
  return { preposition: m[1].toLowerCase(), name: first, passive: isPassive(text.slice(0, verbStart - offset), verbText) };
}

/** The name as the sentence writes it, with the capitalised words or codes right before the mention
 *  that the name finder left out ("X1 Technologies"). */
function writtenName(x: SourceSentence, m: Mention): string {
  const before = /(?:[\p{Lu}\d][\p{L}\d]*\s)+$/u.exec(x.text.slice(0, m.start - x.start))?.[0] ?? '';
  return before + m.text;
}

/** "the Gunners", "the Tractor Boys": a plural nickname, which another name of the same side may be. */
function nicknameLike(x: SourceSentence, m: Mention): boolean {
  return /s$/.test(m.text) && /\bthe\s+$/i.test(x.text.slice(0, m.start - x.start));
}

/**
 * Another person or organisation in the slot where the passages backing the claim (or a sentence of
 * their articles with all its figures) state its verb, and the claim's name in it nowhere.
 */
export function wrongCounterpart(c: RoleCheck): WrongSubject | undefined {
  const { s, text, names, predicate, figures, corpus } = c;
  const verb = predicate[0];
  if (!verb || verb.state) return undefined;
  const claimSlot = slotAfter(text, s.start, s.mentions, s.start + verb.start, s.start + verb.end);
  const name = claimSlot && names.find((n) => n.mention.start === claimSlot.name.start);
  if (!claimSlot || !name || name.words.length === 0) return undefined;
  const kind = name.entity?.kind ?? name.mention.kind;
  if (kind !== 'person' && kind !== 'organization') return undefined;
  const own = ownTerms(verb);
  const { close, articles } = whereStated(c);
  let rival: { name: string; sentence: SourceSentence; closeness: number } | undefined;
  for (const article of articles) {
    for (const x of article.sentences) {
      const tokens = verbTokens(x, own, corpus);
      if (tokens.length === 0) continue;
      const near = closeness(x, close);
      const sameEvent = (figures.length > 0 || near > 0) && hasFigures(x, figures);
      for (const t of tokens) {
        const found = slotAfter(x.text, x.start, x.mentions, x.start + t.start, x.start + t.end);
        // "from", "to", "with" name the same party in either voice; "by" names the agent only in the passive.
        if (!found || found.preposition !== claimSlot.preposition || (found.preposition === 'by' && found.passive !== claimSlot.passive)) continue;
        if (sameName(claimSlot.name, found.name, corpus)) return undefined;
        const other = ofKind(found.name, kind, corpus) && !nicknameLike(x, found.name) && !names.some((n) => sameName(n.mention, found.name, corpus));
        if (sameEvent && other && (!rival || near > rival.closeness)) {
          const written = writtenName(x, found.name);
          const named = written.length > found.name.text.length ? written : (corpus.lookupEntity(found.name.text)?.name ?? written);
          rival = { name: named, sentence: x, closeness: near };
        }
      }
    }
  }
  return rival && wrongAt(c, claimSlot.name.start, claimSlot.name.end, rival);
}
