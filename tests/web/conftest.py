"""Fixtures for the web app: an API client on each backend, and a live server plus headless
Chromium for the browser tests."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from inwriting.web import cache
from inwriting.web.app import create_app

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
BASE_URL = "http://127.0.0.1:8765"


@pytest.fixture(autouse=True)
def _fresh_page_cache() -> Iterator[None]:
    """Each test starts with no cached pages and closes its database watchers."""
    yield
    cache.clear()


@pytest.fixture
def client(backend: str) -> Iterator[TestClient]:
    """A TestClient over the app on the current backend (SQLite or PostgreSQL)."""
    with TestClient(create_app(), base_url=BASE_URL) as test_client:
        yield test_client


@pytest.fixture
def live_server(home: Path) -> Iterator[str]:
    """The app served by uvicorn in a thread of this process, on SQLite in the test's home.

    Same process, so a test moves the clock between steps with monkeypatch.setenv("INWRITING_NOW")
    and the next request sees it (the app reads the clock per request).
    """
    try:
        with _load_sibling("live").served(create_app()) as url:
            yield url
    except RuntimeError as error:
        pytest.fail(str(error))


def _load_sibling(name: str) -> Any:
    # The suite imports test modules by path (--import-mode=importlib), so load helpers likewise.
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        f"web_{name}", Path(__file__).with_name(f"{name}.py")
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def demo(home: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """The sample search of seed.py on SQLite, with the clock on its day; ids by company."""
    from inwriting.store.repository import open_repository

    seed = _load_sibling("seed")
    monkeypatch.setenv("INWRITING_NOW", seed.NOW.isoformat())
    with open_repository() as repo:
        ids: dict[str, int] = seed.seed_demo(repo, seed.NOW)
    return ids


def _browser_or_skip() -> None:
    if CHROMIUM.exists():
        return
    if os.environ.get("INWRITING_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{CHROMIUM} is missing and INWRITING_REQUIRE_BROWSER=1 (apt install chromium)")
    pytest.skip(f"{CHROMIUM} is missing (apt install chromium)")


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """Debian's Chromium driven by Playwright (never a downloaded browser)."""
    _browser_or_skip()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium: Any, live_server: str) -> Iterator[Any]:
    """A fresh browser page whose relative URLs go to the live server."""
    context = chromium.new_context(base_url=live_server, viewport={"width": 1280, "height": 900})
    browser_page = context.new_page()
    browser_page.set_default_timeout(10_000)
    yield browser_page
    context.close()
