/**
 * CPU accounting from /proc (Linux), to say where a phase's CPU went: per process, for a
 * changing set of processes (PostgreSQL backends), and for the whole machine. Every meter answers
 * null where /proc cannot tell. And this process's own event-loop delay.
 */
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

/** Clock ticks per second of /proc/<pid>/stat's times (`getconf CLK_TCK`: 100 on Linux). */
const CLOCK_TICKS = 100;

/** CPU time (user + system, ms) a process has used so far; null if unknown. */
export function cpuMs(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/** CPU (ms) used by some processes from now to the returned function's call. */
export function cpuMeter(pids: (number | undefined)[]): () => number | null {
  const before = pids.map(cpuMs);
  return () => {
    const after = pids.map(cpuMs);
    if (before.some((b) => b === null) || after.some((a) => a === null)) return null;
    return after.reduce<number>((sum, a, i) => sum + a! - before[i]!, 0);
  };
}

/**
 * CPU used by a changing set of processes (PostgreSQL backends, which pools open and close):
 * each is counted from its first sample (from 0 if it appeared after the first) to its last, so
 * a process that ends between samples loses its last second.
 */
export class ChangingCpu {
  private readonly base = new Map<number, number>();
  private readonly last = new Map<number, number>();

  constructor(private readonly pids: () => Promise<number[]>) {}

  async sample(first = false): Promise<void> {
    for (const pid of await this.pids()) {
      const used = cpuMs(pid);
      if (used === null) continue; // gone meanwhile, or no /proc
      if (!this.base.has(pid)) this.base.set(pid, first ? used : 0);
      this.last.set(pid, used);
    }
  }

  total(): number | null {
    if (this.base.size === 0) return null;
    return [...this.last].reduce((sum, [pid, used]) => sum + used - this.base.get(pid)!, 0);
  }
}

/** How busy the machine's cores were (0–1) from now to the returned function's call. */
export function machineMeter(): () => number | null {
  const read = (): [total: number, idle: number] | null => {
    try {
      const ticks = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
      return [ticks.reduce((a, b) => a + b, 0), ticks[3]! + (ticks[4] ?? 0)]; // idle + iowait
    } catch {
      return null;
    }
  };
  const before = read();
  return () => {
    const after = read();
    if (!before || !after || after[0] === before[0]) return null;
    return 1 - (after[1] - before[1]) / (after[0] - before[0]);
  };
}

/**
 * This process's event-loop delay from now to the returned function's call: the most (ms) in
 * each second counted from `origin` (a Date.now() instant; the seconds before it are not kept).
 */
export function loopDelayMeter(origin: number): () => number[] {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const mostBySecond: number[] = [];
  const timer = setInterval(() => {
    const second = Math.floor((Date.now() - origin) / 1000);
    if (second >= 0) mostBySecond[second] = Math.max(mostBySecond[second] ?? 0, delay.max / 1e6);
    delay.reset();
  }, 100);
  return () => {
    clearInterval(timer);
    delay.disable();
    return Array.from(mostBySecond, (ms) => ms ?? 0);
  };
}
