from __future__ import annotations

import pytest

from reader.paths import Paths
from tests.web import server


@pytest.fixture(scope="module")
def site():
    running = server.start()
    yield running
    server.stop(running)


@pytest.fixture
def fetcher():
    from reader.web import Fetcher

    # A short silence limit so the route that never answers fails fast (not a timed assertion).
    with Fetcher(timeout=1.0) as client:
        yield client


@pytest.fixture
def app_paths(tmp_path, monkeypatch) -> Paths:
    for var in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    return Paths(tmp_path / "config", tmp_path / "cache", tmp_path / "data")
