// The logged-models area of the service layer: model records and their artifacts.
import type { TrackingStore } from '@mlflow-ts/store';
import type { ArtifactsService } from '../artifacts.js';
import { LoggedModelArtifactsService } from './logged-model-artifacts.js';
import { LoggedModelsService } from './logged-models-service.js';

export { LoggedModelArtifactsService } from './logged-model-artifacts.js';
export { LoggedModelsService } from './logged-models-service.js';

export interface LoggedModelServices {
  models: LoggedModelsService;
  artifacts: LoggedModelArtifactsService;
}

export function createLoggedModelServices(
  store: TrackingStore,
  artifacts: ArtifactsService,
): LoggedModelServices {
  return {
    models: new LoggedModelsService(store),
    artifacts: new LoggedModelArtifactsService(store, artifacts),
  };
}
