// ArtifactRepository over s3://bucket/prefix: streamed puts, ranged gets, paged listing, batched deletes, multipart.
import type { Readable } from 'node:stream';
import {
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  type S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { MlflowError } from '@mlflow-ts/protocol';
import mime from 'mime-types';
import type {
  ArtifactFileInfo,
  ArtifactRepository,
  ArtifactStat,
  ByteRange,
  MultipartPart,
  MultipartUpload,
} from './artifact-repository.js';
import { createS3Client } from './s3-client.js';
import { isS3NotFound, toMlflowError } from './s3-errors.js';
import { keyOf, parseS3Uri, relativeOf, type S3Location } from './s3-location.js';
import { S3Multipart } from './s3-multipart.js';
import { uploadExtraArgsFromEnv } from './s3-upload-args.js';

export interface S3RepositoryOptions {
  client?: S3Client;
  /**
   * Bytes buffered per part of a streamed put; 5 MiB (S3's minimum) keeps a put near 15 MiB of
   * buffers. With S3's 10,000-part limit that caps one streamed object at about 48 GiB.
   */
  partSize?: number;
  /** Parts in flight at once; memory per put is about partSize × (queueSize + 1). */
  queueSize?: number;
  /** Lifetime of presigned part URLs, in seconds (boto3's default 3600). */
  presignExpiresIn?: number;
  /** MLFLOW_S3_UPLOAD_EXTRA_ARGS, already parsed; read from the environment when absent. */
  uploadExtraArgs?: Record<string, unknown>;
}

const MIB = 1024 * 1024;

export class S3ArtifactRepository implements ArtifactRepository {
  readonly uri: string;
  readonly location: S3Location;
  private readonly client: S3Client;
  private readonly partSize: number;
  private readonly queueSize: number;
  private readonly multipart: S3Multipart;
  private readonly extraArgs: Record<string, unknown>;

  constructor(uri: string, options: S3RepositoryOptions = {}) {
    this.uri = uri;
    this.location = parseS3Uri(uri);
    this.client = options.client ?? createS3Client();
    this.partSize = Math.max(options.partSize ?? 5 * MIB, 5 * MIB);
    this.queueSize = options.queueSize ?? 2;
    this.multipart = new S3Multipart(
      this.client,
      this.location.bucket,
      uri,
      options.presignExpiresIn ?? 3600,
    );
    this.extraArgs = options.uploadExtraArgs ?? uploadExtraArgsFromEnv();
  }

  private get bucket(): string {
    return this.location.bucket;
  }

  /** ContentType guessed from the name as MLflow's upload does, then the operator's extra args. */
  private writeArgs(key: string): Record<string, unknown> {
    const type = mime.lookup(key.slice(key.lastIndexOf('/') + 1));
    return { ...(type === false ? {} : { ContentType: type }), ...this.extraArgs };
  }

  /**
   * lib-storage buffers at most queueSize+1 parts; a body smaller than one part becomes a single
   * (atomic) PutObject, a larger one a multipart upload completed only after the last part, and
   * aborted on failure, so an interrupted upload never shows under `key`.
   */
  async put(relative: string, body: Readable): Promise<void> {
    const key = keyOf(this.location, relative);
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: key, Body: body, ...this.writeArgs(key) },
      partSize: this.partSize,
      queueSize: this.queueSize,
      leavePartsOnError: false,
    });
    // A client that drops mid-body errors the stream; stop the upload rather than wait on it.
    const onError = (): void => void upload.abort().catch(() => undefined);
    body.once('error', onError);
    try {
      await upload.done();
    } catch (error) {
      throw toMlflowError(error, `Failed to upload artifact to ${this.uri}`);
    } finally {
      body.off('error', onError);
    }
  }

  async get(relative: string, range?: ByteRange): Promise<Readable> {
    const key = keyOf(this.location, relative);
    try {
      const res = await this.client.send(
        new GetObjectCommand({
          Bucket: this.bucket,
          Key: key,
          ...(range === undefined ? {} : { Range: `bytes=${range.start}-${range.end}` }),
        }),
      );
      return res.Body as Readable;
    } catch (error) {
      if (isS3NotFound(error)) throw MlflowError.notFound(`No such artifact: '${relative}'`);
      throw toMlflowError(error, `Failed to read artifact from ${this.uri}`);
    }
  }

  /** A key is a file; a key prefix with anything below it is a directory; the root always exists. */
  async stat(relative: string): Promise<ArtifactStat | null> {
    const key = keyOf(this.location, relative);
    if (key === this.location.prefix) return { isDir: true, size: 0, mtimeMs: 0 };
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return { isDir: false, size: head.ContentLength ?? 0, mtimeMs: head.LastModified?.getTime() ?? 0 };
    } catch (error) {
      if (!isS3NotFound(error)) throw toMlflowError(error, `Failed to stat artifact in ${this.uri}`);
    }
    const below = await this.client
      .send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: `${key}/`, MaxKeys: 1 }))
      .catch((error: unknown) => {
        throw toMlflowError(error, `Failed to list artifacts in ${this.uri}`);
      });
    return (below.KeyCount ?? below.Contents?.length ?? 0) > 0 ? { isDir: true, size: 0, mtimeMs: 0 } : null;
  }

  /** Every page of ListObjectsV2 under `prefix`. */
  private async *pages(prefix: string, delimiter?: string) {
    let token: string | undefined;
    do {
      const page = await this.client
        .send(
          new ListObjectsV2Command({
            Bucket: this.bucket,
            Prefix: prefix,
            ...(delimiter === undefined ? {} : { Delimiter: delimiter }),
            ...(token === undefined ? {} : { ContinuationToken: token }),
          }),
        )
        .catch((error: unknown) => {
          throw toMlflowError(error, `Failed to list artifacts in ${this.uri}`);
        });
      yield page;
      token = page.IsTruncated === true ? page.NextContinuationToken : undefined;
    } while (token !== undefined);
  }

  async list(relative?: string): Promise<ArtifactFileInfo[]> {
    const dir = keyOf(this.location, relative);
    const prefix = dir === '' ? '' : `${dir}/`;
    const infos: ArtifactFileInfo[] = [];
    for await (const page of this.pages(prefix, '/')) {
      for (const p of page.CommonPrefixes ?? []) {
        if (p.Prefix !== undefined) infos.push({ path: relativeOf(this.location, p.Prefix), is_dir: true });
      }
      for (const o of page.Contents ?? []) {
        const size = o.Size ?? 0;
        // Zero-byte "dir/" objects are directory markers some tools create, not files.
        if (o.Key === undefined || (size === 0 && o.Key.endsWith('/'))) continue;
        infos.push({ path: relativeOf(this.location, o.Key), is_dir: false, file_size: size });
      }
    }
    return infos.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  /** The object itself and everything below it, one DeleteObjects call per listed page (≤ 1000 keys). */
  async delete(relative?: string): Promise<void> {
    const target = keyOf(this.location, relative);
    for await (const page of this.pages(target)) {
      const keys = (page.Contents ?? [])
        .map((o) => o.Key)
        .filter((k): k is string => k !== undefined)
        .filter((k) => target === '' || k === target || k.startsWith(`${target}/`));
      if (keys.length === 0) continue;
      const res = await this.client
        .send(
          new DeleteObjectsCommand({
            Bucket: this.bucket,
            Delete: { Objects: keys.map((Key) => ({ Key })), Quiet: true },
          }),
        )
        .catch((error: unknown) => {
          throw toMlflowError(error, `Failed to delete artifacts in ${this.uri}`);
        });
      const failed = res.Errors?.[0];
      if (failed !== undefined) {
        throw toMlflowError({ Code: failed.Code, message: failed.Message }, `Failed to delete ${failed.Key}`);
      }
    }
  }

  /** Starts an upload and presigns one UploadPart URL per part, which clients PUT to directly. */
  createMultipartUpload(relative: string, numParts: number): Promise<MultipartUpload> {
    const key = keyOf(this.location, relative);
    return this.multipart.create(key, numParts, this.writeArgs(key));
  }

  completeMultipartUpload(relative: string, uploadId: string, parts: MultipartPart[]): Promise<void> {
    return this.multipart.complete(keyOf(this.location, relative), uploadId, parts);
  }

  abortMultipartUpload(relative: string, uploadId: string): Promise<void> {
    return this.multipart.abort(keyOf(this.location, relative), uploadId);
  }
}
