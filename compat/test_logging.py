"""Logging through the real client: metrics (incl. NaN/±Inf), params, tags, log_batch limits, lifecycle errors."""

from __future__ import annotations

import math
import sys

import mlflow
import pytest
from mlflow.entities import Metric, Param, RunTag

from helpers import error_json, now_ms, ok_json, raises_mlflow, rest_get, rest_post

FLOAT_MAX = sys.float_info.max  # MLflow's SQL store keeps +/-Inf as +/-max double and reads it back as such


@pytest.fixture
def run_id(client, experiment_id):
    return client.create_run(experiment_id).info.run_id


def test_log_metric_defaults(client, run_id):
    before = now_ms()
    client.log_metric(run_id, "acc", 0.5)
    [m] = client.get_metric_history(run_id, "acc")
    assert m.key == "acc" and m.value == 0.5
    assert m.step == 0
    assert before - 5000 <= m.timestamp <= now_ms() + 5000
    assert client.get_run(run_id).data.metrics == {"acc": 0.5}


def test_log_metric_explicit_step_and_timestamp(client, run_id):
    client.log_metric(run_id, "loss", 2.5, timestamp=123, step=7)
    [m] = client.get_metric_history(run_id, "loss")
    assert (m.value, m.timestamp, m.step) == (2.5, 123, 7)


def test_non_finite_metrics(client, run_id):
    client.log_metric(run_id, "nan", float("nan"), timestamp=1, step=0)
    client.log_metric(run_id, "pinf", float("inf"), timestamp=1, step=0)
    client.log_metric(run_id, "ninf", float("-inf"), timestamp=1, step=0)
    metrics = client.get_run(run_id).data.metrics
    assert math.isnan(metrics["nan"])
    assert metrics["pinf"] == FLOAT_MAX
    assert metrics["ninf"] == -FLOAT_MAX
    [nan] = client.get_metric_history(run_id, "nan")
    assert math.isnan(nan.value)
    [pinf] = client.get_metric_history(run_id, "pinf")
    assert pinf.value == FLOAT_MAX
    [ninf] = client.get_metric_history(run_id, "ninf")
    assert ninf.value == -FLOAT_MAX


def test_non_finite_metrics_on_the_wire(base_url, client, run_id):
    client.log_batch(
        run_id,
        metrics=[Metric("nan", float("nan"), 1, 0), Metric("pinf", float("inf"), 1, 0), Metric("ninf", float("-inf"), 1, 0)],
    )
    body = ok_json(rest_get(base_url, "runs/get", {"run_id": run_id}))
    values = {m["key"]: m["value"] for m in body["run"]["data"]["metrics"]}
    assert values == {"nan": "NaN", "pinf": FLOAT_MAX, "ninf": -FLOAT_MAX}
    hist = ok_json(rest_get(base_url, "metrics/get-history", {"run_id": run_id, "metric_key": "nan"}))
    assert hist == {"metrics": [{"key": "nan", "value": "NaN", "timestamp": 1, "step": 0}]}


def test_latest_metric_is_highest_step_then_timestamp(client, run_id):
    client.log_metric(run_id, "m", 1.0, timestamp=300, step=1)
    client.log_metric(run_id, "m", 2.0, timestamp=100, step=3)
    client.log_metric(run_id, "m", 3.0, timestamp=200, step=2)
    assert client.get_run(run_id).data.metrics["m"] == 2.0
    client.log_metric(run_id, "m", 4.0, timestamp=50, step=3)
    assert client.get_run(run_id).data.metrics["m"] == 2.0  # same step, older timestamp
    client.log_metric(run_id, "m", 5.0, timestamp=101, step=3)
    assert client.get_run(run_id).data.metrics["m"] == 5.0
    # a NaN at a later step becomes the latest value
    client.log_metric(run_id, "m", float("nan"), timestamp=1, step=9)
    assert math.isnan(client.get_run(run_id).data.metrics["m"])


def test_duplicate_metric_points_are_ignored(client, run_id):
    for _ in range(3):
        client.log_metric(run_id, "dup", 1.0, timestamp=10, step=1)
    client.log_metric(run_id, "dup", 2.0, timestamp=10, step=1)
    hist = client.get_metric_history(run_id, "dup")
    assert sorted(m.value for m in hist) == [1.0, 2.0]


def test_params(client, run_id):
    client.log_param(run_id, "lr", 0.01)
    client.log_param(run_id, "empty", "")
    client.log_param(run_id, "lr", 0.01)  # same value again is fine
    assert client.get_run(run_id).data.params == {"lr": "0.01", "empty": ""}


