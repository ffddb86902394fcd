"""How many statements a second `read()` and the batch loop get through, single process.

    .venv/bin/python benchmarks/reader_speed.py [--n 20000]

Prints wall-clock and CPU-time rates. Statements are the dev corpus texts
(tests/corpus/dev.jsonl) with a running number appended, so no two are the same and nothing can be
served from a cache. Prints figures; not a test.
"""

from __future__ import annotations

import argparse
import json
import time
from datetime import datetime, timedelta
from pathlib import Path

from inwriting.cli.read import read_batch
from inwriting.language import read

ROOT = Path(__file__).resolve().parents[1]
CHANNELS = ("email", "phone", "in-person", "letter", "video", "message", None)


def _texts(n: int) -> list[str]:
    source = ROOT / "tests" / "corpus" / "dev.jsonl"
    base = [json.loads(line)["text"] for line in source.read_text().splitlines() if line.strip()]
    if not base:
        base = ["We'll call you Monday.", "The offer letter will be sent by tomorrow noon."]
    return [f"{base[i % len(base)]} (ref {i})" for i in range(n)]


def main() -> None:
    """Time read() and read_batch() on n statements and print statements per second."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=20_000)
    n = parser.parse_args().n
    texts = _texts(n)
    at = datetime(2026, 11, 18, 10, 0)

    start, cpu = time.perf_counter(), time.process_time()
    for i, text in enumerate(texts):
        read(text, at + timedelta(hours=i % 500), CHANNELS[i % len(CHANNELS)])
    _print("read()", n, time.perf_counter() - start, time.process_time() - cpu)

    lines = [
        json.dumps({"id": i, "text": t, "at": (at + timedelta(hours=i % 500)).isoformat()})
        for i, t in enumerate(texts)
    ]
    start, cpu = time.perf_counter(), time.process_time()
    count = sum(1 for _ in read_batch(lines, at))
    _print("read_batch()", count, time.perf_counter() - start, time.process_time() - cpu)


def _print(name: str, count: int, wall: float, cpu: float) -> None:
    # CPU time is shown beside wall time: on a shared machine the wall clock measures the load.
    print(
        f"{name:13} {count} in {wall:.2f} s wall = {count / wall:,.0f}/s; "
        f"{cpu:.2f} s CPU = {count / cpu:,.0f}/s per CPU second"
    )


if __name__ == "__main__":
    main()
