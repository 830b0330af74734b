// Worker threads that analyse source files while the main thread indexes them (a bulk index of a corpus
// uses every core). Used only where the bundled worker script exists (dist/analysisWorker.js next to the
// running bundle); elsewhere, and for a few files, the service analyses in its own thread.

import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { SourceAnalyser } from '../service/api.ts';
import type { DocumentInput } from '../service/types.ts';
import type { AnalysisRequest } from './analysisWorker.ts';

/** Fewer files than this are analysed in the main thread: starting a worker costs more. */
export const POOL_MIN_FILES = 200;

type Answer = Awaited<ReturnType<SourceAnalyser>>;

interface Slot {
  worker: Worker;
  busy: number;
}

/** One worker per core but one: the main thread has the index to build meanwhile (on the 2-core machine
 *  two workers cost a quarter more CPU time than one, and the wall time did not improve). */
export class AnalysisPool {
  private readonly slots: Slot[] = [];
  private readonly waiting = new Map<number, { slot: Slot; resolve: (a: Answer) => void; reject: (e: Error) => void }>();
  private seq = 0;
  /** Files answered for; once they reach `files`, the workers are let go (see `forFiles`). */
  private answered = 0;

  private constructor(
    script: string,
    threads: number,
    private readonly files: number,
  ) {
    for (let i = 0; i < threads; i++) {
      const worker = new Worker(script);
      const slot: Slot = { worker, busy: 0 };
      worker.on('message', (msg: { id: number; out: Answer }) => {
        const w = this.waiting.get(msg.id);
        if (!w) return;
        this.waiting.delete(msg.id);
        slot.busy--;
        this.answered += msg.out.length;
        w.resolve(msg.out);
        if (this.answered >= this.files && this.waiting.size === 0) void this.close();
      });
      // A worker that fails (out of memory, say) fails its batches: the service analyses them itself.
      const fail = (err: Error) => {
        const i = this.slots.indexOf(slot);
        if (i >= 0) this.slots.splice(i, 1);
        for (const [id, w] of this.waiting) {
          if (w.slot !== slot) continue;
          this.waiting.delete(id);
          w.reject(err);
        }
      };
      worker.on('error', fail);
      worker.on('exit', (code) => fail(new Error(`analysis worker exited (${code})`)));
      this.slots.push(slot);
    }
  }

  /** A pool for `files` source files, or undefined when the main thread should analyse them. Once it
   *  has answered for that many, its workers end: the index's last steps (the last files analysed, the
   *  corpus-wide resolution of names) run without them holding their memory (a worker's heap and buffers,
   *  80–110 MB at 50,000 articles, when the index is at its largest); a later request is analysed by
   *  the caller. */
  static forFiles(files: number, dir = __dirname, threads = Math.min(availableParallelism() - 1, 3)): AnalysisPool | undefined {
    const script = path.join(dir, 'analysisWorker.js');
    if (files < POOL_MIN_FILES || threads < 1 || !existsSync(script)) return undefined;
    return new AnalysisPool(script, threads, files);
  }

  /** Workers still running. */
  get threads(): number {
    return this.slots.length;
  }

  readonly analyse: SourceAnalyser = (files: DocumentInput[]) => {
    if (!this.slots.length) return Promise.reject(new Error('no analysis worker'));
    let slot = this.slots[0];
    for (const s of this.slots) if (s.busy < slot.busy) slot = s;
    const id = ++this.seq;
    slot.busy++;
    return new Promise<Answer>((resolve, reject) => {
      this.waiting.set(id, { slot, resolve, reject });
      const req: AnalysisRequest = { id, files };
      slot.worker.postMessage(req);
    });
  };

  async close(): Promise<void> {
    const slots = this.slots.splice(0);
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}
