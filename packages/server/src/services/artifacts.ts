// Artifacts as MLflow's handlers reach them: run and model listings, UI file locations, the proxy destination.
import {
  ArtifactResolver,
  isProxiedArtifactUri,
  validatePathIsSafe,
  type ArtifactFileInfo,
  type ArtifactRepository,
  type ResolvedLocation,
} from '@mlflow-ts/artifacts';
import type { TrackingStore } from '@mlflow-ts/store';
import type { ServerConfig } from '../config.js';

export interface ArtifactListing {
  rootUri: string;
  files: ArtifactFileInfo[];
}

/** posixpath.join: no normalisation, so `./dir` stays `./dir` as in MLflow's answers. */
function joinPosix(a: string, b: string): string {
  if (b.startsWith('/') || a === '') return b;
  return a.endsWith('/') ? `${a}${b}` : `${a}/${b}`;
}

function basename(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

export class ArtifactsService {
  private readonly resolver: ArtifactResolver;

  constructor(
    private readonly store: TrackingStore,
    config: ServerConfig,
  ) {
    this.resolver = new ArtifactResolver(config);
  }

  /** The repository behind --artifacts-destination, which the mlflow-artifacts proxy serves. */
  destination(): ArtifactRepository {
    return this.resolver.destination();
  }

  /**
   * Entries directly under `dir` (already safe; undefined = the root itself) of the artifact root
   * `rootUri` of a run or a logged model, named relative to that root as MLflow's listings are.
   */
  async listUnder(rootUri: string, dir: string | undefined): Promise<ArtifactFileInfo[]> {
    const root = this.resolver.resolve(rootUri);
    const target = dir === undefined ? root.path : joinPosix(root.path, dir);
    const entries = await root.repository.list(target === '' ? undefined : target);
    if (root.path === '') return entries;
    // A proxied listing keeps the caller's spelling of the prefix: MLflow joins it unnormalised.
    return entries.map((e) => {
      const name = basename(e.path);
      return { ...e, path: dir ? joinPosix(dir, name) : name };
    });
  }

  /** Where `path` (already safe) under the artifact root `rootUri` lives. */
  locateUnder(rootUri: string, path: string): ResolvedLocation {
    const root = this.resolver.resolve(rootUri);
    return { repository: root.repository, path: root.path === '' ? path : joinPosix(root.path, path) };
  }

  /** `path` undefined = not sent (list the root); an unsafe path fails before the run is read. */
  async list(runId: string, path: string | undefined): Promise<ArtifactListing> {
    const safePath = path === undefined ? undefined : validatePathIsSafe(path);
    const run = await this.store.getRun(runId);
    const rootUri = run.info.artifact_uri ?? '';
    return { rootUri, files: await this.listUnder(rootUri, safePath) };
  }

  /**
   * Where `path` (already validated) of a run lives, for the UI's get-artifact and upload-artifact.
   * A proxied root reads from the destination only when this server serves artifacts.
   */
  async locateRunArtifact(runId: string, path: string): Promise<ResolvedLocation & { proxied: boolean }> {
    const run = await this.store.getRun(runId);
    const rootUri = run.info.artifact_uri ?? '';
    return { ...this.locateUnder(rootUri, path), proxied: isProxiedArtifactUri(rootUri) };
  }
}
