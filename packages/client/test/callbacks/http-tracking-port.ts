// A bare fetch implementation of TrackingPort for tests, independent of MlflowClient (it checks the wire, not the SDK).
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PortMetric, PortRun, TrackingPort } from '../../src/callbacks/index.js';

interface RunJson {
  run: {
    info: { run_id: string; status: string; artifact_uri: string; experiment_id: string };
    data: { tags?: { key: string; value: string }[]; metrics?: { key: string; step: number }[] };
  };
}

/** Calls the tracking API and the artifact proxy of `url` directly. */
export class HttpTrackingPort implements TrackingPort {
  constructor(readonly url: string) {}

  async api<T>(method: 'GET' | 'POST', endpoint: string, body: Record<string, unknown>): Promise<T> {
    const query =
      method === 'GET' ? `?${new URLSearchParams(body as Record<string, string>).toString()}` : '';
    const res = await fetch(`${this.url}/api/2.0/mlflow/${endpoint}${query}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(method === 'POST' && { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${endpoint}: ${res.status} ${text}`);
    return JSON.parse(text) as T;
  }

  /** A new run in a new experiment. */
  async createRun(name = `exp-${Date.now()}-${Math.random()}`): Promise<string> {
    const { experiment_id } = await this.api<{ experiment_id: string }>('POST', 'experiments/create', {
      name,
    });
    const { run } = await this.api<RunJson>('POST', 'runs/create', { experiment_id, start_time: Date.now() });
    return run.info.run_id;
  }

  async runJson(runId: string): Promise<RunJson['run']> {
    return (await this.api<RunJson>('GET', 'runs/get', { run_id: runId })).run;
  }

  async logMetrics(runId: string, metrics: PortMetric[]): Promise<void> {
    await this.api('POST', 'runs/log-batch', { run_id: runId, metrics });
  }

  async logParams(runId: string, params: Record<string, string>): Promise<void> {
    const list = Object.entries(params).map(([key, value]) => ({ key, value }));
    await this.api('POST', 'runs/log-batch', { run_id: runId, params: list });
  }

  async setTag(runId: string, key: string, value: string): Promise<void> {
    await this.api('POST', 'runs/set-tag', { run_id: runId, key, value });
  }

  async getRun(runId: string): Promise<PortRun> {
    const run = await this.runJson(runId);
    return {
      status: run.info.status,
      tags: Object.fromEntries((run.data.tags ?? []).map((t) => [t.key, t.value])),
      latestMetrics: (run.data.metrics ?? []).map((m) => ({ key: m.key, step: m.step })),
    };
  }

  /** `mlflow-artifacts:/<exp>/<run>/artifacts` → the proxy path prefix. */
  private async artifactRoot(runId: string): Promise<string> {
    const uri = (await this.runJson(runId)).info.artifact_uri;
    return uri.replace(/^mlflow-artifacts:\/*/, '');
  }

  async logArtifact(runId: string, localPath: string, artifactPath?: string): Promise<void> {
    const root = await this.artifactRoot(runId);
    const upload = async (file: string, rel: string): Promise<void> => {
      if ((await stat(file)).isDirectory()) {
        for (const entry of await readdir(file)) await upload(path.join(file, entry), `${rel}/${entry}`);
        return;
      }
      const res = await fetch(`${this.url}/api/2.0/mlflow-artifacts/artifacts/${root}/${rel}`, {
        method: 'PUT',
        body: await readFile(file),
      });
      if (!res.ok) throw new Error(`upload ${rel}: ${res.status} ${await res.text()}`);
    };
    const name = path.basename(localPath);
    await upload(localPath, artifactPath ? `${artifactPath}/${name}` : name);
  }

  /** Artifact paths (files only) under `dir` of the run, recursively. */
  async listFiles(runId: string, dir = ''): Promise<string[]> {
    const root = await this.artifactRoot(runId);
    const res = await fetch(
      `${this.url}/api/2.0/mlflow-artifacts/artifacts?path=${encodeURIComponent(dir ? `${root}/${dir}` : root)}`,
    );
    const body = (await res.json()) as { files?: { path: string; is_dir: boolean }[] };
    const out: string[] = [];
    for (const f of body.files ?? []) {
      const rel = dir ? `${dir}/${f.path}` : f.path;
      if (f.is_dir) out.push(...(await this.listFiles(runId, rel)));
      else out.push(rel);
    }
    return out.sort();
  }

  async readArtifact(runId: string, rel: string): Promise<Buffer> {
    const root = await this.artifactRoot(runId);
    const res = await fetch(`${this.url}/api/2.0/mlflow-artifacts/artifacts/${root}/${rel}`);
    if (!res.ok) throw new Error(`download ${rel}: ${res.status}`);
    return Buffer.from(await res.arrayBuffer());
  }

  async downloadArtifacts(runId: string, artifactPath: string, dstPath?: string): Promise<string> {
    const dst = dstPath ?? (await mkdtemp(path.join(tmpdir(), 'mlflow-ts-dl-')));
    const files = await this.listFiles(runId, artifactPath);
    // Listing a file answers nothing; a directory lists its files.
    const isDir = files.length > 0;
    const base = path.posix.basename(artifactPath);
    if (!isDir) {
      await writeFile(path.join(dst, base), await this.readArtifact(runId, artifactPath));
      return path.join(dst, base);
    }
    for (const f of files) {
      const local = path.join(dst, base, f.slice(artifactPath.length + 1));
      await mkdir(path.dirname(local), { recursive: true });
      await writeFile(local, await this.readArtifact(runId, f));
    }
    return path.join(dst, base);
  }
}
