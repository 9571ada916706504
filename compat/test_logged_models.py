"""Logged models through MlflowClient and raw REST: create/get/finalize/delete, tags, params, metrics, search."""

from __future__ import annotations

import base64
import json
import time

import pytest
import requests

from helpers import api, error_json, ok_json, raises_mlflow, rest_post


def _create(client, experiment_id, name, **kw):
    model = client.create_logged_model(experiment_id=experiment_id, name=name, **kw)
    time.sleep(0.005)  # distinct creation timestamps keep the default order deterministic
    return model


def _search(client, experiment_id, **kw):
    return [m.name for m in client.search_logged_models(experiment_ids=[experiment_id], **kw)]


@pytest.fixture
def seeded(client, experiment_id):
    """m1/m2/m3 with tags, params, types; metrics on m1 (two steps) and m2; m3 finalized READY."""
    run = client.create_run(experiment_id).info.run_id
    ids = {}
    for i, name in enumerate(["m1", "m2", "m3"]):
        ids[name] = _create(
            client,
            experiment_id,
            name,
            source_run_id=run,
            tags={"t": name},
            params={"p": str(i)},
            model_type=f"type{i % 2}",
        ).model_id
    from mlflow.entities import Metric

    client.log_batch(
        run,
        metrics=[
            Metric("acc", 0.5, 1, 0, model_id=ids["m1"], dataset_name="ds", dataset_digest="d1"),
            Metric("acc", 0.9, 2, 1, model_id=ids["m1"]),
            Metric("acc", 0.7, 1, 0, model_id=ids["m2"], dataset_name="ds", dataset_digest="d1"),
        ],
    )
    client.finalize_logged_model(ids["m3"], "READY")
    return ids


def test_create_get_finalize(client, experiment_id):
    run = client.create_run(experiment_id).info.run_id
    model = client.create_logged_model(
        experiment_id=experiment_id,
        name="clf",
        source_run_id=run,
        tags={"a": "1"},
        params={"lr": "0.1"},
        model_type="agent",
    )
    assert model.model_id.startswith("m-") and len(model.model_id) == 34
    assert (model.name, model.status, model.model_type, model.source_run_id) == ("clf", "PENDING", "agent", run)
    assert model.tags == {"a": "1"} and model.params == {"lr": "0.1"}
    exp_location = client.get_experiment(experiment_id).artifact_location
    assert model.artifact_location == f"{exp_location}/models/{model.model_id}/artifacts"
    ready = client.finalize_logged_model(model.model_id, "READY")
    assert ready.status == "READY"
    assert ready.last_updated_timestamp >= model.creation_timestamp
    got = client.get_logged_model(model.model_id)
    assert (got.name, got.status, got.tags, got.params) == ("clf", "READY", {"a": "1"}, {"lr": "0.1"})


def test_generated_name_and_bad_names(client, experiment_id):
    assert client.create_logged_model(experiment_id=experiment_id).name.count("-") == 2
    with raises_mlflow("INVALID_PARAMETER_VALUE", "Invalid model name ('a/b') provided."):
        client.create_logged_model(experiment_id=experiment_id, name="a/b")
    with raises_mlflow("RESOURCE_DOES_NOT_EXIST", "No Experiment with id=987654 exists"):
        client.create_logged_model(experiment_id="987654")


def test_tags_params_and_delete(client, experiment_id):
    model_id = _create(client, experiment_id, "tagged").model_id
    client.set_logged_model_tags(model_id, {"k1": "v1", "k2": "v2"})
    client.set_logged_model_tags(model_id, {"k1": "new"})
    client.delete_logged_model_tag(model_id, "k2")
    client.log_model_params(model_id, {"alpha": "1"})
    model = client.get_logged_model(model_id)
    assert model.tags == {"k1": "new"} and model.params == {"alpha": "1"}
    with raises_mlflow("RESOURCE_DOES_NOT_EXIST", f"No tag with key 'k2' found for model with ID '{model_id}'."):
        client.delete_logged_model_tag(model_id, "k2")
    with raises_mlflow("BAD_REQUEST"):
        client.log_model_params(model_id, {"alpha": "2"})
    client.delete_logged_model(model_id)
    with raises_mlflow("RESOURCE_DOES_NOT_EXIST", f"Logged model with ID '{model_id}' not found."):
        client.get_logged_model(model_id)


def test_get_deleted_model_for_the_ui(client, base_url, experiment_id):
    model_id = _create(client, experiment_id, "gone").model_id
    client.delete_logged_model(model_id)
    resp = requests.get(api(base_url, f"logged-models/{model_id}"), params={"allow_deleted": "true"}, timeout=60)
    assert ok_json(resp)["model"]["info"]["model_id"] == model_id
    error_json(requests.get(api(base_url, f"logged-models/{model_id}"), timeout=60), 404, "RESOURCE_DOES_NOT_EXIST")


