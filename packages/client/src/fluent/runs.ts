// Fluent runs: startRun (new, nested or resumed), endRun, withRun, activeRun, lastActiveRun, getRun, searchRuns.
import { trackingEndpoints, type Run, type RunStatus, type ViewType } from '@mlflow-ts/protocol';
import { tagKeys } from '../mlflow-client/index.js';
import { ActiveRun, bindActiveRunHooks } from './active-run.js';
import { installExitHooks } from './exit-hooks.js';
import { currentExperimentId } from './experiments.js';
import { connection, fluentClient, state } from './fluent-state.js';
import { resolveRunTags } from './run-context-tags.js';
import { trackingPortFor } from '../callbacks/tracking-port-for-client.js';
import { startRunSystemMetrics, stopRunSystemMetrics } from '../system-metrics/index.js';

export interface StartRunOptions {
  /** Resume this run (set RUNNING again) instead of creating one. MLFLOW_RUN_ID works too. */
  readonly runId?: string;
  readonly experimentId?: string;
  readonly runName?: string;
  /** Required to start a run while another is active: it becomes the new one's parent. */
  readonly nested?: boolean;
  readonly parentRunId?: string;
  readonly tags?: Readonly<Record<string, string>>;
  /** Stored as the mlflow.note.content tag. */
  readonly description?: string;
  /**
   * Sample CPU, memory, disk, network (and GPU) into `system/…` metrics while the run is active,
   * as Python's `log_system_metrics`; unset follows MLFLOW_ENABLE_SYSTEM_METRICS_LOGGING.
   */
  readonly logSystemMetrics?: boolean;
}

/**
 * Starts a run and makes it the active one (pushing it on the active-run stack). With no
 * `runId` a new run is created in the active experiment, carrying the tags Python's
 * start_run adds (user, source, git, run name, parent for nested runs).
 *
 * @example
 * const parent = await startRun({ runName: 'sweep' });
 * const child = await startRun({ runName: 'trial-1', nested: true });
 * await endRun(); // child
 * await endRun(); // parent
 */
export async function startRun(options: StartRunOptions = {}): Promise<ActiveRun> {
  const stack = state.runStack;
  const top = stack.at(-1);
  if (top && !options.nested) {
    throw new Error(
      `Run with UUID ${stack[0]?.info.run_id ?? top.info.run_id} is already active. To start a new run, first end the current run with endRun(). To start a nested run, call startRun with nested: true`,
    );
  }
  const client = fluentClient();
  const userTags: Record<string, string> = { ...options.tags };
  if (options.description !== undefined) {
    if (tagKeys.MLFLOW_RUN_NOTE in userTags) {
      throw new Error(
        `Description is already set via the tag ${tagKeys.MLFLOW_RUN_NOTE} in tags. Remove it from the tags or omit the description.`,
      );
    }
    userTags[tagKeys.MLFLOW_RUN_NOTE] = options.description;
  }
  let run: Run;
  const envRunId = process.env.MLFLOW_RUN_ID || undefined;
  const existing = options.runId ?? envRunId;
  if (options.runId === undefined && envRunId !== undefined) delete process.env.MLFLOW_RUN_ID;
  if (existing !== undefined) {
    run = await resume(existing, options.runName, userTags);
  } else {
    let parentRunId = options.parentRunId;
    if (parentRunId !== undefined) {
      if (top && top.info.run_id !== parentRunId) {
        throw new Error(
          `Current run with UUID ${top.info.run_id} does not match the specified parent_run_id ${parentRunId}. To start a new nested run under the parent run with UUID ${top.info.run_id}, first end the current run with endRun().`,
        );
      }
      const parent = await client.getRun(parentRunId);
      if (parent.info.lifecycle_stage === 'deleted') {
        throw new Error(
          `Cannot start run under parent run with ID ${parentRunId} because it is in the deleted state.`,
        );
      }
    } else parentRunId = top?.info.run_id;
    if (parentRunId !== undefined) userTags[tagKeys.MLFLOW_PARENT_RUN_ID] = parentRunId;
    if (options.runName) userTags[tagKeys.MLFLOW_RUN_NAME] = options.runName;
    const experimentId = options.experimentId ?? (await currentExperimentId());
    run = await client.createRun(experimentId, { tags: resolveRunTags(userTags), runName: options.runName });
  }
  stack.push(run);
  installExitHooks();
  await startRunSystemMetrics(run.info.run_id, trackingPortFor(client), {
    ...(options.logSystemMetrics !== undefined && { logSystemMetrics: options.logSystemMetrics }),
    resumed: existing !== undefined,
  });
  return new ActiveRun(run);
}

async function resume(
  runId: string,
  runName: string | undefined,
  tags: Record<string, string>,
): Promise<Run> {
  const client = fluentClient();
  const run = await client.getRun(runId);
  if (state.activeExperimentId !== undefined && state.activeExperimentId !== run.info.experiment_id) {
    throw new Error(
      `Cannot start run with ID ${runId} because active experiment ID does not match environment run ID. Make sure the experiment set with setExperiment() is the run's.`,
    );
  }
  if (run.info.lifecycle_stage === 'deleted') {
    throw new Error(`Cannot start run with ID ${runId} because it is in the deleted state.`);
  }
  await client.rest.call(trackingEndpoints.updateRun, {
    run_id: runId,
    status: 'RUNNING',
    end_time: run.info.end_time,
    run_name: runName,
  });
  if (Object.keys(tags).length > 0) await client.logBatch(runId, { tags });
  return client.getRun(runId);
}

