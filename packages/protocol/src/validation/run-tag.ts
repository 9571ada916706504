// A run tag's rules: key name and length, value ≤ 8000 characters (truncated by default).
import type { RunTag } from '../entities.js';
import {
  MAX_ENTITY_KEY_LENGTH,
  MAX_TAG_VAL_LENGTH,
  validateLengthLimit,
  type TruncateOptions,
} from './lengths.js';
import { appendToJsonPath, validateTagName } from './names.js';

export interface RunTagValidationOptions extends TruncateOptions {
  /** '' for set-tag, `tags[i]` inside log-batch (messages then name `tags[i].key`). */
  readonly path?: string;
}

/**
 * MLflow's _validate_tag. Returns the tag to store (value cut to 8000 characters when
 * `truncateLongValues`, default true; a missing value read as '').
 */
export function validateRunTag(
  tag: { key: string | null | undefined; value?: string | null },
  options: RunTagValidationOptions = {},
): Required<RunTag> {
  const path = options.path ?? '';
  validateTagName(tag.key, appendToJsonPath(path, 'key'));
  const key = validateLengthLimit(appendToJsonPath(path, 'key'), MAX_ENTITY_KEY_LENGTH, tag.key as string);
  const value = validateLengthLimit(
    appendToJsonPath(path, 'value'),
    MAX_TAG_VAL_LENGTH,
    tag.value ?? '',
    options.truncateLongValues ?? true,
  );
  return { key, value };
}
