// MlflowClient logged models (MLflow 3): create, get, finalize, delete, tags, params, search (paged), artifact listing.
import {
  loggedModelEndpoints as lm,
  type FileInfo,
  type LoggedModel,
  type LoggedModelStatus,
  type SearchLoggedModelsDataset,
} from '@mlflow-ts/protocol';
import type { CoreConstructor } from './client-core.js';
import { toTags } from './experiments.js';
import { pagedList, type PagedList } from './paged-list.js';

export interface CreateLoggedModelOptions {
  readonly name?: string;
  readonly sourceRunId?: string;
  readonly tags?: Readonly<Record<string, string>>;
  readonly params?: Readonly<Record<string, string>>;
  readonly modelType?: string;
}

export interface SearchLoggedModelsOptions {
  readonly filterString?: string;
  readonly datasets?: readonly SearchLoggedModelsDataset[];
  readonly maxResults?: number;
  /** e.g. `[{ field_name: 'metrics.accuracy', ascending: false }]` */
  readonly orderBy?: readonly {
    field_name: string;
    ascending?: boolean;
    dataset_name?: string;
    dataset_digest?: string;
  }[];
  readonly pageToken?: string;
}

/** Python's finalize takes READY / FAILED names too. */
function statusName(status: LoggedModelStatus | 'READY' | 'PENDING' | 'UPLOAD_FAILED'): LoggedModelStatus {
  return status.startsWith('LOGGED_MODEL_')
    ? (status as LoggedModelStatus)
    : (`LOGGED_MODEL_${status}` as LoggedModelStatus);
}

/**
 * Adds the logged-model calls to a client class (a mixin; MlflowClient composes them all).
 *
 * @example
 * class MyClient extends LoggedModelsApi(ClientCore) {}
 */
export function LoggedModelsApi<B extends CoreConstructor>(Base: B) {
  return class LoggedModelsApi extends Base {
    /**
     * Creates a logged model (PENDING until finalized) in an experiment.
     *
     * @example
     * const model = await client.createLoggedModel('0', { name: 'clf', sourceRunId: runId, params: { depth: '3' } });
     */
    async createLoggedModel(
      experimentId: string,
      options: CreateLoggedModelOptions = {},
    ): Promise<LoggedModel> {
      const res = await this.rest.call(lm.createLoggedModel, {
        experiment_id: experimentId,
        name: options.name,
        source_run_id: options.sourceRunId,
        model_type: options.modelType,
        tags: toTags(options.tags),
        params: toTags(options.params),
      });
      return res.model;
    }

    /**
     * Fetches a logged model by id.
     *
     * @example
     * const model = await client.getLoggedModel(modelId);
     */
    async getLoggedModel(modelId: string): Promise<LoggedModel> {
      return (await this.rest.call(lm.getLoggedModel, {}, { path: { model_id: modelId } })).model;
    }

    /**
     * Marks a logged model READY (or upload-failed) once its files are in place.
     *
     * @example
     * await client.finalizeLoggedModel(modelId, 'READY');
     */
    async finalizeLoggedModel(
      modelId: string,
      status: LoggedModelStatus | 'READY' | 'PENDING' | 'UPLOAD_FAILED',
    ): Promise<LoggedModel> {
      return (await this.rest.call(lm.finalizeLoggedModel, { model_id: modelId, status: statusName(status) }))
        .model;
    }

    /**
     * Deletes a logged model.
     *
     * @example
     * await client.deleteLoggedModel(modelId);
     */
    async deleteLoggedModel(modelId: string): Promise<void> {
      await this.rest.call(lm.deleteLoggedModel, {}, { path: { model_id: modelId } });
    }

    /**
     * Sets tags on a logged model.
     *
     * @example
     * await client.setLoggedModelTags(modelId, { stage: 'candidate' });
     */
    async setLoggedModelTags(modelId: string, tags: Readonly<Record<string, string>>): Promise<void> {
      await this.rest.call(lm.setLoggedModelTags, { model_id: modelId, tags: toTags(tags) });
    }

    /**
     * Removes a tag from a logged model.
     *
     * @example
     * await client.deleteLoggedModelTag(modelId, 'stage');
     */
    async deleteLoggedModelTag(modelId: string, key: string): Promise<void> {
      await this.rest.call(lm.deleteLoggedModelTag, {}, { path: { model_id: modelId, tag_key: key } });
    }

    /**
     * Logs params on a logged model.
     *
     * @example
     * await client.logModelParams(modelId, { depth: '3' });
     */
    async logModelParams(modelId: string, params: Readonly<Record<string, string>>): Promise<void> {
      await this.rest.call(lm.logLoggedModelParams, { model_id: modelId, params: toTags(params) });
    }

    /**
     * One page of logged models of some experiments matching a filter.
     *
     * @example
     * const page = await client.searchLoggedModels(['0'], { filterString: "name = 'clf'" });
     */
    async searchLoggedModels(
      experimentIds: readonly string[],
      options: SearchLoggedModelsOptions = {},
    ): Promise<PagedList<LoggedModel>> {
      const res = await this.rest.call(lm.searchLoggedModels, {
        experiment_ids: [...experimentIds],
        filter: options.filterString,
        datasets: options.datasets ? [...options.datasets] : undefined,
        max_results: options.maxResults,
        order_by: options.orderBy?.map((o) => ({
          field_name: o.field_name,
          ascending: o.ascending ?? true,
          dataset_name: o.dataset_name ?? '',
          dataset_digest: o.dataset_digest ?? '',
        })),
        page_token: options.pageToken,
      });
      return pagedList(res.models, res.next_page_token);
    }

    /**
     * Lists a logged model's artifact directory (its root by default).
     *
     * @example
     * const files = await client.listLoggedModelArtifacts(modelId);
     */
    async listLoggedModelArtifacts(modelId: string, path?: string): Promise<FileInfo[]> {
      const res = await this.rest.call(
        lm.listLoggedModelArtifacts,
        { artifact_directory_path: path },
        { path: { model_id: modelId } },
      );
      return res.files ?? [];
    }
  };
}
