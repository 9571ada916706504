// API tests of the probe routes: /health, /version and server-info, with and without --static-prefix.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject, startTestApp, type TestApp } from '../support/test-app.js';

const EXPECTED_INFO = {
  store_type: 'SqlStore',
  workspaces_enabled: false,
  trace_archival_enabled: false,
  multipart_uploads_enabled: false,
  multipart_downloads_enabled: false,
  artifact_serving_enabled: true,
  skill_content_max_size: 26214400,
  skill_content_max_files: 10000,
  presigned_upload_run_id_supported: false,
  presigned_upload_model_id_supported: false,
  model_artifact_presigned_downloads_supported: false,
  features_enabled: { gateway: false, scheduled_issue_detection: false },
  tracking_auth: '',
  artifacts_presigned_only: false,
};

describe('probe routes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  it('GET /health answers OK as text/plain', async () => {
    const res = await inject(t.app, { method: 'GET', url: '/health' });
    expect([res.status, res.text, res.headers['content-type']]).toEqual([
      200,
      'OK',
      'text/plain; charset=utf-8',
    ]);
  });

  it('GET /version answers the MLflow version as text/html, like Flask', async () => {
    const res = await inject(t.app, { method: 'GET', url: '/version' });
    expect([res.status, res.text, res.headers['content-type']]).toEqual([
      200,
      '3.18.0',
      'text/html; charset=utf-8',
    ]);
  });

  it.each(['/api/3.0/mlflow/server-info', '/ajax-api/3.0/mlflow/server-info'])(
    'GET %s answers the capabilities',
    async (url) => {
      const res = await inject(t.app, { method: 'GET', url });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/json');
      expect(res.json).toEqual(EXPECTED_INFO);
      // Same key order as MLflow.
      expect(Object.keys(res.json as object)).toEqual(Object.keys(EXPECTED_INFO));
    },
  );

  it('server-info is not served under /api/2.0', async () => {
    expect((await inject(t.app, { method: 'GET', url: '/api/2.0/mlflow/server-info' })).status).toBe(404);
  });
});

describe('probe routes under --static-prefix /mlflow', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ staticPrefix: '/mlflow' });
  });
  afterAll(async () => t.close());

  it.each([
    ['/mlflow/health', 200],
    ['/mlflow/version', 200],
    ['/mlflow/api/3.0/mlflow/server-info', 200],
    ['/mlflow/ajax-api/3.0/mlflow/server-info', 200],
    ['/mlflow/api/2.0/mlflow/experiments/get?experiment_id=0', 200],
    ['/mlflow/ajax-api/2.0/mlflow/experiments/get?experiment_id=0', 200],
    ['/health', 404],
    ['/version', 404],
    ['/api/3.0/mlflow/server-info', 404],
    ['/api/2.0/mlflow/experiments/get?experiment_id=0', 404],
    ['/ajax-api/2.0/mlflow/experiments/get?experiment_id=0', 404],
  ])('GET %s → %i (MLflow 3.18 prefixes /api too)', async (url, status) => {
    expect((await inject(t.app, { method: 'GET', url })).status).toBe(status);
  });
});

describe('--artifacts-only', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ artifactsOnly: true });
  });
  afterAll(async () => t.close());

  it('server-info stays up and reports no store', async () => {
    const res = await inject(t.app, { method: 'GET', url: '/api/3.0/mlflow/server-info' });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ store_type: null, artifact_serving_enabled: true });
  });

  it.each([
    ['POST', '/api/2.0/mlflow/experiments/create'],
    ['GET', '/ajax-api/2.0/mlflow/metrics/get-history-bulk'],
  ] as const)('%s %s answers 503 naming the route', async (method, url) => {
    const res = await inject(t.app, {
      method,
      url,
      headers: { 'content-type': 'application/json' },
      payload: method === 'POST' ? '{}' : undefined,
    });
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.text).toBe(
      `Endpoint: ${url} disabled due to the mlflow server running in \`--artifacts-only\` mode. ` +
        'To enable tracking server functionality, run `mlflow server` without `--artifacts-only`',
    );
  });
});
