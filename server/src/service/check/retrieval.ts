// Retrieval: the candidate passages for a claim, the best-ranked source sentences alone and joined with
// each neighbour, plus the best few of the articles that match most in sum.

import type { Article, SourceSentence } from '../api.ts';
import type { CorpusIndex } from '../corpus/corpusIndex.ts';

/** Retrieval: sentences ranked (× limit), articles kept, sentences kept per article. */
const ARTICLE_POOL = 6;
const TOP_ARTICLES = 4;
const PER_ARTICLE = 6;

/** Candidate units: the best-ranked sentences alone and joined with each neighbour. */
export function candidateUnits(corpus: CorpusIndex, query: string, scope: Article[] | undefined, limit: number): SourceSentence[][] {
  let ranked = corpus.searchSentences(query, limit * ARTICLE_POOL);
  if (scope) {
    const uris = new Set(scope.map((a) => a.uri));
    ranked = ranked.filter((h) => uris.has(h.sentence.uri));
  }
  // The best sentences overall, plus the best few of each article whose sentences match most in sum:
  // a claim that sums up a story matches many of its sentences a little.
  const hits = ranked.slice(0, limit).map((h) => h.sentence);
  const byArticle = new Map<string, { score: number; top: SourceSentence[] }>();
  for (const h of ranked) {
    const a = byArticle.get(h.sentence.uri) ?? { score: 0, top: [] };
    if (a.top.length < PER_ARTICLE) {
      a.score += h.score;
      a.top.push(h.sentence);
    }
    byArticle.set(h.sentence.uri, a);
  }
  const articles = [...byArticle.values()].sort((a, b) => b.score - a.score).slice(0, TOP_ARTICLES);
  for (const a of articles) for (const s of a.top) if (!hits.includes(s)) hits.push(s);
  const units: SourceSentence[][] = [];
  const seen = new Set<string>();
  const add = (u: SourceSentence[]) => {
    const key = u.map((s) => `${s.uri}#${s.index}`).join('|');
    if (!seen.has(key)) {
      seen.add(key);
      units.push(u);
    }
  };
  for (const s of hits) {
    add([s]);
    const article = corpus.article(s.uri);
    if (!article) continue;
    const prev = article.sentences[s.index - 1];
    const next = article.sentences[s.index + 1];
    if (prev) add([prev, s]);
    if (next) add([s, next]);
  }
  return units;
}
