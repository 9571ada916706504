// S3 servers for the API suites: the artifacts workspace's fixture, with its environment put into process.env
// (the in-process app builds its S3 client from the environment, as MLflow's server does).
import {
  describeEachS3Server as describeEachS3ServerWithEnv,
  type S3Fixture,
  type S3ServerKind,
} from '@mlflow-ts/artifacts/test-support';

export type { S3ServerKind };
export type S3rverHandle = S3Fixture;

/** `describeEachS3Server` of @mlflow-ts/artifacts/test-support, on a server-specific bucket, env applied. */
export function describeEachS3Server(
  title: string,
  body: (s3: () => S3rverHandle, kind: S3ServerKind) => void,
  only: readonly S3ServerKind[] = ['s3rver', 'radosgw'],
): void {
  describeEachS3ServerWithEnv(title, body, { bucket: 'mlflow-ts-server', only, applyEnv: true });
}
