// The logged-model endpoint table (MLflow 3): routes, wire schemas and MLflow's handler schemas.
import { defineEndpoint } from '../endpoint.js';
import * as lm from './logged-models.js';
import { EmptyResponse } from './wire-types.js';

/**
 * Paths carry Fastify-style parameters (`:model_id`), MLflow's `{model_id}`; the handlers read
 * them from the route, as MLflow's take them as view arguments. GET and DELETE by id parse no
 * message at all in MLflow, hence the plain query-args decoding there.
 */
const MODEL = '/mlflow/logged-models/:model_id';

export const loggedModelEndpoints = {
  createLoggedModel: defineEndpoint({
    name: 'createLoggedModel',
    methods: ['POST'],
    path: '/mlflow/logged-models',
    since: 2,
    request: lm.CreateLoggedModelRequest,
    response: lm.LoggedModelResponse,
    rules: lm.createLoggedModelRules,
  }),
  searchLoggedModels: defineEndpoint({
    name: 'searchLoggedModels',
    methods: ['POST'],
    path: '/mlflow/logged-models/search',
    since: 2,
    request: lm.SearchLoggedModelsRequest,
    response: lm.SearchLoggedModelsResponse,
    rules: lm.searchLoggedModelsRules,
  }),
  finalizeLoggedModel: defineEndpoint({
    name: 'finalizeLoggedModel',
    methods: ['PATCH'],
    path: MODEL,
    since: 2,
    request: lm.FinalizeLoggedModelRequest,
    response: lm.LoggedModelResponse,
    rules: lm.finalizeLoggedModelRules,
  }),
  getLoggedModel: defineEndpoint({
    name: 'getLoggedModel',
    methods: ['GET'],
    path: MODEL,
    since: 2,
    request: lm.GetLoggedModelRequest,
    response: lm.LoggedModelResponse,
    decode: 'query-args',
  }),
  deleteLoggedModel: defineEndpoint({
    name: 'deleteLoggedModel',
    methods: ['DELETE'],
    path: MODEL,
    since: 2,
    request: lm.PathOnlyRequest,
    response: EmptyResponse,
    decode: 'query-args',
  }),
  setLoggedModelTags: defineEndpoint({
    name: 'setLoggedModelTags',
    methods: ['PATCH'],
    path: `${MODEL}/tags`,
    since: 2,
    request: lm.SetLoggedModelTagsRequest,
    response: EmptyResponse,
    rules: lm.setLoggedModelTagsRules,
  }),
  deleteLoggedModelTag: defineEndpoint({
    name: 'deleteLoggedModelTag',
    methods: ['DELETE'],
    path: `${MODEL}/tags/:tag_key`,
    since: 2,
    request: lm.PathOnlyRequest,
    response: EmptyResponse,
    decode: 'query-args',
  }),
  logLoggedModelParams: defineEndpoint({
    name: 'logLoggedModelParams',
    methods: ['POST'],
    path: `${MODEL}/params`,
    since: 2,
    request: lm.LogLoggedModelParamsRequest,
    response: EmptyResponse,
    rules: lm.logLoggedModelParamsRules,
  }),
  listLoggedModelArtifacts: defineEndpoint({
    name: 'listLoggedModelArtifacts',
    methods: ['GET'],
    path: `${MODEL}/artifacts/directories`,
    since: 2,
    request: lm.ListLoggedModelArtifactsRequest,
    response: lm.ListLoggedModelArtifactsResponse,
    rules: lm.listLoggedModelArtifactsRules,
  }),
};
