// MLFLOW_S3_UPLOAD_EXTRA_ARGS: operator-set PutObject/CreateMultipartUpload parameters (boto3 names = JS SDK names).
import { MlflowError } from '@mlflow-ts/protocol';

/** Parsed JSON object, {} when unset; a malformed value fails loudly rather than uploading without it. */
export function uploadExtraArgsFromEnv(env: NodeJS.ProcessEnv = process.env): Record<string, unknown> {
  const raw = env.MLFLOW_S3_UPLOAD_EXTRA_ARGS;
  if (raw === undefined || raw.trim() === '') return {};
  const parsed: unknown = JSON.parse(raw);
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw MlflowError.invalidParameter('MLFLOW_S3_UPLOAD_EXTRA_ARGS must be a JSON object');
  }
  return parsed as Record<string, unknown>;
}
