// An in-memory TrackingPort that records every call and keeps uploaded files, for unit tests of the callbacks.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { PortMetric, PortRun, TrackingPort } from '../../src/callbacks/index.js';

export type RecordedCall =
  | { op: 'setTag'; key: string; value: string }
  | { op: 'logArtifact'; name: string; artifactPath: string | undefined }
  | { op: 'logMetrics'; metrics: PortMetric[] }
  | { op: 'logParams'; params: Record<string, string> }
  | { op: 'getRun'; runId: string }
  | { op: 'downloadArtifacts'; runId: string; path: string; dstPath: string | undefined };

export class RecordingPort implements TrackingPort {
  calls: RecordedCall[] = [];
  /** Uploaded file contents by artifact path. */
  files = new Map<string, string>();
  tags: Record<string, string> = {};
  status = 'RUNNING';
  latestMetrics: { key: string; step: number }[] = [];
  /** Set to make the next calls fail. */
  failWith: Error | null = null;

  private check(): void {
    if (this.failWith) throw this.failWith;
  }

  async setTag(_runId: string, key: string, value: string): Promise<void> {
    this.check();
    this.calls.push({ op: 'setTag', key, value });
    this.tags[key] = value;
  }

  async logArtifact(_runId: string, localPath: string, artifactPath?: string): Promise<void> {
    this.check();
    const name = path.basename(localPath);
    this.calls.push({ op: 'logArtifact', name, artifactPath });
    const put = async (file: string, rel: string): Promise<void> => {
      if ((await stat(file)).isDirectory()) {
        for (const e of await readdir(file)) await put(path.join(file, e), `${rel}/${e}`);
      } else {
        this.files.set(rel, await readFile(file, 'latin1'));
      }
    };
    await put(localPath, artifactPath ? `${artifactPath}/${name}` : name);
  }

  async logMetrics(_runId: string, metrics: PortMetric[]): Promise<void> {
    this.check();
    this.calls.push({ op: 'logMetrics', metrics });
  }

  async logParams(_runId: string, params: Record<string, string>): Promise<void> {
    this.check();
    this.calls.push({ op: 'logParams', params });
  }

  async getRun(runId: string): Promise<PortRun> {
    this.check();
    this.calls.push({ op: 'getRun', runId });
    return { status: this.status, tags: { ...this.tags }, latestMetrics: this.latestMetrics };
  }

  async downloadArtifacts(runId: string, p: string, dstPath?: string): Promise<string> {
    this.check();
    this.calls.push({ op: 'downloadArtifacts', runId, path: p, dstPath });
    return `${dstPath ?? '/tmp/x'}/${path.posix.basename(p)}`;
  }

  ops(): string[] {
    return this.calls.map((c) => c.op);
  }
}
