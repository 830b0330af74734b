// Reads a Markdown draft as prose. A hand-written, linear-time line scanner (CommonMark/GFM block rules,
// simplified) decides which characters are prose; everything else is blanked in `masked`, which keeps the
// input's length and line breaks so sentence splitting and offsets work on it directly.

import type { Span } from '../types.ts';
import { splitSentences } from './sentences.ts';

export interface ProseBlock extends Span {
  kind: 'paragraph' | 'heading' | 'listItem' | 'blockquote' | 'tableCell';
  ignored: boolean;
}

/** A [^key] marker in prose. */
export interface CitationRef extends Span {
  key: string;
}

/** A footnote definition `[^key]: text`. */
export interface FootnoteDef extends Span {
  key: string;
  text: string;
  textStart: number;
}

export interface MarkdownProse {
  /** Same length as the input; every character that is not prose is replaced by a space (newlines kept),
   *  so sentence splitting and offsets work on it directly. */
  masked: string;
  blocks: ProseBlock[];
  citations: CitationRef[];
  footnotes: FootnoteDef[];
  /** Ranges the writer marked as own analysis: `<!-- sourced-ignore -->` on its own line (or right
   *  before a paragraph) covers the next block; inline before a sentence covers that sentence;
   *  `<!-- sourced-ignore-start -->` … `<!-- sourced-ignore-end -->` covers everything between. */
  ignored: IgnoredSpan[];
  frontMatterEnd: number;
}

/** A span marked as own analysis, with the reason written in the comment (`<!-- sourced-ignore: why -->`). */
export interface IgnoredSpan extends Span {
  reason?: string;
}

export function parseMarkdown(text: string): MarkdownProse {
  return new MarkdownReader(text).read();
}

type BlockKind = ProseBlock['kind'];

interface OpenBlock {
  kind: BlockKind;
  start: number;
  end: number;
  quoteDepth: number;
  ignoreNext: boolean;
}

interface Directive {
  kind: 'next' | 'inline' | 'start' | 'end';
  /** Start and end of the comment. */
  start: number;
  end: number;
  /** The words after the directive ("sourced-ignore: my reading of the figures"), when any. */
  reason?: string;
}

const LINE_BREAK = /\r\n?|\n/g;
const FENCE_OPEN = /(`{3,}|~{3,})([^\r\n]*)/y;
const ATX_HEADING = /#{1,6}(?=[ \t\r\n]|$)/y;
const ATX_CLOSING = /[ \t]+#+[ \t]*$/;
const SETEXT_UNDERLINE = /^(?:=+|-+)[ \t]*$/;
const THEMATIC_BREAK = /^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const BULLET = /[-+*](?=[ \t\r\n]|$)/y;
const ORDERED = /(\d{1,9})[.)](?=[ \t\r\n]|$)/y;
const TASK_BOX = /\[[ xX]\](?=[ \t])/y;
const FOOTNOTE_DEF = /\[\^([^[\]\s]+)\]:[ \t]*/y;
const LINK_DEF = /\[((?:[^[\]\\\r\n]|\\.){1,999})\]:[ \t]*\S/y;
const RAW_HTML_OPEN = /<(script|pre|style|textarea)(?=[\s>]|$)/iy;
const TABLE_DELIMITER = /^[ \t]{0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const DIRECTIVE = /^\s*sourced-ignore(-start|-end)?(?:[\s:]|$)/i;
const FOOTNOTE_REF = /\[\^([^[\]\s]+)\]/y;
const REF_LABEL = /\[((?:[^[\]\\]|\\.){0,999})\]/y;
const AUTOLINK = /<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>@]+)>/y;
const HTML_TAG =
  /<(?:\/[A-Za-z][A-Za-z0-9-]*\s*|[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:"[^"<]*"|'[^'<]*'|[^\s"'=<>`]+))?)*\s*\/?|![A-Za-z][^<>]*|\?[^<>]*\?)>/y;
