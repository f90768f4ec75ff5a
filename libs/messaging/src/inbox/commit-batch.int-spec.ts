import { DataSource, type EntityManager } from 'typeorm';
import { createTestDatabase } from '#testing';
import { CommitBatch, withinUnit } from './commit-batch.js';

describe('CommitBatch: rows of the events handled in one inbox transaction, written in one statement (real PostgreSQL)', () => {
  let dataSource: DataSource;
  let statements: number[][];
  let batch: CommitBatch<number>;

  const stored = async () =>
    ((await dataSource.query('SELECT id FROM gathered ORDER BY id')) as { id: number }[]).map(
      (row) => row.id,
    );

  beforeAll(async () => {
    dataSource = new DataSource({ type: 'postgres', url: await createTestDatabase('commit_batch') });
    await dataSource.initialize();
    await dataSource.query('CREATE TABLE gathered (id int PRIMARY KEY)');
  });

  beforeEach(async () => {
    await dataSource.query('TRUNCATE gathered');
    statements = [];
    batch = new CommitBatch<number>(async (manager: EntityManager, rows) => {
      statements.push(rows);
      await manager.query('INSERT INTO gathered (id) SELECT unnest($1::int[])', [rows]);
    });
  });

  afterAll(async () => {
    await dataSource?.destroy();
  });

  it('gathers the rows of several handlers into one write, before the commit, inside the transaction', async () => {
    await dataSource.transaction(async (manager) => {
      await withinUnit(manager, async () => {
        await batch.add(manager, [1]);
        await batch.add(manager, []);
        await batch.add(manager, [2, 3]);
        expect(statements).toEqual([]); // nothing written while the handlers run
      });
      expect(statements).toEqual([[1, 2, 3]]);
      const seen = (await manager.query('SELECT count(*)::int AS n FROM gathered')) as { n: number }[];
      expect(seen[0].n).toBe(3);
    });
    expect(await stored()).toEqual([1, 2, 3]);
  });

  it('writes at once outside an inbox transaction', async () => {
    await dataSource.transaction(async (manager) => {
      await batch.add(manager, [7]);
      expect(statements).toEqual([[7]]);
    });
    expect(await stored()).toEqual([7]);
  });

  it('a failing write rolls the whole transaction back: nothing half-written', async () => {
    await dataSource.query('INSERT INTO gathered (id) VALUES (2)');
    await expect(
      dataSource.transaction((manager) =>
        withinUnit(manager, async () => {
          await manager.query('INSERT INTO gathered (id) VALUES (10)');
          await batch.add(manager, [1, 2]);
        }),
      ),
    ).rejects.toThrow(/duplicate key/);
    expect(await stored()).toEqual([2]);
  });

  it('keeps two transactions running side by side apart', async () => {
    await Promise.all(
      [
        [11, 12],
        [21, 22],
      ].map((rows) =>
        dataSource.transaction((manager) =>
          withinUnit(manager, async () => {
            for (const row of rows) {
              await batch.add(manager, [row]);
              await new Promise((resolve) => setImmediate(resolve));
            }
          }),
        ),
      ),
    );
    expect(statements.map((rows) => [...rows].sort()).sort()).toEqual([
      [11, 12],
      [21, 22],
    ]);
    expect(await stored()).toEqual([11, 12, 21, 22]);
  });
});
