// Independent sources: the articles backing a supported claim, counted once per group of near-duplicate
// articles (copies of one wire story count as one source). The grouping is computed in slices after the
// corpus is indexed or changed; a check waits for it unless a bulk index is still running.

import type { Article } from '../api.ts';
import type { Claim } from '../types.ts';
import type { CorpusIndex } from '../corpus/corpusIndex.ts';
import { DuplicateIndex, groupingOf, independenceText, type Grouping } from '../corpus/duplicates.ts';
import { Lru } from '../util/lru.ts';

/** Backing lists whose independent sources are kept (a few re-checked drafts' claims). */
const BACKING_LISTS = 4_000;

export class Independence {
  private readonly index = new DuplicateIndex();
  /** For a partial corpus: how many independent sources each list of backing articles is. */
  private readonly byBacking = new Lru<string, number>(BACKING_LISTS);
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
    // A partial corpus is grouped claim by claim (see `annotate`).
    if (corpus.partial || this.current(corpus) || this.restore(corpus)) return Promise.resolve();
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
    if (corpus.partial) {
      // Part of an archive is held, as earlier requests happened to fetch it: each claim's backing
      // articles are grouped among themselves, not with whatever else is held (which changes with every
      // fetch, and regrouping all of it cost ~0.2 s a check at 100,000 articles). A re-check groups again
      // only the claims whose backing changed.
      for (const c of claims) {
        if (!c.backing || c.backing.length === 0) continue;
        const backing = c.backing;
        const sources = this.byBacking.getOrSet(backing.join('\n'), () =>
          sourcesOf(backing, this.index.among(backing.map((uri) => corpus.article(uri)).filter((a): a is Article => a !== undefined)).byUri),
        );
        c.independence = { sources, articles: backing.length };
      }
      return;
    }
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
      c.independence = { sources: sourcesOf(c.backing, groups), articles: c.backing.length };
    }
  }
}

/** How many groups the backing articles fall in (an article no group holds is its own). */
function sourcesOf(backing: readonly string[], groups: Grouping['byUri'] | undefined): number {
  return new Set(backing.map((uri) => groups?.get(uri)?.id ?? uri)).size;
}

/** "2 independent sources (3 articles)" for a claim, or undefined when nothing backs it. */
export function claimIndependence(claim: Claim): string | undefined {
  return claim.independence ? independenceText(claim.independence.sources, claim.independence.articles) : undefined;
}
