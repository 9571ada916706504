// Every workload, by number (the --workloads option picks from these).
import { artifactProxy } from './artifact-proxy.js';
import { createRunParams } from './create-run-params.js';
import { fasttrackShapes } from './fasttrack-shapes.js';
import { getHistoryMemory } from './get-history-memory.js';
import { historyBulkInterval } from './history-bulk-interval.js';
import { logBatchMetrics } from './log-batch-metrics.js';
import { searchRuns } from './search-runs.js';
import { startupIdle } from './startup-idle.js';
import type { Workload } from '../workload.js';

export const WORKLOADS: readonly Workload[] = [
  logBatchMetrics,
  createRunParams,
  searchRuns,
  historyBulkInterval,
  getHistoryMemory,
  artifactProxy,
  startupIdle,
  fasttrackShapes,
];
