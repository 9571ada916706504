// The webhook environment variables MLflow 3.18 reads (mlflow/environment_variables.py), with its defaults.

export interface WebhookSettings {
  /** MLFLOW_WEBHOOK_ALLOWED_SCHEMES: URL schemes a webhook may use (default https only). */
  allowedSchemes: string[];
  /** MLFLOW_WEBHOOK_ALLOW_PRIVATE_IPS: let URLs reach loopback/private/link-local addresses (default false). */
  allowPrivateIps: boolean;
  /** MLFLOW_WEBHOOK_REQUEST_TIMEOUT: seconds, for the connection and for the response alike (default 30). */
  requestTimeoutSeconds: number;
  /** MLFLOW_WEBHOOK_REQUEST_MAX_RETRIES: retries after the first attempt (default 3). */
  maxRetries: number;
  /** MLFLOW_WEBHOOK_DELIVERY_MAX_WORKERS: deliveries in flight at once (default 10). */
  maxWorkers: number;
  /** MLFLOW_WEBHOOK_CACHE_TTL: seconds the webhooks of one event are cached (default 60). */
  cacheTtlSeconds: number;
  /** MLFLOW_WEBHOOK_SECRET_ENCRYPTION_KEY: the Fernet key; absent → a random key for this process. */
  encryptionKey: string | null;
}

/** MLflow's `_split_strip` list reading. */
function list(text: string | undefined, fallback: string[]): string[] {
  if (text === undefined) return fallback;
  return text.split(',').map((s) => s.trim());
}

/** MLflow's `_BooleanEnvironmentVariable`: true/false/1/0 in any case; anything else is an error. */
function bool(name: string, text: string | undefined, fallback: boolean): boolean {
  if (text === undefined) return fallback;
  const lowered = text.toLowerCase();
  if (lowered === 'true' || lowered === '1') return true;
  if (lowered === 'false' || lowered === '0') return false;
  throw new Error(
    `${name} value must be one of ['true', 'false', '1', '0'] (case-insensitive), but got ${text}`,
  );
}

function int(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text.trim());
  if (!Number.isInteger(value))
    throw new Error(`Failed to convert ${JSON.stringify(text)} to int for ${name}`);
  return value;
}

export function webhookSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): WebhookSettings {
  return {
    allowedSchemes: list(env['MLFLOW_WEBHOOK_ALLOWED_SCHEMES'], ['https']),
    allowPrivateIps: bool('MLFLOW_WEBHOOK_ALLOW_PRIVATE_IPS', env['MLFLOW_WEBHOOK_ALLOW_PRIVATE_IPS'], false),
    requestTimeoutSeconds: int('MLFLOW_WEBHOOK_REQUEST_TIMEOUT', env['MLFLOW_WEBHOOK_REQUEST_TIMEOUT'], 30),
    maxRetries: int('MLFLOW_WEBHOOK_REQUEST_MAX_RETRIES', env['MLFLOW_WEBHOOK_REQUEST_MAX_RETRIES'], 3),
    maxWorkers: int('MLFLOW_WEBHOOK_DELIVERY_MAX_WORKERS', env['MLFLOW_WEBHOOK_DELIVERY_MAX_WORKERS'], 10),
    cacheTtlSeconds: int('MLFLOW_WEBHOOK_CACHE_TTL', env['MLFLOW_WEBHOOK_CACHE_TTL'], 60),
    encryptionKey: env['MLFLOW_WEBHOOK_SECRET_ENCRYPTION_KEY'] || null,
  };
}
