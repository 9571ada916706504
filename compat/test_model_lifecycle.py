"""Models end to end with the real client: log_model (pyfunc, sklearn), load by runs:/ and models:/ URIs (logged
model ids, registry versions and aliases), predict."""

from __future__ import annotations

import json

import mlflow
import numpy as np
import pandas as pd
import pytest

# Requirements given explicitly: the client's inference starts a subprocess per model and adds nothing here.
PIP = ["mlflow"]


class AddN(mlflow.pyfunc.PythonModel):
    def __init__(self, n):
        self.n = n

    def predict(self, context, model_input, params=None):
        return model_input.apply(lambda column: column + self.n)


@pytest.fixture
def fluent_experiment(experiment_id):
    mlflow.set_experiment(experiment_id=experiment_id)
    return experiment_id


def test_pyfunc_log_model_creates_a_ready_logged_model(client, fluent_experiment):
    with mlflow.start_run() as run:
        mlflow.log_param("alpha", "0.5")
        info = mlflow.pyfunc.log_model(name="adder", python_model=AddN(5), pip_requirements=PIP)
    assert info.model_id.startswith("m-")
    assert info.model_uri == f"models:/{info.model_id}"
    model = client.get_logged_model(info.model_id)
    assert model.name == "adder"
    assert model.status == "READY"
    assert model.source_run_id == run.info.run_id
    assert model.experiment_id == fluent_experiment
    assert model.artifact_location.endswith(f"/{fluent_experiment}/models/{info.model_id}/artifacts")
    files = sorted(f.path for f in client.list_logged_model_artifacts(info.model_id))
    assert "MLmodel" in files and "python_model.pkl" in files
    # The model takes the run's params; the run records the model as an output.
    assert model.params == {"alpha": "0.5"}
    outputs = client.get_run(run.info.run_id).outputs
    assert [o.model_id for o in outputs.model_outputs] == [info.model_id]


def test_pyfunc_load_by_run_and_model_uri_predicts(fluent_experiment):
    with mlflow.start_run() as run:
        info = mlflow.pyfunc.log_model(name="adder", python_model=AddN(3), pip_requirements=PIP)
    frame = pd.DataFrame({"x": [1, 2, 3]})
    for uri in (f"runs:/{run.info.run_id}/adder", f"models:/{info.model_id}", info.model_uri):
        loaded = mlflow.pyfunc.load_model(uri)
        assert loaded.predict(frame)["x"].tolist() == [4, 5, 6], uri


def test_sklearn_model_round_trip(fluent_experiment):
    from sklearn.linear_model import LinearRegression

    X = np.array([[0.0], [1.0], [2.0], [3.0]])
    y = 2 * X[:, 0] + 1
    with mlflow.start_run() as run:
        info = mlflow.sklearn.log_model(LinearRegression().fit(X, y), name="linreg", pip_requirements=["scikit-learn"])
    for uri in (f"runs:/{run.info.run_id}/linreg", f"models:/{info.model_id}"):
        prediction = mlflow.pyfunc.load_model(uri).predict(np.array([[10.0]]))
        assert prediction[0] == pytest.approx(21.0), uri
    native = mlflow.sklearn.load_model(info.model_uri)
    assert native.predict(np.array([[4.0]]))[0] == pytest.approx(9.0)


def test_list_artifacts_on_the_run_includes_the_model(client, fluent_experiment):
    with mlflow.start_run() as run:
        mlflow.pyfunc.log_model(name="adder", python_model=AddN(1), pip_requirements=PIP)
    listed = sorted(f.path for f in client.list_artifacts(run.info.run_id, "adder"))
    assert "adder/MLmodel" in listed
    assert "adder/python_model.pkl" in listed


def test_log_metric_with_model_id_lands_on_the_model(client, fluent_experiment):
    with mlflow.start_run() as run:
        info = mlflow.pyfunc.log_model(name="adder", python_model=AddN(1), pip_requirements=PIP)
        mlflow.log_metric("rmse", 0.25, step=3, model_id=info.model_id)
    metrics = client.get_logged_model(info.model_id).metrics
    assert [(m.key, m.value, m.step, m.run_id, m.model_id) for m in metrics] == [
        ("rmse", 0.25, 3, run.info.run_id, info.model_id)
    ]
    # The run keeps its own copy of the metric.
    assert client.get_run(run.info.run_id).data.metrics["rmse"] == 0.25



def test_record_logged_model_appends_to_the_run_history_tag(client, experiment_id):
    """The pre-3.x path (runs/log-model) still keeps the run's mlflow.log-model.history tag."""
    from mlflow.models import Model

    run_id = client.create_run(experiment_id).info.run_id
    for path in ("first", "second"):
        flavors = {"python_function": {"loader_module": "x", "config": {"a": 1}}}
        model = Model(artifact_path=path, run_id=run_id, flavors=flavors)
        client._record_logged_model(run_id, model)
    history = json.loads(client.get_run(run_id).data.tags["mlflow.log-model.history"])
    assert [(h["artifact_path"], h["run_id"]) for h in history] == [("first", run_id), ("second", run_id)]
    # The flavors are kept without their config blocks.
    assert history[0]["flavors"] == {"python_function": {"loader_module": "x"}}

def test_registered_model_versions_and_alias_load_and_predict(client, fluent_experiment, uniq):
    name = uniq("reg")
    with mlflow.start_run():
        info = mlflow.pyfunc.log_model(
            name="adder", python_model=AddN(10), pip_requirements=PIP, registered_model_name=name
        )
    assert info.registered_model_version == "1"
    v1 = client.get_model_version(name, "1")
    assert (v1.status, v1.source) == ("READY", f"models:/{info.model_id}")
    # A second version straight from the logged model's URI.
    v2 = mlflow.register_model(info.model_uri, name)
    assert v2.version == "2"
    client.set_registered_model_alias(name, "champion", "2")
    assert client.get_model_version_by_alias(name, "champion").version == "2"
    frame = pd.DataFrame({"x": [1, 2]})
    for uri in (f"models:/{name}/1", f"models:/{name}/2", f"models:/{name}@champion"):
        assert mlflow.pyfunc.load_model(uri).predict(frame)["x"].tolist() == [11, 12], uri
    # Both versions point at the logged model's artifacts.
    sources = sorted((v.version, v.source) for v in client.search_model_versions(f"name = '{name}'"))
    assert sources == [("1", f"models:/{info.model_id}"), ("2", f"models:/{info.model_id}")]


def test_logged_model_lists_its_registered_versions(client, fluent_experiment, uniq):
    name = uniq("reg")
    with mlflow.start_run():
        info = mlflow.pyfunc.log_model(
            name="adder", python_model=AddN(1), pip_requirements=PIP, registered_model_name=name
        )
    mlflow.register_model(info.model_uri, name)
    # Each registration appends twice: the server's handler {"version": n}, then the client {"version": "n"}.
    listed = json.loads(client.get_logged_model(info.model_id).tags["mlflow.modelVersions"])
    assert listed == [{"name": name, "version": v} for v in (1, "1", 2, "2")]
