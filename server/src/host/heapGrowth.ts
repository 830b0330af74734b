// How far V8 lets its heap grow past what a full collection left alive before it collects again. Its own
// rule, for a heap allowed 1.5 GB, lets the heap grow to several times the live objects once collections
// look cheap next to the work between them, so a bulk index fills with garbage memory it needs only at
// its end. Indexing 50,000 articles (450 MB alive after it), paired runs: peak RSS 969-1,025 MB with
// V8's rule, 934-938 MB growing by half at most, in the same time (wall ×1.04, spread 0.92-1.06); a
// check on BBC ×1.01-1.02 (within the noise). Growing by a fifth: 837-843 MB, but BBC checks ×1.09-1.10
// (more collections of a small heap). A V8 flag, so it holds for the process and its worker threads; set
// when the server or the command line starts, before the corpus is read.

import { setFlagsFromString } from 'node:v8';

export const HEAP_GROWING_PERCENT = 50;

export function limitHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
