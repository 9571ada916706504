// Progress reports of file and directory transfers (the CLI draws its bars from these).

export interface TransferProgress {
  /** Bytes moved so far over the whole transfer. */
  readonly transferredBytes: number;
  /** Total bytes when known (sizes come from the local files or the server's listing). */
  readonly totalBytes: number | undefined;
  readonly filesDone: number;
  readonly totalFiles: number;
}

export interface TransferOptions {
  /** Called as bytes move; keep it cheap. */
  readonly onProgress?: (progress: TransferProgress) => void;
  /** Files in flight at once for directories (4 by default). */
  readonly concurrency?: number;
  readonly signal?: AbortSignal;
}

/**
 * Accumulates byte and file counts and reports each change.
 *
 * @example
 * const t = new ProgressTracker(1024, 1, console.log);
 * t.bytes(512);
 * t.fileDone();
 */
export class ProgressTracker {
  #bytes = 0;
  #files = 0;
  constructor(
    private readonly totalBytes: number | undefined,
    private readonly totalFiles: number,
    private readonly report: ((p: TransferProgress) => void) | undefined,
  ) {}

  bytes(n: number): void {
    this.#bytes += n;
    this.#emit();
  }

  fileDone(): void {
    this.#files += 1;
    this.#emit();
  }

  #emit(): void {
    this.report?.({
      transferredBytes: this.#bytes,
      totalBytes: this.totalBytes,
      filesDone: this.#files,
      totalFiles: this.totalFiles,
    });
  }
}
