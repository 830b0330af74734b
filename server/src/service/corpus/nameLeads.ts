// Words around a capitalised run that say what the named is without being part of its name: a noun of
// its type or trade before it ("Comedian X Y", "Defenders X Y", "Bookmaker X Y"), a party or a
// nationality ("Conservative X Y", "Frenchman X Y"), a rank ("Senior X"), a noun of a work after it
// ("X Y magazine"), quotation marks or italics around it alone.

import { ORG_NOUNS_BEFORE } from './nameCues.ts';
import { ROLE_NOUNS } from './gazetteer.ts';
import type { Tok } from './nameTokens.ts';

/** Trades and sports positions written before a name, beyond the role nouns of the gazetteer. */
const TRADE_NOUNS = new Set(`comedian comic dj broadcaster presenter film-maker filmmaker director screenwriter
  composer conductor pianist violinist cellist dancer choreographer artist painter sculptor photographer poet
  lock prop hooker flanker fly-half scrum-half centre wing full-back fullback batsman bowler sprinter hurdler
  jumper thrower athlete runner jockey trainer skipper boxer golfer cyclist swimmer rower sailor skier
  tennis-player bassist vocalist frontman frontwoman businessman businesswoman tycoon magnate mogul
  tv-presenter newsreader chancellor-elect cinematographer agent beatle`.split(/\s+/).filter(Boolean));

/** A person's role or trade ("Comedian X Y"): kept as the role. */
export function isTradeNoun(key: string): boolean {
  return ROLE_NOUNS.has(key) || TRADE_NOUNS.has(key);
}

/** A noun that says what the named is: a role, a trade or a kind of body or work. */
export function isTypeNoun(key: string): boolean {
  return key !== '' && (ROLE_NOUNS.has(key) || TRADE_NOUNS.has(key) || ORG_NOUNS_BEFORE.has(key));
}

/** Parties and nationalities written as nouns before a name. */
export const AFFILIATIONS = new Set(`conservative labour tory liberal unionist nationalist socialist libertarian
  briton scot frenchman frenchwoman englishman englishwoman scotsman scotswoman irishman irishwoman welshman
  welshwoman dutchman dutchwoman spaniard dane swede finn pole kiwi aussie argentine`.split(/\s+/).filter(Boolean));

/** Rank words that qualify what follows without naming it ("Senior X executives"). */
export const RANK_WORDS = new Set(['senior', 'junior', 'acting', 'interim', 'caretaker', 'veteran', 'rival', 'fellow']);

/** Nouns of works and things that a title is written before: "X magazine", "X show", "X mini". */
const WORK_NOUNS_AFTER = new Set(`magazine newspaper paper show series programme program film movie album single song
  track game games console website site channel band brand label software phone handset computer laptop
  player drama sitcom musical play novel book franchise documentary soap award awards prize mini makers
  producers fans funding investment draw`.split(/\s+/).filter(Boolean));

export function workNounAfter(after: Tok | undefined): boolean {
  return after !== undefined && after.word && !after.cap && WORK_NOUNS_AFTER.has(after.key);
}

const OPEN_QUOTES = new Set(['"', '“', '‘', "'"]);
const CLOSE_QUOTES = new Set(['"', '”', '’', "'"]);

/** Markdown emphasis: *X Y* or _X Y_. */
const EMPHASIS = new Set(['*', '_']);

/** The run stands alone in quotation marks or in italics: 'X Y', "X Y", *X Y*, a title of a work. */
export function quotedAlone(before: Tok | undefined, after: Tok | undefined, last: Tok | undefined): boolean {
  if (before === undefined || after === undefined || last === undefined || after.start !== last.end) return false;
  return (OPEN_QUOTES.has(before.text) && CLOSE_QUOTES.has(after.text)) || (EMPHASIS.has(before.text) && after.text === before.text);
}

/** "DVDs", "PCs": a plural acronym ends a name of things, never a person's. */
export const PLURAL_ACRONYM_RE = /^\p{Lu}{2,}s$/u;
