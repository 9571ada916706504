// The tracking endpoint table: every RPC's name, route, wire schemas and MLflow's handler schema.
import { defineEndpoint } from '../endpoint.js';
import * as art from './artifacts.js';
import * as ds from './datasets.js';
import * as exp from './experiments.js';
import * as log from './logging.js';
import * as met from './metrics.js';
import * as runs from './runs.js';
import * as info from './server-info.js';
import { EmptyResponse } from './wire-types.js';

const post = ['POST'] as const;
const get = ['GET'] as const;

export const trackingEndpoints = {
  // experiments
  getExperimentByName: defineEndpoint({
    name: 'getExperimentByName',
    methods: get,
    path: '/mlflow/experiments/get-by-name',
    since: 2,
    request: exp.GetExperimentByNameRequest,
    response: exp.GetExperimentByNameResponse,
    rules: exp.getExperimentByNameRules,
  }),
  createExperiment: defineEndpoint({
    name: 'createExperiment',
    methods: post,
    path: '/mlflow/experiments/create',
    since: 2,
    request: exp.CreateExperimentRequest,
    response: exp.CreateExperimentResponse,
    rules: exp.createExperimentRules,
  }),
  searchExperiments: defineEndpoint({
    name: 'searchExperiments',
    methods: ['POST', 'GET'],
    path: '/mlflow/experiments/search',
    since: 2,
    request: exp.SearchExperimentsRequest,
    response: exp.SearchExperimentsResponse,
    rules: exp.searchExperimentsRules,
  }),
  getExperiment: defineEndpoint({
    name: 'getExperiment',
    methods: get,
    path: '/mlflow/experiments/get',
    since: 2,
    request: exp.GetExperimentRequest,
    response: exp.GetExperimentResponse,
    rules: exp.experimentIdRules,
  }),
  deleteExperiment: defineEndpoint({
    name: 'deleteExperiment',
    methods: post,
    path: '/mlflow/experiments/delete',
    since: 2,
    request: exp.DeleteExperimentRequest,
    response: EmptyResponse,
    rules: exp.experimentIdRules,
  }),
  restoreExperiment: defineEndpoint({
    name: 'restoreExperiment',
    methods: post,
    path: '/mlflow/experiments/restore',
    since: 2,
    request: exp.RestoreExperimentRequest,
    response: EmptyResponse,
    rules: exp.experimentIdRules,
  }),
  updateExperiment: defineEndpoint({
    name: 'updateExperiment',
    methods: post,
    path: '/mlflow/experiments/update',
    since: 2,
    request: exp.UpdateExperimentRequest,
    response: EmptyResponse,
    rules: exp.updateExperimentRules,
  }),
  setExperimentTag: defineEndpoint({
    name: 'setExperimentTag',
    methods: post,
    path: '/mlflow/experiments/set-experiment-tag',
    since: 2,
    request: exp.SetExperimentTagRequest,
    response: EmptyResponse,
    rules: exp.setExperimentTagRules,
  }),
  deleteExperimentTag: defineEndpoint({
    name: 'deleteExperimentTag',
    methods: post,
    path: '/mlflow/experiments/delete-experiment-tag',
    since: 2,
    request: exp.DeleteExperimentTagRequest,
    response: EmptyResponse,
    rules: exp.deleteExperimentTagRules,
  }),
  // The proto path lacks its leading '/', so MLflow's generated routes come out as
  // `/api/2.0mlflow/experiments/search-datasets` (and ajax alike), which have no handler and
  // answer an empty 404. The working route is the one MLflow registers for its UI, ajax only.
  searchDatasets: defineEndpoint({
    name: 'searchDatasets',
    methods: post,
    path: '/mlflow/experiments/search-datasets',
    since: 2,
    ajaxOnly: true,
    request: ds.SearchDatasetsRequest,
    response: ds.SearchDatasetsResponse,
  }),

  // runs
  createRun: defineEndpoint({
    name: 'createRun',
    methods: post,
    path: '/mlflow/runs/create',
    since: 2,
    request: runs.CreateRunRequest,
    response: runs.CreateRunResponse,
    rules: runs.createRunRules,
  }),
  updateRun: defineEndpoint({
    name: 'updateRun',
    methods: post,
    path: '/mlflow/runs/update',
    since: 2,
    request: runs.UpdateRunRequest,
    response: runs.UpdateRunResponse,
    rules: runs.updateRunRules,
  }),
  deleteRun: defineEndpoint({
    name: 'deleteRun',
    methods: post,
    path: '/mlflow/runs/delete',
    since: 2,
    request: runs.DeleteRunRequest,
    response: EmptyResponse,
    rules: runs.runIdRules,
  }),
  restoreRun: defineEndpoint({
    name: 'restoreRun',
    methods: post,
    path: '/mlflow/runs/restore',
    since: 2,
    request: runs.RestoreRunRequest,
    response: EmptyResponse,
    rules: runs.runIdRules,
  }),
  getRun: defineEndpoint({
    name: 'getRun',
    methods: get,
    path: '/mlflow/runs/get',
    since: 2,
    request: runs.GetRunRequest,
    response: runs.GetRunResponse,
    rules: runs.runIdRules,
  }),
  searchRuns: defineEndpoint({
    name: 'searchRuns',
    methods: post,
    path: '/mlflow/runs/search',
    since: 2,
    request: runs.SearchRunsRequest,
    response: runs.SearchRunsResponse,
    rules: runs.searchRunsRules,
  }),

  // logging
  logMetric: defineEndpoint({
    name: 'logMetric',
    methods: post,
    path: '/mlflow/runs/log-metric',
    since: 2,
    request: log.LogMetricRequest,
    response: EmptyResponse,
    rules: log.logMetricRules,
  }),
  logParam: defineEndpoint({
    name: 'logParam',
    methods: post,
    path: '/mlflow/runs/log-parameter',
    since: 2,
    request: log.LogParamRequest,
    response: EmptyResponse,
    rules: log.keyValueRules,
  }),
  setTag: defineEndpoint({
    name: 'setTag',
    methods: post,
    path: '/mlflow/runs/set-tag',
    since: 2,
    request: log.SetTagRequest,
    response: EmptyResponse,
    rules: log.keyValueRules,
  }),
  deleteTag: defineEndpoint({
    name: 'deleteTag',
    methods: post,
    path: '/mlflow/runs/delete-tag',
    since: 2,
    request: log.DeleteTagRequest,
    response: EmptyResponse,
    rules: log.deleteTagRules,
  }),
  logBatch: defineEndpoint({
    name: 'logBatch',
    methods: post,
    path: '/mlflow/runs/log-batch',
    since: 2,
    request: log.LogBatchRequest,
    response: EmptyResponse,
    rules: log.logBatchRules,
    beforeDecode: log.logBatchBeforeDecode,
  }),
  logModel: defineEndpoint({
    name: 'logModel',
    methods: post,
    path: '/mlflow/runs/log-model',
    since: 2,
    request: log.LogModelRequest,
    response: EmptyResponse,
    rules: log.logModelRules,
  }),
  logInputs: defineEndpoint({
    name: 'logInputs',
    methods: post,
    path: '/mlflow/runs/log-inputs',
    since: 2,
    request: log.LogInputsRequest,
    response: EmptyResponse,
    rules: log.logInputsRules,
  }),
  logOutputs: defineEndpoint({
    name: 'logOutputs',
    methods: post,
    path: '/mlflow/runs/outputs',
    since: 2,
    request: log.LogOutputsRequest,
    response: EmptyResponse,
    rules: log.logOutputsRules,
  }),

  // metrics
  getMetricHistory: defineEndpoint({
    name: 'getMetricHistory',
    methods: get,
    path: '/mlflow/metrics/get-history',
    since: 2,
    request: met.GetMetricHistoryRequest,
    response: met.GetMetricHistoryResponse,
    rules: met.getMetricHistoryRules,
  }),
  getMetricHistoryBulkInterval: defineEndpoint({
    name: 'getMetricHistoryBulkInterval',
    methods: get,
    path: '/mlflow/metrics/get-history-bulk-interval',
    since: 2,
    request: met.GetMetricHistoryBulkIntervalRequest,
    response: met.GetMetricHistoryBulkIntervalResponse,
    rules: met.getMetricHistoryBulkIntervalRules,
  }),
  getMetricHistoryBulk: defineEndpoint({
    name: 'getMetricHistoryBulk',
    methods: get,
    path: '/mlflow/metrics/get-history-bulk',
    since: 2,
    ajaxOnly: true,
    decode: 'query-args',
    request: met.GetMetricHistoryBulkRequest,
    response: met.GetMetricHistoryBulkResponse,
  }),

  // artifacts
  listArtifacts: defineEndpoint({
    name: 'listArtifacts',
    methods: get,
    path: '/mlflow/artifacts/list',
    since: 2,
    request: art.ListArtifactsRequest,
    response: art.ListArtifactsResponse,
    rules: art.listArtifactsRules,
  }),

  // server
  serverInfo: defineEndpoint({
    name: 'serverInfo',
    methods: get,
    path: '/mlflow/server-info',
    since: 3,
    request: info.ServerInfoRequest,
    response: info.ServerInfoResponse,
  }),
} as const;

export type TrackingEndpointName = keyof typeof trackingEndpoints;
