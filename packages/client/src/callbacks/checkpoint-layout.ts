// Where checkpoints live in a run's artifacts: the names MLflow's checkpoint utilities use, so either client finds them.

/** Artifact directory holding every checkpoint of a run. */
export const CHECKPOINT_DIR = 'checkpoints';
/** Base name of the saved model inside a checkpoint directory (the framework adds its suffix). */
export const CHECKPOINT_MODEL_FILENAME = 'checkpoint';
/** The JSON file of metrics (plus epoch and global step) written beside each checkpoint. */
export const CHECKPOINT_METRIC_FILENAME = 'checkpoint_metrics.json';
/** Prefix of the single, overwritten checkpoint kept when only the best one is saved. */
export const LATEST_CHECKPOINT_PREFIX = 'latest_';
export const CHECKPOINT_EPOCH_PREFIX = 'epoch_';
export const CHECKPOINT_GLOBAL_STEP_PREFIX = 'global_step_';
/** Inserted before the framework suffix when only the weights are saved. */
export const WEIGHT_ONLY_CHECKPOINT_SUFFIX = '.weights';
/** Run tag naming the artifact path of the most recently logged checkpoint. */
export const LATEST_CHECKPOINT_ARTIFACT_TAG_KEY = 'mlflow.latest_checkpoint_artifact';

/** When a checkpoint is considered: after every epoch, or after every N training batches. */
export type SaveFreq = 'epoch' | number;

/** The artifact names of one checkpoint. */
export interface CheckpointPlacement {
  /** Artifact directory the model and its metrics file go to. */
  artifactDir: string;
  /** Name of the saved model (file or directory) inside `artifactDir`. */
  modelFilename: string;
  /** Name of the metrics JSON inside `artifactDir`. */
  metricsFilename: string;
}

/**
 * Names one checkpoint: best-only saves overwrite `checkpoints/latest_*`; the others get their own
 * `checkpoints/epoch_N/` or `checkpoints/global_step_N/` directory, chosen by the save frequency.
 *
 * @example
 * checkpointPlacement({ saveBestOnly: false, saveWeightsOnly: false, saveFreq: 'epoch', suffix: '.tfjs' }, 3, 120);
 * // { artifactDir: 'checkpoints/epoch_3', modelFilename: 'checkpoint.tfjs', metricsFilename: 'checkpoint_metrics.json' }
 */
export function checkpointPlacement(
  config: { saveBestOnly: boolean; saveWeightsOnly: boolean; saveFreq: SaveFreq; suffix: string },
  currentEpoch: number,
  globalStep: number,
): CheckpointPlacement {
  const weights = config.saveWeightsOnly ? WEIGHT_ONLY_CHECKPOINT_SUFFIX : '';
  if (config.saveBestOnly) {
    return {
      artifactDir: CHECKPOINT_DIR,
      modelFilename: `${LATEST_CHECKPOINT_PREFIX}${CHECKPOINT_MODEL_FILENAME}${weights}${config.suffix}`,
      metricsFilename: `${LATEST_CHECKPOINT_PREFIX}${CHECKPOINT_METRIC_FILENAME}`,
    };
  }
  const subDir =
    config.saveFreq === 'epoch'
      ? `${CHECKPOINT_EPOCH_PREFIX}${currentEpoch}`
      : `${CHECKPOINT_GLOBAL_STEP_PREFIX}${globalStep}`;
  return {
    artifactDir: `${CHECKPOINT_DIR}/${subDir}`,
    modelFilename: `${CHECKPOINT_MODEL_FILENAME}${weights}${config.suffix}`,
    metricsFilename: CHECKPOINT_METRIC_FILENAME,
  };
}
