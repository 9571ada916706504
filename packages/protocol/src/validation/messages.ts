// MLflow's wording for validation failures (mlflow/utils/validation.py), shared by every validator.
import { MlflowError } from '../errors.js';
import { pyJsonDumps } from '../codec/python-json.js';

/** "Invalid value <json> for parameter '<path>' supplied[: <detail>]" with Python's JSON of the value. */
export function invalidValueMessage(path: string, value: unknown, detail?: string): string {
  // json.dumps(value, sort_keys=True, separators=(",", ":")); a huge integral value was a Python int.
  const shown = pyJsonDumps(value, { sortKeys: true, separators: [',', ':'], largeIntegers: 'int' });
  return detail
    ? `Invalid value ${shown} for parameter '${path}' supplied: ${detail}`
    : `Invalid value ${shown} for parameter '${path}' supplied.`;
}

export function missingValueMessage(path: string): string {
  return `Missing value for required parameter '${path}'.`;
}

export function exceedsMaximumLengthMessage(path: string, limit: number): string {
  return `'${path}' exceeds the maximum length of ${limit} characters`;
}

/** The suffix MLflow's handler adds to every request-schema failure. */
export const API_DOCS_HINT = ' See the API docs for more information about request parameters.';

export function invalidParameter(message: string): MlflowError {
  return MlflowError.invalidParameter(message);
}
