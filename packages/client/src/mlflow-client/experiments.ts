// MlflowClient experiments: create, get, get-by-name, search (paged), delete, restore, rename, tags.
import { trackingEndpoints as t, type Experiment, type ViewType } from '@mlflow-ts/protocol';
import { MlflowRestError } from '../rest/index.js';
import type { CoreConstructor } from './client-core.js';
import { allPages, pagedList, type PagedList } from './paged-list.js';

/** MLflow's SEARCH_MAX_RESULTS_DEFAULT for experiments and runs. */
export const SEARCH_MAX_RESULTS_DEFAULT = 1000;

export interface SearchExperimentsOptions {
  readonly viewType?: ViewType;
  readonly maxResults?: number;
  readonly filterString?: string;
  readonly orderBy?: readonly string[];
  readonly pageToken?: string;
}

export interface CreateExperimentOptions {
  readonly artifactLocation?: string;
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * Adds the experiment calls to a client class (a mixin; MlflowClient composes them all).
 *
 * @example
 * class MyClient extends ExperimentsApi(ClientCore) {}
 */
export function ExperimentsApi<B extends CoreConstructor>(Base: B) {
  return class ExperimentsApi extends Base {
    /**
     * Creates an experiment and returns its id.
     *
     * @example
     * const id = await client.createExperiment('fraud', { tags: { team: 'risk' } });
     */
    async createExperiment(name: string, options: CreateExperimentOptions = {}): Promise<string> {
      const res = await this.rest.call(t.createExperiment, {
        name,
        artifact_location: options.artifactLocation,
        tags: toTags(options.tags),
      });
      return res.experiment_id;
    }

    /**
     * Fetches an experiment by id (throws RESOURCE_DOES_NOT_EXIST when there is none).
     *
     * @example
     * const exp = await client.getExperiment('0');
     */
    async getExperiment(experimentId: string): Promise<Experiment> {
      return (await this.rest.call(t.getExperiment, { experiment_id: experimentId })).experiment;
    }

    /**
     * Fetches an experiment by name; undefined when none has that name (as Python returns None).
     *
     * @example
     * const exp = await client.getExperimentByName('Default');
     */
    async getExperimentByName(name: string): Promise<Experiment | undefined> {
      try {
        return (await this.rest.call(t.getExperimentByName, { experiment_name: name })).experiment;
      } catch (e) {
        if (e instanceof MlflowRestError && e.code === 'RESOURCE_DOES_NOT_EXIST') return undefined;
        throw e;
      }
    }

    /**
     * One page of experiments matching a filter.
     *
     * @example
     * const page = await client.searchExperiments({ filterString: "name LIKE 'fraud%'", maxResults: 10 });
     * console.log(page.items.length, page.token);
     */
    async searchExperiments(options: SearchExperimentsOptions = {}): Promise<PagedList<Experiment>> {
      const res = await this.rest.call(t.searchExperiments, {
        view_type: options.viewType ?? 'ACTIVE_ONLY',
        max_results: options.maxResults ?? SEARCH_MAX_RESULTS_DEFAULT,
        filter: options.filterString,
        order_by: options.orderBy ? [...options.orderBy] : undefined,
        page_token: options.pageToken,
      });
      return pagedList(res.experiments, res.next_page_token);
    }

    /**
     * Every experiment matching a filter, fetched page by page as you iterate.
     *
     * @example
     * for await (const exp of client.iterateExperiments({ viewType: 'ALL' })) console.log(exp.name);
     */
    iterateExperiments(
      options: Omit<SearchExperimentsOptions, 'pageToken'> = {},
    ): AsyncGenerator<Experiment> {
      return allPages((pageToken) => this.searchExperiments({ ...options, pageToken }));
    }

    /**
     * Marks an experiment (and its runs) deleted.
     *
     * @example
     * await client.deleteExperiment(id);
     */
    async deleteExperiment(experimentId: string): Promise<void> {
      await this.rest.call(t.deleteExperiment, { experiment_id: experimentId });
    }

    /**
     * Restores a deleted experiment.
     *
     * @example
     * await client.restoreExperiment(id);
     */
    async restoreExperiment(experimentId: string): Promise<void> {
      await this.rest.call(t.restoreExperiment, { experiment_id: experimentId });
    }

    /**
     * Gives an experiment a new name.
     *
     * @example
     * await client.renameExperiment(id, 'fraud-v2');
     */
    async renameExperiment(experimentId: string, newName: string): Promise<void> {
      await this.rest.call(t.updateExperiment, { experiment_id: experimentId, new_name: newName });
    }

    /**
     * Sets (or overwrites) a tag on an experiment.
     *
     * @example
     * await client.setExperimentTag(id, 'owner', 'ana');
     */
    async setExperimentTag(experimentId: string, key: string, value: string): Promise<void> {
      await this.rest.call(t.setExperimentTag, { experiment_id: experimentId, key, value });
    }

    /**
     * Removes a tag from an experiment.
     *
     * @example
     * await client.deleteExperimentTag(id, 'owner');
     */
    async deleteExperimentTag(experimentId: string, key: string): Promise<void> {
      await this.rest.call(t.deleteExperimentTag, { experiment_id: experimentId, key });
    }
  };
}

/**
 * A `{key: value}` record as the wire list of `{key, value}` tags.
 *
 * @example
 * toTags({ a: '1' }) // [{ key: 'a', value: '1' }]
 */
export function toTags(
  tags: Readonly<Record<string, string>> | undefined,
): { key: string; value: string }[] | undefined {
  return tags === undefined ? undefined : Object.entries(tags).map(([key, value]) => ({ key, value }));
}
