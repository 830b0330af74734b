// Editor-like requests fired on a timer while the service is busy (indexing), to measure how long a
// writer would wait: latency runs from the moment the request was due to the moment it was answered.

import type { Position } from 'vscode-languageserver-types';
import type { SourcedService } from '../../server/src/service/api.ts';
import type { DocumentInput } from '../../server/src/service/types.ts';

export interface ProbeTarget {
  doc: DocumentInput;
  hovers: Position[];
  completionDoc: DocumentInput;
  completionAt: Position;
}

export interface ProbeRun {
  stop(): number[];
}

export function startProbes(service: SourcedService, target: () => ProbeTarget | undefined, intervalMs = 20): ProbeRun {
  const samples: number[] = [];
  let stopped = false;
  let k = 0;
  const t0 = performance.now();
  let timer: NodeJS.Timeout | undefined;

  const schedule = () => {
    if (stopped) return;
    // Requests that would have been due while the loop was blocked collapse into the next one,
    // whose latency then includes the whole block.
    k = Math.max(k + 1, Math.floor((performance.now() - t0) / intervalMs));
    const due = t0 + k * intervalMs;
    timer = setTimeout(() => void fire(due), Math.max(0, due - performance.now()));
  };

  const fire = async (due: number) => {
    const t = target();
    if (t && !stopped) {
      try {
        if (k % 2 === 0 && t.hovers.length > 0) await service.getHover(t.doc, t.hovers[(k >> 1) % t.hovers.length] as Position);
        else await service.getCompletions(t.completionDoc, t.completionAt);
      } catch {
        // a failing request is still an answer; correctness is measured elsewhere
      }
      samples.push(performance.now() - due);
    }
    schedule();
  };

  schedule();
  return {
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      return samples;
    },
  };
}

/** Samples resident memory on a timer; the kernel's high-water mark is read separately at the end. */
export function startRssSampler(intervalMs = 25): { stop(): number } {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage.rss());
    },
  };
}
