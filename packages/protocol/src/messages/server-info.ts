// GET /api/3.0/mlflow/server-info: the capability probe 3.x clients send before anything else.
import { Type, type Static } from '@sinclair/typebox';

export const ServerInfoRequest = Type.Object({});
export type ServerInfoRequest = Static<typeof ServerInfoRequest>;

/**
 * The keys MLflow 3.18.0 answers with (a plain dict, not a proto). Clients read missing keys as
 * false, so only store_type and the flags they act on are required here.
 */
export const ServerInfoResponse = Type.Object({
  store_type: Type.Union([Type.String(), Type.Null()]),
  workspaces_enabled: Type.Boolean(),
  trace_archival_enabled: Type.Optional(Type.Boolean()),
  multipart_uploads_enabled: Type.Boolean(),
  multipart_downloads_enabled: Type.Boolean(),
  artifact_serving_enabled: Type.Optional(Type.Boolean()),
  skill_content_max_size: Type.Optional(Type.Number()),
  skill_content_max_files: Type.Optional(Type.Number()),
  presigned_upload_run_id_supported: Type.Optional(Type.Boolean()),
  presigned_upload_model_id_supported: Type.Optional(Type.Boolean()),
  model_artifact_presigned_downloads_supported: Type.Optional(Type.Boolean()),
  features_enabled: Type.Optional(
    Type.Object({ gateway: Type.Boolean(), scheduled_issue_detection: Type.Boolean() }),
  ),
  tracking_auth: Type.Optional(Type.String()),
  artifacts_presigned_only: Type.Optional(Type.Boolean()),
});
export type ServerInfoResponse = Static<typeof ServerInfoResponse>;
