// appendToUriPath / resolveUriIfLocal against outputs recorded from MLflow 3.18's utils/uri.py.
import { describe, expect, it } from 'vitest';
import { appendToUriPath, resolveUriIfLocal } from './uri-path.js';

describe('appendToUriPath', () => {
  const cases: Array<[string, string[], string]> = [
    ['mlflow-artifacts:/', ['0'], 'mlflow-artifacts:/0'],
    ['mlflow-artifacts:', ['0'], 'mlflow-artifacts:0'],
    [
      'mlflow-artifacts://host:5000/',
      ['3', 'run', 'artifacts'],
      'mlflow-artifacts://host:5000/3/run/artifacts',
    ],
    ['s3://bucket', ['1'], 's3://bucket/1'],
    ['s3://bucket/path/', ['1'], 's3://bucket/path/1'],
    [
      's3://root/base/path?param=value',
      ['some/subpath', '/anotherpath'],
      's3://root/base/path/some/subpath/anotherpath?param=value',
    ],
    ['/tmp/root', ['0'], '/tmp/root/0'],
    ['/tmp/root/', ['0'], '/tmp/root/0'],
    ['rel/path', ['/some', 'subpath'], 'rel/path/some/subpath'],
    ['file:///tmp/x', ['0'], 'file:///tmp/x/0'],
    ['file:/tmp/x', ['0'], 'file:///tmp/x/0'],
    ['file:rel', ['0'], 'file:rel/0'],
    ['http://h/api/2.0/mlflow-artifacts/artifacts/', ['5'], 'http://h/api/2.0/mlflow-artifacts/artifacts/5'],
    ['gs://b/p#frag', ['1'], 'gs://b/p/1#frag'],
    ['', ['0'], '0'],
  ];
  it.each(cases)('%s + %j', (uri, paths, expected) => {
    expect(appendToUriPath(uri, ...paths)).toBe(expected);
  });

  it('refuses query strings that hide a path traversal', () => {
    expect(() => appendToUriPath('s3://b/p?x=%252e%252e/y', '1')).toThrow('Invalid query string');
  });
});

describe('resolveUriIfLocal', () => {
  const cwd = '/tmp/mlf1';
  const cases: Array<[string, string]> = [
    ['mlruns', '/tmp/mlf1/mlruns'],
    ['./mlruns/', '/tmp/mlf1/mlruns'],
    ['a//b/./c', '/tmp/mlf1/a/b/c'],
    ['../x', '/tmp/mlf1/../x'],
    ['/abs', '/abs'],
    ['file:rel/x', 'file:///tmp/mlf1/rel/x'],
    ['file:///abs', 'file:///abs'],
    ['mlflow-artifacts:/', 'mlflow-artifacts:/'],
    ['s3://b/x', 's3://b/x'],
    ['file://localhost/abs', 'file://localhost/abs'],
    ['a%20b', '/tmp/mlf1/a b'],
  ];
  it.each(cases)('%s', (uri, expected) => {
    expect(resolveUriIfLocal(uri, cwd)).toBe(expected);
  });

  it('rejects file: URIs on a remote host', () => {
    expect(() => resolveUriIfLocal('file://remote/x', cwd)).toThrow('is not a valid remote uri');
  });
});
