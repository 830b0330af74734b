// Worker threads analysing the sync's batches, one per core: batches go to the next free worker, and
// their rows come back in the order the batches were given (the archive keeps the folders' order, which
// the embedded index also has and which decides ties between equal search scores).

import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ExtractedSource } from '../../service/types.ts';
import type { Rows } from './archiveWrite.ts';

export interface FileToAnalyse {
  uri: string;
  text: string;
  extracted?: ExtractedSource;
  root: string;
  path: string;
  /** The file's path on disk, for warnings. */
  file: string;
  hash: string;
  replaces?: number;
}

export interface AnalyseRequest {
  id: number;
  files: FileToAnalyse[];
}

export interface AnalyseResponse {
  id: number;
  rows: Rows;
  meta: Array<{ replaces?: number }>;
  failed: Array<{ path: string; message: string }>;
}

/** A worker running the bundle's sibling file, or (from source) the TypeScript file through tsx's hook. */
function newWorker(): Worker {
  if (__filename.endsWith('.js')) return new Worker(path.join(__dirname, 'archiveWorker.js'));
  const source = path.join(__dirname, 'analyseWorker.ts');
  return new Worker(`require('tsx/cjs'); require(${JSON.stringify(source)});`, { eval: true });
}

export class AnalysePool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly waiting: Array<() => void> = [];
  private readonly pending = new Map<number, { resolve: (r: AnalyseResponse) => void; reject: (e: Error) => void }>();
  private nextId = 0;
  private failure: Error | undefined;

  constructor(size = availableParallelism()) {
    for (let i = 0; i < Math.max(1, size); i++) {
      const w = newWorker();
      w.on('message', (r: AnalyseResponse) => {
        const p = this.pending.get(r.id);
        this.pending.delete(r.id);
        this.release(w);
        p?.resolve(r);
      });
      w.on('error', (err) => this.fail(err));
      w.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`an analysis worker stopped (exit ${code})`));
      });
      this.workers.push(w);
      this.idle.push(w);
    }
  }

  private fail(err: Error): void {
    this.failure ??= err;
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
    for (const wake of this.waiting.splice(0)) wake();
  }

  private release(w: Worker): void {
    this.idle.push(w);
    this.waiting.shift()?.();
  }

  /** Hands a batch to the next free worker (waiting for one); `rows` settles with its analysis. */
  async submit(files: FileToAnalyse[]): Promise<{ rows: Promise<AnalyseResponse> }> {
    while (!this.idle.length && !this.failure) await new Promise<void>((resolve) => this.waiting.push(resolve));
    if (this.failure) throw this.failure;
    const w = this.idle.pop() as Worker;
    const id = this.nextId++;
    const done = new Promise<AnalyseResponse>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    done.catch(() => undefined); // awaited by the caller in order; a failure is thrown there
    w.postMessage({ id, files } satisfies AnalyseRequest);
    return { rows: done };
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
