// A database at a chosen revision before the data-moving steps, filled with legacy trace, issue and job rows by
// MLflow 3.18.0's own alembic; then MLflow's upgrade and ours run on identical copies, to compare the results.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { VENV_PYTHON } from './mlflow-venv.js';

const run = promisify(execFile);
const env = { ...process.env, MLFLOW_DISABLE_TELEMETRY: 'true', DO_NOT_TRACK: 'true' };

/** The revision the legacy rows are written at: just before trace analytics (75868b020152). */
export const LEGACY_REVISION = 'b7e2c1a4d9f3';

/**
 * Rows that exercise every data rule of the later steps: trace names, sessions, token usage
 * (JSON text, numbers as text, a metric overriding the JSON, a fractional count), costs,
 * gateway traces costed from their spans, span model attributes, assessment values of each
 * kind, issue categories that differ only in case and blanks, and jobs pending or running.
 * Columns a row leaves out but the table requires get a plain filler value.
 */
const SEED = `
import sys
import sqlalchemy as sa
from alembic import command
from mlflow.store.db.utils import _get_alembic_config, create_sqlalchemy_engine_with_retry

uri, target = sys.argv[1], sys.argv[2]
engine = create_sqlalchemy_engine_with_retry(uri)
from mlflow.store.tracking.dbmodels.initial_models import Base as InitialBase
InitialBase.metadata.create_all(engine)
with engine.begin() as connection:
    config = _get_alembic_config(uri)
    config.attributes["connection"] = connection
    command.upgrade(config, target)

md = sa.MetaData()
def insert(conn, table, **values):
    t = sa.Table(table, md, autoload_with=conn)
    for column in t.columns:
        if column.name in values or column.nullable or column.server_default is not None or column.autoincrement is True:
            continue
        python_type = getattr(column.type, "python_type", str)
        values[column.name] = 0 if python_type in (int, float, bool) else "x"
    conn.execute(t.insert().values(**values))

with engine.begin() as c:
    insert(c, "experiments", experiment_id=1, name="legacy", lifecycle_stage="active", artifact_location="/a")
    for trace in ("tr-1", "tr-2", "tr-3"):
        insert(c, "trace_info", request_id=trace, experiment_id=1, timestamp_ms=1000 + int(trace[-1]), status="OK")
    insert(c, "trace_tags", request_id="tr-1", key="mlflow.traceName", value="my trace")
    insert(c, "trace_tags", request_id="tr-1", key="kept", value="yes")
    meta = {
        "mlflow.trace.session": "session-1",
        "mlflow.trace.tokenUsage": '{"input_tokens": 10, "output_tokens": "20", "total_tokens": 30.0, "cache_creation_input_tokens": "1e2"}',
        "mlflow.trace.cost": '{"input_cost": 0.5, "output_cost": "0.25", "total_cost": "inf"}',
        "kept.meta": "v",
    }
    for key, value in meta.items():
        insert(c, "trace_request_metadata", request_id="tr-1", key=key, value=value)
    insert(c, "trace_request_metadata", request_id="tr-2", key="mlflow.gateway.endpointId", value="ep-1")
    insert(c, "trace_metrics", request_id="tr-1", key="input_tokens", value=11)
    insert(c, "trace_metrics", request_id="tr-1", key="cache_read_input_tokens", value=2.5)
    insert(c, "trace_metrics", request_id="tr-1", key="latency", value=3)
    insert(c, "spans", trace_id="tr-1", span_id="s-1", experiment_id=1, status="OK", start_time_unix_nano=5,
           content="{}", dimension_attributes='{"mlflow.llm.model": "gpt", "mlflow.llm.provider": "openai"}')
    insert(c, "spans", trace_id="tr-2", span_id="s-2", experiment_id=1, status="OK", start_time_unix_nano=6, content="{}")
    insert(c, "spans", trace_id="tr-2", span_id="s-3", experiment_id=1, status="OK", start_time_unix_nano=7, content="{}",
           dimension_attributes='{"mlflow.llm.model": null}')
    insert(c, "span_metrics", trace_id="tr-2", span_id="s-2", key="total_cost", value=1.5)
    insert(c, "span_metrics", trace_id="tr-2", span_id="s-2", key="input_cost", value=1.0)
    insert(c, "span_metrics", trace_id="tr-2", span_id="s-3", key="total_cost", value=0.25)
    insert(c, "span_metrics", trace_id="tr-2", span_id="s-3", key="other", value=9)
    for n, value in enumerate(["0.8", "true", '"Yes"', '"text"', "1e400", '{"a": 1}']):
        insert(c, "assessments", assessment_id=f"a-{n}", trace_id="tr-1", name="q", assessment_type="feedback",
               value=value, created_timestamp=1, last_updated_timestamp=1, source_type="HUMAN", valid=True)
    insert(c, "issues", issue_id="i-1", experiment_id=1, name="n", description="d", status="open",
           created_timestamp=42, last_updated_timestamp=43, categories='["Bug", "bug ", "UI"]')
    insert(c, "issues", issue_id="i-2", experiment_id=1, name="m", description="d", status="open",
           created_timestamp=44, last_updated_timestamp=45)
    for n, status in enumerate([0, 1, 3]):
        insert(c, "jobs", id=f"job-{n}", creation_time=1, job_name="j", params="{}", status=status, retry_count=0,
               last_update_time=7)
`;

/** Creates the legacy database at `uri` (SQLAlchemy form); the same call on two databases gives two equal ones. */
export async function seedLegacyRows(uri: string): Promise<void> {
  await run(VENV_PYTHON, ['-c', SEED, uri, LEGACY_REVISION], { env, timeout: 180_000 });
}

/** MLflow 3.18.0's own `mlflow db upgrade` on a non-empty database. */
export async function mlflowUpgrade(uri: string): Promise<void> {
  await run(VENV_PYTHON, ['-m', 'mlflow', 'db', 'upgrade', uri], { env, timeout: 180_000 });
}

const SCHEMA_AT = `
import sys
from alembic import command
from mlflow.store.db.utils import _get_alembic_config, create_sqlalchemy_engine_with_retry
from mlflow.store.tracking.dbmodels.initial_models import Base as InitialBase

uri, target = sys.argv[1], sys.argv[2]
engine = create_sqlalchemy_engine_with_retry(uri)
InitialBase.metadata.create_all(engine)
with engine.begin() as connection:
    config = _get_alembic_config(uri)
    config.attributes["connection"] = connection
    command.upgrade(config, target)
`;

/** An empty schema exactly as MLflow's migrations leave it at `revision` (`uri` in SQLAlchemy form). */
export async function mlflowSchemaAt(uri: string, revision: string): Promise<void> {
  await run(VENV_PYTHON, ['-c', SCHEMA_AT, uri, revision], { env, timeout: 180_000 });
}
