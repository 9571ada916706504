// log-model rules: model_json must be a JSON object naming artifact_path, flavors, utc_time_created, run_id.
import { handlerCrash } from '../codec/internal-error.js';
import { decodeJson } from '../codec/decode-json.js';
import { isPlainObject } from '../codec/python-values.js';
import { pyStr } from '../codec/python-repr.js';
import { invalidParameter } from './messages.js';

const MANDATORY = ['artifact_path', 'flavors', 'utc_time_created', 'run_id'] as const;

/**
 * The log-model handler's checks; returns the parsed model dict. MLflow lists the missing
 * fields as a Python set, whose order varies between runs; ours follows the order above.
 */
export function validateLogModel(req: { model_json: string }): Record<string, unknown> {
  let model: unknown;
  try {
    model = decodeJson(req.model_json);
  } catch {
    throw invalidParameter(`Malformed model info. \n ${req.model_json} \n is not a valid JSON.`);
  }
  if (!isPlainObject(model)) throw handlerCrash('model_json is not a JSON object');
  const missing = MANDATORY.filter((f) => !Object.hasOwn(model, f));
  if (missing.length > 0) {
    throw invalidParameter(`Model json is missing mandatory fields: {${missing.map(pyStr).join(', ')}}`);
  }
  return model;
}
