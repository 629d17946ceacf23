import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';

/**
 * A child Node process in a process group of its own (so the whole group can be signalled, and
 * a Ctrl-C at the terminal reaches only the bench, which then stops it), with its output going
 * to a log file rather than through the bench's event loop, and an IPC channel.
 */
export class Child {
  readonly child: ChildProcess;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private readonly messages: unknown[] = [];
  private readonly listeners = new Set<() => void>();

  constructor(
    readonly name: string,
    args: string[],
    env: NodeJS.ProcessEnv,
    readonly logFile: string,
    cwd: string,
  ) {
    const fd = openSync(logFile, 'a');
    try {
      this.child = spawn(process.execPath, args, { cwd, env, detached: true, stdio: ['ignore', fd, fd, 'ipc'] });
    } finally {
      closeSync(fd);
    }
    this.exited = new Promise((resolve) => this.child.once('exit', (code, signal) => resolve({ code, signal })));
    this.child.on('message', (m) => {
      this.messages.push(m);
      for (const l of this.listeners) l();
    });
    void this.exited.then(() => {
      for (const l of this.listeners) l();
    });
    live.add(this);
    void this.exited.then(() => live.delete(this));
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The last lines of its log, for error messages. */
  tail(lines = 30): string {
    try {
      return readFileSync(this.logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    } catch {
      return '';
    }
  }

  send(message: unknown): void {
    if (this.running && this.child.connected) this.child.send(message as object);
  }

  /** The first IPC message (received so far or to come) matching `match`; rejects on exit or timeout. */
  message<T>(match: (m: unknown) => m is T, timeoutMs: number, what: string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const check = () => {
        const found = this.messages.find(match);
        if (found !== undefined) {
          done();
          resolve(found);
        } else if (!this.running) {
          done();
          reject(
            new Error(
              `${this.name} exited (${this.child.exitCode ?? this.child.signalCode}) before ${what}; its log ends:\n${this.tail()}`,
            ),
          );
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`${this.name}: no ${what} within ${timeoutMs} ms; its log ends:\n${this.tail()}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.listeners.delete(check);
      };
      this.listeners.add(check);
      check();
    });
  }

  private signal(signal: NodeJS.Signals): void {
    if (!this.child.pid) return;
    try {
      process.kill(-this.child.pid, signal); // the whole group
    } catch {
      // already gone
    }
  }

  /** SIGTERM to the group, SIGKILL after `graceMs`; resolves once the process has exited. */
  async stop(graceMs = 10_000): Promise<void> {
    if (!this.running) {
      this.signal('SIGKILL'); // anything it left in its group
      return;
    }
    this.signal('SIGTERM');
    const timer = setTimeout(() => this.signal('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
    this.signal('SIGKILL');
  }
}

const live = new Set<Child>();

/** Last resort on any exit of the bench: no process group is left behind. */
process.once('exit', () => {
  for (const c of live) {
    try {
      if (c.child.pid) process.kill(-c.child.pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
});
