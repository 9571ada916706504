// A param's rules: key name and length, value length (truncated by default, like MLflow).
import type { Param } from '../entities.js';
import {
  MAX_ENTITY_KEY_LENGTH,
  MAX_PARAM_VAL_LENGTH,
  validateLengthLimit,
  type TruncateOptions,
} from './lengths.js';
import { appendToJsonPath, validateParamName } from './names.js';

export interface ParamValidationOptions extends TruncateOptions {
  /** '' for log-parameter, `params[i]` inside log-batch. */
  readonly path?: string;
}

/**
 * MLflow's _validate_param. Returns the param to store: value cut to 6000 characters when
 * `truncateLongValues` (default true, MLflow's default), a missing value read as ''.
 *
 * @example const p = validateParam({ key: 'lr', value: '0.01' });
 */
export function validateParam(
  param: { key: string | null | undefined; value?: string | null },
  options: ParamValidationOptions = {},
): Required<Param> {
  validateParamName(param.key, appendToJsonPath(options.path ?? '', 'key'));
  const key = validateLengthLimit('Param key', MAX_ENTITY_KEY_LENGTH, param.key as string);
  const value = validateLengthLimit(
    'Param value',
    MAX_PARAM_VAL_LENGTH,
    param.value ?? '',
    options.truncateLongValues ?? true,
  );
  return { key, value };
}