def test_metrics_logged_with_a_model_id(client, experiment_id, seeded):
    logged = client.get_logged_model(seeded["m1"]).metrics
    metrics = sorted((m.key, m.value, m.step, m.dataset_name, m.dataset_digest) for m in logged)
    assert metrics == [("acc", 0.5, 0, "ds", "d1"), ("acc", 0.9, 1, None, None)]


def test_search_filters(client, experiment_id, seeded):
    assert _search(client, experiment_id) == ["m3", "m2", "m1"]
    assert _search(client, experiment_id, filter_string="name = 'm1'") == ["m1"]
    assert _search(client, experiment_id, filter_string="name LIKE 'm%' AND params.p != '0'") == ["m3", "m2"]
    assert _search(client, experiment_id, filter_string="tags.t IN ('m1', 'm3')") == ["m3", "m1"]
    assert _search(client, experiment_id, filter_string="model_type NOT IN ('type0')") == ["m2"]
    assert _search(client, experiment_id, filter_string="status = 'READY'") == ["m3"]
    assert _search(client, experiment_id, filter_string="creation_time > 0") == ["m3", "m2", "m1"]
    assert _search(client, experiment_id, filter_string="name = \"m1\"") == []
    assert _search(client, experiment_id, filter_string="tags.`t` = 'm2'") == ["m2"]


def test_search_latest_metric_and_datasets(client, experiment_id, seeded):
    assert _search(client, experiment_id, filter_string="metrics.acc > 0.6") == ["m2", "m1"]
    assert _search(client, experiment_id, filter_string="metrics.acc >= 0.5 AND metrics.acc <= 0.8") == ["m2"]
    d1 = [{"dataset_name": "ds", "dataset_digest": "d1"}]
    assert _search(client, experiment_id, filter_string="metrics.acc > 0.6", datasets=d1) == ["m2"]
    assert _search(client, experiment_id, datasets=d1) == ["m2", "m1"]
    # Through REST a dataset without digest only matches metrics logged without one.
    assert _search(client, experiment_id, datasets=[{"dataset_name": "ds"}]) == []


def test_search_order_by(client, experiment_id, seeded):
    assert _search(client, experiment_id, order_by=[{"field_name": "name"}]) == ["m1", "m2", "m3"]
    assert _search(client, experiment_id, order_by=[{"field_name": "name", "ascending": False}]) == ["m3", "m2", "m1"]
    assert _search(client, experiment_id, order_by=[{"field_name": "creation_timestamp"}]) == ["m1", "m2", "m3"]
    by_metric = [{"field_name": "metrics.acc", "ascending": False}]
    assert _search(client, experiment_id, order_by=by_metric) == ["m1", "m2", "m3"]
    by_dataset_metric = [{"field_name": "metrics.acc", "dataset_name": "ds"}]
    assert _search(client, experiment_id, order_by=by_dataset_metric) == ["m1", "m2", "m3"]


def test_search_pages_with_a_token_bound_to_the_request(client, base_url, experiment_id, seeded):
    body = {"experiment_ids": [experiment_id], "max_results": 2, "order_by": [{"field_name": "name"}]}
    first = ok_json(rest_post(base_url, "logged-models/search", body))
    assert [m["info"]["name"] for m in first["models"]] == ["m1", "m2"]
    token = first["next_page_token"]
    assert json.loads(base64.b64decode(token)) == {
        "experiment_ids": [experiment_id],
        "filter_string": None,
        "order_by": [{"field_name": "name", "ascending": True, "dataset_name": None, "dataset_digest": None}],
        "offset": 2,
    }
    second = ok_json(rest_post(base_url, "logged-models/search", {**body, "page_token": token}))
    assert [m["info"]["name"] for m in second["models"]] == ["m3"] and "next_page_token" not in second
    unordered = rest_post(base_url, "logged-models/search", {"experiment_ids": [experiment_id], "page_token": token})
    other = error_json(unordered, 400, "INVALID_PARAMETER_VALUE")
    assert other["message"] == (
        "Order by in the page token does not match the requested order by. Expected: None. "
        "Found: [{'field_name': 'name', 'ascending': True, 'dataset_name': None, 'dataset_digest': None}]"
    )
    paged = client.search_logged_models(experiment_ids=[experiment_id], max_results=1)
    names = [m.name for m in paged]
    while paged.token:
        paged = client.search_logged_models(experiment_ids=[experiment_id], max_results=1, page_token=paged.token)
        names += [m.name for m in paged]
    assert names == ["m3", "m2", "m1"]


