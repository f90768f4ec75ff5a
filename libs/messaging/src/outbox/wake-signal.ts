/** A wake-up that is not lost when it arrives while nobody waits: the next wait returns at once. */
export class WakeSignal {
  private pending = false;
  private resolveWaiter?: () => void;

  notify(): void {
    if (this.resolveWaiter) {
      this.resolveWaiter();
      this.resolveWaiter = undefined;
    } else {
      this.pending = true;
    }
  }

  /** Waits for a notification or the timeout, whichever comes first. */
  wait(timeoutMs: number): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.resolveWaiter = undefined;
        resolve();
      }, timeoutMs);
      this.resolveWaiter = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
