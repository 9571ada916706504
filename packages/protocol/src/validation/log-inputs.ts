// log-inputs rules: run id, then each dataset's required fields and sizes and its input tags.
import type { DatasetInput } from '../entities.js';
import { validateRunId } from './ids.js';
import {
  MAX_DATASET_DIGEST_SIZE,
  MAX_DATASET_NAME_SIZE,
  MAX_DATASET_PROFILE_SIZE,
  MAX_DATASET_SCHEMA_SIZE,
  MAX_DATASET_SOURCE_SIZE,
  MAX_INPUT_TAG_KEY_SIZE,
  MAX_INPUT_TAG_VALUE_SIZE,
} from './lengths.js';
import { codePointLength } from '../codec/python-values.js';
import { exceedsMaximumLengthMessage, invalidParameter } from './messages.js';

type Nullable<T> = { readonly [K in keyof T]?: T[K] | null };

function tooLong(field: string, value: string | null | undefined, limit: number): void {
  if (value !== null && value !== undefined && value.length > limit && codePointLength(value) > limit) {
    throw invalidParameter(exceedsMaximumLengthMessage(field, limit));
  }
}

/** MLflow's _validate_dataset: required fields, then name ≤ 500, digest ≤ 36, source, schema, profile sizes. */
export function validateDataset(dataset: Nullable<DatasetInput['dataset']> | null | undefined): void {
  if (!dataset) throw invalidParameter('Dataset cannot be None');
  for (const f of ['name', 'digest', 'source_type', 'source'] as const) {
    if (dataset[f] === null || dataset[f] === undefined)
      throw invalidParameter(`Dataset ${f} cannot be None`);
  }
  tooLong('name', dataset.name, MAX_DATASET_NAME_SIZE);
  tooLong('digest', dataset.digest, MAX_DATASET_DIGEST_SIZE);
  tooLong('source', dataset.source, MAX_DATASET_SOURCE_SIZE);
  tooLong('schema', dataset.schema, MAX_DATASET_SCHEMA_SIZE);
  tooLong('profile', dataset.profile, MAX_DATASET_PROFILE_SIZE);
}

/** MLflow's _validate_input_tag: key ≤ 255, value ≤ 500. */
export function validateInputTag(
  tag: { key?: string | null; value?: string | null } | null | undefined,
): void {
  if (!tag) throw invalidParameter('InputTag cannot be None');
  if (tag.key === null || tag.key === undefined) throw invalidParameter('InputTag key cannot be None');
  if (tag.value === null || tag.value === undefined) throw invalidParameter('InputTag value cannot be None');
  tooLong('key', tag.key, MAX_INPUT_TAG_KEY_SIZE);
  tooLong('value', tag.value, MAX_INPUT_TAG_VALUE_SIZE);
}

/**
 * The SQL store's log_inputs checks: run id format, then per dataset input the dataset and its
 * tags. A tag decoded without a value holds '' on the wire (proto default): pass it as ''.
 */
export function validateLogInputs(req: { run_id: string; datasets?: readonly DatasetInput[] }): void {
  validateRunId(req.run_id);
  for (const input of req.datasets ?? []) {
    validateDataset(input.dataset);
    for (const tag of input.tags ?? []) validateInputTag({ key: tag.key, value: tag.value ?? '' });
  }
}
