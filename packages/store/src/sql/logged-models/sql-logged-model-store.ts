// The LoggedModelStore over MLflow's logged_models tables: each method delegates to its module.
import type {
  LoggedModel,
  LoggedModelParameter,
  LoggedModelStatus,
  LoggedModelTag,
} from '@mlflow-ts/protocol';
import type {
  CreateLoggedModelInput,
  LoggedModelPage,
  LoggedModelStore,
  SearchLoggedModelsInput,
} from '../../logged-model-store.js';
import { inReadTransaction, type StoreContext } from '../context.js';
import { loadModelRow, toLoggedModels } from './rows.js';
import { searchLoggedModels } from './search.js';
import { withModelTables } from './tables.js';
import * as writes from './writes.js';

export class SqlLoggedModelStore implements LoggedModelStore {
  constructor(private readonly ctx: StoreContext) {}

  async createLoggedModel(input: CreateLoggedModelInput): Promise<LoggedModel> {
    return writes.createLoggedModel(this.ctx, input);
  }
  async getLoggedModel(modelId: string, allowDeleted = false): Promise<LoggedModel> {
    return inReadTransaction(this.ctx, async (tx) => {
      const db = withModelTables(tx);
      const [model] = await toLoggedModels(db, [await loadModelRow(db, modelId, allowDeleted)]);
      return model as LoggedModel;
    });
  }
  async finalizeLoggedModel(modelId: string, status: LoggedModelStatus): Promise<LoggedModel> {
    return writes.finalizeLoggedModel(this.ctx, modelId, status);
  }
  async deleteLoggedModel(modelId: string): Promise<void> {
    return writes.deleteLoggedModel(this.ctx, modelId);
  }
  async setLoggedModelTags(modelId: string, tags: LoggedModelTag[]): Promise<void> {
    return writes.setLoggedModelTags(this.ctx, modelId, tags);
  }
  async deleteLoggedModelTag(modelId: string, key: string): Promise<void> {
    return writes.deleteLoggedModelTag(this.ctx, modelId, key);
  }
  async logLoggedModelParams(modelId: string, params: LoggedModelParameter[]): Promise<void> {
    return writes.logLoggedModelParams(this.ctx, modelId, params);
  }
  async searchLoggedModels(input: SearchLoggedModelsInput): Promise<LoggedModelPage> {
    return searchLoggedModels(this.ctx, input);
  }
}
