import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataSourceOptions } from '../src/core/database/data-source-options.js';
import { inTransaction } from '../src/core/database/transaction.js';
import { testConfig } from './support/test-app.js';

// inTransaction (core/database/transaction.ts) against the real PostgreSQL: a deadlock is run
// again rather than failed, and a statement that bypasses the transaction's manager is refused
// under test.
describe('inTransaction', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = new DataSource({ ...dataSourceOptions(testConfig()), poolSize: 4 });
    await dataSource.initialize();
    await dataSource.query(`CREATE TABLE IF NOT EXISTS tx_probe (id int PRIMARY KEY, n int NOT NULL)`);
    await dataSource.query(`INSERT INTO tx_probe VALUES (1, 0), (2, 0) ON CONFLICT (id) DO UPDATE SET n = 0`);
  });
  afterAll(async () => {
    await dataSource.query(`DROP TABLE IF EXISTS tx_probe`);
    await dataSource.destroy();
  });

  it('runs a transaction again when PostgreSQL chose it as a deadlock victim, and both writers land', async () => {
    // Each holds one row, waits until the other holds the other, then asks for it: a deadlock.
    let attempts = 0;
    let bothHold!: () => void;
    const held = new Promise<void>((resolve) => (bothHold = resolve));
    let holders = 0;
    const writer = (first: number, second: number) =>
      inTransaction(dataSource, async (manager) => {
        attempts += 1;
        await manager.query(`UPDATE tx_probe SET n = n + 1 WHERE id = $1`, [first]);
        if (++holders === 2) bothHold();
        await held;
        await manager.query(`UPDATE tx_probe SET n = n + 1 WHERE id = $1`, [second]);
      });
    await Promise.all([writer(1, 2), writer(2, 1)]);
    expect(attempts).toBe(3); // two first attempts, one of them run again
    const rows = await dataSource.query(`SELECT id, n FROM tx_probe ORDER BY id`);
    expect(rows).toEqual([
      { id: 1, n: 2 },
      { id: 2, n: 2 },
    ]);
  });

  it('refuses, under test, a statement inside a transaction that does not go through its manager', async () => {
    await expect(
      inTransaction(dataSource, async (manager) => {
        await manager.query(`UPDATE tx_probe SET n = n + 1 WHERE id = 1`);
        await dataSource.query(`SELECT n FROM tx_probe WHERE id = 1`);
      }),
    ).rejects.toThrow(/another connection/);
    // Rolled back: the update inside did not land; and outside a transaction the pool serves.
    const rows = await dataSource.query(`SELECT n FROM tx_probe WHERE id = 1`);
    expect(rows).toEqual([{ n: 2 }]);
  });
});
