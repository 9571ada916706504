// Fluent logging: metrics, params and tags through the write-behind queue; artifacts, inputs and flush.
import type { Dataset, Metric } from '@mlflow-ts/protocol';
import { stringifyValue, type TableData } from '../mlflow-client/index.js';
import type { TransferOptions } from '../node/transfer-progress.js';
import { installExitHooks } from './exit-hooks.js';
import { connection, state } from './fluent-state.js';
import type { ActiveRun } from './active-run.js';
import { startRun } from './runs.js';

export interface FluentLogOptions {
  /** Log to this run instead of the active one. */
  readonly runId?: string;
  /**
   * true: wait for the server before resolving. Default false: resolve once queued; values are
   * written in the background as log-batch requests (see flush()).
   */
  readonly synchronous?: boolean;
}

export interface FluentMetricOptions extends FluentLogOptions {
  readonly step?: number;
  /** Epoch milliseconds; now by default. */
  readonly timestamp?: number;
  readonly modelId?: string;
  readonly datasetName?: string;
  readonly datasetDigest?: string;
}

/** The run to log to: the given one, the active one, or a new run (Python's _get_or_start_run). */
async function targetRun(runId: string | undefined): Promise<string> {
  if (runId !== undefined) return runId;
  const top = state.runStack.at(-1);
  if (top) return top.info.run_id;
  // A burst of un-awaited log calls must start one run, not one each.
  autoStart ??= startRun().finally(() => (autoStart = undefined));
  return (await autoStart).info.run_id;
}

let autoStart: Promise<ActiveRun> | undefined;

/**
 * Queues the values, synchronously when the run is known (so that `void logMetric(…)` right
 * before process.exit() is still written), or sends them at once when asked to.
 */
function queueOrSend(
  runId: string | undefined,
  synchronous: boolean | undefined,
  items: {
    metrics?: Metric[];
    params?: { key: string; value: string }[];
    tags?: { key: string; value: string }[];
  },
): Promise<void> {
  const known = runId ?? state.runStack.at(-1)?.info.run_id;
  if (known !== undefined && !synchronous) {
    enqueue(known, items);
    return Promise.resolve();
  }
  return (async () => {
    const id = await targetRun(runId);
    if (synchronous) await connection().client.logBatch(id, items);
    else enqueue(id, items);
  })();
}

function enqueue(
  runId: string,
  items: {
    metrics?: Metric[];
    params?: { key: string; value: string }[];
    tags?: { key: string; value: string }[];
  },
): void {
  const { logger } = connection();
  installExitHooks();
  for (const entity of items.metrics ?? []) logger.enqueue({ runId, kind: 'metric', entity });
  for (const entity of items.params ?? []) logger.enqueue({ runId, kind: 'param', entity });
  for (const entity of items.tags ?? []) logger.enqueue({ runId, kind: 'tag', entity });
}

function metric(key: string, value: number, o: FluentMetricOptions, now: number): Metric {
  return {
    key,
    value,
    timestamp: o.timestamp ?? now,
    step: o.step ?? 0,
    model_id: o.modelId,
    dataset_name: o.datasetName,
    dataset_digest: o.datasetDigest,
  };
}

/**
 * Logs a metric value to the active run (starting one if none is active).
 *
 * @example
 * await logMetric('loss', 0.42, { step: 10 });
 */
export async function logMetric(
  key: string,
  value: number,
  options: FluentMetricOptions = {},
): Promise<void> {
  await queueOrSend(options.runId, options.synchronous, {
    metrics: [metric(key, value, options, Date.now())],
  });
}

/**
 * Logs several metrics at one step and timestamp.
 *
 * @example
 * await logMetrics({ loss: 0.42, acc: 0.91 }, { step: 10 });
 */
export async function logMetrics(
  metrics: Readonly<Record<string, number>>,
  options: FluentMetricOptions = {},
): Promise<void> {
  const now = Date.now();
  await queueOrSend(options.runId, options.synchronous, {
    metrics: Object.entries(metrics).map(([k, v]) => metric(k, v, options, now)),
  });
}

/**
 * Logs a param and answers the value as stored (params are immutable once logged).
 *
 * @example
 * await logParam('lr', 0.01);
 */
export async function logParam(key: string, value: unknown, options: FluentLogOptions = {}): Promise<string> {
  const text = stringifyValue(value);
  await queueOrSend(options.runId, options.synchronous, { params: [{ key, value: text }] });
  return text;
}

/**
 * Logs several params.
 *
 * @example
 * await logParams({ lr: 0.01, epochs: 10 });
 */
export async function logParams(
  params: Readonly<Record<string, unknown>>,
  options: FluentLogOptions = {},
): Promise<void> {
  await queueOrSend(options.runId, options.synchronous, {
    params: Object.entries(params).map(([key, v]) => ({ key, value: stringifyValue(v) })),
  });
}

