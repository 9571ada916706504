// An S3 repository whose AWS SDK loads on its first operation, so a server with local artifacts never loads it.
import type { Readable } from 'node:stream';
import type { S3Client } from '@aws-sdk/client-s3';
import type {
  ArtifactFileInfo,
  ArtifactRepository,
  ArtifactStat,
  ByteRange,
  MultipartPart,
  MultipartUpload,
} from './artifact-repository.js';
import type { S3ArtifactRepository } from './s3-artifact-repository.js';
import { parseS3Uri, type S3Location } from './s3-location.js';
import { uploadExtraArgsFromEnv } from './s3-upload-args.js';

/** Creates the S3 client from MLflow's environment, loading the SDK (about 20 MiB resident) only now. */
export async function loadS3Client(): Promise<S3Client> {
  return (await import('./s3-client.js')).createS3Client();
}

/**
 * Resolution stays synchronous (callers hold a repository before any I/O), while the SDK-backed
 * S3ArtifactRepository is built on the first call. `client` is awaited then, so all roots can share one.
 */
export class LazyS3Repository implements ArtifactRepository {
  readonly uri: string;
  readonly location: S3Location;
  private readonly uploadExtraArgs: Record<string, unknown>;
  private loaded: Promise<S3ArtifactRepository> | undefined;

  constructor(
    uri: string,
    private readonly client: () => Promise<S3Client>,
  ) {
    this.uri = uri;
    // Both read at once, as the real repository's constructor does, so bad input fails at resolution.
    this.location = parseS3Uri(uri);
    this.uploadExtraArgs = uploadExtraArgsFromEnv();
  }

  /** The real repository; a failed import is tried again on the next call rather than cached. */
  private repository(): Promise<S3ArtifactRepository> {
    this.loaded ??= (async () => {
      const [{ S3ArtifactRepository }, client] = await Promise.all([
        import('./s3-artifact-repository.js'),
        this.client(),
      ]);
      return new S3ArtifactRepository(this.uri, { client, uploadExtraArgs: this.uploadExtraArgs });
    })().catch((err: unknown) => {
      this.loaded = undefined;
      throw err;
    });
    return this.loaded;
  }

  async put(path: string, body: Readable): Promise<void> {
    return (await this.repository()).put(path, body);
  }

  async get(path: string, range?: ByteRange): Promise<Readable> {
    return (await this.repository()).get(path, range);
  }

  async stat(path: string): Promise<ArtifactStat | null> {
    return (await this.repository()).stat(path);
  }

  async list(path?: string): Promise<ArtifactFileInfo[]> {
    return (await this.repository()).list(path);
  }

  async delete(path?: string): Promise<void> {
    return (await this.repository()).delete(path);
  }

  async createMultipartUpload(path: string, numParts: number): Promise<MultipartUpload> {
    return (await this.repository()).createMultipartUpload(path, numParts);
  }

  async completeMultipartUpload(path: string, uploadId: string, parts: MultipartPart[]): Promise<void> {
    return (await this.repository()).completeMultipartUpload(path, uploadId, parts);
  }

  async abortMultipartUpload(path: string, uploadId: string): Promise<void> {
    return (await this.repository()).abortMultipartUpload(path, uploadId);
  }
}
