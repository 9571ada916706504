// The logged-models area of the service layer: model records and their artifacts.
import type { TrackingStore } from '@mlflow-ts/store';
import type { ServerConfig } from '../../config.js';
import { LoggedModelArtifactsService } from './logged-model-artifacts.js';
import { LoggedModelsService } from './logged-models-service.js';

export { LoggedModelArtifactsService } from './logged-model-artifacts.js';
export { LoggedModelsService } from './logged-models-service.js';

export interface LoggedModelServices {
  models: LoggedModelsService;
  artifacts: LoggedModelArtifactsService;
}

export function createLoggedModelServices(store: TrackingStore, config: ServerConfig): LoggedModelServices {
  return {
    models: new LoggedModelsService(store),
    artifacts: new LoggedModelArtifactsService(store, config),
  };
}