const BARE_URL = /(?:https?:\/\/|www\.)[^\s<>]*/iy;
const SPACE_ENTITY = /&(?:nbsp|ensp|emsp|thinsp|shy|zwnj|zwj);/y;
const ASCII_PUNCT = /[!-/:-@[-`{-~]/;
const PARAGRAPH_BREAK = /\n[ \t]*\r?\n|\r[ \t]*\r/;

class MarkdownReader {
  private readonly text: string;
  private readonly n: number;
  /** 1 where the character is not prose. */
  private readonly mask: Uint8Array;
  private readonly rawBlocks: OpenBlock[] = [];
  private readonly citations: CitationRef[] = [];
  private readonly footnotes: FootnoteDef[] = [];
  private readonly directives: Directive[] = [];
  private readonly linkLabels = new Set<string>();
  private frontMatterEnd = 0;

  // Line-scanner state.
  private open: OpenBlock | undefined;
  private fence: { char: number; len: number; quoteDepth: number } | undefined;
  private skipUntil = 0; // lines before this offset belong to an HTML block already masked
  private lists: number[] = []; // content columns of the open list items, innermost last
  private table: { quoteDepth: number; ignore: boolean } | undefined;
  private footnote: { def: FootnoteDef; blankSeen: boolean } | undefined;
  private pendingIgnore = false;
  private nextPipe = -2;
  /** Shared across blocks: searches only move forward. */
  private readonly memo: NextIndex;

  constructor(text: string) {
    this.text = text;
    this.n = text.length;
    this.mask = new Uint8Array(text.length);
    this.memo = new NextIndex(text);
  }

  read(): MarkdownProse {
    let pos = this.readFrontMatter();
    while (pos < this.n) {
      const [end, next] = this.lineAt(pos);
      // Lines an HTML block or table delimiter already consumed are skipped; text after a multi-line
      // comment's end is read as a line of its own.
      const from = Math.max(pos, this.skipUntil);
      if (from < end || from === pos) this.processLine(from, end, next);
      pos = next;
    }
    this.closeOpen();
    for (const b of this.rawBlocks) this.inline(b.start, b.end);
    return this.finish();
  }

  // ----------------------------------------------------------------------------------------------
  // Lines and masks

  /** End (before the break) and next-line start of the line starting at pos. */
  private lineAt(pos: number): [number, number] {
    LINE_BREAK.lastIndex = pos;
    const m = LINE_BREAK.exec(this.text);
    return m ? [m.index, m.index + m[0].length] : [this.n, this.n];
  }

  private maskRange(s: number, e: number): void {
    if (e > s) this.mask.fill(1, s, e);
  }

  private isBlank(s: number, e: number): boolean {
    for (let i = s; i < e; i++) {
      const c = this.text.charCodeAt(i);
      if (c !== 32 && c !== 9) return false;
    }
    return true;
  }

  private readFrontMatter(): number {
    const t = this.text;
    let pos = 0;
    if (t.charCodeAt(0) === 0xfeff) {
      this.mask[0] = 1;
      pos = 1;
    }
    const [end, next] = this.lineAt(pos);
    const first = t.slice(pos, end).trimEnd();
    if (first !== '---' && first !== '+++') return pos;
    let p = next;
    while (p < this.n) {
      const [e, nx] = this.lineAt(p);
      const line = t.slice(p, e).trimEnd();
      if (line === first || (first === '---' && line === '...')) {
        this.maskRange(0, nx);
        this.frontMatterEnd = nx;
        return nx;
      }
      p = nx;
    }
    return pos; // unclosed: an ordinary thematic break
  }

  /** Skips blockquote markers from s, masking them; returns the position after them and the depth. */
  private quoteMarkers(s: number, e: number, maxDepth = Infinity, mask = true): [number, number] {
    let p = s;
    let depth = 0;
    while (depth < maxDepth) {
      let q = p;
      while (q < e && q - p < 3 && this.text.charCodeAt(q) === 32) q++;
      if (q >= e || this.text.charCodeAt(q) !== 62) break;
      q++;
      const c = this.text.charCodeAt(q);
      if (q < e && (c === 32 || c === 9)) q++;
      if (mask) this.maskRange(p, q);
      p = q;
      depth++;
    }
    return [p, depth];
  }

  /** First non-blank position at or after p and its column (tabs to multiples of 4). */
  private indentOf(p: number, e: number): [number, number] {
    let col = 0;
    let q = p;
    for (; q < e; q++) {
      const c = this.text.charCodeAt(q);
      if (c === 32) col++;
      else if (c === 9) col += 4 - (col % 4);
      else break;
    }
    return [q, col];
  }

  private sticky(re: RegExp, at: number): RegExpExecArray | null {
    re.lastIndex = at;
    return re.exec(this.text);
  }

  // ----------------------------------------------------------------------------------------------
  // Blocks

  private processLine(ls: number, le: number, next: number): void {
    const t = this.text;
    if (this.fence) {
      const [p, depth] = this.quoteMarkers(ls, le, this.fence.quoteDepth);
      if (depth >= this.fence.quoteDepth) {
        this.maskRange(ls, le);
        const [q] = this.indentOf(p, le);
        let k = q;
        while (k < le && t.charCodeAt(k) === this.fence.char) k++;
        if (k - q >= this.fence.len && this.isBlank(k, le)) this.fence = undefined;
        return;
      }
      this.fence = undefined; // its container ended
    }

    const [p, depth] = this.quoteMarkers(ls, le);
    if (this.isBlank(p, le)) {
      this.closeOpen();
      this.table = undefined;
      if (this.footnote) this.footnote.blankSeen = true;
      return;
    }
    const [q, col] = this.indentOf(p, le);
    const open = this.open;
    const paragraphOpen = open !== undefined && (open.kind === 'paragraph' || open.kind === 'listItem' || open.kind === 'blockquote');

    if (this.footnote) {
      if (col >= 4 || (!this.footnote.blankSeen && !this.startsBlock(q, le))) {
        this.maskRange(ls, le);
        const def = this.footnote.def;
        def.end = trimEndPos(t, def.end, le);
        def.text = t.slice(def.textStart, def.end);
        return;
      }
      this.footnote = undefined;
    }

    // Which list items this line stays inside (a lazy paragraph line stays inside all of them).
    let containerCol = 0;
    for (let k = this.lists.length - 1; k >= 0; k--) {
      if (this.lists[k] <= col) {
        containerCol = this.lists[k];
        break;
      }
    }
    const rel = col - containerCol;

    if (rel >= 4) {
      if (paragraphOpen) return this.extendOpen(q, le);
      this.popLists(col);
      this.closeOpen();
      this.maskRange(ls, le); // indented code
      return;
    }

    // Fenced code.
    const fence = this.sticky(FENCE_OPEN, q);
    if (fence && !(fence[1][0] === '`' && fence[2].includes('`'))) {
      this.popLists(col);
      this.closeOpen();
      this.fence = { char: fence[1].charCodeAt(0), len: fence[1].length, quoteDepth: depth };
      this.maskRange(ls, le);
      return;
    }

    // Setext underline turns the open paragraph into a heading.
    if (open && (open.kind === 'paragraph' || open.kind === 'blockquote') && open.quoteDepth === depth) {
      const lineText = t.slice(q, le);
      if (SETEXT_UNDERLINE.test(lineText)) {
        open.kind = 'heading';
        this.maskRange(ls, le);
        this.closeOpen();
        return;
      }
    }

    const lineText = t.charCodeAt(q) === 42 || t.charCodeAt(q) === 45 || t.charCodeAt(q) === 95 ? t.slice(q, le) : '';
    if (lineText && THEMATIC_BREAK.test(lineText)) {
      this.popLists(col);
      this.closeOpen();
      this.table = undefined;
      this.maskRange(ls, le);
      return;
    }

    // ATX heading.
    const atx = this.sticky(ATX_HEADING, q);
    if (atx && atx.index === q) {
      this.popLists(col);
      this.closeOpen();
      this.table = undefined;
      let cs = q + atx[0].length;
      this.maskRange(q, cs);
      let ce = le;
      const closing = ATX_CLOSING.exec(t.slice(cs, le));
      if (closing) {
        ce = cs + closing.index;
        this.maskRange(ce, le);
      }
      while (cs < ce && (t.charCodeAt(cs) === 32 || t.charCodeAt(cs) === 9)) cs++;
      this.openBlock('heading', cs, ce, depth);
      this.closeOpen();
      return;
    }

    // List item.
    if (this.listItem(q, le, col, depth, paragraphOpen && open?.kind !== 'listItem', 0)) return;

    // Footnote definition.
    const fn = this.sticky(FOOTNOTE_DEF, q);
    if (fn) {
      this.closeOpen();
      this.table = undefined;
      const textStart = q + fn[0].length;
      const end = trimEndPos(t, textStart, le);
      const def: FootnoteDef = { start: q, end, key: fn[1], text: t.slice(textStart, end), textStart };
      this.footnotes.push(def);
      this.footnote = { def, blankSeen: false };
      this.maskRange(ls, le);
      return;
    }

    // Link reference definition (cannot interrupt a paragraph).
    if (!paragraphOpen) {
      const def = this.sticky(LINK_DEF, q);
      if (def) {
        this.linkLabels.add(normLabel(def[1]));
        this.table = undefined;
        this.maskRange(ls, le);
        return;
      }
    }

    // HTML blocks: comments and raw-text elements.
    if (t.charCodeAt(q) === 60 && this.htmlBlock(ls, q, le)) return;

    // Tables: a header row followed by a delimiter row, then body rows until a blank line.
    if (this.table && this.table.quoteDepth === depth) {
      this.tableRow(q, le, this.table.ignore);
      return;
    }
    if (next < this.n && this.pipeBefore(q, le)) {
      const [ne, nn] = this.lineAt(next);
      const [np] = this.quoteMarkers(next, ne, depth, false);
      const delimiter = t.slice(np, ne);
      if (TABLE_DELIMITER.test(delimiter) && delimiter.includes('-')) {
        const headerCells = this.cellCount(q, le);
        const delimCells = this.cellCount(np, ne);
        if (headerCells === delimCells && (headerCells > 1 || delimiter.includes('|'))) {
          this.popLists(col);
          this.closeOpen();
          const ignore = this.takePendingIgnore();
          this.table = { quoteDepth: depth, ignore };
          this.tableRow(q, le, ignore);
          this.quoteMarkers(next, ne, depth);
          this.maskRange(next, ne);
          this.skipUntil = nn;
          return;
        }
      }
    }

    // Paragraph text.
    if (paragraphOpen && open && depth <= open.quoteDepth) return this.extendOpen(q, le);
    this.popLists(col);
    this.closeOpen();
    const inList = this.lists.length > 0 && col >= this.lists[this.lists.length - 1];
    this.openBlock(depth > 0 ? 'blockquote' : inList ? 'listItem' : 'paragraph', q, le, depth);
  }

  /** Whether text[q, le) has a pipe; the next pipe position is remembered so the search stays linear. */
  private pipeBefore(q: number, le: number): boolean {
    if (this.nextPipe !== -1 && this.nextPipe < q) this.nextPipe = this.text.indexOf('|', q);
    return this.nextPipe >= 0 && this.nextPipe < le;
  }

  /** Whether a line would start a new block rather than continue a paragraph (used for laziness). */
  private startsBlock(q: number, le: number): boolean {
    const c = this.text.charCodeAt(q);
    if (c === 62 || c === 35 || c === 96 || c === 126 || c === 60) return true; // > # ` ~ <
    if ((c === 45 || c === 42 || c === 43) && (q + 1 >= le || this.text.charCodeAt(q + 1) === 32)) return true;
    if (c === 91) return this.text.charCodeAt(q + 1) === 94 || this.sticky(LINK_DEF, q) !== null; // [^ or [label]:
    return c >= 48 && c <= 57 && this.sticky(ORDERED, q) !== null;
  }

  private listItem(q: number, le: number, col: number, depth: number, interruptsParagraph: boolean, nesting: number): boolean {
    const t = this.text;
    let m = this.sticky(BULLET, q);
    let ordered = false;
    if (!m) {
      m = this.sticky(ORDERED, q);
      ordered = m !== null;
    }
    if (!m) return false;
    const markerEnd = q + m[0].length;
    const [content, spaces] = this.indentOf(markerEnd, le); // spaces: columns of white space after the marker
    const empty = content >= le;
    if (interruptsParagraph && (empty || (ordered && m[1] !== '1'))) return false;
    const markerCol = col;
    const markerWidth = markerEnd - q;
    const contentCol = empty || spaces > 4 ? markerCol + markerWidth + 1 : markerCol + markerWidth + spaces;

    this.closeOpen();
    this.table = undefined;
    while (this.lists.length && this.lists[this.lists.length - 1] > markerCol) this.lists.pop();
    this.lists.push(contentCol);
    this.maskRange(q, empty || spaces > 4 ? Math.min(markerEnd + 1, le) : content);

    let s = empty || spaces > 4 ? Math.min(markerEnd + 1, le) : content;
    const box = this.sticky(TASK_BOX, s);
    if (box) {
      this.maskRange(s, s + box[0].length + 1);
      s = this.indentOf(s + box[0].length, le)[0];
    }
    let kind: BlockKind = depth > 0 ? 'blockquote' : 'listItem';
    if (t.charCodeAt(s) === 62) {
      const [after] = this.quoteMarkers(s, le);
      s = after;
      kind = 'blockquote';
    }
    // A nested marker on the same line ("- 1. item") opens the inner item.
    if (s < le && nesting < 8 && this.listItem(s, le, contentCol, depth, false, nesting + 1)) return true;
    this.openBlock(kind, s, le, depth);
    return true;
  }

  private htmlBlock(ls: number, q: number, le: number): boolean {
    const t = this.text;
    if (t.startsWith('<!--', q)) {
      const close = this.memo.find('-->', q + 4);
      if (close >= 0 && close + 3 <= le && !this.isBlank(close + 3, le)) return false; // inline comment
      this.popLists(this.indentOf(ls, le)[1]);
      this.closeOpen();
      this.table = undefined;
      if (close < 0) {
        this.maskRange(ls, this.n);
        this.skipUntil = this.n;
        return true;
      }
      const closeEnd = close + 3;
      const [closeLineEnd] = this.lineAt(closeEnd);
      const trailing = !this.isBlank(closeEnd, closeLineEnd);
      this.addDirective(q, closeEnd, t.slice(q + 4, close), trailing ? 'inline' : 'next');
      this.maskRange(ls, closeEnd);
      this.skipUntil = trailing ? closeEnd : closeLineEnd;
      return true;
    }
    const raw = this.sticky(RAW_HTML_OPEN, q);
    if (raw) {
      this.closeOpen();
      const closer = new RegExp(`</${raw[1]}\\s*>`, 'ig');
      closer.lastIndex = q;
      const m = closer.exec(t);
      const end = m ? this.lineAt(m.index + m[0].length)[0] : this.n;
      this.maskRange(ls, end);
      this.skipUntil = end;
      return true;
    }
    return false;
  }

  private cellCount(s: number, e: number): number {
    return this.cells(s, e).length;
  }

  /** Cell content ranges of a table row, split at unescaped pipes. */
  private cells(s: number, e: number): Array<[number, number]> {
    const t = this.text;
    const out: Array<[number, number]> = [];
    let [p] = this.indentOf(s, e);
    let end = trimEndPos(t, p, e);
    if (t.charCodeAt(p) === 124) p++;
    if (end > p && t.charCodeAt(end - 1) === 124 && t.charCodeAt(end - 2) !== 92) end--;
    let cellStart = p;
    for (let i = p; i < end; i++) {
      const c = t.charCodeAt(i);
      if (c === 92) i++;
      else if (c === 124) {
        out.push([cellStart, i]);
        cellStart = i + 1;
      }
    }
    out.push([cellStart, end]);
    return out;
  }

  private tableRow(s: number, e: number, ignore: boolean): void {
    const t = this.text;
    for (let i = s; i < e; i++) {
      const c = t.charCodeAt(i);
      if (c === 92) i++;
      else if (c === 124) this.mask[i] = 1;
    }
    for (const [cs, ce] of this.cells(s, e)) {
      const [a] = this.indentOf(cs, ce);
      const b = trimEndPos(t, a, ce);
      if (b > a) this.rawBlocks.push({ kind: 'tableCell', start: a, end: b, quoteDepth: 0, ignoreNext: ignore });
    }
  }

  private popLists(col: number): void {
    while (this.lists.length && this.lists[this.lists.length - 1] > col) this.lists.pop();
  }

  private takePendingIgnore(): boolean {
    const p = this.pendingIgnore;
    this.pendingIgnore = false;
    return p;
  }

  private openBlock(kind: BlockKind, start: number, end: number, quoteDepth: number): void {
    this.open = { kind, start, end, quoteDepth, ignoreNext: this.takePendingIgnore() };
  }

  private extendOpen(q: number, le: number): void {
    if (!this.open) return;
    if (this.open.start >= this.open.end) this.open.start = q; // an item whose first line was empty
    this.open.end = le;
  }

  private closeOpen(): void {
    if (this.open) this.rawBlocks.push(this.open);
    this.open = undefined;
  }

  private addDirective(start: number, end: number, body: string, placement: 'next' | 'inline'): void {
    const m = DIRECTIVE.exec(body);
    if (!m) return;
    const kind = m[1] === '-start' ? 'start' : m[1] === '-end' ? 'end' : placement;
    const reason = body.slice(m[0].length).replace(/^[\s:]+/, '').replace(/\s+/g, ' ').trim();
    this.directives.push({ kind, start, end, reason: reason || undefined });
    if (kind === 'next') this.pendingIgnore = true;
  }

  // ----------------------------------------------------------------------------------------------
  // Inline markup of one block: code spans, comments, tags, links, citations, emphasis, escapes.

  private inline(bs: number, be: number): void {
    if (be <= bs) return;
    const t = this.text;
    const mask = this.mask;
    const memo = this.memo;
    const openers: Array<{ pos: number; bang: number }> = [];
    let backticks: BacktickRuns | undefined;
    let i = bs;
    while (i < be) {
      if (mask[i]) {
        i++;
        continue;
      }
      const c = t.charCodeAt(i);
      switch (c) {
        case 92: {
          // \ escape
          const nc = t.charAt(i + 1);
          if (i + 1 < be && (ASCII_PUNCT.test(nc) || nc === '\n' || nc === '\r')) {
            mask[i] = 1;
            i += 2;
          } else i++;
          break;
        }
        case 96: {
          // ` code span
          let k = i;
          while (k < be && t.charCodeAt(k) === 96) k++;
          backticks ??= new BacktickRuns(t, bs, be);
          const close = backticks.next(k - i, k);
          if (close >= 0) {
            this.maskRange(i, close + (k - i));
            i = close + (k - i);
          } else i = k;
          break;
        }
        case 60: {
          // < comment, autolink, tag
          if (t.startsWith('<!--', i)) {
            let close = memo.find('-->', i + 4);
            if (close + 3 > be) close = -1;
            const end = close >= 0 ? close + 3 : be;
            if (close >= 0) this.addDirective(i, end, t.slice(i + 4, close), 'inline');
            this.maskRange(i, end);
            i = end;
            break;
          }
          const m = this.sticky(AUTOLINK, i) ?? this.sticky(HTML_TAG, i);
          if (m && i + m[0].length <= be) {
            this.maskRange(i, i + m[0].length);
            i += m[0].length;
          } else i++;
          break;
        }
        case 91: {
          // [ footnote citation or link opener
          if (t.charCodeAt(i + 1) === 94) {
            const m = this.sticky(FOOTNOTE_REF, i);
            if (m && i + m[0].length <= be) {
              const end = i + m[0].length;
              this.citations.push({ start: i, end, key: m[1] });
              this.maskRange(i, end);
              i = end;
              break;
            }
          }
          openers.push({ pos: i, bang: -1 });
          i++;
          break;
        }
        case 33: {
          // ! image opener
          if (t.charCodeAt(i + 1) === 91 && !mask[i + 1]) {
            openers.push({ pos: i + 1, bang: i });
            i += 2;
          } else i++;
          break;
        }
        case 93: {
          // ] closes the nearest opener
          const opener = openers.pop();
          i = opener ? this.closeLink(opener, i, be, memo) : i + 1;
          break;
        }
        case 42:
        case 95:
        case 126: {
          // * _ ~ emphasis and strikethrough
          let k = i;
          while (k < be && t.charCodeAt(k) === c) k++;
          const before = i > 0 && !mask[i - 1] ? t.charCodeAt(i - 1) : 32;
          const after = k < t.length && !mask[k] ? t.charCodeAt(k) : 32;
          const spaced = isWhite(before) && isWhite(after);
          let markup: boolean;
          if (c === 42) markup = !spaced;
          else if (c === 95) markup = !spaced && !(isAlnum(before) && isAlnum(after));
          else markup = k - i >= 2 && !spaced;
          if (markup) this.maskRange(i, k);
          i = k;
          break;
        }
        case 104:
        case 72:
        case 119:
        case 87: {
          // h / w: bare URL at a word start
          if (i > bs && isAlnum(t.charCodeAt(i - 1))) {
            i++;
            break;
          }
          const m = this.sticky(BARE_URL, i);
          if (m && m[0].length > 7) {
            const end = Math.min(be, i + urlLength(m[0]));
            this.maskRange(i, end);
            i = end;
          } else i++;
          break;
        }
        case 38: {
          const m = this.sticky(SPACE_ENTITY, i);
          if (m) {
            this.maskRange(i, i + m[0].length);
            i += m[0].length;
          } else i++;
          break;
        }
        default:
          i++;
      }
    }
  }

  /** Completes a link or image whose text ends at `close` (a `]`); returns where scanning resumes. */
  private closeLink(opener: { pos: number; bang: number }, close: number, be: number, memo: NextIndex): number {
    const t = this.text;
    let end = -1;
    if (t.charCodeAt(close + 1) === 40) {
      end = inlineLinkTail(t, close + 1, be, memo);
    } else if (t.charCodeAt(close + 1) === 91) {
      const m = this.sticky(REF_LABEL, close + 1);
      if (m && close + 1 + m[0].length <= be) {
        const label = m[1] === '' ? t.slice(opener.pos + 1, close) : m[1];
        if (this.linkLabels.has(normLabel(label))) end = close + 1 + m[0].length;
      }
    }
    if (end < 0 && this.linkLabels.size > 0 && this.linkLabels.has(normLabel(t.slice(opener.pos + 1, close)))) {
      end = close + 1;
    }
    if (end < 0) return close + 1;
    if (opener.bang >= 0) {
      this.maskRange(opener.bang, end); // images are not prose, alt text included
    } else {
      this.mask[opener.pos] = 1;
      this.maskRange(close, end);
    }
    return end;
  }

  // ----------------------------------------------------------------------------------------------

  private finish(): MarkdownProse {
    const masked = buildMasked(this.text, this.mask);
    const blocks: ProseBlock[] = [];
    const nextIgnored: IgnoredSpan[] = [];
    for (const b of this.rawBlocks) {
      let s = b.start;
      let e = Math.min(b.end, this.n);
      while (s < e && isSpaceCode(masked.charCodeAt(s))) s++;
      while (e > s && isSpaceCode(masked.charCodeAt(e - 1))) e--;
      if (e <= s) continue;
      const block: ProseBlock = { kind: b.kind, start: s, end: e, ignored: false };
      blocks.push(block);
      if (b.ignoreNext) nextIgnored.push({ start: s, end: e });
    }
    blocks.sort((a, b) => a.start - b.start);

    const directives = [...this.directives].sort((a, b) => a.start - b.start);
    // A block marked by the comment before it takes that comment's reason.
    let di = 0;
    let lastNext: Directive | undefined;
    for (const span of [...nextIgnored].sort((x, y) => x.start - y.start)) {
      for (; di < directives.length && directives[di].end <= span.start; di++) if (directives[di].kind === 'next') lastNext = directives[di];
      span.reason = lastNext?.reason;
    }
    const ignored: IgnoredSpan[] = [...nextIgnored];
    let regionStart = -1;
    let regionReason: string | undefined;
    const sentencesOf = new Map<ProseBlock, Span[]>();
    for (const d of directives) {
      if (d.kind === 'start' && regionStart < 0) {
        regionStart = d.end;
        regionReason = d.reason;
      } else if (d.kind === 'end' && regionStart >= 0) {
        ignored.push({ start: regionStart, end: d.start, reason: regionReason });
        regionStart = -1;
      } else if (d.kind === 'inline') {
        // The sentence that follows the comment in its block (or the block that starts right after it).
        const block = blocks[firstEndingAfter(blocks, d.end)];
        if (!block || PARAGRAPH_BREAK.test(masked.slice(d.end, Math.max(d.end, block.start)))) continue;
        let sentences = sentencesOf.get(block);
        if (!sentences) sentencesOf.set(block, (sentences = splitSentences(masked, block.start, block.end, { softBreaks: true })));
        const sentence = sentences[firstEndingAfter(sentences, d.end)];
        // A comment in the middle of a sentence covers the rest of it.
        if (sentence) ignored.push({ start: Math.max(sentence.start, d.end), end: sentence.end, reason: d.reason });
      }
    }
    if (regionStart >= 0) ignored.push({ start: regionStart, end: this.n, reason: regionReason });
    for (const span of ignored) {
      while (span.start < span.end && isSpaceCode(masked.charCodeAt(span.start))) span.start++;
      while (span.end > span.start && isSpaceCode(masked.charCodeAt(span.end - 1))) span.end--;
    }
    const spans = ignored.filter((span) => span.end > span.start).sort((a, b) => a.start - b.start || a.end - b.end);

    // A block is ignored when the union of ignored ranges covers it.
    const union = mergeSpans(spans);
    let u = 0;
    for (const block of blocks) {
      while (u < union.length && union[u].end < block.end) u++;
      if (u < union.length && union[u].start <= block.start && union[u].end >= block.end) block.ignored = true;
    }
    return {
      masked,
      blocks,
      citations: this.citations.sort((a, b) => a.start - b.start),
      footnotes: this.footnotes,
      ignored: spans,
      frontMatterEnd: this.frontMatterEnd,
    };
  }
}

