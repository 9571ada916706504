// Model-version RPC handlers: message fields in, registry service call, response message out.
import { EMPTY, withValues, type RegistryHandlers } from './types.js';

type ModelVersionRpcs =
  | 'createModelVersion'
  | 'updateModelVersion'
  | 'transitionModelVersionStage'
  | 'deleteModelVersion'
  | 'getModelVersion'
  | 'searchModelVersions'
  | 'getModelVersionDownloadUri'
  | 'setModelVersionTag'
  | 'deleteModelVersionTag';

export const modelVersionHandlers: Pick<RegistryHandlers, ModelVersionRpcs> = {
  createModelVersion: async (req, { services }) => ({
    model_version: await services.registry.createModelVersion({
      name: req.name,
      source: req.source,
      runId: req.run_id,
      tags: withValues(req.tags),
      runLink: req.run_link,
      description: req.description,
      modelId: req.model_id,
    }),
  }),
  updateModelVersion: async (req, { services }) => ({
    model_version: await services.registry.updateModelVersion(req.name, req.version, req.description),
  }),
  transitionModelVersionStage: async (req, { services }) => ({
    model_version: await services.registry.transitionModelVersionStage(
      req.name,
      req.version,
      req.stage,
      req.archive_existing_versions,
    ),
  }),
  deleteModelVersion: async (req, { services }) => {
    await services.registry.deleteModelVersion(req.name, req.version);
    return EMPTY;
  },
  getModelVersion: async (req, { services }) => ({
    model_version: await services.registry.getModelVersion(req.name, req.version),
  }),
  searchModelVersions: async (req, { services }) => {
    const page = await services.registry.searchModelVersions({
      filter: req.filter,
      maxResults: req.max_results,
      orderBy: req.order_by,
      pageToken: req.page_token,
    });
    return { model_versions: page.items, next_page_token: page.nextPageToken };
  },
  getModelVersionDownloadUri: async (req, { services }) => ({
    artifact_uri: await services.registry.getModelVersionDownloadUri(req.name, req.version),
  }),
  setModelVersionTag: async (req, { services }) => {
    await services.registry.setModelVersionTag(req.name, req.version, req.key, req.value);
    return EMPTY;
  },
  deleteModelVersionTag: async (req, { services }) => {
    await services.registry.deleteModelVersionTag(req.name, req.version, req.key);
    return EMPTY;
  },
};
