// Run rules of MLflow's handlers: create/update arguments as the store expects them, search parsing.
import {
  parseRunsFilter,
  parseRunsOrderBy,
  validateSearchRunsMaxResults,
  type Run,
  type RunInfo,
  type RunStatus,
  type RunTag,
  type ViewType,
} from '@mlflow-ts/protocol';
import type { Page, TrackingStore } from '@mlflow-ts/store';

export interface CreateRunCommand {
  experimentId: string;
  userId: string;
  runName: string;
  startTime: number;
  tags: RunTag[];
}

export interface UpdateRunCommand {
  status?: RunStatus;
  endTime?: number;
  runName?: string;
}

export interface SearchRunsCommand {
  experimentIds: string[];
  filter: string;
  viewType: ViewType;
  maxResults: number;
  orderBy: string[];
  pageToken: string;
}

export class RunsService {
  constructor(private readonly store: TrackingStore) {}

  /**
   * MLflow passes the message's values as they are: an absent user_id is "" and an absent
   * start_time is 0 (the Python client always sends both). Tags are not validated here: MLflow's
   * create_run stores them unchecked.
   */
  create(command: CreateRunCommand): Promise<Run> {
    return this.store.createRun({
      experimentId: command.experimentId,
      userId: command.userId,
      startTime: command.startTime,
      runName: command.runName || undefined,
      tags: command.tags,
    });
  }

  update(runId: string, command: UpdateRunCommand): Promise<RunInfo> {
    return this.store.updateRun(runId, command);
  }

  get(runId: string): Promise<Run> {
    return this.store.getRun(runId);
  }

  delete(runId: string): Promise<void> {
    return this.store.deleteRun(runId);
  }

  restore(runId: string): Promise<void> {
    return this.store.restoreRun(runId);
  }

  /** max_results is checked before the filter is parsed, as MLflow's store does. */
  search(command: SearchRunsCommand): Promise<Page<Run>> {
    validateSearchRunsMaxResults(command.maxResults);
    return this.store.searchRuns({
      experimentIds: command.experimentIds,
      filter: parseRunsFilter(command.filter),
      viewType: command.viewType,
      maxResults: command.maxResults,
      orderBy: parseRunsOrderBy(command.orderBy),
      pageToken: command.pageToken || undefined,
    });
  }
}
