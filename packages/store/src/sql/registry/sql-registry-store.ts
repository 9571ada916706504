// The RegistryStore over MLflow's registry tables: each method delegates to its area module.
import type { ModelVersion, ModelVersionTag, RegisteredModel, RegisteredModelTag } from '@mlflow-ts/protocol';
import type {
  CreateModelVersionInput,
  CreateRegisteredModelInput,
  RegistryStore,
  SearchRegistryInput,
} from '../../registry-store.js';
import type { Page } from '../../tracking-store.js';
import type { StoreContext } from '../context.js';
import * as aliases from './aliases.js';
import * as versions from './model-versions.js';
import * as models from './registered-models.js';
import * as tags from './registry-tags.js';
import * as search from './search.js';

export class SqlRegistryStore implements RegistryStore {
  // Methods are async so that validation errors thrown before any query become rejections.
  constructor(private readonly ctx: StoreContext) {}

  async createRegisteredModel(input: CreateRegisteredModelInput): Promise<RegisteredModel> {
    return models.createRegisteredModel(this.ctx, input);
  }
  async getRegisteredModel(name: string): Promise<RegisteredModel> {
    return models.getRegisteredModel(this.ctx, name);
  }
  async renameRegisteredModel(name: string, newName: string): Promise<RegisteredModel> {
    return models.renameRegisteredModel(this.ctx, name, newName);
  }
  async updateRegisteredModel(name: string, description: string): Promise<RegisteredModel> {
    return models.updateRegisteredModel(this.ctx, name, description);
  }
  async deleteRegisteredModel(name: string): Promise<void> {
    return models.deleteRegisteredModel(this.ctx, name);
  }
  async searchRegisteredModels(input: SearchRegistryInput): Promise<Page<RegisteredModel>> {
    return search.searchRegisteredModels(this.ctx, input);
  }
  async getLatestVersions(name: string, stages: readonly string[]): Promise<ModelVersion[]> {
    return models.getLatestVersions(this.ctx, name, stages);
  }
  async setRegisteredModelTag(name: string, tag: RegisteredModelTag): Promise<void> {
    return tags.setRegisteredModelTag(this.ctx, name, tag);
  }
  async deleteRegisteredModelTag(name: string, key: string): Promise<void> {
    return tags.deleteRegisteredModelTag(this.ctx, name, key);
  }

  async createModelVersion(input: CreateModelVersionInput): Promise<ModelVersion> {
    return versions.createModelVersion(this.ctx, input);
  }
  async getModelVersion(name: string, version: string): Promise<ModelVersion> {
    return versions.getModelVersion(this.ctx, name, version);
  }
  async updateModelVersion(
    name: string,
    version: string,
    description: string | undefined,
  ): Promise<ModelVersion> {
    return versions.updateModelVersion(this.ctx, name, version, description);
  }
  async transitionModelVersionStage(
    name: string,
    version: string,
    stage: string,
    archiveExistingVersions: boolean,
  ): Promise<ModelVersion> {
    return versions.transitionModelVersionStage(this.ctx, name, version, stage, archiveExistingVersions);
  }
  async deleteModelVersion(name: string, version: string): Promise<void> {
    return versions.deleteModelVersion(this.ctx, name, version);
  }
  async getModelVersionDownloadUri(name: string, version: string): Promise<string> {
    return versions.getModelVersionDownloadUri(this.ctx, name, version);
  }
  async searchModelVersions(input: SearchRegistryInput): Promise<Page<ModelVersion>> {
    return search.searchModelVersions(this.ctx, input);
  }
  async setModelVersionTag(name: string, version: string, tag: ModelVersionTag): Promise<void> {
    return tags.setModelVersionTag(this.ctx, name, version, tag);
  }
  async deleteModelVersionTag(name: string, version: string, key: string): Promise<void> {
    return tags.deleteModelVersionTag(this.ctx, name, version, key);
  }

  async setRegisteredModelAlias(name: string, alias: string, version: string): Promise<void> {
    return aliases.setRegisteredModelAlias(this.ctx, name, alias, version);
  }
  async deleteRegisteredModelAlias(name: string, alias: string): Promise<void> {
    return aliases.deleteRegisteredModelAlias(this.ctx, name, alias);
  }
  async getModelVersionByAlias(name: string, alias: string): Promise<ModelVersion> {
    return aliases.getModelVersionByAlias(this.ctx, name, alias);
  }
}
