/**
 * Runs tasks concurrently up to a limit while tasks that share a key run one after the other, in the order they
 * were scheduled: events of one aggregate stay in order, different aggregates proceed in parallel.
 */
export class KeyedScheduler {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly waitingForSlot: (() => void)[] = [];
  private inFlight = 0;

  constructor(private readonly limit: number) {}

  /** Resolves once the task is accepted (a slot is free), not when it is done. */
  async schedule(key: string, task: () => Promise<void>): Promise<void> {
    while (this.inFlight >= this.limit)
      await new Promise<void>((resolve) => this.waitingForSlot.push(resolve));
    this.inFlight += 1;
    const previous = this.tails.get(key) ?? Promise.resolve();
    const current: Promise<void> = previous
      .then(task)
      .catch(() => undefined)
      .finally(() => {
        this.inFlight -= 1;
        if (this.tails.get(key) === current) this.tails.delete(key);
        this.waitingForSlot.shift()?.();
      });
    this.tails.set(key, current);
  }

  /** Resolves when every scheduled task is done. */
  async drain(): Promise<void> {
    while (this.tails.size > 0) await Promise.all([...this.tails.values()]);
  }
}
