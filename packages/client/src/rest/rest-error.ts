// MlflowRestError: a failed REST call, with MLflow's error_code and message and the HTTP status seen.
import { ErrorCode, MlflowError, errorCodeForStatus } from '@mlflow-ts/protocol';

const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));

/**
 * What the server answered on failure. `errorCode` is the code as sent (a proxy may send codes
 * MLflow does not know); `code` is the MLflow ErrorCode it maps to, as the Python client's
 * RestException does (numeric codes are read as HTTP statuses).
 *
 * @example
 * try {
 *   await client.call(trackingEndpoints.getRun, { run_id: 'nope' });
 * } catch (e) {
 *   if (e instanceof MlflowRestError && e.code === 'RESOURCE_DOES_NOT_EXIST') console.log('no such run');
 * }
 */
export class MlflowRestError extends MlflowError {
  /** The error_code string of the response body (or the mapped code when the body had none). */
  readonly errorCode: string;
  /** The HTTP status of the response. */
  readonly status: number;
  /** The endpoint path that failed, e.g. `/api/2.0/mlflow/runs/get`. */
  readonly endpoint: string;
  /** The parsed error body, when the server sent JSON. */
  readonly body: Readonly<Record<string, unknown>> | undefined;

  constructor(init: {
    errorCode: string;
    message: string;
    status: number;
    endpoint: string;
    body?: Record<string, unknown>;
  }) {
    super(mapCode(init.errorCode, init.status), init.message);
    this.name = 'MlflowRestError';
    this.errorCode = init.errorCode;
    this.status = init.status;
    this.endpoint = init.endpoint;
    this.body = init.body;
  }

  /** The status actually received, not the one the code would imply. */
  override get httpStatus(): number {
    return this.status;
  }
}

function mapCode(errorCode: string, status: number): ErrorCode {
  if (KNOWN_CODES.has(errorCode)) return errorCode as ErrorCode;
  const asNumber = Number(errorCode);
  if (errorCode !== '' && Number.isInteger(asNumber)) return errorCodeForStatus(asNumber);
  return errorCodeForStatus(status);
}

/**
 * Reads a non-2xx answer the way MLflow's verify_rest_response does: a JSON object body is the
 * error (code defaulting to INTERNAL_ERROR); anything else becomes a message quoting the body.
 *
 * @example
 * throw restErrorFromResponse(404, '/api/2.0/mlflow/runs/get', await res.text());
 */
export function restErrorFromResponse(status: number, endpoint: string, text: string): MlflowRestError {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
    const body = parsed as Record<string, unknown>;
    const rawCode = body.error_code;
    const errorCode =
      typeof rawCode === 'string' || typeof rawCode === 'number' ? String(rawCode) : ErrorCode.INTERNAL_ERROR;
    const message = typeof body.message === 'string' ? body.message : `Response: ${text}`;
    return new MlflowRestError({ errorCode, message, status, endpoint, body });
  }
  const code = errorCodeForStatus(status);
  return new MlflowRestError({
    errorCode: code,
    message: `API request to endpoint ${endpoint} failed with error code ${status} != 200. Response body: '${text}'`,
    status,
    endpoint,
  });
}
