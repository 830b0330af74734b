// A workspace's own sources beside an archive (a writer's interview notes): they count in the corpus
// statistics the scores use (sentences, average length, document frequencies), except those the archive
// holds a copy of (the same key and content), which its statistics count already.

import type { Article } from '../api.ts';
import { SentenceIndex } from '../corpus/sentenceIndex.ts';
import type { ArticleRef } from './archiveSource.ts';

interface Source {
  article: Article;
  /** Search id of its first sentence in the statistics, while they count it. */
  id0?: number;
  /** The archive's copy of it. */
  copy?: ArticleRef;
}

export class LocalSources {
  private readonly sources = new Map<string, Source>();
  /** The statistics of the sources counted. */
  private readonly index = new SentenceIndex();
  private ids = 0;
  private counted = 0;
  /** Sources not yet compared with the archive. */
  private readonly unchecked = new Set<string>();
  /** Archive ids of the copies. */
  private readonly copyIds = new Set<number>();

  has(uri: string): boolean {
    return this.sources.has(uri);
  }

  add(article: Article): void {
    this.remove(article.uri);
    const source: Source = { article };
    this.sources.set(article.uri, source);
    this.count(source);
    this.unchecked.add(article.uri);
  }

  remove(uri: string): boolean {
    const source = this.sources.get(uri);
    if (!source) return false;
    this.uncount(source);
    if (source.copy) this.copyIds.delete(source.copy.id);
    this.sources.delete(uri);
    this.unchecked.delete(uri);
    return true;
  }

  /** Sentences counted. */
  get size(): number {
    return this.index.size;
  }

  get averageLength(): number {
    return this.index.averageLength;
  }

  /** Articles counted. */
  get articles(): number {
    return this.counted;
  }

  documentFrequency(term: string): number {
    return this.index.documentFrequency(term);
  }

  /** The sources the archive holds no copy of (those it does count as the archive's). */
  *ownArticles(): Generator<Article> {
    for (const source of this.sources.values()) if (!source.copy) yield source.article;
  }

  /** Whether an archived article (by archive id) is a copy of a local source: it is not fetched. */
  isCopy(id: number): boolean {
    return this.copyIds.has(id);
  }

  /** Whether a source is still to be compared with the archive. */
  get anyToCheck(): boolean {
    return this.unchecked.size > 0;
  }

  /** The sources to compare with the archive (once each, and all again after `recheck`). */
  toCheck(): Article[] {
    return [...this.unchecked].flatMap((uri) => this.sources.get(uri)?.article ?? []);
  }

  /** The archive's copies of `checked` (undefined: none); the copies found. */
  setCopies(checked: readonly Article[], copies: ReadonlyArray<ArticleRef | undefined>): ArticleRef[] {
    const found: ArticleRef[] = [];
    checked.forEach((article, i) => {
      const source = this.sources.get(article.uri);
      if (!source || source.article !== article) return;
      this.unchecked.delete(article.uri);
      const copy = copies[i];
      if (!copy) return;
      source.copy = copy;
      this.copyIds.add(copy.id);
      this.uncount(source);
      found.push(copy);
    });
    return found;
  }

  /** The archive changed (a sync): every source counts again until compared anew. */
  recheck(): void {
    for (const [uri, source] of this.sources) {
      if (source.copy) {
        this.copyIds.delete(source.copy.id);
        source.copy = undefined;
        this.count(source);
      }
      this.unchecked.add(uri);
    }
  }

  private count(source: Source): void {
    if (source.id0 !== undefined) return;
    source.id0 = this.ids;
    for (const s of source.article.sentences) this.index.add(this.ids++, s.text);
    this.counted++;
  }

  private uncount(source: Source): void {
    const id0 = source.id0;
    if (id0 === undefined) return;
    source.article.sentences.forEach((s, i) => this.index.remove(id0 + i, s.text));
    source.id0 = undefined;
    this.counted--;
  }
}
