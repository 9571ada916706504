// The Node MlflowClient: environment defaults plus streamed file and directory artifacts on the local disk.
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeWebStream } from 'node:stream/web';
import type { FileInfo } from '@mlflow-ts/protocol';
import {
  MlflowClient as BrowserMlflowClient,
  joinArtifactPath,
  proxyRootOf,
  type MlflowClientOptions,
} from '../mlflow-client/index.js';
import { defaultTrackingUri } from './default-tracking-uri.js';
import { clientOptionsFromEnv } from './env-config.js';
import { forEachLimited, walkFiles } from './local-files.js';
import { ProgressTracker, type TransferOptions } from './transfer-progress.js';

/** Counts bytes passing through, for progress bars. */
function counter(onBytes: (n: number) => void): Transform {
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      onBytes(chunk.length);
      done(null, chunk);
    },
  });
}

/**
 * MlflowClient for Node: `new MlflowClient()` uses the URI of setTrackingUri, else
 * MLFLOW_TRACKING_URI, and the credential variables; and artifacts move between the local disk and the server as streams, so memory
 * stays bounded whatever the file sizes.
 *
 * @example
 * import { MlflowClient } from '@mlflow-ts/client/node';
 * const client = new MlflowClient(); // MLFLOW_TRACKING_URI=http://localhost:5000
 * await client.logArtifacts(runId, './outputs', 'outputs');
 * const local = await client.downloadArtifacts(runId, 'outputs', '/tmp/restore');
 */
export class NodeMlflowClient extends BrowserMlflowClient {
  constructor(options?: MlflowClientOptions | string) {
    super(
      typeof options === 'object'
        ? options
        : clientOptionsFromEnv(process.env, options ?? defaultTrackingUri()),
    );
  }

