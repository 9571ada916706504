// API tests of the transport: body and Content-Type rules, unknown routes, methods, errors, security wiring.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METHOD_NOT_ALLOWED_HTML, NOT_FOUND_HTML } from '../../src/http/not-found.js';
import {
  errorTable,
  expectError,
  inject,
  missing,
  startTestApp,
  DOCS_HINT,
  type ErrorCase,
  type TestApp,
} from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const CREATE = '/api/2.0/mlflow/experiments/create';
let counter = 0;
const uniqueName = (): string => `transport-${(counter += 1)}`;

function raw(payload: string | undefined, contentType?: string, url = CREATE) {
  const headers: Record<string, string> = contentType === undefined ? {} : { 'content-type': contentType };
  return inject(t.app, { method: 'POST', url, headers, payload });
}

describe('request bodies: ok', () => {
  it.each([
    ['application/json', (n: string) => JSON.stringify({ name: n })],
    ['application/json; charset=utf-8', (n: string) => JSON.stringify({ name: n })],
    // Legacy clients double-encode: a JSON string holding the JSON object.
    ['application/json', (n: string) => JSON.stringify(JSON.stringify({ name: n }))],
  ])('%s body %#', async (contentType, body) => {
    const res = await raw(body(uniqueName()), contentType);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ experiment_id: expect.any(String) });
    expect(res.headers['content-type']).toBe('application/json');
  });
});

describe('request bodies and content types: errors', () => {
  const contentTypeMessage = "Bad Request. Content-Type must be one of ['application/json'].";
  // One row per case: the table reads better unwrapped.
  // prettier-ignore
  const cases: ErrorCase[] = [
    // Flask reads a body it cannot parse as no body at all.
    { name: 'malformed JSON', send: () => raw('{bad', 'application/json'), status: 400, code: 'INVALID_PARAMETER_VALUE', message: missing('name') },
    { name: 'empty body', send: () => raw('', 'application/json'), status: 400, code: 'INVALID_PARAMETER_VALUE', message: missing('name') },
    { name: 'JSON null', send: () => raw('null', 'application/json'), status: 400, code: 'INVALID_PARAMETER_VALUE', message: missing('name') },
    { name: 'text/plain', send: () => raw('{"name":"x"}', 'text/plain'), status: 400, code: 'INVALID_PARAMETER_VALUE', message: contentTypeMessage },
    { name: 'media type in other case', send: () => raw('{"name":"x"}', 'Application/JSON'), status: 400, code: 'INVALID_PARAMETER_VALUE', message: contentTypeMessage },
    { name: 'unparseable content type', send: () => raw('{"name":"x"}', 'garbage'), status: 400, code: 'INVALID_PARAMETER_VALUE', message: contentTypeMessage },
    { name: 'no content type', send: () => raw('{"name":"x"}'), status: 400, code: 'INVALID_PARAMETER_VALUE', message: 'Bad Request. Content-Type header is missing.' },
    { name: 'no content type and no body', send: () => raw(undefined), status: 400, code: 'INVALID_PARAMETER_VALUE', message: 'Bad Request. Content-Type header is missing.' },
    { name: 'a wrong field type', send: () => raw('{"name": true}', 'application/json'), status: 400, code: 'INVALID_PARAMETER_VALUE', message: `Invalid value true for parameter 'name' supplied:  Hint: Value was of type 'bool'.${DOCS_HINT}` },
    { name: "Python's bare NaN token", send: () => raw('{"name": NaN}', 'application/json'), status: 400, code: 'INVALID_PARAMETER_VALUE', message: `Invalid value NaN for parameter 'name' supplied:  Hint: Value was of type 'float'.${DOCS_HINT}` },
    // MLflow's handler crashes on these (HTML 500); we answer INTERNAL_ERROR with the same status.
    {
      name: 'a JSON array',
      send: () => raw('[1,2]', 'application/json'),
      status: 500,
      code: 'INTERNAL_ERROR',
      message: 'Malformed request: the request body is not a JSON object',
    },
    {
      name: 'a JSON string that is not JSON',
      send: () => raw('"notjson"', 'application/json'),
      status: 500,
      code: 'INTERNAL_ERROR',
      message: 'Malformed request: the request body is a string that does not hold JSON',
    },
  ];
  errorTable(cases);

  it('refuses a body over 64 MB with 413 in MLflow error form', async () => {
    const res = await raw(`{"name": "${'x'.repeat(64 * 1024 * 1024)}"}`, 'application/json');
    expect(res.status).toBe(413);
    expect(res.json).toMatchObject({ error_code: 'BAD_REQUEST' });
  });
});

