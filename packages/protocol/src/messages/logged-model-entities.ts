// The LoggedModel entity of MLflow 3 (service.proto LoggedModel / Info / Data) as it travels on the wire.
import { Type, type Static } from '@sinclair/typebox';
import { registerEnumNumbers } from '../codec/message-plan.js';
import { Metric } from '../entities.js';

/** Proto numbers start at 0 (UNSPECIFIED), so they are declared rather than counted from 1. */
const STATUS_NAMES = [
  'LOGGED_MODEL_STATUS_UNSPECIFIED',
  'LOGGED_MODEL_PENDING',
  'LOGGED_MODEL_READY',
  'LOGGED_MODEL_UPLOAD_FAILED',
] as const;
registerEnumNumbers(STATUS_NAMES, [0, 1, 2, 3]);

export const LoggedModelStatus = Type.Union(STATUS_NAMES.map((n) => Type.Literal(n)));
export type LoggedModelStatus = Static<typeof LoggedModelStatus>;

/** The status as the integer MLflow keeps in `logged_models.status`. */
export function loggedModelStatusToInt(status: LoggedModelStatus): number {
  return STATUS_NAMES.indexOf(status);
}

/** The stored integer back as the enum name; MLflow refuses any other number. */
export function loggedModelStatusFromInt(value: number): LoggedModelStatus | undefined {
  return STATUS_NAMES[value];
}

export const LoggedModelTag = Type.Object({ key: Type.String(), value: Type.String() });
export type LoggedModelTag = Static<typeof LoggedModelTag>;
export const LoggedModelParameter = Type.Object({ key: Type.String(), value: Type.String() });
export type LoggedModelParameter = Static<typeof LoggedModelParameter>;
export const LoggedModelRegistrationInfo = Type.Object({
  name: Type.Optional(Type.String()),
  version: Type.Optional(Type.String()),
});

/** Fields in proto order; model_type and source_run_id are '' (not absent) when never given. */
export const LoggedModelInfo = Type.Object({
  model_id: Type.String(),
  experiment_id: Type.String(),
  name: Type.String(),
  creation_timestamp_ms: Type.Number(),
  last_updated_timestamp_ms: Type.Number(),
  artifact_uri: Type.String(),
  status: LoggedModelStatus,
  creator_id: Type.Optional(Type.Number()),
  model_type: Type.Optional(Type.String()),
  source_run_id: Type.Optional(Type.String()),
  status_message: Type.Optional(Type.String()),
  tags: Type.Optional(Type.Array(LoggedModelTag)),
  registrations: Type.Optional(Type.Array(LoggedModelRegistrationInfo)),
});
export type LoggedModelInfo = Static<typeof LoggedModelInfo>;

export const LoggedModelData = Type.Object({
  params: Type.Optional(Type.Array(LoggedModelParameter)),
  metrics: Type.Optional(Type.Array(Metric)),
});
export type LoggedModelData = Static<typeof LoggedModelData>;

export const LoggedModel = Type.Object({ info: LoggedModelInfo, data: LoggedModelData });
export type LoggedModel = Static<typeof LoggedModel>;
