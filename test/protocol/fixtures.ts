// A small invented corpus (a harbour expansion story) and cursor-marker helpers, shared by the feature
// unit tests (in memory) and the protocol tests (written to a temp workspace).
import { createSourcedService, type SourcedService } from '../../server/src/service/index.ts';
import type { Position } from 'vscode-languageserver-types';

export const HARBOR_URI = 'file:///ws/sources/harbor-deal.md';
export const UNION_URI = 'file:///ws/sources/union-reaction.md';
export const DRAFT_URI = 'file:///ws/drafts/story.md';

export const HARBOR = `---
title: "Port authority approves harbor expansion"
outlet: "Coastal Times"
date: 2021-03-04
---
The Port of Elmsworth will spend $120 million on a new container terminal, port officials said on Tuesday.

Harbor Commissioner Maria Okafor said the expansion would create 800 jobs. "This terminal will double our capacity by 2025," Okafor told reporters.

Okafor, who chairs the Elmsworth Port Authority, said construction would start in June. "We expect the first ships to dock here within three years," she said.
`;

export const UNION = `---
title: "Dockworkers union backs terminal plan"
outlet: "Harbor Ledger"
date: 2021-03-06
---
The International Dockworkers Union endorsed the Elmsworth terminal on Thursday.

"We have waited ten years for this investment," said union president Daniel Reyes.

Reyes said Maria Okafor had met union leaders twice before the vote.
`;

export async function harborService(extra: Array<{ uri: string; text: string }> = []): Promise<SourcedService> {
  const service = createSourcedService();
  await service.upsertSources([{ uri: HARBOR_URI, text: HARBOR }, { uri: UNION_URI, text: UNION }, ...extra]);
  return service;
}

/** Splits "Okaf|or said" into the text without the marker and the marker's position. */
export function cursor(marked: string): { text: string; position: Position } {
  const at = marked.indexOf('|');
  if (at < 0) throw new Error('no | cursor marker');
  const text = marked.slice(0, at) + marked.slice(at + 1);
  const before = text.slice(0, at).split('\n');
  return { text, position: { line: before.length - 1, character: before[before.length - 1].length } };
}

export function hoverText(h: { contents: unknown } | undefined): string {
  const c = h?.contents as { value?: string } | undefined;
  return c?.value ?? '';
}
