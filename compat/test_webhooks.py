"""Webhooks through the real client (MlflowClient create/get/list/update/delete/test_webhook), and their delivery.

CRUD runs on the session server with MLflow's default webhook settings (https only, public addresses only), so
URLs use a public address literal that needs no DNS. Delivery tests start their own server (SQLite) whose
environment allows http and loopback receivers, and receive on a local http.server thread. The interchange test
moves a database (of COMPAT_BACKEND) holding an encrypted secret between MLflow and the selected server, both ways.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import threading
import time
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests
from mlflow import MlflowClient
from mlflow.entities.webhook import WebhookEvent, WebhookStatus

from helpers import api, raises_mlflow
from backends import SELECTED_BACKEND, Database
from servers import SELECTED, Server

PUBLIC_URL = "https://8.8.8.8/hook"
KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="
DELIVERY_ENV = {
    "MLFLOW_WEBHOOK_ALLOWED_SCHEMES": "http,https",
    "MLFLOW_WEBHOOK_ALLOW_PRIVATE_IPS": "true",
    "MLFLOW_WEBHOOK_CACHE_TTL": "0",
    "MLFLOW_WEBHOOK_REQUEST_MAX_RETRIES": "1",
    "MLFLOW_WEBHOOK_REQUEST_TIMEOUT": "5",
    "MLFLOW_WEBHOOK_SECRET_ENCRYPTION_KEY": KEY,
}


def _name(uniq, suffix: str = "") -> str:
    """Webhook names allow letters, digits, '.', '_' and '-' only, at most 63 characters."""
    raw = uniq(suffix).replace("[", "-").replace("]", "")
    return "w" + "".join(c if c.isalnum() or c in "._-" else "-" for c in raw)[-60:]


# --- CRUD on the session server ------------------------------------------------------------------------------


def test_create_get_update_delete(client, uniq):
    name = _name(uniq)
    created = client.create_webhook(
        name=name,
        url=PUBLIC_URL,
        events=["registered_model.created", WebhookEvent("model_version_tag", "set")],
        description="first",
        secret="s3cr3t",
    )
    assert created.name == name
    assert created.url == PUBLIC_URL
    assert created.status == WebhookStatus.ACTIVE
    assert created.description == "first"
    assert created.secret is None  # never sent back
    assert {str(e) for e in created.events} == {"registered_model.created", "model_version_tag.set"}
    assert created.creation_timestamp == created.last_updated_timestamp

    fetched = client.get_webhook(created.webhook_id)
    assert (fetched.name, fetched.url, fetched.description, fetched.status) == (name, PUBLIC_URL, "first", WebhookStatus.ACTIVE)
    assert [str(e) for e in fetched.events] == [str(e) for e in created.events]

    time.sleep(0.01)
    updated = client.update_webhook(
        created.webhook_id,
        name=name + "-2",
        status="DISABLED",
        events=["model_version.created"],
        description="second",
    )
    assert updated.name == name + "-2"
    assert updated.status == WebhookStatus.DISABLED
    assert [str(e) for e in updated.events] == ["model_version.created"]
    assert updated.description == "second"
    assert updated.url == PUBLIC_URL
    assert updated.last_updated_timestamp > created.last_updated_timestamp

    client.delete_webhook(created.webhook_id)
    with raises_mlflow("RESOURCE_DOES_NOT_EXIST", f"Webhook with ID {created.webhook_id} not found."):
        client.get_webhook(created.webhook_id)
    with raises_mlflow("RESOURCE_DOES_NOT_EXIST"):
        client.delete_webhook(created.webhook_id)


def test_list_pages_newest_first(client, uniq):
    ids = []
    for i in range(3):
        ids.append(client.create_webhook(name=_name(uniq, str(i)), url=PUBLIC_URL, events=["prompt.created"]).webhook_id)
        time.sleep(0.01)
    first = client.list_webhooks(max_results=2)
    assert len(first) == 2 and first.token
    assert [w.webhook_id for w in first] == ids[::-1][:2]
    second = client.list_webhooks(max_results=2, page_token=first.token)
    assert second[0].webhook_id == ids[0]
    seen, token = [], None
    while True:
        page = client.list_webhooks(max_results=100, page_token=token)
        seen += [w.webhook_id for w in page]
        token = page.token
        if not token:
            break
    assert set(ids) <= set(seen)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"url": "http://8.8.8.8/x"}, "Invalid webhook URL scheme: 'http'. Allowed schemes are: https."),
        ({"url": "https://127.0.0.1/x"}, "Webhook URL must not resolve to a non-public IP address. '127.0.0.1' resolves to 127.0.0.1."),
        ({"url": "https://"}, "Webhook URL must include a hostname: 'https://'"),
        ({"name": "-bad"}, "Webhook name '-bad' is invalid."),
        # an empty list is left out of the request JSON by the client
        ({"events": []}, "Missing value for required parameter 'events'."),
    ],
)
def test_create_refusals(client, uniq, kwargs, message):
    args = {"name": _name(uniq), "url": PUBLIC_URL, "events": ["registered_model.created"], **kwargs}
    with raises_mlflow("INVALID_PARAMETER_VALUE", message):
        client.create_webhook(**args)


def test_unknown_ids(client):
    for call in (
        lambda: client.get_webhook("nope"),
        lambda: client.update_webhook("nope", name="x"),
        lambda: client.delete_webhook("nope"),
        lambda: client.test_webhook("nope"),
    ):
        with raises_mlflow("RESOURCE_DOES_NOT_EXIST", "Webhook with ID nope not found."):
            call()


def test_raw_list_errors(base_url):
    resp = requests.get(api(base_url, "webhooks"), params={"max_results": 1001}, timeout=30)
    assert resp.status_code == 400
    assert resp.json()["message"] == "max_results must be between 1 and 1000."
    resp = requests.post(
        api(base_url, "webhooks"),
        json={"name": "x", "url": PUBLIC_URL, "events": [{"entity": "REGISTERED_MODEL", "action": "SET"}]},
        timeout=30,
    )
    assert resp.status_code == 400
    assert resp.json()["message"] == "Invalid action 'set' for entity 'registered_model'. Valid actions are: ['created']"


# --- delivery --------------------------------------------------------------------------------------------------


class Receiver:
    """A local webhook receiver: /ok answers 200, /fail 500; keeps every request it got."""

    def __init__(self):
        self.requests: list[dict] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
                outer.requests.append({"path": self.path, "headers": dict(self.headers), "body": body})
                self.send_response(500 if self.path.startswith("/fail") else 200)
                self.send_header("Content-Type", "text/plain")
                self.end_headers()
                self.wfile.write(b"got it")

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def at(self, path: str) -> list[dict]:
        return [r for r in self.requests if r["path"] == path]

    def wait_for(self, path: str, count: int = 1, timeout: float = 15) -> list[dict]:
        deadline = time.monotonic() + timeout
        while len(self.at(path)) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        return self.at(path)

    def close(self):
        self.httpd.shutdown()


@contextmanager
def environment(values: dict):
    """The server copies os.environ when it starts; set ours for that moment only."""
    old = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def start_server(kind: str, workdir, db=None, store_uri=None) -> Server:
    with environment(DELIVERY_ENV):
        return Server(kind, workdir, db=db, store_uri=store_uri).start()


@pytest.fixture(scope="module")
def receiver():
    r = Receiver()
    yield r
    r.close()


@pytest.fixture(scope="module")
def delivery_client(tmp_path_factory):
    server = start_server(SELECTED, tmp_path_factory.mktemp(f"webhook-delivery-{SELECTED}"))
    try:
        yield MlflowClient(tracking_uri=server.url)
    finally:
        server.stop()


def assert_signed(request: dict, secret: str):
    headers = request["headers"]
    delivery_id, timestamp = headers["X-MLflow-Delivery-Id"], headers["X-MLflow-Timestamp"]
    assert abs(int(timestamp) - time.time()) < 60
    digest = hmac.new(secret.encode(), f"{delivery_id}.{timestamp}.{request['body']}".encode(), hashlib.sha256).digest()
    assert headers["X-MLflow-Signature"] == "v1," + base64.b64encode(digest).decode()


def test_test_webhook_sends_signed_example(delivery_client, receiver, uniq):
    hook = delivery_client.create_webhook(
        name=_name(uniq), url=receiver.base + "/ok-test", events=["model_version.created"], secret="k1"
    )
    result = delivery_client.test_webhook(hook.webhook_id)
    assert (result.success, result.response_status, result.response_body, result.error_message) == (True, 200, "got it", None)
    [request] = receiver.at("/ok-test")
    assert request["headers"]["Content-Type"] == "application/json"
    assert_signed(request, "k1")
    body = json.loads(request["body"])
    assert (body["entity"], body["action"]) == ("model_version", "created")
    assert body["data"] == {
        "name": "example_model",
        "version": "1",
        "source": "models:/123",
        "run_id": "abcd1234abcd5678",
        "tags": {"example_key": "example_value"},
        "description": "An example model version",
    }
    assert request["body"].startswith('{"entity": "model_version", "action": "created", "timestamp": "')


def test_test_webhook_reports_the_last_failed_status(delivery_client, receiver, uniq):
    hook = delivery_client.create_webhook(name=_name(uniq), url=receiver.base + "/fail-test", events=["prompt.created"])
    result = delivery_client.test_webhook(hook.webhook_id, event="prompt_alias.deleted")
    assert (result.success, result.response_status, result.response_body) == (False, 500, "got it")
    attempts = receiver.at("/fail-test")
    assert len(attempts) == 2  # MLFLOW_WEBHOOK_REQUEST_MAX_RETRIES=1: one retry
    assert attempts[0]["headers"]["X-MLflow-Delivery-Id"] == attempts[1]["headers"]["X-MLflow-Delivery-Id"]
    assert json.loads(attempts[0]["body"])["data"] == {"name": "example_prompt", "alias": "example_alias"}


def test_test_webhook_reports_an_unreachable_receiver(delivery_client, uniq):
    hook = delivery_client.create_webhook(name=_name(uniq), url="http://127.0.0.1:1/x", events=["prompt.created"])
    result = delivery_client.test_webhook(hook.webhook_id)
    assert (result.success, result.response_status, result.response_body) == (False, None, None)
    assert result.error_message == (
        "Failed to test webhook: ConnectionError(MaxRetryError('_SSRFProtectedHTTPConnectionPool(host=\\'127.0.0.1\\', "
        "port=1): Max retries exceeded with url: /x (Caused by NewConnectionError(\"_SSRFProtectedHTTPConnection("
        "host=\\'127.0.0.1\\', port=1): Failed to establish a new connection: [Errno 111] Connection refused\"))'))"
    )


def test_registered_model_creation_is_delivered(delivery_client, receiver, uniq):
    hook = delivery_client.create_webhook(
        name=_name(uniq), url=receiver.base + "/ok-rm", events=["registered_model.created"], secret="k2"
    )
    delivery_client.create_webhook(
        name=_name(uniq, "off"), url=receiver.base + "/ok-rm-off", events=["registered_model.created"], status="DISABLED"
    )
    model = uniq("model")
    delivery_client.create_registered_model(model, tags={"team": "a"}, description="d")
    [request] = receiver.wait_for("/ok-rm")
    assert_signed(request, "k2")
    body = json.loads(request["body"])
    assert (body["entity"], body["action"]) == ("registered_model", "created")
    assert body["data"] == {"name": model, "tags": {"team": "a"}, "description": "d"}
    time.sleep(0.5)
    assert receiver.at("/ok-rm-off") == []
    assert hook.webhook_id


@pytest.mark.parametrize("direction", ["mlflow-writes", "selected-writes"])
def test_encrypted_secret_moves_between_servers(tmp_path, receiver, uniq, direction):
    """One database (of COMPAT_BACKEND), one key: the secret one server encrypted signs the other's delivery."""
    writer, reader = ("mlflow", SELECTED) if direction == "mlflow-writes" else (SELECTED, "mlflow")
    path = f"/ok-interchange-{direction}"
    with Database(SELECTED_BACKEND, tmp_path, "webhooks") as database:
        store_uri = None if SELECTED_BACKEND == "sqlite" else database.uri
        db = tmp_path / "shared.db"
        first = start_server(writer, tmp_path / "writer", db=db, store_uri=store_uri)
        try:
            hook = MlflowClient(tracking_uri=first.url).create_webhook(
                name=_name(uniq), url=receiver.base + path, events=["model_version_alias.created"], secret="moved"
            )
        finally:
            first.stop()
        second = start_server(reader, tmp_path / "reader", db=db, store_uri=store_uri)
        try:
            result = MlflowClient(tracking_uri=second.url).test_webhook(hook.webhook_id)
        finally:
            second.stop()
    assert result.success, result.error_message
    [request] = receiver.at(path)
    assert_signed(request, "moved")
