// The verdict for one draft sentence: misquoted, contradicted, supported or unsourced, with its best
// sources. Results are cached by sentence text and context, so a re-check after an edit only
// re-judges the sentences that changed.

import type { Range } from 'vscode-languageserver-types';
import type { Article, ScoredSentence, SourceSentence } from '../api.ts';
import type { Claim, Entity, Evidence, Mention, Quantity, Quote, Span } from '../types.ts';
import type { CorpusIndex } from '../corpus/corpusIndex.ts';
import { repairMojibake, tokenize } from '../text/words.ts';
import { isDateLike } from '../text/numbers.ts';
import { searchTerm } from '../corpus/corpusIndex.ts';
import { citedArticle } from '../corpus/citedArticle.ts';
import { linesOf } from '../corpus/articleLines.ts';
import { proseText, type DraftAnalysis, type DraftSentence } from './draft.ts';
import { isClaim, pronounReferent } from './claims.ts';
import { figureDirection } from './direction.ts';
import { boundsSpan, countedNoun, isBareCount, shareOf, type ClaimFigure } from './counted.ts';
import { ClaimMemo, claimTerms, scoreUnit, type EvidenceUnit } from './evidence.ts';
import { ClaimPolarity, isReporting, isSaid, markReported } from './polarity.ts';
import { candidateUnits } from './retrieval.ts';
import type { ClaimName } from './nameMatch.ts';
import { claimPredicate } from './predicate.ts';
import { oppositeIn, predicateGaps, subjectOf } from './predicateSupport.ts';
import { matchQuote, quoteWords } from './quoteCheck.ts';
import { misattribution, speakerArticles, speakerMention } from './attribution.ts';
import { swappedFigures } from './figureSwap.ts';
import { exchangedNames } from './namesExchanged.ts';
import { swapBlocked, swappedName } from './nameSwap.ts';
import { wrongSubject } from './agent.ts';
import { wrongCounterpart } from './counterpart.ts';
import { wrongTitle } from './roleTitle.ts';
import { weekdaysIn } from './weekdays.ts';
import { alignedOpposite } from './antonym.ts';
import { turnedExpectation } from './expectation.ts';
import { turnedMotion } from './motion.ts';
import { turnedStance } from './stance.ts';
import { otherRank } from './rank.ts';
import { tuning } from './tuning.ts';
import { reportedBy, withObject } from './messages.ts';
import { closerRivalFigure, findContradiction, opposed, reversal } from './contradiction.ts';
import { round, type Judgement } from './judgement.ts';
import { Lru } from '../util/lru.ts';

const CANDIDATES = 30;
/** Content words a claim needs before a passage may back it without stating its main verb. */
const WAIVER_TERMS = 5;
/** Verbs that withhold what the rest of the claim says ("refused to meet", "failed to win"). */
const REFUSALS = new Set(['refuse', 'reject', 'decline', 'deny', 'fail', 'boycott', 'veto', 'oppose', 'block', 'resist', 'shun', 'snub', 'spurn', 'rebuff']);
/** Share of a claim's words inside found quotations that makes the quotation its evidence. */
const QUOTE_SHARE = 0.6;
/** Backing passages (best first) read for a change of level, a side taken or a rank turned round (a comparison with
 *  expectations, anchored on no figure or object, is read in the best one only). */
const TURNED_UNITS = 2;

// Keyed by the draft's current analysis, which an edit replaces: it holds one entry per open draft.
const draftMentions = new WeakMap<DraftAnalysis, Mention[]>();
/** Judgements kept (least recently used dropped): a few long drafts' worth. */
const CACHE_SIZE = 4000;

export class ClaimChecker {
  private readonly cache = new Lru<string, Judgement | null>(CACHE_SIZE);
  /** Keys of judgements made while the corpus could not answer every read (an archive's working set
   *  before a fetch): dropped once the fetch is done, while the others stay. */
  private readonly provisional = new Set<string>();
  /** Claims made from such judgements (see `isProvisional`). */
  private readonly provisionalClaims = new WeakSet<Claim>();

  constructor(private readonly corpus: () => CorpusIndex) {}

  clear(): void {
    this.cache.clear();
    this.provisional.clear();
  }

