// Logged-model RPC handlers: path parameters and message fields in, service call, response message out.
import type { loggedModelEndpoints } from '@mlflow-ts/protocol';
import { EMPTY } from '../tracking-handlers.js';
import type { HandlerTable } from '../types.js';
import { pathParam } from './path-params.js';

export type LoggedModelHandlers = HandlerTable<typeof loggedModelEndpoints>;

export const loggedModelHandlers: LoggedModelHandlers = {
  createLoggedModel: async (req, { services }) => ({
    model: await services.loggedModels.models.create({
      experimentId: req.experiment_id,
      name: req.name,
      modelType: req.model_type,
      sourceRunId: req.source_run_id,
      params: req.params,
      tags: req.tags,
    }),
  }),
  searchLoggedModels: async (req, { services }) => {
    const page = await services.loggedModels.models.search({
      experimentIds: req.experiment_ids,
      filter: req.filter,
      datasets: req.datasets,
      maxResults: req.max_results,
      orderBy: req.order_by,
      pageToken: req.page_token,
    });
    return { models: page.models, next_page_token: page.nextPageToken };
  },
  // The body's model_id is required but unused: the path names the model.
  finalizeLoggedModel: async (req, { services, request }) => ({
    model: await services.loggedModels.models.finalize(pathParam(request, 'model_id'), req.status),
  }),
  getLoggedModel: async (req, { services, request }) => ({
    model: await services.loggedModels.models.get(
      pathParam(request, 'model_id'),
      (req.allow_deleted ?? 'false').toLowerCase() === 'true',
    ),
  }),
  deleteLoggedModel: async (_req, { services, request }) => {
    await services.loggedModels.models.delete(pathParam(request, 'model_id'));
    return EMPTY;
  },
  setLoggedModelTags: async (req, { services, request }) => {
    await services.loggedModels.models.setTags(pathParam(request, 'model_id'), req.tags);
    return EMPTY;
  },
  deleteLoggedModelTag: async (_req, { services, request }) => {
    await services.loggedModels.models.deleteTag(
      pathParam(request, 'model_id'),
      pathParam(request, 'tag_key'),
    );
    return EMPTY;
  },
  logLoggedModelParams: async (req, { services, request }) => {
    await services.loggedModels.models.logParams(pathParam(request, 'model_id'), req.params);
    return EMPTY;
  },
  listLoggedModelArtifacts: async (req, { services, request }) => {
    const listing = await services.loggedModels.artifacts.list(
      pathParam(request, 'model_id'),
      req.artifact_directory_path,
    );
    return { root_uri: listing.rootUri, files: listing.files };
  },
};
