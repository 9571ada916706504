// s3ClientConfigFromEnv: MLflow's S3 environment variables mapped onto the JS SDK's client options.
import { describe, expect, it } from 'vitest';
import { s3ClientConfigFromEnv } from './s3-client.js';
import { keyOf, parseS3Uri, relativeOf } from './s3-location.js';

describe('s3ClientConfigFromEnv', () => {
  it('a custom endpoint means path-style addressing and a default region', () => {
    const c = s3ClientConfigFromEnv({ MLFLOW_S3_ENDPOINT_URL: 'http://ceph:7480' });
    expect(c).toMatchObject({ endpoint: 'http://ceph:7480', forcePathStyle: true, region: 'us-east-1' });
    expect(c.requestHandler).toBeUndefined();
  });

  it('AWS_DEFAULT_REGION is honoured, AWS_REGION wins; no endpoint = AWS virtual-hosted', () => {
    expect(s3ClientConfigFromEnv({ AWS_DEFAULT_REGION: 'eu-west-1' })).toMatchObject({ region: 'eu-west-1' });
    const both = s3ClientConfigFromEnv({ AWS_DEFAULT_REGION: 'eu-west-1', AWS_REGION: 'us-west-2' });
    expect(both.region).toBe('us-west-2');
    expect(both.forcePathStyle).toBeUndefined();
  });

  it('MLFLOW_S3_IGNORE_TLS installs an agent that skips certificate checks', () => {
    const c = s3ClientConfigFromEnv({ MLFLOW_S3_IGNORE_TLS: 'true' });
    const handler = c.requestHandler as { httpsAgent: { options: { rejectUnauthorized: boolean } } };
    expect(handler.httpsAgent.options.rejectUnauthorized).toBe(false);
    expect(s3ClientConfigFromEnv({ MLFLOW_S3_IGNORE_TLS: 'false' }).requestHandler).toBeUndefined();
  });
});

describe('S3 keys', () => {
  it('joins and splits keys under a prefix and at the bucket root', () => {
    const p = parseS3Uri('s3://b/p/q/');
    expect(p).toEqual({ bucket: 'b', prefix: 'p/q' });
    expect([keyOf(p, undefined), keyOf(p, './a//b/'), relativeOf(p, 'p/q/a/b/')]).toEqual([
      'p/q',
      'p/q/a/b',
      'a/b',
    ]);
    const root = parseS3Uri('s3://b');
    expect([keyOf(root, ''), keyOf(root, 'a'), relativeOf(root, 'a/')]).toEqual(['', 'a', 'a']);
    expect(() => parseS3Uri('s3:///x')).toThrow('Not an S3 URI');
  });
});
