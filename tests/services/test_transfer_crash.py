"""`kill -9` in the middle of an import leaves the database exactly as it was before it.

A real `inwriting import` process is stopped half-way by a test hook (INWRITING_TEST_PAUSE_IMPORT:
the importer writes half the rows, inside its one transaction, then creates a marker file and
waits), the test checks uncommitted pages really reached the -wal file, kills the process with
SIGKILL, and compares every row of every table with what was there before.
"""

from __future__ import annotations

import importlib.util
import io
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from inwriting.services import transfer
from inwriting.store import db
from inwriting.store.repository import open_repository

ROOT = Path(__file__).resolve().parents[2]

Filler = Callable[[Session], None]


def benchmark_module() -> ModuleType:
    """benchmarks/ledger.py, for its generator of large searches in the export format."""
    spec = importlib.util.spec_from_file_location("ledger_benchmark", ROOT / "benchmarks/ledger.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def whole_ledger() -> str:
    out = io.StringIO()
    with open_repository() as repo:
        transfer.export_json(repo, out, datetime(2026, 11, 23, tzinfo=UTC))
    return out.getvalue()


def wait_for(path: Path, process: subprocess.Popen[bytes], limit: float = 180) -> None:
    """Poll until the importer says it has paused (or it exits, or `limit` seconds pass)."""
    deadline = time.monotonic() + limit
    while not path.exists():
        if process.poll() is not None:
            pytest.fail(f"the import ended (exit {process.returncode}) before it paused")
        if time.monotonic() > deadline:
            process.kill()
            pytest.fail("the import never reached its half-way point")
        time.sleep(0.05)


def test_kill_9_during_an_import_leaves_the_database_as_it_was(
    backend: str, home: Path, tmp_path: Path, fill_ledger: Filler
) -> None:
    if backend != "sqlite":
        pytest.skip(
            "kills a process writing a SQLite file; PostgreSQL's crash safety is the server's"
        )
    with open_repository() as repo:
        fill_ledger(repo.session)
    before = whole_ledger()
    db.dispose_all()
    big = tmp_path / "big.json"
    benchmark_module().write_search(big, applications=2000, events=20_000, promises=4000)
    wal = home / "inwriting.db-wal"
    wal_before = wal.stat().st_size if wal.exists() else 0
    marker = tmp_path / "paused"
    env = {**os.environ, "INWRITING_HOME": str(home), transfer.PAUSE_ENV: str(marker)}

    process = subprocess.Popen(
        [sys.executable, "-m", "inwriting", "import", str(big), "--merge"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(marker, process)
        assert wal.stat().st_size > wal_before, "the import had not written anything to disk yet"
    finally:
        os.kill(process.pid, signal.SIGKILL)
        process.wait()

    assert process.returncode == -signal.SIGKILL
    assert whole_ledger() == before
    with db.get_engine().connect() as connection:
        assert connection.execute(text("PRAGMA integrity_check")).scalar() == "ok"


def test_after_a_killed_import_the_same_import_runs_to_the_end(
    backend: str, home: Path, tmp_path: Path
) -> None:
    if backend != "sqlite":
        pytest.skip(
            "kills a process writing a SQLite file; PostgreSQL's crash safety is the server's"
        )
    big = tmp_path / "big.json"
    benchmark_module().write_search(big, applications=300, events=3000, promises=600)
    marker = tmp_path / "paused"
    command = [sys.executable, "-m", "inwriting", "import", str(big)]
    env = {**os.environ, "INWRITING_HOME": str(home)}
    process = subprocess.Popen(command, env={**env, transfer.PAUSE_ENV: str(marker)})
    try:
        wait_for(marker, process)
    finally:
        os.kill(process.pid, signal.SIGKILL)
        process.wait()

    finished = subprocess.run(command, env=env, capture_output=True, text=True)

    assert finished.returncode == 0, finished.stderr
    assert "imported 300 applications" in finished.stdout
