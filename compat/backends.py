"""Backend stores for the compat suite: COMPAT_BACKEND=sqlite | postgres | mysql.

PostgreSQL and MySQL get a fresh throwaway database per use (unique name, dropped afterwards), made with the
venv's psycopg2 / PyMySQL on the servers named by COMPAT_POSTGRES_URI / COMPAT_MYSQL_URI (no database part).
Run as a script (`python compat/backends.py postgres`) it only checks that the backend is reachable.
"""

from __future__ import annotations

import os
import sys
import uuid
from pathlib import Path
from urllib.parse import unquote, urlsplit

BACKENDS = ("sqlite", "postgres", "mysql")

SELECTED_BACKEND = os.environ.get("COMPAT_BACKEND", "sqlite")
if SELECTED_BACKEND not in BACKENDS:
    raise SystemExit(f"COMPAT_BACKEND must be one of {BACKENDS}, got {SELECTED_BACKEND!r}")

# Server roots, as MLflow users write them; the database name is appended per throwaway database.
ROOTS = {
    "postgres": os.environ.get("COMPAT_POSTGRES_URI", "postgresql+psycopg2://postgres@127.0.0.1:5432"),
    "mysql": os.environ.get("COMPAT_MYSQL_URI", "mysql+pymysql://root@127.0.0.1:3306"),
}


def _parts(root: str) -> dict:
    u = urlsplit(root)
    return {
        "host": u.hostname or "127.0.0.1",
        "port": u.port,
        "user": unquote(u.username) if u.username else None,
        "password": unquote(u.password) if u.password else "",
    }


def _admin_connection(backend: str):
    p = _parts(ROOTS[backend])
    if backend == "postgres":
        import psycopg2

        conn = psycopg2.connect(
            host=p["host"], port=p["port"] or 5432, user=p["user"] or "postgres", password=p["password"] or None,
            dbname="postgres", connect_timeout=5,
        )
        conn.autocommit = True
        return conn
    import pymysql

    return pymysql.connect(
        host=p["host"], port=p["port"] or 3306, user=p["user"] or "root", password=p["password"],
        connect_timeout=5, autocommit=True,
    )


def probe(backend: str) -> str | None:
    """None if the backend can be used, else why not."""
    if backend == "sqlite":
        return None
    try:
        _admin_connection(backend).close()
    except Exception as e:  # noqa: BLE001 - any driver or socket error means "unreachable"
        return f"{backend} at {ROOTS[backend]} unreachable: {str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__}"
    return None


class Database:
    """One store for a server: a SQLite file under `workdir`, or a fresh PostgreSQL/MySQL database."""

    def __init__(self, backend: str, workdir: Path, label: str = "compat"):
        self.backend = backend
        self.workdir = Path(workdir)
        self.name = f"mlflow_ts_{label}_{uuid.uuid4().hex[:10]}".lower()
        self.uri: str | None = None

    def create(self) -> "Database":
        if self.backend == "sqlite":
            self.workdir.mkdir(parents=True, exist_ok=True)
            self.uri = f"sqlite:///{self.workdir / 'mlflow.db'}"
            return self
        quoted = f'"{self.name}"' if self.backend == "postgres" else f"`{self.name}`"
        self._admin(f"CREATE DATABASE {quoted}")
        self.uri = f"{ROOTS[self.backend].rstrip('/')}/{self.name}"
        return self

    def drop(self) -> None:
        if self.backend == "sqlite" or self.uri is None:
            return
        self.uri = None
        if self.backend == "postgres":
            self._admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
        else:
            self._admin(f"DROP DATABASE IF EXISTS `{self.name}`")

    def _admin(self, statement: str) -> None:
        """One statement on the server's admin connection (CREATE/DROP DATABASE cannot run in a transaction)."""
        conn = _admin_connection(self.backend)
        try:
            with conn.cursor() as cur:
                cur.execute(statement)
        finally:
            conn.close()

    def __enter__(self) -> "Database":
        return self.create()

    def __exit__(self, *exc) -> None:
        self.drop()


if __name__ == "__main__":
    problem = probe(sys.argv[1] if len(sys.argv) > 1 else SELECTED_BACKEND)
    if problem:
        print(problem)
        sys.exit(1)
