// Maps an artifact URI to the repository that holds it and the path inside that repository.
import path from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import { ErrorCode, MlflowError } from '@mlflow-ts/protocol';
import type { ArtifactRepository } from './artifact-repository.js';
import { LocalArtifactRepository } from './local-artifact-repository.js';
import { LazyS3Repository, loadS3Client } from './lazy-s3-repository.js';
import { parseS3Uri } from './s3-location.js';
import { parseUri } from './uri-parts.js';

export interface ArtifactServingConfig {
  /** --serve-artifacts: mlflow-artifacts: URIs are read from the destination by this server. */
  serveArtifacts: boolean;
  /** --artifacts-destination, e.g. './mlartifacts', 'file:///data' or 's3://bucket/prefix'. */
  artifactsDestination: string;
}

export interface ResolvedLocation {
  repository: ArtifactRepository;
  /** Root-relative path inside `repository`; '' for its root. */
  path: string;
}

/** The anchor MLflow splits http(s) artifact roots on to find the destination-relative part. */
const PROXY_ROUTE_ANCHOR = '/api/2.0/mlflow-artifacts/artifacts/';

function unsupported(uri: string): MlflowError {
  return new MlflowError(
    ErrorCode.NOT_IMPLEMENTED,
    `Artifact storage at '${uri}' is not supported by mlflow-ts yet (only local paths, file: and s3: URIs)`,
  );
}

/** The local directory of a plain path or file: URI, null for any other scheme. */
export function localDirectoryOf(uri: string): string | null {
  const parts = parseUri(uri);
  if (parts.scheme === 'file') return path.resolve(decodeURIComponent(parts.path));
  return parts.scheme === '' ? path.resolve(uri) : null;
}

/** True for roots this server reads from its destination when serving artifacts (MLflow's rule). */
export function isProxiedArtifactUri(uri: string): boolean {
  const parts = parseUri(uri);
  if (parts.scheme === 'mlflow-artifacts') return true;
  return (parts.scheme === 'http' || parts.scheme === 'https') && parts.path.includes(PROXY_ROUTE_ANCHOR);
}

/** The destination-relative path of a proxied URI, without leading slashes. */
export function proxiedPathOf(uri: string): string {
  const parts = parseUri(uri);
  const p =
    parts.scheme === 'mlflow-artifacts' ? parts.path : (parts.path.split(PROXY_ROUTE_ANCHOR)[1] ?? '');
  return p.replace(/^\/+/, '');
}

/**
 * Resolves repositories and caches one per root. Each scheme maps to a factory; unknown schemes
 * answer NOT_IMPLEMENTED rather than guessing. All S3 roots share one client (one connection pool,
 * one credential cache), created on first use so a local-only server never loads the SDK or credentials.
 */
export class ArtifactResolver {
  private readonly repositories = new Map<string, ArtifactRepository>();
  private s3Client: Promise<S3Client> | undefined;

  constructor(private readonly config: ArtifactServingConfig) {}

  /** The repository of --artifacts-destination, which the proxy API serves. */
  destination(): ArtifactRepository {
    return this.repositoryAt(this.config.artifactsDestination);
  }

  /** Where the artifacts under `uri` live; `mlflow-artifacts:` needs --serve-artifacts. */
  resolve(uri: string): ResolvedLocation {
    if (isProxiedArtifactUri(uri) && this.config.serveArtifacts) {
      return { repository: this.destination(), path: proxiedPathOf(uri) };
    }
    return { repository: this.repositoryAt(uri), path: '' };
  }

  private repositoryAt(uri: string): ArtifactRepository {
    if (parseUri(uri).scheme === 's3') return this.s3RepositoryAt(uri);
    const dir = localDirectoryOf(uri);
    if (dir === null) throw unsupported(uri);
    let repo = this.repositories.get(dir);
    if (repo === undefined) {
      repo = new LocalArtifactRepository(dir);
      this.repositories.set(dir, repo);
    }
    return repo;
  }

  private s3RepositoryAt(uri: string): ArtifactRepository {
    let location;
    try {
      location = parseS3Uri(uri);
    } catch {
      throw unsupported(uri);
    }
    const root = `s3://${location.bucket}/${location.prefix}`;
    let repo = this.repositories.get(root);
    if (repo === undefined) {
      repo = new LazyS3Repository(root, () => this.sharedS3Client());
      this.repositories.set(root, repo);
    }
    return repo;
  }

  private sharedS3Client(): Promise<S3Client> {
    this.s3Client ??= loadS3Client().catch((err: unknown) => {
      this.s3Client = undefined;
      throw err;
    });
    return this.s3Client;
  }
}
