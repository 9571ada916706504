// Retrying the first connection to a database server that is still starting, on MLflow's schedule.

/**
 * Failures that say "not yet" rather than "never": the server is not listening yet, is starting
 * up (PostgreSQL 57P03), dropped us while starting, or is briefly out of connections. Authentication,
 * unknown host or database and bad options fail at once.
 */
const TRANSIENT = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EPIPE',
  '57P03',
  'PROTOCOL_CONNECTION_LOST',
  'ER_CON_COUNT_ERROR',
]);

function codeOf(error: unknown): string | undefined {
  const e = error as { code?: unknown; errors?: unknown[] } | null;
  if (typeof e?.code === 'string') return e.code;
  const inner = Array.isArray(e?.errors) ? e.errors[0] : undefined;
  return inner ? codeOf(inner) : undefined;
}

export function isTransientConnectError(error: unknown): boolean {
  const code = codeOf(error);
  return code !== undefined && TRANSIENT.has(code);
}

/** MLflow's create_sqlalchemy_engine_with_retry makes 10 attempts in all; MLFLOW_TS_DB_CONNECT_ATTEMPTS overrides. */
export const DEFAULT_CONNECT_ATTEMPTS = 10;

export function connectAttempts(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.MLFLOW_TS_DB_CONNECT_ATTEMPTS);
  return Number.isInteger(n) && n >= 1 ? n : DEFAULT_CONNECT_ATTEMPTS;
}

/** The pause before attempt `attempt + 1`, as MLflow sleeps: 0.1 s × (2^attempt − 1). */
export function retryDelayMs(attempt: number): number {
  return 100 * (2 ** attempt - 1);
}

export interface ConnectRetryOptions {
  attempts?: number;
  /** Told about each failed attempt that will be retried (the CLI prints it as a warning). */
  onRetry?: (error: unknown, delayMs: number, attempt: number) => void;
  sleep?: (ms: number) => Promise<void>;
}

/** Runs `connect` until it succeeds, a non-transient error occurs, or the attempts run out. */
export async function withConnectRetry<T>(
  connect: () => Promise<T>,
  options: ConnectRetryOptions = {},
): Promise<T> {
  const attempts = options.attempts ?? connectAttempts();
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  for (let attempt = 1; ; attempt++) {
    try {
      return await connect();
    } catch (error) {
      if (attempt >= attempts || !isTransientConnectError(error)) throw error;
      const delay = retryDelayMs(attempt);
      options.onRetry?.(error, delay, attempt);
      await sleep(delay);
    }
  }
}

/** A short reason for a retry message: the error code, else the first line of the message. */
export function describeConnectFailure(error: unknown): string {
  return codeOf(error) ?? (error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error));
}