/**
 * Ends the innermost active run: waits for its queued metrics/params/tags to be written, then
 * sets its status (FINISHED by default) and end time. Does nothing when no run is active.
 * Rejects with the server's error if queued values could not be written (the run is ended
 * all the same).
 *
 * @example
 * await endRun('KILLED');
 */
export async function endRun(status: RunStatus = 'FINISHED'): Promise<void> {
  const run = state.runStack.pop();
  if (!run) return;
  const { client, logger } = connection();
  state.lastActiveRunId = run.info.run_id;
  let flushError: unknown;
  try {
    await logger.flush();
  } catch (e) {
    flushError = e;
  }
  // The monitor's last samples belong to the run, so it stops before the run is marked ended.
  await stopRunSystemMetrics(run.info.run_id);
  await client.setTerminated(run.info.run_id, status);
  if (flushError !== undefined) throw flushError;
}

/**
 * Runs `fn` inside a new run: FINISHED when it resolves, FAILED when it throws (the error is
 * rethrown), like Python's `with mlflow.start_run():`.
 *
 * @example
 * const acc = await withRun({ runName: 'train' }, async (run) => {
 *   await logParam('lr', 0.01);
 *   return 0.93;
 * });
 */
export async function withRun<T>(
  options: StartRunOptions,
  fn: (run: ActiveRun) => Promise<T> | T,
): Promise<T>;
export async function withRun<T>(fn: (run: ActiveRun) => Promise<T> | T): Promise<T>;
export async function withRun<T>(
  a: StartRunOptions | ((run: ActiveRun) => Promise<T> | T),
  b?: (run: ActiveRun) => Promise<T> | T,
): Promise<T> {
  const options = typeof a === 'function' ? {} : a;
  const fn = (typeof a === 'function' ? a : b) as (run: ActiveRun) => Promise<T> | T;
  const run = await startRun(options);
  let result: T;
  try {
    result = await fn(run);
  } catch (e) {
    await run.end('FAILED').catch(() => undefined);
    throw e;
  }
  await run.end('FINISHED');
  return result;
}

/**
 * The innermost active run, or undefined (as of when it was started; use getRun for fresh data).
 *
 * @example
 * const run = activeRun();
 * if (run) console.log(run.info.run_id);
 */
export function activeRun(): ActiveRun | undefined {
  const top = state.runStack.at(-1);
  return top ? new ActiveRun(top) : undefined;
}

/**
 * The most recently ended run, fetched fresh from the server, or undefined.
 *
 * @example
 * await withRun(async () => logMetric('m', 1));
 * const last = await lastActiveRun();
 */
export async function lastActiveRun(): Promise<Run | undefined> {
  const id = state.runStack.at(-1)?.info.run_id ?? state.lastActiveRunId;
  return id === undefined ? undefined : fluentClient().getRun(id);
}

/**
 * Fetches a run by id.
 *
 * @example
 * const run = await getRun(runId);
 */
export function getRun(runId: string): Promise<Run> {
  return fluentClient().getRun(runId);
}

export interface FluentSearchRunsOptions {
  /** The active experiment by default. */
  readonly experimentIds?: readonly string[];
  readonly experimentNames?: readonly string[];
  readonly filterString?: string;
  readonly runViewType?: ViewType;
  /** 100000 by default, as Python's search_runs. */
  readonly maxResults?: number;
  readonly orderBy?: readonly string[];
}

/**
 * Every run matching a search (all pages, up to `maxResults`), as a list.
 *
 * @example
 * const runs = await searchRuns({ filterString: "params.lr = '0.01'", orderBy: ['metrics.acc DESC'] });
 */
export async function searchRuns(options: FluentSearchRunsOptions = {}): Promise<Run[]> {
  const client = fluentClient();
  const ids = [...(options.experimentIds ?? [])];
  for (const name of options.experimentNames ?? []) {
    const exp = await client.getExperimentByName(name);
    if (exp) ids.push(exp.experiment_id);
  }
  if (ids.length === 0 && options.experimentNames === undefined) ids.push(await currentExperimentId());
  if (ids.length === 0) return [];
  const max = options.maxResults ?? 100_000;
  const out: Run[] = [];
  let pageToken: string | undefined;
  do {
    const page = await client.searchRuns(ids, {
      filterString: options.filterString,
      runViewType: options.runViewType,
      orderBy: options.orderBy,
      maxResults: Math.min(max - out.length, 50_000),
      pageToken,
    });
    out.push(...page.items);
    pageToken = page.token;
  } while (pageToken !== undefined && out.length < max);
  return out;
}

bindActiveRunHooks(endRun, (runId) => state.runStack.some((r) => r.info.run_id === runId));
