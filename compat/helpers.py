"""Small helpers shared by the compat tests (error assertions, raw REST calls)."""

from __future__ import annotations

import math
import time
from contextlib import contextmanager

import pytest
import requests
from mlflow.exceptions import MlflowException


@contextmanager
def raises_mlflow(error_code: str, match: str | None = None):
    """Expect an MlflowException (RestException included) with exactly this error_code."""
    with pytest.raises(MlflowException) as info:
        yield info
    assert info.value.error_code == error_code, str(info.value)
    if match is not None:
        assert match in info.value.message, info.value.message


def now_ms() -> int:
    return int(time.time() * 1000)


def api(base_url: str, path: str, version: str = "2.0", prefix: str = "api") -> str:
    return f"{base_url}/{prefix}/{version}/mlflow/{path.lstrip('/')}"


def rest_get(base_url: str, path: str, params=None, **kw) -> requests.Response:
    return requests.get(api(base_url, path, **kw), params=params, timeout=60)


def rest_post(base_url: str, path: str, body=None, **kw) -> requests.Response:
    return requests.post(api(base_url, path, **kw), json=body, timeout=60)


def ok_json(resp: requests.Response) -> dict:
    assert resp.status_code == 200, f"{resp.status_code} {resp.text[:500]}"
    assert resp.headers["Content-Type"].startswith("application/json"), resp.headers
    return resp.json()


def error_json(resp: requests.Response, status: int, error_code: str) -> dict:
    assert resp.status_code == status, f"{resp.status_code} {resp.text[:500]}"
    assert resp.headers["Content-Type"].startswith("application/json"), resp.headers
    body = resp.json()
    assert body["error_code"] == error_code, body
    return body


def same_float(a: float, b: float) -> bool:
    """Equality that treats NaN as equal to NaN."""
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    return a == b
