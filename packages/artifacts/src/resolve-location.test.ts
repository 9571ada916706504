// ArtifactResolver: proxied URIs go to the destination, local URIs to their directory, others refused.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LocalArtifactRepository } from './local-artifact-repository.js';
import { ArtifactResolver } from './resolve-location.js';
import { LazyS3Repository } from './lazy-s3-repository.js';

const resolver = new ArtifactResolver({ serveArtifacts: true, artifactsDestination: '/data/dest' });

describe('ArtifactResolver', () => {
  it.each([
    ['mlflow-artifacts:/0/r1/artifacts', '/data/dest', '0/r1/artifacts'],
    ['mlflow-artifacts://host:5000/1/r/artifacts', '/data/dest', '1/r/artifacts'],
    ['http://h:5000/api/2.0/mlflow-artifacts/artifacts/2/r/artifacts', '/data/dest', '2/r/artifacts'],
    ['file:///tmp/exp/r/artifacts', '/tmp/exp/r/artifacts', ''],
    ['/tmp/plain', '/tmp/plain', ''],
    ['file:///tmp/with%20space', '/tmp/with space', ''],
  ])('%s → %s + %j', (uri, root, rel) => {
    const { repository, path: p } = resolver.resolve(uri);
    expect((repository as LocalArtifactRepository).root).toBe(path.resolve(root));
    expect(p).toBe(rel);
  });

  it('reuses one repository per root', () => {
    expect(resolver.resolve('mlflow-artifacts:/a').repository).toBe(resolver.destination());
  });

  it.each(['gs://b/p', 'mlflow-artifacts:/0', 's3:///no-bucket'])(
    '%s without support → NOT_IMPLEMENTED',
    (uri) => {
      const noServe = new ArtifactResolver({ serveArtifacts: false, artifactsDestination: '/d' });
      expect(() => noServe.resolve(uri)).toThrow(expect.objectContaining({ code: 'NOT_IMPLEMENTED' }));
    },
  );

  it('an S3 destination or run root resolves to an S3 repository, one per root', () => {
    const s3 = new ArtifactResolver({ serveArtifacts: true, artifactsDestination: 's3://b/p/' });
    const dest = s3.destination() as LazyS3Repository;
    expect(dest).toBeInstanceOf(LazyS3Repository);
    expect(dest.location).toEqual({ bucket: 'b', prefix: 'p' });
    expect(s3.resolve('mlflow-artifacts:/0/r/artifacts')).toEqual({
      repository: dest,
      path: '0/r/artifacts',
    });
    const run = s3.resolve('s3://other/x/0/r/artifacts');
    expect((run.repository as LazyS3Repository).location).toEqual({
      bucket: 'other',
      prefix: 'x/0/r/artifacts',
    });
    expect(run.path).toBe('');
  });
});
