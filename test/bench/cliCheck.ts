// `sourced check` as a user runs it: a fresh `node dist/cli.js` process per run, the bench's draft in a
// temporary folder, the corpus given with --corpus. Cold is `--no-cache` (read, index, check); warm reads
// the index a first, untimed run saved (to a temporary cache folder, never the user's). Each time is
// wall-clock for the whole process: Node's start, the corpus walk, the index, the check, the output.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './generate.ts';

export interface CliRuns {
  /** Best of the runs, in milliseconds. */
  ms: number;
  samples: number[];
}

export interface CliResult {
  command: string;
  draftWords: number;
  cold: CliRuns;
  warm: CliRuns;
  /** Claims in the JSON output of the last warm run. */
  claims: number;
}

const cliPath = join(repoRoot, 'dist', 'cli.js');

function runCli(args: string[], env: NodeJS.ProcessEnv): { ms: number; stdout: string } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [cliPath, ...args], { env, encoding: 'utf8', maxBuffer: 256 << 20 });
  const ms = performance.now() - t0;
  // Exit 1 means findings were reported; 2 or a signal means the run failed.
  if (r.error || r.signal || (r.status !== 0 && r.status !== 1)) {
    throw new Error(`sourced ${args.join(' ')} failed (${r.error?.message ?? r.signal ?? `exit ${r.status}`}): ${(r.stderr ?? '').trim().slice(0, 300)}`);
  }
  return { ms, stdout: r.stdout };
}

/** Times `sourced check --format json` of `draftText` against `corpusDir`, cold and warm, best of `runs` each. */
export function measureCliCheck(corpusDir: string, draftText: string, draftWords: number, runs: number): CliResult {
  if (!existsSync(cliPath)) throw new Error(`${cliPath} is missing: run npm run build`);
  const dir = mkdtempSync(join(tmpdir(), 'sourced-bench-cli-'));
  try {
    const draft = join(dir, 'draft.md');
    writeFileSync(draft, draftText);
    // Only the Node flags of the bench's child stay out: the CLI starts as a user starts it.
    const env = { ...process.env, XDG_CACHE_HOME: join(dir, 'cache'), NODE_OPTIONS: '' };
    const args = ['check', '--format', 'json', '--corpus', corpusDir, draft];
    const n = Math.max(1, runs);
    const cold: number[] = [];
    for (let r = 0; r < n; r++) cold.push(runCli([...args.slice(0, 1), '--no-cache', ...args.slice(1)], env).ms);
    runCli(args, env); // saves the index
    const warm: number[] = [];
    let stdout = '';
    for (let r = 0; r < n; r++) {
      const run = runCli(args, env);
      warm.push(run.ms);
      stdout = run.stdout;
    }
    const parsed = JSON.parse(stdout) as { files?: Array<{ claims?: unknown[] }> };
    const claims = (parsed.files ?? []).reduce((sum, f) => sum + (f.claims?.length ?? 0), 0);
    return {
      command: `node dist/cli.js check [--no-cache] --format json --corpus ${corpusDir} draft.md`,
      draftWords,
      cold: { ms: Math.min(...cold), samples: cold },
      warm: { ms: Math.min(...warm), samples: warm },
      claims,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
