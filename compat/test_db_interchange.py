"""Database interchange: the real MLflow 3.18 server and mlflow-ts read each other's databases, entity for entity.

Always starts its own servers (the session server is not used) on a fresh store of the selected backend
(COMPAT_BACKEND: a SQLite file, or a throwaway PostgreSQL/MySQL database). With COMPAT_SERVER=mlflow both sides
are MLflow.
"""

from __future__ import annotations

import math
import uuid

import mlflow
import pandas as pd
import pytest
import requests
from mlflow import MlflowClient
from mlflow.entities import DatasetInput, InputTag, Metric, Param, RunTag, ViewType

from backends import SELECTED_BACKEND, Database
from servers import SELECTED, Server

OURS = SELECTED  # "mlflow" here means the suite is being proven against MLflow itself


def populate(url: str, prefix: str) -> dict:
    """Write a representative set of entities through the real client; return their ids."""
    client = MlflowClient(tracking_uri=url)
    ids: dict = {"experiments": [], "runs": [], "metric_keys": {}}

    exp_a = client.create_experiment(f"{prefix}-a", tags={"team": "x", "multi": "l1\nl2", "empty": ""})
    exp_b = client.create_experiment(f"{prefix}-b", artifact_location="/tmp/mlflow-ts-compat/elsewhere")
    exp_gone = client.create_experiment(f"{prefix}-gone")
    ids["experiments"] += [exp_a, exp_b, exp_gone]

    df = pd.DataFrame({"x": [1.0, 2.0, 3.0], "y": ["a", "b", "c"]})
    train = mlflow.data.from_pandas(df, source="s3://bucket/train.csv", name="train", targets="x")._to_mlflow_entity()
    evaluation = mlflow.data.from_pandas(df.head(2), source="s3://bucket/eval.csv", name="eval")._to_mlflow_entity()

    # run 1: finished, every metric shape, params, tags, two datasets
    r1 = client.create_run(exp_a, run_name="full", start_time=1700000000000, tags={"mlflow.user": "alice", "t": "1"})
    rid1 = r1.info.run_id
    client.log_batch(
        rid1,
        metrics=[Metric("loss", 1.0 / (s + 1), 1700000000000 + s, s) for s in range(50)]
        + [
            Metric("weird", float("nan"), 1700000001000, 0),
            Metric("weird", float("inf"), 1700000001001, 1),
            Metric("weird", float("-inf"), 1700000001002, 2),
            Metric("weird", 0.0, 1700000001003, 3),
            Metric("neg_step", 7.5, 1700000001004, -3),
            Metric("big", 1e300, 1700000001005, 2**40),
        ],
        params=[Param("lr", "0.1"), Param("empty", ""), Param("long", "p" * 6000)],
        tags=[RunTag("empty", ""), RunTag("multi", "a\nb"), RunTag("long", "t" * 8000)],
    )
    client.log_metric(rid1, "acc", 0.9, timestamp=1700000002000, step=5)
    client.log_metric(rid1, "acc", 0.95, timestamp=1700000002001, step=5)
    client.log_inputs(
        rid1,
        [
            DatasetInput(train, tags=[InputTag("mlflow.data.context", "training")]),
            DatasetInput(evaluation, tags=[InputTag("mlflow.data.context", "eval"), InputTag("extra", "1")]),
        ],
    )
    client.set_terminated(rid1, "FINISHED", end_time=1700000009000)

    # run 2: failed, nested under run 1, same dataset reused
    rid2 = client.create_run(exp_a, run_name="child", tags={"mlflow.parentRunId": rid1}).info.run_id
    client.log_param(rid2, "lr", "0.01")
    client.log_metric(rid2, "acc", 0.5, timestamp=1700000003000, step=1)
    client.log_inputs(rid2, [DatasetInput(train, tags=[InputTag("mlflow.data.context", "training")])])
    client.delete_tag(rid2, "mlflow.parentRunId")
    client.set_tag(rid2, "mlflow.parentRunId", rid1)
    client.set_terminated(rid2, "FAILED", end_time=1700000010000)

    # run 3: still running, in the other experiment, renamed
    rid3 = client.create_run(exp_b, run_name="before").info.run_id
    client.update_run(rid3, name="after")
    client.log_metric(rid3, "acc", 0.1, timestamp=1700000004000)

    # run 4: deleted
    rid4 = client.create_run(exp_a, run_name="deleted").info.run_id
    client.log_metric(rid4, "acc", 0.2, timestamp=1700000005000)
    client.delete_run(rid4)

    # run 5: in the experiment that gets deleted
    rid5 = client.create_run(exp_gone, run_name="orphan").info.run_id
    client.delete_experiment(exp_gone)

    client.set_experiment_tag(exp_a, "added", "later")
    client.delete_experiment_tag(exp_a, "team")
    client.set_experiment_tag(exp_a, "team", "y")

    ids["runs"] = [rid1, rid2, rid3, rid4, rid5]
    ids["metric_keys"] = {
        rid1: ["loss", "weird", "neg_step", "big", "acc"],
        rid2: ["acc"],
        rid3: ["acc"],
        rid4: ["acc"],
        rid5: [],
    }
    return ids


def _norm_float(v):
    return "NaN" if isinstance(v, float) and math.isnan(v) else v


def _sorted(items, *keys):
    return sorted(items or [], key=lambda d: tuple(str(d.get(k)) for k in keys))


def _norm_run_json(run: dict) -> dict:
    data = run.get("data", {})
    inputs = run.get("inputs", {})
    return {
        "info": run["info"],
        "metrics": _sorted(data.get("metrics"), "key"),
        "params": _sorted(data.get("params"), "key"),
        "tags": _sorted(data.get("tags"), "key"),
        "dataset_inputs": _sorted(
            [
                {"dataset": di["dataset"], "tags": _sorted(di.get("tags"), "key")}
                for di in inputs.get("dataset_inputs", [])
            ],
            "dataset",
        ),
    }


