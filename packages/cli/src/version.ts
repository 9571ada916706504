// The version of mlflow-ts and the MLflow release whose server it implements.
import { createRequire } from 'node:module';

/** The MLflow tracking server release mlflow-ts is a drop-in for. */
export const MLFLOW_VERSION = '3.18.0';

// package.json sits one level above both src/ and dist/, so the same relative path works in both.
const pkg = createRequire(import.meta.url)('../package.json') as { version: string };

export const CLI_VERSION: string = pkg.version;

/** What `mlflow-ts --version` prints, e.g. `mlflow-ts 0.1.0 (MLflow 3.18.0 tracking server)`. */
export function versionLine(): string {
  return `mlflow-ts ${CLI_VERSION} (MLflow ${MLFLOW_VERSION} tracking server)`;
}
