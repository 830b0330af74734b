// A person's title: a claim that gives someone a title ("Investec chief executive Philip Shaw", "Giampaolo
// Vianello, artistic director of…") the sources never give them, where the sources give another
// ("Investec chief economist"), says something the sources contradict.

import type { SourceSentence } from '../api.ts';
import type { Entity, EntityRole } from '../types.ts';
import type { CorpusIndex } from '../corpus/corpusIndex.ts';
import { HONORIFICS, ROLE_HEADS, ROLE_MODIFIERS } from '../corpus/gazetteer.ts';
import type { ClaimName } from './nameMatch.ts';
import { escapeRegExp } from '../util/escapeRegExp.ts';

/** Titles of rank or courtesy, and heads vague enough to stand for many titles ("boss", "chief"). */
const NO_CONFLICT = new Set(['sir', 'lord', 'lady', 'dame', 'dr', 'prof', 'professor', 'rev', 'reverend', 'baron', 'baroness', 'boss', 'chief', 'head', 'leader', 'gen', 'general', 'premier', 'mp', 'mep', 'officer', 'founder']);
/** Titles of rank written between a title and the name ("MP Lord Janner", "minister Sir Ian Blair"). */
const RANK_BETWEEN = /^\s+(?:(?:lord|lady|sir|dame|dr|mr|mrs|ms|baroness|baron|prof|professor)\.?\s+)+$/i;
/** A title the claim dates ("former chairman"): the sources may give only the present one. */
const DATED = /\b(?:former|ex|then|outgoing|incoming|retired|late|one-time|onetime|designate|newly-appointed|newly-elected)\b/i;
/** Words of one title written several ways. */
const SAME = [['chairman', 'chairwoman', 'chairperson', 'chair', 'chairmanship'], ['spokesman', 'spokeswoman', 'spokesperson'], ['adviser', 'advisor'], ['counselor', 'counsellor'], ['ceo', 'executive', 'chief-executive']];

export interface WrongTitle {
  /** Offsets of the claim's title in the draft sentence, as written ("chief executive"). */
  start: number;
  end: number;
  draft: string;
  /** The sources' title in the same words' place ("chief economist"), and where they give it. */
  source: string;
  entity: Entity;
  sentence?: SourceSentence;
}

