// The checker's few numeric knobs, in one place. `npm run eval -- --set name=value` overrides them for
// a measurement run; the defaults are what ships.

export const tuning = {
  /** Share of the claim's weighted content words a unit must cover to support it. */
  support: 0.68,
  /** A unit this close to the claim, differing in one figure or polarity, contradicts it. */
  contradiction: 0.55,
  /** Coverage a unit needs before a swapped name in it counts as a contradiction. */
  swap: 0.7,
  /** Cost of each claim name or figure the unit lacks but its article has. */
  elsewhere: 0.06,
  /** Cost of joining a second sentence to the unit. */
  secondSentence: 0.04,
  /** Share of the whole article's coverage in a unit's support score. */
  articleWeight: 0.5,
  /** Credit for a word that only shares a five-letter stem prefix with the evidence. */
  prefixCredit: 0.5,
  /** How much lower the support threshold is for a claim anchored by names and figures the sources have. */
  anchored: 0.2,
  /** Names plus figures a claim needs to count as anchored. */
  anchorCount: 1,
  /** How many words no source uses a supported claim may have. */
  novelAllowed: 0,
  /** Where a claim's main verb may be stated: 0 the passage; 1 anywhere in its article; 2 the passage or
   *  any sentence of its article that names the subject (with its neighbours). */
  predicateInArticle: 2,
  /** Whose claims must have their main verb stated: 1 a person subject, 2 a person or organisation, 0 any. */
  predicatePersonsOnly: 2,
  /** Share of the corpus's sentences above which a WordNet synonym no longer states a claim's verb. */
  commonSynonym: 0.005,
  /** Support score at which a passage backs a claim even without its main verb (a paraphrase). */
  predicateWaiver: 0.75,
  /** Weight factor of words the corpus never uses. */
  novelWord: 2,
  /** Share of what a claim says (its words other than names, light verbs and verbs of speech) a unit
   *  must hold to back it, whatever its names add. */
  saidMin: 0.2,
  /** Share of a reported statement ("X said the council would…") a passage must itself hold to back it. */
  minLocal: 0.5,
  /** How much more of a claim than any backing passage a passage giving another figure must hold to
   *  contradict it anyway. */
  figureOverSupport: 0.15,
  /** Share of a claim a passage giving another figure must hold, over every backing passage, to
   *  contradict it though the claim's figure is elsewhere in its article ("won the prize in 1995" where
   *  the article's 1994 is another event's). */
  rivalOverArticle: 0.9,
};

export type TuningKey = keyof typeof tuning;
