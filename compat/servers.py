"""Starting and stopping a tracking server (the real MLflow or mlflow-ts) for the compat suite."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

REPO = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
KINDS = ("mlflow", "mlflow-ts", "mlflow-ts-src")

# The server under test; "mlflow" proves the suite encodes MLflow's own behaviour.
SELECTED = os.environ.get("COMPAT_SERVER", "mlflow-ts")
if SELECTED not in KINDS:
    raise SystemExit(f"COMPAT_SERVER must be one of {KINDS}, got {SELECTED!r}")

START_TIMEOUT = float(os.environ.get("COMPAT_SERVER_START_TIMEOUT", "120"))


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _command(kind: str, port: int, store_uri: str, artifacts: Path | str, extra: list[str]) -> list[str]:
    common = [
        "server",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--backend-store-uri",
        store_uri,
        "--artifacts-destination",
        str(artifacts),
        *extra,
    ]
    if kind == "mlflow":
        # One worker: the machine has two cores and the suite needs no parallel serving.
        workers = [] if "--workers" in extra else ["--workers", "1"]
        return [str(VENV_BIN / "mlflow"), *common, *workers]
    if kind == "mlflow-ts":
        return ["node", str(REPO / "packages/cli/bin/mlflow-ts.js"), *common]
    return [
        "node",
        "--conditions=source",
        "--import",
        "tsx",
        str(REPO / "packages/cli/src/main.ts"),
        *common,
    ]


class Server:
    """One server process on a fresh port, serving the SQLite file `db` or the database at `store_uri`."""

    def __init__(
        self,
        kind: str,
        workdir: Path,
        db: Path | None = None,
        store_uri: str | None = None,
        extra_args: list[str] | None = None,
        artifacts_destination: str | None = None,
        env: dict[str, str] | None = None,
    ):
        self.kind = kind
        self.workdir = Path(workdir)
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.db = Path(db) if db else self.workdir / "mlflow.db"
        self.store_uri = store_uri or f"sqlite:///{self.db}"
        self.extra_args = list(extra_args or [])
        self.artifacts = self.db.parent / "mlartifacts"
        # A URI (s3://bucket/prefix) instead of the local directory above, when given.
        self.artifacts_destination = artifacts_destination
        self.extra_env = dict(env or {})
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = self.workdir / f"{kind}-{self.port}.log"
        self.proc: subprocess.Popen | None = None

    def output(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")[-8000:]
        except OSError:
            return "<no output>"

    def start(self) -> "Server":
        env = dict(os.environ)
        # The real server's background job runner (huey) is not needed and costs CPU.
        env["MLFLOW_SERVER_ENABLE_JOB_EXECUTION"] = "false"
        env.pop("MLFLOW_TRACKING_URI", None)
        env.update(self.extra_env)
        destination = self.artifacts_destination or self.artifacts
        with open(self.log_path, "wb") as log:
            self.proc = subprocess.Popen(
                _command(self.kind, self.port, self.store_uri, destination, self.extra_args),
                cwd=str(REPO),
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,  # own process group, so stop() reaches the workers too
            )
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError(
                    f"{self.kind} server exited with code {self.proc.returncode} before "
                    f"/health answered:\n{self.output()}"
                )
            try:
                if requests.get(self.url + "/health", timeout=2).status_code == 200:
                    return self
            except requests.RequestException:
                pass
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(
                    f"{self.kind} server did not answer /health on {self.url} within "
                    f"{START_TIMEOUT:.0f}s:\n{self.output()}"
                )
            time.sleep(0.2)

    def stop(self) -> None:
        if self.proc is None:
            return
        proc, self.proc = self.proc, None
        try:
            os.killpg(proc.pid, signal.SIGTERM)
        except ProcessLookupError:
            return
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pass
        # Kill whatever is left in the group (uvicorn workers ignore SIGTERM for a while).
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass

    def __enter__(self) -> "Server":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
