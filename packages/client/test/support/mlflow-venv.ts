// Finds the compat venv's Python (real MLflow 3.18.0); tests skip loudly without it locally and fail under CI=true.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const VENV_PYTHON = fileURLToPath(new URL('../../../../compat/.venv/bin/python', import.meta.url));
export const venvAvailable = existsSync(VENV_PYTHON);

/** True when the MLflow comparison must be skipped (venv missing outside CI), with a loud line. */
export function skipWithoutVenv(what: string): boolean {
  if (venvAvailable || process.env.CI === 'true') return false;
  console.warn(
    `\n!!!! SKIPPED ${what}: the MLflow venv is missing (${VENV_PYTHON}); run 'bash compat/setup.sh' !!!!\n`,
  );
  return true;
}

const run = promisify(execFile);

/** Runs a Python script of the venv with args; telemetry off (no network here). */
export async function runPython(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const { stdout } = await run(VENV_PYTHON, [script, ...args], {
    env: { ...process.env, MLFLOW_DISABLE_TELEMETRY: 'true', DO_NOT_TRACK: 'true', ...env },
    timeout: 180_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout;
}
