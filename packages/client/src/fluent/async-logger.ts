// AsyncLogger: queues metrics/params/tags per run and writes them as log-batch requests within MLflow's limits, in order.
import type { Metric, Param, RunTag } from '@mlflow-ts/protocol';
import {
  MAX_ENTITIES_PER_BATCH,
  MAX_METRICS_PER_BATCH,
  MAX_PARAMS_TAGS_PER_BATCH,
  type BatchContent,
} from '../mlflow-client/index.js';

export type QueuedItem =
  | { readonly runId: string; readonly kind: 'metric'; readonly entity: Metric }
  | { readonly runId: string; readonly kind: 'param'; readonly entity: Param }
  | { readonly runId: string; readonly kind: 'tag'; readonly entity: RunTag };

export interface PendingBatch {
  readonly runId: string;
  readonly batch: BatchContent;
}

/** Sends one batch; rejects with the server's error. */
export type BatchSender = (runId: string, batch: BatchContent) => Promise<void>;

/**
 * Takes the next batch off the queue: items of the first item's run, in order, until a limit
 * would be passed or a param/tag key repeats (a later value must not share a request with an
 * earlier one, whose order the server would not keep). Other runs' items stay queued in order.
 *
 * @example
 * const next = takeBatch(queue); // { runId, batch: { metrics, params, tags } } or undefined
 */
export function takeBatch(queue: QueuedItem[]): PendingBatch | undefined {
  const first = queue[0];
  if (!first) return undefined;
  const batch: BatchContent = { metrics: [], params: [], tags: [] };
  const paramKeys = new Set<string>();
  const tagKeys = new Set<string>();
  const taken = new Set<number>();
  for (let i = 0; i < queue.length; i++) {
    const item = queue[i] as QueuedItem;
    if (item.runId !== first.runId) continue;
    const total = batch.metrics.length + batch.params.length + batch.tags.length;
    if (total >= MAX_ENTITIES_PER_BATCH) break;
    if (item.kind === 'metric') {
      if (batch.metrics.length >= MAX_METRICS_PER_BATCH) break;
      batch.metrics.push(item.entity);
    } else if (item.kind === 'param') {
      if (batch.params.length >= MAX_PARAMS_TAGS_PER_BATCH || paramKeys.has(item.entity.key)) break;
      paramKeys.add(item.entity.key);
      batch.params.push(item.entity);
    } else {
      if (batch.tags.length >= MAX_PARAMS_TAGS_PER_BATCH || tagKeys.has(item.entity.key)) break;
      tagKeys.add(item.entity.key);
      batch.tags.push(item.entity);
    }
    taken.add(i);
  }
  let w = 0;
  for (let i = 0; i < queue.length; i++) if (!taken.has(i)) queue[w++] = queue[i] as QueuedItem;
  queue.length = w;
  return { runId: first.runId, batch };
}

/**
 * The fluent API's write-behind queue. `enqueue` returns at once; one batch is in flight at a
 * time (so a run's values land in the order they were logged); `flush` resolves when the queue
 * is empty and rejects with the first error the server answered since the last flush.
 *
 * @example
 * const logger = new AsyncLogger((runId, batch) => client.logBatch(runId, batch));
 * logger.enqueue({ runId, kind: 'metric', entity: { key: 'loss', value: 0.1, timestamp: Date.now(), step: 0 } });
 * await logger.flush();
 */
export class AsyncLogger {
  readonly #send: BatchSender;
  readonly #queue: QueuedItem[] = [];
  #inFlight: PendingBatch | undefined;
  #draining: Promise<void> | undefined;
  #errors: unknown[] = [];

  constructor(send: BatchSender) {
    this.#send = send;
  }

  /** Items not yet acknowledged by the server (queued or in flight). */
  get pending(): number {
    const f = this.#inFlight?.batch;
    return this.#queue.length + (f ? f.metrics.length + f.params.length + f.tags.length : 0);
  }

  enqueue(item: QueuedItem): void {
    this.#queue.push(item);
    this.#kick();
  }

  #kick(): void {
    if (this.#draining) return;
    this.#draining = this.#drain().finally(() => {
      this.#draining = undefined;
      // An item enqueued while the drain was finishing would otherwise wait for the next call.
      if (this.#queue.length > 0) this.#kick();
    });
  }

  /**
   * Waits until everything queued so far is written. Rejects with the server's error if a
   * batch failed since the last flush (its items are not retried: the server refused them).
   */
  async flush(): Promise<void> {
    while (this.#draining) await this.#draining;
    const [first, ...rest] = this.#errors;
    this.#errors = [];
    if (first !== undefined) {
      if (rest.length > 0 && first instanceof Error)
        first.message += ` (and ${rest.length} more failed batch(es))`;
      throw first;
    }
  }

  /**
   * Empties the queue into batches without sending them, the in-flight batch first (sent
   * again: log-batch is idempotent). For the synchronous flush at process exit.
   */
  takeAll(): PendingBatch[] {
    const out: PendingBatch[] = this.#inFlight ? [this.#inFlight] : [];
    this.#inFlight = undefined;
    for (let b = takeBatch(this.#queue); b; b = takeBatch(this.#queue)) out.push(b);
    return out;
  }

  async #drain(): Promise<void> {
    // Let the caller's synchronous burst of log calls land first, so they share requests.
    await new Promise<void>((r) => setImmediate(r));
    for (let next = takeBatch(this.#queue); next; next = takeBatch(this.#queue)) {
      this.#inFlight = next;
      try {
        await this.#send(next.runId, next.batch);
      } catch (e) {
        this.#errors.push(e);
      } finally {
        this.#inFlight = undefined;
      }
    }
  }
}
