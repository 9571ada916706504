// Logged-model RPC messages (service.proto, MLflow 3) and the schemas MLflow's handlers apply to them.
import { Type, type Static } from '@sinclair/typebox';
import { FileInfo } from '../entities.js';
import {
  isArray,
  isIntlike,
  isString,
  itemsAreStrings,
  required,
  type RequestRules,
} from '../codec/rules.js';
import {
  LoggedModel,
  LoggedModelParameter,
  LoggedModelStatus,
  LoggedModelTag,
} from './logged-model-entities.js';
import { int32 } from './wire-types.js';

/** One model in a response (create, get, finalize). */
export const LoggedModelResponse = Type.Object({ model: LoggedModel });
export type LoggedModelResponse = Static<typeof LoggedModelResponse>;

/** Empty strings mean "not given": MLflow's handler passes `name or None`. */
export const CreateLoggedModelRequest = Type.Object({
  experiment_id: Type.String(),
  name: Type.String(),
  model_type: Type.String(),
  source_run_id: Type.String(),
  params: Type.Array(LoggedModelParameter),
  tags: Type.Array(LoggedModelTag),
});
export type CreateLoggedModelRequest = Static<typeof CreateLoggedModelRequest>;
export const createLoggedModelRules: RequestRules = {
  experiment_id: [isString, required],
  name: [isString],
  model_type: [isString],
  source_run_id: [isString],
  params: [isArray],
  tags: [isArray],
};

/**
 * The id in the body is required by MLflow's handler schema but never used: the path names the
 * model. A status number outside the enum stops the parse and reads as UNSPECIFIED (0).
 */
export const FinalizeLoggedModelRequest = Type.Object({
  model_id: Type.String(),
  status: LoggedModelStatus,
});
export type FinalizeLoggedModelRequest = Static<typeof FinalizeLoggedModelRequest>;
export const finalizeLoggedModelRules: RequestRules = {
  model_id: [isString, required],
  status: [isIntlike, required],
};

/** GET reads only the `allow_deleted` query argument, as plain text (no proto parsing). */
export const GetLoggedModelRequest = Type.Object({ allow_deleted: Type.Optional(Type.String()) });
export type GetLoggedModelRequest = Static<typeof GetLoggedModelRequest>;

/** DELETE routes read nothing from the request but the path. */
export const PathOnlyRequest = Type.Object({});
export type PathOnlyRequest = Static<typeof PathOnlyRequest>;

export const SetLoggedModelTagsRequest = Type.Object({
  model_id: Type.Optional(Type.String()),
  tags: Type.Array(LoggedModelTag),
});
export type SetLoggedModelTagsRequest = Static<typeof SetLoggedModelTagsRequest>;
export const setLoggedModelTagsRules: RequestRules = { tags: [isArray] };

export const LogLoggedModelParamsRequest = Type.Object({
  model_id: Type.String(),
  params: Type.Array(LoggedModelParameter),
});
export type LogLoggedModelParamsRequest = Static<typeof LogLoggedModelParamsRequest>;
export const logLoggedModelParamsRules: RequestRules = {
  model_id: [isString, required],
  params: [isArray],
};

/** A dataset restriction of a search; an empty digest means "no digest" (matched as NULL). */
export const SearchLoggedModelsDataset = Type.Object({
  dataset_name: Type.String(),
  dataset_digest: Type.String(),
});
export type SearchLoggedModelsDataset = Static<typeof SearchLoggedModelsDataset>;

export const SearchLoggedModelsOrderBy = Type.Object({
  field_name: Type.String(),
  ascending: Type.Boolean({ default: true }),
  dataset_name: Type.String(),
  dataset_digest: Type.String(),
});
export type SearchLoggedModelsOrderBy = Static<typeof SearchLoggedModelsOrderBy>;

/** max_results has the proto default 50; an explicit 0 falls to the store's default (100). */
export const SearchLoggedModelsRequest = Type.Object({
  experiment_ids: Type.Array(Type.String()),
  filter: Type.String(),
  datasets: Type.Array(SearchLoggedModelsDataset),
  max_results: int32({ default: 50 }),
  order_by: Type.Array(SearchLoggedModelsOrderBy),
  page_token: Type.String(),
});
export type SearchLoggedModelsRequest = Static<typeof SearchLoggedModelsRequest>;
export const SearchLoggedModelsResponse = Type.Object({
  models: Type.Optional(Type.Array(LoggedModel)),
  next_page_token: Type.Optional(Type.String()),
});
export type SearchLoggedModelsResponse = Static<typeof SearchLoggedModelsResponse>;
export const searchLoggedModelsRules: RequestRules = {
  experiment_ids: [isArray, itemsAreStrings, required],
  filter: [isString],
  datasets: [isArray],
  max_results: [isIntlike],
  order_by: [isArray],
  page_token: [isString],
};

/** The directory only when sent: MLflow checks HasField before validating the path. */
export const ListLoggedModelArtifactsRequest = Type.Object({
  model_id: Type.Optional(Type.String()),
  artifact_directory_path: Type.Optional(Type.String()),
  page_token: Type.Optional(Type.String()),
});
export type ListLoggedModelArtifactsRequest = Static<typeof ListLoggedModelArtifactsRequest>;
export const ListLoggedModelArtifactsResponse = Type.Object({
  root_uri: Type.String(),
  files: Type.Optional(Type.Array(FileInfo)),
  next_page_token: Type.Optional(Type.String()),
});
export type ListLoggedModelArtifactsResponse = Static<typeof ListLoggedModelArtifactsResponse>;
export const listLoggedModelArtifactsRules: RequestRules = { artifact_directory_path: [isString] };
