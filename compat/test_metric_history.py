"""Metric history: get_metric_history, REST paging, get-history-bulk-interval sampling/errors, ajax get-history-bulk."""

from __future__ import annotations

import math

import pytest
from mlflow.entities import Metric

from helpers import error_json, ok_json, rest_get

INTERVAL = "metrics/get-history-bulk-interval"
BULK = "metrics/get-history-bulk"


def make_run(client, experiment_id, steps, key="m", ts0=1000):
    run_id = client.create_run(experiment_id).info.run_id
    client.log_batch(run_id, metrics=[Metric(key, float(s), ts0 + s, s) for s in steps])
    return run_id


def test_history_ordering(client, experiment_id):
    run_id = client.create_run(experiment_id).info.run_id
    # logged out of order; history is ordered by timestamp, then step, then value
    for value, ts, step in [(3.0, 30, 0), (1.0, 10, 5), (2.0, 20, 1), (0.5, 20, 1), (9.0, 20, 0)]:
        client.log_metric(run_id, "m", value, timestamp=ts, step=step)
    hist = client.get_metric_history(run_id, "m")
    assert [(m.timestamp, m.step, m.value) for m in hist] == [(10, 5, 1.0), (20, 0, 9.0), (20, 1, 0.5), (20, 1, 2.0), (30, 0, 3.0)]
    assert all(m.key == "m" for m in hist)


def test_history_unknown_key_is_empty(client, experiment_id):
    run_id = client.create_run(experiment_id).info.run_id
    assert client.get_metric_history(run_id, "never-logged") == []


def test_history_unknown_run_is_empty(client):
    # MLflow's SQL store does not check that the run exists here
    assert client.get_metric_history("e" * 32, "m") == []


def test_history_with_nan_and_many_points(client, experiment_id):
    run_id = client.create_run(experiment_id).info.run_id
    client.log_batch(run_id, metrics=[Metric("m", float(s) if s != 3 else float("nan"), 1, s) for s in range(1500)])
    hist = client.get_metric_history(run_id, "m")
    assert [m.step for m in hist] == list(range(1500))
    assert math.isnan(hist[3].value) and hist[4].value == 4.0


def test_history_rest_paging(base_url, client, experiment_id):
    run_id = make_run(client, experiment_id, range(10))
    params = {"run_id": run_id, "metric_key": "m", "max_results": 4}
    pages, token = [], None
    while True:
        body = ok_json(rest_get(base_url, "metrics/get-history", {**params, **({"page_token": token} if token else {})}))
        pages.append([m["step"] for m in body["metrics"]])
        token = body.get("next_page_token")
        if not token:
            break
    assert pages == [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]]

    # without max_results: everything, no token
    body = ok_json(rest_get(base_url, "metrics/get-history", {"run_id": run_id, "metric_key": "m"}))
    assert [m["step"] for m in body["metrics"]] == list(range(10))
    assert "next_page_token" not in body
    assert body["metrics"][0] == {"key": "m", "value": 0.0, "timestamp": 1000, "step": 0}

    # exactly one page: no token either
    body = ok_json(rest_get(base_url, "metrics/get-history", {"run_id": run_id, "metric_key": "m", "max_results": 10}))
    assert len(body["metrics"]) == 10 and "next_page_token" not in body


def test_history_rest_bad_page_token(base_url, client, experiment_id):
    run_id = make_run(client, experiment_id, range(3))
    resp = rest_get(base_url, "metrics/get-history", {"run_id": run_id, "metric_key": "m", "max_results": 2, "page_token": "garbage"})
    assert error_json(resp, 400, "INVALID_PARAMETER_VALUE")["message"] == "Invalid page token, could not base64-decode"


def _interval_steps(base_url, run_ids, **params):
    body = ok_json(rest_get(base_url, INTERVAL, {"run_ids": run_ids, "metric_key": "m", **params}))
    return body.get("metrics", [])


@pytest.mark.parametrize(
    "n_steps, params, expected",
    [
        (10, {}, list(range(10))),
        (10, {"max_results": 10}, list(range(10))),
        (10, {"max_results": 25}, list(range(10))),
        # evenly spaced buckets keep their first point; the last point is always kept
        (10, {"max_results": 5}, [0, 2, 4, 6, 9]),
        (20, {"max_results": 6}, [0, 4, 8, 11, 14, 19]),
        (20, {"max_results": 2}, [0, 19]),
        (20, {"max_results": 1}, [19]),
        (20, {"start_step": 5, "end_step": 12}, list(range(5, 13))),
        (20, {"start_step": 5, "end_step": 12, "max_results": 3}, [5, 8, 12]),
        (20, {"start_step": 7, "end_step": 7}, [7]),
        (20, {"start_step": 50, "end_step": 60}, []),
    ],
)
def test_bulk_interval_sampling(base_url, client, experiment_id, n_steps, params, expected):
    run_id = make_run(client, experiment_id, range(n_steps))
    metrics = _interval_steps(base_url, run_id, **params)
    assert [m["step"] for m in metrics] == expected
    for m in metrics:
        assert m == {"key": "m", "value": float(m["step"]), "timestamp": 1000 + m["step"], "step": m["step"], "run_id": run_id}


