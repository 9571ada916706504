// Where a file of a model version lives: its download URI (runs:/, a proxied or a direct root) plus the path.
import { ArtifactResolver, type ResolvedLocation } from '@mlflow-ts/artifacts';
import { MlflowError } from '@mlflow-ts/protocol';
import type { TrackingStore } from '@mlflow-ts/store';
import type { ServerConfig } from '../../config.js';
import { pyUrl } from './python-url.js';
import { runIdOfRunsUri } from './source-checks.js';

/** posixpath.join without normalisation, as MLflow joins artifact paths. */
function joinPosix(a: string, b: string): string {
  if (b.startsWith('/') || a === '') return b;
  return a.endsWith('/') ? `${a}${b}` : `${a}/${b}`;
}

export class VersionArtifacts {
  private readonly resolver: ArtifactResolver;

  constructor(
    private readonly store: TrackingStore,
    config: ServerConfig,
  ) {
    this.resolver = new ArtifactResolver(config);
  }

  /**
   * `path` is already validated as safe. A runs:/ URI reads under the run's artifact root (MLflow's
   * RunsArtifactRepository); any other URI is resolved like a run's root.
   */
  async locate(name: string, version: string, path: string): Promise<ResolvedLocation> {
    let uri = await this.store.registry.getModelVersionDownloadUri(name, version);
    let relative = path;
    if (pyUrl(uri).scheme === 'runs') {
      const runId = runIdOfRunsUri(uri);
      const sub = pyUrl(uri)
        .path.slice(1 + runId.length)
        .replace(/^\/+/u, '');
      const run = await this.store.getRun(runId);
      uri = run.info.artifact_uri ?? '';
      relative = sub === '' ? path : joinPosix(sub, path);
    }
    if (uri === '')
      throw MlflowError.invalidParameter(`Model version ${name}/${version} has no artifact location.`);
    const root = this.resolver.resolve(uri);
    return {
      repository: root.repository,
      path: root.path === '' ? relative : joinPosix(root.path, relative),
    };
  }
}
