// The multipart half of the S3 repository: create with presigned part URLs, complete, abort.
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  UploadPartCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { ErrorCode, MlflowError } from '@mlflow-ts/protocol';
import type { MultipartCredential, MultipartPart, MultipartUpload } from './artifact-repository.js';
import { toMlflowError } from './s3-errors.js';
import { presignedUrl } from './s3-presign.js';

/**
 * MLflow's proxied multipart flow: the server starts the upload and hands out one presigned
 * UploadPart URL per part; the client PUTs the parts straight to the store and reports their
 * ETags; the object appears under its key only when the server completes the upload.
 */
export class S3Multipart {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
    private readonly uri: string,
    private readonly expiresIn: number,
  ) {}

  /** `args` are the ContentType and MLFLOW_S3_UPLOAD_EXTRA_ARGS a single put would carry. */
  async create(key: string, numParts: number, args: Record<string, unknown>): Promise<MultipartUpload> {
    // As MLflow: presigned parts would disclose an SSE-C key, and cannot carry per-part checksums.
    if ('SSECustomerKey' in args || 'ChecksumAlgorithm' in args) {
      throw new MlflowError(ErrorCode.NOT_IMPLEMENTED, 'Presigned artifact transfers are unavailable.');
    }
    try {
      const created = await this.client.send(
        new CreateMultipartUploadCommand({ Bucket: this.bucket, Key: key, ...args }),
      );
      const uploadId = created.UploadId ?? '';
      const credentials: MultipartCredential[] = [];
      // S3 numbers parts 1..10000; MLflow presigns exactly num_parts of them.
      for (let part = 1; part <= numParts; part += 1) {
        const command = new UploadPartCommand({
          Bucket: this.bucket,
          Key: key,
          UploadId: uploadId,
          PartNumber: part,
        });
        const url = await presignedUrl(this.client, command, this.expiresIn);
        credentials.push({ url, part_number: part, headers: {} });
      }
      return { upload_id: uploadId, credentials };
    } catch (error) {
      throw toMlflowError(error, `Failed to create multipart upload in ${this.uri}`);
    }
  }

  /** Parts may arrive in any order; S3 wants them ascending. */
  async complete(key: string, uploadId: string, parts: MultipartPart[]): Promise<void> {
    const sorted = [...parts].sort((a, b) => a.part_number - b.part_number);
    await this.client
      .send(
        new CompleteMultipartUploadCommand({
          Bucket: this.bucket,
          Key: key,
          UploadId: uploadId,
          MultipartUpload: { Parts: sorted.map((p) => ({ PartNumber: p.part_number, ETag: p.etag })) },
        }),
      )
      .catch((error: unknown) => {
        throw toMlflowError(error, `Failed to complete multipart upload in ${this.uri}`);
      });
  }

  async abort(key: string, uploadId: string): Promise<void> {
    await this.client
      .send(new AbortMultipartUploadCommand({ Bucket: this.bucket, Key: key, UploadId: uploadId }))
      .catch((error: unknown) => {
        throw toMlflowError(error, `Failed to abort multipart upload in ${this.uri}`);
      });
  }
}
