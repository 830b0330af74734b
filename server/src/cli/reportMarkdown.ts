// `sourced report --format md`: the fact-check report as Markdown for a CMS note or a ticket: the
// summary, a text coverage strip, every flagged claim with its reason and sources, the sourced claims in
// a table, and the own-analysis spans with their reasons.

import type { DraftFactCheck, ParagraphStatus, ReportClaim } from './factCheck.ts';
import { PARAGRAPH_LABEL, VERDICT_LABEL, VERDICT_SYMBOL, sourcedPercent } from './factCheck.ts';
import { independenceText } from '../service/corpus/duplicates.ts';

export interface MarkdownReportOptions {
  generator: string;
  checkedAt: string;
  articles: number;
}

const CELL: Record<ParagraphStatus, string> = { sourced: '■', mixed: '◩', flagged: '✗', unsourced: '?', own: '○', none: '□' };

/** Text safe inside Markdown (and a table cell): markup characters escaped, one line. */
function md(s: string): string {
  return s.replace(/\s+/g, ' ').trim().replace(/([\\`*_[\]<>|#])/g, '\\$1');
}

export function renderMarkdownReport(fc: DraftFactCheck, options: MarkdownReportOptions): string {
  const s = fc.summary;
  const out: string[] = [];
  out.push(`## Fact-check: ${md(fc.title)}`, '');
  out.push(`\`${fc.path}\` · checked ${options.checkedAt.slice(0, 16).replace('T', ' ')} UTC against ${options.articles} source articles`, '');
  out.push(
    `**${s.checked} claims checked · ${sourcedPercent(s)} sourced** — ${s.supported} sourced, ${s.contradicted} contradicted, ${s.misquoted} misquoted, ${s.unsourced} unsourced` +
      (s.ignored ? `; ${s.ignored} marked as own analysis` : ''),
    '',
  );
  const extra: string[] = [];
  if (s.flags['uncited-claim']) extra.push(`${s.flags['uncited-claim']} sourced but not cited`);
  if (s.flags['unknown-citation']) extra.push(`${s.flags['unknown-citation']} citations pointing nowhere`);
  extra.push(`independent sources per sourced claim: ${s.independence.one} with one, ${s.independence.two} with two, ${s.independence.threeOrMore} with three or more`);
  out.push(extra.join(' · '), '');
  const cells = fc.paragraphs.filter((p) => p.kind !== 'heading');
  out.push(cells.length ? `Coverage by paragraph: \`${cells.map((p) => CELL[p.status]).join('')}\`` : 'Coverage by paragraph: no paragraphs.', '');
  out.push(`<sub>${(Object.keys(CELL) as ParagraphStatus[]).map((k) => `${CELL[k]} ${PARAGRAPH_LABEL[k]}`).join(' · ')}</sub>`, '');

  const flagged = fc.claims.filter((c) => c.status !== 'supported' && c.status !== 'ignored');
  if (flagged.length) {
    out.push('### Flagged claims', '');
    for (const c of flagged) out.push(...flaggedClaim(c), '');
  }
  const supported = fc.claims.filter((c) => c.status === 'supported');
  if (supported.length) {
    out.push('### Sourced claims', '', '| # | line | claim | source | independent |', '|---|---|---|---|---|');
    for (const c of supported) {
      const src = c.sources[0];
      const where = src ? `${md(src.title)} (\`${src.path}:${src.line}\`)` : '';
      const ind = c.independence ? independenceText(c.independence.sources, c.independence.articles) : '';
      out.push(`| ${c.n} | ${c.range.start.line + 1} | ${md(clip(c.text, 140))}${c.code === 'uncited-claim' ? ' *(not cited)*' : ''} | ${where} | ${ind} |`);
    }
    out.push('');
  }
  out.push('### Own analysis', '');
  if (fc.ignored.length === 0) out.push('Nothing is marked as the writer\'s own analysis.');
  for (const g of fc.ignored) out.push(`- line ${g.line}: “${md(clip(g.text, 200))}” — ${g.reason ? `reason: ${md(g.reason)}` : '**no reason given**'}`);
  out.push('', `<sub>${md(options.generator)}</sub>`, '');
  return out.join('\n');
}

function flaggedClaim(c: ReportClaim): string[] {
  const lines = [`**${c.n}. ${VERDICT_SYMBOL[c.status]} ${VERDICT_LABEL[c.status]}** (line ${c.range.start.line + 1}): ${md(c.text)}`, ''];
  if (c.reason) lines.push(`- ${md(c.reason)}`);
  for (const src of c.sources.slice(0, 3)) lines.push(`- > “${md(clip(src.text, 300))}” — ${md(src.title)}, \`${src.path}:${src.line}\``);
  if (c.sources.length === 0) lines.push('- No source passage comes close.');
  return lines;
}

function clip(s: string, n: number): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length <= n ? t : `${t.slice(0, n - 1)}…`;
}
