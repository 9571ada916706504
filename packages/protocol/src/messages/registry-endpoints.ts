// The model registry endpoint table: every registry RPC's name, route, wire schemas and handler schema.
import { defineEndpoint } from '../endpoint.js';
import * as alias from './registry/aliases.js';
import * as mv from './registry/model-versions.js';
import * as rm from './registry/registered-models.js';
import { EmptyResponse } from './wire-types.js';

const post = ['POST'] as const;
const get = ['GET'] as const;
const patch = ['PATCH'] as const;
const del = ['DELETE'] as const;

export const registryEndpoints = {
  // registered models
  createRegisteredModel: defineEndpoint({
    name: 'createRegisteredModel',
    methods: post,
    path: '/mlflow/registered-models/create',
    since: 2,
    request: rm.CreateRegisteredModelRequest,
    response: rm.CreateRegisteredModelResponse,
    rules: rm.createRegisteredModelRules,
  }),
  renameRegisteredModel: defineEndpoint({
    name: 'renameRegisteredModel',
    methods: post,
    path: '/mlflow/registered-models/rename',
    since: 2,
    request: rm.RenameRegisteredModelRequest,
    response: rm.RenameRegisteredModelResponse,
    rules: rm.renameRegisteredModelRules,
  }),
  updateRegisteredModel: defineEndpoint({
    name: 'updateRegisteredModel',
    methods: patch,
    path: '/mlflow/registered-models/update',
    since: 2,
    request: rm.UpdateRegisteredModelRequest,
    response: rm.UpdateRegisteredModelResponse,
    rules: rm.updateRegisteredModelRules,
  }),
  deleteRegisteredModel: defineEndpoint({
    name: 'deleteRegisteredModel',
    methods: del,
    path: '/mlflow/registered-models/delete',
    since: 2,
    request: rm.RegisteredModelNameRequest,
    response: EmptyResponse,
    rules: rm.registeredModelNameRules,
  }),
  getRegisteredModel: defineEndpoint({
    name: 'getRegisteredModel',
    methods: get,
    path: '/mlflow/registered-models/get',
    since: 2,
    request: rm.RegisteredModelNameRequest,
    response: rm.GetRegisteredModelResponse,
    rules: rm.registeredModelNameRules,
  }),
  searchRegisteredModels: defineEndpoint({
    name: 'searchRegisteredModels',
    methods: get,
    path: '/mlflow/registered-models/search',
    since: 2,
    request: rm.SearchRegisteredModelsRequest,
    response: rm.SearchRegisteredModelsResponse,
    rules: rm.searchRegisteredModelsRules,
  }),
  getLatestVersions: defineEndpoint({
    name: 'getLatestVersions',
    methods: ['POST', 'GET'],
    path: '/mlflow/registered-models/get-latest-versions',
    since: 2,
    request: rm.GetLatestVersionsRequest,
    response: rm.GetLatestVersionsResponse,
    rules: rm.getLatestVersionsRules,
  }),
  setRegisteredModelTag: defineEndpoint({
    name: 'setRegisteredModelTag',
    methods: post,
    path: '/mlflow/registered-models/set-tag',
    since: 2,
    request: rm.SetRegisteredModelTagRequest,
    response: EmptyResponse,
    rules: rm.setRegisteredModelTagRules,
  }),
  deleteRegisteredModelTag: defineEndpoint({
    name: 'deleteRegisteredModelTag',
    methods: del,
    path: '/mlflow/registered-models/delete-tag',
    since: 2,
    request: rm.DeleteRegisteredModelTagRequest,
    response: EmptyResponse,
    rules: rm.deleteRegisteredModelTagRules,
  }),

  // aliases: one path, three methods
  setRegisteredModelAlias: defineEndpoint({
    name: 'setRegisteredModelAlias',
    methods: post,
    path: '/mlflow/registered-models/alias',
    since: 2,
    request: alias.SetRegisteredModelAliasRequest,
    response: EmptyResponse,
    rules: alias.setRegisteredModelAliasRules,
  }),
  deleteRegisteredModelAlias: defineEndpoint({
    name: 'deleteRegisteredModelAlias',
    methods: del,
    path: '/mlflow/registered-models/alias',
    since: 2,
    request: alias.RegisteredModelAliasRequest,
    response: EmptyResponse,
    rules: alias.registeredModelAliasRules,
  }),
  getModelVersionByAlias: defineEndpoint({
    name: 'getModelVersionByAlias',
    methods: get,
    path: '/mlflow/registered-models/alias',
    since: 2,
    request: alias.RegisteredModelAliasRequest,
    response: alias.GetModelVersionByAliasResponse,
    rules: alias.registeredModelAliasRules,
  }),

  // model versions
  createModelVersion: defineEndpoint({
    name: 'createModelVersion',
    methods: post,
    path: '/mlflow/model-versions/create',
    since: 2,
    request: mv.CreateModelVersionRequest,
    response: mv.CreateModelVersionResponse,
    rules: mv.createModelVersionRules,
  }),
  updateModelVersion: defineEndpoint({
    name: 'updateModelVersion',
    methods: patch,
    path: '/mlflow/model-versions/update',
    since: 2,
    request: mv.UpdateModelVersionRequest,
    response: mv.UpdateModelVersionResponse,
    rules: mv.updateModelVersionRules,
  }),
  transitionModelVersionStage: defineEndpoint({
    name: 'transitionModelVersionStage',
    methods: post,
    path: '/mlflow/model-versions/transition-stage',
    since: 2,
    request: mv.TransitionModelVersionStageRequest,
    response: mv.TransitionModelVersionStageResponse,
    rules: mv.transitionModelVersionStageRules,
  }),
  deleteModelVersion: defineEndpoint({
    name: 'deleteModelVersion',
    methods: del,
    path: '/mlflow/model-versions/delete',
    since: 2,
    request: mv.ModelVersionRequest,
    response: EmptyResponse,
    rules: mv.modelVersionRules,
  }),
  getModelVersion: defineEndpoint({
    name: 'getModelVersion',
    methods: get,
    path: '/mlflow/model-versions/get',
    since: 2,
    request: mv.ModelVersionRequest,
    response: mv.GetModelVersionResponse,
    rules: mv.modelVersionRules,
  }),
  searchModelVersions: defineEndpoint({
    name: 'searchModelVersions',
    methods: get,
    path: '/mlflow/model-versions/search',
    since: 2,
    request: mv.SearchModelVersionsRequest,
    response: mv.SearchModelVersionsResponse,
    rules: mv.searchModelVersionsRules,
  }),
  // MLflow's handler gives no schema here: a missing name or version reaches the store.
  getModelVersionDownloadUri: defineEndpoint({
    name: 'getModelVersionDownloadUri',
    methods: get,
    path: '/mlflow/model-versions/get-download-uri',
    since: 2,
    request: mv.ModelVersionRequest,
    response: mv.GetModelVersionDownloadUriResponse,
  }),
  setModelVersionTag: defineEndpoint({
    name: 'setModelVersionTag',
    methods: post,
    path: '/mlflow/model-versions/set-tag',
    since: 2,
    request: mv.SetModelVersionTagRequest,
    response: EmptyResponse,
    rules: mv.setModelVersionTagRules,
  }),
  deleteModelVersionTag: defineEndpoint({
    name: 'deleteModelVersionTag',
    methods: del,
    path: '/mlflow/model-versions/delete-tag',
    since: 2,
    request: mv.DeleteModelVersionTagRequest,
    response: EmptyResponse,
    rules: mv.deleteModelVersionTagRules,
  }),
} as const;

export type RegistryEndpointName = keyof typeof registryEndpoints;