// ------------------------------------------------------------------------------------------------
// Helpers

/** indexOf with memory, so repeated searches from increasing positions stay linear overall. */
class NextIndex {
  private readonly found = new Map<string, { from: number; at: number }>();
  constructor(private readonly text: string) {}

  find(needle: string, from: number): number {
    const prev = this.found.get(needle);
    if (prev && from >= prev.from && (prev.at < 0 || prev.at >= from)) return prev.at;
    const at = this.text.indexOf(needle, from);
    this.found.set(needle, { from, at });
    return at;
  }
}

/** Positions of backtick runs by length, consumed left to right. */
class BacktickRuns {
  private readonly runs = new Map<number, { list: number[]; next: number }>();
  constructor(t: string, s: number, e: number) {
    for (let i = s; i < e; ) {
      if (t.charCodeAt(i) !== 96) {
        i++;
        continue;
      }
      let k = i;
      while (k < e && t.charCodeAt(k) === 96) k++;
      let entry = this.runs.get(k - i);
      if (!entry) this.runs.set(k - i, (entry = { list: [], next: 0 }));
      entry.list.push(i);
      i = k;
    }
  }

  /** Start of the first run of exactly `len` backticks at or after `from`, or -1. */
  next(len: number, from: number): number {
    const entry = this.runs.get(len);
    if (!entry) return -1;
    while (entry.next < entry.list.length && entry.list[entry.next] < from) entry.next++;
    return entry.next < entry.list.length ? entry.list[entry.next] : -1;
  }
}

