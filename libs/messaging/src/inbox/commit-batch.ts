import type { EntityManager } from 'typeorm';

type Task = () => Promise<void>;

/** The work left for the end of each open inbox transaction, in the order it was left. */
const units = new WeakMap<EntityManager, Task[]>();

/** The inbox opens a unit around its handlers' effects, then runs what they left, still inside the transaction. */
export async function withinUnit<T>(manager: EntityManager, effects: () => Promise<T>): Promise<T> {
  const tasks: Task[] = [];
  units.set(manager, tasks);
  try {
    const result = await effects();
    for (const task of tasks) await task();
    return result;
  } finally {
    units.delete(manager);
  }
}

/**
 * Rows that event handlers write, gathered into one statement per inbox transaction: the inbox commits events
 * handled together in one transaction, and each handler adding its rows here costs no round trip of its own. The
 * rows are written before the commit, in the same transaction — if that write fails, the group rolls back and each
 * event is handled again alone, as for any failure. Outside an inbox transaction, rows are written at once.
 * A handler must not read back rows it added here.
 */
export class CommitBatch<T> {
  private readonly pending = new WeakMap<EntityManager, T[]>();

  constructor(private readonly write: (manager: EntityManager, rows: T[]) => Promise<void>) {}

  async add(manager: EntityManager, rows: readonly T[]): Promise<void> {
    if (rows.length === 0) return;
    const unit = units.get(manager);
    if (!unit) return this.write(manager, [...rows]);
    let buffer = this.pending.get(manager);
    if (!buffer) {
      const gathered: T[] = [];
      buffer = gathered;
      this.pending.set(manager, gathered);
      unit.push(async () => {
        this.pending.delete(manager);
        await this.write(manager, gathered);
      });
    }
    buffer.push(...rows);
  }
}
