// Tracking URI and credentials from MLflow's environment variables, and the Authorization header they produce.
import { describe, expect, it } from 'vitest';
import { authorizationHeader, MlflowClient } from '../mlflow-client/index.js';
import { checkTrackingUri, clientOptionsFromEnv } from './env-config.js';

describe('clientOptionsFromEnv', () => {
  it('reads the URI, credentials and HTTP settings', () => {
    const o = clientOptionsFromEnv({
      MLFLOW_TRACKING_URI: 'https://mlflow.example:8443/',
      MLFLOW_TRACKING_USERNAME: 'ana',
      MLFLOW_TRACKING_PASSWORD: 'pw',
      MLFLOW_HTTP_REQUEST_MAX_RETRIES: '2',
      MLFLOW_HTTP_REQUEST_TIMEOUT: '5',
    });
    expect(o).toMatchObject({
      trackingUri: 'https://mlflow.example:8443',
      username: 'ana',
      password: 'pw',
      retry: { maxRetries: 2 },
      timeoutMs: 5000,
    });
  });

  it('lets an explicit URI win and refuses missing or non-http URIs', () => {
    expect(clientOptionsFromEnv({ MLFLOW_TRACKING_URI: 'http://a' }, 'http://b').trackingUri).toBe(
      'http://b',
    );
    expect(() => clientOptionsFromEnv({})).toThrow('No tracking URI: set MLFLOW_TRACKING_URI');
    expect(() => checkTrackingUri('sqlite:///mlflow.db')).toThrow(
      "Unsupported tracking URI 'sqlite:///mlflow.db'",
    );
    expect(() => checkTrackingUri('not a uri')).toThrow("Invalid tracking URI 'not a uri'");
  });
});

describe('authorization', () => {
  it('prefers a bearer token over basic auth, and encodes UTF-8 credentials', () => {
    expect(authorizationHeader({ token: 't', username: 'u', password: 'p' })).toBe('Bearer t');
    expect(authorizationHeader({ username: 'ü', password: 'p' })).toBe(
      `Basic ${Buffer.from('ü:p').toString('base64')}`,
    );
    expect(authorizationHeader({ username: 'u' })).toBeUndefined();
  });

  it('sends the header on every request', async () => {
    const seen: (string | null)[] = [];
    const fetchSpy: typeof fetch = (_url, init) => {
      seen.push(new Headers(init?.headers).get('authorization'));
      return Promise.resolve(
        new Response('{"experiment":{"experiment_id":"0","name":"Default","lifecycle_stage":"active"}}'),
      );
    };
    const client = new MlflowClient({
      trackingUri: 'http://x',
      token: 'tok',
      fetch: fetchSpy,
      headers: { 'X-Extra': '1' },
    });
    await client.getExperiment('0');
    expect(seen).toEqual(['Bearer tok']);
    expect(client.rest.staticHeaders).toEqual({ 'X-Extra': '1', Authorization: 'Bearer tok' });
  });
});
