"""Runs through the real client: create (args and defaults), get, update, terminate, delete/restore, fluent runs."""

from __future__ import annotations

import getpass
import re

import mlflow
from mlflow.entities import RunStatus

from helpers import now_ms, raises_mlflow

GENERATED_NAME = re.compile(r"^[a-z]+-[a-z]+-\d+$")


def test_create_run_all_args(client, experiment_id):
    run = client.create_run(
        experiment_id,
        start_time=1234567890123,
        tags={"mlflow.user": "alice", "team": "x", "empty": ""},
        run_name="my-run",
    )
    info = run.info
    assert re.fullmatch(r"[0-9a-f]{32}", info.run_id)
    assert info.experiment_id == experiment_id
    assert info.run_name == "my-run"
    assert info.user_id == "alice"
    assert info.status == "RUNNING"
    assert info.start_time == 1234567890123
    assert info.end_time is None
    assert info.lifecycle_stage == "active"
    assert info.artifact_uri == f"mlflow-artifacts:/{experiment_id}/{info.run_id}/artifacts"
    assert run.data.tags == {"mlflow.user": "alice", "team": "x", "empty": "", "mlflow.runName": "my-run"}
    assert run.data.metrics == {} and run.data.params == {}

    fetched = client.get_run(info.run_id)
    assert fetched.info == info
    assert fetched.data.tags == run.data.tags


def test_create_run_defaults(client, experiment_id):
    before = now_ms()
    run = client.create_run(experiment_id)
    assert run.info.user_id == "unknown"
    assert GENERATED_NAME.match(run.info.run_name), run.info.run_name
    assert run.data.tags == {"mlflow.runName": run.info.run_name}
    assert before - 5000 <= run.info.start_time <= now_ms() + 5000
    assert client.get_run(run.info.run_id).info.run_name == run.info.run_name


def test_run_name_from_tag(client, experiment_id):
    run = client.create_run(experiment_id, tags={"mlflow.runName": "from-tag"})
    assert run.info.run_name == "from-tag"
    same = client.create_run(experiment_id, run_name="same", tags={"mlflow.runName": "same"})
    assert same.info.run_name == "same"


def test_run_name_conflicting_with_tag(client, experiment_id):
    with raises_mlflow("INVALID_PARAMETER_VALUE"):
        client.create_run(experiment_id, run_name="a", tags={"mlflow.runName": "b"})


def test_create_run_in_default_experiment_when_unset(client):
    run = client.create_run("0")
    assert run.info.experiment_id == "0"
    client.delete_run(run.info.run_id)


def test_create_run_unknown_experiment(client):
    with raises_mlflow("RESOURCE_DOES_NOT_EXIST", "No Experiment with id=876543210 exists"):
        client.create_run("876543210")


def test_update_status_and_name(client, experiment_id):
    run_id = client.create_run(experiment_id, run_name="first").info.run_id
    client.update_run(run_id, status="KILLED")
    info = client.get_run(run_id).info
    assert info.status == "KILLED"
    assert info.end_time is None  # update_run keeps end_time
    assert info.run_name == "first"

    client.update_run(run_id, name="second")
    run = client.get_run(run_id)
    assert run.info.status == "KILLED"  # renaming keeps the status
    assert run.info.run_name == "second"
    assert run.data.tags["mlflow.runName"] == "second"


def test_set_run_name_tag_renames(client, experiment_id):
    run_id = client.create_run(experiment_id, run_name="before").info.run_id
    client.set_tag(run_id, "mlflow.runName", "after")
    assert client.get_run(run_id).info.run_name == "after"


def test_set_terminated_defaults(client, experiment_id):
    run_id = client.create_run(experiment_id).info.run_id
    before = now_ms()
    client.set_terminated(run_id)
    info = client.get_run(run_id).info
    assert info.status == "FINISHED"
    assert before - 5000 <= info.end_time <= now_ms() + 5000


def test_set_terminated_status_and_end_time(client, experiment_id):
    for status in ("FAILED", "KILLED", "FINISHED", "SCHEDULED", "RUNNING"):
        run_id = client.create_run(experiment_id).info.run_id
        client.set_terminated(run_id, status=status, end_time=2000000000000)
        info = client.get_run(run_id).info
        assert info.status == status
        assert info.end_time == 2000000000000


def test_delete_and_restore(client, experiment_id):
    run_id = client.create_run(experiment_id).info.run_id
    client.delete_run(run_id)
    assert client.get_run(run_id).info.lifecycle_stage == "deleted"
    assert client.search_runs([experiment_id]) == []
    client.restore_run(run_id)
    assert client.get_run(run_id).info.lifecycle_stage == "active"
    assert [r.info.run_id for r in client.search_runs([experiment_id])] == [run_id]


def test_unknown_run(client):
    missing = "f" * 32
    with raises_mlflow("RESOURCE_DOES_NOT_EXIST", f"Run with id={missing} not found"):
        client.get_run(missing)
    with raises_mlflow("RESOURCE_DOES_NOT_EXIST", f"Run with id={missing} not found"):
        client.delete_run(missing)
    with raises_mlflow("RESOURCE_DOES_NOT_EXIST"):
        client.log_metric(missing, "m", 1.0)


def test_fluent_start_and_end_run(tracking_uri, uniq):
    exp = mlflow.set_experiment(uniq())
    with mlflow.start_run(run_name="fluent", tags={"extra": "1"}) as run:
        run_id = run.info.run_id
        assert mlflow.active_run().info.run_id == run_id
        assert run.info.experiment_id == exp.experiment_id
    assert mlflow.active_run() is None
    fetched = mlflow.get_run(run_id)
    assert fetched.info.status == "FINISHED"
    assert fetched.info.end_time is not None
    assert fetched.info.run_name == "fluent"
    assert fetched.info.user_id == getpass.getuser()
    tags = fetched.data.tags
    assert tags["extra"] == "1"
    assert tags["mlflow.runName"] == "fluent"
    assert tags["mlflow.user"] == getpass.getuser()
    assert "mlflow.source.name" in tags and "mlflow.source.type" in tags


def test_fluent_run_failure_marks_failed(tracking_uri, uniq):
    mlflow.set_experiment(uniq())
    run_id = None
    try:
        with mlflow.start_run() as run:
            run_id = run.info.run_id
            raise RuntimeError("boom")
    except RuntimeError:
        pass
    assert mlflow.get_run(run_id).info.status == RunStatus.to_string(RunStatus.FAILED)


def test_fluent_nested_and_resumed_runs(tracking_uri, uniq):
    mlflow.set_experiment(uniq())
    with mlflow.start_run() as parent:
        with mlflow.start_run(nested=True) as child:
            pass
    child_run = mlflow.get_run(child.info.run_id)
    assert child_run.data.tags["mlflow.parentRunId"] == parent.info.run_id

    with mlflow.start_run(run_id=parent.info.run_id) as resumed:
        mlflow.log_param("resumed", "yes")
    assert resumed.info.run_id == parent.info.run_id
    assert mlflow.get_run(parent.info.run_id).data.params == {"resumed": "yes"}
    assert mlflow.get_run(parent.info.run_id).info.status == "FINISHED"
