// CORS tables for the security middleware (preflights, reflection, blocking); expectations observed on MLflow 3.18.0.
import { describe, expect, it } from 'vitest';
import { CORS_BLOCKED_MSG } from './security.js';
import { CREATE, EXP_GET, makeApp, send, type Req } from './security/test-support/security-app.js';

const PREFLIGHT_VARY =
  'Origin, Access-Control-Request-Method, Access-Control-Request-Headers, Access-Control-Request-Private-Network';

function preflight(origin: string, method: string, extra: Record<string, string> = {}, path = CREATE): Req {
  return { method: 'OPTIONS', path, origin, headers: { 'access-control-request-method': method, ...extra } };
}

describe('blocking of state-changing cross-origin requests (default: no origins listed)', () => {
  const app = makeApp();
  it.each<[Req, number]>([
    [{ method: 'POST', path: CREATE, origin: 'https://evil.com' }, 403],
    [{ method: 'POST', path: '/ajax-api/2.0/mlflow/runs/delete', origin: 'https://evil.com' }, 403],
    [{ method: 'PUT', path: '/api/2.0/mlflow-artifacts/artifacts/a.txt', origin: 'https://evil.com' }, 403],
    [{ method: 'POST', path: CREATE, origin: 'null' }, 403],
    // Localhost origins pass whatever their scheme or port.
    [{ method: 'POST', path: CREATE, origin: 'http://localhost:3000' }, 200],
    [{ method: 'POST', path: CREATE, origin: 'https://localhost:9' }, 200],
    [{ method: 'POST', path: CREATE, origin: 'http://127.0.0.1' }, 200],
    [{ method: 'POST', path: CREATE, origin: 'http://[::1]:3000' }, 200],
    [{ method: 'POST', path: CREATE, origin: 'http://LOCALHOST:3000' }, 200],
    [{ method: 'POST', path: CREATE, origin: 'http://localhost.evil.com' }, 403],
    [{ method: 'POST', path: CREATE, origin: 'localhost:3000' }, 403],
    // No Origin, an empty Origin, a safe method, or a non-API path: never blocked.
    [{ method: 'POST', path: CREATE }, 200],
    [{ method: 'POST', path: CREATE, origin: '' }, 200],
    [{ method: 'GET', path: EXP_GET, origin: 'https://evil.com' }, 200],
    [{ method: 'POST', path: '/graphql', origin: 'https://evil.com' }, 200],
    [{ method: 'POST', path: '/api/test', origin: 'https://evil.com' }, 200],
  ])('%j → %i', async (r, status) => {
    const res = await send(app, r);
    expect(res.statusCode).toBe(status);
    if (status === 403) expect(res.body).toBe(CORS_BLOCKED_MSG);
  });
});

describe('blocking with a configured origin list and a static prefix', () => {
  const app = makeApp({ corsAllowedOrigins: ['https://ok.com', 'https://*.good.com'] }, '/pfx');
  it.each<[Req, number]>([
    [{ method: 'POST', path: `/pfx${CREATE}`, origin: 'https://ok.com' }, 200],
    [{ method: 'POST', path: `/pfx${CREATE}`, origin: 'https://b.good.com' }, 200],
    [{ method: 'POST', path: `/pfx${CREATE}`, origin: 'https://good.com' }, 403],
    [{ method: 'POST', path: `/pfx${CREATE}`, origin: 'https://ok.com:443' }, 403],
    [{ method: 'POST', path: `/pfx${CREATE}`, origin: 'https://evil.com' }, 403],
    [{ method: 'POST', path: `/pfx/ajax-api/2.0/mlflow/runs/delete`, origin: 'https://evil.com' }, 403],
    // The artifact router is not under the prefix but is still an API path.
    [{ method: 'PUT', path: '/api/2.0/mlflow-artifacts/artifacts/a', origin: 'https://evil.com' }, 403],
    // Without the prefix it is not an API path (MLflow has no route there: 404).
    [{ method: 'POST', path: CREATE, origin: 'https://evil.com' }, 200],
    // The router decodes %61 to 'a', and so does the check.
    [{ method: 'POST', path: `/pfx/%61pi/2.0/mlflow/experiments/create`, origin: 'https://evil.com' }, 403],
  ])('%j → %i', async (r, status) => {
    expect((await send(app, r)).statusCode).toBe(status);
  });
});

