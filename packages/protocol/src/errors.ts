// MLflow's error model: the error codes, their HTTP statuses, and the one error type every layer throws.

/** Error codes as MLflow names them on the wire (`error_code`). */
export const ErrorCode = {
  INTERNAL_ERROR: 'INTERNAL_ERROR',
  INVALID_STATE: 'INVALID_STATE',
  DATA_LOSS: 'DATA_LOSS',
  NOT_IMPLEMENTED: 'NOT_IMPLEMENTED',
  TEMPORARILY_UNAVAILABLE: 'TEMPORARILY_UNAVAILABLE',
  DEADLINE_EXCEEDED: 'DEADLINE_EXCEEDED',
  REQUEST_LIMIT_EXCEEDED: 'REQUEST_LIMIT_EXCEEDED',
  CANCELLED: 'CANCELLED',
  RESOURCE_EXHAUSTED: 'RESOURCE_EXHAUSTED',
  ABORTED: 'ABORTED',
  RESOURCE_CONFLICT: 'RESOURCE_CONFLICT',
  ALREADY_EXISTS: 'ALREADY_EXISTS',
  NOT_FOUND: 'NOT_FOUND',
  ENDPOINT_NOT_FOUND: 'ENDPOINT_NOT_FOUND',
  RESOURCE_DOES_NOT_EXIST: 'RESOURCE_DOES_NOT_EXIST',
  PERMISSION_DENIED: 'PERMISSION_DENIED',
  CUSTOMER_UNAUTHORIZED: 'CUSTOMER_UNAUTHORIZED',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  BAD_REQUEST: 'BAD_REQUEST',
  RESOURCE_ALREADY_EXISTS: 'RESOURCE_ALREADY_EXISTS',
  INVALID_PARAMETER_VALUE: 'INVALID_PARAMETER_VALUE',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** HTTP status per error code, as in mlflow/exceptions.py; anything unlisted is 500. */
const STATUS_BY_CODE: Readonly<Record<ErrorCode, number>> = {
  INTERNAL_ERROR: 500,
  INVALID_STATE: 500,
  DATA_LOSS: 500,
  NOT_IMPLEMENTED: 501,
  TEMPORARILY_UNAVAILABLE: 503,
  DEADLINE_EXCEEDED: 504,
  REQUEST_LIMIT_EXCEEDED: 429,
  CANCELLED: 499,
  RESOURCE_EXHAUSTED: 429,
  ABORTED: 409,
  RESOURCE_CONFLICT: 409,
  ALREADY_EXISTS: 409,
  NOT_FOUND: 404,
  ENDPOINT_NOT_FOUND: 404,
  RESOURCE_DOES_NOT_EXIST: 404,
  PERMISSION_DENIED: 403,
  CUSTOMER_UNAUTHORIZED: 401,
  UNAUTHENTICATED: 401,
  BAD_REQUEST: 400,
  RESOURCE_ALREADY_EXISTS: 400,
  INVALID_PARAMETER_VALUE: 400,
};

export function httpStatusFor(code: ErrorCode): number {
  return STATUS_BY_CODE[code] ?? 500;
}

/** The reverse mapping the Python client applies when `error_code` is a number. */
export function errorCodeForStatus(status: number): ErrorCode {
  if (status === 400) return ErrorCode.BAD_REQUEST;
  if (status === 404) return ErrorCode.ENDPOINT_NOT_FOUND;
  for (const [code, s] of Object.entries(STATUS_BY_CODE)) if (s === status) return code as ErrorCode;
  return ErrorCode.INTERNAL_ERROR;
}

/**
 * MLflow 3.18 classifies errors for clients: a SQLSTATE-like code and an error class, derived
 * from the error code (mlflow/exceptions.py). Codes it does not classify carry neither field.
 */
const CLASSIFICATION: Partial<Record<ErrorCode, readonly [sqlstate: string, errorClass: string]>> = {
  INTERNAL_ERROR: ['XXM00', 'CLIENT_INTERNAL_ERROR'],
  TEMPORARILY_UNAVAILABLE: ['XXM00', 'CLIENT_INTERNAL_ERROR'],
  INVALID_STATE: ['XXM00', 'CLIENT_INTERNAL_ERROR'],
  BAD_REQUEST: ['KAM00', 'INVALID_PARAMETER_VALUE'],
  INVALID_PARAMETER_VALUE: ['KAM00', 'INVALID_PARAMETER_VALUE'],
  NOT_FOUND: ['KAM00', 'RESOURCE_NOT_FOUND'],
  ENDPOINT_NOT_FOUND: ['KAM00', 'RESOURCE_NOT_FOUND'],
  RESOURCE_DOES_NOT_EXIST: ['KAM00', 'RESOURCE_NOT_FOUND'],
  PERMISSION_DENIED: ['KAM00', 'PERMISSION_DENIED'],
  CUSTOMER_UNAUTHORIZED: ['KAM00', 'PERMISSION_DENIED'],
  RESOURCE_ALREADY_EXISTS: ['KAM00', 'RESOURCE_ALREADY_EXISTS'],
};

/** The wire body of an error response. */
export interface ErrorBody {
  error_code: ErrorCode;
  message: string;
  sqlstate?: string;
  error_class?: string;
}

/**
 * The one error type of mlflow-ts. Stores, services and validators throw it; only the
 * server's error exit turns it into an HTTP response.
 */
export class MlflowError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'MlflowError';
    this.code = code;
  }
  get httpStatus(): number {
    return httpStatusFor(this.code);
  }
  toJSON(): ErrorBody {
    const body: ErrorBody = { error_code: this.code, message: this.message };
    const classified = CLASSIFICATION[this.code];
    if (classified) [body.sqlstate, body.error_class] = classified;
    return body;
  }
  static invalidParameter(message: string): MlflowError {
    return new MlflowError(ErrorCode.INVALID_PARAMETER_VALUE, message);
  }
  static notFound(message: string): MlflowError {
    return new MlflowError(ErrorCode.RESOURCE_DOES_NOT_EXIST, message);
  }
  static alreadyExists(message: string): MlflowError {
    return new MlflowError(ErrorCode.RESOURCE_ALREADY_EXISTS, message);
  }
  static invalidState(message: string): MlflowError {
    return new MlflowError(ErrorCode.INVALID_STATE, message);
  }
}

export function isMlflowError(e: unknown): e is MlflowError {
  return e instanceof MlflowError;
}
