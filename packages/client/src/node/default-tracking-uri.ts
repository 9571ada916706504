// The process-wide tracking URI set by setTrackingUri, which `new MlflowClient()` uses too (as Python's does).
let override: string | undefined;

/**
 * Sets (or with undefined, clears) the URI that wins over MLFLOW_TRACKING_URI.
 *
 * @example
 * setDefaultTrackingUri('http://localhost:5000');
 */
export function setDefaultTrackingUri(uri: string | undefined): void {
  override = uri;
}

/**
 * The URI set by setTrackingUri, if any.
 *
 * @example
 * const uri = defaultTrackingUri() ?? process.env.MLFLOW_TRACKING_URI;
 */
export function defaultTrackingUri(): string | undefined {
  return override;
}
