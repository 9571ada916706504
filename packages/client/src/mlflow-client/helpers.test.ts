// Pure helpers of MlflowClient: batch splitting, artifact URIs, YAML, MIME types.
import { describe, expect, it } from 'vitest';
import { proxyRootOf } from './artifact-uri.js';
import { splitBatch } from './batch-limits.js';
import { guessMimeType } from './mime-type.js';
import { dumpYaml } from './yaml-dump.js';

describe('splitBatch', () => {
  it('tops param/tag chunks up with metrics to 1000 entities, then sends metrics in thousands', () => {
    const metrics = Array.from({ length: 2100 }, (_v, i) => ({ key: 'm', value: i, timestamp: i, step: i }));
    const params = Array.from({ length: 150 }, (_v, i) => ({ key: `p${i}`, value: '1' }));
    const tags = Array.from({ length: 30 }, (_v, i) => ({ key: `t${i}`, value: '1' }));
    const sizes = splitBatch({ metrics, params, tags }).map((b) => [
      b.metrics.length,
      b.params.length,
      b.tags.length,
    ]);
    expect(sizes).toEqual([
      [870, 100, 30],
      [950, 50, 0],
      [280, 0, 0],
    ]);
    expect(splitBatch({ metrics: [], params: [], tags: [] })).toEqual([]);
  });
});

describe('proxyRootOf', () => {
  it.each<[string, string | undefined]>([
    ['mlflow-artifacts:/1/abc/artifacts', '1/abc/artifacts'],
    ['mlflow-artifacts://host:5000/1/abc/artifacts/', '1/abc/artifacts'],
    ['http://h:5000/api/2.0/mlflow-artifacts/artifacts/1/abc/artifacts', '1/abc/artifacts'],
    ['s3://bucket/1/abc/artifacts', undefined],
    ['/tmp/mlruns/1/abc/artifacts', undefined],
  ])('%s', (uri, root) => expect(proxyRootOf(uri)).toBe(root));
});

describe('dumpYaml', () => {
  it('writes block YAML as PyYAML safe_dump does for plain data', () => {
    expect(dumpYaml({ a: 1, b: [1, { c: 'x' }], d: {}, e: 'yes', f: 'two words', g: null, h: true })).toBe(
      'a: 1\nb:\n- 1\n- c: x\nd: {}\ne: "yes"\nf: two words\ng: null\nh: true\n',
    );
  });
});

describe('guessMimeType', () => {
  it('knows common extensions and falls back to octet-stream', () => {
    expect([guessMimeType('a/b.JSON'), guessMimeType('x.png'), guessMimeType('model.bin')]).toEqual([
      'application/json',
      'image/png',
      'application/octet-stream',
    ]);
  });
});
