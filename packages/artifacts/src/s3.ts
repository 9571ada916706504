// @mlflow-ts/artifacts/s3: the AWS SDK-backed S3 repository and client, kept out of the main entry so it loads on demand.
export { S3ArtifactRepository, type S3RepositoryOptions } from './s3-artifact-repository.js';
export { createS3Client, s3ClientConfigFromEnv } from './s3-client.js';
