// The model registry's handler-level rules: search parsing, model-version source checks, webhook events.
import {
  MlflowError,
  parseModelsUri,
  parseModelVersionsFilter,
  parseModelVersionsOrderBy,
  parseRegisteredModelsFilter,
  parseRegisteredModelsOrderBy,
  pyJsonDumps,
  rejectedHostAddressedScheme,
  type ModelVersion,
  type ModelVersionTag,
  type RegisteredModel,
  type RegisteredModelTag,
} from '@mlflow-ts/protocol';
import type { Page, TrackingStore } from '@mlflow-ts/store';
import type { ServerConfig } from '../../config.js';
import { ignoreRegistryEvents, type RegistryEventSink } from '../registry-events.js';
import { resolveLineage } from './lineage.js';
import { checkSourceOfModel, checkSourceOfRun, type SourceOwners } from './source-checks.js';
import {
  IS_PROMPT_TAG_KEY,
  isPromptRequest,
  modelVersionCreated,
  registeredModelCreated,
} from './webhook-events.js';

/** Sources a prompt version may name: MLflow's placeholders, never a real location. */
const PROMPT_SOURCE_PLACEHOLDERS = new Set(['dummy-source', 'prompt-template']);
const MODEL_VERSIONS_TAG = 'mlflow.modelVersions';

export interface SearchRegistryCommand {
  filter: string;
  maxResults: number;
  orderBy: string[];
  pageToken: string;
}

export interface CreateModelVersionCommand {
  name: string;
  source: string;
  /** undefined = not sent (MLflow's HasField). */
  runId?: string;
  tags: ModelVersionTag[];
  runLink: string;
  description: string;
  modelId?: string;
}

export interface RegistryServiceOptions {
  /** MLFLOW_CREATE_MODEL_VERSION_SOURCE_VALIDATION_REGEX: sources must match it when set. */
  sourceValidationRegex?: string;
}

const isPrompt = (rm: RegisteredModel): boolean =>
  (rm.tags?.find((t) => t.key === IS_PROMPT_TAG_KEY)?.value ?? 'false').toLowerCase() === 'true';

export class RegistryService {
  private readonly sourceRegex: RegExp | undefined;

  constructor(
    private readonly store: TrackingStore,
    private readonly config: ServerConfig,
    private readonly events: RegistryEventSink = ignoreRegistryEvents,
    options: RegistryServiceOptions = {
      sourceValidationRegex: process.env['MLFLOW_CREATE_MODEL_VERSION_SOURCE_VALIDATION_REGEX'],
    },
  ) {
    this.sourceRegex = options.sourceValidationRegex
      ? new RegExp(options.sourceValidationRegex, 'u')
      : undefined;
  }

  private get registry(): TrackingStore['registry'] {
    return this.store.registry;
  }

  /** Whether the (existing) model is a prompt: its events are the prompt ones. */
  private async promptModel(name: string): Promise<boolean> {
    return isPrompt(await this.registry.getRegisteredModel(name));
  }

  async createRegisteredModel(
    name: string,
    tags: RegisteredModelTag[],
    description: string,
  ): Promise<RegisteredModel> {
    const rm = await this.registry.createRegisteredModel({ name, tags, description });
    this.events.emit(registeredModelCreated(name, tags, description));
    return rm;
  }

  getRegisteredModel(name: string): Promise<RegisteredModel> {
    return this.registry.getRegisteredModel(name);
  }

  updateRegisteredModel(name: string, description: string): Promise<RegisteredModel> {
    return this.registry.updateRegisteredModel(name, description);
  }

  renameRegisteredModel(name: string, newName: string): Promise<RegisteredModel> {
    return this.registry.renameRegisteredModel(name, newName);
  }

  deleteRegisteredModel(name: string): Promise<void> {
    return this.registry.deleteRegisteredModel(name);
  }

