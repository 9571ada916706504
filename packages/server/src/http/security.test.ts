// Request tables for the security middleware, checked in-process with inject(); expectations observed on MLflow 3.18.0.
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { CORS_BLOCKED_MSG, INVALID_HOST_MSG } from './security.js';
import { CREATE, EXP_GET, makeApp, send } from './security/test-support/security-app.js';

describe('Host header check (default allow-list)', () => {
  const app = makeApp();
  it.each([
    ['localhost', 200],
    ['localhost:1234', 200],
    ['127.0.0.1', 200],
    ['127.0.0.1:5000', 200],
    ['[::1]', 200],
    ['[::1]:5000', 200],
    ['0.0.0.0:80', 200],
    ['192.168.1.20:5000', 200],
    ['10.1.2.3:99', 200],
    ['172.16.0.1', 200],
    ['172.31.255.1:8080', 200],
    ['172.32.0.1', 403],
    ['172.15.0.1', 403],
    ['fd00::1', 200],
    ['fc00::abcd', 200],
    ['fd00::1%evil.com', 403],
    ['[fd00::1]:5000', 403],
    ['10.evil.com', 403],
    ['192.168.evil.com:80', 403],
    ['evil.com', 403],
    ['LOCALHOST', 403],
    ['localhost.evil.com', 403],
  ])('Host %j → %i', async (host, status) => {
    const res = await send(app, { path: EXP_GET, host });
    expect(res.statusCode).toBe(status);
    if (status === 403) {
      expect(res.body).toBe(INVALID_HOST_MSG);
      expect(res.headers['content-type']).toBe('text/plain');
      // The Host check is the outermost layer: nothing else decorates its answer.
      expect(res.headers['x-content-type-options']).toBeUndefined();
      expect(res.headers.vary).toBeUndefined();
    }
  });

  it('refuses a request without a Host header (HTTP/1.0 over a real socket)', async () => {
    const server = makeApp();
    await server.listen({ port: 0, host: '127.0.0.1' });
    try {
      const { port } = server.server.address() as AddressInfo;
      const raw = await new Promise<string>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => socket.end(`GET ${EXP_GET} HTTP/1.0\r\n\r\n`));
        let data = '';
        socket.on('data', (chunk) => (data += chunk.toString()));
        socket.on('end', () => resolve(data));
        socket.on('error', reject);
      });
      expect(raw.split('\r\n')[0]).toMatch(/^HTTP\/1\.[01] 403 Forbidden$/);
      expect(raw.endsWith(`\r\n\r\n${INVALID_HOST_MSG}`)).toBe(true);
    } finally {
      await server.close();
    }
  });

  it.each([
    ['/health', 200],
    ['/version', 200],
    ['/health?x=1', 200],
    ['/', 403],
    ['/graphql', 403],
    ['/healthz', 403],
  ])('exempt paths with a foreign Host: %s → %i', async (path, status) => {
    const res = await send(app, { path, host: 'evil.com', method: path === '/graphql' ? 'POST' : 'GET' });
    expect(res.statusCode).toBe(status);
  });

  it('checks preflights too', async () => {
    const res = await send(app, {
      method: 'OPTIONS',
      path: CREATE,
      host: 'evil.com',
      origin: 'http://evil.com',
      headers: { 'access-control-request-method': 'POST' },
    });
    expect([res.statusCode, res.body]).toEqual([403, INVALID_HOST_MSG]);
  });
});

