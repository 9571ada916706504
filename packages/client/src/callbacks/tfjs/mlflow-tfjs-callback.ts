// Logs a tfjs model's training to an MLflow run like MLflow's Keras callback: optimizer params, summary, epoch/batch metrics.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { resolveClientAndRun } from '../fluent-defaults.js';
import type { PortMetric, TrackingPort } from '../tracking-port.js';
import { metricLogs } from './batch-logs.js';
import type { TfjsCallbackHooks, TfjsLayersModel, TfjsLogs } from './tfjs-module.js';

/** Options of `MlflowTfjsCallback`. */
export interface TfjsCallbackOptions {
  /** The model being trained: its optimizer config and summary are logged when training begins. */
  model: TfjsLayersModel;
  /** Where to log; the fluent API's client by default. */
  client?: TrackingPort;
  /** The run to log to; the active run (startRun) by default. */
  runId?: string;
  /** Log the epoch logs at step = epoch index (default true). */
  logEveryEpoch?: boolean;
  /** Log the batch logs every N optimizer steps, at step = steps so far; only with `logEveryEpoch: false`. */
  logEveryNSteps?: number | null;
  /** Receives logging errors (training goes on); `console.warn` by default. */
  onWarning?: (message: string) => void;
}

/** Python's spelling of the option values in the validation messages. */
function shown(value: unknown): string {
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (value === null || value === undefined) return 'None';
  return String(value);
}

/**
 * Pass it in `model.fit(…, { callbacks: [cb] })`. At train begin it logs the optimizer config as
 * `opt_<name>` params and the model summary as `model_summary.txt`; then each epoch's logs
 * (validation ones included, as `val_*`) at step = epoch, or every `logEveryNSteps` batches the
 * batch logs at step = global step. Logging errors are reported through `onWarning`, never thrown
 * into training, as MLflow's exception-safe callback does.
 *
 * @example
 * await startRun(); // or pass { client, runId }
 * const cb = new MlflowTfjsCallback({ model });
 * await model.fit(xs, ys, { epochs: 10, validationSplit: 0.2, callbacks: [cb] });
 */
export class MlflowTfjsCallback implements TfjsCallbackHooks {
  readonly logEveryEpoch: boolean;
  readonly logEveryNSteps: number | null;
  private readonly model: TfjsLayersModel;
  private readonly client: TrackingPort;
  private readonly runId: string;
  private readonly warn: (message: string) => void;
  private globalStep = 0;
  private lastBatchSeen = 0;

  constructor(options: TfjsCallbackOptions) {
    this.logEveryEpoch = options.logEveryEpoch ?? true;
    this.logEveryNSteps = options.logEveryNSteps ?? null;
    if (this.logEveryEpoch && this.logEveryNSteps !== null) {
      throw new Error(
        '`log_every_n_steps` must be None if `log_every_epoch=True`, received ' +
          `\`log_every_epoch=${shown(this.logEveryEpoch)}\` and \`log_every_n_steps=${shown(this.logEveryNSteps)}\`.`,
      );
    }
    if (!this.logEveryEpoch && this.logEveryNSteps === null) {
      throw new Error(
        '`log_every_n_steps` must be specified if `log_every_epoch=False`, received ' +
          '`log_every_epoch=False` and `log_every_n_steps=None`.',
      );
    }
    this.model = options.model;
    ({ client: this.client, runId: this.runId } = resolveClientAndRun(options.client, options.runId));
    this.warn = options.onWarning ?? ((message) => console.warn(message));
  }

  onTrainBegin = async (): Promise<void> => {
    await this.safely(async () => {
      const config = this.model.optimizer.getConfig();
      const params: Record<string, string> = {};
      for (const [k, v] of Object.entries(config))
        params[`opt_${k}`] = typeof v === 'string' ? v : JSON.stringify(v);
      await this.client.logParams(this.runId, params);
      const lines: string[] = [];
      this.model.summary(undefined, undefined, (line?: unknown) => lines.push(String(line ?? '')));
      const dir = await mkdtemp(path.join(tmpdir(), 'mlflow-ts-summary-'));
      try {
        const file = path.join(dir, 'model_summary.txt');
        await writeFile(file, lines.join('\n'));
        await this.client.logArtifact(this.runId, file);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  };

  onEpochEnd = async (epoch: number, logs?: TfjsLogs): Promise<void> => {
    if (!this.logEveryEpoch || logs === undefined) return;
    await this.safely(() => this.log(metricLogs(logs, false), epoch));
  };

  onBatchEnd = async (batch: number, logs?: TfjsLogs): Promise<void> => {
    // Steps taken so far (Keras reads the optimizer's iteration count; tfjs restarts `batch` per epoch).
    this.globalStep += batch <= this.lastBatchSeen ? batch + 1 : batch - this.lastBatchSeen;
    this.lastBatchSeen = batch;
    if (this.logEveryNSteps === null || logs === undefined) return;
    if (this.globalStep % this.logEveryNSteps === 0) {
      await this.safely(() => this.log(metricLogs(logs, true), this.globalStep));
    }
  };

  private async log(values: Record<string, number>, step: number): Promise<void> {
    const timestamp = Date.now();
    const metrics: PortMetric[] = Object.entries(values).map(([key, value]) => ({
      key,
      value,
      timestamp,
      step,
    }));
    if (metrics.length > 0) await this.client.logMetrics(this.runId, metrics);
  }

  private async safely(action: () => Promise<unknown>): Promise<void> {
    try {
      await action();
    } catch (e) {
      this.warn(`MLflow tfjs callback failed, training continues: ${(e as Error).message}`);
    }
  }
}
