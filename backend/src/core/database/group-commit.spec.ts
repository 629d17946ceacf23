import { describe, expect, it } from 'vitest';
import { GroupCommit } from './group-commit.js';

/** A `run` whose statements finish when the test says, recording the batches it was given. */
function controlled() {
  const batches: number[][] = [];
  const finish: (() => void)[] = [];
  const fail: ((e: unknown) => void)[] = [];
  const run = (items: number[]) =>
    new Promise<string[]>((resolve, reject) => {
      batches.push(items);
      finish.push(() => resolve(items.map((i) => `r${i}`)));
      fail.push(reject);
    });
  return { batches, finish, fail, run };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('group commit', () => {
  it('runs an idle call at once, and the calls made while statements run together in the next', async () => {
    const c = controlled();
    const group = new GroupCommit(c.run, { inFlight: 1, maxBatch: 64 });
    const first = group.submit(1);
    await tick();
    expect(c.batches).toEqual([[1]]);
    const later = [2, 3, 4].map((i) => group.submit(i));
    await tick();
    expect(c.batches).toHaveLength(1); // waiting for the running statement
    c.finish[0]!();
    expect(await first).toBe('r1');
    await tick();
    expect(c.batches).toEqual([[1], [2, 3, 4]]);
    c.finish[1]!();
    expect(await Promise.all(later)).toEqual(['r2', 'r3', 'r4']);
  });

  it('puts the calls of one tick in one statement, and no more than maxBatch in any', async () => {
    const c = controlled();
    const group = new GroupCommit(c.run, { inFlight: 1, maxBatch: 3 });
    const all = [1, 2, 3, 4, 5].map((i) => group.submit(i));
    await tick();
    expect(c.batches).toEqual([[1, 2, 3]]);
    c.finish[0]!();
    await tick();
    expect(c.batches).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
    c.finish[1]!();
    expect(await Promise.all(all)).toEqual(['r1', 'r2', 'r3', 'r4', 'r5']);
  });

  it('keeps up to inFlight statements running, so that one that hangs does not hold the rest', async () => {
    const c = controlled();
    const group = new GroupCommit(c.run, { inFlight: 2, maxBatch: 64 });
    void group.submit(1); // this one never finishes
    await tick();
    const second = group.submit(2);
    await tick();
    expect(c.batches).toEqual([[1], [2]]);
    const third = group.submit(3);
    await tick();
    expect(c.batches).toHaveLength(2);
    c.finish[1]!();
    expect(await second).toBe('r2');
    await tick();
    expect(c.batches).toEqual([[1], [2], [3]]);
    c.finish[2]!();
    expect(await third).toBe('r3');
  });

  it('rejects every call of a failed statement with its error, and goes on with the next', async () => {
    const c = controlled();
    const group = new GroupCommit(c.run, { inFlight: 1, maxBatch: 64 });
    const first = group.submit(1);
    await tick();
    const failing = [2, 3].map((i) => group.submit(i));
    c.finish[0]!();
    await first;
    await tick();
    const after = group.submit(4);
    c.fail[1]!(new Error('connection lost'));
    for (const call of failing) await expect(call).rejects.toThrow('connection lost');
    await tick();
    expect(c.batches).toEqual([[1], [2, 3], [4]]);
    c.finish[2]!();
    expect(await after).toBe('r4');
  });
});
