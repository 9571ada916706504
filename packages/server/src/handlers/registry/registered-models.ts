// Registered-model and alias RPC handlers: message fields in, registry service call, response message out.
import { EMPTY, withValues, type RegistryHandlers } from './types.js';

type RegisteredModelRpcs =
  | 'createRegisteredModel'
  | 'renameRegisteredModel'
  | 'updateRegisteredModel'
  | 'deleteRegisteredModel'
  | 'getRegisteredModel'
  | 'searchRegisteredModels'
  | 'getLatestVersions'
  | 'setRegisteredModelTag'
  | 'deleteRegisteredModelTag'
  | 'setRegisteredModelAlias'
  | 'deleteRegisteredModelAlias'
  | 'getModelVersionByAlias';

export const registeredModelHandlers: Pick<RegistryHandlers, RegisteredModelRpcs> = {
  createRegisteredModel: async (req, { services }) => ({
    registered_model: await services.registry.createRegisteredModel(
      req.name,
      withValues(req.tags),
      req.description,
    ),
  }),
  renameRegisteredModel: async (req, { services }) => ({
    registered_model: await services.registry.renameRegisteredModel(req.name, req.new_name),
  }),
  updateRegisteredModel: async (req, { services }) => ({
    registered_model: await services.registry.updateRegisteredModel(req.name, req.description),
  }),
  deleteRegisteredModel: async (req, { services }) => {
    await services.registry.deleteRegisteredModel(req.name);
    return EMPTY;
  },
  getRegisteredModel: async (req, { services }) => ({
    registered_model: await services.registry.getRegisteredModel(req.name),
  }),
  searchRegisteredModels: async (req, { services }) => {
    const page = await services.registry.searchRegisteredModels({
      filter: req.filter,
      maxResults: req.max_results,
      orderBy: req.order_by,
      pageToken: req.page_token,
    });
    return { registered_models: page.items, next_page_token: page.nextPageToken };
  },
  getLatestVersions: async (req, { services }) => ({
    model_versions: await services.registry.getLatestVersions(req.name, req.stages),
  }),
  setRegisteredModelTag: async (req, { services }) => {
    await services.registry.setRegisteredModelTag(req.name, req.key, req.value);
    return EMPTY;
  },
  deleteRegisteredModelTag: async (req, { services }) => {
    await services.registry.deleteRegisteredModelTag(req.name, req.key);
    return EMPTY;
  },
  setRegisteredModelAlias: async (req, { services }) => {
    await services.registry.setRegisteredModelAlias(req.name, req.alias, req.version);
    return EMPTY;
  },
  deleteRegisteredModelAlias: async (req, { services }) => {
    await services.registry.deleteRegisteredModelAlias(req.name, req.alias);
    return EMPTY;
  },
  getModelVersionByAlias: async (req, { services }) => ({
    model_version: await services.registry.getModelVersionByAlias(req.name, req.alias),
  }),
};
