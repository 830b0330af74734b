// The name keys an archive stores beside an article's mentions and quotes, so that a card's counts,
// roles and quotes are read from the database instead of from thousands of articles fetched:
//
// - each mention's group key as its article alone resolves it ("Lindqvist" in an article naming
//   "Marta Lindqvist" is hers): the key the embedded entity table counts it under, whose groups merge
//   into entities across the corpus (a card counts the mentions of its entity's groups);
// - each quotation's speaker, as the article alone tells it (a name, a pronoun, a title the article
//   gives), by the speaker's group key.

import type { Article } from '../api.ts';
import { EntityTable, type MentionSite } from '../corpus/entities.ts';
import { canonicalKey, nameKey } from '../corpus/entityKeys.ts';
import { flagsAt } from '../corpus/entityGroups.ts';
import { resolveQuoteSpeakers } from '../corpus/speakers.ts';

export interface ArticleKeys {
  /** Per sentence, its mentions' group keys, in the order of `sentence.mentions`. */
  targets: string[][];
  /** Per sentence, its mentions' kinds as the article resolves them and whether each is a guess (the entity
   *  table's flags, corpus/entityGroups.ts flagsOf), in the same order. */
  flags: number[][];
  /** Per sentence, its quotations' speakers' group keys (null: the article leaves the speaker open). */
  speakers: Array<Array<string | null>>;
}

export function articleKeys(article: Article): ArticleKeys {
  const table = new EntityTable();
  const sites: MentionSite[] = [];
  for (const s of article.sentences) for (const mention of s.mentions) sites.push({ uri: article.uri, sentence: s.index, mention });
  table.setArticle(article.uri, sites);
  const packed = table.packedOf(article.uri);
  let i = 0;
  const targets = article.sentences.map((s) => s.mentions.map(() => packed?.target[i++] ?? ''));
  i = 0;
  const flags = article.sentences.map((s) => s.mentions.map(() => (packed ? flagsAt(packed, i++) : 0)));
  const hits = article.sentences.some((s) => s.quotes.length) ? resolveQuoteSpeakers(article, table) : [];
  let q = 0;
  const speakers = article.sentences.map((s) =>
    s.quotes.map(() => {
      const speaker = hits[q++]?.speaker;
      return speaker ? canonicalKey(nameKey(speaker.name)) : null;
    }),
  );
  return { targets, flags, speakers };
}
