// Copies committed WAL pages back into a SQLite database file on a worker thread, off the event loop.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/**
 * Why: SQLite's automatic checkpoint runs inside the COMMIT that crosses the threshold, on the
 * thread that committed. For a stream of 1000-point batches that was ~13% of the write path's time
 * (bench/sqlite-floor.ts, `nockpt`), all of it on the one thread that also parses every request.
 * A second connection on a worker thread runs PASSIVE checkpoints instead: they never block the
 * writer or readers, and fail fast (SQLITE_BUSY) when one is already running.
 *
 * The main connection keeps its own autocheckpoint as the backstop: if the worker falls behind or
 * dies, the WAL still stops growing at the same bound as before.
 */

/** Least time between two checkpoint requests while writes keep coming. */
const INTERVAL_MS = 100;
/** How long closing waits for the worker to let go of its connection. */
const CLOSE_WAIT_MS = 5_000;

// Plain CommonJS, run with `eval`, so the same code serves the TypeScript sources and the built
// package alike. The worker gets the path of better-sqlite3 as its parent resolved it.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const closed = new Int32Array(workerData.closed);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('synchronous = NORMAL');
const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
parentPort.on('message', (message) => {
  if (message === 'checkpoint') {
    try { checkpoint.get(); } catch { /* busy or gone: the next request, or the backstop, retries */ }
    parentPort.postMessage('done');
    return;
  }
  db.close();
  Atomics.store(closed, 0, 1);
  Atomics.notify(closed, 0);
  parentPort.close();
});
`;

const driverPath = (): string => createRequire(import.meta.url).resolve('better-sqlite3');

export class WalCheckpointer {
  readonly #file: string;
  readonly #totalChanges: Database.Statement;
  #changesSeen = 0;
  #worker: Worker | undefined;
  #closed = new Int32Array(new SharedArrayBuffer(4));
  #pending = false;
  #lastRequestAt = -Infinity;
  #stopped = false;

  /** `handle` is the main connection to `file`, whose commits this follows. */
  constructor(file: string, handle: Database.Database) {
    this.#file = file;
    this.#totalChanges = handle.prepare('SELECT total_changes()').pluck();
  }

  /**
   * Called after every write commit: asks for a checkpoint unless one is running or was asked
   * for moments ago. The worker starts on the first commit that changed rows, so a server that
   * only reads never pays for it (every start commits the schema check, which changes nothing).
   */
  committed(): void {
    if (this.#pending || this.#stopped) return;
    const now = performance.now();
    if (now - this.#lastRequestAt < INTERVAL_MS) return;
    const changes = this.#totalChanges.get() as number;
    if (changes === this.#changesSeen) return;
    this.#changesSeen = changes;
    this.#lastRequestAt = now;
    const worker = this.#worker ?? this.#start();
    if (!worker) return;
    this.#pending = true;
    worker.postMessage('checkpoint');
  }

  /**
   * Lets go of the worker's connection before the caller closes its own, so the caller's close
   * is the last one and SQLite folds the WAL into the file and removes it, as without a worker.
   */
  close(): void {
    this.#stopped = true;
    const worker = this.#worker;
    if (!worker) return;
    this.#worker = undefined;
    worker.postMessage('close');
    Atomics.wait(this.#closed, 0, 0, CLOSE_WAIT_MS);
    void worker.terminate();
  }

  #start(): Worker | undefined {
    try {
      const worker = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: { file: this.#file, driver: driverPath(), closed: this.#closed.buffer },
      });
      // Never what keeps a process alive; a server stops by closing its store anyway.
      worker.unref();
      worker.on('message', () => {
        this.#pending = false;
      });
      // A worker that cannot open the file or dies leaves checkpoints to the main connection.
      worker.on('error', () => this.#giveUp(worker));
      worker.on('exit', () => this.#giveUp(worker));
      this.#worker = worker;
      return worker;
    } catch {
      this.#stopped = true;
      return undefined;
    }
  }

  #giveUp(worker: Worker): void {
    if (this.#worker !== worker) return;
    this.#worker = undefined;
    this.#stopped = true;
  }
}
