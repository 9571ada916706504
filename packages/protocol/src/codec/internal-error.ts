// The error for requests on which MLflow's own handler code crashes (Flask answers a bare 500 there).
import { ErrorCode, MlflowError } from '../errors.js';

/**
 * MLflow lets a Python TypeError/AttributeError escape for some malformed requests (e.g. a
 * `metrics` list holding strings, or a body that is a JSON array), which its server turns into
 * an HTML 500 page. We answer those with INTERNAL_ERROR, so the status still matches.
 */
export function handlerCrash(detail: string): MlflowError {
  return new MlflowError(ErrorCode.INTERNAL_ERROR, `Malformed request: ${detail}`);
}
