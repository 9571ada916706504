// MLflow's Content-Type rule for JSON request bodies (mlflow/server/validation.py).
import type { HttpMethod } from '../endpoint.js';
import { invalidParameter } from '../validation/messages.js';

/**
 * POST and PUT must say `application/json` (parameters such as `; charset=utf-8` allowed);
 * other methods are not checked. `contentType` null means the header was absent.
 */
export function validateContentType(
  method: HttpMethod,
  contentType: string | null | undefined,
  allowed: readonly string[] = ['application/json'],
): void {
  if (method !== 'POST' && method !== 'PUT') return;
  if (contentType === null || contentType === undefined) {
    throw invalidParameter('Bad Request. Content-Type header is missing.');
  }
  // compared as sent: MLflow neither trims nor lower-cases the media type
  const bare = contentType.split(';')[0] ?? '';
  if (!allowed.includes(bare)) {
    const listed = allowed.map((a) => `'${a}'`).join(', ');
    throw invalidParameter(`Bad Request. Content-Type must be one of [${listed}].`);
  }
}