describe('Host header check (configured list, static prefix)', () => {
  const app = makeApp({ allowedHosts: ['myhost.com', 'app-*.internal', '10.*:5000'] }, '/pfx');
  it.each([
    ['/pfx/api/2.0/mlflow/experiments/get', 'myhost.com', 200],
    ['/pfx/api/2.0/mlflow/experiments/get', 'app-x.internal', 200],
    ['/pfx/api/2.0/mlflow/experiments/get', '10.0.0.1:5000', 200],
    ['/pfx/api/2.0/mlflow/experiments/get', '10.0.0.1:5001', 403],
    ['/pfx/api/2.0/mlflow/experiments/get', '10.x.com:5000', 403],
    ['/pfx/api/2.0/mlflow/experiments/get', 'localhost', 403],
    ['/pfx/api/2.0/mlflow/experiments/get', 'myhost.com:5000', 403],
    // Under a prefix only the prefixed health routes are exempt, as in MLflow.
    ['/pfx/health', 'evil.com', 200],
    ['/pfx/version', 'evil.com', 200],
    ['/health', 'evil.com', 403],
    ['/version', 'evil.com', 403],
  ])('%s with Host %s → %i', async (path, host, status) => {
    expect((await send(app, { path, host })).statusCode).toBe(status);
  });

  it('an empty list means the default list', async () => {
    const app = makeApp({ allowedHosts: [] });
    expect((await send(app, { path: EXP_GET, host: 'localhost:5000' })).statusCode).toBe(200);
    expect((await send(app, { path: EXP_GET, host: 'evil.com' })).statusCode).toBe(403);
  });

  it("'*' anywhere in the list allows every Host, even an empty one", async () => {
    const open = makeApp({ allowedHosts: ['myhost.com', '*'] });
    expect((await send(open, { path: EXP_GET, host: 'evil.com' })).statusCode).toBe(200);
    expect((await send(open, { path: EXP_GET, host: '' })).statusCode).toBe(200);
  });
});

describe('security headers', () => {
  it.each([
    ['GET', EXP_GET],
    ['GET', '/health'],
    ['GET', '/'],
    ['GET', '/no/such/route'],
  ] as const)('%s %s gets nosniff and SAMEORIGIN', async (method, path) => {
    const res = await send(makeApp(), { method, path });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers.vary).toBe('Origin');
  });

  it.each([
    ['DENY', 'DENY'],
    ['NONE', undefined],
  ] as const)('X-Frame-Options %s → %s', async (xFrameOptions, expected) => {
    const res = await send(makeApp({ xFrameOptions }), { path: EXP_GET });
    expect(res.headers['x-frame-options']).toBe(expected);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('leaves X-Frame-Options off the notebook trace renderer so notebooks can frame it', async () => {
    const res = await send(makeApp(), { path: '/static-files/lib/notebook-trace-renderer/index.html' });
    expect(res.headers['x-frame-options']).toBeUndefined();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it.each([
    ['', CREATE, 204],
    ['/pfx', `/pfx${CREATE}`, 204],
    // Unprefixed API paths are not API paths under a prefix: the route's own 200 stands.
    ['/pfx', CREATE, 200],
  ])(
    'a plain OPTIONS on an API path (prefix %j) %s → %i with an empty body',
    async (prefix, path, status) => {
      const res = await send(makeApp({}, prefix), { method: 'OPTIONS', path });
      expect(res.statusCode).toBe(status);
      expect(res.body).toBe('');
      expect(res.headers.allow).toBe('POST, OPTIONS');
    },
  );

  it('a cross-origin block carries the CORS headers but not the security headers', async () => {
    const res = await send(makeApp(), { method: 'POST', path: CREATE, origin: 'https://evil.com' });
    expect(res.statusCode).toBe(403);
    expect(res.body).toBe(CORS_BLOCKED_MSG);
    expect(res.headers['content-type']).toBe('text/plain');
    expect(res.headers['access-control-allow-credentials']).toBe('true');
    expect(res.headers['access-control-expose-headers']).toBe('*');
    expect(res.headers.vary).toBe('Origin');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.headers['x-content-type-options']).toBeUndefined();
  });
});

describe('disabled middleware', () => {
  const app = makeApp({ enabled: false, allowedHosts: ['only.me'], xFrameOptions: 'DENY' });
  it.each([
    { path: EXP_GET, host: 'evil.com', origin: 'https://x.com' },
    { method: 'POST', path: CREATE, origin: 'http://evil.com' },
    { path: EXP_GET, host: '' },
  ] as const)('passes %j untouched', async (r) => {
    const res = await send(app, r);
    expect(res.statusCode).toBe(200);
    for (const h of ['x-content-type-options', 'x-frame-options', 'vary', 'access-control-allow-origin']) {
      expect(res.headers[h]).toBeUndefined();
    }
  });

  it('does not turn OPTIONS into a preflight answer or a 204', async () => {
    const res = await send(app, {
      method: 'OPTIONS',
      path: CREATE,
      origin: 'http://evil.com',
      headers: { 'access-control-request-method': 'POST' },
    });
    expect([res.statusCode, res.headers.allow]).toEqual([200, 'POST, OPTIONS']);
  });
});
