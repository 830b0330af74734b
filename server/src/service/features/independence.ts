// Independent sources: the articles backing a supported claim, counted once per group of near-duplicate
// articles (copies of one wire story count as one source).

import type { Claim } from '../types.ts';
import type { CorpusIndex } from '../corpus/corpusIndex.ts';
import { DuplicateIndex, independenceText, type DuplicateGroup } from '../corpus/duplicates.ts';

export class Independence {
  private readonly index = new DuplicateIndex();
  private last: { corpus: CorpusIndex; generation: number; byUri: Map<string, DuplicateGroup> } | undefined;

  /** The near-duplicate groups of the corpus. While a bulk index runs, the last grouping of the same
   *  corpus is used (articles new since count as their own group); once it ends, the next call regroups. */
  groups(corpus: CorpusIndex): Map<string, DuplicateGroup> {
    const last = this.last;
    if (last && last.corpus === corpus && (last.generation === corpus.generation || corpus.indexing)) return last.byUri;
    const { byUri } = this.index.grouping(corpus.articles(), `${corpus.generation}`);
    this.last = { corpus, generation: corpus.generation, byUri };
    return byUri;
  }

  /** Sets `independence` on supported claims from the articles backing them. */
  annotate(claims: Claim[], corpus: CorpusIndex): void {
    if (!claims.some((c) => c.backing && c.backing.length > 1)) {
      for (const c of claims) if (c.backing?.length === 1) c.independence = { sources: 1, articles: 1 };
      return;
    }
    const groups = this.groups(corpus);
    for (const c of claims) {
      if (!c.backing || c.backing.length === 0) continue;
      const ids = new Set(c.backing.map((uri) => groups.get(uri)?.id ?? uri));
      c.independence = { sources: ids.size, articles: c.backing.length };
    }
  }
}

/** "2 independent sources (3 articles)" for a claim, or undefined when nothing backs it. */
export function claimIndependence(claim: Claim): string | undefined {
  return claim.independence ? independenceText(claim.independence.sources, claim.independence.articles) : undefined;
}
