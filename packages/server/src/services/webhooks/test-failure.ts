// The error_message of a failed test delivery: "Failed to test webhook: " and the repr of the error MLflow caught.
import { MlflowError, pyStr } from '@mlflow-ts/protocol';
import { BlockedPeerError } from './http-post.js';
import { RetriesExhausted } from './webhook-request.js';

/** Python's repr of the exception types MLflow's test_webhook can catch, with our own detail text. */
export function testFailureMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  let repr: string;
  if (error instanceof MlflowError) repr = `MlflowException(${pyStr(text)})`;
  else if (error instanceof RetriesExhausted) repr = `${error.requestsType}(MaxRetryError(${pyStr(text)}))`;
  else if (error instanceof BlockedPeerError) repr = `SSRFProtectionError(${pyStr(text)})`;
  else repr = `RequestException(${pyStr(text)})`;
  return `Failed to test webhook: ${repr}`;
}
