// MlflowClient model registry: registered models, versions, stages, aliases, tags and searches (paged).
import { registryEndpoints as r, type ModelVersion, type RegisteredModel } from '@mlflow-ts/protocol';
import type { CoreConstructor } from './client-core.js';
import { toTags } from './experiments.js';
import { allPages, pagedList, type PagedList } from './paged-list.js';

/** Python's defaults: 100 registered models, 10000 model versions per search page. */
export const SEARCH_REGISTERED_MODEL_MAX_RESULTS_DEFAULT = 100;
export const SEARCH_MODEL_VERSION_MAX_RESULTS_DEFAULT = 10_000;

export interface RegistrySearchOptions {
  readonly filterString?: string;
  readonly maxResults?: number;
  readonly orderBy?: readonly string[];
  readonly pageToken?: string;
}

export interface CreateModelVersionOptions {
  readonly runId?: string;
  readonly tags?: Readonly<Record<string, string>>;
  readonly runLink?: string;
  readonly description?: string;
  /** The logged model this version registers (MLflow 3). */
  readonly modelId?: string;
}

const v = (version: string | number) => String(version);

/**
 * Adds the model-registry calls to a client class (a mixin; MlflowClient composes them all).
 *
 * @example
 * class MyClient extends RegistryApi(ClientCore) {}
 */
