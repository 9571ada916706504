// Where a callback logs when the caller names no client or run: the fluent API's client and its active run.
import { activeRun, fluentClient } from '../fluent/index.js';
import { trackingPortFor } from './tracking-port-for-client.js';
import type { TrackingPort } from './tracking-port.js';

/**
 * The given client and run, else the fluent API's client (MLFLOW_TRACKING_URI / setTrackingUri)
 * and the active run (startRun). Throws when no run is given and none is active: unlike MLflow's
 * fluent calls, a callback does not start a run by itself.
 *
 * @example
 * await startRun();
 * const { client, runId } = resolveClientAndRun(undefined, undefined); // the active run
 */
export function resolveClientAndRun(
  client: TrackingPort | undefined,
  runId: string | undefined,
): { client: TrackingPort; runId: string } {
  const id = runId ?? activeRun()?.runId;
  if (id === undefined) {
    throw new Error(
      'No run to log to: pass runId, or start a run with startRun() before creating the callback.',
    );
  }
  return { client: client ?? trackingPortFor(fluentClient()), runId: id };
}

/**
 * The fluent API's client, and the active run's id if any (for downloadCheckpointArtifact).
 *
 * @example
 * await downloadCheckpointArtifact({ epoch: 3 }, fluentCheckpointDeps());
 */
export function fluentCheckpointDeps(): { client: TrackingPort; activeRunId: () => string | undefined } {
  return { client: trackingPortFor(fluentClient()), activeRunId: () => activeRun()?.runId };
}
