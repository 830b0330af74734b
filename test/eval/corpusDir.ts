// A corpus folder read for an evaluation: every Markdown and text file under it, in path order (so runs
// index the same articles in the same order on every machine).

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DocumentInput } from '../../server/src/service/types.ts';

export function readCorpusDir(dir: string): DocumentInput[] {
  const out: DocumentInput[] = [];
  for (const name of (readdirSync(dir, { recursive: true }) as string[]).sort()) {
    if (!/\.(md|markdown|txt)$/i.test(name)) continue;
    const path = join(dir, name);
    out.push({ uri: pathToFileURL(path).href, text: readFileSync(path, 'utf8') });
  }
  return out;
}