/**
 * Sets a tag on the active run.
 *
 * @example
 * await setTag('stage', 'dev');
 */
export async function setTag(key: string, value: unknown, options: FluentLogOptions = {}): Promise<void> {
  await queueOrSend(options.runId, options.synchronous, { tags: [{ key, value: stringifyValue(value) }] });
}

/**
 * Sets several tags on the active run.
 *
 * @example
 * await setTags({ stage: 'dev', owner: 'ana' });
 */
export async function setTags(
  tags: Readonly<Record<string, unknown>>,
  options: FluentLogOptions = {},
): Promise<void> {
  await queueOrSend(options.runId, options.synchronous, {
    tags: Object.entries(tags).map(([key, v]) => ({ key, value: stringifyValue(v) })),
  });
}

/**
 * Deletes a tag of the active run (after the queued writes, so an earlier setTag cannot revive it).
 *
 * @example
 * await deleteTag('stage');
 */
export async function deleteTag(key: string, options: Pick<FluentLogOptions, 'runId'> = {}): Promise<void> {
  const id = await targetRun(options.runId);
  const { client, logger } = connection();
  await logger.flush();
  await client.deleteTag(id, key);
}

/**
 * Waits until every queued metric, param and tag is written; rejects with the server's error
 * if some could not be.
 *
 * @example
 * await logMetric('loss', 0.1);
 * await flush();
 */
export async function flush(): Promise<void> {
  for (const c of state.connections) await c.logger.flush();
}

/**
 * Uploads a local file into the active run's artifacts.
 *
 * @example
 * await logArtifact('./confusion.png', 'plots');
 */
export async function logArtifact(
  localPath: string,
  artifactPath?: string,
  options: TransferOptions & { runId?: string } = {},
): Promise<void> {
  await connection().client.logArtifact(await targetRun(options.runId), localPath, artifactPath, options);
}

/**
 * Uploads a local directory's contents into the active run's artifacts.
 *
 * @example
 * await logArtifacts('./outputs', 'outputs');
 */
export async function logArtifacts(
  localDir: string,
  artifactPath?: string,
  options: TransferOptions & { runId?: string } = {},
): Promise<void> {
  await connection().client.logArtifacts(await targetRun(options.runId), localDir, artifactPath, options);
}

/**
 * Logs plain data as a JSON (or .yaml/.yml YAML) artifact of the active run.
 *
 * @example
 * await logDict({ lr: 0.01 }, 'config.json');
 */
export async function logDict(
  dictionary: unknown,
  artifactFile: string,
  options: { runId?: string } = {},
): Promise<void> {
  await connection().client.logDict(await targetRun(options.runId), dictionary, artifactFile);
}

/**
 * Logs a string as a text artifact of the active run.
 *
 * @example
 * await logText('all good', 'notes.txt');
 */
export async function logText(
  text: string,
  artifactFile: string,
  options: { runId?: string } = {},
): Promise<void> {
  await connection().client.logText(await targetRun(options.runId), text, artifactFile);
}

/**
 * Logs a table (columns or rows) as MLflow's JSON table artifact of the active run.
 *
 * @example
 * await logTable({ input: ['a'], output: ['b'] }, 'predictions.json');
 */
export async function logTable(
  data: TableData,
  artifactFile: string,
  options: { runId?: string } = {},
): Promise<void> {
  await connection().client.logTable(await targetRun(options.runId), data, artifactFile);
}

/**
 * Logs PNG bytes as an image artifact of the active run.
 *
 * @example
 * await logImage(pngBytes, 'plots/loss.png');
 */
export async function logImage(
  png: Uint8Array,
  artifactFile: string,
  options: { runId?: string } = {},
): Promise<void> {
  await connection().client.logImage(await targetRun(options.runId), png, artifactFile);
}

export interface LogInputOptions {
  /** Stored as the input's mlflow.data.context tag, e.g. 'training'. */
  readonly context?: string;
  readonly tags?: Readonly<Record<string, string>>;
  readonly runId?: string;
}

/**
 * Records that the active run used a dataset (Python's mlflow.log_input).
 *
 * @example
 * await logInput({ name: 'iris', digest: 'a1b2', source_type: 'local', source: '{"uri": "iris.csv"}' }, { context: 'training' });
 */
export async function logInput(dataset: Dataset, options: LogInputOptions = {}): Promise<void> {
  const tags = Object.entries(options.tags ?? {}).map(([key, value]) => ({ key, value }));
  if (options.context !== undefined) tags.push({ key: 'mlflow.data.context', value: options.context });
  await connection().client.logInputs(await targetRun(options.runId), [{ dataset, tags }]);
}
