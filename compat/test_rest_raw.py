"""Raw REST (requests, no client): exact status and JSON for bad requests, wire encoding of good ones."""

from __future__ import annotations

import json

import pytest
import requests

from helpers import api, ok_json, rest_get, rest_post
from servers import SELECTED

REQUIRED = "Missing value for required parameter '{}'. See the API docs for more information about request parameters."


def invalid(message: str) -> dict:
    # MLflow 3.18 adds sqlstate/error_class (mlflow/error_classification.py) to every error body
    return {"error_code": "INVALID_PARAMETER_VALUE", "message": message, "sqlstate": "KAM00", "error_class": "INVALID_PARAMETER_VALUE"}


def not_found(message: str) -> dict:
    return {"error_code": "RESOURCE_DOES_NOT_EXIST", "message": message, "sqlstate": "KAM00", "error_class": "RESOURCE_NOT_FOUND"}


def assert_error(resp: requests.Response, status: int, body: dict):
    assert resp.status_code == status, f"{resp.status_code} {resp.text[:500]}"
    assert resp.headers["Content-Type"].startswith("application/json"), resp.headers
    assert resp.json() == body


@pytest.fixture
def run_id(base_url, client, experiment_id):
    return client.create_run(experiment_id).info.run_id


def post_raw(base_url, path, data, content_type="application/json"):
    headers = {"Content-Type": content_type} if content_type else {}
    return requests.post(api(base_url, path), data=data, headers=headers, timeout=60)


# --- bad requests: exact status + JSON -------------------------------------------------------------


def test_malformed_json_body_counts_as_empty(base_url):
    assert_error(post_raw(base_url, "experiments/create", "{bad json"), 400, invalid(REQUIRED.format("name")))


def test_empty_body(base_url):
    assert_error(post_raw(base_url, "experiments/create", ""), 400, invalid(REQUIRED.format("name")))


def test_missing_required_param(base_url):
    assert_error(rest_post(base_url, "experiments/create", {}), 400, invalid(REQUIRED.format("name")))
    assert_error(rest_post(base_url, "experiments/create", {"name": ""}), 400, invalid(REQUIRED.format("name")))
    assert_error(rest_get(base_url, "runs/get"), 400, invalid(REQUIRED.format("run_id")))
    assert_error(rest_get(base_url, "experiments/get"), 400, invalid(REQUIRED.format("experiment_id")))
    assert_error(rest_get(base_url, "experiments/get-by-name"), 400, invalid(REQUIRED.format("experiment_name")))
    assert_error(rest_post(base_url, "experiments/update", {"experiment_id": "0"}), 400, invalid(REQUIRED.format("new_name")))


def test_missing_required_metric_field(base_url, run_id):
    resp = rest_post(base_url, "runs/log-metric", {"run_id": run_id, "key": "k", "value": 1})
    assert_error(resp, 400, invalid(REQUIRED.format("timestamp")))


def test_wrong_content_type(base_url):
    resp = post_raw(base_url, "experiments/create", '{"name": "x"}', "text/plain")
    assert_error(resp, 400, invalid("Bad Request. Content-Type must be one of ['application/json']."))


def test_missing_content_type(base_url):
    resp = post_raw(base_url, "experiments/create", '{"name": "x"}', None)
    assert_error(resp, 400, invalid("Bad Request. Content-Type header is missing."))


@pytest.mark.parametrize(
    "body, field, shown, pytype",
    [
        ({"name": 123}, "name", "123", "int"),
        ({"name": "x", "tags": "notalist"}, "tags", '"notalist"', "str"),
    ],
)
def test_wrong_type(base_url, body, field, shown, pytype):
    message = (
        f"Invalid value {shown} for parameter '{field}' supplied:  Hint: Value was of type '{pytype}'. "
        "See the API docs for more information about request parameters."
    )
    assert_error(rest_post(base_url, "experiments/create", body), 400, invalid(message))


@pytest.mark.parametrize(
    "field, value, shown, pytype",
    [("value", "notnum", '"notnum"', "str"), ("timestamp", "abc", '"abc"', "str"), ("step", "x", '"x"', "str")],
)
def test_wrong_metric_types(base_url, run_id, field, value, shown, pytype):
    body = {"run_id": run_id, "key": "m", "value": 1.0, "timestamp": 1, field: value}
    message = (
        f"Invalid value {shown} for parameter '{field}' supplied:  Hint: Value was of type '{pytype}'. "
        "See the API docs for more information about request parameters."
    )
    assert_error(rest_post(base_url, "runs/log-metric", body), 400, invalid(message))


def test_numeric_experiment_id_rejected_on_create_run(base_url, experiment_id):
    message = (
        f"Invalid value {experiment_id} for parameter 'experiment_id' supplied:  Hint: Value was of type 'int'. "
        "See the API docs for more information about request parameters."
    )
    assert_error(rest_post(base_url, "runs/create", {"experiment_id": int(experiment_id)}), 400, invalid(message))


