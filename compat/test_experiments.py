"""Experiments through the real client: create/get/get_by_name, search, rename, delete/restore, tags."""

from __future__ import annotations

import mlflow
import pytest
from mlflow.entities import ViewType

from helpers import now_ms, raises_mlflow


def test_create_with_tags_and_artifact_location(client, uniq, tmp_path):
    name = uniq()
    location = str(tmp_path / "exp-artifacts")
    before = now_ms()
    exp_id = client.create_experiment(name, artifact_location=location, tags={"team": "a", "empty": ""})
    assert isinstance(exp_id, str) and exp_id.isdigit()

    exp = client.get_experiment(exp_id)
    assert exp.experiment_id == exp_id
    assert exp.name == name
    assert exp.artifact_location == location
    assert exp.lifecycle_stage == "active"
    assert exp.tags == {"team": "a", "empty": ""}
    assert before - 5000 <= exp.creation_time <= now_ms() + 5000
    assert exp.last_update_time == exp.creation_time


def test_default_artifact_location_is_proxied(client, uniq):
    exp_id = client.create_experiment(uniq())
    # --artifacts-destination with artifact serving on: MLflow roots experiments at mlflow-artifacts:/<id>
    assert client.get_experiment(exp_id).artifact_location == f"mlflow-artifacts:/{exp_id}"


def test_default_experiment_exists(client):
    exp = client.get_experiment("0")
    assert exp.name == "Default"
    assert exp.lifecycle_stage == "active"
    assert client.get_experiment_by_name("Default").experiment_id == "0"


def test_get_by_name(client, uniq):
    name = uniq()
    exp_id = client.create_experiment(name)
    exp = client.get_experiment_by_name(name)
    assert exp is not None and exp.experiment_id == exp_id and exp.name == name
    assert client.get_experiment_by_name(uniq("missing")) is None


def test_duplicate_name_rejected(client, uniq):
    name = uniq()
    client.create_experiment(name)
    with raises_mlflow("RESOURCE_ALREADY_EXISTS", f"Experiment(name={name}) already exists"):
        client.create_experiment(name)


def test_unknown_experiment(client):
    with raises_mlflow("RESOURCE_DOES_NOT_EXIST", "No Experiment with id=987654321 exists"):
        client.get_experiment("987654321")


def test_fluent_set_experiment_creates_then_reuses(tracking_uri, uniq):
    name = uniq()
    exp = mlflow.set_experiment(name)
    assert exp.name == name
    again = mlflow.set_experiment(name)
    assert again.experiment_id == exp.experiment_id
    by_id = mlflow.set_experiment(experiment_id=exp.experiment_id)
    assert by_id.name == name


def test_rename(client, uniq):
    exp_id = client.create_experiment(uniq("old"))
    before = client.get_experiment(exp_id)
    new_name = uniq("new")
    client.rename_experiment(exp_id, new_name)
    after = client.get_experiment(exp_id)
    assert after.name == new_name
    assert after.last_update_time >= before.last_update_time
    assert client.get_experiment_by_name(new_name).experiment_id == exp_id


def test_rename_deleted_is_invalid_state(client, uniq):
    exp_id = client.create_experiment(uniq())
    client.delete_experiment(exp_id)
    with raises_mlflow("INVALID_STATE", "Cannot rename a non-active experiment."):
        client.rename_experiment(exp_id, uniq("renamed"))


def test_delete_and_restore(client, uniq):
    name = uniq()
    exp_id = client.create_experiment(name)
    run_id = client.create_run(exp_id).info.run_id

    client.delete_experiment(exp_id)
    exp = client.get_experiment(exp_id)
    assert exp.lifecycle_stage == "deleted"
    # get_by_name still finds it, in the deleted stage
    assert client.get_experiment_by_name(name).lifecycle_stage == "deleted"
    # its runs are deleted with it
    assert client.get_run(run_id).info.lifecycle_stage == "deleted"
    with raises_mlflow("INVALID_PARAMETER_VALUE", f"The experiment {exp_id} must be in the 'active' state"):
        client.create_run(exp_id)

    client.restore_experiment(exp_id)
    assert client.get_experiment(exp_id).lifecycle_stage == "active"
    assert client.get_run(run_id).info.lifecycle_stage == "active"


def test_set_and_delete_tag(client, uniq):
    exp_id = client.create_experiment(uniq(), tags={"keep": "1"})
    other_id = client.create_experiment(uniq("other"))
    client.set_experiment_tag(exp_id, "k", "v1")
    client.set_experiment_tag(exp_id, "k", "v2")  # upsert
    client.set_experiment_tag(exp_id, "multi", "line1\nline2")
    client.set_experiment_tag(exp_id, "empty", "")
    assert client.get_experiment(exp_id).tags == {"keep": "1", "k": "v2", "multi": "line1\nline2", "empty": ""}
    assert client.get_experiment(other_id).tags == {}

    client.delete_experiment_tag(exp_id, "k")
    assert "k" not in client.get_experiment(exp_id).tags
    with raises_mlflow("RESOURCE_DOES_NOT_EXIST", f"No tag with name: k in experiment with id {exp_id}"):
        client.delete_experiment_tag(exp_id, "k")


def test_fluent_set_experiment_tag(tracking_uri, uniq):
    exp = mlflow.set_experiment(uniq())
    mlflow.set_experiment_tag("fluent", "yes")
    mlflow.set_experiment_tags({"a": "1", "b": "2"})
    assert mlflow.get_experiment(exp.experiment_id).tags == {"fluent": "yes", "a": "1", "b": "2"}


