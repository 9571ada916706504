// Model-version RPC messages (model_registry.proto) and the schemas MLflow's registry handlers apply.
import { Type, type Static } from '@sinclair/typebox';
import {
  intAtMost,
  isArray,
  isBool,
  isIntlike,
  isString,
  itemsAreStrings,
  required,
  type RequestRules,
} from '../../codec/rules.js';
import { int64 } from '../wire-types.js';
import { ModelVersion, ModelVersionTag } from './entities.js';

const ModelVersionResponse = () => Type.Object({ model_version: ModelVersion });

/** run_id and model_id are read with HasField: present only when sent. */
export const CreateModelVersionRequest = Type.Object({
  name: Type.String(),
  source: Type.String(),
  run_id: Type.Optional(Type.String()),
  tags: Type.Array(ModelVersionTag),
  run_link: Type.String(),
  description: Type.String(),
  model_id: Type.Optional(Type.String()),
});
export type CreateModelVersionRequest = Static<typeof CreateModelVersionRequest>;
export const CreateModelVersionResponse = ModelVersionResponse();
export type CreateModelVersionResponse = Static<typeof CreateModelVersionResponse>;
export const createModelVersionRules: RequestRules = {
  name: [isString, required],
  source: [isString, required],
  run_id: [isString],
  tags: [isArray],
  run_link: [isString],
  description: [isString],
  model_id: [isString],
};

/** The request of get, delete and get-download-uri: one version of one model. */
export const ModelVersionRequest = Type.Object({ name: Type.String(), version: Type.String() });
export type ModelVersionRequest = Static<typeof ModelVersionRequest>;
export const modelVersionRules: RequestRules = {
  name: [isString, required],
  version: [isString, required],
};
export const GetModelVersionResponse = ModelVersionResponse();

/** A description absent from the request clears the stored one (MLflow passes None). */
export const UpdateModelVersionRequest = Type.Object({
  name: Type.String(),
  version: Type.String(),
  description: Type.Optional(Type.String()),
});
export type UpdateModelVersionRequest = Static<typeof UpdateModelVersionRequest>;
export const UpdateModelVersionResponse = ModelVersionResponse();
export const updateModelVersionRules: RequestRules = {
  name: [isString, required],
  version: [isString, required],
  description: [isString],
};

export const TransitionModelVersionStageRequest = Type.Object({
  name: Type.String(),
  version: Type.String(),
  stage: Type.String(),
  archive_existing_versions: Type.Boolean(),
});
export type TransitionModelVersionStageRequest = Static<typeof TransitionModelVersionStageRequest>;
export const TransitionModelVersionStageResponse = ModelVersionResponse();
export const transitionModelVersionStageRules: RequestRules = {
  name: [isString, required],
  version: [isString, required],
  stage: [isString, required],
  archive_existing_versions: [isBool],
};

export const GetModelVersionDownloadUriResponse = Type.Object({ artifact_uri: Type.Optional(Type.String()) });
export type GetModelVersionDownloadUriResponse = Static<typeof GetModelVersionDownloadUriResponse>;

export const SearchModelVersionsRequest = Type.Object({
  filter: Type.String(),
  max_results: int64({ default: 200000 }),
  order_by: Type.Array(Type.String()),
  page_token: Type.String(),
});
export type SearchModelVersionsRequest = Static<typeof SearchModelVersionsRequest>;
export const SearchModelVersionsResponse = Type.Object({
  model_versions: Type.Optional(Type.Array(ModelVersion)),
  next_page_token: Type.Optional(Type.String()),
});
export type SearchModelVersionsResponse = Static<typeof SearchModelVersionsResponse>;
export const searchModelVersionsRules: RequestRules = {
  filter: [isString],
  max_results: [isIntlike, intAtMost(200_000)],
  order_by: [isArray, itemsAreStrings],
  page_token: [isString],
};

export const SetModelVersionTagRequest = Type.Object({
  name: Type.String(),
  version: Type.String(),
  key: Type.String(),
  value: Type.String(),
});
export type SetModelVersionTagRequest = Static<typeof SetModelVersionTagRequest>;
export const setModelVersionTagRules: RequestRules = {
  name: [isString, required],
  version: [isString, required],
  key: [isString, required],
  value: [isString],
};

export const DeleteModelVersionTagRequest = Type.Object({
  name: Type.String(),
  version: Type.String(),
  key: Type.String(),
});
export type DeleteModelVersionTagRequest = Static<typeof DeleteModelVersionTagRequest>;
export const deleteModelVersionTagRules: RequestRules = {
  name: [isString, required],
  version: [isString, required],
  key: [isString, required],
};