def test_not_found_bodies(base_url):
    assert_error(rest_get(base_url, "runs/get", {"run_id": "nope"}), 404, not_found("Run with id=nope not found"))
    assert_error(
        rest_get(base_url, "experiments/get", {"experiment_id": "4242424242"}),
        404,
        not_found("No Experiment with id=4242424242 exists"),
    )
    assert_error(
        rest_get(base_url, "experiments/get-by-name", {"experiment_name": "surely-missing-experiment"}),
        404,
        not_found("Could not find experiment with name 'surely-missing-experiment'"),
    )


def test_search_errors(base_url, experiment_id):
    resp = rest_post(base_url, "runs/search", {"experiment_ids": [experiment_id], "max_results": 123456789})
    message = (
        "Invalid value 123456789 for parameter 'max_results' supplied:  Hint: Value was of type 'int'. "
        "See the API docs for more information about request parameters."
    )
    assert_error(resp, 400, invalid(message))
    resp = rest_post(base_url, "runs/search", {"experiment_ids": [experiment_id], "filter": "metrics.x >"})
    assert_error(resp, 400, invalid("Invalid clause(s) in filter string: 'metrics.x', '>'"))
    resp = rest_post(base_url, "runs/search", {"experiment_ids": [experiment_id], "page_token": "xx"})
    assert_error(resp, 400, invalid("Invalid page token, could not base64-decode"))


def test_duplicate_experiment_body(base_url, uniq):
    name = uniq()
    ok_json(rest_post(base_url, "experiments/create", {"name": name}))
    resp = rest_post(base_url, "experiments/create", {"name": name})
    assert resp.status_code == 400
    body = resp.json()
    assert body["error_code"] == "RESOURCE_ALREADY_EXISTS"
    assert body["message"].startswith(f"Experiment(name={name}) already exists.")
    assert body["error_class"] == "RESOURCE_ALREADY_EXISTS"


def test_invalid_state_body(base_url, client, uniq):
    exp_id = client.create_experiment(uniq())
    client.delete_experiment(exp_id)
    resp = rest_post(base_url, "experiments/update", {"experiment_id": exp_id, "new_name": uniq("x")})
    assert_error(
        resp,
        500,
        {
            "error_code": "INVALID_STATE",
            "message": "Cannot rename a non-active experiment.",
            "sqlstate": "XXM00",
            "error_class": "CLIENT_INTERNAL_ERROR",
        },
    )


def test_unknown_route_is_404(base_url):
    assert requests.get(api(base_url, "no/such/endpoint"), timeout=30).status_code == 404


# --- good requests: wire encoding ------------------------------------------------------------------


def test_health_and_version(base_url):
    resp = requests.get(base_url + "/health", timeout=30)
    assert resp.status_code == 200 and resp.text == "OK"
    resp = requests.get(base_url + "/version", timeout=30)
    assert resp.status_code == 200 and resp.text == "3.18.0"


def test_create_experiment_and_get_shapes(base_url, uniq):
    name = uniq()
    body = ok_json(rest_post(base_url, "experiments/create", {"name": name, "tags": [{"key": "a", "value": "b"}]}))
    assert list(body) == ["experiment_id"] and isinstance(body["experiment_id"], str)
    exp_id = body["experiment_id"]
    exp = ok_json(rest_get(base_url, "experiments/get", {"experiment_id": exp_id}))["experiment"]
    assert isinstance(exp["creation_time"], int) and isinstance(exp["last_update_time"], int)
    assert exp == {
        "experiment_id": exp_id,
        "name": name,
        "artifact_location": f"mlflow-artifacts:/{exp_id}",
        "lifecycle_stage": "active",
        "last_update_time": exp["creation_time"],
        "creation_time": exp["creation_time"],
        "tags": [{"key": "a", "value": "b"}],
        "workspace": "default",
    }
    by_name = ok_json(rest_get(base_url, "experiments/get-by-name", {"experiment_name": name}))
    assert by_name == {"experiment": exp}


def test_create_run_shape(base_url, experiment_id):
    body = {
        "experiment_id": experiment_id,
        "run_name": "raw",
        "start_time": 5,
        "user_id": "bob",
        "tags": [{"key": "k", "value": "v"}],
    }
    run = ok_json(rest_post(base_url, "runs/create", body))["run"]
    run_id = run["info"]["run_id"]
    assert run["info"] == {
        "run_uuid": run_id,
        "experiment_id": experiment_id,
        "run_name": "raw",
        "user_id": "bob",
        "status": "RUNNING",
        "start_time": 5,
        "artifact_uri": f"mlflow-artifacts:/{experiment_id}/{run_id}/artifacts",
        "lifecycle_stage": "active",
        "run_id": run_id,
    }
    assert sorted(run["data"]["tags"], key=lambda t: t["key"]) == [
        {"key": "k", "value": "v"},
        {"key": "mlflow.runName", "value": "raw"},
    ]
    assert "metrics" not in run["data"] and "params" not in run["data"]  # empty lists are omitted


def test_bare_create_run_defaults(base_url, experiment_id):
    info = ok_json(rest_post(base_url, "runs/create", {"experiment_id": experiment_id}))["run"]["info"]
    assert info["user_id"] == "" and info["start_time"] == 0 and info["status"] == "RUNNING"
    assert "end_time" not in info