describe('CORS headers on simple responses', () => {
  const app = makeApp({ corsAllowedOrigins: ['https://ok.com', 'https://*.good.com'] });
  it.each([
    ['http://localhost:3000', 'http://localhost:3000'],
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
    ['http://[::1]', 'http://[::1]'],
    ['https://ok.com', 'https://ok.com'],
    // Only plain-http loopback and exact list entries are reflected (Starlette's rule, as in MLflow).
    ['https://localhost:3000', undefined],
    ['https://a.good.com', undefined],
    ['https://evil.com', undefined],
  ])('Origin %s → Access-Control-Allow-Origin %s', async (origin, allowOrigin) => {
    const res = await send(app, { path: EXP_GET, origin });
    expect(res.statusCode).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe(allowOrigin);
    expect(res.headers['access-control-allow-credentials']).toBe('true');
    expect(res.headers['access-control-expose-headers']).toBe('*');
    expect(res.headers.vary).toBe('Origin');
  });

  it('adds only Vary: Origin without an Origin header', async () => {
    const res = await send(app, { path: EXP_GET });
    expect(res.headers.vary).toBe('Origin');
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
  });
});

describe('preflights', () => {
  const app = makeApp({ corsAllowedOrigins: ['https://ok.com'] });
  it.each<[Req, number, string, Record<string, string | undefined>]>([
    [
      preflight('http://localhost:3000', 'POST', { 'access-control-request-headers': 'content-type,x-foo' }),
      200,
      'OK',
      {
        'access-control-allow-origin': 'http://localhost:3000',
        'access-control-allow-headers': 'content-type,x-foo',
      },
    ],
    [preflight('https://ok.com', 'DELETE'), 200, 'OK', { 'access-control-allow-origin': 'https://ok.com' }],
    [
      preflight('https://evil.com', 'POST'),
      400,
      'Disallowed CORS origin',
      { 'access-control-allow-origin': undefined },
    ],
    [preflight('http://localhost:3000', 'HEAD'), 400, 'Disallowed CORS method', {}],
    [preflight('https://evil.com', 'post'), 400, 'Disallowed CORS origin, method', {}],
    [
      preflight('http://localhost:3000', 'GET', { 'access-control-request-private-network': 'true' }),
      400,
      'Disallowed CORS private-network',
      {},
    ],
    // Preflights are answered on every path, API or not, before any route runs.
    [preflight('http://localhost:3000', 'GET', {}, '/no/such/route'), 200, 'OK', {}],
  ])('%j → %i %s', async (r, status, body, expected) => {
    const res = await send(app, r);
    expect([res.statusCode, res.body]).toEqual([status, body]);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.headers.vary).toBe(PREFLIGHT_VARY);
    expect(res.headers['access-control-allow-methods']).toBe('GET, POST, PUT, DELETE, OPTIONS, PATCH');
    expect(res.headers['access-control-max-age']).toBe('600');
    expect(res.headers['access-control-allow-credentials']).toBe('true');
    // The preflight answer comes from outside the security-headers layer.
    expect(res.headers['x-content-type-options']).toBeUndefined();
    for (const [k, v] of Object.entries(expected)) expect(res.headers[k]).toBe(v);
  });

  it('an OPTIONS with Origin but no Access-Control-Request-Method is not a preflight', async () => {
    const res = await send(app, { method: 'OPTIONS', path: CREATE, origin: 'http://localhost:3000' });
    expect(res.statusCode).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe('http://localhost:3000');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe("the '*' origin list: open, non-credentialed CORS and no blocking", () => {
  const app = makeApp({ corsAllowedOrigins: ['*'], allowedHosts: ['*'], xFrameOptions: 'NONE' });
  it('does not block and answers with Allow-Origin *', async () => {
    const res = await send(app, {
      method: 'POST',
      path: CREATE,
      origin: 'http://evil.com',
      host: 'evil.com',
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['access-control-expose-headers']).toBe('*');
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    expect(res.headers.vary).toBe('Origin');
    expect(res.headers['x-frame-options']).toBeUndefined();
  });

  it('answers preflights for every method Starlette knows, without credentials', async () => {
    const res = await send(
      app,
      preflight('http://evil.com', 'POST', { 'access-control-request-headers': 'content-type' }),
    );
    expect([res.statusCode, res.body]).toEqual([200, 'OK']);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['access-control-allow-methods']).toBe(
      'DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT, QUERY',
    );
    expect(res.headers['access-control-allow-headers']).toBe('content-type');
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
  });
});
