// A transfer progress bar on stderr for interactive terminals; nothing at all when stderr is not a TTY.
import type { TransferProgress } from '@mlflow-ts/client/node';
import cliProgress from 'cli-progress';

function human(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${u === 0 ? v : v.toFixed(1)} ${units[u] ?? 'B'}`;
}

export interface ProgressBar {
  readonly onProgress: ((p: TransferProgress) => void) | undefined;
  stop(): void;
}

/**
 * A bar for one transfer. `stream` defaults to stderr, so stdout stays clean for the result
 * line; a non-TTY stream (pipes, CI logs) gets no bar.
 *
 * @example
 * const bar = progressBar('Uploading');
 * await client.logArtifacts(runId, dir, undefined, { onProgress: bar.onProgress });
 * bar.stop();
 */
export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr): ProgressBar {
  if (!stream.isTTY) return { onProgress: undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: `${label} [{bar}] {percentage}% | {done} / {size} | {files} files`,
      hideCursor: true,
      clearOnComplete: false,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    onProgress(p) {
      const total = p.totalBytes ?? Math.max(p.transferredBytes, 1);
      const payload = {
        done: human(p.transferredBytes),
        size: human(total),
        files: `${p.filesDone}/${p.totalFiles}`,
      };
      if (!started) {
        bar.start(Math.max(total, 1), p.transferredBytes, payload);
        started = true;
      } else {
        bar.setTotal(Math.max(total, 1));
        bar.update(p.transferredBytes, payload);
      }
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
