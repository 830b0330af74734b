// The fact-check report as one self-contained HTML page: no scripts, no remote fonts or styles, so it
// opens from disk, offline, and inside a VS Code webview under a strict Content-Security-Policy. Verdicts
// are told apart by symbol and line style as well as colour, so a greyscale print keeps them.

import type { ClaimStatus, DraftFactCheck, ParagraphStatus, ReportClaim, ReportSource } from './factCheck.ts';
import { PARAGRAPH_LABEL, VERDICT_LABEL, VERDICT_SYMBOL, sourcedPercent } from './factCheck.ts';
import { independenceText } from '../service/corpus/duplicates.ts';
import { REPORT_CSS } from './reportStyle.ts';

export interface HtmlReportOptions {
  /** "Sourced 0.1.0". */
  generator: string;
  /** When the check ran (ISO string); shown in the masthead. */
  checkedAt: string;
  corpus: { articles: number; roots: string[] };
  /** Nonce of the page's style element: the Content-Security-Policy then admits that element only (the
   *  webview); without one, inline styles are allowed (a file opened from disk). Scripts never are. */
  nonce?: string;
  /** Set in the editor's webview: links carry this title instead of "open the source file". */
  linkTitle?: string;
}


export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

export function renderHtmlReport(fc: DraftFactCheck, options: HtmlReportOptions): string {
  const s = fc.summary;
  const when = options.checkedAt.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC');
  const csp = `default-src 'none'; style-src ${options.nonce ? `'nonce-${options.nonce}'` : "'unsafe-inline'"}; img-src data:`;
  const corpusText = `${plural(options.corpus.articles, 'source article')}${options.corpus.roots.length ? ` in ${options.corpus.roots.map(esc).join(', ')}` : ''}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${esc(csp)}">
<meta name="generator" content="${esc(options.generator)}">
<title>Fact-check: ${esc(fc.title)}</title>
<style${options.nonce ? ` nonce="${esc(options.nonce)}"` : ''}>${REPORT_CSS}${barCss(fc)}</style>
</head>
<body>
<header class="masthead">
  <div class="kicker">Fact-check report</div>
  <h1>${esc(fc.title)}</h1>
  <div class="meta"><code>${esc(fc.path)}</code> · checked ${esc(when)} against ${corpusText}</div>
</header>
${summaryHtml(fc)}
<main class="draft" aria-label="The draft, claim by claim">
<div class="columns-head"><span>Draft</span><span>Verdicts and sources</span></div>
${fc.paragraphs.map((p, i) => paragraphHtml(fc, i, options)).join('\n')}
</main>
${ownAnalysisHtml(fc)}
<footer class="colophon">
  ${legendHtml()}
  <p>${esc(options.generator)} · ${plural(s.claims, 'claim')} · sources are quoted as indexed; line numbers count from 1. Near-duplicate articles (one story republished or lightly rewritten) count as one independent source.</p>
</footer>
</body>
</html>
`;
}

function summaryHtml(fc: DraftFactCheck): string {
  const s = fc.summary;
  const figure = (n: string, label: string, cls = '') => `<div class="figure ${cls}"><span class="num">${n}</span><span class="lbl">${label}</span></div>`;
  const flags = [
    figure(String(s.contradicted), 'contradicted', s.contradicted ? 'st-contradicted' : 'zero'),
    figure(String(s.misquoted), s.misquoted === 1 ? 'misquote' : 'misquotes', s.misquoted ? 'st-misquoted' : 'zero'),
    figure(String(s.unsourced), 'unsourced', s.unsourced ? 'st-unsourced' : 'zero'),
  ];
  const uncited = s.flags['uncited-claim'] ?? 0;
  const citations = s.flags['unknown-citation'] ?? 0;
  const extra = [
    uncited ? `${plural(uncited, 'sourced claim')} not cited` : '',
    citations ? `${plural(citations, 'citation')} pointing nowhere` : '',
    s.ignored ? `${plural(s.ignored, 'claim')} marked as own analysis` : '',
  ].filter(Boolean);
  const ind = s.independence;
  return `<section class="summary" aria-label="Summary">
  <div class="figures">
    ${figure(String(s.checked), s.checked === 1 ? 'claim checked' : 'claims checked', 'total')}
    ${figure(sourcedPercent(s), 'sourced', 'share')}
    ${flags.join('\n    ')}
  </div>
  <div class="bar" role="img" aria-label="${esc(`${s.supported} sourced, ${s.contradicted} contradicted, ${s.misquoted} misquoted, ${s.unsourced} unsourced`)}">${barHtml(fc)}</div>
  ${extra.length ? `<p class="notes-line">${extra.map(esc).join(' · ')}</p>` : ''}
  <div class="strip-block">
    <div class="strip-title">Coverage by paragraph <span class="hint">one cell per paragraph, in order</span></div>
    <div class="strip">${fc.paragraphs
      .map((p, i) => (p.kind === 'heading' ? '' : `<a class="cell ps-${p.status}" href="#p${i + 1}" title="${esc(`Paragraph at line ${p.line}: ${PARAGRAPH_LABEL[p.status]}`)}"><span>${i + 1}</span></a>`))
      .join('')}</div>
    <div class="strip-legend">${(['sourced', 'mixed', 'flagged', 'unsourced', 'own', 'none'] as ParagraphStatus[])
      .map((st) => `<span><i class="cell ps-${st}"></i>${esc(PARAGRAPH_LABEL[st])}</span>`)
      .join('')}</div>
  </div>
  <div class="independence"><span class="strip-title">Independent sources per sourced claim</span>
    <span class="ind">${ind.one}<small> with one</small></span><span class="ind">${ind.two}<small> with two</small></span><span class="ind">${ind.threeOrMore}<small> with three or more</small></span>
  </div>
</section>`;
}

