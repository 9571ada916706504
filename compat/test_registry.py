"""Model registry through the real client: models, versions from a run's artifacts, aliases, stages, searches."""

from __future__ import annotations

import mlflow
import pytest
import requests

from helpers import api, now_ms, raises_mlflow


@pytest.fixture
def run_with_model(experiment_id, tmp_path):
    """A finished run whose artifacts hold a `model/` directory; returns its run id."""
    model_dir = tmp_path / "model"
    model_dir.mkdir()
    (model_dir / "MLmodel").write_text("artifact_path: model\nflavors: {}\n")
    (model_dir / "weights.bin").write_bytes(b"\x00\x01\x02")
    with mlflow.start_run(experiment_id=experiment_id) as run:
        mlflow.log_artifacts(str(model_dir), "model")
    return run.info.run_id


def test_create_get_update_rename_delete(client, uniq):
    name = uniq()
    before = now_ms()
    created = client.create_registered_model(name, tags={"team": "a"}, description="first")
    assert created.name == name
    assert created.description == "first"
    assert created.tags == {"team": "a"}
    assert before - 5000 <= created.creation_timestamp <= now_ms() + 5000
    assert created.last_updated_timestamp == created.creation_timestamp

    updated = client.update_registered_model(name, description="second")
    assert updated.description == "second"
    assert client.get_registered_model(name).description == "second"

    new_name = uniq("renamed")
    client.rename_registered_model(name, new_name)  # the client returns None
    assert client.get_registered_model(new_name).description == "second"
    with raises_mlflow("RESOURCE_DOES_NOT_EXIST"):
        client.get_registered_model(name)

    client.delete_registered_model(new_name)
    with raises_mlflow("RESOURCE_DOES_NOT_EXIST", match="not found"):
        client.get_registered_model(new_name)


def test_duplicate_and_unknown_names(client, uniq):
    name = uniq()
    client.create_registered_model(name)
    with raises_mlflow("RESOURCE_ALREADY_EXISTS", match=f"Registered Model (name={name}) already exists."):
        client.create_registered_model(name)
    with raises_mlflow("RESOURCE_DOES_NOT_EXIST"):
        client.update_registered_model(uniq("nope"), description="x")
    with raises_mlflow("RESOURCE_DOES_NOT_EXIST"):
        client.delete_registered_model(uniq("nope"))
    with raises_mlflow("INVALID_PARAMETER_VALUE", match="Names cannot contain '/' or ':'"):
        client.create_registered_model("a/b")


def test_versions_from_a_run_and_numbers_never_reused(client, uniq, run_with_model):
    name = uniq()
    client.create_registered_model(name)
    source = f"runs:/{run_with_model}/model"
    v1 = client.create_model_version(name, source, run_id=run_with_model, description="d1")
    assert v1.version == "1"
    assert v1.status == "READY"
    assert v1.current_stage == "None"
    assert v1.source == source
    assert v1.run_id == run_with_model
    assert v1.description == "d1"
    v2 = client.create_model_version(name, source, run_id=run_with_model, tags={"k": "v"})
    assert v2.version == "2"
    assert v2.tags == {"k": "v"}
    # the model's last-updated time follows its newest version
    assert client.get_registered_model(name).last_updated_timestamp == v2.creation_timestamp

    client.delete_model_version(name, "2")
    with raises_mlflow("RESOURCE_DOES_NOT_EXIST", match=f"Model Version (name={name}, version=2) not found"):
        client.get_model_version(name, "2")
    assert client.create_model_version(name, source, run_id=run_with_model).version == "3"

    assert client.get_model_version_download_uri(name, "1") == source
    with raises_mlflow("RESOURCE_DOES_NOT_EXIST"):
        client.get_model_version(name, "99")
    with raises_mlflow("INVALID_PARAMETER_VALUE", match="run_id request parameter must identify"):
        client.create_model_version(name, f"runs:/{run_with_model}/model", run_id="0" * 32)


