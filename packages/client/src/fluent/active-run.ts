// ActiveRun: the run startRun answers; disposing it (`await using`) ends it like Python's `with mlflow.start_run()`.
import type { Run, RunData, RunInfo, RunInputs, RunOutputs, RunStatus } from '@mlflow-ts/protocol';

/** Ends the innermost active run; set by runs.ts (kept as a hook to avoid an import cycle). */
let endActive: ((status: RunStatus) => Promise<void>) | undefined;
let isActive: ((runId: string) => boolean) | undefined;

/**
 * Connects ActiveRun to the run stack of runs.ts (called once there).
 *
 * @example
 * bindActiveRunHooks(endRun, (id) => state.runStack.some((r) => r.info.run_id === id));
 */
export function bindActiveRunHooks(
  end: (status: RunStatus) => Promise<void>,
  active: (runId: string) => boolean,
): void {
  endActive = end;
  isActive = active;
}

/**
 * A started run: the Run as created (or resumed), plus disposal. `await using` ends it
 * FINISHED when the block exits; JavaScript gives a disposer no view of a thrown error, so for
 * FAILED-on-throw use `withRun` (or call `endRun('FAILED')` in your catch before leaving).
 *
 * @example
 * {
 *   await using run = await startRun({ runName: 'train' });
 *   await logMetric('loss', 0.1);
 * } // ended FINISHED here
 */
export class ActiveRun implements Run, AsyncDisposable {
  readonly info: RunInfo;
  readonly data: RunData;
  readonly inputs: RunInputs | undefined;
  readonly outputs: RunOutputs | undefined;

  constructor(run: Run) {
    this.info = run.info;
    this.data = run.data;
    this.inputs = run.inputs;
    this.outputs = run.outputs;
  }

  get runId(): string {
    return this.info.run_id;
  }

  /** Ends the innermost active run if this run is still active (Python's ActiveRun.__exit__). */
  async end(status: RunStatus = 'FINISHED'): Promise<void> {
    if (isActive?.(this.info.run_id)) await endActive?.(status);
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.end('FINISHED');
  }
}
