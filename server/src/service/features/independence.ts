// Independent sources: the articles backing a supported claim, counted once per group of near-duplicate
// articles (copies of one wire story count as one source). The grouping is computed in slices after the
// corpus is indexed or changed; a check waits for it unless a bulk index is still running.

import type { Claim } from '../types.ts';
import type { CorpusIndex } from '../corpus/corpusIndex.ts';
import { DuplicateIndex, groupingOf, independenceText, type Grouping } from '../corpus/duplicates.ts';

export class Independence {
  private readonly index = new DuplicateIndex();
  private last: { corpus: CorpusIndex; generation: number; grouping: Grouping } | undefined;
  private running: { corpus: CorpusIndex; generation: number; done: Promise<void> } | undefined;

  constructor(
    private readonly pause: () => Promise<void>,
    private readonly sliceMs: number,
  ) {}

  private current(corpus: CorpusIndex): boolean {
    return this.last?.corpus === corpus && this.last.generation === corpus.generation;
  }

  /** Takes the groups a saved index was read with, when they are of the corpus as it is now. */
  private restore(corpus: CorpusIndex): boolean {
    const saved = corpus.savedGroups;
    if (!saved || saved.generation !== corpus.generation) return false;
    this.last = { corpus, generation: corpus.generation, grouping: groupingOf(corpus.articles(), saved.groups) };
    return true;
  }

  /** The groups of several articles of the corpus as it is now, if known (for the saved index). */
  groupsOf(corpus: CorpusIndex): string[][] | undefined {
    if (!this.current(corpus) && !this.restore(corpus)) return undefined;
    return this.last?.grouping.list.filter((g) => g.uris.length > 1).map((g) => g.uris);
  }

  /** Groups the corpus as it is now (in slices); one run at a time per corpus generation. */
  update(corpus: CorpusIndex): Promise<void> {
    if (this.current(corpus) || this.restore(corpus)) return Promise.resolve();
    if (this.running?.corpus === corpus && this.running.generation === corpus.generation) return this.running.done;
    const generation = corpus.generation;
    const done = this.index.groupingInSlices(corpus.articles(), `${generation}`, this.pause, this.sliceMs).then((grouping) => {
      this.last = { corpus, generation, grouping };
      if (this.running?.done === done) this.running = undefined;
    });
    this.running = { corpus, generation, done };
    return done;
  }

  /** Sets `independence` on supported claims from the articles backing them. Waits for the grouping of
   *  the corpus as it is, except during a bulk index, when the last grouping is used (articles newer than
   *  it count as their own group). */
  async annotate(claims: Claim[], corpus: CorpusIndex): Promise<void> {
    const several = claims.some((c) => c.backing && c.backing.length > 1);
    if (several && !corpus.indexing && !this.current(corpus) && !this.restore(corpus)) {
      // The corpus may change again while this runs; the grouping of the generation it started from is used.
      while (!this.current(corpus) && !corpus.indexing) {
        const generation = corpus.generation;
        await this.update(corpus);
        if (corpus.generation === generation) break;
      }
    }
    const groups = this.last?.corpus === corpus ? this.last.grouping.byUri : undefined;
    for (const c of claims) {
      if (!c.backing || c.backing.length === 0) continue;
      const ids = new Set(c.backing.map((uri) => groups?.get(uri)?.id ?? uri));
      c.independence = { sources: ids.size, articles: c.backing.length };
    }
  }
}

/** "2 independent sources (3 articles)" for a claim, or undefined when nothing backs it. */
export function claimIndependence(claim: Claim): string | undefined {
  return claim.independence ? independenceText(claim.independence.sources, claim.independence.articles) : undefined;
}