def test_update_version_tags_and_download(client, uniq, run_with_model, tmp_path):
    name = uniq()
    client.create_registered_model(name)
    client.create_model_version(name, f"runs:/{run_with_model}/model", run_id=run_with_model)
    assert client.update_model_version(name, "1", description="better").description == "better"
    client.set_model_version_tag(name, "1", "stage", "qa")
    assert client.get_model_version(name, "1").tags == {"stage": "qa"}
    client.delete_model_version_tag(name, "1", "stage")
    assert client.get_model_version(name, "1").tags == {}
    client.set_registered_model_tag(name, "owner", "me")
    assert client.get_registered_model(name).tags == {"owner": "me"}
    client.delete_registered_model_tag(name, "owner")
    assert client.get_registered_model(name).tags == {}

    # the models:/ URI downloads through the registry (download URI → run artifacts)
    out = mlflow.artifacts.download_artifacts(f"models:/{name}/1", dst_path=str(tmp_path / "dl"))
    assert sorted(p.name for p in __import__("pathlib").Path(out).iterdir()) == ["MLmodel", "weights.bin"]


def test_aliases(client, uniq, run_with_model):
    name = uniq()
    client.create_registered_model(name)
    for _ in range(2):
        client.create_model_version(name, f"runs:/{run_with_model}/model", run_id=run_with_model)
    client.set_registered_model_alias(name, "champion", "1")
    client.set_registered_model_alias(name, "champion", "2")
    client.set_registered_model_alias(name, "backup", "2")
    mv = client.get_model_version_by_alias(name, "champion")
    assert mv.version == "2"
    assert sorted(mv.aliases) == ["backup", "champion"]
    assert client.get_registered_model(name).aliases == {"backup": "2", "champion": "2"}
    client.delete_registered_model_alias(name, "backup")
    assert client.get_registered_model(name).aliases == {"champion": "2"}
    with raises_mlflow("INVALID_PARAMETER_VALUE", match="Registered model alias backup not found."):
        client.get_model_version_by_alias(name, "backup")
    with raises_mlflow("INVALID_PARAMETER_VALUE", match="'latest' alias name (case insensitive) is reserved."):
        client.set_registered_model_alias(name, "Latest", "1")
    with raises_mlflow("INVALID_PARAMETER_VALUE", match="Version alias name 'v1' is reserved."):
        client.set_registered_model_alias(name, "v1", "1")
    with raises_mlflow("RESOURCE_DOES_NOT_EXIST"):
        client.set_registered_model_alias(name, "ok", "7")
    # deleting a version drops its aliases
    client.delete_model_version(name, "2")
    assert client.get_registered_model(name).aliases == {}


def test_stages_and_latest_versions(client, uniq):
    name = uniq()
    client.create_registered_model(name)
    for i in range(3):
        client.create_model_version(name, f"s3://bucket/{name}/{i}")
    client.transition_model_version_stage(name, "1", "Production")
    client.transition_model_version_stage(name, "2", "production")
    mv3 = client.transition_model_version_stage(name, "3", "Production", archive_existing_versions=True)
    assert mv3.current_stage == "Production"
    assert client.get_model_version(name, "1").current_stage == "Archived"
    assert client.get_model_version(name, "2").current_stage == "Archived"
    latest = client.get_latest_versions(name)
    assert sorted((v.current_stage, v.version) for v in latest) == [("Archived", "2"), ("Production", "3")]
    assert [v.version for v in client.get_latest_versions(name, stages=["Archived"])] == ["2"]
    with raises_mlflow("INVALID_PARAMETER_VALUE", match="Invalid Model Version stage: gold."):
        client.transition_model_version_stage(name, "1", "gold")


def test_search_registered_models(client, uniq):
    prefix = uniq()
    for suffix, team in (("a", "red"), ("b", "blue"), ("c", "red")):
        client.create_registered_model(f"{prefix}-{suffix}", tags={"team": team})
    found = client.search_registered_models(filter_string=f"name LIKE '{prefix}-%'", order_by=["name DESC"])
    assert [m.name for m in found] == [f"{prefix}-c", f"{prefix}-b", f"{prefix}-a"]
    red = client.search_registered_models(filter_string=f"name LIKE '{prefix}-%' AND tags.team = 'red'")
    assert [m.name for m in red] == [f"{prefix}-a", f"{prefix}-c"]
    page1 = client.search_registered_models(filter_string=f"name ILIKE '{prefix.upper()}-%'", max_results=2)
    assert [m.name for m in page1] == [f"{prefix}-a", f"{prefix}-b"]
    assert page1.token
    page2 = client.search_registered_models(
        filter_string=f"name ILIKE '{prefix.upper()}-%'", max_results=2, page_token=page1.token
    )
    assert [m.name for m in page2] == [f"{prefix}-c"]
    assert not page2.token
    with raises_mlflow("INVALID_PARAMETER_VALUE", match="Invalid attribute key 'foo' specified."):
        client.search_registered_models(filter_string="foo = 'x'")


