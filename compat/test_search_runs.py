"""search_runs through the real client: filters on metrics/params/tags/attributes, order_by, paging, view types."""

from __future__ import annotations

import uuid

import mlflow
import pandas as pd
import pytest
from mlflow.entities import ViewType

from helpers import raises_mlflow


def make_trio(client, experiment_id):
    """Three runs: Alpha (FINISHED, m=0), beta (FAILED, m=1), gamma (RUNNING, m=2), start_time 1000..1002."""
    runs = {}
    for i, (status, name) in enumerate([("FINISHED", "Alpha"), ("FAILED", "beta"), ("RUNNING", "gamma")]):
        run_id = client.create_run(experiment_id, run_name=name, start_time=1000 + i).info.run_id
        client.log_metric(run_id, "m", float(i))
        if i % 2 == 0:
            client.log_metric(run_id, "only_even", 10.0 * i)
        client.log_param(run_id, "p", f"v{i}")
        client.log_param(run_id, "kase", "Mixed" if i == 0 else "mixed")
        client.set_tag(run_id, "t", f"T{i}")
        client.set_tag(run_id, "my-key", "odd" if i % 2 else "even")
        if status != "RUNNING":
            client.set_terminated(run_id, status, end_time=5000 + i)
        runs[name] = run_id
    return experiment_id, runs


@pytest.fixture(scope="module")
def trio(client):
    """Shared by the read-only tests of this module; tests that change runs use `own_trio`."""
    return make_trio(client, client.create_experiment(f"search-runs-trio-{uuid.uuid4().hex}"))


@pytest.fixture
def own_trio(client, experiment_id):
    return make_trio(client, experiment_id)


def names(client, exp_id, filter_string="", **kw):
    return [r.info.run_name for r in client.search_runs([exp_id], filter_string, **kw)]


def test_default_order_is_start_time_desc(client, trio):
    exp_id, _ = trio
    assert names(client, exp_id) == ["gamma", "beta", "Alpha"]


@pytest.mark.parametrize(
    "flt, expected",
    [
        ("metrics.m = 1", ["beta"]),
        ("metrics.m = 1.0", ["beta"]),
        ("metrics.m != 1", ["gamma", "Alpha"]),
        ("metrics.m > 0", ["gamma", "beta"]),
        ("metrics.m >= 1", ["gamma", "beta"]),
        ("metrics.m < 1", ["Alpha"]),
        ("metrics.m <= 1", ["beta", "Alpha"]),
        ("metric.only_even >= 0", ["gamma", "Alpha"]),
        ("metrics.m > 0 AND metrics.m < 2", ["beta"]),
        ("metrics.missing > -1000", []),
        ("params.p = 'v1'", ["beta"]),
        ('params.p = "v1"', ["beta"]),
        ("params.p != 'v1'", ["gamma", "Alpha"]),
        ("param.p LIKE 'v%'", ["gamma", "beta", "Alpha"]),
        ("parameters.kase LIKE 'M%'", ["Alpha"]),
        ("params.kase ILIKE 'M%'", ["gamma", "beta", "Alpha"]),
        ("params.kase = 'mixed'", ["gamma", "beta"]),
        ("params.p IS NOT NULL", ["gamma", "beta", "Alpha"]),
        ("tags.t = 'T2'", ["gamma"]),
        ("tags.t != 'T2'", ["beta", "Alpha"]),
        ("tag.t LIKE 'T_'", ["gamma", "beta", "Alpha"]),
        ("tags.t ILIKE 't1'", ["beta"]),
        ("tags.`mlflow.runName` = 'beta'", ["beta"]),
        ("tags.`my-key` = 'even'", ["gamma", "Alpha"]),
        ('tags."my-key" = \'odd\'', ["beta"]),
        ("tags.nope IS NULL", ["gamma", "beta", "Alpha"]),
        ("tags.t IS NULL", []),
        ("attributes.status = 'FINISHED'", ["Alpha"]),
        ("status != 'FINISHED'", ["gamma", "beta"]),
        ("attribute.status LIKE 'F%'", ["beta", "Alpha"]),
        ("status ILIKE 'f%'", ["beta", "Alpha"]),
        ("attributes.run_name = 'Alpha'", ["Alpha"]),
        ("run_name != 'Alpha'", ["gamma", "beta"]),
        ("run_name LIKE 'a%'", []),
        ("run_name ILIKE 'a%'", ["Alpha"]),
        ("`run name` = 'beta'", ["beta"]),
        ("`Run Name` = 'beta'", ["beta"]),
        ("start_time > 1000", ["gamma", "beta"]),
        ("attributes.start_time <= 1001", ["beta", "Alpha"]),
        ("created >= 1002", ["gamma"]),
        ("end_time > 5000", ["beta"]),
        ("user_id = 'unknown'", ["gamma", "beta", "Alpha"]),
        ("metrics.m >= 0 AND params.p != 'v0' AND tags.t LIKE 'T%' AND status != 'RUNNING'", ["beta"]),
    ],
)
def test_filters(client, trio, flt, expected):
    exp_id, _ = trio
    assert names(client, exp_id, flt) == expected


