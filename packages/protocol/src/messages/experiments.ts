// Experiment RPC messages (service.proto) and the schemas MLflow's experiment handlers apply.
import { Type, type Static } from '@sinclair/typebox';
import { Experiment, ExperimentTag, ViewType } from '../entities.js';
import { isArray, isIntlike, isString, required, type RequestRules } from '../codec/rules.js';
import { int64 } from './wire-types.js';

export const GetExperimentByNameRequest = Type.Object({ experiment_name: Type.String() });
export type GetExperimentByNameRequest = Static<typeof GetExperimentByNameRequest>;
export const GetExperimentByNameResponse = Type.Object({ experiment: Experiment });
export type GetExperimentByNameResponse = Static<typeof GetExperimentByNameResponse>;
export const getExperimentByNameRules: RequestRules = { experiment_name: [required, isString] };

export const CreateExperimentRequest = Type.Object({
  name: Type.String(),
  artifact_location: Type.String(),
  tags: Type.Array(ExperimentTag),
});
export type CreateExperimentRequest = Static<typeof CreateExperimentRequest>;
export const CreateExperimentResponse = Type.Object({ experiment_id: Type.String() });
export type CreateExperimentResponse = Static<typeof CreateExperimentResponse>;
export const createExperimentRules: RequestRules = {
  name: [required, isString],
  artifact_location: [isString],
  tags: [isArray],
};

/** max_results has no proto default: absent reads 0, which the store then rejects. */
export const SearchExperimentsRequest = Type.Object({
  max_results: int64({ default: 0 }),
  page_token: Type.String(),
  filter: Type.String(),
  order_by: Type.Array(Type.String()),
  view_type: Type.Union(ViewType.anyOf, { default: 'ACTIVE_ONLY' }),
});
export type SearchExperimentsRequest = Static<typeof SearchExperimentsRequest>;
export const SearchExperimentsResponse = Type.Object({
  experiments: Type.Optional(Type.Array(Experiment)),
  next_page_token: Type.Optional(Type.String()),
});
export type SearchExperimentsResponse = Static<typeof SearchExperimentsResponse>;
export const searchExperimentsRules: RequestRules = {
  view_type: [isIntlike],
  max_results: [isIntlike],
  order_by: [isArray],
  filter: [isString],
  page_token: [isString],
};

/** The request of get, delete and restore: one experiment id. */
const ExperimentIdRequest = () => Type.Object({ experiment_id: Type.String() });
export const experimentIdRules: RequestRules = { experiment_id: [required, isString] };

export const GetExperimentRequest = ExperimentIdRequest();
export type GetExperimentRequest = Static<typeof GetExperimentRequest>;
export const GetExperimentResponse = Type.Object({ experiment: Experiment });
export type GetExperimentResponse = Static<typeof GetExperimentResponse>;

export const DeleteExperimentRequest = ExperimentIdRequest();
export type DeleteExperimentRequest = Static<typeof DeleteExperimentRequest>;

export const RestoreExperimentRequest = ExperimentIdRequest();
export type RestoreExperimentRequest = Static<typeof RestoreExperimentRequest>;

export const UpdateExperimentRequest = Type.Object({ experiment_id: Type.String(), new_name: Type.String() });
export type UpdateExperimentRequest = Static<typeof UpdateExperimentRequest>;
export const updateExperimentRules: RequestRules = {
  experiment_id: [required, isString],
  new_name: [isString, required],
};

export const SetExperimentTagRequest = Type.Object({
  experiment_id: Type.String(),
  key: Type.String(),
  value: Type.String(),
});
export type SetExperimentTagRequest = Static<typeof SetExperimentTagRequest>;
export const setExperimentTagRules: RequestRules = {
  experiment_id: [required, isString],
  key: [required, isString],
  value: [isString],
};

export const DeleteExperimentTagRequest = Type.Object({ experiment_id: Type.String(), key: Type.String() });
export type DeleteExperimentTagRequest = Static<typeof DeleteExperimentTagRequest>;
export const deleteExperimentTagRules: RequestRules = {
  experiment_id: [required, isString],
  key: [required, isString],
};
