// Finds the language server process the extension started: the extension tests run in the extension
// host, and vscode-languageclient forks dist/server.js with `--clientProcessId=<extension host pid>`.

import * as fs from 'node:fs';

export function serverPids(): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let args: string[];
    try {
      args = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
    } catch {
      continue; // exited meanwhile, or not ours to read
    }
    if (args.some((a) => /[\\/]dist[\\/]server\.js$/.test(a)) && args.includes(`--clientProcessId=${process.pid}`)) pids.push(Number(entry));
  }
  return pids;
}

/** Whether `/proc` lists processes (Linux): the kill test needs it. */
export const canListProcesses = fs.existsSync('/proc/self/cmdline');
