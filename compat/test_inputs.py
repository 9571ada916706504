"""Dataset inputs: fluent log_input of a pandas dataset, client log_inputs, dedup, search by dataset, search-datasets."""

from __future__ import annotations

import json

import mlflow
import pandas as pd
import pytest
from mlflow.entities import DatasetInput, InputTag

from helpers import error_json, ok_json, raises_mlflow, rest_post

CONTEXT = "mlflow.data.context"


def pandas_dataset(name: str, rows: int = 3):
    df = pd.DataFrame({"a": list(range(rows)), "b": [f"s{i}" for i in range(rows)]})
    return mlflow.data.from_pandas(df, source="s3://bucket/data.csv", name=name, targets="a")


def tags_of(dataset_input):
    return {t.key: t.value for t in dataset_input.tags}


def test_fluent_log_input(tracking_uri, uniq):
    mlflow.set_experiment(uniq())
    ds = pandas_dataset("train-ds")
    with mlflow.start_run() as run:
        mlflow.log_input(ds, context="training", tags={"extra": "1"})
    inputs = mlflow.get_run(run.info.run_id).inputs
    [di] = inputs.dataset_inputs
    expected = ds._to_mlflow_entity()
    assert di.dataset.name == "train-ds"
    assert di.dataset.digest == expected.digest
    assert di.dataset.source_type == "s3"
    assert json.loads(di.dataset.source) == {"uri": "s3://bucket/data.csv"}
    assert json.loads(di.dataset.schema) == json.loads(expected.schema)
    assert json.loads(di.dataset.profile) == {"num_rows": 3, "num_elements": 6}
    assert tags_of(di) == {"extra": "1", CONTEXT: "training"}


def test_client_log_inputs_and_dedup(client, experiment_id):
    run_id = client.create_run(experiment_id).info.run_id
    train = pandas_dataset("train", 3)._to_mlflow_entity()
    evaluation = pandas_dataset("eval", 5)._to_mlflow_entity()
    client.log_inputs(
        run_id,
        [
            DatasetInput(train, tags=[InputTag(CONTEXT, "training")]),
            DatasetInput(evaluation, tags=[InputTag(CONTEXT, "eval")]),
        ],
    )
    # logging the same (name, digest) again adds nothing
    client.log_inputs(run_id, [DatasetInput(train, tags=[InputTag(CONTEXT, "other")])])
    inputs = client.get_run(run_id).inputs.dataset_inputs
    by_name = {di.dataset.name: di for di in inputs}
    assert sorted(by_name) == ["eval", "train"]
    assert tags_of(by_name["train"]) == {CONTEXT: "training"}
    assert tags_of(by_name["eval"]) == {CONTEXT: "eval"}
    assert by_name["eval"].dataset.digest == evaluation.digest
    assert by_name["train"].dataset.digest != by_name["eval"].dataset.digest

    # the same dataset in another run of the experiment
    other = client.create_run(experiment_id).info.run_id
    client.log_inputs(other, [DatasetInput(train, tags=[InputTag(CONTEXT, "training")])])
    [di] = client.get_run(other).inputs.dataset_inputs
    assert di.dataset.digest == train.digest


def test_log_inputs_without_tags(client, experiment_id):
    run_id = client.create_run(experiment_id).info.run_id
    client.log_inputs(run_id, [DatasetInput(pandas_dataset("plain")._to_mlflow_entity())])
    [di] = client.get_run(run_id).inputs.dataset_inputs
    assert di.dataset.name == "plain" and di.tags == []


def test_log_inputs_to_deleted_run(client, experiment_id):
    run_id = client.create_run(experiment_id).info.run_id
    client.delete_run(run_id)
    with raises_mlflow("INVALID_PARAMETER_VALUE", f"The run {run_id} must be in the 'active' state"):
        client.log_inputs(run_id, [DatasetInput(pandas_dataset("x")._to_mlflow_entity())])


def test_log_inputs_digest_too_long(base_url, client, experiment_id):
    run_id = client.create_run(experiment_id).info.run_id
    body = {
        "run_id": run_id,
        "datasets": [{"dataset": {"name": "d", "digest": "y" * 37, "source_type": "local", "source": "{}"}}],
    }
    resp = rest_post(base_url, "runs/log-inputs", body)
    assert error_json(resp, 400, "INVALID_PARAMETER_VALUE")["message"] == (
        "'digest' exceeds the maximum length of 36 characters"
    )