/** Parses `(destination "title")` at p (the `(`); returns the offset after `)` or -1. */
function inlineLinkTail(t: string, p: number, be: number, memo: NextIndex): number {
  let i = skipWhite(t, p + 1, be);
  if (t.charCodeAt(i) === 60) {
    const close = memo.find('>', i + 1);
    if (close < 0 || close >= be) return -1;
    i = close + 1;
  } else {
    let depth = 0;
    for (; i < be; i++) {
      const c = t.charCodeAt(i);
      if (c <= 32 || c === 91 || c === 93) break;
      if (c === 92) i++;
      else if (c === 40) depth++;
      else if (c === 41) {
        if (depth === 0) break;
        depth--;
      }
    }
  }
  const afterDest = i;
  i = skipWhite(t, i, be);
  const q = t.charCodeAt(i);
  if ((q === 34 || q === 39 || q === 40) && i > afterDest) {
    const close = memo.find(q === 40 ? ')' : q === 34 ? '"' : "'", i + 1);
    if (close < 0 || close >= be) return -1;
    i = skipWhite(t, close + 1, be);
  }
  return t.charCodeAt(i) === 41 && i < be ? i + 1 : -1;
}

function skipWhite(t: string, i: number, be: number): number {
  while (i < be && isSpaceCode(t.charCodeAt(i))) i++;
  return i;
}

