// Sampling settings of the system-metrics monitor: options, overridden by MLflow's environment variables as in MLflow.

export const SAMPLING_INTERVAL_ENV = 'MLFLOW_SYSTEM_METRICS_SAMPLING_INTERVAL';
export const SAMPLES_BEFORE_LOGGING_ENV = 'MLFLOW_SYSTEM_METRICS_SAMPLES_BEFORE_LOGGING';
export const NODE_ID_ENV = 'MLFLOW_SYSTEM_METRICS_NODE_ID';
export const ENABLE_SYSTEM_METRICS_ENV = 'MLFLOW_ENABLE_SYSTEM_METRICS_LOGGING';

/** What a caller may set; each environment variable, when set to a non-zero value, wins (MLflow's precedence). */
export interface MonitorSettingsOptions {
  /** Seconds between samples (default 10). */
  samplingInterval?: number;
  /** Samples averaged into one logged value (default 1). */
  samplesBeforeLogging?: number;
  /** Inserted in metric names, `system/<nodeId>/…`, to tell the machines of a distributed job apart. */
  nodeId?: string | null;
}

export interface MonitorSettings {
  samplingIntervalSeconds: number;
  samplesBeforeLogging: number;
  nodeId: string | null;
}

type Env = Readonly<Record<string, string | undefined>>;

/** Python's float(): decimal or exponent forms, inf / nan, surrounding whitespace, digit underscores. */
const PY_FLOAT =
  /^\s*[+-]?((\d(_?\d)*)?\.?\d(_?\d)*([eE][+-]?\d(_?\d)*)?|(\d(_?\d)*)\.|inf(inity)?|nan)\s*$/i;
const PY_INT = /^\s*[+-]?\d(_?\d)*\s*$/;

function envFloat(env: Env, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined) return undefined;
  if (!PY_FLOAT.test(raw)) {
    throw new Error(`Failed to convert '${raw}' for ${name}: could not convert string to float: '${raw}'`);
  }
  const text = raw.trim().replaceAll('_', '').toLowerCase();
  if (/^[+-]?inf/.test(text)) return text.startsWith('-') ? -Infinity : Infinity;
  return Number(text);
}

function envInt(env: Env, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined) return undefined;
  if (!PY_INT.test(raw)) {
    throw new Error(
      `Failed to convert '${raw}' for ${name}: invalid literal for int() with base 10: '${raw}'`,
    );
  }
  return Number(raw.trim().replaceAll('_', ''));
}

/**
 * Resolves the monitor's settings: a set, non-zero, non-empty environment variable wins over the
 * option (MLflow reads `env or argument`), then the defaults (10 s, 1 sample). Unparsable variables
 * fail with MLflow's conversion message. Unlike MLflow, a negative interval or sample count (which
 * would make its loop spin) is refused.
 *
 * @example
 * resolveMonitorSettings({ samplingInterval: 1 }, { MLFLOW_SYSTEM_METRICS_SAMPLES_BEFORE_LOGGING: '3' });
 * // { samplingIntervalSeconds: 1, samplesBeforeLogging: 3, nodeId: null }
 */
export function resolveMonitorSettings(
  options: MonitorSettingsOptions = {},
  env: Env = process.env,
): MonitorSettings {
  const interval = envFloat(env, SAMPLING_INTERVAL_ENV) || options.samplingInterval || 10;
  const samples = envInt(env, SAMPLES_BEFORE_LOGGING_ENV) || options.samplesBeforeLogging || 1;
  const nodeId = env[NODE_ID_ENV] || options.nodeId || null;
  if (!(interval > 0))
    throw new Error(`The system metrics sampling interval must be positive, got ${interval}`);
  if (!Number.isInteger(samples) || samples < 1) {
    throw new Error(
      `The number of system metrics samples before logging must be a positive integer, got ${samples}`,
    );
  }
  return { samplingIntervalSeconds: interval, samplesBeforeLogging: samples, nodeId };
}

/**
 * MLflow's default for `log_system_metrics` when a run starts without saying: the
 * MLFLOW_ENABLE_SYSTEM_METRICS_LOGGING variable (`true`/`false`/`1`/`0`, any case; unset = false).
 *
 * @example
 * if (logSystemMetrics ?? systemMetricsEnabledByEnv()) stop = await startSystemMetricsMonitor(runId, port);
 */
export function systemMetricsEnabledByEnv(env: Env = process.env): boolean {
  const raw = env[ENABLE_SYSTEM_METRICS_ENV];
  if (raw === undefined) return false;
  const lower = raw.toLowerCase();
  if (!['true', 'false', '1', '0'].includes(lower)) {
    throw new Error(
      `${ENABLE_SYSTEM_METRICS_ENV} value must be one of ['true', 'false', '1', '0'] (case-insensitive), but got ${raw}`,
    );
  }
  return lower === 'true' || lower === '1';
}