  /** Forgets the judgements made with reads missing (see CorpusIndex.track). */
  dropProvisional(): void {
    for (const key of this.provisional) this.cache.delete(key);
    this.provisional.clear();
  }

  check(draft: DraftAnalysis, s: DraftSentence): Claim | undefined {
    const corpus = this.corpus();
    const prose = proseText(draft, s);
    if (!isClaim(s, prose)) return undefined;
    let allMentions = draftMentions.get(draft);
    if (!allMentions) draftMentions.set(draft, (allMentions = fullNames(draft)));
    const referent = pronounReferent(draft, s, prose, corpus, allMentions);
    const scope = this.scope(draft, s, corpus);
    // Everything the judgement depends on beyond the sentence's words: what its names resolve to (which
    // depends on the rest of the draft), where its quotes are, its pronoun's referent and its citations.
    const resolved = s.mentions.map((m) => `${m.text}=${corpus.resolveMention(m, allMentions)?.id ?? ''}`).join('|');
    const quotes = s.quotes.map((q) => `${q.innerStart - s.start}:${q.innerEnd - s.start}:${speakerKey(draft, s, q)}`).join(',');
    const key = [prose, referent?.id ?? '', scope?.map((a) => a.uri).join('|') ?? '', resolved, quotes].join('\u0000');
    let j = this.cache.get(key);
    if (j === undefined) {
      const made = corpus.track(() => detached(judge(corpus, draft, s, prose, referent, scope, allMentions)));
      j = made.value;
      this.cache.set(key, j);
      if (made.complete) this.provisional.delete(key);
      else this.provisional.add(key);
    }
    if (!j) return undefined;
    const claim = toClaim(draft, s, j, corpus);
    if (this.provisional.has(key)) this.provisionalClaims.add(claim);
    return claim;
  }

  /** Whether a claim was judged while the corpus could not answer every read (an archive's working set
   *  before a fetch): its verdict may change once the fetch is done. */
  isProvisional(claim: Claim): boolean {
    return this.provisionalClaims.has(claim);
  }

  private scope(draft: DraftAnalysis, s: DraftSentence, corpus: CorpusIndex): Article[] | undefined {
    if (s.citations.length === 0) return undefined;
    const out: Article[] = [];
    for (const c of s.citations) {
      const def = draft.prose.footnotes.find((f) => f.key === c.key);
      const article = def ? citedArticle(def.text, c.key, corpus) : corpus.articleByKey(c.key);
      if (article && !out.includes(article)) out.push(article);
    }
    return out.length > 0 ? out : undefined;
  }
}

/**
 * The judgement with copies of its strings cut from the draft (names, figures, quotes): V8 keeps a whole
 * string alive for any slice of it, and a cached judgement outlives the draft versions it was made from.
 */
function detached(j: Judgement | null): Judgement | null {
  if (!j) return j;
  const copy = (s: string): string => JSON.parse(JSON.stringify(s)) as string;
  return {
    ...j,
    reason: copy(j.reason),
    entities: j.entities.map(copy),
    conflict: j.conflict && { ...j.conflict, draft: copy(j.conflict.draft), source: copy(j.conflict.source) },
    quote: j.quote && { ...j.quote, draft: copy(j.quote.draft), nearest: j.quote.nearest === undefined ? undefined : copy(j.quote.nearest) },
    attribution: j.attribution && { ...j.attribution, draft: copy(j.attribution.draft) },
  };
}

/** A name right after a preposition that places something ("in Paris"): a location, not an actor. */
const LOCATED = /\b(?:in|at|near|outside)\s+(?:the\s+)?$/i;

/** What "the two" follows when it refers to a pair ("the two sides", "their two sons"), not a count. */
const PAIR_BEFORE = /\b(?:the|these|those|their|its|his|her|our)\s+$/i;

/** Whether a quantity of the draft's `text` is a figure a source must give. "one" alone is a word more
 *  often than a figure ("one of the…"), "first" an order more often than a rank ("the first time"), and
 *  "the two sides" refers to a pair already named, as "both" does; "fourth term" is a figure a source's
 *  "third term" contradicts. */
