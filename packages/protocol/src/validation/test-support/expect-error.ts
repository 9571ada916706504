// Test helper: run a function and return the code and message of the MlflowError it throws.
import { expect } from 'vitest';
import { MlflowError, type ErrorBody } from '../../errors.js';

export function errorOf(fn: () => unknown): ErrorBody {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(MlflowError);
    const { code, message } = e as MlflowError;
    return { error_code: code, message };
  }
  throw new Error('expected an MlflowError, nothing was thrown');
}

/** `{ error_code: 'INVALID_PARAMETER_VALUE', message }`, the body of most validation failures. */
export const invalid = (message: string): ErrorBody => ({ error_code: 'INVALID_PARAMETER_VALUE', message });
