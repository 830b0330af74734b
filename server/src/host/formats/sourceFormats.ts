// Which files of a corpus folder Sourced reads, and how: plain text and Markdown as they are; web pages,
// PDFs, Word documents and transcripts through an extractor (one module per format) that returns the
// readable text with its metadata and page/time marks. Any other file is listed with the reason it is
// not read: nothing in a corpus folder is skipped silently.

import * as path from 'node:path';
import type { SourceFormat } from '../../service/types.ts';
import type { Extraction } from './extractedText.ts';
import { decodeText } from '../textDecoding.ts';

/** Files read as text (Markdown or plain). */
export const TEXT_FILE = /\.(?:md|markdown|txt)$/i;
/** Files read through an extractor. */
export const EXTRACTED_FILE = /\.(?:html?|xhtml|pdf|docx|vtt|srt)$/i;
/** Every file name Sourced reads. */
export const SOURCE_FILE = /\.(?:md|markdown|txt|html?|xhtml|pdf|docx|vtt|srt)$/i;
/** For messages: the extensions read. */
export const SOURCE_EXTENSIONS = '.md, .markdown, .txt, .html, .htm, .pdf, .docx, .vtt or .srt';
/** A glob of the same (file watchers). */
export const SOURCE_GLOB = '**/*.{md,markdown,txt,html,htm,xhtml,pdf,docx,vtt,srt}';

export function formatOf(file: string): SourceFormat | undefined {
  const ext = path.extname(file).toLowerCase();
  switch (ext) {
    case '.html':
    case '.htm':
    case '.xhtml':
      return 'html';
    case '.pdf':
      return 'pdf';
    case '.docx':
      return 'docx';
    case '.vtt':
      return 'vtt';
    case '.srt':
      return 'srt';
    default:
      return undefined;
  }
}

const UNREAD: Array<[RegExp, string]> = [
  [/\.(?:png|jpe?g|gif|webp|tiff?|bmp|heic|heif|svg|ico|avif)$/i, 'an image (Sourced does not do OCR)'],
  [/\.(?:xlsx|xlsm|xls|ods|csv|tsv|numbers)$/i, 'a spreadsheet or data file (not read)'],
  [/\.doc$/i, 'an old Word .doc file (save it as .docx to have it read)'],
  [/\.(?:odt|rtf|pages|wpd)$/i, 'a word-processor format Sourced does not read (save it as .docx or PDF)'],
  [/\.(?:pptx?|odp|key)$/i, 'a presentation (not read)'],
  [/\.(?:mp3|m4a|wav|ogg|oga|flac|aac|mp4|m4v|mov|avi|mkv|webm)$/i, 'audio or video (put its transcript beside it as .vtt or .srt)'],
  [/\.(?:zip|gz|tgz|bz2|xz|7z|rar|tar)$/i, 'an archive (unpack it into the folder to have its files read)'],
  [/\.(?:eml|msg|mbox)$/i, 'an e-mail file (save the message as text or PDF)'],
  [/\.(?:json|xml|ya?ml|js|ts|css)$/i, 'a data or code file (not read)'],
  [/\.(?:epub|mobi)$/i, 'an e-book (not read)'],
];

/** Why a file found in a corpus folder is not read. */
export function unreadReason(file: string): string {
  const name = path.basename(file);
  for (const [re, why] of UNREAD) if (re.test(name)) return `not read: ${why}`;
  const ext = path.extname(name);
  return ext ? `not read: Sourced does not read ${ext.toLowerCase()} files (it reads ${SOURCE_EXTENSIONS})` : `not read: no file extension (Sourced reads ${SOURCE_EXTENSIONS})`;
}

/** Extracts the text of a web page, PDF, Word document or transcript; never throws. */
export async function extractSource(file: string, data: Uint8Array, maxChars: number): Promise<Extraction> {
  const format = formatOf(file);
  try {
    switch (format) {
      case 'pdf':
        return await (await import('./pdf.ts')).extractPdf(data, maxChars);
      case 'docx':
        return await (await import('./docx.ts')).extractDocx(data, maxChars);
      case 'html':
      case 'vtt':
      case 'srt': {
        const decoded = decodeText(data);
        if ('binary' in decoded) return { skip: 'skipped: looks like a binary file' };
        const result =
          format === 'html'
            ? (await import('./html.ts')).extractHtml(decoded.text, maxChars)
            : (await import('./transcript.ts')).extractTranscript(decoded.text, format, maxChars, readableStem(file));
        return decoded.warning && !('skip' in result) ? { ...result, warning: result.warning ? `${decoded.warning}; ${result.warning}` : decoded.warning } : result;
      }
      default:
        return { skip: unreadReason(file) };
    }
  } catch (err) {
    // An extractor's own errors become skip reasons; this catches what escapes a library.
    return { skip: `skipped: could not read this file (${err instanceof Error ? err.message.split('\n')[0] : String(err)})` };
  }
}

/** "press-conference_2024-03-05" → "press conference 2024-03-05": a title for a transcript without one. */
function readableStem(file: string): string {
  const stem = path.basename(file, path.extname(file));
  return stem.replace(/[_]+|(?<=\p{L})-(?=\p{L})/gu, ' ').replace(/\s+/g, ' ').trim() || stem;
}
