// Reading ahead what hovering a draft's names will need. With a shared archive, a name the check did not
// resolve costs its first hover a round of fetches (its articles' mentions, then its card's facts) and a
// rebuild of the working set's name table; after a check, every name the draft writes is resolved and its
// card's facts read in one round for all of them, so a writer's hovers answer from what is held. The
// embedded index holds everything already: nothing to do.

import type { FeatureContext } from '../context.ts';
import type { CancellationToken, DocumentInput } from '../types.ts';
import { mentionAt } from './draftLookup.ts';

/** Resolves each name of the draft as a hover on it would, and asks for its card's facts; returns how
 *  many names it resolved. */
export async function readAhead(ctx: FeatureContext, doc: DocumentInput, token?: CancellationToken): Promise<number> {
  if (!ctx.corpus.partial) return 0;
  const draft = ctx.analyse(doc);
  let resolved = 0;
  for (const sentence of draft.sentences) {
    for (const m of sentence.mentions) {
      if (token?.isCancellationRequested) return resolved;
      const found = mentionAt(draft, ctx.corpus, m.start);
      if (!found) continue;
      ctx.corpus.cardFacts(found.entity);
      resolved++;
    }
  }
  return resolved;
}
