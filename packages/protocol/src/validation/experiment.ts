// Experiment rules: name, tags (incl. trace-archival tags) and the custom-view count limit.
import { exceedsMaximumLengthMessage, invalidParameter } from './messages.js';
import {
  MAX_EXPERIMENT_NAME_LENGTH,
  MAX_EXPERIMENT_TAG_KEY_LENGTH,
  MAX_EXPERIMENT_TAG_VAL_LENGTH,
  validateLengthLimit,
} from './lengths.js';
import { validateTagName } from './names.js';
import { isPlainObject } from '../codec/python-values.js';

/** MLflow's _validate_experiment_name (create and rename). */
export function validateExperimentName(name: string | null | undefined): void {
  if (name === null || name === undefined || name.trim() === '') {
    throw invalidParameter(
      `Invalid experiment name: '${name === null || name === undefined ? 'None' : name}'`,
    );
  }
  if ([...name].length > MAX_EXPERIMENT_NAME_LENGTH) {
    throw invalidParameter(exceedsMaximumLengthMessage('name', MAX_EXPERIMENT_NAME_LENGTH));
  }
}

/** MLflow's _validate_experiment_tag: name rules, key ≤ 250, value ≤ 20000, trace-archival tag values. */
export function validateExperimentTag(tag: { key: string | null | undefined; value?: string | null }): void {
  validateTagName(tag.key);
  const key = tag.key as string;
  validateLengthLimit('key', MAX_EXPERIMENT_TAG_KEY_LENGTH, key);
  validateLengthLimit('value', MAX_EXPERIMENT_TAG_VAL_LENGTH, tag.value);
  if (key === 'mlflow.trace.archivalRetention') checkArchivalConfig(tag.value, 'value', 'duration', false);
  else if (key === 'mlflow.trace.archiveNow') checkArchivalConfig(tag.value, 'older_than', undefined, true);
}

const RETENTION = /^[1-9][0-9]*[mhd]$/;
const RETENTION_FORM =
  "Trace archival retention must be in the form `<int><unit>`, where unit is one of 'm', 'h', or 'd'.";

function checkArchivalConfig(
  value: string | null | undefined,
  durationKey: string,
  expectedType: string | undefined,
  allowMissing: boolean,
): void {
  if (value === null || value === undefined) return;
  let payload: unknown;
  try {
    payload = JSON.parse(value);
  } catch {
    payload = undefined;
  }
  if (!isPlainObject(payload)) {
    throw invalidParameter('Trace archival config must be encoded as a JSON object.');
  }
  if (expectedType !== undefined && payload['type'] !== expectedType) {
    throw invalidParameter(`Trace archival config must use type '${expectedType}'.`);
  }
  const duration = payload[durationKey];
  if ((duration === null || duration === undefined) && allowMissing) return;
  if (typeof duration !== 'string') throw invalidParameter(RETENTION_FORM);
  const trimmed = duration.trim();
  if (trimmed.length > 32) throw invalidParameter('Trace archival duration must be at most 32 characters.');
  if (!RETENTION.test(trimmed)) throw invalidParameter(RETENTION_FORM);
}

export const CUSTOM_VIEW_TAG_PREFIX = 'mlflow.customView.view';
export const MAX_CUSTOM_VIEWS_PER_EXPERIMENT = 50;

function customViewLimit(experimentId?: string): never {
  const ref = experimentId ? ` for experiment ${experimentId}` : '';
  throw invalidParameter(
    `Unable to create another custom view${ref}; the maximum number of custom views per experiment is ` +
      `${MAX_CUSTOM_VIEWS_PER_EXPERIMENT}. Delete an existing custom view before creating a new one.`,
  );
}

/** create-experiment: at most 50 custom-view tags among the new experiment's tags. */
export function validateCustomViewCount(tags: readonly { key: string }[]): void {
  const n = tags.filter((t) => t.key.startsWith(CUSTOM_VIEW_TAG_PREFIX)).length;
  if (n > MAX_CUSTOM_VIEWS_PER_EXPERIMENT) customViewLimit();
}

/**
 * set-experiment-tag: adding a new custom-view tag to an experiment already at the limit is
 * refused; overwriting an existing one is always allowed.
 */
export function validateCustomViewTagWrite(
  existingKeys: Iterable<string>,
  tagKey: string,
  experimentId: string,
): void {
  if (!tagKey.startsWith(CUSTOM_VIEW_TAG_PREFIX)) return;
  let count = 0;
  for (const k of existingKeys) {
    if (k === tagKey) return;
    if (k.startsWith(CUSTOM_VIEW_TAG_PREFIX)) count++;
  }
  if (count >= MAX_CUSTOM_VIEWS_PER_EXPERIMENT) customViewLimit(experimentId);
}
