// Turning any failure of the command line into one line on stderr and an exit code.
import { MlflowError } from '@mlflow-ts/protocol';

/** A mistake in the command line or its environment; exits with 2 like MLflow's usage errors. */
export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}

/** A failure the user can act on (port in use, DB unreachable…); exits with 1 and no stack trace. */
export class CliRuntimeError extends Error {
  override readonly name = 'CliRuntimeError';
}

export const DEBUG_ENV = 'MLFLOW_TS_DEBUG';

function isDebug(env: NodeJS.ProcessEnv): boolean {
  const v = env[DEBUG_ENV];
  return v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false';
}

/** The one line shown for an error, without the `Error: ` lead. Multi-line messages are joined. */
export function describeError(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  const oneLine = text
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .join(' ');
  if (err instanceof CliUsageError || err instanceof CliRuntimeError || err instanceof MlflowError)
    return oneLine;
  const code = (err as { code?: unknown } | null)?.code;
  // Errors with a system or library code (ECONNREFUSED, SQLITE_CANTOPEN…) speak for themselves.
  if (typeof code === 'string' && code !== '')
    return oneLine.includes(code) ? oneLine : `${oneLine} (${code})`;
  // Anything else is most likely a bug of ours: say how to see where it came from.
  return `${oneLine === '' ? 'unexpected error' : oneLine} (set ${DEBUG_ENV}=1 to see the stack trace)`;
}

export function exitCodeFor(err: unknown): number {
  return err instanceof CliUsageError ? 2 : 1;
}

/** Prints `Error: <one line>` (the stack too under MLFLOW_TS_DEBUG=1) and exits. */
export function reportFatal(err: unknown, env: NodeJS.ProcessEnv = process.env): never {
  process.stderr.write(`Error: ${describeError(err)}\n`);
  if (isDebug(env)) {
    // Wrapped errors carry the original as `cause`: show the whole chain.
    for (let e: unknown = err; e instanceof Error; e = e.cause)
      process.stderr.write(`${e.stack ?? e.message}\n`);
  }
  process.exit(exitCodeFor(err));
}
