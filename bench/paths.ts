// Where the repo, the compat venv's mlflow and our CLI live, resolved from this file.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const MLFLOW_BIN = join(REPO_ROOT, 'compat', '.venv', 'bin', 'mlflow');
export const TS_BIN = join(REPO_ROOT, 'packages', 'cli', 'bin', 'mlflow-ts.js');
export const TS_DIST_MAIN = join(REPO_ROOT, 'packages', 'cli', 'dist', 'main.js');
export const TS_SOURCE_MAIN = join(REPO_ROOT, 'packages', 'cli', 'src', 'main.ts');

/** True when the real MLflow 3.18.0 is installed in compat/.venv (compat/setup.sh). */
export function mlflowAvailable(): boolean {
  return existsSync(MLFLOW_BIN);
}