def test_bulk_interval_several_runs(base_url, client, experiment_id):
    r1 = make_run(client, experiment_id, range(10))
    r2 = make_run(client, experiment_id, range(0, 40, 2))  # 20 points, even steps
    metrics = _interval_steps(base_url, [r1, r2], max_results=5)
    per_run = {}
    for m in metrics:
        per_run.setdefault(m["run_id"], []).append(m["step"])
    assert per_run == {r1: [0, 2, 4, 6, 9], r2: [0, 8, 16, 24, 38]}
    # runs come back in the order they were asked for
    assert [m["run_id"] for m in metrics] == [r1] * 5 + [r2] * 5
    metrics = _interval_steps(base_url, [r2, r1], max_results=5)
    assert [m["run_id"] for m in metrics] == [r2] * 5 + [r1] * 5


def test_bulk_interval_ajax_route(base_url, client, experiment_id):
    run_id = make_run(client, experiment_id, range(4))
    resp = rest_get(base_url, INTERVAL, {"run_ids": run_id, "metric_key": "m"}, prefix="ajax-api")
    assert [m["step"] for m in ok_json(resp)["metrics"]] == [0, 1, 2, 3]


@pytest.mark.parametrize(
    "params, message",
    [
        (
            {"metric_key": "m"},
            "Missing value for required parameter 'run_ids'. See the API docs for more information about request parameters.",
        ),
        (
            {"run_ids": "RUN"},
            "Missing value for required parameter 'metric_key'. See the API docs for more information about request parameters.",
        ),
        (
            {"run_ids": [f"r{i}" for i in range(101)], "metric_key": "m"},
            "GetMetricHistoryBulkInterval request must specify at most 100 run_ids. Received 101 run_ids. "
            "See the API docs for more information about request parameters.",
        ),
        (
            {"run_ids": "RUN", "metric_key": "m", "start_step": 1},
            "If either start step or end step are specified, both must be specified.",
        ),
        (
            {"run_ids": "RUN", "metric_key": "m", "end_step": 1},
            "If either start step or end step are specified, both must be specified.",
        ),
        (
            {"run_ids": "RUN", "metric_key": "m", "start_step": 3, "end_step": 1},
            "end_step must be greater than start_step. Found start_step=3 and end_step=1.",
        ),
        (
            {"run_ids": "RUN", "metric_key": "m", "max_results": 0},
            "max_results must be between 1 and 2500. See the API docs for more information about request parameters.",
        ),
        (
            {"run_ids": "RUN", "metric_key": "m", "max_results": 2501},
            "max_results must be between 1 and 2500. See the API docs for more information about request parameters.",
        ),
    ],
    ids=["no-run-ids", "no-metric-key", "101-runs", "start-only", "end-only", "start-after-end", "max-0", "max-2501"],
)
def test_bulk_interval_rejects_invalid_requests(base_url, client, experiment_id, params, message):
    run_id = make_run(client, experiment_id, range(3))
    if params.get("run_ids") == "RUN":
        params = {**params, "run_ids": run_id}
    resp = rest_get(base_url, INTERVAL, params)
    assert error_json(resp, 400, "INVALID_PARAMETER_VALUE")["message"] == message


def test_bulk_interval_unknown_run_is_empty(base_url):
    # no existence check: an unknown run just has no points (and the empty list is omitted)
    assert ok_json(rest_get(base_url, INTERVAL, {"run_ids": "d" * 32, "metric_key": "m"})) == {}


def test_ajax_bulk_history(base_url, client, experiment_id):
    r1 = make_run(client, experiment_id, range(3))
    r2 = make_run(client, experiment_id, range(2), ts0=5)
    lo, hi = sorted([r1, r2])
    resp = rest_get(base_url, BULK, {"run_id": [r1, r2], "metric_key": "m"}, prefix="ajax-api")
    metrics = ok_json(resp)["metrics"]
    # ordered by run_id, then timestamp/step/value
    assert [m["run_id"] for m in metrics] == [lo] * (3 if lo == r1 else 2) + [hi] * (2 if lo == r1 else 3)
    first = next(m for m in metrics if m["run_id"] == r1)
    assert first == {"key": "m", "value": 0.0, "timestamp": 1000, "step": 0, "run_id": r1}
    # max_results caps the total
    limited = ok_json(rest_get(base_url, BULK, {"run_id": [r1, r2], "metric_key": "m", "max_results": 4}, prefix="ajax-api"))
    assert len(limited["metrics"]) == 4
    assert limited["metrics"] == metrics[:4]


@pytest.mark.parametrize(
    "params, message",
    [
        ({"metric_key": "m"}, "GetMetricHistoryBulk request must specify at least one run_id."),
        ({"run_id": "x"}, "GetMetricHistoryBulk request must specify a metric_key."),
        (
            {"run_id": [f"r{i}" for i in range(101)], "metric_key": "m"},
            "GetMetricHistoryBulk request cannot specify more than 100 run_ids. Received 101 run_ids.",
        ),
    ],
)
def test_ajax_bulk_history_rejects_invalid_requests(base_url, params, message):
    resp = rest_get(base_url, BULK, params, prefix="ajax-api")
    assert error_json(resp, 400, "INVALID_PARAMETER_VALUE")["message"] == message
