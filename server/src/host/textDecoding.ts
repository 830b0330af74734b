// Decoding a text file's bytes: UTF-8 (BOM stripped), UTF-16 with a BOM, else Windows-1252 with a
// warning; files that look binary are refused.

const SNIFF_BYTES = 8192;

/** Decodes a file's bytes: UTF-8 (BOM stripped), UTF-16 with BOM, else windows-1252 with a warning. */
export function decodeText(buf: Uint8Array): { text: string; warning?: string } | { binary: true } {
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(buf.subarray(2)) };
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(buf.subarray(2)) };
  if (looksBinary(buf)) return { binary: true };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buf) };
  } catch {
    return { text: decodeWindows1252(buf), warning: 'not valid UTF-8; decoded as Windows-1252' };
  }
}

// 0x80–0x9F of Windows-1252 (Node's TextDecoder treats this label as Latin-1, losing €, quotes and dashes).
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(buf: Uint8Array): string {
  const latin1 = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).toString('latin1');
  return latin1.replace(/[\x80-\x9f]/g, (c) => CP1252_HIGH.charAt(c.charCodeAt(0) - 0x80));
}

function looksBinary(buf: Uint8Array): boolean {
  const n = Math.min(buf.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i];
    if (b === 0) return true;
    // Tab, line feed, form feed, carriage return and escape occur in text; other C0 codes do not.
    if (b < 32 && b !== 9 && b !== 10 && b !== 12 && b !== 13 && b !== 27) control++;
  }
  return n > 0 && control / n > 0.1;
}