BAD = "INVALID_PARAMETER_VALUE"
NOT_AND = "Expected a list of comparisons separated by 'AND' (e.g. 'metrics.loss > 0.1 AND params.lr = 0.01')."
SEARCH_ERRORS = [
    ({}, 400, BAD, "Missing value for required parameter 'experiment_ids'. "
     "See the API docs for more information about request parameters."),
    ({"datasets": [{"dataset_digest": "d1"}]}, 400, BAD, "`dataset_name` in the `datasets` clause must be specified."),
    ({"filter": "status = 'nope'"}, 400, BAD, "Unknown model status in filter: 'nope'"),
    ({"filter": "status LIKE 'P%'"}, 400, BAD, "Invalid comparison operator for status: LIKE"),
    ({"filter": "creation_time LIKE 0"}, 400, BAD, "Invalid comparison operator for attributes.creation_timestamp_ms: "
     "'LIKE'. Expected one of ('<', '<=', '>', '>=', '=', '!=')."),
    ({"filter": "bogus.x = 'x'"}, 400, BAD, "Invalid entity type: 'bogus'. "
     "Expected one of ['attributes', 'metrics', 'params', 'tags']."),
    ({"filter": "name = 'a' OR name = 'b'"}, 400, BAD,
     f"Invalid filter string: \"name = 'a' OR name = 'b'\". {NOT_AND}"),
    ({"filter": "name = 'a'; name = 'b'"}, 400, BAD, "Invalid filter string: \"name = 'a'; name = 'b'\". "
     "Expected a single SQL expression."),
    ({"filter": "foo = 'x'"}, 500, "INTERNAL_ERROR", "type object 'SqlLoggedModel' has no attribute 'foo'"),
    ({"filter": "creation_time > 'abc'"}, 500, "INTERNAL_ERROR", "could not convert string to float: \"'abc'\""),
    ({"order_by": [{"field_name": "params.p"}]}, 400, BAD, "Invalid order by field name: params.p. "
     "Only metrics are supported."),
    ({"order_by": [{"field_name": "nope"}]}, 400, BAD, "Invalid order by field name: nope"),
    ({"page_token": "!!!"}, 400, BAD, "Invalid page token: !!!. Expecting value: line 1 column 1 (char 0)"),
]


@pytest.mark.parametrize(("body", "status", "code", "message"), SEARCH_ERRORS)
def test_search_errors(base_url, experiment_id, body, status, code, message):
    if "experiment_ids" not in body and body:
        body = {"experiment_ids": [experiment_id], **body}
    assert error_json(rest_post(base_url, "logged-models/search", body), status, code)["message"] == message


def test_unknown_order_by_attribute_has_its_own_error_class(base_url, experiment_id):
    body = error_json(
        rest_post(
            base_url,
            "logged-models/search",
            {"experiment_ids": [experiment_id], "order_by": [{"field_name": "nope"}]},
        ),
        400,
        "INVALID_PARAMETER_VALUE",
    )
    assert (body["sqlstate"], body["error_class"]) == ("KAM04", "ATTRIBUTE_NOT_FOUND")


def test_model_artifact_routes(client, base_url, experiment_id, tmp_path):
    model_id = _create(client, experiment_id, "files").model_id
    (tmp_path / "sub").mkdir()
    (tmp_path / "MLmodel").write_text("flavors: {}\n")
    (tmp_path / "sub" / "w.txt").write_text("weights")
    client.log_model_artifacts(model_id, str(tmp_path))
    listing = ok_json(requests.get(api(base_url, f"logged-models/{model_id}/artifacts/directories"), timeout=60))
    assert listing["root_uri"].endswith(f"/models/{model_id}/artifacts")
    assert sorted((f["path"], f["is_dir"]) for f in listing["files"]) == [("MLmodel", False), ("sub", True)]
    directories = api(base_url, f"logged-models/{model_id}/artifacts/directories")
    sub = ok_json(requests.get(directories, params={"artifact_directory_path": "sub"}, timeout=60))
    assert [(f["path"], f["file_size"]) for f in sub["files"]] == [("sub/w.txt", 7)]
    assert sorted(f.path for f in client.list_logged_model_artifacts(model_id)) == ["MLmodel", "sub"]
    bad = requests.get(directories, params={"artifact_directory_path": "../x"}, timeout=60)
    assert error_json(bad, 400, "INVALID_PARAMETER_VALUE")["message"] == "Invalid path"
    files = api(base_url, f"logged-models/{model_id}/artifacts/files", prefix="ajax-api")
    got = requests.get(files, params={"artifact_file_path": "sub/w.txt"}, timeout=60)
    assert got.status_code == 200 and got.content == b"weights"
    assert "attachment" in got.headers["Content-Disposition"]
    missing = requests.get(files, timeout=60)
    need_path = 'Request must include the "artifact_file_path" query parameter.'
    assert error_json(missing, 400, "BAD_REQUEST")["message"] == need_path
