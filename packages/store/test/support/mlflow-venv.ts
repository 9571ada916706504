// Finds the compat venv with the real MLflow 3.18.0 and runs its tools; tests skip loudly (or fail in CI) without it.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const VENV_BIN = fileURLToPath(new URL('../../../../compat/.venv/bin/', import.meta.url));
export const VENV_PYTHON = `${VENV_BIN}python`;
export const INTEROP_SCRIPT = fileURLToPath(new URL('../fixtures/mlflow_interop.py', import.meta.url));

export const venvAvailable = existsSync(VENV_PYTHON);

/**
 * Without the venv, a local run prints a loud notice and skips; in CI (CI=true) missing the
 * venv is itself a failure, so the MLflow comparison can never silently stop running.
 */
export function venvMissingNotice(what: string): string {
  const notice = `${what}: the MLflow venv is missing (${VENV_PYTHON}); run 'bash compat/setup.sh'`;
  if (process.env.CI !== 'true') console.warn(`\n!!!! SKIPPED ${notice} !!!!\n`);
  return notice;
}

const run = promisify(execFile);
/** Quiet and offline: MLflow's telemetry would otherwise try the network. */
const env = { ...process.env, MLFLOW_DISABLE_TELEMETRY: 'true', DO_NOT_TRACK: 'true' };

/**
 * Runs fixtures/mlflow_interop.py on `dir` (see its docstring): one Python process, because
 * importing MLflow costs seconds; `mlflow db upgrade` runs there through its click command.
 */
export async function mlflowInterop(dir: string): Promise<void> {
  await run(VENV_PYTHON, [INTEROP_SCRIPT, dir], { env, timeout: 120_000 });
}
