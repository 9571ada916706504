// MlflowClient logging: metrics, params, tags, batches (split within MLflow's limits), inputs and outputs.
import {
  trackingEndpoints as t,
  type DatasetInput,
  type Metric,
  type ModelInput,
  type ModelOutput,
  type Param,
  type RunTag,
} from '@mlflow-ts/protocol';
import { splitBatch } from './batch-limits.js';
import type { CoreConstructor } from './client-core.js';

export interface LogMetricOptions {
  /** Epoch milliseconds; now by default. */
  readonly timestamp?: number;
  /** 0 by default. */
  readonly step?: number;
  readonly datasetName?: string;
  readonly datasetDigest?: string;
  readonly modelId?: string;
}

/** A metric for logBatch: timestamp defaults to now and step to 0. */
export type MetricInput = Pick<Metric, 'key' | 'value'> & Partial<Omit<Metric, 'key' | 'value'>>;

/** Params and tags as `{key: value}` or as entity lists. */
export type KeyValues = Readonly<Record<string, unknown>> | readonly { key: string; value?: string }[];

export interface LogBatchContent {
  readonly metrics?: readonly MetricInput[];
  readonly params?: KeyValues;
  readonly tags?: KeyValues;
}

/**
 * Values become strings as Python's str() would write the common cases (booleans 'True'/'False').
 *
 * @example
 * stringifyValue(true) // 'True'
 */
export function stringifyValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value as number | bigint);
}

/**
 * Params or tags in either form as the wire list, values stringified.
 *
 * @example
 * toKeyValues({ lr: 0.1 }) // [{ key: 'lr', value: '0.1' }]
 */
export function toKeyValues(kv: KeyValues | undefined): { key: string; value: string }[] {
  if (kv === undefined) return [];
  if (Array.isArray(kv))
    return (kv as { key: string; value?: string }[]).map((e) => ({ key: e.key, value: e.value ?? '' }));
  return Object.entries(kv).map(([key, value]) => ({ key, value: stringifyValue(value) }));
}

/**
 * Fills a metric's timestamp (now) and step (0) when left out.
 *
 * @example
 * completeMetric({ key: 'm', value: 1 }) // { key: 'm', value: 1, timestamp: Date.now(), step: 0 }
 */
export function completeMetric(m: MetricInput, now: number = Date.now()): Metric {
  return { ...m, timestamp: m.timestamp ?? now, step: m.step ?? 0 };
}

/**
 * Adds the logging calls to a client class (a mixin; MlflowClient composes them all).
 *
 * @example
 * class MyClient extends LoggingApi(ClientCore) {}
 */
export function LoggingApi<B extends CoreConstructor>(Base: B) {
  return class LoggingApi extends Base {
    /**
     * Logs one metric value (NaN and ±Infinity allowed).
     *
     * @example
     * await client.logMetric(runId, 'loss', 0.25, { step: 3 });
     */
    async logMetric(
      runId: string,
      key: string,
      value: number,
      options: LogMetricOptions = {},
    ): Promise<void> {
      await this.rest.call(t.logMetric, {
        run_id: runId,
        key,
        value,
        timestamp: options.timestamp ?? Date.now(),
        step: options.step ?? 0,
        dataset_name: options.datasetName,
        dataset_digest: options.datasetDigest,
        model_id: options.modelId,
      });
    }

    /**
     * Logs a param (immutable once logged) and returns the value as stored.
     *
     * @example
     * await client.logParam(runId, 'lr', 0.01);
     */
    async logParam(runId: string, key: string, value: unknown): Promise<string> {
      const text = stringifyValue(value);
      await this.rest.call(t.logParam, { run_id: runId, key, value: text });
      return text;
    }

    /**
     * Sets (or overwrites) a tag on a run.
     *
     * @example
     * await client.setTag(runId, 'stage', 'dev');
     */
    async setTag(runId: string, key: string, value: unknown): Promise<void> {
      await this.rest.call(t.setTag, { run_id: runId, key, value: stringifyValue(value) });
    }

    /**
     * Removes a tag from a run.
     *
     * @example
     * await client.deleteTag(runId, 'stage');
     */
    async deleteTag(runId: string, key: string): Promise<void> {
      await this.rest.call(t.deleteTag, { run_id: runId, key });
    }

    /**
     * Logs metrics, params and tags in as few log-batch requests as MLflow's limits allow
     * (1000 metrics, 100 params, 100 tags, 1000 entities per request), in order.
     *
     * @example
     * await client.logBatch(runId, { metrics: [{ key: 'acc', value: 0.9, step: 1 }], params: { lr: 0.01 }, tags: { stage: 'dev' } });
     */
    async logBatch(runId: string, content: LogBatchContent): Promise<void> {
      const now = Date.now();
      const batches = splitBatch({
        metrics: (content.metrics ?? []).map((m) => completeMetric(m, now)),
        params: toKeyValues(content.params) as Param[],
        tags: toKeyValues(content.tags) as RunTag[],
      });
      for (const b of batches) await this.rest.call(t.logBatch, { run_id: runId, ...b });
    }

    /**
     * Records datasets (and model inputs) a run used.
     *
     * @example
     * await client.logInputs(runId, [{ dataset: { name: 'train', digest: 'abc', source_type: 'local', source: '{}' }, tags: [{ key: 'mlflow.data.context', value: 'training' }] }]);
     */
    async logInputs(
      runId: string,
      datasets: readonly DatasetInput[] = [],
      models: readonly ModelInput[] = [],
    ): Promise<void> {
      await this.rest.call(t.logInputs, { run_id: runId, datasets: [...datasets], models: [...models] });
    }

    /**
     * Records logged models a run produced.
     *
     * @example
     * await client.logOutputs(runId, [{ model_id: 'm-123', step: 0 }]);
     */
    async logOutputs(runId: string, models: readonly ModelOutput[]): Promise<void> {
      await this.rest.call(t.logOutputs, { run_id: runId, models: [...models] });
    }
  };
}