function barHtml(fc: DraftFactCheck): string {
  const s = fc.summary;
  if (s.checked === 0) return '<span class="seg empty fx-1"></span>';
  const seg = (n: number, st: ClaimStatus) => (n ? `<span class="seg st-${st} fx-${n}"></span>` : '');
  return seg(s.supported, 'supported') + seg(s.contradicted, 'contradicted') + seg(s.misquoted, 'misquoted') + seg(s.unsourced, 'unsourced');
}

/** Widths of the summary bar's segments as classes (no style attributes: the webview's policy forbids them). */
function barCss(fc: DraftFactCheck): string {
  const s = fc.summary;
  const used = new Set([1, s.supported, s.contradicted, s.misquoted, s.unsourced].filter((n) => n > 0));
  return [...used].map((n) => `.fx-${n}{flex:${n}}`).join('');
}

function paragraphHtml(fc: DraftFactCheck, index: number, options: HtmlReportOptions): string {
  const p = fc.paragraphs[index];
  const claims = p.claims.map((n) => fc.claims[n - 1]);
  // Spans marked as own analysis in this paragraph (the checker makes no claims of them).
  const own = fc.ignored.filter((g) => g.start < p.end && g.end > p.start && !claims.some((c) => c.start < g.end && c.end > g.start));
  const body = markedText(fc.text, p.start, p.end, claims, own);
  const tag = p.kind === 'heading' ? 'h2' : 'p';
  const notes = [
    ...claims.map((c) => noteHtml(c, options)),
    ...own.map(
      (g) =>
        `<div class="note st-ignored"><div class="note-head"><span class="badge st-ignored"><b>${VERDICT_SYMBOL.ignored}</b></span><span class="verdict">${VERDICT_LABEL.ignored}</span><span class="back">line ${g.line}</span></div><p class="reason">${g.reason ? `Reason: ${esc(g.reason)}` : '<span class="noreason">No reason given</span>'}</p></div>`,
    ),
  ].join('\n');
  return `<section class="row k-${p.kind} ps-row-${p.status}" id="p${index + 1}">
  <div class="text"><span class="lineno" title="line ${p.line}">${p.line}</span><${tag}>${body}</${tag}></div>
  <aside class="notes">${notes}</aside>
</section>`;
}

/** The block's text with each claim wrapped in a mark numbered like its note, own analysis set apart. */
function markedText(text: string, start: number, end: number, claims: ReportClaim[], own: Array<{ start: number; end: number }>): string {
  const marks = [
    ...claims.map((c) => ({ start: c.start, end: c.end, claim: c as ReportClaim | undefined })),
    ...own.map((g) => ({ start: g.start, end: g.end, claim: undefined })),
  ].sort((a, b) => a.start - b.start);
  let out = '';
  let pos = start;
  for (const m of marks) {
    const s = Math.max(m.start, pos);
    const e = Math.min(m.end, end);
    if (e <= s) continue;
    out += inline(text.slice(pos, s));
    const c = m.claim;
    out += c
      ? `<a class="claim st-${c.status}" href="#c${c.n}" id="m${c.n}">${inline(text.slice(s, e))}<sup class="tag">${c.n}${VERDICT_SYMBOL[c.status]}</sup></a>`
      : `<span class="claim st-ignored">${inline(text.slice(s, e))}</span>`;
    pos = e;
  }
  return out + inline(text.slice(pos, end));
}

/** Draft Markdown as display text: footnote markers as small citations, emphasis markers and comments dropped. */
function inline(raw: string): string {
  return esc(raw.replace(/<!--[\s\S]*?-->/g, ''))
    .replace(/\[\^([^\]\s]+)\]/g, (_m, key: string) => `<sup class="cite">[${key.length > 14 ? `${key.slice(0, 12)}…` : key}]</sup>`)
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '<strong>$2</strong>')
    .replace(/(^|[^*\w])[*_](?=\S)([^*_]*?\S)[*_](?![*\w])/g, '$1<em>$2</em>')
    .replace(/\n/g, ' ');
}

