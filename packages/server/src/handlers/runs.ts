// Run RPC handlers: create, update, get, delete/restore and search.
import { EMPTY, type TrackingHandlers } from './tracking-handlers.js';

type RunRpcs = 'createRun' | 'updateRun' | 'deleteRun' | 'restoreRun' | 'getRun' | 'searchRuns';

export const runHandlers: Pick<TrackingHandlers, RunRpcs> = {
  createRun: async (req, { services }) => ({
    run: await services.runs.create({
      experimentId: req.experiment_id,
      userId: req.user_id,
      runName: req.run_name,
      startTime: req.start_time,
      tags: req.tags,
    }),
  }),
  updateRun: async (req, { services }) => ({
    run_info: await services.runs.update(req.run_id, {
      status: req.status,
      endTime: req.end_time,
      runName: req.run_name,
    }),
  }),
  deleteRun: async (req, { services }) => {
    await services.runs.delete(req.run_id);
    return EMPTY;
  },
  restoreRun: async (req, { services }) => {
    await services.runs.restore(req.run_id);
    return EMPTY;
  },
  getRun: async (req, { services }) => ({ run: await services.runs.get(req.run_id) }),
  searchRuns: async (req, { services }) => {
    const page = await services.runs.search({
      experimentIds: req.experiment_ids,
      filter: req.filter,
      viewType: req.run_view_type,
      maxResults: req.max_results,
      orderBy: req.order_by,
      pageToken: req.page_token,
    });
    return { runs: page.items, next_page_token: page.nextPageToken };
  },
};
