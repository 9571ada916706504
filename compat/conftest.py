"""Session fixtures: one tracking server (COMPAT_SERVER=mlflow | mlflow-ts | mlflow-ts-src) for the whole suite,
on the store picked by COMPAT_BACKEND=sqlite | postgres | mysql (a throwaway database per session)."""

from __future__ import annotations

import os
import sys
import uuid
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

# No client-side retries: a wrong status must fail fast instead of backing off for minutes.
os.environ.setdefault("MLFLOW_HTTP_REQUEST_MAX_RETRIES", "0")
os.environ.setdefault("MLFLOW_HTTP_REQUEST_TIMEOUT", "60")
# Keep the client quiet and local.
os.environ.setdefault("MLFLOW_ENABLE_ASYNC_LOGGING", "false")
os.environ.setdefault("MLFLOW_DISABLE_TELEMETRY", "true")
os.environ.setdefault("DO_NOT_TRACK", "true")

import mlflow  # noqa: E402
from mlflow import MlflowClient  # noqa: E402

from backends import SELECTED_BACKEND, Database, probe  # noqa: E402
from servers import SELECTED, Server  # noqa: E402


def pytest_report_header(config):
    return f"compat server: {SELECTED}, backend: {SELECTED_BACKEND}"


def pytest_sessionstart(session):
    problem = probe(SELECTED_BACKEND)
    if problem:
        if os.environ.get("CI") == "true":
            pytest.exit(f"compat backend {SELECTED_BACKEND} cannot run: {problem}", returncode=1)
        pytest.exit(f"!!! compat suite SKIPPED on backend {SELECTED_BACKEND}: {problem}", returncode=0)


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    workdir = tmp_path_factory.mktemp(f"server-{SELECTED}-{SELECTED_BACKEND}")
    with Database(SELECTED_BACKEND, workdir) as db:
        srv = Server(SELECTED, workdir, store_uri=None if SELECTED_BACKEND == "sqlite" else db.uri)
        srv.start()
        try:
            yield srv
        finally:
            srv.stop()


@pytest.fixture(scope="session")
def tracking_uri(server):
    old = os.environ.get("MLFLOW_TRACKING_URI")
    os.environ["MLFLOW_TRACKING_URI"] = server.url
    mlflow.set_tracking_uri(server.url)
    yield server.url
    if old is None:
        os.environ.pop("MLFLOW_TRACKING_URI", None)
    else:
        os.environ["MLFLOW_TRACKING_URI"] = old


@pytest.fixture(scope="session")
def client(tracking_uri):
    return MlflowClient(tracking_uri=tracking_uri)


@pytest.fixture
def base_url(tracking_uri):
    return tracking_uri


@pytest.fixture
def uniq(request):
    """uniq("suffix") -> a name no other test (or earlier run) uses."""

    def make(suffix: str = "") -> str:
        name = f"{request.node.name}-{uuid.uuid4().hex[:10]}"
        return f"{name}-{suffix}" if suffix else name

    return make


@pytest.fixture
def experiment_id(client, uniq):
    """A fresh experiment for the test."""
    return client.create_experiment(uniq("exp"))


@pytest.fixture(autouse=True)
def _no_active_run():
    """Fluent tests must not leak an active run into the next test."""
    yield
    while mlflow.active_run() is not None:
        mlflow.end_run()
