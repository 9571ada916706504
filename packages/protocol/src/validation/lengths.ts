// Length limits of keys and values, with MLflow's optional truncation of long values.
import { codePointLength } from '../codec/python-values.js';
import { exceedsMaximumLengthMessage, invalidParameter } from './messages.js';

export const MAX_ENTITY_KEY_LENGTH = 250;
export const MAX_PARAM_VAL_LENGTH = 6000;
export const MAX_TAG_VAL_LENGTH = 8000;
export const MAX_EXPERIMENT_NAME_LENGTH = 500;
export const MAX_EXPERIMENT_TAG_KEY_LENGTH = 250;
/** 3.18.0 raised this from 5000. */
export const MAX_EXPERIMENT_TAG_VAL_LENGTH = 20000;
export const MAX_DATASET_NAME_SIZE = 500;
export const MAX_DATASET_DIGEST_SIZE = 36;
export const MAX_DATASET_SOURCE_SIZE = 65535;
export const MAX_DATASET_SCHEMA_SIZE = 1048575;
export const MAX_DATASET_PROFILE_SIZE = 16777215;
export const MAX_INPUT_TAG_KEY_SIZE = 255;
export const MAX_INPUT_TAG_VALUE_SIZE = 500;

/**
 * Options of the validators whose values MLflow may shorten. `truncateLongValues` is the server's
 * MLFLOW_TRUNCATE_LONG_VALUES, which defaults to true: an over-long param value (or run tag
 * value) is cut to the limit instead of rejected.
 */
export interface TruncateOptions {
  readonly truncateLongValues?: boolean;
}

/** Python's `value[:limit]`: counts code points, not UTF-16 units. */
function sliceCodePoints(value: string, limit: number): string {
  let units = 0;
  let seen = 0;
  for (const ch of value) {
    if (seen === limit) break;
    units += ch.length;
    seen++;
  }
  return value.slice(0, units);
}

/**
 * MLflow's _validate_length_limit: returns the value (cut to `limit` when `truncate` is allowed),
 * else throws "'<entity>' exceeds the maximum length of N characters".
 */
export function validateLengthLimit(entity: string, limit: number, value: string, truncate?: boolean): string;
export function validateLengthLimit(
  entity: string,
  limit: number,
  value: string | null | undefined,
  truncate?: boolean,
): string | undefined;
export function validateLengthLimit(
  entity: string,
  limit: number,
  value: string | null | undefined,
  truncate = false,
): string | undefined {
  if (value === null || value === undefined) return undefined;
  // UTF-16 length bounds the code-point count from above: most values need no counting
  if (value.length <= limit || codePointLength(value) <= limit) return value;
  if (truncate) return sliceCodePoints(value, limit);
  throw invalidParameter(exceedsMaximumLengthMessage(entity, limit));
}
