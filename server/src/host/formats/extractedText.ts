// The text Sourced indexes for a file it extracts (web page, PDF, Word document, transcript): YAML front
// matter with the metadata found in the file, then the readable text one paragraph per line, blank lines
// between paragraphs, with marks recording where each page or cue starts.

import { stringify } from 'yaml';
import type { ArticleMeta, ExtractedSource, SourceFormat, SourceMark } from '../../service/types.ts';

/** What an extractor returns: the text and its marks, or why the file cannot be read. */
export type Extraction = { text: string; extracted: ExtractedSource; warning?: string } | { skip: string };

export class TooLong extends Error {
  constructor(readonly limit: number) {
    super('extracted text over the size limit');
  }
}

export class ExtractedTextBuilder {
  private parts: string[] = [];
  private length = 0;
  private readonly marks: SourceMark[] = [];

  /** `maxChars`: the size limit for source files, applied to the extracted text too. */
  constructor(
    private readonly format: SourceFormat,
    private readonly maxChars: number,
  ) {}

  /** Front matter from the file's metadata (written first; nothing when there is none). */
  frontMatter(meta: ArticleMeta): void {
    const fields: Record<string, string> = {};
    for (const key of ['title', 'author', 'date', 'outlet'] as const) {
      const v = meta[key]?.replace(/\s+/g, ' ').trim();
      if (v) fields[key] = v;
    }
    if (Object.keys(fields).length === 0) return;
    this.append(`---\n${stringify(fields, { lineWidth: 0 })}---\n\n`);
  }

  /** Offset the next paragraph will start at. */
  get offset(): number {
    return this.length;
  }

  /** Records that from the next paragraph (or `at`) on, the text is on this page / from this cue. */
  mark(mark: Omit<SourceMark, 'offset'>, at = this.length): void {
    const last = this.marks[this.marks.length - 1];
    if (last && last.offset === at) this.marks[this.marks.length - 1] = { offset: at, ...mark };
    else if (!last || last.offset < at) this.marks.push({ offset: at, ...mark });
  }

  /** One paragraph, on one line: whitespace collapsed to single spaces. */
  paragraph(text: string): void {
    const clean = text.replace(/\s+/g, ' ').trim();
    if (!clean) return;
    this.append(`${clean}\n\n`);
  }

  private append(s: string): void {
    if (this.length + s.length > this.maxChars) throw new TooLong(this.maxChars);
    this.parts.push(s);
    this.length += s.length;
  }

  /** True when no paragraph was written (front matter aside). */
  isEmpty(since = 0): boolean {
    return this.length <= since;
  }

  result(warning?: string): Extraction {
    const extracted: ExtractedSource = this.marks.length ? { format: this.format, marks: this.marks } : { format: this.format };
    const text = this.parts.join('').replace(/\n+$/, '\n');
    return warning ? { text, extracted, warning } : { text, extracted };
  }
}

/** An error's message for a skip reason, one line and short. */
export function errorText(err: unknown): string {
  const s = err instanceof Error ? err.message : String(err);
  const line = s.split('\n')[0].trim();
  return line.length > 120 ? `${line.slice(0, 117)}…` : line;
}