function noteHtml(c: ReportClaim, options: HtmlReportOptions): string {
  const head = `<span class="badge st-${c.status}">${c.n}<b>${VERDICT_SYMBOL[c.status]}</b></span><span class="verdict">${VERDICT_LABEL[c.status]}</span>`;
  if (c.status === 'ignored') {
    return `<div class="note st-${c.status}" id="c${c.n}"><div class="note-head">${head}<a class="back" href="#m${c.n}">line ${c.range.start.line + 1}</a></div><p class="reason">Marked as the writer's own analysis; not checked.</p></div>`;
  }
  const parts: string[] = [];
  const reason = c.verdict === 'supported' ? supportedReason(c) : c.reason || c.message || '';
  if (reason) parts.push(`<p class="reason">${esc(reason)}</p>`);
  if (c.conflict) parts.push(`<p class="conflict"><span>Draft</span> ${esc(c.conflict.draft)} <span>Source</span> ${esc(c.conflict.source)}</p>`);
  if (c.quote?.nearest) parts.push(`<p class="conflict"><span>Exact words</span> “${esc(c.quote.nearest)}”</p>`);
  const shown = c.verdict === 'supported' ? c.sources.slice(0, 1) : c.sources.slice(0, 3);
  for (const src of shown) parts.push(sourceHtml(src, c.verdict, options));
  const more = new Set(c.sources.slice(shown.length).map((src) => src.uri)).size;
  if (c.verdict === 'supported' && c.sources.length > shown.length) parts.push(`<p class="more">and ${plural(c.sources.length - shown.length, 'more passage')}${more > 1 ? ` in ${more} articles` : ''}</p>`);
  if (c.sources.length === 0 && c.verdict !== 'supported') parts.push('<p class="nosource">No source passage comes close.</p>');
  if (c.code === 'uncited-claim') parts.push('<p class="todo">Not cited in the draft.</p>');
  return `<div class="note st-${c.status}" id="c${c.n}"><div class="note-head">${head}${c.independence ? `<span class="count">${esc(independenceText(c.independence.sources, c.independence.articles))}</span>` : ''}<a class="back" href="#m${c.n}">line ${c.range.start.line + 1}</a></div>${parts.join('')}</div>`;
}

function supportedReason(c: ReportClaim): string {
  return c.citations.length ? `Cited: ${c.citations.join(', ')}.` : '';
}

function sourceHtml(src: ReportSource, verdict: ReportClaim['verdict'], options: HtmlReportOptions): string {
  const label = verdict === 'unsourced' ? 'closest passage' : verdict === 'contradicted' ? 'the source says' : '';
  const title = options.linkTitle ?? 'Open the source file';
  return `<blockquote class="source${verdict === 'supported' ? ' brief' : ''}">${label ? `<span class="src-label">${label}</span>` : ''}<q>${esc(clip(src.text, verdict === 'supported' ? 220 : 420))}</q><cite><a href="${esc(src.href)}" title="${esc(title)}">${esc(clip(src.title, 90))}</a> <span class="loc">${esc(src.path)}, line ${src.line}</span></cite></blockquote>`;
}

function ownAnalysisHtml(fc: DraftFactCheck): string {
  if (fc.ignored.length === 0) {
    return `<section class="own"><h2>Own analysis</h2><p class="empty">Nothing in this draft is marked as the writer's own analysis (<code>&lt;!-- sourced-ignore: reason --&gt;</code>).</p></section>`;
  }
  return `<section class="own"><h2>Own analysis <small>${plural(fc.ignored.length, 'span')} marked <code>sourced-ignore</code>, not checked</small></h2><ol>${fc.ignored
    .map(
      (g) =>
        `<li><span class="loc">line ${g.line}</span><q>${esc(clip(g.text.replace(/\s+/g, ' '), 300))}</q><span class="why ${g.reason ? '' : 'none'}">${g.reason ? `Reason: ${esc(g.reason)}` : 'No reason given'}</span></li>`,
    )
    .join('')}</ol></section>`;
}

function legendHtml(): string {
  const items: ClaimStatus[] = ['supported', 'contradicted', 'misquoted', 'unsourced', 'ignored'];
  return `<div class="legend">${items.map((st) => `<span><span class="claim st-${st}">claim<sup class="tag">${VERDICT_SYMBOL[st]}</sup></span> ${VERDICT_LABEL[st]}</span>`).join('')}</div>`;
}

function clip(s: string, n: number): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length <= n ? t : `${t.slice(0, n - 1)}…`;
}
