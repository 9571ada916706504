// The service layer of the app, one object per area, built from the store and the configuration.
import type { TrackingStore } from '@mlflow-ts/store';
import type { ServerConfig } from '../config.js';
import { ArtifactsService } from './artifacts.js';
import { DatasetsService } from './datasets.js';
import { ExperimentsService } from './experiments.js';
import { LoggingService } from './logging.js';
import { createLoggedModelServices, type LoggedModelServices } from './logged-models/index.js';
import { MetricsService } from './metrics.js';
import { RegistryService, VersionArtifacts } from './registry/index.js';
import { RunsService } from './runs.js';
import { ServerInfoService } from './server-info.js';
import { WebhooksService } from './webhooks/webhooks-service.js';
import { webhookSettingsFromEnv } from './webhooks/webhook-settings.js';

export interface Services {
  experiments: ExperimentsService;
  runs: RunsService;
  logging: LoggingService;
  metrics: MetricsService;
  datasets: DatasetsService;
  artifacts: ArtifactsService;
  serverInfo: ServerInfoService;
  loggedModels: LoggedModelServices;
  webhooks: WebhooksService;
  registry: RegistryService;
  versionArtifacts: VersionArtifacts;
}

export function createServices({ store, config }: { store: TrackingStore; config: ServerConfig }): Services {
  const artifacts = new ArtifactsService(store, config);
  // MLflow reads its webhook settings from the environment (MLFLOW_WEBHOOK_*), so do we
  const webhooks = new WebhooksService(store, webhookSettingsFromEnv());
  return {
    experiments: new ExperimentsService(store, config),
    runs: new RunsService(store),
    logging: new LoggingService(store),
    metrics: new MetricsService(store),
    datasets: new DatasetsService(store),
    artifacts,
    serverInfo: new ServerInfoService(store, config, artifacts),
    loggedModels: createLoggedModelServices(store, artifacts),
    webhooks,
    // registry events reach the webhook service, which delivers them in the background
    registry: new RegistryService(store, config, webhooks),
    versionArtifacts: new VersionArtifacts(store, config),
  };
}
