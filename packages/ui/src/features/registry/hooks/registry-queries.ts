// Typed query keys and query functions of the registry pages (models, versions, the run behind a version).
import type { RestClient } from '@mlflow-ts/client';
import {
  registryEndpoints,
  trackingEndpoints,
  type ModelVersion,
  type RegisteredModel,
  type SearchRegisteredModelsResponse,
} from '@mlflow-ts/protocol';
import { modelNameFilter, versionsOfModelFilter } from '../lib/registry-filters.js';

export const MODELS_PAGE_SIZE = 50;

export const registryKeys = {
  all: ['registry'] as const,
  search: (text: string) => [...registryKeys.all, 'search', text] as const,
  model: (name: string) => [...registryKeys.all, 'model', name] as const,
  versions: (name: string) => [...registryKeys.all, 'versions', name] as const,
  version: (name: string, version: string) => [...registryKeys.all, 'version', name, version] as const,
  runExperiment: (runId: string) => [...registryKeys.all, 'run-experiment', runId] as const,
};

export function searchModels(
  client: RestClient,
  text: string,
  pageToken: string | undefined,
  signal?: AbortSignal,
): Promise<SearchRegisteredModelsResponse> {
  return client.call(
    registryEndpoints.searchRegisteredModels,
    {
      filter: modelNameFilter(text),
      max_results: MODELS_PAGE_SIZE,
      order_by: ['name ASC'],
      ...(pageToken ? { page_token: pageToken } : {}),
    },
    { signal },
  );
}

export async function fetchModel(
  client: RestClient,
  name: string,
  signal?: AbortSignal,
): Promise<RegisteredModel> {
  return (await client.call(registryEndpoints.getRegisteredModel, { name }, { signal })).registered_model;
}

/** Every version of the model, newest first (numbers compared as numbers). */
export async function fetchVersions(
  client: RestClient,
  name: string,
  signal?: AbortSignal,
): Promise<ModelVersion[]> {
  const out: ModelVersion[] = [];
  let token: string | undefined;
  do {
    const res = await client.call(
      registryEndpoints.searchModelVersions,
      { filter: versionsOfModelFilter(name), max_results: 1000, ...(token ? { page_token: token } : {}) },
      { signal },
    );
    out.push(...(res.model_versions ?? []));
    token = res.next_page_token || undefined;
  } while (token);
  return out.sort((a, b) => Number(b.version) - Number(a.version));
}

export async function fetchVersion(
  client: RestClient,
  name: string,
  version: string,
  signal?: AbortSignal,
): Promise<ModelVersion> {
  return (await client.call(registryEndpoints.getModelVersion, { name, version }, { signal })).model_version;
}

/** The run page's address needs the experiment; a version only knows its run. */
export async function fetchRunExperiment(
  client: RestClient,
  runId: string,
  signal?: AbortSignal,
): Promise<string> {
  return (await client.call(trackingEndpoints.getRun, { run_id: runId }, { signal })).run.info.experiment_id;
}
