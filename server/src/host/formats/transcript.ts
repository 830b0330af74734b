// Interview and press-conference transcripts (.vtt WebVTT, .srt SubRip). Cues are joined into paragraphs,
// one speaker turn at a time; the speaker comes from a WebVTT voice tag (<v Jane Roe>) or a "NAME:" /
// ">> NAME:" prefix and carries on until another is named. A named speaker's turn is written as
// `Jane Roe said: “…”`, so the quotation finder attributes the exact words to them and a draft quoting
// the interviewee is checked against what they said. Every cue's start time is a mark: a sentence
// carries the time of the cue it starts in.

import type { ArticleMeta, SourceFormat } from '../../service/types.ts';
import { ExtractedTextBuilder, TooLong, type Extraction } from './extractedText.ts';

export interface Cue {
  /** Start, in seconds. */
  start: number;
  text: string;
  /** Speaker as labelled in the cue, if any. */
  speaker?: string;
}

const TIMING = /^\s*((?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3}|(?:\d+:)?\d{1,2}:\d{2})\s*-->\s*((?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3}|(?:\d+:)?\d{1,2}:\d{2})/;
/** "JANE ROE:", "Jane Roe:", ">> MAYOR SMITH:", "- INTERVIEWER:" at the start of a cue. */
const NAME_PREFIX = /^(?:>>\s*|-\s+)?((?:[A-Z][\p{L}'’.-]*|Dr\.|Mr\.|Mrs\.|Ms\.)(?:\s+[A-Z\p{Lu}][\p{L}'’.-]*){0,3})\s*:\s+/u;
/** Labels that name a role in the conversation, not a person to quote. */
const ROLE_LABEL = /^(?:q|a|question|answer|interviewer|interviewee|reporter|journalist|host|moderator|presenter|anchor|speaker(?:\s*\d+)?|unknown|unidentified(?:\s+\w+)?|audience|caller|narrator|voice(?:\s*over)?)$/i;
/** Paragraphs are cut at a cue boundary after a sentence end past this length, or anywhere past twice it. */
const PARAGRAPH_CHARS = 700;
const MAX_CUES = 200_000;

/** Cues of a WebVTT or SubRip file (blocks separated by blank lines; NOTE, STYLE and REGION skipped). */
export function parseCues(text: string, format: SourceFormat): { cues: Cue[]; title?: string } {
  const lines = text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
  const cues: Cue[] = [];
  let title: string | undefined;
  let i = 0;
  if (format === 'vtt' && /^WEBVTT\b/.test(lines[0] ?? '')) {
    const t = (lines[0] ?? '').replace(/^WEBVTT\s*[-–—:]?\s*/, '').trim();
    if (t) title = t;
    while (i < lines.length && lines[i].trim() !== '') i++; // header lines
  }
  while (i < lines.length && cues.length < MAX_CUES) {
    while (i < lines.length && lines[i].trim() === '') i++;
    const block: string[] = [];
    while (i < lines.length && lines[i].trim() !== '') block.push(lines[i++]);
    if (block.length === 0) break;
    if (/^(?:NOTE|STYLE|REGION)\b/.test(block[0])) continue;
    const t = block.findIndex((l) => TIMING.test(l));
    if (t < 0 || t > 1) continue; // not a cue: a stray line or a damaged block
    const start = seconds(TIMING.exec(block[t])![1]);
    const payload = block.slice(t + 1).join('\n');
    const cue = cueText(payload);
    if (cue.text) cues.push({ start, ...cue });
  }
  return title ? { cues, title } : { cues };
}

function seconds(stamp: string): number {
  const parts = stamp.replace(',', '.').split(':').map(Number);
  return parts.reduce((acc, p) => acc * 60 + (Number.isFinite(p) ? p : 0), 0);
}

