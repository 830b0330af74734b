// The article a footnote definition points at: by its key (the file name), else by the key or the title
// written in the definition. Used by the checker (a citation narrows a claim's check) and the editor features.

import type { CorpusIndex } from './corpusIndex.ts';

/** A footnote cites a corpus article when its key or its text names one (key, file name or title). */
export function citedArticle(defText: string, key: string, corpus: CorpusIndex) {
  const byKey = corpus.articleByKey(key);
  if (byKey) return byKey;
  const lower = defText.toLowerCase();
  for (const article of corpus.articles()) {
    if (lower.includes(article.key.toLowerCase())) return article;
    if (article.title.length > 12 && lower.includes(article.title.toLowerCase())) return article;
  }
  return undefined;
}
