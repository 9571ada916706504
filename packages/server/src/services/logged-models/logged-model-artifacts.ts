// A logged model's artifacts, under its artifact_location: directory listings and single files.
import { validatePathIsSafe, type ArtifactFileInfo, type ResolvedLocation } from '@mlflow-ts/artifacts';
import type { TrackingStore } from '@mlflow-ts/store';
import type { ArtifactsService } from '../artifacts.js';

export interface ModelArtifactListing {
  rootUri: string;
  files: ArtifactFileInfo[];
}

export class LoggedModelArtifactsService {
  constructor(
    private readonly store: TrackingStore,
    private readonly artifacts: ArtifactsService,
  ) {}

  /**
   * MLflow checks the path only when it was sent, then reads the model (404 for unknown or
   * deleted models). Entries are named relative to the model's root, as for run artifacts.
   */
  async list(modelId: string, directory: string | undefined): Promise<ModelArtifactListing> {
    const safe = directory === undefined ? undefined : validatePathIsSafe(directory);
    const model = await this.store.loggedModels.getLoggedModel(modelId);
    const rootUri = model.info.artifact_uri;
    return { rootUri, files: await this.artifacts.listUnder(rootUri, safe) };
  }

  /** Where one file of the model lives; `path` must already be safe. */
  async locate(modelId: string, path: string): Promise<ResolvedLocation> {
    const model = await this.store.loggedModels.getLoggedModel(modelId);
    return this.artifacts.locateUnder(model.info.artifact_uri, path);
  }
}