export function RegistryApi<B extends CoreConstructor>(Base: B) {
  return class RegistryApi extends Base {
    /**
     * Creates a registered model.
     *
     * @example
     * const model = await client.createRegisteredModel('fraud', { description: 'v1 detector', tags: { team: 'risk' } });
     */
    async createRegisteredModel(
      name: string,
      options: { tags?: Readonly<Record<string, string>>; description?: string } = {},
    ): Promise<RegisteredModel> {
      const res = await this.rest.call(r.createRegisteredModel, {
        name,
        tags: toTags(options.tags),
        description: options.description,
      });
      return res.registered_model;
    }

    /**
     * Fetches a registered model with its latest versions and aliases.
     *
     * @example
     * const model = await client.getRegisteredModel('fraud');
     */
    async getRegisteredModel(name: string): Promise<RegisteredModel> {
      return (await this.rest.call(r.getRegisteredModel, { name })).registered_model;
    }

    /**
     * Renames a registered model (its versions follow).
     *
     * @example
     * await client.renameRegisteredModel('fraud', 'fraud-detector');
     */
    async renameRegisteredModel(name: string, newName: string): Promise<RegisteredModel> {
      return (await this.rest.call(r.renameRegisteredModel, { name, new_name: newName })).registered_model;
    }

    /**
     * Changes a registered model's description.
     *
     * @example
     * await client.updateRegisteredModel('fraud', 'now with more features');
     */
    async updateRegisteredModel(name: string, description: string): Promise<RegisteredModel> {
      return (await this.rest.call(r.updateRegisteredModel, { name, description })).registered_model;
    }

    /**
     * Deletes a registered model and all its versions.
     *
     * @example
     * await client.deleteRegisteredModel('fraud');
     */
    async deleteRegisteredModel(name: string): Promise<void> {
      await this.rest.call(r.deleteRegisteredModel, { name });
    }

    /**
     * One page of registered models matching a filter.
     *
     * @example
     * const page = await client.searchRegisteredModels({ filterString: "name LIKE 'fraud%'" });
     */
    async searchRegisteredModels(options: RegistrySearchOptions = {}): Promise<PagedList<RegisteredModel>> {
      const res = await this.rest.call(r.searchRegisteredModels, {
        filter: options.filterString,
        max_results: options.maxResults ?? SEARCH_REGISTERED_MODEL_MAX_RESULTS_DEFAULT,
        order_by: options.orderBy ? [...options.orderBy] : undefined,
        page_token: options.pageToken,
      });
      return pagedList(res.registered_models, res.next_page_token);
    }

    /**
     * Every registered model matching a filter, page by page as you iterate.
     *
     * @example
     * for await (const m of client.iterateRegisteredModels()) console.log(m.name);
     */
    iterateRegisteredModels(
      options: Omit<RegistrySearchOptions, 'pageToken'> = {},
    ): AsyncGenerator<RegisteredModel> {
      return allPages((pageToken) => this.searchRegisteredModels({ ...options, pageToken }));
    }

    /**
     * The latest version per stage (all stages when none are given).
     *
     * @example
     * const [prod] = await client.getLatestVersions('fraud', ['Production']);
     */
    async getLatestVersions(name: string, stages: readonly string[] = []): Promise<ModelVersion[]> {
      return (await this.rest.call(r.getLatestVersions, { name, stages: [...stages] })).model_versions ?? [];
    }

    /**
     * Sets a tag on a registered model.
     *
     * @example
     * await client.setRegisteredModelTag('fraud', 'owner', 'ana');
     */
    async setRegisteredModelTag(name: string, key: string, value: string): Promise<void> {
      await this.rest.call(r.setRegisteredModelTag, { name, key, value });
    }

    /**
     * Removes a tag from a registered model.
     *
     * @example
     * await client.deleteRegisteredModelTag('fraud', 'owner');
     */
    async deleteRegisteredModelTag(name: string, key: string): Promise<void> {
      await this.rest.call(r.deleteRegisteredModelTag, { name, key });
    }

    /**
     * Points an alias (e.g. 'champion') at a version.
     *
     * @example
     * await client.setRegisteredModelAlias('fraud', 'champion', 3);
     */
    async setRegisteredModelAlias(name: string, alias: string, version: string | number): Promise<void> {
      await this.rest.call(r.setRegisteredModelAlias, { name, alias, version: v(version) });
    }

    /**
     * Removes an alias.
     *
     * @example
     * await client.deleteRegisteredModelAlias('fraud', 'champion');
     */
    async deleteRegisteredModelAlias(name: string, alias: string): Promise<void> {
      await this.rest.call(r.deleteRegisteredModelAlias, { name, alias });
    }

    /**
     * The version an alias points at.
     *
     * @example
     * const champion = await client.getModelVersionByAlias('fraud', 'champion');
     */
    async getModelVersionByAlias(name: string, alias: string): Promise<ModelVersion> {
      return (await this.rest.call(r.getModelVersionByAlias, { name, alias })).model_version;
    }

    /**
     * Registers a new version of a model from an artifact source (e.g. `runs:/<id>/model` or a
     * logged model's `models:/<model_id>`).
     *
     * @example
     * const mv = await client.createModelVersion('fraud', `runs:/${runId}/model`, { runId });
     */
    async createModelVersion(
      name: string,
      source: string,
      options: CreateModelVersionOptions = {},
    ): Promise<ModelVersion> {
      const res = await this.rest.call(r.createModelVersion, {
        name,
        source,
        run_id: options.runId,
        tags: toTags(options.tags),
        run_link: options.runLink,
        description: options.description,
        model_id: options.modelId,
      });
      return res.model_version;
    }

    /**
     * Fetches one version of a registered model.
     *
     * @example
     * const mv = await client.getModelVersion('fraud', 1);
     */
    async getModelVersion(name: string, version: string | number): Promise<ModelVersion> {
      return (await this.rest.call(r.getModelVersion, { name, version: v(version) })).model_version;
    }

    /**
     * Changes a version's description.
     *
     * @example
     * await client.updateModelVersion('fraud', 1, 'retrained on May data');
     */
    async updateModelVersion(
      name: string,
      version: string | number,
      description: string,
    ): Promise<ModelVersion> {
      return (await this.rest.call(r.updateModelVersion, { name, version: v(version), description }))
        .model_version;
    }

    /**
     * Moves a version to a stage (Staging, Production, Archived, None).
     *
     * @example
     * await client.transitionModelVersionStage('fraud', 2, 'Production', true);
     */
    async transitionModelVersionStage(
      name: string,
      version: string | number,
      stage: string,
      archiveExistingVersions = false,
    ): Promise<ModelVersion> {
      const res = await this.rest.call(r.transitionModelVersionStage, {
        name,
        version: v(version),
        stage,
        archive_existing_versions: archiveExistingVersions,
      });
      return res.model_version;
    }

    /**
     * Deletes one version.
     *
     * @example
     * await client.deleteModelVersion('fraud', 1);
     */
    async deleteModelVersion(name: string, version: string | number): Promise<void> {
      await this.rest.call(r.deleteModelVersion, { name, version: v(version) });
    }

    /**
     * Where a version's files can be downloaded from.
     *
     * @example
     * const uri = await client.getModelVersionDownloadUri('fraud', 1);
     */
    async getModelVersionDownloadUri(name: string, version: string | number): Promise<string> {
      return (
        (await this.rest.call(r.getModelVersionDownloadUri, { name, version: v(version) })).artifact_uri ?? ''
      );
    }

    /**
     * One page of model versions matching a filter (e.g. "name = 'fraud'").
     *
     * @example
     * const page = await client.searchModelVersions({ filterString: "name = 'fraud'" });
     */
    async searchModelVersions(options: RegistrySearchOptions = {}): Promise<PagedList<ModelVersion>> {
      const res = await this.rest.call(r.searchModelVersions, {
        filter: options.filterString,
        max_results: options.maxResults ?? SEARCH_MODEL_VERSION_MAX_RESULTS_DEFAULT,
        order_by: options.orderBy ? [...options.orderBy] : undefined,
        page_token: options.pageToken,
      });
      return pagedList(res.model_versions, res.next_page_token);
    }

    /**
     * Sets a tag on a model version.
     *
     * @example
     * await client.setModelVersionTag('fraud', 1, 'validated', 'yes');
     */
    async setModelVersionTag(
      name: string,
      version: string | number,
      key: string,
      value: string,
    ): Promise<void> {
      await this.rest.call(r.setModelVersionTag, { name, version: v(version), key, value });
    }

    /**
     * Removes a tag from a model version.
     *
     * @example
     * await client.deleteModelVersionTag('fraud', 1, 'validated');
     */
    async deleteModelVersionTag(name: string, version: string | number, key: string): Promise<void> {
      await this.rest.call(r.deleteModelVersionTag, { name, version: v(version), key });
    }
  };
}
