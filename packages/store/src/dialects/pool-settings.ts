// Connection-pool size and recycling for PostgreSQL/MySQL, from the environment variables MLflow reads.

/** How many connections a server-database store may hold, and for how long an idle one is kept. */
export interface PoolSettings {
  max: number;
  /** Milliseconds; 0 keeps idle connections forever (until the server drops them). */
  idleTimeoutMillis: number;
}

function positiveInt(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = Number(raw);
  return Number.isInteger(value) && value >= 0 ? value : undefined;
}

/**
 * SQLAlchemy's QueuePool defaults, which MLflow keeps unless told otherwise: 5 pooled
 * connections plus 10 overflow, so at most 15 at once. MLflow's MLFLOW_SQLALCHEMYSTORE_POOL_SIZE
 * and MLFLOW_SQLALCHEMYSTORE_MAX_OVERFLOW change that sum; MLFLOW_SQLALCHEMYSTORE_POOL_RECYCLE
 * (seconds) bounds how long a connection lives idle. Overflow connections are closed after
 * 30 s idle, close to SQLAlchemy closing them on return.
 */
export function poolSettings(env: NodeJS.ProcessEnv = process.env): PoolSettings {
  const size = positiveInt(env, 'MLFLOW_SQLALCHEMYSTORE_POOL_SIZE') ?? 5;
  const overflow = positiveInt(env, 'MLFLOW_SQLALCHEMYSTORE_MAX_OVERFLOW') ?? 10;
  const recycle = positiveInt(env, 'MLFLOW_SQLALCHEMYSTORE_POOL_RECYCLE');
  return {
    max: Math.max(1, size + overflow),
    idleTimeoutMillis: recycle !== undefined && recycle > 0 ? recycle * 1000 : 30_000,
  };
}
