// Finds a run's checkpoint (latest, or of an epoch / global step) from its tag and downloads it.
import { ErrorCode, MlflowError } from '@mlflow-ts/protocol';
import {
  CHECKPOINT_DIR,
  CHECKPOINT_EPOCH_PREFIX,
  CHECKPOINT_GLOBAL_STEP_PREFIX,
  LATEST_CHECKPOINT_ARTIFACT_TAG_KEY,
} from './checkpoint-layout.js';
import { fluentCheckpointDeps } from './fluent-defaults.js';
import type { TrackingPort } from './tracking-port.js';

/** Which checkpoint to fetch and where to put it. */
export interface DownloadCheckpointOptions {
  /** The run; the active run when omitted. */
  runId?: string;
  /** The checkpoint saved after this epoch (per-epoch saving). */
  epoch?: number;
  /** The checkpoint saved at this global step (every-N-batches saving). */
  globalStep?: number;
  /** Local destination directory; a new temporary directory when omitted. */
  dstPath?: string;
}

/** Where to look: the client, and how to find the active run when no run id is given (default: the fluent API's). */
export interface DownloadCheckpointDeps {
  client: TrackingPort;
  activeRunId?: () => string | undefined;
}

function fail(message: string): MlflowError {
  return new MlflowError(ErrorCode.INTERNAL_ERROR, message);
}

/**
 * Downloads a checkpoint logged by a checkpoint callback and answers its local path. Without
 * `epoch` or `globalStep` it is the one named by the run's `mlflow.latest_checkpoint_artifact` tag;
 * with one of them, the file of the same name in `checkpoints/epoch_N/` or
 * `checkpoints/global_step_N/`. The run's tags are read fresh from the server (MLflow reads the
 * active run's tags as they were when it started).
 *
 * @example
 * const dir = await downloadCheckpointArtifact({ runId, epoch: 2 }); // fluent client (MLFLOW_TRACKING_URI)
 * const model = await loadTfjsCheckpoint(tf, dir);
 * const other = await downloadCheckpointArtifact({ runId }, { client: trackingPortFor(client) });
 */
export async function downloadCheckpointArtifact(
  options: DownloadCheckpointOptions,
  deps: DownloadCheckpointDeps = fluentCheckpointDeps(),
): Promise<string> {
  let runId = options.runId;
  if (runId === undefined) {
    runId = deps.activeRunId?.();
    if (runId === undefined) {
      throw fail(
        "There is no active run, please provide the 'run_id' argument for 'load_checkpoint' invocation.",
      );
    }
  }
  const run = await deps.client.getRun(runId);
  const latest = run.tags[LATEST_CHECKPOINT_ARTIFACT_TAG_KEY];
  if (latest === undefined) throw fail('There is no logged checkpoint artifact in the current run.');
  const filename = latest.slice(latest.lastIndexOf('/') + 1);
  let artifactPath: string;
  if (options.epoch !== undefined && options.globalStep !== undefined) {
    throw fail("Only one of 'epoch' and 'global_step' can be set for 'load_checkpoint'.");
  } else if (options.globalStep !== undefined) {
    artifactPath = `${CHECKPOINT_DIR}/${CHECKPOINT_GLOBAL_STEP_PREFIX}${options.globalStep}/${filename}`;
  } else if (options.epoch !== undefined) {
    artifactPath = `${CHECKPOINT_DIR}/${CHECKPOINT_EPOCH_PREFIX}${options.epoch}/${filename}`;
  } else {
    artifactPath = latest;
  }
  return deps.client.downloadArtifacts(runId, artifactPath, options.dstPath);
}