  /**
   * Uploads one local file into the run's artifacts (under `artifactPath` when given), streamed.
   *
   * @example
   * await client.logArtifact(runId, './model.onnx', 'model');
   */
  async logArtifact(
    runId: string,
    localPath: string,
    artifactPath?: string,
    options: TransferOptions = {},
  ): Promise<void> {
    const info = await stat(localPath);
    if (!info.isFile())
      throw new Error(
        `logArtifact uploads a file; '${localPath}' is not one (use logArtifacts for directories)`,
      );
    const tracker = new ProgressTracker(info.size, 1, options.onProgress);
    await this.#uploadFile(
      runId,
      localPath,
      joinArtifactPath(artifactPath, path.basename(localPath)),
      tracker,
      options,
    );
    tracker.fileDone();
  }

  /**
   * Uploads a directory's contents (recursively) into the run's artifacts, a few files at a time.
   *
   * @example
   * await client.logArtifacts(runId, './outputs', 'outputs');
   */
  async logArtifacts(
    runId: string,
    localDir: string,
    artifactPath?: string,
    options: TransferOptions = {},
  ): Promise<void> {
    const files = await walkFiles(localDir);
    const total = files.reduce((n, f) => n + f.size, 0);
    const tracker = new ProgressTracker(total, files.length, options.onProgress);
    await forEachLimited(files, options.concurrency ?? 4, async (f) => {
      await this.#uploadFile(
        runId,
        f.absolutePath,
        joinArtifactPath(artifactPath, f.relativePath),
        tracker,
        options,
      );
      tracker.fileDone();
    });
  }

  /**
   * Downloads an artifact file or directory (the whole root when `artifactPath` is empty) to
   * `dstPath` (a new temp dir by default) and answers the local path, as Python does.
   *
   * @example
   * const local = await client.downloadArtifacts(runId, 'model', './restored');
   */
  async downloadArtifacts(
    runId: string,
    artifactPath = '',
    dstPath?: string,
    options: TransferOptions = {},
  ): Promise<string> {
    return this.#download(await this.artifactRoot(runId), artifactPath, dstPath, options);
  }

  /**
   * Downloads what an artifact URI points at: `runs:/<run_id>/<path>`, `mlflow-artifacts:/<path>`
   * or the proxy's http(s) URL. Like Python's download_artifacts(artifact_uri=…), the local
   * result is `<dst>/<last segment>`.
   *
   * @example
   * const local = await client.downloadArtifactUri('runs:/4f2a…/model', './restored'); // ./restored/model
   */
  async downloadArtifactUri(uri: string, dstPath?: string, options: TransferOptions = {}): Promise<string> {
    const runs = /^runs:\/([^/]+)\/?(.*)$/.exec(uri);
    let full: string;
    if (runs) full = joinArtifactPath(await this.artifactRoot(runs[1] ?? ''), runs[2]);
    else {
      const root = proxyRootOf(uri);
      if (root === undefined) {
        throw new Error(
          `Cannot download '${uri}': expected a runs:/, mlflow-artifacts:/ or artifact proxy http(s) URI`,
        );
      }
      full = root;
    }
    const cut = full.lastIndexOf('/');
    return this.#download(cut < 0 ? '' : full.slice(0, cut), full.slice(cut + 1), dstPath, options);
  }

  async #download(
    root: string,
    artifactPath: string,
    dstPath: string | undefined,
    options: TransferOptions,
  ): Promise<string> {
    const dst = path.resolve(dstPath ?? (await mkdtemp(path.join(tmpdir(), 'mlflow-ts-artifacts-'))));
    await mkdir(dst, { recursive: true });
    const normalized = joinArtifactPath(artifactPath);
    const listing = await this.listProxyArtifacts(root, normalized || undefined);
    const isDir = normalized === '' || listing.length > 0;
    const files = isDir ? await this.#listFilesBelow(root, listing) : [{ path: normalized, is_dir: false }];
    const sizes = files.map((f) => f.file_size);
    const total = sizes.every((s) => s !== undefined)
      ? sizes.reduce<number>((n, s) => n + (s ?? 0), 0)
      : undefined;
    const tracker = new ProgressTracker(total, files.length, options.onProgress);
    if (isDir) await mkdir(path.join(dst, ...normalized.split('/').filter(Boolean)), { recursive: true });
    await forEachLimited(files, options.concurrency ?? 4, async (f) => {
      await this.#downloadFile(root, f.path, path.join(dst, ...f.path.split('/')), tracker, options);
      tracker.fileDone();
    });
    return normalized === '' ? dst : path.join(dst, ...normalized.split('/'));
  }

  /** Every file below the listed entries, recursing into directories. */
  async #listFilesBelow(root: string, entries: FileInfo[]): Promise<FileInfo[]> {
    const out: FileInfo[] = [];
    for (const e of entries) {
      if (e.is_dir)
        out.push(...(await this.#listFilesBelow(root, await this.listProxyArtifacts(root, e.path))));
      else out.push(e);
    }
    return out;
  }

  async #uploadFile(
    runId: string,
    localPath: string,
    artifactFile: string,
    tracker: ProgressTracker,
    options: TransferOptions,
  ): Promise<void> {
    let sentThisTry = 0;
    await this.uploadArtifact(
      runId,
      artifactFile,
      () => {
        // A retry starts the file over: take back what the failed try reported.
        tracker.bytes(-sentThisTry);
        sentThisTry = 0;
        const stream = createReadStream(localPath).pipe(
          counter((n) => {
            sentThisTry += n;
            tracker.bytes(n);
          }),
        );
        return Readable.toWeb(stream) as unknown as RequestInit['body'];
      },
      // Large files may take longer than one API call's timeout.
      { timeoutMs: 0, signal: options.signal },
    );
  }

  async #downloadFile(
    root: string,
    artifactPath: string,
    localPath: string,
    tracker: ProgressTracker,
    options: TransferOptions,
  ): Promise<void> {
    const res = await this.openProxyArtifact(root, artifactPath, { timeoutMs: 0, signal: options.signal });
    await mkdir(path.dirname(localPath), { recursive: true });
    // Written beside the target and renamed, so a failed download leaves no half file behind.
    const partial = `${localPath}.${process.pid}.partial`;
    try {
      const body = res.body ? Readable.fromWeb(res.body as unknown as NodeWebStream) : Readable.from([]);
      await pipeline(
        body,
        counter((n) => tracker.bytes(n)),
        createWriteStream(partial),
      );
      await rename(partial, localPath);
    } catch (e) {
      await rm(partial, { force: true });
      throw e;
    }
  }
}
