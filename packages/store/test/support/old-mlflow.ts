// Older MLflow releases (compat/.venv-old/<version>, made by compat/setup-old-mlflow.sh) that write databases
// for the migration tests, and MLflow 3.18.0 (the compat venv) reading the upgraded result back.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { VENV_PYTHON } from './mlflow-venv.js';

/** The releases the migration tests start from, with the alembic revision each one stamps. */
export const OLD_RELEASES = [
  { version: '2.9.2', revision: 'acf3f17fdcc7' },
  { version: '3.1.0', revision: '6953534de441' },
] as const;

const OLD_ROOT = fileURLToPath(new URL('../../../../compat/.venv-old/', import.meta.url));

export function oldPython(version: string): string {
  return `${OLD_ROOT}${version}/bin/python`;
}

/** Releases whose venv is missing. */
export function missingOldReleases(): string[] {
  return OLD_RELEASES.map((r) => r.version).filter((v) => !existsSync(oldPython(v)));
}

/**
 * A missing venv skips locally with a loud line, and fails under CI=true so the migration tests
 * can never silently stop running there.
 */
export function oldMlflowNotice(what: string): string {
  const missing = [...missingOldReleases(), ...(existsSync(VENV_PYTHON) ? [] : ['3.18.0 (compat/.venv)'])];
  const notice = `${what}: MLflow venvs missing (${missing.join(', ')}); run 'bash compat/setup-old-mlflow.sh' and 'bash compat/setup.sh'`;
  if (process.env.CI === 'true') throw new Error(notice);
  console.warn(`\n!!!! SKIPPED ${notice} !!!!\n`);
  return notice;
}

export const oldMlflowAvailable = missingOldReleases().length === 0 && existsSync(VENV_PYTHON);

const run = promisify(execFile);
/** Quiet and offline: telemetry would try the network. */
const env = { ...process.env, MLFLOW_DISABLE_TELEMETRY: 'true', DO_NOT_TRACK: 'true' };

/**
 * Writes through the release's own SqlAlchemy stores (which create the schema on an empty
 * database, as `mlflow server` does): an experiment with a tag, a finished run with metrics
 * (NaN included), params and tags, and a registered model with a tagged version of that run.
 */
const SEED = `
import json, sys
from mlflow.entities import ExperimentTag, Metric, Param, RunTag
from mlflow.entities.model_registry import ModelVersionTag, RegisteredModelTag
from mlflow.store.model_registry.sqlalchemy_store import SqlAlchemyStore as RegistryStore
from mlflow.store.tracking.sqlalchemy_store import SqlAlchemyStore

uri, root = sys.argv[1], sys.argv[2]
store = SqlAlchemyStore(uri, root)
exp = store.create_experiment("legacy", tags=[ExperimentTag("team", "ml")])
run = store.create_run(exp, "alice", 1000, [RunTag("color", "red")], "old-run").info.run_id
metrics = [Metric("acc", 0.5 + step / 10, 100 + step, step) for step in range(5)]
metrics.append(Metric("loss", float("nan"), 7, 0))
store.log_batch(run, metrics, [Param("lr", "0.01"), Param("opt", "adam")], [RunTag("note", "a\\nb")])
store.update_run_info(run, 3, 5000, "old-run")
registry = RegistryStore(uri)
registry.create_registered_model("legacy-model", [RegisteredModelTag("owner", "bob")], "from an old release")
registry.create_model_version("legacy-model", f"runs:/{run}/model", run_id=run, tags=[ModelVersionTag("stage", "qa")])
print(json.dumps({"experiment": exp, "run": run}))
`;

export interface SeededIds {
  experiment: string;
  run: string;
}

function lastJsonLine(stdout: string): unknown {
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}');
}

/** `uri` in SQLAlchemy form for the old release (drivers named: `+psycopg2`, `+pymysql`). */
export async function seedWithOldMlflow(
  version: string,
  uri: string,
  artifactRoot: string,
): Promise<SeededIds> {
  const { stdout } = await run(oldPython(version), ['-c', SEED, uri, artifactRoot], {
    env,
    timeout: 180_000,
  });
  return lastJsonLine(stdout) as SeededIds;
}

/** MLflow 3.18.0 opens the database (its store refuses one not at its head) and reads the run and model back. */
const READ_BACK = `
import json, math, sys
from mlflow.store.model_registry.sqlalchemy_store import SqlAlchemyStore as RegistryStore
from mlflow.store.tracking.sqlalchemy_store import SqlAlchemyStore
from mlflow.store.db.utils import _get_schema_version

uri, root, run_id = sys.argv[1], sys.argv[2], sys.argv[3]
store = SqlAlchemyStore(uri, root)
run = store.get_run(run_id)
version = RegistryStore(uri).get_model_version("legacy-model", "1")
print(json.dumps({
    "revision": _get_schema_version(store.engine),
    "name": run.info.run_name,
    "status": run.info.status,
    "metrics": {k: ("NaN" if math.isnan(v) else v) for k, v in run.data.metrics.items()},
    "params": run.data.params,
    "tags": {k: v for k, v in run.data.tags.items() if not k.startswith("mlflow.")},
    "model_version": {"run_id": version.run_id, "tags": version.tags},
}))
`;

export async function readBackWithMlflow(uri: string, artifactRoot: string, runId: string): Promise<unknown> {
  const { stdout } = await run(VENV_PYTHON, ['-c', READ_BACK, uri, artifactRoot, runId], {
    env,
    timeout: 180_000,
  });
  return lastJsonLine(stdout);
}

/** MLflow 3.18.0's own `mlflow db upgrade` on an empty database: the schema to compare against. */
export async function freshMlflowSchema(uri: string): Promise<void> {
  await run(VENV_PYTHON, ['-m', 'mlflow', 'db', 'upgrade', uri], { env, timeout: 180_000 });
}
