// What an archive's working set holds, and how much: whole articles (those a request read), loose
// sentences (search hits whose article nothing read), and the name mentions of articles held for name
// resolution alone. The index they live in (an ArchiveCorpus) is driven through `WorkingSetIndex`.

import type { Article, SourceSentence } from '../api.ts';
import type { Mention } from '../types.ts';
import type { MentionSite } from '../corpus/entities.ts';
import { fromArchived, fromStoredSentence, type ArchivedArticle } from './archivedArticle.ts';
import type { ArchivedMentions, SentenceHit } from './archiveSource.ts';

/** The index's own operations (not a subclass's), which the working set fills and empties. */
export interface WorkingSetIndex {
  add(article: Article): void;
  remove(uri: string): void;
  article(uri: string): Article | undefined;
  addSentence(s: SourceSentence): number;
  removeSentence(id: number): void;
  addMentions(uri: string, sites: MentionSite[]): void;
  removeMentions(uri: string): void;
}

/** A loose sentence: its search id, its article's archive id (the order ties are broken in), its length. */
interface Loose {
  searchId: number;
  articleId: number;
  chars: number;
}

export interface HeldSize {
  /** Sentences of whole articles and loose ones. */
  sentences: number;
  /** Of them, loose. */
  loose: number;
  /** Characters of text (UTF-16 code units: twice this in bytes). */
  chars: number;
  /** Mentions of articles held by their names only. */
  mentions: number;
}

export class WorkingSet {
  /** Whole articles, by uri, with their archive id. */
  private readonly whole = new Map<string, number>();
  /** Loose sentences, by their article's uri and their index in it. */
  private readonly loose = new Map<string, Map<number, Loose>>();
  /** Articles held by their name mentions only, with how many. */
  private readonly namesOnly = new Map<string, number>();
  /** The name mentions of archived text held (told from the draft's). */
  private archivedMentions = new WeakSet<Mention>();
  size: HeldSize = { sentences: 0, loose: 0, chars: 0, mentions: 0 };
  /** Set while the working set adds or removes articles (they are not the host's own sources). */
  loading = false;

  constructor(private readonly index: WorkingSetIndex) {}

  /** Counts for reports and tests: whole articles, sentences (theirs and loose ones), loose sentences,
   *  characters of text, articles held by their names only, and their mentions. */
  get counts(): { articles: number; sentences: number; looseSentences: number; chars: number; namesOnly: number; mentions: number } {
    const s = this.size;
    return { articles: this.whole.size, sentences: s.sentences, looseSentences: s.loose, chars: s.chars, namesOnly: this.namesOnly.size, mentions: s.mentions };
  }

  get empty(): boolean {
    return !this.whole.size && !this.loose.size;
  }

  hasWhole(uri: string): boolean {
    return this.whole.has(uri);
  }

  /** Whether the article is held whole or by its names. */
  has(uri: string): boolean {
    return this.whole.has(uri) || this.namesOnly.has(uri);
  }

  /** Whether a mention is one of archived text's (not the draft's). */
  archived(m: Mention): boolean {
    return this.archivedMentions.has(m);
  }

  /** The archive id of a held sentence's article. */
  archiveId(uri: string, index: number): number | undefined {
    return this.whole.get(uri) ?? this.loose.get(uri)?.get(index)?.articleId;
  }

  /** Adds whole archived articles (in place of their loose sentences and names). */
  addArticles(docs: Array<{ id: number; article: ArchivedArticle }>): void {
    this.loading = true;
    try {
      for (const d of docs) {
        const a = fromArchived(d.article);
        if (this.whole.has(a.uri)) continue;
        this.dropLoose(a.uri);
        this.dropNames(a.uri);
        this.index.add(a);
        for (const s of a.sentences) for (const m of s.mentions) this.archivedMentions.add(m);
        this.whole.set(a.uri, d.id);
        this.size.sentences += a.sentences.length;
        this.size.chars += a.text.length;
      }
    } finally {
      this.loading = false;
    }
  }

  /** Counts the name mentions of articles not held in the entity table, in archive order. */
  addMentions(docs: ArchivedMentions[]): void {
    for (const d of [...docs].sort((x, y) => x.id - y.id)) {
      if (this.has(d.uri)) continue;
      const sites: MentionSite[] = [];
      for (const [sentence, list] of d.mentions) for (const mention of list) sites.push({ uri: d.uri, sentence, mention });
      for (const site of sites) this.archivedMentions.add(site.mention);
      this.index.addMentions(d.uri, sites);
      this.namesOnly.set(d.uri, sites.length);
      this.size.mentions += sites.length;
    }
  }

  /** Adds the sentences of search hits whose article is not held whole. */
  addLoose(hits: SentenceHit[]): void {
    for (const h of hits) {
      if (this.whole.has(h.uri)) continue;
      let held = this.loose.get(h.uri);
      if (held?.has(h.index)) continue;
      if (!held) this.loose.set(h.uri, (held = new Map()));
      const sentence = fromStoredSentence(h.uri, h.index, h.text, h.stored);
      for (const m of sentence.mentions) this.archivedMentions.add(m);
      held.set(h.index, { searchId: this.index.addSentence(sentence), articleId: h.id, chars: h.text.length });
      this.size.sentences++;
      this.size.loose++;
      this.size.chars += h.text.length;
    }
  }

  /** Drops whatever is held of one archived article. */
  drop(uri: string): void {
    const a = this.whole.has(uri) ? this.index.article(uri) : undefined;
    if (a) {
      this.loading = true;
      try {
        this.index.remove(uri);
      } finally {
        this.loading = false;
      }
      this.whole.delete(uri);
      this.size.sentences -= a.sentences.length;
      this.size.chars -= a.text.length;
    }
    this.dropLoose(uri);
    this.dropNames(uri);
  }

  /** Drops everything held. */
  clear(): void {
    for (const uri of new Set([...this.whole.keys(), ...this.loose.keys(), ...this.namesOnly.keys()])) this.drop(uri);
    this.archivedMentions = new WeakSet();
  }

  private dropLoose(uri: string): void {
    for (const l of this.loose.get(uri)?.values() ?? []) {
      this.index.removeSentence(l.searchId);
      this.size.sentences--;
      this.size.loose--;
      this.size.chars -= l.chars;
    }
    this.loose.delete(uri);
  }

  /** Drops every article held by its names only. */
  dropNamesOnly(): void {
    for (const uri of [...this.namesOnly.keys()]) this.dropNames(uri);
  }

  private dropNames(uri: string): void {
    const n = this.namesOnly.get(uri);
    if (n === undefined) return;
    this.index.removeMentions(uri);
    this.namesOnly.delete(uri);
    this.size.mentions -= n;
  }
}
