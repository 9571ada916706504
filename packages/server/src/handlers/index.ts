// The complete handler table of the tracking endpoints, assembled from the per-area files.
import { artifactHandlers } from './artifacts.js';
import { datasetHandlers } from './datasets.js';
import { experimentHandlers } from './experiments.js';
import { loggingHandlers } from './logging.js';
import { metricHandlers } from './metrics.js';
import { runHandlers } from './runs.js';
import { serverInfoHandlers } from './server-info.js';
import type { TrackingHandlers } from './tracking-handlers.js';

export const trackingHandlers: TrackingHandlers = {
  ...experimentHandlers,
  ...runHandlers,
  ...loggingHandlers,
  ...metricHandlers,
  ...datasetHandlers,
  ...artifactHandlers,
  ...serverInfoHandlers,
};