def test_run_id_in_and_not_in(client, trio):
    exp_id, runs = trio
    a, b, g = runs["Alpha"], runs["beta"], runs["gamma"]
    assert names(client, exp_id, f"attributes.run_id IN ('{a}', '{b}')") == ["beta", "Alpha"]
    assert names(client, exp_id, f"run_id NOT IN ('{a}')") == ["gamma", "beta"]
    assert names(client, exp_id, f"run_id = '{g}'") == ["gamma"]
    assert names(client, exp_id, f"run_id != '{g}'") == ["beta", "Alpha"]
    # list values with upper-case letters are dropped (run ids are lower-case hex)
    assert names(client, exp_id, f"run_id IN ('{a.upper()}', '{b}')") == ["beta"]


@pytest.mark.parametrize(
    "flt",
    ["status IN ('FINISHED', 'FAILED')", "status NOT IN ('FINISHED')", "run_name IN ('Alpha')", "run_name NOT IN ('x')"],
)
def test_in_only_for_run_id(client, trio, flt):
    exp_id, _ = trio
    with raises_mlflow("INVALID_PARAMETER_VALUE", "Only ['run_id'] attributes support comparison with a list"):
        client.search_runs([exp_id], flt)


@pytest.mark.parametrize(
    "flt, message",
    [
        ("metrics.m > 0 OR metrics.m < 1", "Invalid clause(s) in filter string: 'OR'"),
        ("metrics.m >", "Invalid clause(s) in filter string"),
        ("metrics.m > '1'", "Expected numeric value type for metric. Found '1'"),
        ("params.p = 1", "Expected a quoted string value for parameter"),
        ("params.p > 'v1'", "Invalid comparator '>' not one of"),
        ("foo.x = 1", "Invalid entity type 'foo'. Valid values are"),
        ("attributes.foo = 'x'", "Invalid attribute key 'foo' specified. Valid keys are"),
    ],
)
def test_bad_filters(client, trio, flt, message):
    exp_id, _ = trio
    with raises_mlflow("INVALID_PARAMETER_VALUE", message):
        client.search_runs([exp_id], flt)


@pytest.mark.parametrize(
    "order_by, expected",
    [
        (["metrics.m DESC"], ["gamma", "beta", "Alpha"]),
        (["metrics.m ASC"], ["Alpha", "beta", "gamma"]),
        (["metrics.m"], ["Alpha", "beta", "gamma"]),
        # runs without the metric sort last, in both directions
        (["metrics.only_even DESC"], ["gamma", "Alpha", "beta"]),
        (["metrics.only_even ASC"], ["Alpha", "gamma", "beta"]),
        (["params.p DESC"], ["gamma", "beta", "Alpha"]),
        (["params.p ASC"], ["Alpha", "beta", "gamma"]),
        (["tags.t DESC"], ["gamma", "beta", "Alpha"]),
        (["attributes.run_name ASC"], ["Alpha", "beta", "gamma"]),
        (["run_name DESC"], ["gamma", "beta", "Alpha"]),
        (["status ASC"], ["beta", "Alpha", "gamma"]),
        (["start_time ASC"], ["Alpha", "beta", "gamma"]),
        (["attribute.start_time DESC"], ["gamma", "beta", "Alpha"]),
        (["params.kase ASC", "start_time ASC"], ["Alpha", "beta", "gamma"]),
        (["params.kase DESC", "metrics.m DESC"], ["gamma", "beta", "Alpha"]),
        (["`params`.`p` DESC"], ["gamma", "beta", "Alpha"]),
    ],
)
def test_order_by(client, trio, order_by, expected):
    exp_id, _ = trio
    assert names(client, exp_id, order_by=order_by) == expected


@pytest.mark.parametrize(
    "order_by, message",
    [
        (["bogus ASC"], "Invalid attribute key 'bogus' specified."),
        (["metrics.m sideways"], "Invalid ordering key in order_by clause 'metrics.m sideways'."),
    ],
)
def test_bad_order_by(client, trio, order_by, message):
    exp_id, _ = trio
    with raises_mlflow("INVALID_PARAMETER_VALUE", message):
        client.search_runs([exp_id], order_by=order_by)


def test_view_types(client, own_trio):
    exp_id, runs = own_trio
    client.delete_run(runs["beta"])
    assert names(client, exp_id) == ["gamma", "Alpha"]
    assert names(client, exp_id, run_view_type=ViewType.ACTIVE_ONLY) == ["gamma", "Alpha"]
    assert names(client, exp_id, run_view_type=ViewType.DELETED_ONLY) == ["beta"]
    assert names(client, exp_id, run_view_type=ViewType.ALL) == ["gamma", "beta", "Alpha"]


