// Metric history RPC handlers: get-history, get-history-bulk-interval and the UI's get-history-bulk.
import { metricHistoryReply } from './metric-history-reply.js';
import type { TrackingHandlers } from './tracking-handlers.js';

/** Pages a client asks for up to this size are read in one query; longer replies are streamed. */
const WHOLE_PAGE_MAX = 1000;

type MetricRpcs = 'getMetricHistory' | 'getMetricHistoryBulkInterval' | 'getMetricHistoryBulk';

export const metricHandlers: Pick<TrackingHandlers, MetricRpcs> = {
  getMetricHistory: async (req, { services }) => {
    if (req.max_results !== undefined && req.max_results <= WHOLE_PAGE_MAX) {
      const page = await services.metrics.history(
        req.run_id,
        req.metric_key,
        req.max_results,
        req.page_token,
      );
      return { metrics: page.items, next_page_token: page.nextPageToken };
    }
    const chunks = services.metrics.historyChunks(
      req.run_id,
      req.metric_key,
      req.max_results,
      req.page_token,
    );
    return metricHistoryReply(chunks);
  },
  getMetricHistoryBulkInterval: async (req, { services }) => ({
    metrics: await services.metrics.bulkInterval(req),
  }),
  // A plain dict in MLflow, not a proto message: `metrics` is present even when empty.
  getMetricHistoryBulk: async (req, { services }) => ({ metrics: await services.metrics.bulk(req) }),
};
