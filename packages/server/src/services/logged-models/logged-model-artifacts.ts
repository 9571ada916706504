// A logged model's artifacts, under its artifact_location: directory listings and single files.
import {
  ArtifactResolver,
  validatePathIsSafe,
  type ArtifactFileInfo,
  type ResolvedLocation,
} from '@mlflow-ts/artifacts';
import type { TrackingStore } from '@mlflow-ts/store';
import type { ServerConfig } from '../../config.js';

export interface ModelArtifactListing {
  rootUri: string;
  files: ArtifactFileInfo[];
}

/** posixpath.join without normalisation, as MLflow joins the listed directory. */
function joinPosix(a: string, b: string): string {
  if (b.startsWith('/') || a === '') return b;
  return a.endsWith('/') ? `${a}${b}` : `${a}/${b}`;
}

export class LoggedModelArtifactsService {
  private readonly resolver: ArtifactResolver;

  constructor(
    private readonly store: TrackingStore,
    config: ServerConfig,
  ) {
    this.resolver = new ArtifactResolver(config);
  }

  /**
   * MLflow checks the path only when it was sent, then reads the model (404 for unknown or
   * deleted models). Entries are named relative to the model's root, as for run artifacts.
   */
  async list(modelId: string, directory: string | undefined): Promise<ModelArtifactListing> {
    const safe = directory === undefined ? undefined : validatePathIsSafe(directory);
    const model = await this.store.loggedModels.getLoggedModel(modelId);
    const rootUri = model.info.artifact_uri;
    const root = this.resolver.resolve(rootUri);
    const target = safe === undefined ? root.path : joinPosix(root.path, safe);
    const entries = await root.repository.list(target === '' ? undefined : target);
    if (root.path === '') return { rootUri, files: entries };
    const files = entries.map((e) => {
      const name = e.path.slice(e.path.lastIndexOf('/') + 1);
      return { ...e, path: safe ? joinPosix(safe, name) : name };
    });
    return { rootUri, files };
  }

  /** Where one file of the model lives; `path` must already be safe. */
  async locate(modelId: string, path: string): Promise<ResolvedLocation> {
    const model = await this.store.loggedModels.getLoggedModel(modelId);
    const root = this.resolver.resolve(model.info.artifact_uri);
    return { repository: root.repository, path: root.path === '' ? path : joinPosix(root.path, path) };
  }
}
