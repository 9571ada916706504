// A tiny Fastify app with MLflow-like dummy routes behind the security middleware, for inject() tests.
import Fastify, { type FastifyInstance } from 'fastify';
import type { SecurityConfig } from '../../../config.js';
import { registerSecurity } from '../../security.js';

export const DEFAULTS: SecurityConfig = {
  enabled: true,
  allowedHosts: null,
  corsAllowedOrigins: [],
  xFrameOptions: 'SAMEORIGIN',
};

export function makeApp(security: Partial<SecurityConfig> = {}, staticPrefix = ''): FastifyInstance {
  const app = Fastify();
  registerSecurity(app, { ...DEFAULTS, ...security }, staticPrefix);
  for (const p of ['', staticPrefix]) {
    app.get(`${p}/health`, async (_req, reply) => reply.type('text/plain; charset=utf-8').send('OK'));
    app.get(`${p}/version`, async () => '3.18.0');
    app.get(`${p}/api/2.0/mlflow/experiments/get`, async () => ({ experiment: {} }));
    app.post(`${p}/api/2.0/mlflow/experiments/create`, async () => ({ experiment_id: '1' }));
    app.post(`${p}/ajax-api/2.0/mlflow/runs/delete`, async () => ({}));
    app.options(`${p}/api/2.0/mlflow/experiments/create`, async (_req, reply) =>
      reply.header('allow', 'POST, OPTIONS').send(''),
    );
    app.post(`${p}/graphql`, async () => ({ data: null }));
    app.get(`${p}/`, async (_req, reply) => reply.type('text/html').send('<html></html>'));
    if (p === staticPrefix) break;
  }
  app.put('/api/2.0/mlflow-artifacts/artifacts/*', async () => ({}));
  app.post('/api/test', async () => ({}));
  app.get('/static-files/lib/notebook-trace-renderer/index.html', async (_req, reply) =>
    reply.type('text/html').send('x'),
  );
  return app;
}

export interface Req {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH' | 'OPTIONS';
  path: string;
  host?: string;
  origin?: string;
  headers?: Record<string, string>;
}

export async function send(app: FastifyInstance, r: Req) {
  const headers: Record<string, string> = { host: r.host ?? 'localhost:5000', ...r.headers };
  if (r.origin !== undefined) headers.origin = r.origin;
  const method = r.method ?? 'GET';
  const payload = method === 'POST' || method === 'PUT' ? {} : undefined;
  return app.inject({ method, url: r.path, headers, ...(payload ? { payload } : {}) });
}

export const EXP_GET = '/api/2.0/mlflow/experiments/get?experiment_id=0';
export const CREATE = '/api/2.0/mlflow/experiments/create';
