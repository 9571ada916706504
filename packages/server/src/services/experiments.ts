// Experiment rules of MLflow's handlers: artifact-location checks, custom-view cap, search parsing.
import {
  CUSTOM_VIEW_TAG_PREFIX,
  MlflowError,
  parseExperimentsFilter,
  parseExperimentsOrderBy,
  validateArtifactLocation,
  validateCustomViewCount,
  validateCustomViewTagWrite,
  validateExperimentName,
  validateExperimentTag,
  validateSearchExperimentsMaxResults,
  type Experiment,
  type ExperimentTag,
  type ViewType,
} from '@mlflow-ts/protocol';
import type { Page, TrackingStore } from '@mlflow-ts/store';
import type { ServerConfig } from '../config.js';

export interface CreateExperimentCommand {
  name: string;
  /** '' = not given: the store derives `<defaultArtifactRoot>/<id>`. */
  artifactLocation: string;
  tags: ExperimentTag[];
}

export interface SearchExperimentsCommand {
  viewType: ViewType;
  maxResults: number;
  filter: string;
  orderBy: string[];
  pageToken: string;
}

export class ExperimentsService {
  constructor(
    private readonly store: TrackingStore,
    private readonly config: ServerConfig,
  ) {}

  async create(command: CreateExperimentCommand): Promise<string> {
    validateCustomViewCount(command.tags);
    const location = command.artifactLocation;
    if (location) {
      validateArtifactLocation(location, {
        maxLength: this.config.artifactLocationMaxLength,
        allowedHostAddressedSchemes: this.config.allowedHostAddressedArtifactSchemes,
        // The server's own storage hosts may be named; any other host would make it connect out.
        trustedUris: [this.config.defaultArtifactRoot, this.config.artifactsDestination],
      });
    }
    // Then the store-entry checks of MLflow's create_experiment.
    validateExperimentName(command.name);
    for (const tag of command.tags) validateExperimentTag(tag);
    return this.store.createExperiment({
      name: command.name,
      artifactLocation: location || undefined,
      tags: command.tags,
    });
  }

  get(experimentId: string): Promise<Experiment> {
    return this.store.getExperiment(experimentId);
  }

  async getByName(name: string): Promise<Experiment> {
    const experiment = await this.store.getExperimentByName(name);
    if (experiment === null) throw MlflowError.notFound(`Could not find experiment with name '${name}'`);
    return experiment;
  }

  /** max_results is checked before the filter is parsed, as MLflow's store does. */
  search(command: SearchExperimentsCommand): Promise<Page<Experiment>> {
    validateSearchExperimentsMaxResults(command.maxResults);
    return this.store.searchExperiments({
      viewType: command.viewType,
      maxResults: command.maxResults,
      filter: parseExperimentsFilter(command.filter),
      orderBy: parseExperimentsOrderBy(command.orderBy),
      pageToken: command.pageToken || undefined,
    });
  }

  delete(experimentId: string): Promise<void> {
    return this.store.deleteExperiment(experimentId);
  }

  restore(experimentId: string): Promise<void> {
    return this.store.restoreExperiment(experimentId);
  }

  /** MLflow renames only for a non-empty name (its required check already refuses ""). */
  async rename(experimentId: string, newName: string): Promise<void> {
    if (!newName) return;
    validateExperimentName(newName);
    await this.store.renameExperiment(experimentId, newName);
  }

  async setTag(experimentId: string, key: string, value: string): Promise<void> {
    // Only a custom-view write needs the experiment's current tags (MLflow caps views per experiment).
    if (key.startsWith(CUSTOM_VIEW_TAG_PREFIX)) {
      const experiment = await this.store.getExperiment(experimentId);
      validateCustomViewTagWrite(
        (experiment.tags ?? []).map((t) => t.key),
        key,
        experimentId,
      );
    }
    validateExperimentTag({ key, value });
    await this.store.setExperimentTag(experimentId, { key, value });
  }

  deleteTag(experimentId: string, key: string): Promise<void> {
    return this.store.deleteExperimentTag(experimentId, key);
  }
}
