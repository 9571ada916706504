// MlflowClient: the Python MlflowClient's tracking calls in camelCase, composed from one mixin per area.
import { ArtifactsApi } from './artifacts.js';
import { ClientCore, type MlflowClientOptions } from './client-core.js';
import { ExperimentsApi } from './experiments.js';
import { LoggedModelsApi } from './logged-models.js';
import { LoggingApi } from './logging.js';
import { MetricsApi } from './metrics.js';
import { RegistryApi } from './registry.js';
import { RunsApi } from './runs.js';

const Composed = LoggedModelsApi(
  RegistryApi(ArtifactsApi(MetricsApi(LoggingApi(RunsApi(ExperimentsApi(ClientCore)))))),
);

/**
 * A client for an MLflow tracking server (mlflow-ts or MLflow's own): experiments, runs, logging,
 * metric histories, artifacts through the proxy, the model registry and logged models. Browser-safe: the Node
 * entry `@mlflow-ts/client/node` adds file and directory artifacts and environment defaults.
 *
 * Retries (exponential backoff, Retry-After honoured): reads, searches and the writes MLflow
 * applies idempotently (log-metric/param/batch, set-tag, update-run, delete/restore-run,
 * artifact PUTs) are retried on 408/429/5xx and network errors; creations (experiments, runs,
 * models) only when the request surely was not processed (408/429, connection refused).
 *
 * @example
 * import { MlflowClient } from '@mlflow-ts/client';
 * const client = new MlflowClient({ trackingUri: 'http://localhost:5000' });
 * const expId = await client.createExperiment('demo');
 * const run = await client.createRun(expId, { runName: 'first' });
 * await client.logMetric(run.info.run_id, 'loss', 0.5, { step: 1 });
 * await client.setTerminated(run.info.run_id);
 */
export class MlflowClient extends Composed {
  constructor(options: MlflowClientOptions | string) {
    super(options);
  }
}
