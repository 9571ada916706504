// Registered-model RPC messages (model_registry.proto) and the schemas MLflow's registry handlers apply.
import { Type, type Static } from '@sinclair/typebox';
import {
  intAtMost,
  isArray,
  isIntlike,
  isString,
  itemsAreStrings,
  required,
  type RequestRules,
} from '../../codec/rules.js';
import { int64 } from '../wire-types.js';
import { ModelVersion, RegisteredModel, RegisteredModelTag } from './entities.js';

const RegisteredModelResponse = () => Type.Object({ registered_model: RegisteredModel });

export const CreateRegisteredModelRequest = Type.Object({
  name: Type.String(),
  tags: Type.Array(RegisteredModelTag),
  description: Type.String(),
  deployment_job_id: Type.Optional(Type.String()),
});
export type CreateRegisteredModelRequest = Static<typeof CreateRegisteredModelRequest>;
export const CreateRegisteredModelResponse = RegisteredModelResponse();
export type CreateRegisteredModelResponse = Static<typeof CreateRegisteredModelResponse>;
export const createRegisteredModelRules: RequestRules = {
  name: [isString, required],
  tags: [isArray],
  description: [isString],
};

export const RenameRegisteredModelRequest = Type.Object({ name: Type.String(), new_name: Type.String() });
export type RenameRegisteredModelRequest = Static<typeof RenameRegisteredModelRequest>;
export const RenameRegisteredModelResponse = RegisteredModelResponse();
export const renameRegisteredModelRules: RequestRules = {
  name: [isString, required],
  new_name: [isString, required],
};

export const UpdateRegisteredModelRequest = Type.Object({
  name: Type.String(),
  description: Type.String(),
  deployment_job_id: Type.Optional(Type.String()),
});
export type UpdateRegisteredModelRequest = Static<typeof UpdateRegisteredModelRequest>;
export const UpdateRegisteredModelResponse = RegisteredModelResponse();
export const updateRegisteredModelRules: RequestRules = {
  name: [isString, required],
  description: [isString],
};

/** The request of get and delete: one model name. */
export const RegisteredModelNameRequest = Type.Object({ name: Type.String() });
export type RegisteredModelNameRequest = Static<typeof RegisteredModelNameRequest>;
export const registeredModelNameRules: RequestRules = { name: [isString, required] };
export const GetRegisteredModelResponse = RegisteredModelResponse();

export const SearchRegisteredModelsRequest = Type.Object({
  filter: Type.String(),
  max_results: int64({ default: 100 }),
  order_by: Type.Array(Type.String()),
  page_token: Type.String(),
});
export type SearchRegisteredModelsRequest = Static<typeof SearchRegisteredModelsRequest>;
export const SearchRegisteredModelsResponse = Type.Object({
  registered_models: Type.Optional(Type.Array(RegisteredModel)),
  next_page_token: Type.Optional(Type.String()),
});
export type SearchRegisteredModelsResponse = Static<typeof SearchRegisteredModelsResponse>;
export const searchRegisteredModelsRules: RequestRules = {
  filter: [isString],
  max_results: [isIntlike, intAtMost(1000)],
  order_by: [isArray, itemsAreStrings],
  page_token: [isString],
};

export const GetLatestVersionsRequest = Type.Object({
  name: Type.String(),
  stages: Type.Array(Type.String()),
});
export type GetLatestVersionsRequest = Static<typeof GetLatestVersionsRequest>;
export const GetLatestVersionsResponse = Type.Object({
  model_versions: Type.Optional(Type.Array(ModelVersion)),
});
export type GetLatestVersionsResponse = Static<typeof GetLatestVersionsResponse>;
export const getLatestVersionsRules: RequestRules = {
  name: [isString, required],
  stages: [isArray, itemsAreStrings],
};

export const SetRegisteredModelTagRequest = Type.Object({
  name: Type.String(),
  key: Type.String(),
  value: Type.String(),
});
export type SetRegisteredModelTagRequest = Static<typeof SetRegisteredModelTagRequest>;
export const setRegisteredModelTagRules: RequestRules = {
  name: [isString, required],
  key: [isString, required],
  value: [isString],
};

export const DeleteRegisteredModelTagRequest = Type.Object({ name: Type.String(), key: Type.String() });
export type DeleteRegisteredModelTagRequest = Static<typeof DeleteRegisteredModelTagRequest>;
export const deleteRegisteredModelTagRules: RequestRules = {
  name: [isString, required],
  key: [isString, required],
};