def test_params_are_immutable(client, run_id):
    client.log_param(run_id, "p", "1")
    with raises_mlflow("INVALID_PARAMETER_VALUE", "Changing param values is not allowed"):
        client.log_param(run_id, "p", "2")
    with raises_mlflow("INVALID_PARAMETER_VALUE", "Changing param values is not allowed"):
        client.log_batch(run_id, params=[Param("p", "3")])
    assert client.get_run(run_id).data.params == {"p": "1"}


def test_long_values_are_truncated(base_url, client, run_id):
    # The server truncates over-long param (6000) and tag (8000) values (MLFLOW_TRUNCATE_LONG_VALUES)
    ok_json(rest_post(base_url, "runs/log-parameter", {"run_id": run_id, "key": "long", "value": "x" * 6001}))
    ok_json(rest_post(base_url, "runs/set-tag", {"run_id": run_id, "key": "long", "value": "y" * 8001}))
    run = client.get_run(run_id)
    assert run.data.params["long"] == "x" * 6000
    assert run.data.tags["long"] == "y" * 8000


def test_tags(client, run_id):
    client.set_tag(run_id, "t", "1")
    client.set_tag(run_id, "t", "2")  # overwrite
    client.set_tag(run_id, "empty", "")
    client.set_tag(run_id, "multi", "a\nb")
    tags = client.get_run(run_id).data.tags
    assert tags["t"] == "2" and tags["empty"] == "" and tags["multi"] == "a\nb"

    client.delete_tag(run_id, "t")
    assert "t" not in client.get_run(run_id).data.tags
    with raises_mlflow("RESOURCE_DOES_NOT_EXIST", f"No tag with name: t in run with id {run_id}"):
        client.delete_tag(run_id, "t")


def test_log_batch(client, run_id):
    client.log_batch(
        run_id,
        metrics=[Metric("m", 1.0, 10, 0), Metric("m", 2.0, 20, 1), Metric("n", 5.0, 10, 3)],
        params=[Param("p1", "a"), Param("p2", "")],
        tags=[RunTag("t", "first"), RunTag("t", "last"), RunTag("e", "")],
    )
    run = client.get_run(run_id)
    assert run.data.metrics == {"m": 2.0, "n": 5.0}
    assert run.data.params == {"p1": "a", "p2": ""}
    assert run.data.tags["t"] == "last"  # within one batch the last value wins
    assert run.data.tags["e"] == ""
    assert [(m.value, m.step) for m in client.get_metric_history(run_id, "m")] == [(1.0, 0), (2.0, 1)]


def test_log_batch_1000_metrics_and_more(client, run_id):
    # 1000 metrics in one request (the limit), plus 2500 more that the client splits up
    client.log_batch(run_id, metrics=[Metric(f"k{i}", float(i), 1, 0) for i in range(1000)])
    client.log_batch(run_id, metrics=[Metric("series", float(i), 1000 + i, i) for i in range(2500)])
    metrics = client.get_run(run_id).data.metrics
    assert len(metrics) == 1001
    assert metrics["k999"] == 999.0 and metrics["series"] == 2499.0
    assert len(client.get_metric_history(run_id, "series")) == 2500


def test_log_batch_1000_metrics_raw(base_url, client, run_id):
    metrics = [{"key": f"m{i}", "value": i, "timestamp": 1, "step": 0} for i in range(1000)]
    assert ok_json(rest_post(base_url, "runs/log-batch", {"run_id": run_id, "metrics": metrics})) == {}
    assert len(client.get_run(run_id).data.metrics) == 1000


@pytest.mark.parametrize(
    "body, message",
    [
        (
            {"metrics": [{"key": f"m{i}", "value": 1.0, "timestamp": 1} for i in range(1001)]},
            "A batch logging request can contain at most 1000 metrics. Got 1001 metrics. "
            "Please split up metrics across multiple requests and try again.",
        ),
        (
            {"params": [{"key": f"p{i}", "value": "x"} for i in range(101)]},
            "A batch logging request can contain at most 100 params. Got 101 params. "
            "Please split up params across multiple requests and try again.",
        ),
        (
            {"tags": [{"key": f"t{i}", "value": "x"} for i in range(101)]},
            "A batch logging request can contain at most 100 tags. Got 101 tags. "
            "Please split up tags across multiple requests and try again.",
        ),
        (
            {
                "metrics": [{"key": f"m{i}", "value": 1.0, "timestamp": 1} for i in range(950)],
                "params": [{"key": f"p{i}", "value": "x"} for i in range(51)],
            },
            "A batch logging request can contain at most 1000 metrics, params, and tags. "
            "Got 1001 metrics, params, and tags. "
            "Please split up metrics, params, and tags across multiple requests and try again.",
        ),
        (
            {"params": [{"key": "a", "value": "1"}, {"key": "a", "value": "2"}]},
            "Duplicate parameter keys have been submitted: ['a']. "
            "Please ensure the request contains only one param value per param key.",
        ),
    ],
    ids=["metrics", "params", "tags", "total", "duplicate-params"],
)
def test_log_batch_over_limit_writes_nothing(base_url, client, run_id, body, message):
    resp = rest_post(base_url, "runs/log-batch", {"run_id": run_id, **body})
    assert error_json(resp, 400, "INVALID_PARAMETER_VALUE")["message"] == message
    run = client.get_run(run_id)
    assert run.data.metrics == {} and run.data.params == {}
    assert set(run.data.tags) == {"mlflow.runName"}