function isFigure(q: Quantity, text: string): boolean {
  if (q.kind === 'ordinal') return q.value >= 2;
  if (q.kind !== 'number' || q.unit) return true;
  return q.value !== 1 && !(q.value === 2 && PAIR_BEFORE.test(text.slice(Math.max(0, q.start - 8), q.start)));
}

/** A figure with what the draft's `text` says around it: what a count counts, whether a date bounds a
 *  span, the direction it gives. */
function claimFigure(q: Quantity, text: string): ClaimFigure {
  const around = isBareCount(q)
    ? { counts: countedNoun(text, q) }
    : q.unit === '%'
      ? { counts: shareOf(text, q) }
      : isDateLike(q)
        ? { bounds: boundsSpan(text, q.start) }
        : {};
  return { ...q, ...around, direction: figureDirection(text, q.start, q.end) };
}

/** A place abbreviation ("US", "UK") written as a modifier: before a lower-case word, not after a
 *  preposition ("in the US economy" locates, "US regulators" describes). */
function isPlaceModifier(mention: Mention, text: string): boolean {
  return (
    /^\p{Lu}{2,3}$/u.test(mention.text) &&
    /^\s+\p{Ll}/u.test(text.slice(mention.end, mention.end + 3)) &&
    !/\b(?:in|at|from|to|of|near|across|throughout)\s+(?:(?:the|a|an)\s+)?$/i.test(text.slice(Math.max(0, mention.start - 12), mention.start))
  );
}

