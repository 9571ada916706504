// The `mlflow.log-model.history` run tag that log-model appends to: entry building and JSON layout.
import { decodeJson, pyJsonDumps } from '@mlflow-ts/protocol';

export const LOG_MODEL_HISTORY_TAG = 'mlflow.log-model.history';

type Json = Record<string, unknown>;

/** `str(datetime.now(timezone.utc).replace(tzinfo=None))`: "YYYY-MM-DD HH:MM:SS.ffffff". */
function pythonUtcNow(now: Date): string {
  const iso = now.toISOString(); // 2024-01-02T03:04:05.678Z
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}000`;
}

/** Python's `str()` of a JSON value, which is what MLflow stores for utc_time_created. */
function pythonStr(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  return typeof value === 'number' ? String(value) : pyJsonDumps(value, { omitUndefined: true });
}

function isFalsy(value: unknown): boolean {
  return value === null || value === undefined || value === '' || value === 0 || value === false;
}

function withoutConfig(config: unknown): unknown {
  if (config === null || typeof config !== 'object' || Array.isArray(config)) return config;
  return Object.fromEntries(Object.entries(config as Json).filter(([k]) => k !== 'config'));
}

/**
 * The history entry MLflow derives from a checked model dict (its Model "tags dict"): run_id,
 * artifact_path, utc_time_created, model_uuid, then flavors without their `config` blocks.
 */
export function modelHistoryEntry(model: Json, now: Date = new Date()): Json {
  const entry: Json = {};
  // Model.to_dict drops a null run_id or artifact_path.
  if (model.run_id !== null) entry.run_id = model.run_id;
  if (model.artifact_path !== null) entry.artifact_path = model.artifact_path;
  entry.utc_time_created = isFalsy(model.utc_time_created)
    ? pythonUtcNow(now)
    : pythonStr(model.utc_time_created);
  entry.model_uuid = model.model_uuid ?? null;
  const flavors = (model.flavors ?? {}) as Json;
  entry.flavors = Object.fromEntries(
    Object.entries(flavors).map(([name, config]) => [name, withoutConfig(config)]),
  );
  return entry;
}

/** The new tag value: the previous history (if any) with `entry` appended, in Python's JSON layout. */
export function appendModelHistory(previous: string | undefined, entry: Json): string {
  const history: unknown = previous === undefined ? [] : decodeJson(previous);
  // An entry key left undefined (a missing run_id) is absent from the JSON, as Model.to_dict leaves it out.
  return pyJsonDumps([...(Array.isArray(history) ? history : []), entry], { omitUndefined: true });
}
