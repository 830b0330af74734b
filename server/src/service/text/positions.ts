// Offset <-> line/character conversion with LSP semantics: UTF-16 offsets, lines end at \n, \r\n or \r.

import type { Position, Range } from 'vscode-languageserver-types';

export class LineIndex {
  /** Offset where each line starts; lineStarts[0] === 0. */
  private readonly lineStarts: number[];
  /** Lines (by index) that end in a two-unit \r\n break; undefined when the text has none. */
  private readonly crlfLines?: Set<number>;
  private readonly length: number;

  constructor(text: string) {
    this.length = text.length;
    const starts = [0];
    let crlf: Set<number> | undefined;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) {
          (crlf ??= new Set()).add(starts.length - 1);
          i++;
        }
        starts.push(i + 1);
      } else if (c === 10) {
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
    this.crlfLines = crlf;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** 0-based line containing `offset` (clamped to the text). */
  lineAt(offset: number): number {
    const off = this.clamp(offset);
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid] <= off) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  positionAt(offset: number): Position {
    const off = this.clamp(offset);
    const line = this.lineAt(off);
    return { line, character: off - this.lineStarts[line] };
  }

  /** Offset of a position; a character past the end of its line clamps to the line end (before the break). */
  offsetAt(p: Position): number {
    if (!(p.line >= 0)) return 0;
    if (p.line >= this.lineStarts.length) return this.length;
    const line = Math.trunc(p.line);
    const lineStart = this.lineStarts[line];
    let lineEnd = this.length;
    if (line + 1 < this.lineStarts.length) {
      lineEnd = this.lineStarts[line + 1] - (this.crlfLines?.has(line) ? 2 : 1);
    }
    const ch = p.character > 0 ? Math.trunc(p.character) : 0;
    return Math.min(lineStart + ch, lineEnd);
  }

  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(Math.min(start, end)), end: this.positionAt(Math.max(start, end)) };
  }

  private clamp(offset: number): number {
    if (!(offset > 0)) return 0; // also NaN
    return offset >= this.length ? this.length : Math.trunc(offset);
  }
}