@pytest.fixture
def search_family(client, uniq):
    """Four experiments sharing a unique prefix: Prefix-alpha, prefix-beta, prefix-gamma (deleted), prefix-delta."""
    prefix = uniq("fam")
    ids = {
        "alpha": client.create_experiment(f"{prefix.upper()}-alpha", tags={"color": "red", "size": "big"}),
        "beta": client.create_experiment(f"{prefix}-beta", tags={"color": "Green"}),
        "gamma": client.create_experiment(f"{prefix}-gamma", tags={"color": "red"}),
        "delta": client.create_experiment(f"{prefix}-delta"),
    }
    client.delete_experiment(ids["gamma"])
    return prefix, ids


def _names(exps):
    return [e.name for e in exps]


def test_search_filters(client, search_family):
    prefix, ids = search_family
    up = prefix.upper()

    def ids_of(filter_string, view_type=ViewType.ACTIVE_ONLY):
        return {e.experiment_id for e in client.search_experiments(view_type=view_type, filter_string=filter_string)}

    assert ids_of(f"name LIKE '{prefix}-%'") == {ids["beta"], ids["delta"]}
    assert ids_of(f"name ILIKE '{prefix}-%'") == {ids["alpha"], ids["beta"], ids["delta"]}
    assert ids_of(f"attribute.name = '{prefix}-beta'") == {ids["beta"]}
    assert ids_of(f"name = '{up}-alpha'") == {ids["alpha"]}
    assert ids_of(f"name ILIKE '{prefix}-%' AND name != '{prefix}-beta'") == {ids["alpha"], ids["delta"]}
    assert ids_of(f"name ILIKE '{prefix}-%' AND tags.color = 'red'") == {ids["alpha"]}
    assert ids_of(f"name ILIKE '{prefix}-%' AND tags.color = 'red'", ViewType.ALL) == {ids["alpha"], ids["gamma"]}
    assert ids_of(f"name ILIKE '{prefix}-%' AND tags.color LIKE 'G%'") == {ids["beta"]}
    assert ids_of(f"name ILIKE '{prefix}-%' AND tags.color ILIKE 'g%'") == {ids["beta"]}
    assert ids_of(f"name ILIKE '{prefix}-%' AND tags.color != 'red'") == {ids["beta"]}
    assert ids_of(f"name ILIKE '{prefix}-%' AND tags.size = 'big' AND tags.color = 'red'") == {ids["alpha"]}
    assert ids_of(f"name ILIKE '{prefix}-%' AND tags.`color` = 'Green'") == {ids["beta"]}
    assert ids_of(f"name LIKE '{prefix}-%' AND creation_time > 0") == {ids["beta"], ids["delta"]}


def test_search_view_types(client, search_family):
    prefix, ids = search_family
    flt = f"name ILIKE '{prefix}-%'"
    active = {e.experiment_id for e in client.search_experiments(filter_string=flt)}
    deleted = {e.experiment_id for e in client.search_experiments(view_type=ViewType.DELETED_ONLY, filter_string=flt)}
    everything = {e.experiment_id for e in client.search_experiments(view_type=ViewType.ALL, filter_string=flt)}
    assert active == {ids["alpha"], ids["beta"], ids["delta"]}
    assert deleted == {ids["gamma"]}
    assert everything == set(ids.values())


def test_search_order_by(client, search_family):
    prefix, ids = search_family
    up = prefix.upper()
    flt = f"name ILIKE '{prefix}-%'"
    # byte-wise, case-sensitive ordering by name: upper-case prefix sorts first
    asc = client.search_experiments(view_type=ViewType.ALL, filter_string=flt, order_by=["name ASC"])
    assert _names(asc) == [f"{up}-alpha", f"{prefix}-beta", f"{prefix}-delta", f"{prefix}-gamma"]
    desc = client.search_experiments(view_type=ViewType.ALL, filter_string=flt, order_by=["name DESC"])
    assert _names(desc) == list(reversed(_names(asc)))
    by_id = client.search_experiments(view_type=ViewType.ALL, filter_string=flt, order_by=["experiment_id DESC"])
    assert [e.experiment_id for e in by_id] == sorted(ids.values(), key=int, reverse=True)
    # default order: newest first (creation_time DESC, then experiment_id)
    default = client.search_experiments(view_type=ViewType.ALL, filter_string=flt)
    times = [e.creation_time for e in default]
    assert times == sorted(times, reverse=True)
    assert {e.experiment_id for e in default} == set(ids.values())


def test_search_paging(client, search_family):
    prefix, ids = search_family
    flt = f"name ILIKE '{prefix}-%'"
    seen = []
    page = client.search_experiments(view_type=ViewType.ALL, filter_string=flt, order_by=["name ASC"], max_results=3)
    assert len(page) == 3 and page.token
    seen += _names(page)
    page = client.search_experiments(
        view_type=ViewType.ALL, filter_string=flt, order_by=["name ASC"], max_results=3, page_token=page.token
    )
    assert len(page) == 1
    # experiment search reads one row ahead: no token after the last page
    assert not page.token
    seen += _names(page)
    assert len(seen) == 4 and len(set(seen)) == 4

    one = client.search_experiments(view_type=ViewType.ALL, filter_string=flt, order_by=["name ASC"], max_results=4)
    assert len(one) == 4 and not one.token


def test_fluent_search_experiments(tracking_uri, search_family):
    prefix, ids = search_family
    exps = mlflow.search_experiments(filter_string=f"name LIKE '{prefix}-%'", order_by=["name"])
    assert _names(exps) == [f"{prefix}-beta", f"{prefix}-delta"]
    exps = mlflow.search_experiments(view_type=ViewType.DELETED_ONLY, filter_string=f"name LIKE '{prefix}-%'")
    assert [e.experiment_id for e in exps] == [ids["gamma"]]
