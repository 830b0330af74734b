// The fact-check report's stylesheet, inlined into the page (no remote fonts: system font stacks). Each
// verdict differs in lightness and in line style or pattern, not only in hue, so the page survives a
// greyscale printer and colour-blind readers; the print rules lay it out on A4 with the notes beside the text.

export const REPORT_CSS = `
:root {
  --ink: #1b1b1b; --muted: #5f5b55; --rule: #d9d4ca; --paper: #fffdf8; --tint: #f4f0e6;
  --ok: #1e6641; --warn: #d49a00; --bad: #b3261e; --quote: #5b3a8c; --own: #7d7870;
  --serif: Charter, "Bitstream Charter", "Charis SIL", "Sitka Text", Cambria, "Iowan Old Style", Georgia, "DejaVu Serif", serif;
  --sans: "Source Sans 3", "Helvetica Neue", Helvetica, Arial, "Liberation Sans", "DejaVu Sans", sans-serif;
  color-scheme: light;
}
* { box-sizing: border-box; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
html { background: var(--paper); }
body { margin: 0 auto; max-width: 1180px; padding: 28px 40px 40px; color: var(--ink); background: var(--paper);
  font: 17px/1.55 var(--serif); font-kerning: normal; text-rendering: optimizeLegibility; }
a { color: inherit; }
code { font: 0.85em/1 "DejaVu Sans Mono", Menlo, Consolas, monospace; }
.masthead { border-bottom: 4px double var(--ink); padding-bottom: 10px; margin-bottom: 18px; }
.kicker { font: 700 12px/1 var(--sans); letter-spacing: .16em; text-transform: uppercase; color: var(--bad); }
.masthead h1 { font: 700 34px/1.15 var(--serif); margin: 8px 0 6px; letter-spacing: -.01em; }
.meta { font: 13px/1.4 var(--sans); color: var(--muted); }

.summary { display: grid; grid-template-columns: 1fr 1fr; gap: 10px 40px; padding: 4px 0 18px; border-bottom: 1px solid var(--ink); }
.figures { grid-column: 1 / -1; display: flex; gap: 34px; flex-wrap: wrap; align-items: flex-end; }
.figure { display: flex; flex-direction: column; }
.figure .num { font: 700 38px/1 var(--sans); font-variant-numeric: tabular-nums; letter-spacing: -.02em; }
.figure .lbl { font: 600 11px/1.6 var(--sans); text-transform: uppercase; letter-spacing: .1em; color: var(--muted); }
.figure.zero .num { color: #b9b3a8; }
.figure.st-contradicted .num { color: var(--bad); }
.figure.st-misquoted .num { color: var(--quote); }
.figure.st-unsourced .num { color: #9a6c00; }
.figure.share .num { color: var(--ok); }
.figure.total { padding-right: 34px; border-right: 1px solid var(--rule); }
.bar { grid-column: 1 / -1; display: flex; height: 12px; border: 1px solid var(--ink); background: #fff; }
.bar .seg { display: block; height: 100%; }
.bar .seg + .seg { border-left: 1.5px solid #fff; }
.notes-line { grid-column: 1 / -1; margin: 0; font: 13px/1.4 var(--sans); color: var(--muted); }
.strip-title { display: block; font: 700 11px/1.6 var(--sans); text-transform: uppercase; letter-spacing: .1em; margin-bottom: 5px; }
.strip-title .hint { font-weight: 400; text-transform: none; letter-spacing: 0; color: var(--muted); margin-left: 6px; }
.strip { display: flex; flex-wrap: wrap; gap: 3px; }
.cell { display: inline-block; width: 20px; height: 28px; border: 1px solid var(--ink); text-decoration: none; }
.cell span { display: none; }
.strip-legend { display: flex; flex-wrap: wrap; gap: 4px 14px; margin-top: 7px; font: 12px/1.4 var(--sans); color: var(--muted); }
.strip-legend span { display: inline-flex; align-items: center; gap: 5px; }
.strip-legend .cell { width: 11px; height: 14px; }
.independence { font: 13px/1.4 var(--sans); align-self: start; }
.independence .ind { display: inline-block; margin-right: 18px; font: 700 24px/1.2 var(--sans); font-variant-numeric: tabular-nums; }
.independence small { font: 400 12px var(--sans); color: var(--muted); }

/* verdict fills: lightness and pattern differ as well as hue */
.st-supported.seg, .ps-sourced { background: var(--ok); }
.st-contradicted.seg, .ps-flagged { background: repeating-linear-gradient(45deg, var(--bad) 0 3px, #5a0f0a 3px 5px); }
.st-misquoted.seg { background: repeating-linear-gradient(90deg, var(--quote) 0 3px, #2e1b4a 3px 5px); }
.st-unsourced.seg, .ps-unsourced { background: radial-gradient(circle, #6b4d00 1.1px, transparent 1.5px) 0 0 / 5px 5px, var(--warn); }
.ps-mixed { background: repeating-linear-gradient(135deg, var(--ok) 0 4px, var(--warn) 4px 8px); }
.ps-own { background: repeating-linear-gradient(135deg, #fff 0 3px, #b9b3a8 3px 4px); }
.ps-none { background: #fff; border-style: dashed; }

.draft { margin-top: 8px; }
.columns-head { display: grid; grid-template-columns: minmax(0, 1fr) 380px; gap: 36px; padding: 12px 0 4px; font: 700 11px/1 var(--sans); letter-spacing: .1em; text-transform: uppercase; color: var(--muted); }
.row { display: grid; grid-template-columns: minmax(0, 1fr) 380px; gap: 36px; padding: 12px 0; border-top: 1px solid var(--rule); }
.row.k-heading { border-top: 0; padding-bottom: 0; }
.text { position: relative; padding-left: 34px; }
.lineno { position: absolute; left: 0; top: .25em; width: 24px; text-align: right; font: 11px/1.4 var(--sans); color: #a39d92; font-variant-numeric: tabular-nums; }
.text p { margin: 0; hyphens: auto; }
.text h2 { margin: 6px 0 0; font: 700 22px/1.25 var(--serif); }
.ps-row-own .text p { color: #4a4741; }

.claim { color: inherit; text-decoration: none; padding: 0 1px; border-radius: 2px; box-decoration-break: clone; -webkit-box-decoration-break: clone; }
.claim.st-supported { border-bottom: 1.5px solid var(--ok); }
.claim.st-unsourced { background: #fbefc9; border-bottom: 2px dotted #8a6400; }
.claim.st-contradicted { background: #f7dcd8; border-bottom: 3px double var(--bad); }
.claim.st-misquoted { background: #e9e1f3; text-decoration: underline wavy var(--quote); text-decoration-thickness: 1.5px; text-underline-offset: 3px; }
.claim.st-ignored { font-style: italic; color: #6d685f; border-bottom: 1px dashed var(--own); }
sup.tag { font: 700 10px/1 var(--sans); margin-left: 2px; vertical-align: super; font-variant-numeric: tabular-nums; }
.st-supported > sup.tag { color: var(--ok); }
.st-unsourced > sup.tag { color: #7a5800; }
.st-contradicted > sup.tag { color: var(--bad); }
.st-misquoted > sup.tag { color: var(--quote); }
.st-ignored > sup.tag { color: var(--own); }
sup.cite { font: 10px/0 var(--sans); color: var(--muted); vertical-align: super; margin: 0 2px; white-space: nowrap; }

.notes { font: 13.5px/1.45 var(--sans); }
.note { margin: 0 0 12px; padding: 1px 0 1px 10px; border-left: 3px solid var(--rule); break-inside: avoid; }
.note.st-supported { border-left-color: var(--ok); }
.note.st-unsourced { border-left: 3px dotted #8a6400; }
.note.st-contradicted { border-left: 4px double var(--bad); }
.note.st-misquoted { border-left: 3px dashed var(--quote); }
.note-head { display: flex; align-items: baseline; gap: 7px; flex-wrap: wrap; }
.badge { display: inline-flex; gap: 2px; align-items: baseline; padding: 1px 6px; border-radius: 3px; font: 700 12px/1.4 var(--sans); font-variant-numeric: tabular-nums; border: 1.5px solid currentColor; }
.badge b { font-weight: 700; }
.badge.st-supported { color: var(--ok); background: #fff; }
.badge.st-contradicted { color: #fff; background: var(--bad); border-color: var(--bad); }
.badge.st-misquoted { color: #fff; background: var(--quote); border-color: var(--quote); }
.badge.st-unsourced { color: #3d2c00; background: var(--warn); border-color: #8a6400; }
.badge.st-ignored { color: var(--own); background: #fff; border-style: dashed; }
.verdict { font-weight: 700; text-transform: uppercase; letter-spacing: .06em; font-size: 11.5px; }
.count { font-size: 12px; color: var(--muted); }
.back { margin-left: auto; font-size: 11.5px; color: var(--muted); text-decoration: none; }
.reason { margin: 3px 0 4px; }
.conflict { margin: 2px 0 4px; }
.conflict span { font: 700 10.5px var(--sans); text-transform: uppercase; letter-spacing: .06em; color: var(--muted); margin-right: 3px; }
.conflict span + span, .conflict span:not(:first-child) { margin-left: 8px; }
.noreason { color: var(--bad); font-style: italic; }
.nosource, .todo, .more { margin: 2px 0; color: var(--muted); font-style: italic; }
.more { font-size: 12px; }
blockquote.source.brief q { font-size: 13px; }
blockquote.source { margin: 5px 0 7px; padding: 5px 9px; background: var(--tint); border-radius: 2px; }
blockquote.source q { display: block; font: italic 14px/1.45 var(--serif); quotes: "“" "”"; }
.src-label { display: block; font: 700 10px/1.6 var(--sans); text-transform: uppercase; letter-spacing: .08em; color: var(--muted); }
blockquote.source cite { display: block; margin-top: 3px; font: normal 12px/1.35 var(--sans); }
blockquote.source cite a { font-weight: 600; text-decoration: underline; text-decoration-color: #b9b3a8; text-underline-offset: 2px; }
.loc { color: var(--muted); }

.own { margin-top: 22px; padding-top: 10px; border-top: 1px solid var(--ink); }
.own h2 { font: 700 20px/1.3 var(--serif); margin: 0 0 8px; }
.own h2 small { font: 400 13px var(--sans); color: var(--muted); margin-left: 8px; }
.own ol { margin: 0; padding-left: 22px; font: 14px/1.45 var(--sans); }
.own li { margin-bottom: 8px; }
.own li .loc { margin-right: 8px; font-size: 12px; }
.own li q { font: italic 15px/1.45 var(--serif); }
.own .why { display: block; margin-top: 2px; }
.own .why.none { color: var(--bad); font-style: italic; }
.own .empty { font: 14px var(--sans); color: var(--muted); }

.colophon { margin-top: 26px; padding-top: 10px; border-top: 4px double var(--ink); font: 12px/1.5 var(--sans); color: var(--muted); }
.legend { display: flex; flex-wrap: wrap; gap: 6px 18px; margin-bottom: 6px; color: var(--ink); }
.legend .claim { font: 14px var(--serif); }

@media screen and (max-width: 820px) {
  body { padding: 16px 16px 28px; font-size: 16px; }
  .summary { grid-template-columns: 1fr; }
  .columns-head { display: none; }
  .row { grid-template-columns: 1fr; gap: 8px; }
  .notes { padding-left: 34px; }
  .figures { gap: 18px; }
  .figure .num { font-size: 30px; }
  .figure.total { padding-right: 18px; }
}
@media print {
  @page { size: A4; margin: 13mm 12mm 14mm; }
  html, body { background: #fff; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  .masthead h1 { font-size: 22pt; }
  .figure .num { font-size: 24pt; }
  .columns-head, .row { grid-template-columns: minmax(0, 1fr) 66mm; gap: 6mm; }
  .notes { font-size: 8.5pt; }
  blockquote.source q { font-size: 9pt; }
  .text p, .note, .summary, .own li { break-inside: avoid; }
  .row.k-heading { break-after: avoid; }
  a { text-decoration: none; }
  .back { display: none; }
}
`;
