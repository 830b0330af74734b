// Which draft sentences are claims, and what in them must be backed by a source.

import type { Entity, Mention } from '../types.ts';
import type { DraftAnalysis, DraftSentence } from './draft.ts';
import type { CorpusIndex } from '../corpus/corpusIndex.ts';

// A past or perfect verb form: the sentence reports an event ("has been opened", "was held", "fired"), or
// what someone said ("The producers said the cast would…").
const EVENT_VERB = /\b(?:has|have|had)\s+(?:been\s+)?\w+(?:ed|en|wn|t)\b|\b(?:was|were)\s+\w+(?:ed|en|wn|t)\b|\b\w{3,}ed\b|\b(?:said|says|told|tells)\b/i;
const PRONOUN_START = /^\W*(?:he|she|his|her|they|their)\b/i;
/** How many sentences back a pronoun may find the person it refers to. */
const PRONOUN_LOOKBACK = 3;

// The writer's framing, not a claim about people or events: sentences about the article itself ("The
// rest of this piece looks at…", "In this column…", "We will now consider…").
const ABOUT_THE_TEXT =
  /^\W*(?:(?:in|below,?|throughout)\s+)?(?:(?:the\s+)?(?:remainder|rest|(?:first|next|final|last|second)\s+(?:part|section|half))\s+of\s+)?(?:this|the\s+present|the\s+following)\s+(?:article|piece|essay|column|post|feature|analysis|section|chapter|page)\b|^\W*(?:we|i)\s+(?:will|shall|now|then|first)\s+(?:\w+\s+)?(?:look|turn|consider|examine|explore|ask|discuss)\b/i;
// An evaluation led by an inverted negative adverb ("Seldom has…", "Rarely have…", "Never before has…"):
// the writer's judgement, with no checkable event unless it carries a figure or a quotation.
const INVERTED_JUDGEMENT = /^\W*(?:seldom|rarely|scarcely|hardly\s+ever|never\s+before|nowhere\s+else|not\s+since|little)\s+(?:has|have|had|is|are|was|were|does|do|did|will|would|can|could)\b/i;

