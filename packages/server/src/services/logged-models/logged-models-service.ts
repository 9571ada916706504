// Logged-model rules of MLflow's handlers: empty fields as "not given", search parsing and page tokens.
import {
  MlflowError,
  decodeLoggedModelsPageToken,
  encodeLoggedModelsPageToken,
  parseLoggedModelsFilter,
  parseLoggedModelsOrderBy,
  type LoggedModel,
  type LoggedModelParameter,
  type LoggedModelStatus,
  type LoggedModelTag,
  type LoggedModelsOrderByEntry,
  type SearchLoggedModelsDataset,
  type SearchLoggedModelsOrderBy,
} from '@mlflow-ts/protocol';
import type { TrackingStore } from '@mlflow-ts/store';

export interface CreateLoggedModelCommand {
  experimentId: string;
  name: string;
  modelType: string;
  sourceRunId: string;
  params: LoggedModelParameter[];
  tags: LoggedModelTag[];
}

export interface SearchLoggedModelsCommand {
  experimentIds: string[];
  filter: string;
  datasets: SearchLoggedModelsDataset[];
  maxResults: number;
  orderBy: SearchLoggedModelsOrderBy[];
  pageToken: string;
}

export interface LoggedModelsPage {
  models: LoggedModel[];
  nextPageToken?: string;
}

/** MLflow's store default when the request's max_results is 0 (`max_results or None`). */
const DEFAULT_MAX_RESULTS = 100;

export class LoggedModelsService {
  constructor(private readonly store: TrackingStore) {}

  create(command: CreateLoggedModelCommand): Promise<LoggedModel> {
    return this.store.loggedModels.createLoggedModel({
      experimentId: command.experimentId,
      name: command.name || undefined,
      modelType: command.modelType,
      sourceRunId: command.sourceRunId,
      params: command.params,
      tags: command.tags,
    });
  }

  get(modelId: string, allowDeleted: boolean): Promise<LoggedModel> {
    return this.store.loggedModels.getLoggedModel(modelId, allowDeleted);
  }

  finalize(modelId: string, status: LoggedModelStatus): Promise<LoggedModel> {
    return this.store.loggedModels.finalizeLoggedModel(modelId, status);
  }

  delete(modelId: string): Promise<void> {
    return this.store.loggedModels.deleteLoggedModel(modelId);
  }

  setTags(modelId: string, tags: LoggedModelTag[]): Promise<void> {
    return this.store.loggedModels.setLoggedModelTags(modelId, tags);
  }

  deleteTag(modelId: string, key: string): Promise<void> {
    return this.store.loggedModels.deleteLoggedModelTag(modelId, key);
  }

  logParams(modelId: string, params: LoggedModelParameter[]): Promise<void> {
    return this.store.loggedModels.logLoggedModelParams(modelId, params);
  }

  /**
   * MLflow's order: the datasets need names, then the page token must belong to this very
   * request, then the filter and order_by are parsed, then the store searches.
   */
  async search(command: SearchLoggedModelsCommand): Promise<LoggedModelsPage> {
    if (command.datasets.some((d) => !d.dataset_name)) {
      throw MlflowError.invalidParameter('`dataset_name` in the `datasets` clause must be specified.');
    }
    // The handler turns empty strings into None; the token records exactly that.
    const orderBy: LoggedModelsOrderByEntry[] = command.orderBy.map((o) => ({
      field_name: o.field_name,
      ascending: o.ascending,
      dataset_name: o.dataset_name || null,
      dataset_digest: o.dataset_digest || null,
    }));
    const tokenRequest = {
      experimentIds: command.experimentIds,
      filter: command.filter || null,
      orderBy: orderBy.length > 0 ? orderBy : null,
    };
    const offset = command.pageToken ? decodeLoggedModelsPageToken(command.pageToken, tokenRequest) : 0;
    const maxResults = command.maxResults || DEFAULT_MAX_RESULTS;
    const filter = parseLoggedModelsFilter(command.filter);
    const page = await this.store.loggedModels.searchLoggedModels({
      experimentIds: command.experimentIds,
      filter,
      datasets: command.datasets.map((d) => ({ name: d.dataset_name, digest: d.dataset_digest || null })),
      orderBy: parseLoggedModelsOrderBy(
        orderBy.map((o) => ({
          fieldName: o.field_name,
          ascending: o.ascending,
          datasetName: o.dataset_name,
          datasetDigest: o.dataset_digest,
        })),
      ),
      offset,
      maxResults,
    });
    const result: LoggedModelsPage = { models: page.items };
    if (page.hasMore) result.nextPageToken = encodeLoggedModelsPageToken(tokenRequest, offset + maxResults);
    return result;
  }
}
