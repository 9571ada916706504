"""Artifacts through the proxy (mlflow-artifacts:/): log, list, download and load with the real client."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import mlflow
import pytest
import requests

from mlflow.store.artifact.artifact_repository_registry import get_artifact_repository

MB = 1024 * 1024



@pytest.fixture
def run_id(client, experiment_id):
    run = client.create_run(experiment_id)
    yield run.info.run_id
    client.set_terminated(run.info.run_id)


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(MB):
            h.update(chunk)
    return h.hexdigest()


def test_run_root_is_proxied(client, run_id):
    uri = client.get_run(run_id).info.artifact_uri
    assert uri.startswith("mlflow-artifacts:/")
    assert uri.endswith(f"/{run_id}/artifacts")


def test_log_artifact_lands_in_destination(client, run_id, tmp_path, server):
    f = tmp_path / "hello.txt"
    f.write_text("hello")
    client.log_artifact(run_id, str(f), artifact_path="sub")
    exp = client.get_run(run_id).info.experiment_id
    assert (server.artifacts / exp / run_id / "artifacts" / "sub" / "hello.txt").read_text() == "hello"


def test_log_artifacts_nested_and_download_dir(client, run_id, tmp_path):
    src = tmp_path / "src"
    (src / "a" / "b").mkdir(parents=True)
    (src / "top.bin").write_bytes(bytes(range(256)))
    (src / "a" / "one.json").write_text('{"x": 1}')
    (src / "a" / "b" / "deep.txt").write_text("deep")
    client.log_artifacts(run_id, str(src), artifact_path="tree")

    dst = tmp_path / "dst"
    dst.mkdir()
    out = Path(client.download_artifacts(run_id, "tree", str(dst)))
    assert _tree(out) == _tree(src)

    one = Path(client.download_artifacts(run_id, "tree/a/b/deep.txt", str(dst / "single")))
    assert one.read_text() == "deep"


def _log_small_tree(client, run_id, tmp_path):
    src = tmp_path / "src"
    (src / "d" / "e").mkdir(parents=True)
    (src / "x.txt").write_text("x")
    (src / "d" / "y.txt").write_text("yy")
    (src / "d" / "e" / "z.txt").write_text("zzz")
    client.log_artifacts(run_id, str(src))


def _listed(infos):
    return [(f.path, f.is_dir, f.file_size) for f in infos]


def test_list_artifacts_with_prefixes(client, run_id, tmp_path, base_url):
    _log_small_tree(client, run_id, tmp_path)
    assert _listed(client.list_artifacts(run_id)) == [("d", True, None), ("x.txt", False, 1)]

    # Tracking-side artifacts/list: paths relative to the run root, including the prefix.
    res = requests.get(f"{base_url}/api/2.0/mlflow/artifacts/list", params={"run_id": run_id, "path": "d"})
    assert res.json()["files"] == [
        {"path": "d/e", "is_dir": True},
        {"path": "d/y.txt", "is_dir": False, "file_size": 2},
    ]

    # The proxy listing the client uses for mlflow-artifacts: roots.
    root_uri = client.get_run(run_id).info.artifact_uri
    repo = get_artifact_repository(root_uri)
    sub = repo.list_artifacts("d")
    assert _listed(sub) == [("d/e", True, None), ("d/y.txt", False, 2)]
    deep = repo.list_artifacts("d/e")
    assert _listed(deep) == [("d/e/z.txt", False, 3)]
    assert repo.list_artifacts("missing") == []


def test_client_list_artifacts_with_prefix(client, run_id, tmp_path):
    _log_small_tree(client, run_id, tmp_path)
    assert _listed(client.list_artifacts(run_id, "d")) == [("d/e", True, None), ("d/y.txt", False, 2)]


def test_log_dict_and_text_load_by_runs_uri(tracking_uri, experiment_id):
    with mlflow.start_run(experiment_id=experiment_id) as run:
        mlflow.log_dict({"k": [1, 2], "s": "v"}, "conf/data.json")
        mlflow.log_text("some text\nline 2", "notes/readme.txt")
    rid = run.info.run_id
    assert mlflow.artifacts.load_dict(f"runs:/{rid}/conf/data.json") == {"k": [1, 2], "s": "v"}
    assert mlflow.artifacts.load_text(f"runs:/{rid}/notes/readme.txt") == "some text\nline 2"


def test_log_image(tracking_uri, experiment_id, tmp_path):
    try:
        import numpy as np
        from PIL import Image
    except ImportError:
        pytest.skip("Pillow/numpy not importable in the compat venv")
    pixels = np.arange(4 * 5 * 3, dtype=np.uint8).reshape(4, 5, 3)
    with mlflow.start_run(experiment_id=experiment_id) as run:
        mlflow.log_image(pixels, "img/pic.png")
    path = mlflow.artifacts.download_artifacts(f"runs:/{run.info.run_id}/img/pic.png", dst_path=str(tmp_path))
    assert np.array_equal(np.asarray(Image.open(path)), pixels)


def test_raw_proxy_rest_api(base_url):
    base = f"{base_url}/api/2.0/mlflow-artifacts/artifacts"
    prefix = f"compat-raw-{os.getpid()}"
    assert requests.put(f"{base}/{prefix}/a.txt", data=b"0").status_code == 200
    assert requests.put(f"{base}/{prefix}/dir/b.txt", data=b"12").status_code == 200

    got = requests.get(f"{base}/{prefix}/a.txt")
    assert got.status_code == 200
    assert got.content == b"0"
    assert got.headers["Content-Disposition"] == "attachment; filename=a.txt"
    assert got.headers["Content-Type"] == "text/plain"
    assert got.headers["X-Content-Type-Options"] == "nosniff"

    listed = requests.get(base, params={"path": prefix}).json()
    assert listed == {"files": [{"path": "a.txt", "is_dir": False, "file_size": 1}, {"path": "dir", "is_dir": True}]}

    bad = requests.get(base, params={"path": "../x"})
    assert bad.status_code == 400
    assert (bad.json()["error_code"], bad.json()["message"]) == ("INVALID_PARAMETER_VALUE", "Invalid path")

    assert requests.delete(f"{base}/{prefix}").json() == {}
    assert requests.get(base, params={"path": prefix}).json() == {}

    mpu = requests.post(
        f"{base_url}/api/2.0/mlflow-artifacts/mpu/create/{prefix}", json={"path": "f.bin", "num_parts": 2}
    )
    assert mpu.status_code == 501
    assert mpu.json()["message"] == "Multipart upload is not supported for the current artifact repository"


def test_large_file_round_trip(client, run_id, tmp_path):
    big = tmp_path / "big.bin"
    block = hashlib.sha256(b"seed").digest() * (MB // 32)
    with open(big, "wb") as f:
        for i in range(200):
            f.write(block[i:] + block[:i])
    client.log_artifact(run_id, str(big), artifact_path="large")
    root_uri = client.get_run(run_id).info.artifact_uri
    [info] = get_artifact_repository(root_uri).list_artifacts("large")
    assert (info.path, info.file_size) == ("large/big.bin", 200 * MB)
    out = Path(client.download_artifacts(run_id, "large/big.bin", str(tmp_path / "dl")))
    assert _sha256_file(out) == _sha256_file(big)


def test_log_dict_json_is_what_was_logged(client, run_id, tmp_path):
    client.log_dict(run_id, {"a": 1}, "d.json")
    out = Path(client.download_artifacts(run_id, "d.json", str(tmp_path)))
    assert json.loads(out.read_text()) == {"a": 1}
