// Builds the app over a real SQLite store in a fresh temp dir, and small request helpers for API tests.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openTrackingStore, type TrackingStore } from '@mlflow-ts/store';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { expect, it } from 'vitest';
import { createApp, defaultServerConfig, type ServerConfig } from '../../src/index.js';

export interface TestApp {
  app: FastifyInstance;
  store: TrackingStore;
  /** The temp dir holding the database and the artifacts destination. */
  dir: string;
  config: ServerConfig;
  close(): Promise<void>;
}

/** Security is off unless a test turns it on: the host check has its own suite. */
export async function startTestApp(overrides: Partial<ServerConfig> = {}): Promise<TestApp> {
  const dir = await mkdtemp(path.join(tmpdir(), 'mlflow-ts-server-'));
  const config = defaultServerConfig({
    artifactsDestination: path.join(dir, 'mlartifacts'),
    security: { enabled: false, allowedHosts: null, corsAllowedOrigins: [], xFrameOptions: 'SAMEORIGIN' },
    ...overrides,
  });
  const store = await openTrackingStore(`sqlite:///${path.join(dir, 'mlflow.db')}`, {
    defaultArtifactRoot: config.defaultArtifactRoot,
  });
  const app = await createApp({ store, config });
  return {
    app,
    store,
    dir,
    config,
    close: async () => {
      await app.close();
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export interface ApiResponse {
  status: number;
  /** Parsed JSON body; undefined when the body is not JSON. */
  json: unknown;
  text: string;
  headers: LightMyRequestResponse['headers'];
}

function toApiResponse(res: LightMyRequestResponse): ApiResponse {
  let json: unknown;
  try {
    json = JSON.parse(res.body);
  } catch {
    json = undefined;
  }
  return { status: res.statusCode, json, text: res.body, headers: res.headers };
}

export async function inject(app: FastifyInstance, options: InjectOptions): Promise<ApiResponse> {
  return toApiResponse(await app.inject(options));
}

/** POST a JSON body to `/api/2.0/mlflow<path>`. */
export function post(app: FastifyInstance, path: string, body: unknown): Promise<ApiResponse> {
  return inject(app, {
    method: 'POST',
    url: `/api/2.0/mlflow${path}`,
    payload: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });
}

/** GET `/api/2.0/mlflow<path>` with a query (arrays become repeated keys). */
export function get(
  app: FastifyInstance,
  path: string,
  query: Record<string, string | string[]> = {},
): Promise<ApiResponse> {
  return inject(app, { method: 'GET', url: `/api/2.0/mlflow${path}`, query });
}

/** A row of an error table: what to send, and MLflow's status, code and exact message. */
export interface ErrorCase {
  name: string;
  send: () => Promise<ApiResponse>;
  status: number;
  code: string;
  /** A function when the text depends on state created during the test (e.g. a run id). */
  message: string | (() => string);
  /**
   * Set when another package does not give MLflow's answer yet (who and what): the row then runs
   * as an expected failure, and turns red once fixed so the marker gets removed.
   */
  knownGap?: string;
}

/** Runs an error table: every row must give MLflow's status, code and exact message. */
export function errorTable(cases: readonly ErrorCase[]): void {
  for (const c of cases) {
    const check = async (): Promise<void> => {
      const res = await c.send();
      expectError(res, c.status, c.code, typeof c.message === 'function' ? c.message() : c.message);
    };
    if (c.knownGap === undefined) it(c.name, check);
    else it.fails(`${c.name} (known gap: ${c.knownGap})`, check);
  }
}

/** The error body MLflow sends for a code and message (classification fields included). */
export function mlflowError(code: string, message: string): Record<string, string> {
  const classes: Record<string, [string, string]> = {
    INVALID_PARAMETER_VALUE: ['KAM00', 'INVALID_PARAMETER_VALUE'],
    BAD_REQUEST: ['KAM00', 'INVALID_PARAMETER_VALUE'],
    RESOURCE_DOES_NOT_EXIST: ['KAM00', 'RESOURCE_NOT_FOUND'],
    RESOURCE_ALREADY_EXISTS: ['KAM00', 'RESOURCE_ALREADY_EXISTS'],
    INVALID_STATE: ['XXM00', 'CLIENT_INTERNAL_ERROR'],
    INTERNAL_ERROR: ['XXM00', 'CLIENT_INTERNAL_ERROR'],
  };
  const c = classes[code];
  return c ? { error_code: code, message, sqlstate: c[0], error_class: c[1] } : { error_code: code, message };
}

/** Asserts MLflow's complete error answer: status, JSON content type and body. */
export function expectError(res: ApiResponse, status: number, code: string, message: string): void {
  expect({ status: res.status, body: res.json }).toEqual({ status, body: mlflowError(code, message) });
  expect(res.headers['content-type']).toBe('application/json');
}

/** MLflow's suffix on messages of the handler's request schema checks. */
export const DOCS_HINT = ' See the API docs for more information about request parameters.';

export const missing = (field: string): string =>
  `Missing value for required parameter '${field}'.${DOCS_HINT}`;

/** The handler schema's type-error message; `shown` is the value as MLflow prints it (JSON). */
export const badType = (field: string, shown: string, pyType: string): string =>
  `Invalid value ${shown} for parameter '${field}' supplied:  Hint: Value was of type '${pyType}'.${DOCS_HINT}`;
