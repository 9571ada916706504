// decodeRequest's error table: every case recorded from a real MLflow 3.18.0 server, replayed here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ErrorCode, MlflowError } from '../errors.js';
import type { HttpMethod } from '../endpoint.js';
import { trackingEndpoints, type TrackingEndpointName } from '../messages/tracking-endpoints.js';
import { parseRequestBody } from './decode-json.js';
import { decodeRequest } from './decode-request.js';
import type { QueryParams } from './request-json.js';

interface RecordedCase {
  endpoint: TrackingEndpointName;
  method: HttpMethod;
  query?: QueryParams;
  body?: unknown;
  rawBody?: string;
  contentType?: string;
  status: number;
  error_code: string | null;
  message?: string;
}

const recorded = JSON.parse(
  readFileSync(new URL('./test-support/mlflow-decode-errors.json', import.meta.url), 'utf8'),
) as { cases: RecordedCase[] };

function decodeCase(c: RecordedCase): unknown {
  const body = c.rawBody !== undefined ? parseRequestBody(c.rawBody) : c.body;
  return decodeRequest(trackingEndpoints[c.endpoint], {
    method: c.method,
    query: c.method === 'GET' ? (c.query ?? {}) : {},
    body: c.method === 'GET' ? undefined : body,
    contentType: c.method === 'GET' ? undefined : (c.contentType ?? 'application/json'),
  });
}

function label(c: RecordedCase): string {
  const input = c.method === 'GET' ? c.query : (c.rawBody ?? c.body);
  return `${c.endpoint} ${JSON.stringify(input)?.slice(0, 120)}`;
}

describe('decodeRequest rejects what MLflow rejects, with its code and message', () => {
  const clientErrors = recorded.cases.filter((c) => c.status === 400);
  it.each(clientErrors.map((c) => [label(c), c] as const))('%s', (_label, c) => {
    let thrown: unknown;
    try {
      decodeCase(c);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(MlflowError);
    const { code, message } = thrown as MlflowError;
    expect({ error_code: code, message }).toEqual({ error_code: c.error_code, message: c.message });
  });

  // MLflow's handler crashes on these (a Python TypeError → HTML 500); we answer INTERNAL_ERROR.
  const crashes = recorded.cases.filter((c) => c.status === 500);
  it.each(crashes.map((c) => [label(c), c] as const))('%s → 500', (_label, c) => {
    expect(() => decodeCase(c)).toThrow(
      expect.objectContaining({ code: ErrorCode.INTERNAL_ERROR, httpStatus: 500 }) as Error,
    );
  });

  it('covers the MLflow test suites’ validation cases', () => {
    expect(clientErrors.length).toBeGreaterThan(100);
    expect(crashes.length).toBeGreaterThan(10);
  });
});