/** The lower-case words of a title, up to its first "of", "at" or "for" ("artistic director of X"). */
function titleWords(role: string): string[] {
  // "Federated's chairman" is "Federated chairman".
  const words = role
    .toLowerCase()
    .split(/\s+/)
    .map((w) => w.replace(/['’]s?$/, ''));
  const cut = words.findIndex((w) => w === 'of' || w === 'at' || w === 'for');
  return cut > 0 ? words.slice(0, cut) : words;
}

/** The title's head ("executive" in "Investec chief executive") with the modifiers before it ("chief"). */
function core(role: string): { head: string; text: string } | undefined {
  const words = titleWords(role);
  let i = words.length - 1;
  while (i >= 0 && !(ROLE_HEADS.has(words[i]) && !HONORIFICS.has(words[i]))) i--;
  if (i < 0) return undefined;
  let from = i;
  while (from > 0 && ROLE_MODIFIERS.has(words[from - 1]) && !['of', 'for', 'the', 'to', 'and'].includes(words[from - 1])) from--;
  return { head: words[i], text: words.slice(from, i + 1).join(' ') };
}

function sameHead(a: string, b: string): boolean {
  return a === b || SAME.some((group) => group.includes(a) && group.includes(b));
}

/** Whether a source role gives the claim's head word (or another spelling of it) anywhere
 *  ("Secretary-General" in "UN Secretary General"). */
function gives(role: EntityRole, head: string): boolean {
  const words = role.text.toLowerCase().split(/[\s,-]+/);
  const parts = head.split('-');
  return parts.length > 1 ? ` ${words.join(' ')} `.includes(` ${parts.join(' ')} `) : words.some((w) => sameHead(w, head));
}

/**
 * The first of the claim's people written with a title whose head no source gives them, while the
 * sources give them another: the title the sources give instead, preferring one that shares the claim
 * title's other words ("Investec").
 */
export function wrongTitle(names: readonly ClaimName[], sentenceText: string, sentenceStart: number, corpus: CorpusIndex): WrongTitle | undefined {
  for (const { mention, entity } of names) {
    if (!mention.role || !entity || entity.kind !== 'person' || entity.roles.length === 0) continue;
    const found = otherHead(mention.role, entity) ?? otherQualifier(mention.role, entity) ?? droppedRank(mention.role, entity) ?? otherParty(mention.role, entity);
    if (!found || writtenBySources(found.claim, entity, corpus)) continue;
    // A title the claim dates is held only to a title the sources date too ("Former foreign secretary"
    // for the sources' "former international development secretary").
    const dated = (text: string) => DATED.test(text);
    if (dated(mention.role) && !dated(found.role.text)) continue;
    // The claim's title as written, next to the name (before it, or after it in apposition).
    const at = mention.start - sentenceStart;
    const lower = sentenceText.toLowerCase();
    const before = lower.lastIndexOf(found.claim, at);
    const after = lower.indexOf(found.claim, mention.end - sentenceStart);
    // "Former Labour MP Lord Janner": a title of rank may stand between the title and the name.
    const gap = before >= 0 ? sentenceText.slice(before + found.claim.length, at) : '';
    const start = before >= 0 && (at - before <= mention.role.length + 2 || RANK_BETWEEN.test(gap)) ? before : after;
    // "Former Halvard Bank chief executive": the dating word may stand before the rest of the title.
    if (start < 0 || (DATED.test(sentenceText.slice(Math.max(0, Math.min(start, at) - 40), start)) && !dated(found.role.text))) continue;
    const end = start + found.claim.length;
    return {
      start,
      end,
      draft: sentenceText.slice(start, end),
      source: found.source,
      entity,
      sentence: corpus.sentenceAt(found.role.source.uri, found.role.source.sentence),
    };
  }
  return undefined;
}

/** Whether a source sentence writes the claim's title next to the person's surname though the roles the
 *  name finder kept miss it ("said courts minister Christopher Leslie" kept as "minister"). */
function writtenBySources(title: string, entity: Entity, corpus: CorpusIndex): boolean {
  const surname = escapeRegExp(entity.name.split(/\s+/).pop() ?? '');
  const t = escapeRegExp(title);
  // The title before the name with only capitalised words (the rest of the name, a style) between, or
  // just after it: not "the lord chancellor would be unlikely to go against Lord Woolf".
  const titled = new RegExp(`\\b${t}\\b`, 'gi');
  const nameNext = new RegExp(`^,?(?:\\s+(?:the\\s+)?\\p{Lu}[\\p{L}'’.-]*){0,4}\\s+${surname}\\b`, 'u');
  const after = new RegExp(`\\b${surname}\\b[^.]{0,12}\\b${t}\\b`, 'i');
  const gives = (text: string) => after.test(text) || [...text.matchAll(titled)].some((m) => nameNext.test(text.slice((m.index ?? 0) + m[0].length)));
  return corpus.searchSentences(`${title} ${entity.name}`, 20).some((h) => gives(h.sentence.text));
}

/** A title whose head the sources never give the person ("chief executive" for their "chief economist"). */
function otherHead(title: string, entity: Entity): { claim: string; source: string; role: EntityRole } | undefined {
  const claim = core(title);
  if (!claim || NO_CONFLICT.has(claim.head) || entity.roles.some((r) => gives(r, claim.head))) return undefined;
  const others = new Set(titleWords(title).filter((w) => !claim.text.split(' ').includes(w)));
  let best: { role: EntityRole; text: string; shared: number } | undefined;
  for (const role of entity.roles) {
    const c = core(role.text);
    if (!c || NO_CONFLICT.has(c.head)) continue;
    const shared = titleWords(role.text).filter((w) => others.has(w)).length;
    if (!best || shared > best.shared) best = { role, text: c.text, shared };
  }
  return best && { claim: claim.text, source: best.text, role: best.role };
}

/** Words before a head that say its rank, not its office ("deputy minister"). */
const RANK = new Set(['deputy', 'vice', 'senior', 'junior', 'acting', 'assistant', 'associate', 'chief', 'shadow', 'interim', 'new', 'the', 'a', 'an']);

/**
 * The same head with another office before it, where no source gives the claim's ("deputy justice
 * minister" for the sources' "deputy health minister"): the sources' title replaces the claim's whole title.
 */
function otherQualifier(title: string, entity: Entity): { claim: string; source: string; role: EntityRole } | undefined {
  const office = (text: string) => {
    const c = core(text);
    const words = titleWords(text);
    const i = c ? words.lastIndexOf(c.head) : -1;
    return c && i > 0 && !RANK.has(words[i - 1]) ? { head: c.head, qualifier: words[i - 1], words } : undefined;
  };
  const claim = office(title);
  if (!claim || NO_CONFLICT.has(claim.head) || entity.roles.some((r) => titleWords(r.text).includes(claim.qualifier))) return undefined;
  for (const role of entity.roles) {
    const other = office(role.text);
    if (!other || !sameHead(other.head, claim.head) || other.qualifier === claim.qualifier) continue;
    return { claim: claim.words.join(' '), source: titleAsWritten(role), role };
  }
  return undefined;
}

/** Offices held only under another (a deputy's, a shadow's, an acting one's), given without that word: "Commons
 *  Speaker Sylvia Heal" where every title the sources give her with "speaker" is "Deputy Speaker". */
const UNDER = new Set(['deputy', 'vice', 'acting', 'assistant', 'shadow', 'junior', 'interim']);

function droppedRank(title: string, entity: Entity): { claim: string; source: string; role: EntityRole } | undefined {
  const c = core(title);
  const words = titleWords(title);
  if (!c || NO_CONFLICT.has(c.head) || words.some((w) => UNDER.has(w))) return undefined;
  const same = entity.roles.filter((r) => {
    const o = core(r.text);
    return !!o && sameHead(o.head, c.head);
  });
  const under = (r: EntityRole) => {
    const w = titleWords(r.text);
    const i = w.lastIndexOf(core(r.text)?.head ?? '');
    return i > 0 && UNDER.has(w[i - 1]);
  };
  if (same.length === 0 || !same.every(under)) return undefined;
  return { claim: words.join(' '), source: titleAsWritten(same[0]), role: same[0] };
}

/** A source title as written, up to its first "of", "at" or "for" (the fix replaces the claim's title). */
function titleAsWritten(role: EntityRole): string {
  return role.text.split(/\s+(?:of|at|for)\s+/i)[0];
}

/** Parties, each under one key ("Tory" is "Conservative", "Lib Dem" is "Liberal Democrat"). */
const PARTY: ReadonlyMap<string, string> = new Map([
  ['labour', 'labour'], ['conservative', 'conservative'], ['tory', 'conservative'], ['liberal', 'liberal'], ['lib', 'liberal'],
  ['republican', 'republican'], ['democrat', 'democrat'], ['democratic', 'democrat'], ['snp', 'snp'], ['plaid', 'plaid'],
  ['green', 'green'], ['ukip', 'ukip'], ['unionist', 'unionist'], ['dup', 'unionist'], ['sdlp', 'sdlp'], ['sinn', 'sinn fein'],
]);

function partyOf(words: readonly string[]): string | undefined {
  // "Liberal Democrat": the first party word names the party ("Democratic Unionist" is a unionist).
  for (const w of words) {
    const p = PARTY.get(w);
    if (p) return w === 'democratic' && words.includes('unionist') ? 'unionist' : p;
  }
  return undefined;
}

/**
 * Another party in the same seat ("Former Conservative MP Lord Janner" for the sources' "Former Labour
 * MP"): a claim title naming a party no source title of the person names, where one names another.
 */
function otherParty(title: string, entity: Entity): { claim: string; source: string; role: EntityRole } | undefined {
  const words = titleWords(title);
  const claim = partyOf(words);
  const head = core(title)?.head;
  if (!claim || !head || entity.roles.some((r) => partyOf(titleWords(r.text)) === claim)) return undefined;
  for (const role of entity.roles) {
    const other = partyOf(titleWords(role.text));
    const c = core(role.text);
    if (!other || other === claim || !c || !sameHead(c.head, head)) continue;
    return { claim: words.join(' '), source: titleAsWritten(role), role };
  }
  return undefined;
}
