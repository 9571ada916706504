// LazyS3Repository: no client until the first operation, then every operation reaches the real bucket.
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { expect, it } from 'vitest';
import { LazyS3Repository } from './lazy-s3-repository.js';
import { supportsMultipart } from './artifact-repository.js';
import { describeEachS3Server } from './test-support/s3-fixture.js';

describeEachS3Server('LazyS3Repository', (s3) => {
  it('asks for the client on first use only, then behaves as the S3 repository', async () => {
    let asked = 0;
    const repo = new LazyS3Repository(`s3://${s3().bucket}/lazy`, async () => {
      asked += 1;
      return s3().client;
    });
    expect(repo.location).toEqual({ bucket: s3().bucket, prefix: 'lazy' });
    expect(supportsMultipart(repo)).toBe(true);
    expect(asked).toBe(0);

    await repo.put('d/a.txt', Readable.from([Buffer.from('hello')]));
    expect(await text(await repo.get('d/a.txt', { start: 1, end: 3 }))).toBe('ell');
    expect(await repo.stat('d/a.txt')).toMatchObject({ isDir: false, size: 5 });
    expect(await repo.list('d')).toEqual([{ path: 'd/a.txt', is_dir: false, file_size: 5 }]);
    await repo.delete('d');
    expect(await repo.stat('d/a.txt')).toBeNull();
    expect(asked).toBe(1);
  });

  it('asks again after a failed load instead of keeping the failure', async () => {
    let asked = 0;
    const repo = new LazyS3Repository(`s3://${s3().bucket}/lazy-retry`, async () => {
      asked += 1;
      if (asked === 1) throw new Error('no credentials yet');
      return s3().client;
    });
    await expect(repo.list()).rejects.toThrow('no credentials yet');
    expect(await repo.list()).toEqual([]);
    expect(asked).toBe(2);
  });
});

it('a malformed URI or MLFLOW_S3_UPLOAD_EXTRA_ARGS fails at construction, before any SDK load', () => {
  const never = async () => {
    throw new Error('not reached');
  };
  expect(() => new LazyS3Repository('s3:///no-bucket', never)).toThrow('Not an S3 URI');
  const saved = process.env.MLFLOW_S3_UPLOAD_EXTRA_ARGS;
  process.env.MLFLOW_S3_UPLOAD_EXTRA_ARGS = '[1]';
  try {
    expect(() => new LazyS3Repository('s3://b/p', never)).toThrow('must be a JSON object');
  } finally {
    if (saved === undefined) delete process.env.MLFLOW_S3_UPLOAD_EXTRA_ARGS;
    else process.env.MLFLOW_S3_UPLOAD_EXTRA_ARGS = saved;
  }
});
