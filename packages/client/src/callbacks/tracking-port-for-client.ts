// Adapts the Node MlflowClient to the TrackingPort the callbacks and the system-metrics monitor call.
import type { Run } from '@mlflow-ts/protocol';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { LogBatchContent } from '../mlflow-client/index.js';
import type { TrackingPort } from './tracking-port.js';

/** The MlflowClient calls used (the Node MlflowClient of `@mlflow-ts/client/node` has them all). */
export interface TrackingPortClient {
  logBatch(runId: string, content: LogBatchContent): Promise<void>;
  setTag(runId: string, key: string, value: unknown): Promise<void>;
  logArtifact(runId: string, localPath: string, artifactPath?: string): Promise<void>;
  logArtifacts(runId: string, localDir: string, artifactPath?: string): Promise<void>;
  getRun(runId: string): Promise<Run>;
  downloadArtifacts(runId: string, artifactPath?: string, dstPath?: string): Promise<string>;
}

/**
 * The TrackingPort over an MlflowClient. A directory given to `logArtifact` is uploaded under its
 * own name, as Python's `MlflowClient.log_artifact` does (multi-file checkpoints are directories).
 *
 * @example
 * import { MlflowClient } from '@mlflow-ts/client/node';
 * const port = trackingPortFor(new MlflowClient('http://localhost:5000'));
 * await startSystemMetricsMonitor(runId, port);
 */
export function trackingPortFor(client: TrackingPortClient): TrackingPort {
  return {
    logMetrics: (runId, metrics) => client.logBatch(runId, { metrics }),
    logParams: (runId, params) => client.logBatch(runId, { params }),
    setTag: (runId, key, value) => client.setTag(runId, key, value),
    logArtifact: async (runId, localPath, artifactPath) => {
      if ((await stat(localPath)).isDirectory()) {
        const name = path.basename(localPath);
        await client.logArtifacts(runId, localPath, artifactPath ? `${artifactPath}/${name}` : name);
      } else {
        await client.logArtifact(runId, localPath, artifactPath);
      }
    },
    getRun: async (runId) => {
      const run = await client.getRun(runId);
      return {
        status: run.info.status ?? '',
        tags: Object.fromEntries((run.data.tags ?? []).map((t) => [t.key, t.value ?? ''])),
        latestMetrics: (run.data.metrics ?? []).map((m) => ({ key: m.key, step: m.step ?? 0 })),
      };
    },
    downloadArtifacts: (runId, artifactPath, dstPath) =>
      client.downloadArtifacts(runId, artifactPath, dstPath),
  };
}
