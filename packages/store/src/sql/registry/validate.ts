// The registry checks MLflow's SQL store runs on entry (mlflow/utils/validation.py), with its messages.
import {
  badPathMessage,
  invalidValueMessage,
  MlflowError,
  missingValueMessage,
  pathNotUnique,
  validateLengthLimit,
  validateTagName,
} from '@mlflow-ts/protocol';

const invalid = (message: string): MlflowError => MlflowError.invalidParameter(message);

export const MAX_REGISTRY_TAG_KEY_LENGTH = 250;
export const MAX_REGISTRY_TAG_VALUE_LENGTH = 100_000;
export const MAX_ALIAS_LENGTH = 255;
export const PROMPT_TEXT_TAG_KEY = 'mlflow.prompt.text';

/** _validate_model_name: present, not blank, no '/' or ':', and not a path that resolves elsewhere. */
export function validateModelName(name: string | null | undefined): asserts name is string {
  if (name === null || name === undefined || name.trim() === '') throw invalid(missingValueMessage('name'));
  if (name.includes('/') || name.includes(':')) {
    throw invalid(`Invalid model name '${name}'. Names cannot contain '/' or ':'.`);
  }
  if (pathNotUnique(name)) throw invalid(invalidValueMessage('name', name, badPathMessage(name)));
}

export function validateModelRenaming(newName: string | null | undefined): asserts newName is string {
  if (newName === null || newName === undefined || newName.trim() === '') {
    throw invalid(missingValueMessage('new_name'));
  }
  validateModelName(newName);
}

/** _validate_model_version: Python's int() of the text (spaces, a sign and digit underscores allowed). */
export function validateModelVersion(version: string | number): number {
  if (typeof version === 'number') return version;
  const m = /^\s*([+-]?)(\d+(?:_\d+)*)\s*$/u.exec(version);
  if (!m) throw invalid(`Parameter 'version' must be an integer, got '${version}'.`);
  return Number(`${m[1] ?? ''}${(m[2] ?? '').replace(/_/g, '')}`);
}

export function validateRegisteredModelTag(key: string, value: string | null | undefined): void {
  validateTagName(key);
  validateLengthLimit('key', MAX_REGISTRY_TAG_KEY_LENGTH, key);
  validateLengthLimit('value', MAX_REGISTRY_TAG_VALUE_LENGTH, value);
}

export function validateModelVersionTag(key: string, value: string | null | undefined): void {
  validateTagName(key);
  if (value === null || value === undefined) throw invalid('Tag value cannot be None');
  validateLengthLimit('key', MAX_REGISTRY_TAG_KEY_LENGTH, key);
  if (key === PROMPT_TEXT_TAG_KEY && [...value].length > MAX_REGISTRY_TAG_VALUE_LENGTH) {
    throw invalid(`Prompt text exceeds max length of ${MAX_REGISTRY_TAG_VALUE_LENGTH} characters.`);
  }
  validateLengthLimit('value', MAX_REGISTRY_TAG_VALUE_LENGTH, value);
}

// Python's \w in a str pattern: Unicode letters, digits and '_'.
const ALIAS_CHARS = /^[\p{L}\p{N}_-]*$/u;

export function validateAliasName(alias: string | null | undefined): asserts alias is string {
  if (alias === null || alias === undefined || alias === '') {
    throw invalid('Registered model alias name cannot be empty.');
  }
  if (!ALIAS_CHARS.test(alias)) {
    throw invalid(
      `Invalid alias name: '${alias}'. Names may only contain alphanumerics, underscores (_), and dashes (-).`,
    );
  }
  validateLengthLimit('Registered model alias name', MAX_ALIAS_LENGTH, alias);
}

/** `latest` (any case) and `v<digits>` name versions in model URIs, so they cannot be aliases. */
export function validateAliasNameReserved(alias: string): void {
  if (alias.toLowerCase() === 'latest') throw invalid("'latest' alias name (case insensitive) is reserved.");
  if (/^[vV]\d+$/u.test(alias)) throw invalid(`Version alias name '${alias}' is reserved.`);
}
