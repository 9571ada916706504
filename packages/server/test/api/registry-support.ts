// Request helpers shared by the registry API suites: PATCH/DELETE with JSON bodies, model and version setup.
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { inject, post, type ApiResponse } from '../support/test-app.js';

/** PATCH or DELETE a JSON body to `/api/2.0/mlflow<path>` (MLflow's registry reads bodies there too). */
export function send(
  app: FastifyInstance,
  method: 'PATCH' | 'DELETE' | 'POST',
  path: string,
  body: unknown,
): Promise<ApiResponse> {
  return inject(app, {
    method,
    url: `/api/2.0/mlflow${path}`,
    payload: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });
}

export async function createModel(
  app: FastifyInstance,
  name: string,
  extra: Record<string, unknown> = {},
): Promise<void> {
  const res = await post(app, '/registered-models/create', { name, ...extra });
  expect(res.status).toBe(200);
}

export async function createVersion(
  app: FastifyInstance,
  name: string,
  source = 's3://bucket/model',
  extra: Record<string, unknown> = {},
): Promise<Record<string, unknown>> {
  const res = await post(app, '/model-versions/create', { name, source, ...extra });
  expect(res.status).toBe(200);
  return (res.json as { model_version: Record<string, unknown> }).model_version;
}