// An open question the writer leaves open ("Whether the bet pays off remains to be seen", "Only time will
// tell", "It is too early to say whether…", "It is hard to see how…", "…is an open question", "…is anyone's
// guess", "Whether they can win is another matter" or "…is the big question", "Whether voters agree is far from certain / will only
// become clear on polling day", "Just how much room he has will only become clear on Budget day"), or the
// writer's hindsight or judgement ("Few would have predicted…", "Few judges can have left such a mark",
// "Few would envy the minister"): nothing
// happened that a source could back.
const OPEN_QUESTION =
  /^\W*whether\b.*\b(?:is|was|remains?)\s+(?:quite\s+|rather\s+)?(?:another|a\s+different|a\s+separate)\s+(?:matter|question|story)\b|^\W*whether\b.*\b(?:is|was|remains?)\s+(?:the|a)\s+(?:(?:big|key|real|main|crucial|central|open|only|\S+-dollar)\s+)?question\b|^\W*(?:just\s+)?(?:whether|how|what|who|which|when|why)\b.*\b(?:(?:is|was|remains?|seems?)\s+(?:(?:still\s+)?(?:unclear|uncertain|unknown|debatable|doubtful|in\s+doubt|open\s+to\s+(?:question|doubt|debate))|(?:far\s+from|by\s+no\s+means|not\s+yet|not|still\s+not|less\s+than)\s+(?:certain|clear|known|settled|decided))|(?:will|may|might|can)\s+(?:only\s+)?(?:become|be\s+made)\s+(?:clear|known|plain)|will\s+only\s+be\s+(?:known|seen|decided|settled)|is\s+yet\s+to\s+be\s+(?:seen|decided|settled|determined))\b|\bfew\s+(?:would|could)\s+have\s+(?:predicted|imagined|guessed|expected|foreseen|forecast|thought|believed)\b|^\W*few\s+(?:would|will|could)\s+(?:envy|dispute|deny|doubt|argue|question|begrudge|disagree)\b|^\W*few\s+(?:\S+\s+){1,6}?(?:can|could)\s+have\s+(?:left|had|done|made|achieved|matched|\w+ed|\w+en)\b|\b(?:remains?|remained)\s+to\s+be\s+seen\b|\b(?:is|was|remains?|remained)\s+(?:still\s+)?(?:an\s+open\s+question|any(?:one|body)['’]s\s+guess)\b|\bonly\s+time\s+will\s+tell\b|\bis\s+something\s+only\s+(?:\S+\s+){1,4}?(?:can|will)\s+(?:settle|tell|decide|answer|show)\b|\bthe\s+(?:real|big|key|true|acid)\s+test\s+will\s+be\s+whether\b|\b(?:it\s+is|it's|it\s+was)\s+(?:(?:still|far|much)\s+)?(?:too\s+(?:early|soon)|hard|difficult|impossible)\s+to\s+(?:say|tell|know|predict|judge|imagine|overstate|think\s+of|see\s+(?:how|why|what|whether))\b/i;

// The writer's forecast of a debate ("The arrest is likely to reignite debate about…", "…is bound to raise
// questions over…", "The case raises uncomfortable questions about…"): what people will argue over is no
// event a source reports.
const FORESEEN_DEBATE =
  /\b(?:is|are|was|were|will\s+be|seems?)\s+(?:likely|unlikely|bound|certain|sure|set)\s+to\s+(?:\w+\s+){1,4}?(?:debate|debates|questions|speculation|controversy|soul-searching)\b|\braises?\s+(?:(?:some|many|more|new|fresh|serious|uncomfortable|awkward|difficult|hard|wider|broader)\s+)*questions\s+(?:about|over|as\s+to)\b/i;

// The writer's own forecast, with no one said to make it ("…could prove a vintage year for…", "…promises to
// be one of the most bruising…", "…is bound to sting", "…could come as a welcome change", "Drivers will no
// doubt be hoping…", "…it would be a surprise if this one held", "Few managers would be brave enough to…",
// "Few artists can claim a legacy to match…"): no event a source reports. Not when someone is said
// to forecast it ("Analysts said the deal could prove costly" is a reported statement).
const WRITERS_FORECAST = /\b(?:could|may|might)\s+(?:yet\s+|well\s+)?(?:prove|come\s+as)\b|^\W*few\s+(?:[a-z'’-]+\s+){0,6}?(?:would|could|can)\s+(?:be\s+|ever\s+)?(?:brave|bold|claim|match|rival|argue|deny|dispute|doubt|question|envy|begrudge|imagine|predict|forget|say|write|call|expect|hope|afford|resist)\b|\b(?:it\s+would|it'd)\s+be\s+(?:a\s+|no\s+)?(?:surprise|surprising|shock|astonishing|remarkable)\s+if\b|\bwill\s+no\s+doubt\b|\bpromises?\s+to\s+be\b|\bis\s+bound\s+to\s+(?:sting|hurt|rankle|irk|grate)\b/i;
const SAID_BY = /\b(?:said|says|told|tells|according\s+to|believes?|thinks?|expects?|predicts?|warned|warns)\b/i;

/** A sentence opening with the question it leaves open ("Whether…", "Just how much…"). */
const WONDERING = /^\W*(?:just\s+)?(?:whether|how)\b/i;

// A transition that announces what follows ("Here is how the afternoon unfolded.", "This is what we know").
const TRANSITION = /^\W*(?:here(?:'s|’s|\s+is|\s+are)|this\s+is|these\s+are)\s+(?:how|what|why|where|when|who)\b/i;

export function isClaim(s: DraftSentence, prose: string): boolean {
  if (s.heading || s.ignored) return false;
  // A question asks; it claims nothing (unless it quotes someone, whose words are checked).
  if (s.quotes.length === 0 && /\?["”’)\]]*$/.test(prose.trim())) return false;
  if (ABOUT_THE_TEXT.test(prose) || (TRANSITION.test(prose) && s.quotes.length === 0 && s.mentions.length === 0)) return false;
  if ((INVERTED_JUDGEMENT.test(prose) || OPEN_QUESTION.test(prose) || FORESEEN_DEBATE.test(prose) || (WRITERS_FORECAST.test(prose) && !SAID_BY.test(prose))) && s.quotes.length === 0 && !s.quantities.some((q) => q.kind !== 'ordinal')) return false;
  // A question the sentence opens with holds its figures ("Whether six minutes of football can settle
  // anything is anyone's guess"): they are what it wonders about, not what it says happened.
  if (WONDERING.test(prose) && OPEN_QUESTION.test(prose) && s.quotes.length === 0) return false;
  if (s.mentions.length > 0 || s.quotes.length > 0) return true;
  if (s.quantities.some((q) => q.kind !== 'ordinal')) return true;
  const words = prose.split(/\s+/).filter((w) => /\p{L}{3,}/u.test(w));
  // A capitalised word after the first ("North Korean workers") names something the sources may cover.
  if (words.slice(1).some((w) => /^\p{Lu}\p{Ll}/u.test(w))) return true;
  return words.length >= 5 && EVENT_VERB.test(prose);
}

/** The person a sentence that starts with a pronoun is about: the last one named shortly before it. */
export function pronounReferent(draft: DraftAnalysis, s: DraftSentence, prose: string, corpus: CorpusIndex, all: Mention[]): Entity | undefined {
  if (!PRONOUN_START.test(prose)) return undefined;
  for (let i = s.index - 1; i >= 0 && i >= s.index - PRONOUN_LOOKBACK; i--) {
    const persons = draft.sentences[i].mentions.filter((m) => m.kind === 'person');
    for (let j = persons.length - 1; j >= 0; j--) {
      const e = corpus.resolveMention(persons[j], all);
      if (e) return e;
    }
  }
  return undefined;
}
