// The tracking-side artifact listing message (GET /mlflow/artifacts/list).
import { Type, type Static } from '@sinclair/typebox';
import { FileInfo } from '../entities.js';
import { isString, required, type RequestRules } from '../codec/rules.js';

/** path only when sent (MLflow checks HasField and then validate_path_is_safe). */
export const ListArtifactsRequest = Type.Object({
  run_id: Type.String(),
  run_uuid: Type.Optional(Type.String()),
  path: Type.Optional(Type.String()),
  page_token: Type.String(),
});
export type ListArtifactsRequest = Static<typeof ListArtifactsRequest>;
export const ListArtifactsResponse = Type.Object({
  root_uri: Type.Optional(Type.String()),
  files: Type.Optional(Type.Array(FileInfo)),
  next_page_token: Type.Optional(Type.String()),
});
export type ListArtifactsResponse = Static<typeof ListArtifactsResponse>;
export const listArtifactsRules: RequestRules = {
  run_id: [isString, required],
  path: [isString],
  page_token: [isString],
};
