/** A fault that was injected, from its start until the system was back up. */
export interface FaultWindow {
  trial: number;
  kind: string;
  start: number;
  end: number;
}

/**
 * Serializes process faults (one at a time, each until the system is back up) and keeps invariant
 * checks out of them: a fault holds the gate exclusively, checks share it. Scenario actions never
 * take it, so every trial's traffic meets the other trials' faults.
 */
export class FaultGate {
  readonly windows: FaultWindow[] = [];
  private readers = 0;
  private writer = false;
  private readonly waiting: { exclusive: boolean; wake: () => void }[] = [];

  async exclusive<T>(trial: number, kind: string, fn: () => Promise<T>): Promise<T> {
    await this.acquire(true);
    const window: FaultWindow = { trial, kind, start: Date.now(), end: Number.POSITIVE_INFINITY };
    this.windows.push(window);
    try {
      return await fn();
    } finally {
      window.end = Date.now();
      this.release(true);
    }
  }

  async shared<T>(fn: () => Promise<T>): Promise<T> {
    await this.acquire(false);
    try {
      return await fn();
    } finally {
      this.release(false);
    }
  }

  /** Whether a fault was under way at any time in [from, to]. */
  overlaps(from: number, to: number): boolean {
    return this.windows.some((w) => w.start <= to && w.end >= from);
  }

  private acquire(exclusive: boolean): Promise<void> {
    if (this.canEnter(exclusive) && this.waiting.length === 0) {
      this.enter(exclusive);
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push({ exclusive, wake: resolve }));
  }

  private canEnter(exclusive: boolean): boolean {
    return exclusive ? !this.writer && this.readers === 0 : !this.writer;
  }

  private enter(exclusive: boolean): void {
    if (exclusive) this.writer = true;
    else this.readers += 1;
  }

  private release(exclusive: boolean): void {
    if (exclusive) this.writer = false;
    else this.readers -= 1;
    // First come, first served: a waiting fault is not starved by a stream of checks.
    while (this.waiting.length > 0 && this.canEnter(this.waiting[0].exclusive)) {
      const next = this.waiting.shift();
      if (!next) break;
      this.enter(next.exclusive);
      next.wake();
      if (next.exclusive) break;
    }
  }
}