def test_log_batch_param_conflict_writes_nothing_else(base_url, client, run_id):
    client.log_param(run_id, "b", "1")
    resp = rest_post(
        base_url,
        "runs/log-batch",
        {"run_id": run_id, "params": [{"key": "b", "value": "2"}], "metrics": [{"key": "y", "value": 1, "timestamp": 1}]},
    )
    body = error_json(resp, 400, "INVALID_PARAMETER_VALUE")
    assert body["message"] == (
        "Changing param values is not allowed. Params were already logged="
        f"'[{{'key': 'b', 'old_value': '1', 'new_value': '2'}}]' for run ID='{run_id}'."
    )
    assert client.get_run(run_id).data.metrics == {}


@pytest.mark.parametrize(
    "key, message",
    [
        (
            "bad key!",
            "Invalid value \"bad key!\" for parameter 'name' supplied: Names may only contain alphanumerics, "
            "underscores (_), dashes (-), periods (.), spaces ( ), colon(:) and slashes (/).",
        ),
        (
            "../x",
            "Invalid value \"../x\" for parameter 'name' supplied: Names may be treated as files in certain "
            "cases, and must not resolve to other names when treated as such. This name would resolve to '../x'",
        ),
    ],
)
def test_bad_metric_key(base_url, run_id, key, message):
    resp = rest_post(base_url, "runs/log-metric", {"run_id": run_id, "key": key, "value": 1, "timestamp": 1})
    assert error_json(resp, 400, "INVALID_PARAMETER_VALUE")["message"] == message


def test_param_key_too_long(base_url, run_id):
    resp = rest_post(base_url, "runs/log-parameter", {"run_id": run_id, "key": "k" * 251, "value": "x"})
    assert error_json(resp, 400, "INVALID_PARAMETER_VALUE")["message"] == (
        "'Param key' exceeds the maximum length of 250 characters"
    )


@pytest.mark.parametrize(
    "action",
    ["log_metric", "log_param", "set_tag", "delete_tag", "log_batch", "update_name"],
)
def test_writes_to_deleted_run_rejected(client, experiment_id, action):
    run_id = client.create_run(experiment_id).info.run_id
    client.set_tag(run_id, "t", "v")
    client.delete_run(run_id)
    calls = {
        "log_metric": lambda: client.log_metric(run_id, "m", 1.0),
        "log_param": lambda: client.log_param(run_id, "p", "v"),
        "set_tag": lambda: client.set_tag(run_id, "x", "v"),
        "delete_tag": lambda: client.delete_tag(run_id, "t"),
        "log_batch": lambda: client.log_batch(run_id, metrics=[Metric("m", 1.0, 1, 0)]),
        "update_name": lambda: client.update_run(run_id, name="renamed"),
    }
    message = f"The run {run_id} must be in the 'active' state. Current state is deleted."
    with raises_mlflow("INVALID_PARAMETER_VALUE", message):
        calls[action]()


def test_fluent_logging(tracking_uri, uniq):
    mlflow.set_experiment(uniq())
    with mlflow.start_run() as run:
        mlflow.log_param("p", 1)
        mlflow.log_params({"a": "x", "b": 2.5})
        mlflow.log_metric("m", 1.0)
        mlflow.log_metric("m", 2.0, step=1)
        mlflow.log_metrics({"x": 0.1, "y": float("nan")}, step=3)
        mlflow.set_tag("t", "v")
        mlflow.set_tags({"u": "1", "w": ""})
        mlflow.delete_tag("u")
    data = mlflow.get_run(run.info.run_id).data
    assert data.params == {"p": "1", "a": "x", "b": "2.5"}
    assert data.metrics["m"] == 2.0 and data.metrics["x"] == 0.1 and math.isnan(data.metrics["y"])
    assert data.tags["t"] == "v" and data.tags["w"] == "" and "u" not in data.tags
    client = mlflow.MlflowClient()
    assert [(m.step, m.value) for m in client.get_metric_history(run.info.run_id, "m")] == [(0, 1.0), (1, 2.0)]
    assert [m.step for m in client.get_metric_history(run.info.run_id, "x")] == [3]