/** Length of a bare URL without trailing punctuation (a closing parenthesis stays when balanced). */
function urlLength(url: string): number {
  let end = url.length;
  for (;;) {
    const c = url.charAt(end - 1);
    if ('.,;:!?\'"*_~'.includes(c)) end--;
    else if (c === ')') {
      const body = url.slice(0, end);
      if (count(body, '(') >= count(body, ')')) break;
      end--;
    } else break;
  }
  return end;
}

function count(s: string, ch: string): number {
  let n = 0;
  for (let i = s.indexOf(ch); i >= 0; i = s.indexOf(ch, i + 1)) n++;
  return n;
}

function normLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

function trimEndPos(t: string, s: number, e: number): number {
  while (e > s && isSpaceCode(t.charCodeAt(e - 1))) e--;
  return e;
}

function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 160;
}

function isWhite(c: number): boolean {
  return isSpaceCode(c) || Number.isNaN(c);
}

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 127;
}

function buildMasked(text: string, mask: Uint8Array): string {
  const parts: string[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    let k = i;
    while (k < n && !mask[k]) k++;
    if (k > i) parts.push(text.slice(i, k));
    i = k;
    while (k < n && mask[k]) k++;
    if (k > i) {
      const run = text.slice(i, k);
      parts.push(run.replace(/[^\r\n]/g, ' '));
    }
    i = k;
  }
  return parts.join('');
}

function mergeSpans(spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}

/** Index of the first span (sorted, disjoint) whose end is after pos, or spans.length. */
function firstEndingAfter(blocks: Span[], pos: number): number {
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (blocks[mid].end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