function judge(
  corpus: CorpusIndex,
  draft: DraftAnalysis,
  s: DraftSentence,
  prose: string,
  referent: Entity | undefined,
  scope: Article[] | undefined,
  allMentions: Mention[],
): Judgement | null {
  const names: ClaimName[] = [];
  for (const mention of joinSplitNames(s.mentions, draft.prose.masked.slice(0, s.end))) {
    const entity = corpus.resolveMention(mention, allMentions);
    const words = tokenize(mention.text)
      .map((t) => t.norm)
      .filter((w) => searchTerm(w) !== null);
    // A capitalised first word the corpus does not know as a name ("Businesses on the…") is not one.
    if (!entity && words.length === 1 && prose.startsWith(mention.text) && corpus.documentFrequency(searchTerm(words[0]) ?? '') > 0) continue;
    // "US talk show host", "UK clothing retailer": a country's abbreviation before a noun describes the
    // person or firm, as the writer frames it; the sources about them need not write it.
    if ((entity?.kind ?? mention.kind) === 'place' && isPlaceModifier(mention, draft.prose.masked)) continue;
    names.push({ mention, entity, words, located: LOCATED.test(draft.prose.masked.slice(Math.max(0, mention.start - 12), mention.start)) });
  }
  linkAbbreviations(names, draft.prose.masked);
  if (referent && !names.some((n) => n.entity?.id === referent.id)) {
    names.push({ mention: { start: s.start, end: s.start, text: referent.name, kind: referent.kind }, entity: referent, words: [] });
  }
  const entities = [...new Set(names.map((n) => n.entity?.name ?? n.mention.text))];

  // 1. Quotations must be word for word.
  const quoted: Array<{ sentence: SourceSentence; score: number }> = [];
  let quotedWords = 0;
  // Articles found for the sentence around the quotations: words the search index does not keep ("what
  // you see is what you get", "might well be") find no article of their own. Searched once, when needed.
  let aroundHits: ScoredSentence[] | undefined;
  for (const q of s.quotes) {
    const words = quoteWords(q.text);
    if (words.length === 0 || isTitle(q.text)) continue;
    const candidates = scope ?? articlesOf([...corpus.searchSentences(q.text, 20), ...(aroundHits ??= corpus.searchSentences(prose, 10))].map((h) => h.sentence), corpus);
    let match = matchQuote(q.text, candidates, (a) => quoteSegments(a, corpus));
    // A short phrase given to a speaker must be in a story that names them ("warned of 'economic
    // disaster'" is not backed by another story's "economic disaster").
    const found = match.found ? match.article : undefined;
    const own = found ? speakerArticles(draft, s, q, candidates) : undefined;
    if (found && own && own.length > 0 && !own.includes(found)) match = matchQuote(q.text, own, (a) => quoteSegments(a, corpus));
    if (match.found) {
      // The right words, but do the sources give them to the draft's speaker?
      const wrong = misattribution(corpus, draft, s, q, prose, allMentions, candidates, scope !== undefined);
      if (wrong) {
        const attribution = { start: wrong.written.start - s.start, end: wrong.written.end - s.start, draft: wrong.written.text };
        return {
          verdict: 'misquoted',
          reason: wrong.speaker
            ? `The sources give these words to ${wrong.speaker.name}.`
            : wrong.described
              ? `The source gives these words to ${wrong.described}, not to ${wrong.written.text}.`
              : `The source gives these words to someone it names before them (“${wrong.pronoun}”), not to ${wrong.written.text}.`,
          entities,
          sources: [{ sentence: wrong.sentence, score: 1 }],
          quote: { start: q.innerStart - s.start, end: q.innerEnd - s.start, draft: q.text },
          attribution: wrong.speaker ? { ...attribution, source: wrong.replacement, speaker: wrong.speaker.name } : attribution,
        };
      }
      // The words are the source's own: that passage is the best evidence there is.
      const at = match.article && match.start !== undefined ? sentenceAt(match.article, match.start) : undefined;
      if (at) quoted.push({ sentence: at, score: 1 });
      quotedWords += words.length;
      continue;
    }
    const nearestSentence = match.article && match.start !== undefined ? sentenceAt(match.article, match.start) : undefined;
    const close = (match.similarity ?? 0) >= 0.5;
    const nearest = close && match.nearest !== undefined ? repairMojibake(match.nearest) : undefined;
    return {
      verdict: 'misquoted',
      reason: close
        ? `No source has these words; the nearest is “${nearest}”.`
        : 'No source contains these words in quotation marks.',
      entities,
      sources: nearestSentence && close ? [{ sentence: nearestSentence, score: round(match.similarity ?? 0) }] : [],
      quote: { start: q.innerStart - s.start, end: q.innerEnd - s.start, draft: q.text, nearest, nearestSentence },
    };
  }

  // 2. Content, names and figures against the best evidence.
  const terms = claimTerms(prose, corpus, new Set(names.flatMap((n) => n.words)));
  const figures = s.quantities.filter((q) => isFigure(q, draft.prose.masked)).map((q) => claimFigure(q, draft.prose.masked));
  // The sentence as written (quotations and markup masked), which offsets of the claim's parts index.
  const written = draft.prose.masked.slice(s.start, s.end);
  // A statement the claim reports, in its own words (a quotation's are checked as such).
  const reportedFrom = s.quotes.length === 0 ? markReported(terms, written) : -1;
  const reportsFigure = reportedFrom >= 0 && figures.some((f) => f.start - s.start >= reportedFrom);
  // What the claim says of its subject (see predicate.ts): its main verb.
  let predicate = claimPredicate(
    written,
    [...s.mentions, ...s.quotes].map((x) => ({ start: x.start - s.start, end: x.end - s.start })),
  );
  const polarity = new ClaimPolarity(prose, terms, predicate.flatMap((p) => p.stems.filter((t) => !p.related.includes(t) && !t.includes('+'))));
  const query = [prose, referent?.name ?? ''].join(' ');
  const units = candidateUnits(corpus, query, scope, CANDIDATES);
  for (const q of quoted) if (!units.some((u) => u.length === 1 && u[0] === q.sentence)) units.push([q.sentence]);
  const memo = new ClaimMemo();
  const days = weekdaysIn(written, s.start);
  const scored = units.map((u) => scoreUnit(u, terms, names, figures, polarity, corpus, memo, days));
  const novel = terms.filter((t) => t.novel).length;
  const outswapped = swapBlocked(scored, names, s, corpus);
  const supporting = scored
    .filter((u) => !u.negationMismatch && !u.hypothetical && u.missingNames.every((n) => n.inArticle) && u.missingFigures.every((f) => f.inArticle && !f.conflict))
    .filter((u) => !swappedName(u, names, s, corpus) && !outswapped(u))
    .sort((a, b) => supportScore(b) - supportScore(a));
  const best = supporting[0];
  // Names and figures all found in the sources anchor a claim: its wording may stray further.
  const anchored = names.length + figures.length >= tuning.anchorCount;
  // Only where the passage's article says some of what the claim says: one that names its people and
  // nothing of what they did ("Phillips said the comedian was pleased" for "Phillips said Cosby would
  // consider counter-suing") is held to the full bar.
  const saysAnything = terms.some(isSaid);
  const threshold = (u: EvidenceUnit) =>
    anchored && !(saysAnything && Math.max(u.saidCoverage, u.articleSaid) < tuning.saidMin) ? tuning.support - tuning.anchored : tuning.support;
  // A word no source uses at all is news the sources do not have.
  // A claim that is mostly words found verbatim in a source, with its names in that article, is supported.
  const quoteBacked =
    quoted.length > 0 &&
    quotedWords >= QUOTE_SHARE * quoteWords(prose).length &&
    scored.some((u) => u.sentences.includes(quoted[0].sentence) && u.missingNames.every((n) => n.inArticle));
  // What the claim says of its subject must be stated in a passage that names the subject.
  const subject = subjectOf(names, predicate, s);
  // A name the corpus does not know, of one word ("Scientists are…"), is no subject to hold a claim to.
  const subjectKind = subject && (subject.entity || subject.words.length >= 2) ? (subject.entity?.kind ?? subject.mention.kind) : undefined;
  // Its verb is what a claim about anything says ("GDP rose"), though only a person's or an
  // organisation's must be stated where the sources speak of them: a passage saying the opposite instead
  // ("GDP fell") contradicts any claim.
  const verb = predicate;
  if (tuning.predicatePersonsOnly && subjectKind !== 'person' && !(tuning.predicatePersonsOnly === 2 && subjectKind === 'organization')) predicate = [];
  const states = (u: EvidenceUnit) => predicateGaps(u, predicate, subject, corpus).length === 0;
  const reported = (predicate.length > 0 || terms.some((t) => t.reported)) && terms.some(isReporting);
  // Passages that hold half of a reported claim (who said it, to whom and where included), and of those
  // the ones that hold half of what it reports.
  const heard = supporting.filter((u) => supportScore(u) >= threshold(u) && (!reported || u.coverage >= tuning.minLocal));
  // A figure the statement reports stands for it where the passage has every figure of the claim
  // ("says more than 12,000 new ones appear every day" for "says that more than 12,000 are added daily").
  const passing = heard.filter((u) => !reported || u.reportedCoverage >= tuning.minLocal || (reportsFigure && u.missingFigures.length === 0));
  const stating = passing.filter(states);
  // A contradiction shown on the claim's words, with the source's words as the fix.
  const conflicting = (reason: string, sources: Judgement['sources'], c: { start: number; end: number; draft: string; source: string }): Judgement => ({
    verdict: 'contradicted',
    reason,
    entities,
    sources,
    conflict: { start: c.start, end: c.end, draft: c.draft, source: c.source },
  });
  // Backed, unless a passage close to the claim says it with the opposite word in its place, or the
  // claim gives a person a title the sources give them nowhere ("chief executive" for "chief economist").
  const supported = (units: EvidenceUnit[]): Judgement => {
    const opposite = alignedOpposite(written, scored);
    if (opposite) return conflicting(`The source says “${opposite.source}”, not “${opposite.draft}”.`, [{ sentence: opposite.sentence, score: round(opposite.unit.coverage) }], opposite);
    const turned = turnedExpectation(written, units.slice(0, 1), corpus) ?? turnedMotion(written, s.start, s.quantities, units.slice(0, TURNED_UNITS)) ?? turnedStance(written, units.slice(0, TURNED_UNITS)) ?? otherRank(written, units.slice(0, TURNED_UNITS));
    if (turned) {
      const said = turned.said ?? turned;
      return conflicting(`The source says “${said.source}”, not “${said.draft}”.`, [{ sentence: turned.sentence, score: round(turned.unit.coverage) }], turned);
    }
    const swap = swappedFigures(written, s.start, s.quantities, s.mentions, units);
    if (swap) return conflicting(swap.time ? `The sources give ${swap.source} for ${swap.name}, not ${swap.draft}.` : `The sources give ${swap.name} ${swap.source}, not ${swap.draft}.`, [{ sentence: swap.sentence, score: round(swap.unit.coverage) }], swap);
    const exchanged = exchangedNames(written, s.start, s.mentions, units);
    if (exchanged) return conflicting(`The source says “${exchanged.source}”, not “${exchanged.draft}”.`, [{ sentence: exchanged.sentence, score: round(exchanged.unit.coverage) }], exchanged);
    const title = wrongTitle(names, written, s.start, corpus);
    if (!title) return backed(units);
    const sources = title.sentence ? [{ sentence: title.sentence, score: 1 }] : backed(units).sources;
    return conflicting(`The sources call ${title.entity.name} ${title.source}, not ${title.draft}.`, sources, title);
  };
  const backed = (units: EvidenceUnit[]): Judgement => ({
    verdict: 'supported',
    reason: '',
    entities,
    sources: [
      ...quoted,
      ...units.slice(0, 3).flatMap((u) => u.sentences.map((sentence) => ({ sentence, score: round(supportScore(u)) }))),
    ].filter(uniqueSentence),
    backing: [...new Set([...quoted.map((q) => q.sentence.uri), ...units.map((u) => u.sentences[0].uri)])],
  });
  if (quoteBacked) return supported(passing);
  // A passage that says more of the claim than any supporting one, but negated where the claim is not (or
  // the reverse), contradicts it: "MCI had rejected a deal worth $8bn" against "MCI had accepted a deal…".
  const above = Math.max(0, ...passing.map((u) => u.coverage));
  const reversed = reversal(scored, above) ?? closerRivalFigure(scored, s, above);
  if (reversed) return { ...reversed, entities };
  const unopposed = (): Judgement | undefined => {
    if (predicate.length > 0 || verb.length === 0) return undefined;
    // Sentence by sentence (a neighbour, "The economy contracted in 2003", says nothing of the event): the
    // opposite must be in the sentence saying most of the claim, none saying as much stating its verb.
    const sentences = passing.filter((u) => u.sentences.length === 1);
    const opposite = oppositeIn(sentences, verb, subject, corpus, true);
    if (!opposite || sentences.some((u) => u.coverage >= opposite.unit.coverage && predicateGaps(u, verb, subject, corpus, true).length === 0)) return undefined;
    return { ...opposed(opposite), entities };
  };
  // The verb stated, where the sources back the claim, of someone else ("LVMH has sold…" for "The Falic
  // Group has sold…").
  const someoneElse = (): Judgement | undefined => {
    const roles = { s, text: written, names, predicate: verb, figures, units: stating, scored, corpus };
    const wrong = wrongSubject(roles, subject) ?? wrongCounterpart(roles);
    return (
      wrong &&
      conflicting(`The sources say this of ${wrong.rival}, not ${wrong.draft}.`, [{ sentence: wrong.sentence, score: round(supportScore(stating[0])) }], {
        ...wrong,
        source: wrong.rival,
      })
    );
  };
  if (stating.length > 0 && novel <= tuning.novelAllowed) return unopposed() ?? someoneElse() ?? supported(stating);
  // The passage the message points to: a backing one, or one about the speaker that lacks the statement.
  const shown = passing[0] ?? (reported && predicate.length > 0 ? heard[0] : undefined);
  if (best && shown && novel <= tuning.novelAllowed) {
    // The names and figures are there, but no passage about the subject says what the claim does.
    const opposite = oppositeIn(scored, predicate, subject, corpus);
    // A passage that covers nearly all of the claim's other words may say the same with another verb.
    // Not for a short claim, where the verb is most of what it says.
    const nameStems = new Set(names.flatMap((n) => n.words.map((w) => searchTerm(w))));
    // A state ("was ashamed") has no paraphrase verb to hide behind: its adjective is what is claimed; nor
    // has a refusal ("will refuse to meet"): it turns the rest of the claim round.
    const waivable = predicate.every((p) => !p.state && !REFUSALS.has(p.lemma)) && terms.filter((t) => !nameStems.has(t.stem)).length >= WAIVER_TERMS;
    const waived = waivable ? passing.filter((u) => supportScore(u) >= tuning.predicateWaiver) : [];
    if (opposite) return { ...opposed(opposite), entities };
    if (waived.length > 0) return supported(waived);
    const gaps = predicateGaps(shown, predicate, subject, corpus);
    const who = subject?.entity?.name ?? subject?.mention.text;
    const missing = gaps.length > 0 ? gaps : predicate;
    const what = reportedBy(s, subject, missing[0]) + [...new Set(missing.map((p) => withObject(s, p)))].join(', ');
    return {
      verdict: 'unsourced',
      reason: who ? `No source says ${who} ${what}.` : `No source passage says “${what}”.`,
      entities,
      sources: shown.sentences.map((sentence) => ({ sentence, score: round(supportScore(shown)) })),
    };
  }

  // 3. A close unit that differs in one figure, name or polarity contradicts the claim.
  const contradiction = findContradiction(scored, s, names, corpus, verb[0]);
  if (contradiction) return { ...contradiction, entities };

  const nearest = [...scored].sort((a, b) => b.coverage - a.coverage)[0];
  // Names no candidate passage's article has at all: the sources (as far as search reaches) lack them.
  const absent = names.filter((n) => n.words.length > 0 && scored.every((u) => u.missingNames.some((m) => m.mention === n.mention && !m.inArticle)));
  const list = (xs: ClaimName[]) => xs.map((n) => n.mention.text).join(', ');
  let reason: string;
  if (scope) reason = 'The cited article does not say this.';
  else if (absent.length > 0) reason = `No source mentions ${list(absent)}.`;
  else if (nearest && nearest.missingNames.length > 0) reason = `The closest source passage does not mention ${list(nearest.missingNames)}.`;
  else reason = 'The closest source passage says something else.';
  return {
    verdict: 'unsourced',
    reason,
    entities,
    sources: nearest && nearest.coverage > 0.3 ? nearest.sentences.map((sentence) => ({ sentence, score: round(nearest.coverage) })) : [],
  };
}

