// The service layer of the app, one object per area, built from the store and the configuration.
import type { TrackingStore } from '@mlflow-ts/store';
import type { ServerConfig } from '../config.js';
import { ArtifactsService } from './artifacts.js';
import { DatasetsService } from './datasets.js';
import { ExperimentsService } from './experiments.js';
import { LoggingService } from './logging.js';
import { MetricsService } from './metrics.js';
import { RunsService } from './runs.js';
import { ServerInfoService } from './server-info.js';

export interface Services {
  experiments: ExperimentsService;
  runs: RunsService;
  logging: LoggingService;
  metrics: MetricsService;
  datasets: DatasetsService;
  artifacts: ArtifactsService;
  serverInfo: ServerInfoService;
}

export function createServices({ store, config }: { store: TrackingStore; config: ServerConfig }): Services {
  const artifacts = new ArtifactsService(store, config);
  return {
    experiments: new ExperimentsService(store, config),
    runs: new RunsService(store),
    logging: new LoggingService(store),
    metrics: new MetricsService(store),
    datasets: new DatasetsService(store),
    artifacts,
    serverInfo: new ServerInfoService(store, config, artifacts),
  };
}