def snapshot(url: str, ids: dict, prefix: str) -> dict:
    """Everything the client and the REST API report about the entities in `ids`."""
    client = MlflowClient(tracking_uri=url)
    api = f"{url}/api/2.0/mlflow"
    snap: dict = {}

    for exp_id in ["0", *ids["experiments"]]:
        exp = client.get_experiment(exp_id)
        snap[f"exp:{exp_id}"] = (exp.experiment_id, exp.name, exp.artifact_location, exp.lifecycle_stage,
                                 exp.creation_time, exp.last_update_time, exp.tags)
        raw = requests.get(f"{api}/experiments/get", params={"experiment_id": exp_id}, timeout=60).json()
        raw["experiment"]["tags"] = _sorted(raw["experiment"].get("tags"), "key")
        snap[f"exp-json:{exp_id}"] = raw
    by_name = client.get_experiment_by_name(f"{prefix}-a")
    snap["by-name"] = by_name.experiment_id

    for run_id in ids["runs"]:
        run = client.get_run(run_id)
        snap[f"run:{run_id}"] = (
            dict(run.info),
            {k: _norm_float(v) for k, v in run.data.metrics.items()},
            run.data.params,
            run.data.tags,
            sorted(
                (di.dataset.name, di.dataset.digest, di.dataset.source_type, di.dataset.source, di.dataset.schema,
                 di.dataset.profile, tuple(sorted((t.key, t.value) for t in di.tags)))
                for di in run.inputs.dataset_inputs
            ),
        )
        raw = requests.get(f"{api}/runs/get", params={"run_id": run_id}, timeout=60).json()
        snap[f"run-json:{run_id}"] = _norm_run_json(raw["run"])
        for key in ids["metric_keys"][run_id]:
            snap[f"history:{run_id}:{key}"] = [
                (m.key, _norm_float(m.value), m.timestamp, m.step) for m in client.get_metric_history(run_id, key)
            ]

    exp_ids = ids["experiments"]
    for view in (ViewType.ACTIVE_ONLY, ViewType.DELETED_ONLY, ViewType.ALL):
        snap[f"search-runs:{view}"] = [r.info.run_id for r in client.search_runs(exp_ids, run_view_type=view)]
        snap[f"search-exps:{view}"] = [
            (e.experiment_id, e.name, e.lifecycle_stage)
            for e in client.search_experiments(view_type=view, filter_string=f"name LIKE '{prefix}-%'")
        ]
    for flt in (
        "metrics.acc > 0.3",
        "params.lr = '0.1'",
        "tags.t = '1'",
        "attributes.status = 'FAILED'",
        "dataset.name = 'train'",
        "dataset.context = 'eval'",
    ):
        snap[f"search:{flt}"] = [r.info.run_id for r in client.search_runs(exp_ids, flt, ViewType.ALL)]
    snap["order:metrics.acc"] = [r.info.run_id for r in client.search_runs(exp_ids, order_by=["metrics.acc DESC"])]
    return snap


def continue_writing(url: str, ids: dict, prefix: str) -> None:
    """The second server keeps working on the first one's database."""
    client = MlflowClient(tracking_uri=url)
    new_exp = client.create_experiment(f"{prefix}-new")
    assert int(new_exp) > max(int(e) for e in ids["experiments"])
    run_id = client.create_run(new_exp).info.run_id
    client.log_metric(run_id, "m", 1.0)
    rid3 = ids["runs"][2]
    client.log_metric(rid3, "acc", 0.7, timestamp=1700000004001, step=1)
    assert client.get_run(rid3).data.metrics["acc"] == 0.7
    with pytest.raises(mlflow.exceptions.MlflowException):
        client.log_param(ids["runs"][0], "lr", "changed")  # params stay immutable
    with pytest.raises(mlflow.exceptions.MlflowException):
        client.create_experiment(f"{prefix}-a")  # unique name still enforced


def _roundtrip(tmp_path, writer: str, reader: str):
    with Database(SELECTED_BACKEND, tmp_path, "interchange") as database:
        _roundtrip_on(tmp_path, writer, reader, None if SELECTED_BACKEND == "sqlite" else database.uri)


def _roundtrip_on(tmp_path, writer: str, reader: str, store_uri: str | None):
    prefix = f"interchange-{uuid.uuid4().hex[:8]}"
    db = tmp_path / "shared.db"
    with Server(writer, tmp_path / "writer", db=db, store_uri=store_uri) as first:
        ids = populate(first.url, prefix)
        before = snapshot(first.url, ids, prefix)
    assert len(before) >= 40
    assert before[f"history:{ids['runs'][0]}:weird"] == [
        ("weird", "NaN", 1700000001000, 0),
        ("weird", 1.7976931348623157e308, 1700000001001, 1),
        ("weird", -1.7976931348623157e308, 1700000001002, 2),
        ("weird", 0.0, 1700000001003, 3),
    ]
    with Server(reader, tmp_path / "reader", db=db, store_uri=store_uri) as second:
        after = snapshot(second.url, ids, prefix)
        mismatches = [k for k in before if before[k] != after.get(k)]
        assert not mismatches, "\n".join(f"{k}:\n  {writer}: {before[k]}\n  {reader}: {after.get(k)}" for k in mismatches[:10])
        continue_writing(second.url, ids, prefix)


def test_mlflow_writes_ours_reads(tmp_path):
    _roundtrip(tmp_path, "mlflow", OURS)


def test_ours_writes_mlflow_reads(tmp_path):
    _roundtrip(tmp_path, OURS, "mlflow")