  searchRegisteredModels(command: SearchRegistryCommand): Promise<Page<RegisteredModel>> {
    const filter = parseRegisteredModelsFilter(command.filter);
    const orderBy = parseRegisteredModelsOrderBy(command.orderBy);
    return this.registry.searchRegisteredModels({
      filter,
      orderBy,
      maxResults: command.maxResults,
      pageToken: command.pageToken || undefined,
    });
  }

  getLatestVersions(name: string, stages: string[]): Promise<ModelVersion[]> {
    return this.registry.getLatestVersions(name, stages);
  }

  async setRegisteredModelTag(name: string, key: string, value: string): Promise<void> {
    await this.registry.setRegisteredModelTag(name, { key, value });
    if (await this.promptModel(name))
      this.events.emit({ entity: 'prompt_tag', action: 'set', payload: { name, key, value } });
  }

  async deleteRegisteredModelTag(name: string, key: string): Promise<void> {
    await this.registry.deleteRegisteredModelTag(name, key);
    if (await this.promptModel(name))
      this.events.emit({ entity: 'prompt_tag', action: 'deleted', payload: { name, key } });
  }

  private owners(): SourceOwners {
    return {
      runArtifactUri: async (runId) => (await this.store.getRun(runId)).info.artifact_uri ?? '',
      modelArtifactLocation: async (modelId) =>
        (await this.store.loggedModels.getLoggedModel(modelId)).info.artifact_uri,
    };
  }

  /** The handler's checks, in MLflow's order, before the store creates the version. */
  private async checkedSource(
    command: CreateModelVersionCommand,
  ): Promise<{ source: string; runId?: string; modelId?: string }> {
    const { source } = command;
    if (source && this.sourceRegex && !this.sourceRegex.test(source)) {
      throw MlflowError.invalidParameter(`Invalid model version source: '${source}'.`);
    }
    const prompt = isPromptRequest(command.tags);
    if (prompt && !PROMPT_SOURCE_PLACEHOLDERS.has(source)) {
      throw MlflowError.invalidParameter(
        `Invalid prompt source: '${source}'. Prompt sources must use an MLflow placeholder.`,
      );
    }
    const scheme = rejectedHostAddressedScheme(source, {
      allowedHostAddressedSchemes: this.config.allowedHostAddressedArtifactSchemes,
      trustedUris: [this.config.defaultArtifactRoot, this.config.artifactsDestination],
    });
    if (scheme !== undefined) {
      throw MlflowError.invalidParameter(
        `'source' cannot use the '${scheme}' scheme: the '${scheme}' scheme addresses a host other than the ` +
          "tracking server's configured artifact storage, so the server would connect to the host named in the URI. " +
          'Set the MLFLOW_ALLOWED_HOST_ADDRESSED_ARTIFACT_SCHEMES environment variable on the server to allow it.',
      );
    }
    if (prompt) return { source, runId: command.runId ?? '', modelId: command.modelId ?? '' };
    const lineage = await resolveLineage(this.registry, command);
    const modelIdOf = (uri: string): string | undefined => lineageModelId(uri);
    if (lineage.modelId) await checkSourceOfModel(this.owners(), lineage.source, lineage.modelId, modelIdOf);
    else await checkSourceOfRun(this.owners(), lineage.source, lineage.runId, modelIdOf);
    return lineage;
  }

  async createModelVersion(command: CreateModelVersionCommand): Promise<ModelVersion> {
    const { source, runId, modelId } = await this.checkedSource(command);
    const mv = await this.registry.createModelVersion({
      name: command.name,
      source,
      runId,
      runLink: command.runLink,
      tags: command.tags,
      description: command.description,
      modelId,
    });
    if (!isPromptRequest(command.tags) && modelId)
      await this.linkLoggedModel(modelId, command.name, mv.version);
    this.events.emit(
      modelVersionCreated({
        name: command.name,
        version: mv.version,
        source,
        runId,
        tags: command.tags,
        description: command.description,
      }),
    );
    return mv;
  }