/**
 * Coverage, blended with the article's (a claim that sums up a story draws on the whole article), less a
 * little for each name or figure found only elsewhere in the article.
 */
function supportScore(u: EvidenceUnit): number {
  const elsewhere = u.missingNames.length + u.missingFigures.length;
  const local = u.coverage - tuning.secondSentence * (u.sentences.length - 1);
  const w = tuning.articleWeight;
  return (1 - w) * local + w * Math.max(local, u.articleCoverage) - tuning.elsewhere * elsewhere;
}

/**
 * A name and its abbreviation in brackets right after it ("Harbour Safety Commission (HSC)") are one
 * name: a source that uses either form has it. The capitals of the name must end the abbreviation (the
 * name found may have lost a leading word, "Greater Harbour Safety Commission (GHSC)").
 */
function linkAbbreviations(names: ClaimName[], text: string): void {
  for (let i = 0; i + 1 < names.length; i++) {
    const [long, short] = [names[i], names[i + 1]];
    const abbr = short.mention.text;
    if (!/^\p{Lu}{2,6}$/u.test(abbr) || !/^ ?\($/.test(text.slice(long.mention.end, short.mention.start))) continue;
    const initials = long.mention.text.match(/\b\p{Lu}/gu)?.join('') ?? '';
    if (initials.length < 2 || !abbr.endsWith(initials)) continue;
    long.abbreviation = short.words;
    short.abbreviation = long.words;
  }
}

/**
 * Names split at a spaced hyphen ("Vell - Aro", "Port Saint - Marin", as machine-tokenized text writes
 * them) joined back into one name, written with a plain hyphen; and a name cut inside a word (camel
 * case "BlueKettle", "U.S" with no final stop) made the whole word, as the sources index it.
 */
function joinSplitNames(mentions: Mention[], text: string): Mention[] {
  const out: Mention[] = [];
  for (const found of mentions) {
    const rest = WORD_REST.exec(text.slice(found.end, found.end + 40))?.[0] ?? '';
    const m = rest ? { ...found, end: found.end + rest.length, text: text.slice(found.start, found.end + rest.length) } : found;
    const prev = out[out.length - 1];
    if (prev && m.start < prev.end) {
      out[out.length - 1] = { ...prev, end: Math.max(prev.end, m.end), text: text.slice(prev.start, Math.max(prev.end, m.end)) };
    } else if (prev && text.slice(prev.end, m.start) === ' - ') {
      out[out.length - 1] = { ...m, start: prev.start, text: `${prev.text}-${m.text}`, role: prev.role ?? m.role };
    } else out.push(m);
  }
  return out;
}

/** The rest of a word a name ends inside: letters and digits, with stops only between them. */
const WORD_REST = /^(?:\.?[\p{L}\p{N}])+/u;

/** Where the nearest real words of a misquote may be: the article's quotations, else its sentences. */
function quoteSegments(article: Article, corpus: CorpusIndex): Span[] {
  const quotes = corpus.quoteHits(article).map((h) => ({ start: h.quote.innerStart, end: h.quote.innerEnd }));
  return quotes.length > 0 ? quotes : article.sentences;
}

/** Quotation marks around a title ("Sixty-Six Books", "Beauty and the Beast") mark a name, not words someone said. */
function isTitle(text: string): boolean {
  const words = text.trim().split(/\s+/);
  if (words.length > 8 || /[.!?,;:]$/.test(text.trim())) return false;
  const significant = words.filter((w) => /\p{L}{4,}/u.test(w));
  return significant.length > 0 && significant.every((w) => /^[\p{Lu}\d"“‘'(]/u.test(w));
}

/** Where the draft names a quotation's speaker (it may be in the next sentence): part of the cache key. */
function speakerKey(draft: DraftAnalysis, s: DraftSentence, q: Quote): string {
  const m = speakerMention(draft, s, q);
  return m ? `${m.start - s.start}=${m.text}` : '';
}

/** The draft's names of two words or more, once each: the context a lone surname is resolved in. */
function fullNames(draft: DraftAnalysis): Mention[] {
  const seen = new Set<string>();
  const out: Mention[] = [];
  for (const s of draft.sentences) {
    for (const m of s.mentions) {
      if (!/\s/.test(m.text.trim()) || seen.has(m.text)) continue;
      seen.add(m.text);
      out.push(m);
    }
  }
  return out;
}

function articlesOf(sentences: SourceSentence[], corpus: CorpusIndex): Article[] {
  const out: Article[] = [];
  for (const s of sentences) {
    const a = corpus.article(s.uri);
    if (a && !out.includes(a)) out.push(a);
  }
  return out;
}

function sentenceAt(article: Article, offset: number): SourceSentence | undefined {
  return article.sentences.find((s) => offset >= s.start && offset < s.end) ?? article.sentences.find((s) => s.start >= offset);
}

function uniqueSentence(x: { sentence: SourceSentence }, i: number, all: Array<{ sentence: SourceSentence }>): boolean {
  return all.findIndex((y) => y.sentence === x.sentence) === i;
}

export function toEvidence(sentence: SourceSentence, score: number, corpus: CorpusIndex): Evidence {
  const article = corpus.article(sentence.uri);
  let range: Range = { start: { line: sentence.line, character: 0 }, end: { line: sentence.line, character: 0 } };
  if (article) range = linesOf(article).rangeOf(sentence.start, sentence.end);
  return { uri: sentence.uri, title: article?.title ?? sentence.uri, line: sentence.line, range, text: repairMojibake(sentence.text), score };
}

function toClaim(draft: DraftAnalysis, s: DraftSentence, j: Judgement, corpus: CorpusIndex): Claim {
  const at = (start: number, end: number) => draft.lines.rangeOf(s.start + start, s.start + end);
  return {
    range: draft.lines.rangeOf(s.start, s.end),
    start: s.start,
    end: s.end,
    text: s.text,
    verdict: j.verdict,
    entities: j.entities,
    sources: j.sources.map((x) => toEvidence(x.sentence, x.score, corpus)),
    reason: j.reason,
    conflict: j.conflict ? { draft: j.conflict.draft, draftRange: at(j.conflict.start, j.conflict.end), source: j.conflict.source } : undefined,
    quote: j.quote ? { draft: j.quote.draft, draftRange: at(j.quote.start, j.quote.end), nearest: j.quote.nearest } : undefined,
    attribution: j.attribution && { draft: j.attribution.draft, draftRange: at(j.attribution.start, j.attribution.end), source: j.attribution.source, speaker: j.attribution.speaker },
    citations: s.citations.map((c) => c.key),
    backing: j.backing,
  };
}
