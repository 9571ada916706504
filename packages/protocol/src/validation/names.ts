// Key-name rules for metrics, params and tags: allowed characters and the path-normalisation rule.
import { pyStr } from '../codec/python-repr.js';
import { invalidParameter, invalidValueMessage, missingValueMessage } from './messages.js';

// Python's \w is Unicode-aware: letters, digits (any script) and '_'. Colon is allowed off Windows.
const NAME_CHARS = /^[\p{L}\p{N}_/.\- :]*$/u;

export const BAD_CHARACTER_MESSAGE =
  'Names may only contain alphanumerics, underscores (_), dashes (-), periods (.), spaces ( ), colon(:) and slashes (/).';

/** Python's posixpath.normpath. */
export function posixNormpath(path: string): string {
  if (path === '') return '.';
  let initialSlashes = path.startsWith('/') ? 1 : 0;
  // POSIX keeps exactly two leading slashes, but three or more collapse to one
  if (initialSlashes && path.startsWith('//') && !path.startsWith('///')) initialSlashes = 2;
  const out: string[] = [];
  for (const comp of path.split('/')) {
    if (comp === '' || comp === '.') continue;
    if (comp !== '..' || (!initialSlashes && out.length === 0) || out[out.length - 1] === '..')
      out.push(comp);
    else if (out.length > 0) out.pop();
  }
  const joined = '/'.repeat(initialSlashes) + out.join('/');
  return joined || '.';
}

/** A name that would resolve to another name (or outside) when used as a file path. */
export function pathNotUnique(name: string): boolean {
  const norm = posixNormpath(name);
  return norm !== name || norm === '.' || norm.startsWith('..') || norm.startsWith('/');
}

export function badPathMessage(name: string): string {
  return (
    'Names may be treated as files in certain cases, and must not resolve to other names' +
    ` when treated as such. This name would resolve to ${pyStr(posixNormpath(name))}`
  );
}

/** Characters and path rule shared by metric, param and tag names; `path` names the field in messages. */
function checkNameShape(name: string, path: string): void {
  if (!NAME_CHARS.test(name)) throw invalidParameter(invalidValueMessage(path, name, BAD_CHARACTER_MESSAGE));
  if (pathNotUnique(name)) throw invalidParameter(invalidValueMessage(path, name, badPathMessage(name)));
}

/** MLflow's _validate_metric_name. */
export function validateMetricName(name: string | null | undefined, path = 'name'): void {
  if (name === null || name === undefined) {
    throw invalidParameter(
      invalidValueMessage(path, name, 'Metric name cannot be None. A key name must be provided.'),
    );
  }
  checkNameShape(name, path);
}

/** MLflow's _validate_param_name. */
export function validateParamName(name: string | null | undefined, path = 'key'): void {
  if (name === null || name === undefined) {
    throw invalidParameter(invalidValueMessage(path, '', 'A key name must be provided.'));
  }
  checkNameShape(name, path);
}

/** MLflow's _validate_tag_name. */
export function validateTagName(name: string | null | undefined, path = 'key'): void {
  if (name === null || name === undefined) throw invalidParameter(missingValueMessage(path));
  checkNameShape(name, path);
}

/** MLflow's append_to_json_path: `metrics[0]` + `name` → `metrics[0].name`. */
export function appendToJsonPath(current: string, value: string): string {
  if (!current) return value;
  return value.startsWith('[') ? `${current}${value}` : `${current}.${value}`;
}
