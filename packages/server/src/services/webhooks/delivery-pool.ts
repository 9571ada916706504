// A bounded pool for background deliveries: at most N in flight, the rest queued (MLflow's thread pool executor).

export class DeliveryPool {
  private running = 0;
  private readonly queue: (() => Promise<void>)[] = [];
  private readonly idleWaiters: (() => void)[] = [];

  constructor(private readonly maxWorkers: number) {}

  /** Queues a job; it runs when a worker is free. Jobs must handle their own errors. */
  submit(job: () => Promise<void>): void {
    this.queue.push(job);
    this.pump();
  }

  /** Resolves once nothing is running or queued (tests, shutdown). */
  idle(): Promise<void> {
    if (this.running === 0 && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private pump(): void {
    while (this.running < Math.max(1, this.maxWorkers) && this.queue.length > 0) {
      const job = this.queue.shift() as () => Promise<void>;
      this.running++;
      void job()
        .catch(() => undefined)
        .finally(() => {
          this.running--;
          this.pump();
          if (this.running === 0 && this.queue.length === 0) this.idleWaiters.splice(0).forEach((w) => w());
        });
    }
  }
}
