// The few tracking calls that callbacks and the system-metrics monitor make, kept narrow so any client can serve them.

/** One metric value at a step, as the monitor and the callbacks log it. */
export interface PortMetric {
  key: string;
  value: number;
  /** Milliseconds since the epoch. */
  timestamp: number;
  step: number;
}

/** What the callbacks need to know about a run. */
export interface PortRun {
  /** RUNNING, FINISHED, FAILED, KILLED or SCHEDULED. */
  status: string;
  tags: Record<string, string>;
  /** The latest value of each metric key (as `run.data.metrics` carries them), with its step. */
  latestMetrics: { key: string; step: number }[];
}

/**
 * The tracking calls used by checkpoint callbacks, framework callbacks and the system-metrics
 * monitor. `MlflowClient` is adapted to it by `trackingPortFor`; tests may pass a recorder.
 *
 * @example
 * const port: TrackingPort = trackingPortFor(new MlflowClient({ trackingUri: 'http://127.0.0.1:5000' }));
 * await port.setTag(runId, 'stage', 'training');
 */
export interface TrackingPort {
  logMetrics(runId: string, metrics: PortMetric[]): Promise<void>;
  logParams(runId: string, params: Record<string, string>): Promise<void>;
  setTag(runId: string, key: string, value: string): Promise<void>;
  /** Uploads a file, or a directory's contents under its own name, into `artifactPath` (root when omitted). */
  logArtifact(runId: string, localPath: string, artifactPath?: string): Promise<void>;
  getRun(runId: string): Promise<PortRun>;
  /** Downloads an artifact file or directory and answers its local path. */
  downloadArtifacts(runId: string, path: string, dstPath?: string): Promise<string>;
}
