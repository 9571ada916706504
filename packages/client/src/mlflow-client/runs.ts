// MlflowClient runs: create, get, update, terminate, delete, restore, search (paged), parent lookup.
import {
  trackingEndpoints as t,
  type Run,
  type RunInfo,
  type RunStatus,
  type ViewType,
} from '@mlflow-ts/protocol';
import type { CoreConstructor } from './client-core.js';
import { SEARCH_MAX_RESULTS_DEFAULT, toTags } from './experiments.js';
import { allPages, pagedList, type PagedList } from './paged-list.js';
import { MLFLOW_PARENT_RUN_ID, MLFLOW_USER } from './tag-keys.js';

export interface CreateRunOptions {
  /** Epoch milliseconds; now by default. */
  readonly startTime?: number;
  readonly tags?: Readonly<Record<string, string>>;
  readonly runName?: string;
}

export interface SearchRunsOptions {
  readonly filterString?: string;
  readonly runViewType?: ViewType;
  readonly maxResults?: number;
  readonly orderBy?: readonly string[];
  readonly pageToken?: string;
}

/**
 * Adds the run calls to a client class (a mixin; MlflowClient composes them all).
 *
 * @example
 * class MyClient extends RunsApi(ClientCore) {}
 */
export function RunsApi<B extends CoreConstructor>(Base: B) {
  return class RunsApi extends Base {
    /**
     * Creates a run in an experiment. Like Python's client, the run's user is the `mlflow.user`
     * tag when given ('unknown' otherwise); it sets no other tags (the fluent startRun does).
     *
     * @example
     * const run = await client.createRun('0', { runName: 'baseline', tags: { stage: 'dev' } });
     */
    async createRun(experimentId: string, options: CreateRunOptions = {}): Promise<Run> {
      const tags = options.tags ?? {};
      const res = await this.rest.call(t.createRun, {
        experiment_id: experimentId,
        user_id: tags[MLFLOW_USER] ?? 'unknown',
        start_time: options.startTime ?? Date.now(),
        tags: toTags(tags),
        run_name: options.runName,
      });
      return res.run;
    }

    /**
     * Fetches a run with its metrics (latest values), params, tags, inputs and outputs.
     *
     * @example
     * const { info, data } = await client.getRun(runId);
     */
    async getRun(runId: string): Promise<Run> {
      return (await this.rest.call(t.getRun, { run_id: runId })).run;
    }

    /**
     * Changes a run's status and/or name; does nothing when neither is given (as in Python).
     *
     * @example
     * await client.updateRun(runId, { name: 'renamed' });
     */
    async updateRun(
      runId: string,
      changes: { status?: RunStatus; name?: string },
    ): Promise<RunInfo | undefined> {
      if (changes.status === undefined && changes.name === undefined) return undefined;
      const res = await this.rest.call(t.updateRun, {
        run_id: runId,
        status: changes.status,
        run_name: changes.name,
      });
      return res.run_info;
    }

    /**
     * Ends a run: status FINISHED unless given, end time now unless given.
     *
     * @example
     * await client.setTerminated(runId, 'FAILED');
     */
    async setTerminated(
      runId: string,
      status: RunStatus = 'FINISHED',
      endTime: number = Date.now(),
    ): Promise<RunInfo> {
      const res = await this.rest.call(t.updateRun, { run_id: runId, status, end_time: endTime });
      return res.run_info;
    }

    /**
     * Marks a run deleted.
     *
     * @example
     * await client.deleteRun(runId);
     */
    async deleteRun(runId: string): Promise<void> {
      await this.rest.call(t.deleteRun, { run_id: runId });
    }

    /**
     * Restores a deleted run.
     *
     * @example
     * await client.restoreRun(runId);
     */
    async restoreRun(runId: string): Promise<void> {
      await this.rest.call(t.restoreRun, { run_id: runId });
    }

    /**
     * One page of runs of the given experiments matching a filter.
     *
     * @example
     * const page = await client.searchRuns(['0'], { filterString: 'metrics.acc > 0.9', orderBy: ['metrics.acc DESC'] });
     */
    async searchRuns(
      experimentIds: string | readonly string[],
      options: SearchRunsOptions = {},
    ): Promise<PagedList<Run>> {
      const res = await this.rest.call(t.searchRuns, {
        experiment_ids: typeof experimentIds === 'string' ? [experimentIds] : [...experimentIds],
        filter: options.filterString ?? '',
        run_view_type: options.runViewType ?? 'ACTIVE_ONLY',
        max_results: options.maxResults ?? SEARCH_MAX_RESULTS_DEFAULT,
        order_by: options.orderBy ? [...options.orderBy] : undefined,
        page_token: options.pageToken,
      });
      return pagedList(res.runs, res.next_page_token);
    }

    /**
     * Every run matching a search, fetched page by page as you iterate.
     *
     * @example
     * for await (const run of client.iterateRuns(['0'], { filterString: "tags.stage = 'dev'" })) console.log(run.info.run_name);
     */
    iterateRuns(
      experimentIds: string | readonly string[],
      options: Omit<SearchRunsOptions, 'pageToken'> = {},
    ): AsyncGenerator<Run> {
      return allPages((pageToken) => this.searchRuns(experimentIds, { ...options, pageToken }));
    }

    /**
     * The parent of a nested run (from its `mlflow.parentRunId` tag), or undefined.
     *
     * @example
     * const parent = await client.getParentRun(childRunId);
     */
    async getParentRun(runId: string): Promise<Run | undefined> {
      const run = await this.getRun(runId);
      const parentId = run.data.tags?.find((tag) => tag.key === MLFLOW_PARENT_RUN_ID)?.value;
      return parentId === undefined ? undefined : this.getRun(parentId);
    }
  };
}