def test_search_model_versions(client, uniq, run_with_model):
    name = uniq()
    client.create_registered_model(name)
    for i in range(3):
        client.create_model_version(name, f"runs:/{run_with_model}/model", run_id=run_with_model)
    client.set_model_version_tag(name, "2", "env", "prod")
    found = client.search_model_versions(f"name = '{name}'")
    assert [v.version for v in found] == ["3", "2", "1"]
    assert [v.version for v in client.search_model_versions(f"name = '{name}'", order_by=["version_number ASC"])] == [
        "1",
        "2",
        "3",
    ]
    assert [v.version for v in client.search_model_versions(f"name = '{name}' AND version_number >= 2")] == ["3", "2"]
    assert [v.version for v in client.search_model_versions(f"name = '{name}' AND tags.env = 'prod'")] == ["2"]
    by_run = client.search_model_versions(f"run_id IN ('{run_with_model}') AND name = '{name}'")
    assert len(by_run) == 3
    page = client.search_model_versions(f"name = '{name}'", max_results=2)
    assert len(page) == 2 and page.token
    rest = client.search_model_versions(f"name = '{name}'", max_results=2, page_token=page.token)
    assert [v.version for v in rest] == ["1"]
    with raises_mlflow("INVALID_PARAMETER_VALUE", match="Invalid value for numeric attribute 'version_number': 1.5"):
        client.search_model_versions("version_number = 1.5")


def test_prompt_models_left_out_of_searches(client, uniq, base_url):
    prefix = uniq()
    client.create_registered_model(f"{prefix}-model")
    # the client refuses to register prompts as models, so the prompt is made over REST
    made = requests.post(
        api(base_url, "registered-models/create"),
        json={"name": f"{prefix}-prompt", "tags": [{"key": "mlflow.prompt.is_prompt", "value": "true"}]},
        timeout=60,
    )
    assert made.status_code == 200, made.text
    plain = client.search_registered_models(filter_string=f"name LIKE '{prefix}-%'")
    assert [m.name for m in plain] == [f"{prefix}-model"]
    resp = requests.get(
        api(base_url, "registered-models/search"),
        params={"filter": f"name LIKE '{prefix}-%' AND tags.`mlflow.prompt.is_prompt` = 'true'"},
        timeout=60,
    )
    assert resp.status_code == 200, resp.text
    assert [m["name"] for m in resp.json()["registered_models"]] == [f"{prefix}-prompt"]


def test_unknown_names_and_versions(client, uniq):
    missing = uniq("missing")
    with raises_mlflow("RESOURCE_DOES_NOT_EXIST", match=f"Registered Model with name={missing} not found"):
        client.get_registered_model(missing)
    with raises_mlflow("RESOURCE_DOES_NOT_EXIST"):
        client.get_latest_versions(missing)
    with raises_mlflow("RESOURCE_DOES_NOT_EXIST"):
        client.create_model_version(missing, "s3://bucket/x")
    with raises_mlflow("RESOURCE_DOES_NOT_EXIST"):
        client.get_model_version_by_alias(missing, "champion")


def test_register_model_fluent(client, uniq, run_with_model):
    name = uniq()
    mv = mlflow.register_model(f"runs:/{run_with_model}/model", name)
    assert mv.version == "1"
    assert mv.run_id == run_with_model
    again = mlflow.register_model(f"runs:/{run_with_model}/model", name)  # the model exists: a new version
    assert again.version == "2"
    assert client.get_model_version_by_alias(name, "latest").version == "2"
