// Run RPC messages (create, update, delete, restore, get, search) and their handler schemas.
import { Type, type Static } from '@sinclair/typebox';
import { Run, RunInfo, RunStatus, RunTag, ViewType } from '../entities.js';
import {
  intAtMost,
  isArray,
  isIntlike,
  isString,
  itemsAreStrings,
  required,
  type RequestRules,
} from '../codec/rules.js';
import { int32, int64 } from './wire-types.js';

/** Absent fields read as '' / 0 like MLflow's handler sees them (e.g. start_time 0). */
export const CreateRunRequest = Type.Object({
  experiment_id: Type.String(),
  user_id: Type.String(),
  run_name: Type.String(),
  start_time: int64(),
  tags: Type.Array(RunTag),
});
export type CreateRunRequest = Static<typeof CreateRunRequest>;
export const CreateRunResponse = Type.Object({ run: Run });
export type CreateRunResponse = Static<typeof CreateRunResponse>;
export const createRunRules: RequestRules = {
  experiment_id: [isString],
  start_time: [isIntlike],
  run_name: [isString],
};

/** status, end_time and run_name are changed only when sent (MLflow checks HasField). */
export const UpdateRunRequest = Type.Object({
  run_id: Type.String(),
  run_uuid: Type.Optional(Type.String()),
  status: Type.Optional(RunStatus),
  end_time: Type.Optional(int64()),
  run_name: Type.Optional(Type.String()),
});
export type UpdateRunRequest = Static<typeof UpdateRunRequest>;
export const UpdateRunResponse = Type.Object({ run_info: RunInfo });
export type UpdateRunResponse = Static<typeof UpdateRunResponse>;
export const updateRunRules: RequestRules = {
  run_id: [required, isString],
  end_time: [isIntlike],
  status: [isString],
  run_name: [isString],
};

/**
 * delete/restore declare no run_uuid: a request carrying only run_uuid passes the required
 * check but reaches the store with run_id '' ("Run with id= not found"), as in MLflow.
 */
export const DeleteRunRequest = Type.Object({ run_id: Type.String() });
export type DeleteRunRequest = Static<typeof DeleteRunRequest>;
export const RestoreRunRequest = Type.Object({ run_id: Type.String() });
export type RestoreRunRequest = Static<typeof RestoreRunRequest>;
export const runIdRules: RequestRules = { run_id: [required, isString] };

export const GetRunRequest = Type.Object({ run_id: Type.String(), run_uuid: Type.Optional(Type.String()) });
export type GetRunRequest = Static<typeof GetRunRequest>;
export const GetRunResponse = Type.Object({ run: Run });
export type GetRunResponse = Static<typeof GetRunResponse>;

/** Proto defaults: run_view_type ACTIVE_ONLY, max_results 1000. */
export const SearchRunsRequest = Type.Object({
  experiment_ids: Type.Array(Type.String()),
  filter: Type.String(),
  run_view_type: Type.Union(ViewType.anyOf, { default: 'ACTIVE_ONLY' }),
  max_results: int32({ default: 1000 }),
  order_by: Type.Array(Type.String()),
  page_token: Type.String(),
});
export type SearchRunsRequest = Static<typeof SearchRunsRequest>;
export const SearchRunsResponse = Type.Object({
  runs: Type.Optional(Type.Array(Run)),
  next_page_token: Type.Optional(Type.String()),
});
export type SearchRunsResponse = Static<typeof SearchRunsResponse>;
/** The ≤ 50000 check reports the raw value with the generic hint ("Invalid value 123456789 …"). */
export const searchRunsRules: RequestRules = {
  experiment_ids: [isArray],
  filter: [isString],
  max_results: [isIntlike, intAtMost(50000)],
  order_by: [isArray, itemsAreStrings],
};
