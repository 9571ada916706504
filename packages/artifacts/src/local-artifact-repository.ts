// ArtifactRepository over a local directory: atomic writes, symlink-proof reads, MLflow's listing rules.
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { MlflowError } from '@mlflow-ts/protocol';
import type { ArtifactFileInfo, ArtifactRepository, ArtifactStat, ByteRange } from './artifact-repository.js';
import { containedPath } from './contained-path.js';

/** MLflow's staging prefix: files still being written, never listed (local_artifact_repo.py). */
export const UPLOADING_PREFIX = '.artifact.uploading.';

/**
 * Stream buffer for file reads and writes. Node's defaults (64 KiB reads, 16 KiB writes) cost a
 * thread-pool round trip per 64 KiB and, on upload, pause the socket whenever one write is in
 * flight; with 1 MiB the socket keeps flowing while queued chunks go out in one writev, and a
 * download needs 16x fewer reads. Memory stays bounded at about this much per transfer.
 */
const STREAM_CHUNK_BYTES = 1024 * 1024;

/** path.posix.normalize without the '.' MLflow's os.path.normpath would leave for an empty path. */
function normalized(relative: string | undefined): string {
  if (relative === undefined || relative === '') return '';
  const n = path.posix.normalize(relative);
  return n === '.' || n === './' ? '' : n.replace(/\/+$/, '');
}

export class LocalArtifactRepository implements ArtifactRepository {
  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  /** The on-disk path of a root-relative artifact path, refused if its real location escapes. */
  private locate(relative: string | undefined): Promise<string> {
    return containedPath(this.root, normalized(relative));
  }

  async put(relative: string, body: Readable): Promise<void> {
    const target = await this.locate(relative);
    const dir = path.dirname(target);
    await mkdir(dir, { recursive: true });
    // Re-check after mkdir: a symlinked directory created meanwhile must not redirect the write.
    await this.locate(relative);
    const staging = path.join(dir, `${UPLOADING_PREFIX}${randomBytes(6).toString('hex')}`);
    try {
      const file = createWriteStream(staging, {
        flags: 'wx',
        mode: 0o644,
        highWaterMark: STREAM_CHUNK_BYTES,
      });
      await pipeline(body, file);
      // rename(2) within one directory is atomic: readers see the old file or the whole new one.
      await rename(staging, target);
    } catch (error) {
      await unlink(staging).catch(() => undefined);
      throw error;
    }
  }

  async get(relative: string, range?: ByteRange): Promise<Readable> {
    const target = await this.locate(relative);
    const s = await stat(target).catch(() => null);
    if (s === null || !s.isFile()) throw MlflowError.notFound(`No such artifact: '${relative}'`);
    const bounds = range === undefined ? {} : { start: range.start, end: range.end };
    // Each read allocates a buffer of highWaterMark bytes: a small file must not cost a whole MiB.
    const highWaterMark = Math.max(1, Math.min(STREAM_CHUNK_BYTES, s.size));
    return createReadStream(target, { ...bounds, highWaterMark });
  }

  async stat(relative: string): Promise<ArtifactStat | null> {
    const s = await stat(await this.locate(relative)).catch(() => null);
    return s === null ? null : { isDir: s.isDirectory(), size: s.size, mtimeMs: s.mtimeMs };
  }

  /** Paths come back relative to the root ('dir/a.txt' for 'dir'), sorted, staging files hidden. */
  async list(relative?: string): Promise<ArtifactFileInfo[]> {
    const dir = await this.locate(relative);
    const s = await stat(dir).catch(() => null);
    if (s === null || !s.isDirectory()) return [];
    const prefix = normalized(relative);
    const names = (await readdir(dir)).filter((n) => !n.startsWith(UPLOADING_PREFIX));
    const infos = await Promise.all(
      names.map(async (name): Promise<ArtifactFileInfo> => {
        const entry = await stat(path.join(dir, name)).catch(() => null);
        const rel = prefix === '' ? name : `${prefix}/${name}`;
        return entry !== null && entry.isDirectory()
          ? { path: rel, is_dir: true }
          : { path: rel, is_dir: false, file_size: entry?.size ?? 0 };
      }),
    );
    return infos.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  async delete(relative?: string): Promise<void> {
    await rm(await this.locate(relative), { recursive: true, force: true });
  }
}
