// Experiment artifact_location rules; messages recorded from a real MLflow 3.18.0 server.
import { describe, expect, it } from 'vitest';
import { errorOf, invalid } from './test-support/expect-error.js';
import { validateArtifactLocation } from './artifact-location.js';
import { hostAndPort, pyUnquote, pyUrlparse } from './url-parse.js';

const hostMessage = (scheme: string) =>
  `'artifact_location' cannot use the '${scheme}' scheme: the '${scheme}' scheme addresses a host other than the tracking server's configured artifact storage, so the server would connect to the host named in the URI. Set the MLFLOW_ALLOWED_HOST_ADDRESSED_ARTIFACT_SCHEMES environment variable on the server to allow it.`;

describe('validateArtifactLocation', () => {
  it.each([
    's3://b/p;par',
    'mlflow-artifacts:/x',
    '/tmp/exp',
    'my_location',
    'file:///a;b',
    's3://bucket/path?versionId=1',
    'gs://b/p',
  ])('accepts %s', (loc) => {
    expect(() => validateArtifactLocation(loc)).not.toThrow();
  });

  it.each([
    ['runs:/abc', "Artifact location cannot be a runs:/ URI. Given: 'runs:/abc'"],
    ['s3://b/p#frag', "'artifact_location' URL can't include fragments or params."],
    ['/tmp/a;b', "'artifact_location' URL can't include fragments or params."],
    ['s3://b/p?a=../x', 'Invalid query string'],
    ['s3://b/p?x=%2e%2e/y', 'Invalid query string'],
    ['http://evil.example.com/x', hostMessage('http')],
    ['sftp://host/p', hostMessage('sftp')],
    ['https://a:99999/x', hostMessage('https')],
    ['mlflow-artifacts://host:99/x', hostMessage('mlflow-artifacts')],
    [
      `/tmp/${'x'.repeat(2100)}`,
      'Invalid artifact path length. The length of the artifact path cannot be greater than 2048 characters. To configure this limit, please set the MLFLOW_ARTIFACT_LOCATION_MAX_LENGTH environment variable.',
    ],
  ])('rejects %s', (loc, message) => {
    expect(errorOf(() => validateArtifactLocation(loc))).toEqual(invalid(message));
  });

  it('trusts the hosts of the server’s own artifact locations, and allowed schemes', () => {
    expect(() =>
      validateArtifactLocation('http://store:8080/a', { trustedUris: ['http://store:8080/root'] }),
    ).not.toThrow();
    expect(() =>
      validateArtifactLocation('https://store/a', { trustedUris: ['https://store:443/root'] }),
    ).not.toThrow();
    expect(() =>
      validateArtifactLocation('http://store:9/a', { trustedUris: ['http://store:8080/root'] }),
    ).toThrow();
    expect(() =>
      validateArtifactLocation('sftp://h/p', { allowedHostAddressedSchemes: ['SFTP'] }),
    ).not.toThrow();
    expect(errorOf(() => validateArtifactLocation('/x', { maxLength: 1 })).message).toContain(
      'greater than 1 characters',
    );
  });
});

describe('urlparse helpers', () => {
  it('splits like urllib', () => {
    expect(pyUrlparse('HTTP://u@Host:80/a/b;p?q=1#f')).toEqual({
      scheme: 'http',
      netloc: 'u@Host:80',
      path: '/a/b',
      params: 'p',
      query: 'q=1',
      fragment: 'f',
    });
    expect(pyUrlparse('s3://b/p;x').params).toBe('');
    expect(pyUrlparse('C:\\dir\\x').scheme).toBe('c');
    expect(hostAndPort('user@[::1]:8080')).toEqual({ hostname: '::1', port: 8080 });
    expect(hostAndPort('Host')).toEqual({ hostname: 'host', port: null });
    expect(hostAndPort('h:x')).toEqual({ hostname: 'h', port: 'malformed' });
    expect(pyUnquote('%2e%2E%20%C3%A9%zz')).toBe('.. é%zz');
  });
});