def test_search_across_experiments(client, uniq):
    e1 = client.create_experiment(uniq("a"))
    e2 = client.create_experiment(uniq("b"))
    r1 = client.create_run(e1, start_time=1).info.run_id
    r2 = client.create_run(e2, start_time=2).info.run_id
    found = client.search_runs([e1, e2])
    assert [r.info.run_id for r in found] == [r2, r1]


def test_paging_ten_runs_pages_of_four(client, experiment_id):
    # equal start_time: ties are broken by run_id ascending
    run_ids = sorted(client.create_run(experiment_id, start_time=42).info.run_id for _ in range(10))
    seen, token, sizes = [], None, []
    while True:
        page = client.search_runs([experiment_id], max_results=4, page_token=token)
        sizes.append(len(page))
        seen += [r.info.run_id for r in page]
        token = page.token
        if not token:
            break
    assert sizes == [4, 4, 2]
    assert seen == run_ids

    # pages that end exactly at the last run: no token after the second page
    page = client.search_runs([experiment_id], max_results=5)
    assert len(page) == 5 and page.token
    page = client.search_runs([experiment_id], max_results=5, page_token=page.token)
    assert len(page) == 5 and not page.token


def test_paging_with_order_by_metric(client, experiment_id):
    for i in range(7):
        run_id = client.create_run(experiment_id).info.run_id
        client.log_metric(run_id, "score", float(i))
    p1 = client.search_runs([experiment_id], order_by=["metrics.score DESC"], max_results=3)
    p2 = client.search_runs([experiment_id], order_by=["metrics.score DESC"], max_results=3, page_token=p1.token)
    p3 = client.search_runs([experiment_id], order_by=["metrics.score DESC"], max_results=3, page_token=p2.token)
    scores = [r.data.metrics["score"] for r in [*p1, *p2, *p3]]
    assert scores == [6.0, 5.0, 4.0, 3.0, 2.0, 1.0, 0.0]


def test_bad_page_token(client, experiment_id):
    with raises_mlflow("INVALID_PARAMETER_VALUE", "Invalid page token"):
        client.search_runs([experiment_id], page_token="not-a-token")


def test_max_results_too_large(client, experiment_id):
    with raises_mlflow("INVALID_PARAMETER_VALUE", "Invalid value 123456789 for parameter 'max_results' supplied"):
        client.search_runs([experiment_id], max_results=123456789)


def test_search_returns_latest_metrics_params_tags(client, experiment_id):
    run_id = client.create_run(experiment_id).info.run_id
    client.log_metric(run_id, "loss", 3.0, step=0, timestamp=100)
    client.log_metric(run_id, "loss", 1.0, step=5, timestamp=50)
    client.log_metric(run_id, "loss", 2.0, step=2, timestamp=200)
    client.log_param(run_id, "lr", "0.1")
    client.set_tag(run_id, "stage", "dev")
    [run] = client.search_runs([experiment_id])
    assert run.data.metrics == {"loss": 1.0}  # highest step wins
    assert run.data.params == {"lr": "0.1"}
    assert run.data.tags["stage"] == "dev"


def test_fluent_search_runs_dataframe(tracking_uri, uniq):
    exp = mlflow.set_experiment(uniq())
    for i in range(3):
        with mlflow.start_run(run_name=f"r{i}"):
            mlflow.log_param("p", str(i))
            mlflow.log_metric("m", float(i))
            mlflow.set_tag("t", f"x{i}")
    df = mlflow.search_runs(experiment_ids=[exp.experiment_id], order_by=["metrics.m DESC"])
    assert isinstance(df, pd.DataFrame)
    assert len(df) == 3
    for col in ("run_id", "experiment_id", "status", "start_time", "end_time", "artifact_uri", "metrics.m",
                "params.p", "tags.t", "tags.mlflow.runName"):
        assert col in df.columns, col
    assert list(df["metrics.m"]) == [2.0, 1.0, 0.0]
    assert list(df["params.p"]) == ["2", "1", "0"]
    assert list(df["tags.mlflow.runName"]) == ["r2", "r1", "r0"]
    assert set(df["status"]) == {"FINISHED"}

    filtered = mlflow.search_runs(experiment_names=[exp.name], filter_string="params.p = '1'")
    assert list(filtered["tags.t"]) == ["x1"]

    as_list = mlflow.search_runs(experiment_ids=[exp.experiment_id], output_format="list", max_results=2)
    assert len(as_list) == 2


def test_fluent_search_runs_empty_dataframe(tracking_uri, uniq):
    exp = mlflow.set_experiment(uniq())
    df = mlflow.search_runs(experiment_ids=[exp.experiment_id])
    assert isinstance(df, pd.DataFrame) and len(df) == 0