  /**
   * The logged model lists the versions made from it in its mlflow.modelVersions tag: JSON with
   * the version as a number (MLflow's entity holds it as an int), written with Python's spacing.
   */
  private async linkLoggedModel(modelId: string, name: string, version: string): Promise<void> {
    const model = await this.store.loggedModels.getLoggedModel(modelId);
    const entry: unknown = { name, version: Number(version) };
    let entries: unknown[] = [entry];
    const existing = model.info.tags?.find((t) => t.key === MODEL_VERSIONS_TAG)?.value;
    if (existing) {
      const parsed = JSON.parse(existing) as unknown[];
      const same = (e: unknown): boolean => JSON.stringify(e) === JSON.stringify(entry);
      entries = parsed.some(same) ? parsed : [...parsed, entry];
    }
    await this.store.loggedModels.setLoggedModelTags(modelId, [
      { key: MODEL_VERSIONS_TAG, value: pyJsonDumps(entries) },
    ]);
  }

  getModelVersion(name: string, version: string): Promise<ModelVersion> {
    return this.registry.getModelVersion(name, version);
  }

  updateModelVersion(name: string, version: string, description: string | undefined): Promise<ModelVersion> {
    return this.registry.updateModelVersion(name, version, description);
  }

  transitionModelVersionStage(
    name: string,
    version: string,
    stage: string,
    archive: boolean,
  ): Promise<ModelVersion> {
    return this.registry.transitionModelVersionStage(name, version, stage, archive);
  }

  deleteModelVersion(name: string, version: string): Promise<void> {
    return this.registry.deleteModelVersion(name, version);
  }

  getModelVersionDownloadUri(name: string, version: string): Promise<string> {
    return this.registry.getModelVersionDownloadUri(name, version);
  }

  searchModelVersions(command: SearchRegistryCommand): Promise<Page<ModelVersion>> {
    const filter = parseModelVersionsFilter(command.filter);
    const orderBy = parseModelVersionsOrderBy(command.orderBy);
    return this.registry.searchModelVersions({
      filter,
      orderBy,
      maxResults: command.maxResults,
      pageToken: command.pageToken || undefined,
    });
  }

  async setModelVersionTag(name: string, version: string, key: string, value: string): Promise<void> {
    await this.registry.setModelVersionTag(name, version, { key, value });
    const entity = (await this.promptModel(name)) ? 'prompt_version_tag' : 'model_version_tag';
    this.events.emit({ entity, action: 'set', payload: { name, version, key, value } });
  }

  async deleteModelVersionTag(name: string, version: string, key: string): Promise<void> {
    await this.registry.deleteModelVersionTag(name, version, key);
    const entity = (await this.promptModel(name)) ? 'prompt_version_tag' : 'model_version_tag';
    this.events.emit({ entity, action: 'deleted', payload: { name, version, key } });
  }

  async setRegisteredModelAlias(name: string, alias: string, version: string): Promise<void> {
    await this.registry.setRegisteredModelAlias(name, alias, version);
    const entity = (await this.promptModel(name)) ? 'prompt_alias' : 'model_version_alias';
    this.events.emit({ entity, action: 'created', payload: { name, alias, version } });
  }

  async deleteRegisteredModelAlias(name: string, alias: string): Promise<void> {
    await this.registry.deleteRegisteredModelAlias(name, alias);
    const entity = (await this.promptModel(name)) ? 'prompt_alias' : 'model_version_alias';
    this.events.emit({ entity, action: 'deleted', payload: { name, alias } });
  }

  getModelVersionByAlias(name: string, alias: string): Promise<ModelVersion> {
    return this.registry.getModelVersionByAlias(name, alias);
  }
}

/** The logged model id of a models:/<id> URI; an unreadable URI is MLflow's "model_id" source error. */
function lineageModelId(uri: string): string | undefined {
  const parsed = parseModelsUri(uri);
  if (parsed === undefined) {
    throw MlflowError.invalidParameter(
      `Invalid model version source: '${uri}'. The model_id request parameter must identify the resource ` +
        'that contains the source.',
    );
  }
  return parsed.modelId;
}
