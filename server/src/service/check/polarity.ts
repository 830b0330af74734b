// Whether a source passage says what a claim says with the other polarity ("has no plans to sign" against
// "would sign"). A negation counts in its own clause only: the clause of the source that says most of the
// claim is compared with the clause of the claim that says the same words. "Limited to the first 50,000
// people who sign up - the free calls do not include calls to mobiles" is not negated where it limits the
// offer; "seeking out situations in which he was likely to be rejected" is not negated where he seeks.

import type { ClaimTerm } from './evidence.ts';
import { SAY_VERBS } from '../corpus/nameCues.ts';
import { searchTerm } from '../corpus/sentenceIndex.ts';
import { tokenize } from '../text/words.ts';
import { isLightVerb } from './lexicon.ts';

// A word that is its base negated counts as a negation: "insufficient evidence" is "not enough
// evidence", "was unable to" "could not", "failed to win" "did not win".
const NEGATION = /\b(?:not|no|never|none|nobody|nothing|neither|nor|without|cannot|denied|denies|deny|refused|rejected|dismissed|dismisses|rules? out|ruled out|insufficient|inadequate|unable|unwilling|unaware|unsuccessful|unlikely|impossible|unaffected|unhurt|unharmed|unscathed|untouched|lack(?:s|ed|ing)?|fail(?:s|ed|ing)? to)\b|n['’] ?t\b/i;

/** Where a sentence's clauses part: a dash, a comma, semicolon, colon or bracket, a conjunction, or a word
 *  that opens a subordinate or reported clause (a condition's word stays with its clause). */
const CLAUSE_BREAK = /\s[-–—]\s|[;:()]\s*|,\s+|\s(?=["“]\p{Lu})|\s+(?:and|as|but|that|which|who|because|although|though|while|whilst|whereas|saying|adding|after|before|when|until|once)\s+|\s+(?=(?:if|unless|whether)\s)/giu;

/** A belief denied at the end of a clause, whose negation goes to the clause "that" opens. */
const NEGATED_BELIEF = /(?:\b(?:not|never)|n['’]t)\s+(?:really\s+)?(?:believe|think|expect|anticipate|suppose|reckon|imagine|feel)\s*$/i;

/** A clause that asserts nothing: a condition or an open question ("If exports weaken", "to decide
 *  whether to take part"). */
const HYPOTHETICAL = /^[\s"'“‘(]*(?:if|unless|whether)\b/i;
const MAY_BE_HYPOTHETICAL = /\b(?:if|unless|whether)\b/i;

/** A sentence that ends with a question mark (inside its quotation marks or not). */
const QUESTION = /\?["'”’)\s]*$/;

/** Share of what a negated claim says that a negated clause of the source must hold to carry its negation. */
const NEGATED_SHARE = 0.2;

/** Stems of the verbs that report speech. */
const REPORTING = new Set([...SAY_VERBS, 'say', 'tell'].map((w) => searchTerm(w)).filter((x): x is string => x !== null));

/** Whether a claim term is a verb of speech ("said", "told"). */
export function isReporting(t: ClaimTerm): boolean {
  return REPORTING.has(t.stem);
}

/** "X said [that] …", "X told the ceremony that …": the statement reported. */
const REPORTED_STATEMENT = /\b(?:said|says|told\s+(?:[\p{L}'’-]+\s+){1,4}?that|tells\s+(?:[\p{L}'’-]+\s+){1,4}?that|claimed|claims|insisted|argued|warned|stated|announced)\s+(?:that\s+)?(.+)$/iu;

/** Marks the claim's words that are the statement a reported claim reports (not its names): a passage
 *  backing a reported claim must hold half of them, not only who said it and where (tuning.minLocal).
 *  Returns where the statement starts in `text`, or -1 when the claim reports none. */
export function markReported(terms: ClaimTerm[], text: string): number {
  const m = REPORTED_STATEMENT.exec(text);
  if (!m) return -1;
  const said = new Set(tokenize(m[1]).map((t) => searchTerm(t.norm)));
  for (const t of terms) if (!t.name && said.has(t.stem)) t.reported = true;
  return m.index + m[0].length - m[1].length;
}

/** What a claim says, not who says it nor whether: a term other than a name's word, a light verb, a verb
 *  of speech or a negation. */
export function isSaid(t: ClaimTerm): boolean {
  return !t.name && !isLightVerb(t.stem) && !REPORTING.has(t.stem) && !NEGATION.test(t.stem);
}

interface Clause {
  negated: boolean;
  hypothetical: boolean;
  stems: Set<string>;
}

function clausesOf(text: string): Clause[] {
  const clauses: Clause[] = [];
  const breaks = CLAUSE_BREAK;
  breaks.lastIndex = 0;
  let from = 0;
  // A condition runs on over the clauses "and" joins to it: "if exports weaken and wages stay flat".
  let condition = false;
  // "I do not believe that this will be an issue": the belief's negation is the statement's.
  let denied = false;
  for (let m = breaks.exec(text); ; m = breaks.exec(text)) {
    const c = text.slice(from, m ? m.index : text.length);
    condition = HYPOTHETICAL.test(c) || condition;
    clauses.push({ negated: denied || NEGATION.test(c), hypothetical: condition, stems: new Set(tokenize(c).map((t) => searchTerm(t.norm)).filter((x): x is string => x !== null)) });
    if (!m) break;
    if (!/^\s+and\s+$/i.test(m[0])) condition = false;
    denied = /^\s+that\s+$/i.test(m[0]) && NEGATED_BELIEF.test(c);
    from = m.index + m[0].length;
  }
  return clauses;
}

/** The weight of the claim's said terms a clause holds (all of them without one; and, when given, another
 *  clause holds too). */
function weightIn(terms: ClaimTerm[], clause: Clause | undefined, also?: Clause): number {
  let w = 0;
  for (const t of terms) {
    if (!isSaid(t)) continue;
    const has = (c: Clause) => t.alternatives.some((a) => c.stems.has(a));
    if ((!clause || has(clause)) && (!also || has(also))) w += t.weight;
  }
  return w;
}

/** The clause holding most of the claim's said terms (the first on a tie), or undefined when none holds any. */
function bestClause(clauses: Clause[], terms: ClaimTerm[], also?: Clause): Clause | undefined {
  let best: Clause | undefined;
  let bestWeight = 0;
  for (const c of clauses) {
    const w = weightIn(terms, c, also);
    if (w > bestWeight) [best, bestWeight] = [c, w];
  }
  return best;
}

/** A text's words, case, punctuation and spacing aside. */
function wordsOf(text: string): string {
  return tokenize(text, 0, text.length).map((w) => w.norm).join(' ');
}

/** A claim's polarity, clause by clause. */
export class ClaimPolarity {
  private readonly negated: boolean;
  /** The weight of all the claim's said terms. */
  private readonly total: number;
  private clauses: Clause[] | undefined;
  /** The claim's words (`wordsOf`), for a source sentence that may be the claim word for word. */
  private words: string | undefined;

  constructor(
    private readonly text: string,
    private readonly terms: ClaimTerm[],
    /** Index terms of the claim's main verb: the source's clause stating it is the one compared. */
    private readonly verb: readonly string[] = [],
  ) {
    this.negated = NEGATION.test(text);
    this.total = weightIn(terms, undefined);
  }

  /** Whether a source sentence has the claim's words in the claim's order. */
  private sameWords(source: string): boolean {
    const a = source;
    const b = this.text;
    if (a.length === 0 || Math.abs(a.length - b.length) >= 0.2 * a.length) return false;
    return wordsOf(a) === (this.words ??= wordsOf(b));
  }

  /**
   * Whether a source sentence is negated where the claim is not, or the reverse, in the clauses that say
   * the same thing (a negation that no clause of the claim's words can place counts for its whole
   * sentence), and, when it is, the share of what the claim says that the source's clause holds: how
   * surely the two speak of the same thing; and whether the source's clause only supposes or asks what the
   * claim asserts.
   */
  compare(source: string): { differs: boolean; share: number; hypothetical: boolean } {
    const { terms, total } = this;
    // A question asserts nothing, negated or not ("Were there racist chants against some players?").
    if (QUESTION.test(source)) return { differs: false, share: 0, hypothetical: true };
    // The claim written word for word has its polarity, however its clauses are cut.
    if (this.sameWords(source)) return { differs: false, share: 0, hypothetical: false };
    const sourceNegated = NEGATION.test(source);
    const conditional = MAY_BE_HYPOTHETICAL.test(source);
    if (!sourceNegated && !this.negated && !conditional) return { differs: false, share: 0, hypothetical: false };
    const sourceClauses = clausesOf(source);
    // The clause stating the claim's verb ("he has no regrets" for "regretted", not "after his side lost"),
    // else the one holding most of the claim.
    const stating = this.verb.length > 0 ? sourceClauses.filter((c) => this.verb.some((v) => c.stems.has(v))) : [];
    const said = sourceClauses.length > 1 ? (bestClause(stating.length > 0 ? stating : sourceClauses, terms) ?? stating[0]) : sourceClauses[0];
    if (!said) return { differs: sourceNegated !== this.negated, share: 0, hypothetical: false };
    // The claim's clause that says the same, when the source's sentence was itself cut into clauses and
    // that clause says most of the claim ("prime minister" alone does not place the claim's "never").
    this.clauses ??= clausesOf(this.text);
    // Where the source's clause was chosen by the claim's verb, the claim's clause stating that verb is its
    // counterpart ("…, who is accused of overseeing a fraud, never made…" against itself).
    const claimStating = stating.length > 0 && sourceClauses.length > 1 ? this.clauses.filter((c) => this.verb.some((v) => c.stems.has(v))) : [];
    let claimClause = claimStating.length === 1 && stating.includes(said) ? claimStating[0] : this.clauses.length > 1 && sourceClauses.length > 1 ? bestClause(this.clauses, terms, said) : undefined;
    if (claimClause && claimClause !== claimStating[0] && weightIn(terms, claimClause) * 2 <= total) claimClause = undefined;
    const claimNegated = claimClause ? claimClause.negated : this.negated;
    let differs = said.negated !== claimNegated;
    // A negated claim whose negation the source writes in another clause than the one holding most of
    // the claim's words (a clause that is mostly who is speaking, or a noun joined by "and").
    if (differs && claimNegated) {
      differs = !sourceClauses.some((c) => c.negated && weightIn(terms, c) >= NEGATED_SHARE * total);
    }
    // What the source says only as a condition or a question does not back a claim that asserts it.
    const hypothetical = said.hypothetical && !(claimClause ? claimClause.hypothetical : MAY_BE_HYPOTHETICAL.test(this.text));
    return { differs, share: !differs ? 0 : total > 0 ? weightIn(terms, said) / total : 1, hypothetical };
  }
}
