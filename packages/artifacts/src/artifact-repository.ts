// The storage-neutral contract every artifact store (local filesystem now, S3 later) implements.
import type { Readable } from 'node:stream';

/** One listed entry; paths are relative to the repository root, '/'-separated. Dirs carry no size. */
export interface ArtifactFileInfo {
  path: string;
  is_dir: boolean;
  file_size?: number;
}

/** What a stat returns for an existing artifact. */
export interface ArtifactStat {
  isDir: boolean;
  size: number;
  mtimeMs: number;
}

/** An inclusive byte range, already checked against the file size. */
export interface ByteRange {
  start: number;
  end: number;
}

/** One part of a multipart upload as MLflow's mpu API exchanges it. */
export interface MultipartPart {
  part_number: number;
  etag: string;
  url?: string;
}

export interface MultipartCredential {
  url: string;
  part_number: number;
  headers: Record<string, string>;
}

export interface MultipartUpload {
  upload_id: string;
  credentials: MultipartCredential[];
}

/**
 * Object-store style operations, all addressed by a root-relative '/'-separated path that the caller
 * has already passed through validatePathIsSafe. The multipart methods are optional: a store that
 * cannot do it (the local one) leaves them out, and the server answers MLflow's NOT_IMPLEMENTED.
 */
export interface ArtifactRepository {
  /** Writes the whole stream to `path`; readers never see a partial object under that name. */
  put(path: string, body: Readable): Promise<void>;
  /** Streams a file, or the inclusive `range` of it; RESOURCE_DOES_NOT_EXIST when absent. */
  get(path: string, range?: ByteRange): Promise<Readable>;
  /** null when nothing exists at `path`. */
  stat(path: string): Promise<ArtifactStat | null>;
  /** Entries directly under `path` (the root when undefined), sorted by path; [] for a file or nothing. */
  list(path?: string): Promise<ArtifactFileInfo[]>;
  /** Removes a file or a whole directory tree; nothing there is not an error (as MLflow). */
  delete(path?: string): Promise<void>;
  createMultipartUpload?(path: string, numParts: number): Promise<MultipartUpload>;
  uploadPart?(path: string, uploadId: string, partNumber: number, body: Readable): Promise<string>;
  completeMultipartUpload?(path: string, uploadId: string, parts: MultipartPart[]): Promise<void>;
  abortMultipartUpload?(path: string, uploadId: string): Promise<void>;
}

/** MLflow's message when the destination cannot do multipart; the client falls back on this prefix. */
export const MULTIPART_UNSUPPORTED_MESSAGE =
  'Multipart upload is not supported for the current artifact repository';

export function supportsMultipart(
  repo: ArtifactRepository,
): repo is ArtifactRepository & Required<Pick<ArtifactRepository, 'createMultipartUpload'>> {
  return (
    repo.createMultipartUpload !== undefined &&
    repo.completeMultipartUpload !== undefined &&
    repo.abortMultipartUpload !== undefined
  );
}
