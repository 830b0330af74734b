// The fact-check report for the VS Code webview: the same page as `sourced report`, with source links
// that run the client's open-source command (the webview allows no other command and no scripts) and a
// Content-Security-Policy that admits only the page's own style element.

import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { DraftReport } from '../service/api.ts';
import { buildFactCheck } from '../cli/factCheck.ts';
import { renderHtmlReport } from '../cli/reportHtml.ts';
import { OPEN_SOURCE_COMMAND } from '../protocol.ts';
import type { CorpusFolder } from './corpusFolder.ts';
import pkg from '../../../package.json';

export function webviewReport(uri: string, text: string, report: DraftReport, folder: CorpusFolder, nonce: string): string {
  const base = folder.uri?.startsWith('file:') ? fileURLToPath(folder.uri) : undefined;
  const show = (u: string): string => {
    if (!u.startsWith('file:')) return u;
    try {
      const abs = fileURLToPath(u);
      const rel = base ? path.relative(base, abs) : '';
      return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : abs;
    } catch {
      return u;
    }
  };
  const fc = buildFactCheck(show(uri), text, report, show, (s) => `command:${OPEN_SOURCE_COMMAND}?${encodeURIComponent(JSON.stringify([{ uri: s.uri, line: s.line }]))}`);
  return renderHtmlReport(fc, {
    generator: `Sourced ${pkg.version}`,
    checkedAt: new Date().toISOString(),
    corpus: { articles: folder.service.corpus.articleCount, roots: folder.roots.map((r) => show(pathToFileURL(r).href)) },
    nonce,
    linkTitle: 'Open the source at this line',
  });
}
