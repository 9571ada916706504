// Maps S3 failures to MLflow error codes as MLflow's BOTO_TO_MLFLOW_ERROR does.
import { ErrorCode, MlflowError } from '@mlflow-ts/protocol';

const S3_TO_MLFLOW: Record<string, ErrorCode> = {
  AccessDenied: ErrorCode.PERMISSION_DENIED,
  NoSuchBucket: ErrorCode.RESOURCE_DOES_NOT_EXIST,
  NoSuchKey: ErrorCode.RESOURCE_DOES_NOT_EXIST,
  NoSuchUpload: ErrorCode.RESOURCE_DOES_NOT_EXIST,
  InvalidAccessKeyId: ErrorCode.UNAUTHENTICATED,
  SignatureDoesNotMatch: ErrorCode.UNAUTHENTICATED,
  // HEAD answers carry no error body, so only the status is known.
  '403': ErrorCode.PERMISSION_DENIED,
  '404': ErrorCode.RESOURCE_DOES_NOT_EXIST,
};

interface S3ErrorLike {
  name?: string;
  Code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
}

/** The S3 error code ('NoSuchKey', …) or, for bodiless answers, the HTTP status as a string. */
export function s3ErrorCode(error: unknown): string | undefined {
  if (error === null || typeof error !== 'object') return undefined;
  const e = error as S3ErrorLike;
  const code = e.Code ?? e.name;
  if (code !== undefined && code !== 'Unknown' && code !== 'NotFound' && code !== 'Error') return code;
  const status = e.$metadata?.httpStatusCode;
  return status === undefined ? code : String(status);
}

export function isS3NotFound(error: unknown): boolean {
  const code = s3ErrorCode(error);
  return code === 'NoSuchKey' || code === '404' || code === 'NotFound';
}

/** An MlflowError for a failed S3 call; errors already in MLflow's shape pass through. */
export function toMlflowError(error: unknown, context: string): Error {
  if (error instanceof MlflowError) return error;
  const code = s3ErrorCode(error);
  const mapped = (code !== undefined ? S3_TO_MLFLOW[code] : undefined) ?? ErrorCode.INTERNAL_ERROR;
  const message = error instanceof Error ? error.message : String(error);
  return new MlflowError(mapped, `${context}: ${message}`);
}
