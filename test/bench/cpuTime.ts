// CPU time from /proc (Linux), so a benchmark on a shared machine can say how much work a job did, not only
// how long it waited: the time children this process has reaped used (a CLI run), and the time a server
// process tree used (PostgreSQL's postmaster, its exited backends and its live processes).

import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's times (USER_HZ, 100 on Linux). */
const HZ = 100;

/** utime, stime, cutime, cstime of a process, in seconds; undefined when it cannot be read. */
function times(pid: number | 'self'): { own: number; children: number; ppid: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ').map(Number);
    // state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14)
    return { own: ((f[11] as number) + (f[12] as number)) / HZ, children: ((f[13] as number) + (f[14] as number)) / HZ, ppid: f[1] as number };
  } catch {
    return undefined;
  }
}

/** CPU seconds used by this process's children that have exited and been waited for. */
export function reapedChildrenCpu(): number {
  return times('self')?.children ?? NaN;
}

/** CPU seconds used by a process, its exited children, and its live children. */
export function processTreeCpu(pid: number): number {
  const root = times(pid);
  if (!root) return NaN;
  let total = root.own + root.children;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const t = times(Number(entry));
    if (t?.ppid === pid) total += t.own;
  }
  return total;
}
