// Builds the S3 client the way MLflow's boto3 client is configured: default credential chain plus MLflow's env vars.
import { Agent } from 'node:https';
import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';

/** Python's truthy spellings for MLflow's boolean env vars ("true"/"1", case-insensitive). */
function envFlag(value: string | undefined): boolean {
  return value !== undefined && ['true', '1', 'yes', 'y', 't'].includes(value.trim().toLowerCase());
}

/**
 * Credentials and region come from the SDK's default chain (env, shared config/credentials files,
 * SSO, web identity, instance metadata). MLflow's own variables on top:
 * - MLFLOW_S3_ENDPOINT_URL: an S3-compatible endpoint; path-style addressing, as such servers expect.
 * - MLFLOW_S3_IGNORE_TLS: skip certificate verification (self-signed endpoints).
 * - AWS_DEFAULT_REGION: boto3 reads it; the JS SDK reads only AWS_REGION, so honour both.
 */
export function s3ClientConfigFromEnv(env: NodeJS.ProcessEnv = process.env): S3ClientConfig {
  const endpoint = env.MLFLOW_S3_ENDPOINT_URL || undefined;
  const region =
    env.AWS_REGION || env.AWS_DEFAULT_REGION || (endpoint !== undefined ? 'us-east-1' : undefined);
  const accessKeyId = env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
  // The chain's first provider reads these from process.env; an explicit env (tests) is honoured the same way.
  const credentials =
    env !== process.env && accessKeyId && secretAccessKey
      ? { credentials: { accessKeyId, secretAccessKey, sessionToken: env.AWS_SESSION_TOKEN } }
      : {};
  return {
    ...credentials,
    ...(region === undefined ? {} : { region }),
    ...(endpoint === undefined ? {} : { endpoint, forcePathStyle: true }),
    ...(envFlag(env.MLFLOW_S3_IGNORE_TLS)
      ? { requestHandler: { httpsAgent: new Agent({ rejectUnauthorized: false }) } }
      : {}),
    // Checksums only where S3 requires them: the default CRC32 trailers break presigned part URLs
    // and older S3-compatible servers (Ceph, MinIO releases before 2025) reject aws-chunked bodies.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  };
}

export function createS3Client(env: NodeJS.ProcessEnv = process.env): S3Client {
  return new S3Client(s3ClientConfigFromEnv(env));
}