/** "HH:MM:SS" of a time in seconds. */
export function clock(t: number): string {
  const s = Math.max(0, Math.floor(t));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', nbsp: ' ', quot: '"', apos: "'", lrm: '', rlm: '' };

/** A cue's text without markup, and its speaker from a voice tag or a name prefix. */
function cueText(payload: string): { text: string; speaker?: string } {
  let speaker: string | undefined;
  const voice = /<v(?:\.[^\s>]*)?\s+([^>]+)>/.exec(payload);
  if (voice) speaker = voice[1].trim();
  let text = payload
    .replace(/<[^>]*>/g, '') // voice, class, italics, karaoke timestamps
    .replace(/\{\\[^}]*\}/g, '') // SubRip positioning ({\an8})
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#') {
        const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
      }
      return ENTITIES[e.toLowerCase()] ?? m;
    })
    .replace(/\s+/g, ' ')
    .trim();
  const prefix = NAME_PREFIX.exec(text);
  if (prefix && !/^(?:Note|Update|Warning|Source|Editor)$/i.test(prefix[1])) {
    speaker = prefix[1];
    text = text.slice(prefix[0].length).trim();
  } else if (/^>>\s*/.test(text)) {
    speaker = undefined; // ">>" alone: a new, unnamed speaker
    text = text.replace(/^>>\s*/, '');
  }
  return speaker ? { text, speaker: speakerName(speaker) } : { text };
}

/** "JANE ROE" → "Jane Roe" (a name in capitals is a caption convention, not how the name is written). */
function speakerName(s: string): string {
  const name = s.replace(/\s+/g, ' ').trim();
  if (name !== name.toUpperCase()) return name;
  return name.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_m, a: string, b: string) => a + b.toUpperCase()).replace(/\bMc(\p{Ll})/gu, (_m, c: string) => `Mc${c.toUpperCase()}`);
}

export function extractTranscript(text: string, format: 'vtt' | 'srt', maxChars: number, fileTitle: string): Extraction {
  if (format === 'vtt' && !/^\ufeff?WEBVTT\b/.test(text)) return { skip: 'skipped: not a WebVTT file (no WEBVTT header)' };
  const { cues, title } = parseCues(text, format);
  if (cues.length === 0) return { skip: `skipped: no cues found in this ${format === 'vtt' ? 'WebVTT' : 'SubRip'} file` };
  try {
    const out = new ExtractedTextBuilder(format, maxChars);
    const meta: ArticleMeta = { title: title ?? fileTitle };
    out.frontMatter(meta);
    let speaker: string | undefined;
    let turn: Array<{ text: string; start: number }> = [];
    let turnSpeaker: string | undefined;
    let previous = '';
    const flush = () => {
      if (turn.length === 0) return;
      const quoted = turnSpeaker !== undefined && !ROLE_LABEL.test(turnSpeaker);
      let body = '';
      const paragraphStart = out.offset;
      const lead = quoted ? `${turnSpeaker} said: “` : turnSpeaker ? `${turnSpeaker}: ` : '';
      // Marks are offsets in the text being built: the paragraph's first cue starts with its lead.
      const marks: Array<{ at: number; time: string }> = [];
      for (const [k, cue] of turn.entries()) {
        const at = k === 0 ? 0 : lead.length + body.length + 1;
        marks.push({ at, time: clock(cue.start) });
        body += (body ? ' ' : '') + (quoted ? cue.text.replace(/["“”]/g, (q) => (q === '”' ? '’' : '‘')) : cue.text);
      }
      for (const m of marks) out.mark({ time: m.time }, paragraphStart + m.at);
      out.paragraph(quoted ? `${lead}${body}”` : `${lead}${body}`);
      turn = [];
    };
    for (const cue of cues) {
      if (cue.text === previous) continue; // roll-up captions repeat a line
      previous = cue.text;
      if (cue.speaker !== undefined && cue.speaker !== speaker) {
        flush();
        speaker = cue.speaker;
      }
      const length = turn.reduce((n, c) => n + c.text.length + 1, 0);
      const sentenceEnd = /[.!?…]["'”’)]?$/.test(turn[turn.length - 1]?.text ?? '');
      if ((length > PARAGRAPH_CHARS && sentenceEnd) || length > PARAGRAPH_CHARS * 2) flush();
      if (turn.length === 0) turnSpeaker = speaker;
      turn.push({ text: cue.text, start: cue.start });
    }
    flush();
    return out.result();
  } catch (err) {
    if (err instanceof TooLong) return { skip: 'skipped: the text of this transcript is over the size limit' };
    throw err;
  }
}
