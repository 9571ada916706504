// Data seeding through the real REST API (what an MLflow client would do), for the browser tests.
import { trackingEndpoints, type RunInfo } from '@mlflow-ts/protocol';
import type { TestServer } from './server.js';

export interface SeedRun {
  readonly name: string;
  readonly params?: Record<string, string>;
  /** Each metric's values, logged at steps 0, 1, 2, … */
  readonly metrics?: Record<string, number[]>;
  readonly tags?: Record<string, string>;
  readonly status?: 'FINISHED' | 'FAILED' | 'RUNNING';
}

export async function createExperiment(server: TestServer, name: string): Promise<string> {
  const res = await server.rest.call(trackingEndpoints.createExperiment, { name });
  return res.experiment_id;
}

/** Creates a run with its data in one log-batch, then finishes it (unless RUNNING). */
export async function createRun(server: TestServer, experimentId: string, run: SeedRun): Promise<RunInfo> {
  const start = Date.now() - 60_000;
  const created = await server.rest.call(trackingEndpoints.createRun, {
    experiment_id: experimentId,
    run_name: run.name,
    start_time: start,
    tags: Object.entries(run.tags ?? {}).map(([key, value]) => ({ key, value })),
  });
  const runId = created.run.info.run_id;
  const metrics = Object.entries(run.metrics ?? {}).flatMap(([key, values]) =>
    values.map((value, step) => ({ key, value, step, timestamp: start + step * 1000 })),
  );
  const params = Object.entries(run.params ?? {}).map(([key, value]) => ({ key, value }));
  // MLflow's log-batch limits: 1000 metrics and 100 params per request.
  for (let i = 0; i < metrics.length; i += 1000) {
    await server.rest.call(trackingEndpoints.logBatch, {
      run_id: runId,
      metrics: metrics.slice(i, i + 1000),
    });
  }
  for (let i = 0; i < params.length; i += 100) {
    await server.rest.call(trackingEndpoints.logBatch, { run_id: runId, params: params.slice(i, i + 100) });
  }
  if (run.status !== 'RUNNING') {
    await server.rest.call(trackingEndpoints.updateRun, {
      run_id: runId,
      status: run.status ?? 'FINISHED',
      end_time: start + 42_000,
    });
  }
  return created.run.info;
}

/** Uploads a file through the artifact proxy into the run's mlflow-artifacts:/ location. */
export async function uploadArtifact(
  server: TestServer,
  run: RunInfo,
  path: string,
  body: string | Uint8Array<ArrayBuffer>,
): Promise<void> {
  const root = (run.artifact_uri ?? '').replace(/^mlflow-artifacts:\/?/, '');
  const url = `${server.uiUrl}/api/2.0/mlflow-artifacts/artifacts/${root}/${path}`;
  const res = await fetch(url, { method: 'PUT', body });
  if (!res.ok) throw new Error(`artifact upload ${path}: ${res.status} ${await res.text()}`);
}
