// MlflowClient artifacts through the server's proxy (browser-safe): list, upload bytes, read, and text/dict/table/image logging.
import { pyJsonDumps, trackingEndpoints as t, type FileInfo } from '@mlflow-ts/protocol';
import { RestClient } from '../rest/index.js';
import { ARTIFACTS_ROOT, encodePath, joinArtifactPath, proxyRootOf } from './artifact-uri.js';
import type { CoreConstructor } from './client-core.js';
import { guessMimeType } from './mime-type.js';
import { MLFLOW_LOGGED_ARTIFACTS } from './tag-keys.js';
import { dumpYaml } from './yaml-dump.js';

/** What an upload body may be; a function is called per try, so retries can replay streams. */
export type UploadBody = Uint8Array | string | Blob | (() => RequestInit['body']);

/** A table as columns (`{col: values[]}`) or as rows (`[{col: value}]`). */
export type TableData =
  Readonly<Record<string, readonly unknown[]>> | readonly Readonly<Record<string, unknown>>[];

/** The split-orient JSON MLflow's log_table writes (pandas `to_json(orient="split")`). */
interface SplitTable {
  columns: string[];
  data: unknown[][];
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Run id → proxy root, per client: a run's artifact URI never changes. */
const roots = new WeakMap<object, Map<string, string>>();

function toSplit(data: TableData): SplitTable {
  if (Array.isArray(data)) {
    const rows = data as readonly Readonly<Record<string, unknown>>[];
    const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
    return { columns, data: rows.map((r) => columns.map((c) => r[c] ?? null)) };
  }
  const cols = data as Readonly<Record<string, readonly unknown[]>>;
  const columns = Object.keys(cols);
  const n = Math.max(0, ...columns.map((c) => cols[c]?.length ?? 0));
  return { columns, data: Array.from({ length: n }, (_v, i) => columns.map((c) => cols[c]?.[i] ?? null)) };
}

/**
 * Adds the artifact calls to a client class (a mixin; MlflowClient composes them all).
 *
 * @example
 * class MyClient extends ArtifactsApi(ClientCore) {}
 */
export function ArtifactsApi<B extends CoreConstructor>(Base: B) {
  return class ArtifactsApi extends Base {
    /**
     * The URL path (below the tracking URI) of a run's artifact behind the proxy.
     *
     * @example
     * const path = await client.artifactProxyPath(runId, 'model/MLmodel');
     */
    async artifactProxyPath(runId: string, artifactPath = ''): Promise<string> {
      return `${ARTIFACTS_ROOT}/${encodePath(joinArtifactPath(await this.artifactRoot(runId), artifactPath))}`;
    }

    /**
     * The run's artifact root below the proxy (`<experiment>/<run>/artifacts` by default).
     *
     * @example
     * const root = await client.artifactRoot(runId); // '0/4f2a…/artifacts'
     */
    async artifactRoot(runId: string): Promise<string> {
      let cache = roots.get(this);
      if (!cache) roots.set(this, (cache = new Map()));
      const hit = cache.get(runId);
      if (hit !== undefined) return hit;
      const { run } = await this.rest.call(t.getRun, { run_id: runId });
      const uri = run.info.artifact_uri ?? '';
      const root = proxyRootOf(uri);
      if (root === undefined) {
        throw new Error(
          `The artifact URI '${uri}' of run ${runId} is not served by the tracking server's artifact proxy (start the server with --serve-artifacts and an mlflow-artifacts:/ root)`,
        );
      }
      cache.set(runId, root);
      return root;
    }

    /**
     * Lists the direct children of an artifact directory of a run (the root by default);
     * paths come back relative to the run's artifact root, as in Python.
     *
     * @example
     * const files = await client.listArtifacts(runId, 'model');
     */
    async listArtifacts(runId: string, path?: string): Promise<FileInfo[]> {
      return this.listProxyArtifacts(await this.artifactRoot(runId), path);
    }

    /**
     * Lists a directory below a proxy root (e.g. from an `mlflow-artifacts:/…` URI, see
     * proxyRootOf); paths come back relative to the root.
     *
     * @example
     * const files = await client.listProxyArtifacts('0/abc/artifacts', 'model');
     */
    async listProxyArtifacts(root: string, path?: string): Promise<FileInfo[]> {
      const query = new URLSearchParams({ path: joinArtifactPath(root, path) });
      const url = `${ARTIFACTS_ROOT}?${query.toString()}`;
      const res = await RestClient.ensureOk(
        await this.rest.request({ method: 'GET', path: url, retry: 'idempotent' }),
        ARTIFACTS_ROOT,
      );
      const body = (await res.json()) as { files?: FileInfo[] };
      return (body.files ?? []).map((f) => ({ ...f, path: joinArtifactPath(path, f.path) }));
    }

    /**
     * Uploads one artifact file from memory (or a stream factory) to `artifactFile` in the run.
     *
     * @example
     * await client.uploadArtifact(runId, 'notes/readme.txt', 'hello');
     */
    async uploadArtifact(
      runId: string,
      artifactFile: string,
      body: UploadBody,
      options: { contentType?: string; timeoutMs?: number; signal?: AbortSignal } = {},
    ): Promise<void> {
      checkArtifactFile(artifactFile);
      const path = await this.artifactProxyPath(runId, artifactFile);
      const make = typeof body === 'function' ? body : () => body as RequestInit['body'];
      const res = await this.rest.request({
        method: 'PUT',
        path,
        body: make,
        headers: { 'Content-Type': options.contentType ?? guessMimeType(artifactFile) },
        // A PUT of the same bytes to the same path is idempotent.
        retry: 'idempotent',
        timeoutMs: options.timeoutMs,
        signal: options.signal,
      });
      await RestClient.ensureOk(res, path);
      await res.body?.cancel();
    }

    /**
     * Opens a run's artifact file for reading; the body streams, nothing is buffered.
     *
     * @example
     * const res = await client.openArtifact(runId, 'model/MLmodel');
     * const text = await res.text();
     */
    async openArtifact(
      runId: string,
      artifactPath: string,
      options: { timeoutMs?: number; signal?: AbortSignal } = {},
    ): Promise<Response> {
      return this.openProxyArtifact(await this.artifactRoot(runId), artifactPath, options);
    }

    /**
     * Opens a file below a proxy root for reading (streamed).
     *
     * @example
     * const res = await client.openProxyArtifact('0/abc/artifacts', 'model/MLmodel');
     */
    async openProxyArtifact(
      root: string,
      artifactPath: string,
      options: { timeoutMs?: number; signal?: AbortSignal } = {},
    ): Promise<Response> {
      const path = `${ARTIFACTS_ROOT}/${encodePath(joinArtifactPath(root, artifactPath))}`;
      const res = await this.rest.request({ method: 'GET', path, retry: 'idempotent', ...options });
      return RestClient.ensureOk(res, path);
    }

    /**
     * Reads a text artifact (like mlflow.artifacts.load_text).
     *
     * @example
     * const notes = await client.loadText(runId, 'notes/readme.txt');
     */
    async loadText(runId: string, artifactPath: string): Promise<string> {
      return (await this.openArtifact(runId, artifactPath)).text();
    }

    /**
     * Reads a JSON artifact (like mlflow.artifacts.load_dict for .json files).
     *
     * @example
     * const config = await client.loadDict(runId, 'config.json');
     */
    async loadDict(runId: string, artifactPath: string): Promise<unknown> {
      return JSON.parse(await this.loadText(runId, artifactPath)) as unknown;
    }

    /**
     * Logs a string as a text artifact.
     *
     * @example
     * await client.logText(runId, 'training finished', 'notes.txt');
     */
    async logText(runId: string, text: string, artifactFile: string): Promise<void> {
      await this.uploadArtifact(runId, artifactFile, text);
    }

    /**
     * Logs plain data as JSON, or as YAML when the file ends in .yaml/.yml (as Python does).
     *
     * @example
     * await client.logDict(runId, { lr: 0.01, layers: [64, 32] }, 'config.yaml');
     */
    async logDict(runId: string, dictionary: unknown, artifactFile: string): Promise<void> {
      const yaml = /\.ya?ml$/i.test(artifactFile);
      const text = yaml ? dumpYaml(dictionary) : JSON.stringify(dictionary, null, 2);
      await this.uploadArtifact(runId, artifactFile, text);
    }

    /**
     * Logs PNG bytes as an image artifact (the file must end in .png).
     *
     * @example
     * await client.logImage(runId, pngBytes, 'plots/loss.png');
     */
    async logImage(runId: string, png: Uint8Array, artifactFile: string): Promise<void> {
      if (!PNG_SIGNATURE.every((b, i) => png[i] === b)) throw new TypeError('logImage expects PNG bytes');
      if (!artifactFile.toLowerCase().endsWith('.png'))
        throw new TypeError(`logImage writes PNG: '${artifactFile}' must end in .png`);
      await this.uploadArtifact(runId, artifactFile, png, { contentType: 'image/png' });
    }

    /**
     * Logs a table as MLflow's split-orient JSON (appending rows when the file exists, as
     * Python's log_table does) and records it in the run's `mlflow.loggedArtifacts` tag, which
     * MLflow's UI reads to show the table.
     *
     * @example
     * await client.logTable(runId, { prompt: ['a', 'b'], score: [0.1, 0.9] }, 'eval.json');
     */
    async logTable(runId: string, data: TableData, artifactFile: string): Promise<void> {
      if (!artifactFile.endsWith('.json')) {
        throw new TypeError(`logTable writes JSON tables: '${artifactFile}' must end in .json`);
      }
      let table = toSplit(data);
      const dir = artifactFile.includes('/')
        ? artifactFile.slice(0, artifactFile.lastIndexOf('/'))
        : undefined;
      const existing = (await this.listArtifacts(runId, dir)).some((f) => f.path === artifactFile);
      if (existing) table = appendTables((await this.loadDict(runId, artifactFile)) as SplitTable, table);
      await this.uploadArtifact(runId, artifactFile, JSON.stringify(table), {
        contentType: 'application/json',
      });
      const { run } = await this.rest.call(t.getRun, { run_id: runId });
      const current = run.data.tags?.find((tg) => tg.key === MLFLOW_LOGGED_ARTIFACTS)?.value;
      const entries = (current ? JSON.parse(current) : []) as { path: string; type: string }[];
      if (!entries.some((e) => e.path === artifactFile && e.type === 'table')) {
        entries.push({ path: artifactFile, type: 'table' });
        await this.rest.call(t.setTag, {
          run_id: runId,
          key: MLFLOW_LOGGED_ARTIFACTS,
          value: pyJsonDumps(entries),
        });
      }
    }
  };
}

/** pandas.concat of two split tables: the union of columns, missing cells null. */
function appendTables(a: SplitTable, b: SplitTable): SplitTable {
  const columns = [...new Set([...a.columns, ...b.columns])];
  const rows = (t: SplitTable) =>
    t.data.map((row) => columns.map((c) => (t.columns.includes(c) ? row[t.columns.indexOf(c)] : null)));
  return { columns, data: [...rows(a), ...rows(b)] };
}

/**
 * MLflow refuses artifact paths that climb out of the run (verify_artifact_path).
 *
 * @example
 * checkArtifactFile('../x.txt'); // throws: Invalid artifact path
 */
export function checkArtifactFile(artifactFile: string): void {
  const parts = artifactFile.split('/');
  if (
    artifactFile === '' ||
    artifactFile.endsWith('/') ||
    parts.includes('..') ||
    artifactFile.startsWith('/')
  ) {
    throw new TypeError(`Invalid artifact path: '${artifactFile}'`);
  }
  // MLflow's server refuses any path holding '#' (validate_path_is_safe); say so before uploading.
  if (artifactFile.includes('#'))
    throw new TypeError(`Invalid artifact path: '${artifactFile}' ('#' is not allowed)`);
}
