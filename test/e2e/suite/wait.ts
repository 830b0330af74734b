// Waiting without fixed sleeps: re-check a condition whenever diagnostics change (or on a short tick,
// for state with no event, such as the server finishing its index) until it holds or the deadline passes.

import * as vscode from 'vscode';

const TICK_MS = 100;

export interface WaitOptions {
  timeoutMs?: number;
}

/** Resolves with the first truthy value `probe` returns; rejects with `what` and the last value seen. */
export async function waitFor<T>(what: string, probe: () => T | undefined | null | false | Promise<T | undefined | null | false>, options: WaitOptions = {}): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 45_000);
  let last: unknown;
  while (true) {
    try {
      const value = await probe();
      if (value) return value;
      last = value;
    } catch (err) {
      last = err instanceof Error ? err.message : err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (last: ${describe(last)})`);
    await nextChange();
  }
}

function nextChange(): Promise<void> {
  return new Promise((resolve) => {
    const sub = vscode.languages.onDidChangeDiagnostics(done);
    const timer = setTimeout(done, TICK_MS);
    function done() {
      sub.dispose();
      clearTimeout(timer);
      resolve();
    }
  });
}

function describe(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return (text ?? String(value)).slice(0, 400);
}