@pytest.fixture(scope="module")
def dataset_runs(client):
    """Runs with datasets: r_train (train/training), r_both (train/training + eval/eval), r_none (no inputs)."""
    import uuid

    exp_id = client.create_experiment(f"inputs-search-{uuid.uuid4().hex}")
    train = pandas_dataset("train-set", 3)._to_mlflow_entity()
    evaluation = pandas_dataset("Eval-Set", 4)._to_mlflow_entity()
    runs = {}
    for name, inputs in [
        ("r_train", [(train, "training")]),
        ("r_both", [(train, "training"), (evaluation, "eval")]),
        ("r_none", []),
    ]:
        run_id = client.create_run(exp_id, run_name=name).info.run_id
        if inputs:
            client.log_inputs(run_id, [DatasetInput(ds, tags=[InputTag(CONTEXT, ctx)]) for ds, ctx in inputs])
        runs[name] = run_id
    return exp_id, runs, train, evaluation


@pytest.mark.parametrize(
    "flt, expected",
    [
        ("dataset.name = 'train-set'", {"r_train", "r_both"}),
        ("datasets.name = 'Eval-Set'", {"r_both"}),
        ("dataset.name != 'train-set'", {"r_both"}),
        ("dataset.name LIKE 'train%'", {"r_train", "r_both"}),
        ("dataset.name LIKE 'eval%'", set()),
        ("dataset.name ILIKE 'eval%'", {"r_both"}),
        ("dataset.name IN ('Eval-Set', 'nope')", {"r_both"}),
        ("dataset.name NOT IN ('train-set')", {"r_both"}),
        ("dataset.context = 'training'", {"r_train", "r_both"}),
        ("dataset.context = 'eval'", {"r_both"}),
        ("dataset.context ILIKE 'EVAL'", {"r_both"}),
        ("dataset.name = 'nope'", set()),
        ("dataset.name = 'train-set' AND dataset.context = 'training'", {"r_train", "r_both"}),
    ],
)
def test_search_runs_by_dataset(client, dataset_runs, flt, expected):
    exp_id, runs, _, _ = dataset_runs
    found = {r.info.run_name for r in client.search_runs([exp_id], flt)}
    assert found == expected


def test_search_runs_by_dataset_digest(client, dataset_runs):
    exp_id, runs, train, evaluation = dataset_runs
    found = {r.info.run_name for r in client.search_runs([exp_id], f"dataset.digest = '{evaluation.digest}'")}
    assert found == {"r_both"}


def test_search_runs_returns_inputs(client, dataset_runs):
    exp_id, runs, _, _ = dataset_runs
    [run] = client.search_runs([exp_id], "attributes.run_name = 'r_both'")
    assert sorted(di.dataset.name for di in run.inputs.dataset_inputs) == ["Eval-Set", "train-set"]


def test_search_datasets(base_url, dataset_runs):
    exp_id, _, train, evaluation = dataset_runs
    resp = rest_post(base_url, "experiments/search-datasets", {"experiment_ids": [exp_id]}, prefix="ajax-api")
    summaries = ok_json(resp)["dataset_summaries"]
    assert sorted(summaries, key=lambda s: s["name"]) == [
        {"experiment_id": exp_id, "name": "Eval-Set", "digest": evaluation.digest, "context": "eval"},
        {"experiment_id": exp_id, "name": "train-set", "digest": train.digest, "context": "training"},
    ]


@pytest.mark.parametrize(
    "body, message",
    [
        ({}, "SearchDatasets request must specify at least one experiment_id."),
        (
            {"experiment_ids": [str(i) for i in range(21)]},
            "SearchDatasets request cannot specify more than 20 experiment_ids. Received 21 experiment_ids.",
        ),
    ],
)
def test_search_datasets_rejects_invalid_requests(base_url, body, message):
    resp = rest_post(base_url, "experiments/search-datasets", body, prefix="ajax-api")
    assert error_json(resp, 400, "INVALID_PARAMETER_VALUE")["message"] == message
