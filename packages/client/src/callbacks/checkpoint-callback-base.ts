// Framework-independent checkpointing to a run: decides when a checkpoint is due, names it, and logs it with its metrics.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ErrorCode, MlflowError } from '@mlflow-ts/protocol';
import {
  checkpointPlacement,
  LATEST_CHECKPOINT_ARTIFACT_TAG_KEY,
  type SaveFreq,
} from './checkpoint-layout.js';
import { checkpointMetricsJson } from './python-json.js';
import type { TrackingPort } from './tracking-port.js';

/** The user-facing checkpoint options (MLflow's names in camelCase). */
export interface ModelCheckpointOptions {
  /** Metric compared between checkpoints; required when `saveBestOnly`. */
  monitor?: string | null;
  /** Whether a lower (`min`) or higher (`max`) monitored value is better; checked when `saveBestOnly`. */
  mode?: string;
  /** Keep one checkpoint (`checkpoints/latest_*`), replaced only when the monitored metric improves. */
  saveBestOnly?: boolean;
  /** Save only the weights (the framework decides what that means). */
  saveWeightsOnly?: boolean;
  /** `'epoch'`, or a number of training batches between checkpoints. */
  saveFreq?: SaveFreq;
}

/** Everything the base needs: the options resolved, where to log, and the adapter's file suffix. */
export interface CheckpointCallbackConfig {
  client: TrackingPort;
  runId: string;
  /** Appended to the model file name, e.g. `.tfjs`; may be empty. */
  checkpointFileSuffix: string;
  monitor: string | null | undefined;
  mode: string;
  saveBestOnly: boolean;
  saveWeightsOnly: boolean;
  saveFreq: SaveFreq;
  /** Receives the notices MLflow logs as warnings; `console.warn` by default. */
  onWarning?: (message: string) => void;
}

/** Raised for invalid checkpoint options; MLflow raises an MlflowException (INTERNAL_ERROR) with the same text. */
function configError(message: string): MlflowError {
  return new MlflowError(ErrorCode.INTERNAL_ERROR, message);
}

/**
 * Base of the framework checkpoint callbacks. A subclass implements `saveCheckpoint(filepath)` (write
 * the model to that path, as a file or a directory) and calls `checkAndSaveCheckpointIfNeeded` from
 * its training hooks (after each epoch when `saveFreq` is `'epoch'`, after every `saveFreq` batches
 * otherwise). Invalid options throw from the constructor with MLflow's messages (MLflow's
 * exception-safe metaclass only logs them outside its test mode, leaving a callback that never saves).
 *
 * @example
 * class JsonCheckpoint extends ModelCheckpointCallbackBase {
 *   constructor(client: TrackingPort, runId: string, private readonly state: () => unknown) {
 *     super({ client, runId, checkpointFileSuffix: '.json', monitor: 'loss', mode: 'min',
 *             saveBestOnly: true, saveWeightsOnly: false, saveFreq: 'epoch' });
 *   }
 *   async saveCheckpoint(filepath: string): Promise<void> {
 *     await writeFile(filepath, JSON.stringify(this.state()));
 *   }
 * }
 * await new JsonCheckpoint(client, runId, () => weights).checkAndSaveCheckpointIfNeeded(0, 10, { loss: 0.3 });
 */
export abstract class ModelCheckpointCallbackBase {
  readonly client: TrackingPort;
  readonly runId: string;
  readonly checkpointFileSuffix: string;
  readonly monitor: string | null | undefined;
  readonly mode: string;
  readonly saveBestOnly: boolean;
  readonly saveWeightsOnly: boolean;
  readonly saveFreq: SaveFreq;
  /** The monitored value of the last saved checkpoint (best-only saving). */
  lastMonitorValue: number | null = null;
  protected readonly warn: (message: string) => void;

  constructor(config: CheckpointCallbackConfig) {
    this.client = config.client;
    this.runId = config.runId;
    this.checkpointFileSuffix = config.checkpointFileSuffix;
    this.monitor = config.monitor;
    this.mode = config.mode;
    this.saveBestOnly = config.saveBestOnly;
    this.saveWeightsOnly = config.saveWeightsOnly;
    this.saveFreq = config.saveFreq;
    this.warn = config.onWarning ?? ((message) => console.warn(message));
    if (this.saveBestOnly) {
      if (this.monitor === null || this.monitor === undefined) {
        throw configError(
          "If checkpoint 'save_best_only' config is set to True, you need to set 'monitor' config as well.",
        );
      }
      if (this.mode !== 'min' && this.mode !== 'max') {
        throw configError(
          "If checkpoint 'save_best_only' config is set to True, you need to set 'mode' config and " +
            `available modes includes 'min' and 'max', but you set 'mode' to '${this.mode}'.`,
        );
      }
    }
  }

  /** Writes the model to `filepath` (a file, or a directory when the format has several files). */
  abstract saveCheckpoint(filepath: string): Promise<void>;

  /** True when nothing was saved yet, or the new value beats the saved one in the configured direction. */
  isNewCheckpointBetter(newMonitorValue: number): boolean {
    if (this.lastMonitorValue === null) return true;
    return this.mode === 'min'
      ? newMonitorValue < this.lastMonitorValue
      : newMonitorValue > this.lastMonitorValue;
  }

  /**
   * Logs a checkpoint unless best-only saving rules it out (monitored metric missing, or not better).
   * Sets the latest-checkpoint tag, writes the metrics JSON (with `epoch` and `global_step`) and the
   * model. Answers whether a checkpoint was logged; errors from the client or the saver propagate.
   */
  async checkAndSaveCheckpointIfNeeded(
    currentEpoch: number,
    globalStep: number,
    metrics: Record<string, number>,
  ): Promise<boolean> {
    if (this.saveBestOnly) {
      const monitored = this.monitor as string;
      if (!Object.hasOwn(metrics, monitored)) {
        this.warn(
          'Checkpoint logging skipped: save_best_only needs the monitored metric ' +
            `'${monitored}', and it is not among the metrics provided.`,
        );
        return false;
      }
      const value = metrics[monitored] as number;
      if (!this.isNewCheckpointBetter(value)) return false;
      this.lastMonitorValue = value;
    }
    const placement = checkpointPlacement(
      {
        saveBestOnly: this.saveBestOnly,
        saveWeightsOnly: this.saveWeightsOnly,
        saveFreq: this.saveFreq,
        suffix: this.checkpointFileSuffix,
      },
      currentEpoch,
      globalStep,
    );
    await this.client.setTag(
      this.runId,
      LATEST_CHECKPOINT_ARTIFACT_TAG_KEY,
      `${placement.artifactDir}/${placement.modelFilename}`,
    );
    const tmp = await mkdtemp(path.join(tmpdir(), 'mlflow-ts-checkpoint-'));
    try {
      // Byte-identical to MLflow's log_dict of {**metrics, epoch, global_step}.
      const metricsFile = path.join(tmp, placement.metricsFilename);
      await writeFile(metricsFile, checkpointMetricsJson(metrics, currentEpoch, globalStep));
      await this.client.logArtifact(this.runId, metricsFile, placement.artifactDir);
      const modelPath = path.join(tmp, placement.modelFilename);
      await this.saveCheckpoint(modelPath);
      await this.client.logArtifact(this.runId, modelPath, placement.artifactDir);
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
    return true;
  }
}
