// The tsquery literals of a search look-up (searchPlan.ts): the sentences holding every term of any of
// its sets of terms. Each literal is looked up in the index on its own (an OR of them in SQL, a union of
// bitmaps), and each has terms every match holds one of, the rarest: the index reads the other terms'
// lists only where those are (100,000 generated articles, the 317 sentence searches of a 2,000-word
// draft's first check one after another: 33.1 s as one query, 29.3 s split; as one query no term is
// required, and every term's list is read whole).
//
// Pairs of terms (most sets) whose first terms share their other terms are grouped, so that each term's
// list is read by fewer literals: "(a | b) & (c | d)" for a & c, a & d, b & c, b & d. A look-up asking for
// the rarest terms each with any other was one literal a rare term, "a & (b | c | …)", every one reading
// the common terms' lists again (eight literals of 33 terms at 100,000 articles: 330-470 ms; grouped,
// 150-160 ms, the same sentences).

/** A lexeme as a tsquery or tsvector literal writes it: quoted, its quotes doubled, backslashes escaped. */
export function quoteTerm(term: string): string {
  return `'${term.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** A tsquery literal matching any of the terms (each quoted; quotes and backslashes escaped). */
export function anyTermQuery(terms: readonly string[]): string {
  return terms.map(quoteTerm).join(' | ');
}

/** Literals a sentence matches one of when it holds every term of one of the sets. */
export function setQueries(sets: ReadonlyArray<readonly string[]>): string[] {
  const singles = new Set<string>();
  for (const s of sets) if (s.length === 1) singles.add(s[0]);
  const parts = [...singles].map(quoteTerm);
  // A set holding a term looked up alone adds no sentence.
  const pairs: Array<readonly [string, string]> = [];
  const longer: Array<readonly string[]> = [];
  for (const s of sets) {
    if (s.length < 2 || s.some((t) => singles.has(t))) continue;
    if (s.length === 2) pairs.push([s[0], s[1]]);
    else longer.push(s);
  }
  parts.push(...pairQueries(pairs), ...byFirstTerm(longer));
  return parts;
}

/** Literals for pairs of terms. When the first terms of pairs (the rarest of a look-up's terms) share
 *  their other terms (first terms of no pair), those make one literal, "(a | b) & (c | d)", and the pairs
 *  among first terms one literal a first term; unless that reads not much fewer terms' lists than one
 *  literal a first term throughout (all pairs of a look-up's common terms: there a literal "(a | … | y) &
 *  z" made the index go through the commonest term's list, and was slower). */
function pairQueries(pairs: ReadonlyArray<readonly [string, string]>): string[] {
  if (!pairs.length) return [];
  const rests = new Map<string, string[]>();
  for (const [a, b] of pairs) {
    const r = rests.get(a);
    if (!r) rests.set(a, [b]);
    else if (!r.includes(b)) r.push(b);
  }
  const groups = new Map<string, { firsts: string[]; others: string[] }>();
  const inner: string[][] = [];
  // Terms each literal reads: one a first term, and grouped.
  let apart = 0;
  let grouped = 0;
  for (const [first, r] of rests) {
    apart += 1 + r.length;
    const others: string[] = [];
    for (const t of r) {
      if (rests.has(t)) inner.push([first, t]);
      else others.push(t);
    }
    if (others.length < r.length) grouped += 1 + r.length - others.length;
    if (!others.length) continue;
    const key = [...others].sort().join('\u0000');
    const g = groups.get(key);
    if (g) g.firsts.push(first);
    else groups.set(key, { firsts: [first], others });
  }
  for (const g of groups.values()) grouped += g.firsts.length + g.others.length;
  if (grouped > GROUPED_AT_MOST * apart) return byFirstTerm(pairs);
  const parts = [...groups.values()].map(({ firsts, others }) => (firsts.length === 1 ? `${quoteTerm(firsts[0])} & (${anyTermQuery(others)})` : `(${anyTermQuery(firsts)}) & (${anyTermQuery(others)})`));
  parts.push(...byFirstTerm(inner));
  return parts;
}

/** Pairs are grouped when that reads at most this share of the terms' lists read apart (a first look-up's
 *  pairs at 100,000 articles: 0.29-0.44; a later look-up's, common terms with each other: 0.90-1.00). */
const GROUPED_AT_MOST = 0.75;

/** One literal a first term: "a & (b & c | d)" for a & b & c and a & d. */
function byFirstTerm(sets: ReadonlyArray<readonly string[]>): string[] {
  const byFirst = new Map<string, string[][]>();
  for (const [first, ...rest] of sets) {
    const group = byFirst.get(first) ?? [];
    group.push(rest);
    byFirst.set(first, group);
  }
  const parts: string[] = [];
  for (const [first, rests] of byFirst) {
    if (rests.some((r) => !r.length)) parts.push(quoteTerm(first));
    else parts.push(`${quoteTerm(first)} & (${anySetQuery(rests)})`);
  }
  return parts;
}

/** A tsquery literal matching a sentence holding every term of any of the sets. */
export function anySetQuery(sets: ReadonlyArray<readonly string[]>): string {
  const parts = setQueries(sets);
  return parts.map((p) => (parts.length > 1 && p.includes('&') ? `(${p})` : p)).join(' | ');
}
