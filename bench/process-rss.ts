// Resident memory of a process and all its descendants, read from /proc (Linux only).
import { readFileSync, readdirSync } from 'node:fs';

/** Parent pid of every process on the machine, from /proc/<pid>/stat. */
function parentMap(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    // The command name is in parentheses and may hold spaces; the ppid is the 2nd field after it.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    const list = children.get(ppid) ?? [];
    list.push(Number(entry));
    children.set(ppid, list);
  }
  return children;
}

/** The pid itself and every descendant. */
export function processTree(pid: number): number[] {
  const children = parentMap();
  const out: number[] = [];
  const stack = [pid];
  while (stack.length > 0) {
    const p = stack.pop() as number;
    out.push(p);
    stack.push(...(children.get(p) ?? []));
  }
  return out;
}

function vmRssKb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** Sum of VmRSS (KiB) over the process tree rooted at pid. */
export function treeRssKb(pid: number): number {
  return processTree(pid).reduce((sum, p) => sum + vmRssKb(p), 0);
}

/** Samples the tree's RSS every intervalMs until stopped; stop() gives the peak in KiB. */
export function samplePeakRss(pid: number, intervalMs = 25): { stop: () => number } {
  // The tree is listed once: walking all of /proc on every tick would cost the server CPU time.
  const pids = processTree(pid);
  let peak = 0;
  const tick = (): void => {
    peak = Math.max(
      peak,
      pids.reduce((sum, p) => sum + vmRssKb(p), 0),
    );
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      tick();
      return peak;
    },
  };
}
