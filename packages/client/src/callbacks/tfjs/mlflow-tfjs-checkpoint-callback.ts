// Checkpoints a tfjs model to an MLflow run during `model.fit`, with the semantics of MLflow's Keras checkpoint callback.
import { ModelCheckpointCallbackBase, type ModelCheckpointOptions } from '../checkpoint-callback-base.js';
import { resolveClientAndRun } from '../fluent-defaults.js';
import type { TrackingPort } from '../tracking-port.js';
import { metricLogs } from './batch-logs.js';
import { saveTfjsModelFiles } from './tfjs-checkpoint-files.js';
import type { TfjsCallbackHooks, TfjsLayersModel, TfjsLogs, TfjsModule } from './tfjs-module.js';

/** A tfjs checkpoint is a directory (model.json + weights.bin); the suffix names its format. */
export const TFJS_CHECKPOINT_SUFFIX = '.tfjs';

/** Options of `MlflowTfjsCheckpointCallback`; defaults are MLflow's Keras ones. */
export interface TfjsCheckpointCallbackOptions extends ModelCheckpointOptions {
  /** The tfjs namespace the model was built with (`import * as tf from '@tensorflow/tfjs'`). */
  tf: TfjsModule;
  /** The model being trained (tfjs does not hand it to plain-object callbacks). */
  model: TfjsLayersModel;
  /** Where to log; the fluent API's client by default. */
  client?: TrackingPort;
  /** The run to log to; the active run (startRun) by default. */
  runId?: string;
  /** Receives skipped-checkpoint notices and errors (training goes on); `console.warn` by default. */
  onWarning?: (message: string) => void;
}

/**
 * Pass it in `model.fit(x, y, { callbacks: [checkpoint] })`. Defaults: monitor `val_loss`, mode
 * `min`, `saveBestOnly` true, `saveWeightsOnly` false, `saveFreq` `'epoch'`. Checkpoints are
 * directories named `checkpoint.tfjs` (or `checkpoint.weights.tfjs`, `latest_checkpoint.tfjs`, …)
 * holding `model.json` + `weights.bin`. A failed save is reported through `onWarning` and does not
 * stop training, as MLflow's exception-safe callbacks do.
 *
 * @example
 * await startRun();
 * const checkpoint = new MlflowTfjsCheckpointCallback({ tf, model, monitor: 'loss', saveBestOnly: false });
 * await model.fit(xs, ys, { epochs: 5, callbacks: [checkpoint] });
 */
export class MlflowTfjsCheckpointCallback extends ModelCheckpointCallbackBase implements TfjsCallbackHooks {
  private readonly tf: TfjsModule;
  private readonly model: TfjsLayersModel;
  currentEpoch = 0;
  globalStep = 0;
  private lastBatchSeen = 0;
  private globalStepLastSaving = 0;

  constructor(options: TfjsCheckpointCallbackOptions) {
    super({
      ...resolveClientAndRun(options.client, options.runId),
      checkpointFileSuffix: TFJS_CHECKPOINT_SUFFIX,
      monitor: options.monitor === undefined ? 'val_loss' : options.monitor,
      mode: options.mode ?? 'min',
      saveBestOnly: options.saveBestOnly ?? true,
      saveWeightsOnly: options.saveWeightsOnly ?? false,
      saveFreq: options.saveFreq ?? 'epoch',
      ...(options.onWarning && { onWarning: options.onWarning }),
    });
    this.tf = options.tf;
    this.model = options.model;
  }

  override async saveCheckpoint(filepath: string): Promise<void> {
    await saveTfjsModelFiles(this.tf, this.model, filepath, { weightsOnly: this.saveWeightsOnly });
  }

  // Arrow properties: tfjs calls plain-object hooks with its own `this`.
  onEpochBegin = async (epoch: number): Promise<void> => {
    this.currentEpoch = epoch;
  };

  onBatchEnd = async (batch: number, logs?: TfjsLogs): Promise<void> => {
    // The batch index restarts every epoch; like Keras, count what was run since the last call.
    const added = batch <= this.lastBatchSeen ? batch + 1 : batch - this.lastBatchSeen;
    this.lastBatchSeen = batch;
    this.globalStep += added;
    if (typeof this.saveFreq === 'number' && this.globalStep - this.globalStepLastSaving >= this.saveFreq) {
      await this.safely(() =>
        this.checkAndSaveCheckpointIfNeeded(this.currentEpoch, this.globalStep, metricLogs(logs, true)),
      );
      this.globalStepLastSaving = this.globalStep;
    }
  };

  onEpochEnd = async (_epoch: number, logs?: TfjsLogs): Promise<void> => {
    if (this.saveFreq === 'epoch') {
      await this.safely(() =>
        this.checkAndSaveCheckpointIfNeeded(this.currentEpoch, this.globalStep, metricLogs(logs, false)),
      );
    }
  };

  private async safely(action: () => Promise<unknown>): Promise<void> {
    try {
      await action();
    } catch (e) {
      this.warn(`MLflow checkpoint callback failed, training continues: ${(e as Error).message}`);
    }
  }
}
