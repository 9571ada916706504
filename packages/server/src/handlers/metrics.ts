// Metric history RPC handlers: get-history, get-history-bulk-interval and the UI's get-history-bulk.
import type { TrackingHandlers } from './tracking-handlers.js';

type MetricRpcs = 'getMetricHistory' | 'getMetricHistoryBulkInterval' | 'getMetricHistoryBulk';

export const metricHandlers: Pick<TrackingHandlers, MetricRpcs> = {
  getMetricHistory: async (req, { services }) => {
    const page = await services.metrics.history(req.run_id, req.metric_key, req.max_results, req.page_token);
    return { metrics: page.items, next_page_token: page.nextPageToken };
  },
  getMetricHistoryBulkInterval: async (req, { services }) => ({
    metrics: await services.metrics.bulkInterval(req),
  }),
  // A plain dict in MLflow, not a proto message: `metrics` is present even when empty.
  getMetricHistoryBulk: async (req, { services }) => ({ metrics: await services.metrics.bulk(req) }),
};