def test_empty_responses(base_url, run_id):
    assert ok_json(rest_post(base_url, "runs/log-metric", {"run_id": run_id, "key": "m", "value": 1, "timestamp": 1})) == {}
    assert ok_json(rest_post(base_url, "runs/log-parameter", {"run_id": run_id, "key": "p", "value": "v"})) == {}
    assert ok_json(rest_post(base_url, "runs/set-tag", {"run_id": run_id, "key": "t", "value": "v"})) == {}
    assert ok_json(rest_post(base_url, "runs/delete-tag", {"run_id": run_id, "key": "t"})) == {}
    assert ok_json(rest_post(base_url, "runs/log-batch", {"run_id": run_id})) == {}


def test_update_run_returns_run_info(base_url, run_id):
    body = ok_json(rest_post(base_url, "runs/update", {"run_id": run_id, "status": "FINISHED", "end_time": 77}))
    info = body["run_info"]
    assert info["status"] == "FINISHED" and info["end_time"] == 77 and info["run_id"] == run_id


def test_run_uuid_alias(base_url, run_id):
    assert ok_json(rest_post(base_url, "runs/set-tag", {"run_uuid": run_id, "key": "via", "value": "uuid"})) == {}
    run = ok_json(rest_get(base_url, "runs/get", {"run_uuid": run_id}))["run"]
    assert {"key": "via", "value": "uuid"} in run["data"]["tags"]


def test_metric_wire_values(base_url, run_id):
    metrics = [
        {"key": "nan", "value": "NaN", "timestamp": 1, "step": 0},
        {"key": "pinf", "value": "Infinity", "timestamp": 2, "step": 1},
        {"key": "int", "value": 3, "timestamp": 3},
    ]
    ok_json(rest_post(base_url, "runs/log-batch", {"run_id": run_id, "metrics": metrics}))
    got = {m["key"]: m for m in ok_json(rest_get(base_url, "runs/get", {"run_id": run_id}))["run"]["data"]["metrics"]}
    assert got["nan"] == {"key": "nan", "value": "NaN", "timestamp": 1, "step": 0}
    assert got["pinf"] == {"key": "pinf", "value": 1.7976931348623157e308, "timestamp": 2, "step": 1}
    assert got["int"] == {"key": "int", "value": 3.0, "timestamp": 3, "step": 0}


def test_content_type_with_charset_and_double_encoded_body(base_url, uniq):
    resp = post_raw(base_url, "experiments/create", json.dumps({"name": uniq("cs")}), "application/json; charset=utf-8")
    assert "experiment_id" in ok_json(resp)
    # a JSON string holding JSON is decoded a second time
    resp = post_raw(base_url, "experiments/create", json.dumps(json.dumps({"name": uniq("dbl")})))
    assert "experiment_id" in ok_json(resp)
    # unknown fields are ignored
    assert "experiment_id" in ok_json(rest_post(base_url, "experiments/create", {"name": uniq("unk"), "bogus": 1}))


def test_search_experiments_get_and_post(base_url, uniq):
    name = uniq()
    exp_id = ok_json(rest_post(base_url, "experiments/create", {"name": name}))["experiment_id"]
    flt = f"name = '{name}'"
    via_get = ok_json(rest_get(base_url, "experiments/search", {"max_results": 5, "filter": flt, "view_type": "ALL"}))
    via_post = ok_json(rest_post(base_url, "experiments/search", {"max_results": 5, "filter": flt, "view_type": "ALL"}))
    assert [e["experiment_id"] for e in via_get["experiments"]] == [exp_id]
    assert via_get == via_post
    assert ok_json(rest_post(base_url, "experiments/search", {"filter": flt, "view_type": "DELETED_ONLY", "max_results": 5})) == {}


def test_search_experiments_requires_max_results(base_url):
    # the handler has no default: an absent max_results is 0
    resp = rest_post(base_url, "experiments/search", {})
    assert_error(resp, 400, invalid("Invalid value 0 for parameter 'max_results' supplied. It must be a positive integer"))


def test_search_runs_raw_paging(base_url, client, experiment_id):
    for _ in range(3):
        client.create_run(experiment_id)
    page1 = ok_json(rest_post(base_url, "runs/search", {"experiment_ids": [experiment_id], "max_results": 2}))
    assert len(page1["runs"]) == 2 and isinstance(page1["next_page_token"], str)
    page2 = ok_json(
        rest_post(
            base_url,
            "runs/search",
            {"experiment_ids": [experiment_id], "max_results": 2, "page_token": page1["next_page_token"]},
        )
    )
    assert len(page2["runs"]) == 1 and "next_page_token" not in page2


def test_ajax_api_mirror(base_url, run_id):
    via_api = ok_json(rest_get(base_url, "runs/get", {"run_id": run_id}))
    via_ajax = ok_json(rest_get(base_url, "runs/get", {"run_id": run_id}, prefix="ajax-api"))
    assert via_api == via_ajax
