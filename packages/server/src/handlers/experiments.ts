// Experiment RPC handlers: message fields in, service call, response message out.
import { EMPTY, type TrackingHandlers } from './tracking-handlers.js';

type ExperimentRpcs =
  | 'getExperimentByName'
  | 'createExperiment'
  | 'searchExperiments'
  | 'getExperiment'
  | 'deleteExperiment'
  | 'restoreExperiment'
  | 'updateExperiment'
  | 'setExperimentTag'
  | 'deleteExperimentTag';

export const experimentHandlers: Pick<TrackingHandlers, ExperimentRpcs> = {
  getExperimentByName: async (req, { services }) => ({
    experiment: await services.experiments.getByName(req.experiment_name),
  }),
  createExperiment: async (req, { services }) => ({
    experiment_id: await services.experiments.create({
      name: req.name,
      artifactLocation: req.artifact_location,
      tags: req.tags,
    }),
  }),
  searchExperiments: async (req, { services }) => {
    const page = await services.experiments.search({
      viewType: req.view_type,
      maxResults: req.max_results,
      filter: req.filter,
      orderBy: req.order_by,
      pageToken: req.page_token,
    });
    return { experiments: page.items, next_page_token: page.nextPageToken };
  },
  getExperiment: async (req, { services }) => ({
    experiment: await services.experiments.get(req.experiment_id),
  }),
  deleteExperiment: async (req, { services }) => {
    await services.experiments.delete(req.experiment_id);
    return EMPTY;
  },
  restoreExperiment: async (req, { services }) => {
    await services.experiments.restore(req.experiment_id);
    return EMPTY;
  },
  updateExperiment: async (req, { services }) => {
    await services.experiments.rename(req.experiment_id, req.new_name);
    return EMPTY;
  },
  setExperimentTag: async (req, { services }) => {
    await services.experiments.setTag(req.experiment_id, req.key, req.value);
    return EMPTY;
  },
  deleteExperimentTag: async (req, { services }) => {
    await services.experiments.deleteTag(req.experiment_id, req.key);
    return EMPTY;
  },
};
