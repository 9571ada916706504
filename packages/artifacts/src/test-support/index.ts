// Test support other workspaces' tests may use (exported as `@mlflow-ts/artifacts/test-support`, source only).
export {
  describeEachS3Server,
  emptyBucket,
  radosgwConfig,
  startRadosgw,
  startS3rver,
  type DescribeS3Options,
  type RadosgwConfig,
  type S3Fixture,
  type S3ServerKind,
} from './s3-fixture.js';
