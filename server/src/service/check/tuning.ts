// The checker's few numeric knobs, in one place. `npm run eval -- --set name=value` overrides them for
// a measurement run; the defaults are what ships.

export const tuning = {
  /** Share of the claim's weighted content words a unit must cover to support it. */
  support: 0.62,
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
  /** Weight factor of words the corpus never uses. */
  novelWord: 2,
};

export type TuningKey = keyof typeof tuning;
