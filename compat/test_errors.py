"""Error codes as the real client sees them (MlflowException.error_code / RestException and HTTP status)."""

from __future__ import annotations

import pytest
from mlflow.entities import ViewType
from mlflow.exceptions import MlflowException, RestException

from helpers import raises_mlflow


def test_unknown_run_is_rest_exception_404(client):
    with pytest.raises(RestException) as info:
        client.get_run("0123456789abcdef0123456789abcdef")
    err = info.value
    assert err.error_code == "RESOURCE_DOES_NOT_EXIST"
    assert err.get_http_status_code() == 404
    assert err.message == "RESOURCE_DOES_NOT_EXIST: Run with id=0123456789abcdef0123456789abcdef not found"


def test_unknown_experiment(client):
    with pytest.raises(RestException) as info:
        client.get_experiment("424242424")
    assert info.value.error_code == "RESOURCE_DOES_NOT_EXIST"
    assert info.value.get_http_status_code() == 404
    assert info.value.message == "RESOURCE_DOES_NOT_EXIST: No Experiment with id=424242424 exists"
    with raises_mlflow("RESOURCE_DOES_NOT_EXIST", "No Experiment with id=424242424 exists"):
        client.delete_experiment("424242424")
    with raises_mlflow("RESOURCE_DOES_NOT_EXIST", "No Experiment with id=424242424 exists"):
        client.set_experiment_tag("424242424", "k", "v")


def test_non_integer_experiment_id(client):
    with raises_mlflow("INVALID_PARAMETER_VALUE", "Invalid experiment ID 'abc'. Experiment ID must be a valid integer."):
        client.get_experiment("abc")


def test_duplicate_experiment(client, uniq):
    name = uniq()
    client.create_experiment(name)
    with pytest.raises(RestException) as info:
        client.create_experiment(name)
    assert info.value.error_code == "RESOURCE_ALREADY_EXISTS"
    assert info.value.get_http_status_code() == 400


def test_bad_run_filter(client, experiment_id):
    with raises_mlflow("INVALID_PARAMETER_VALUE", "Invalid clause(s) in filter string") as info:
        client.search_runs([experiment_id], "metrics.acc >")
    assert info.value.get_http_status_code() == 400


def test_bad_experiment_filter(client):
    with raises_mlflow("INVALID_PARAMETER_VALUE", "Invalid clause(s) in filter string"):
        client.search_experiments(filter_string="name = ")


def test_bad_experiment_order_by(client):
    with raises_mlflow("INVALID_PARAMETER_VALUE"):
        client.search_experiments(order_by=["bogus_column DESC"])


def test_invalid_max_results_runs(client, experiment_id):
    with raises_mlflow(
        "INVALID_PARAMETER_VALUE",
        "Invalid value 123456789 for parameter 'max_results' supplied:  Hint: Value was of type 'int'.",
    ):
        client.search_runs([experiment_id], max_results=123456789)


def test_invalid_max_results_experiments(client):
    with raises_mlflow(
        "INVALID_PARAMETER_VALUE", "Invalid value 123456789 for parameter 'max_results' supplied. It must be at most 50000"
    ):
        client.search_experiments(max_results=123456789, view_type=ViewType.ALL)


def test_invalid_state_is_500(client, uniq):
    exp_id = client.create_experiment(uniq())
    client.delete_experiment(exp_id)
    with pytest.raises(RestException) as info:
        client.rename_experiment(exp_id, uniq("new"))
    assert info.value.error_code == "INVALID_STATE"
    assert info.value.get_http_status_code() == 500


def test_missing_tags_and_params(client, experiment_id):
    run_id = client.create_run(experiment_id).info.run_id
    with raises_mlflow("RESOURCE_DOES_NOT_EXIST", f"No tag with name: nope in run with id {run_id}"):
        client.delete_tag(run_id, "nope")
    with raises_mlflow("RESOURCE_DOES_NOT_EXIST", f"No tag with name: nope in experiment with id {experiment_id}"):
        client.delete_experiment_tag(experiment_id, "nope")


def test_all_errors_are_mlflow_exceptions(client):
    with pytest.raises(MlflowException):
        client.restore_run("a" * 32)
    with pytest.raises(MlflowException):
        client.restore_experiment("535353535")
