// Reads a corpus the way the editor does: through the filesystem host.

import { readCorpus } from '../../server/src/host/corpusFiles.ts';

export type HostEntry = { kind: 'file'; uri: string; path: string; text: string } | { kind: 'warning'; message?: string };
export type ReadCorpus = (roots: string[]) => AsyncIterable<HostEntry>;

export async function loadCorpusReader(): Promise<{ read: ReadCorpus; viaHost: boolean }> {
  return { read: readCorpus, viaHost: true };
}
