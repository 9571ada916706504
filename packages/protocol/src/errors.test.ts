// Error codes → HTTP statuses and the error body MLflow 3.18 writes (with sqlstate / error_class).
import { describe, expect, it } from 'vitest';
import { ErrorCode, MlflowError, errorCodeForStatus, httpStatusFor } from './errors.js';

describe('MlflowError', () => {
  it.each([
    ['INVALID_PARAMETER_VALUE', 400, { sqlstate: 'KAM00', error_class: 'INVALID_PARAMETER_VALUE' }],
    ['RESOURCE_ALREADY_EXISTS', 400, { sqlstate: 'KAM00', error_class: 'RESOURCE_ALREADY_EXISTS' }],
    ['RESOURCE_DOES_NOT_EXIST', 404, { sqlstate: 'KAM00', error_class: 'RESOURCE_NOT_FOUND' }],
    ['INVALID_STATE', 500, { sqlstate: 'XXM00', error_class: 'CLIENT_INTERNAL_ERROR' }],
    ['NOT_IMPLEMENTED', 501, {}],
    ['TEMPORARILY_UNAVAILABLE', 503, { sqlstate: 'XXM00', error_class: 'CLIENT_INTERNAL_ERROR' }],
    ['REQUEST_LIMIT_EXCEEDED', 429, {}],
  ] as const)('%s → %i', (code, status, extra) => {
    const e = new MlflowError(code, 'msg');
    expect(e.httpStatus).toBe(status);
    expect(httpStatusFor(code)).toBe(status);
    expect(JSON.stringify(e)).toBe(JSON.stringify({ error_code: code, message: 'msg', ...extra }));
  });

  it('maps statuses back the way the Python client does', () => {
    expect(errorCodeForStatus(400)).toBe(ErrorCode.BAD_REQUEST);
    expect(errorCodeForStatus(404)).toBe(ErrorCode.ENDPOINT_NOT_FOUND);
    expect(errorCodeForStatus(500)).toBe(ErrorCode.INTERNAL_ERROR);
    expect(errorCodeForStatus(501)).toBe(ErrorCode.NOT_IMPLEMENTED);
    expect(errorCodeForStatus(418)).toBe(ErrorCode.INTERNAL_ERROR);
  });
});