describe('routing', () => {
  it("answers an unknown API path with Flask's 404 page", async () => {
    const res = await inject(t.app, { method: 'GET', url: '/api/2.0/mlflow/foo/bar' });
    expect([res.status, res.headers['content-type'], res.text]).toEqual([
      404,
      'text/html; charset=utf-8',
      NOT_FOUND_HTML,
    ]);
  });

  it.each([
    ['GET', CREATE, 'POST, OPTIONS'],
    ['DELETE', CREATE, 'POST, OPTIONS'],
    ['PUT', '/api/2.0/mlflow/experiments/get', 'GET, HEAD, OPTIONS'],
    ['PATCH', '/api/2.0/mlflow/experiments/search', 'GET, HEAD, POST, OPTIONS'],
  ] as const)('answers %s on %s with 405 and Allow: %s', async (method, url, allow) => {
    const res = await inject(t.app, { method, url });
    expect([res.status, res.headers['content-type'], res.text]).toEqual([
      405,
      'text/html; charset=utf-8',
      METHOD_NOT_ALLOWED_HTML,
    ]);
    expect(res.headers.allow).toBe(allow);
  });

  it('answers OPTIONS on a known path with an empty 200 and Allow (no security layer)', async () => {
    const res = await inject(t.app, { method: 'OPTIONS', url: CREATE });
    expect([res.status, res.text, res.headers.allow]).toEqual([200, '', 'POST, OPTIONS']);
    expect((await inject(t.app, { method: 'OPTIONS', url: '/api/2.0/mlflow/nothing' })).status).toBe(404);
  });

  it('reads HEAD on a GET route like a body request, as MLflow does (400, no query read)', async () => {
    const res = await inject(t.app, {
      method: 'HEAD',
      url: '/api/2.0/mlflow/experiments/get?experiment_id=0',
    });
    expect(res.status).toBe(400);
  });

  it('keeps the trailing-slash form unknown', async () => {
    expect(
      (await inject(t.app, { method: 'GET', url: '/api/2.0/mlflow/experiments/get/?experiment_id=0' }))
        .status,
    ).toBe(404);
  });

  it('mirrors every tracking RPC under /ajax-api', async () => {
    const res = await inject(t.app, {
      method: 'POST',
      url: '/ajax-api/2.0/mlflow/experiments/search',
      headers: { 'content-type': 'application/json' },
      payload: '{"max_results": 1}',
    });
    expect(res.status).toBe(200);
  });
});

describe('error exit', () => {
  it('turns an unexpected failure into a 500 INTERNAL_ERROR without leaking its text', async () => {
    const broken = await startTestApp();
    await broken.store.close(); // every query now fails inside the database driver
    const res = await inject(broken.app, {
      method: 'GET',
      url: '/api/2.0/mlflow/experiments/get?experiment_id=0',
    });
    expectError(res, 500, 'INTERNAL_ERROR', 'Internal Server Error');
    await broken.app.close();
  });
});

describe('security wiring', () => {
  let secured: TestApp;
  beforeAll(async () => {
    secured = await startTestApp({
      security: { enabled: true, allowedHosts: null, corsAllowedOrigins: [], xFrameOptions: 'SAMEORIGIN' },
    });
  });
  afterAll(async () => secured.close());

  it('adds the security headers to API answers and refuses a foreign Host', async () => {
    const ok = await inject(secured.app, {
      method: 'GET',
      url: '/api/2.0/mlflow/experiments/get?experiment_id=0',
      headers: { host: 'localhost:5000' },
    });
    expect(ok.status).toBe(200);
    expect(ok.headers['x-content-type-options']).toBe('nosniff');
    expect(ok.headers['x-frame-options']).toBe('SAMEORIGIN');
    const bad = await inject(secured.app, {
      method: 'GET',
      url: '/api/2.0/mlflow/experiments/get?experiment_id=0',
      headers: { host: 'evil.com' },
    });
    expect(bad.status).toBe(403);
  });

  it('answers an OPTIONS on an API path with 204', async () => {
    const res = await inject(secured.app, { method: 'OPTIONS', url: CREATE, headers: { host: 'localhost' } });
    expect(res.status).toBe(204);
  });
});
