"""How many statements a second `read()` and the batch loop get through, single process.

    .venv/bin/python benchmarks/reader_speed.py [--n 20000]

Prints wall-clock and CPU-time rates (`time.process_time()`: other work on a shared machine slows
the wall clock, not the CPU seconds). Statements are the dev corpus texts (tests/corpus/dev.jsonl)
with a running number appended, so no two are the same and no result can be served from a cache.
The batch figure is the whole `--batch` path: a 20,000-line JSON Lines file read as bytes, each line
parsed, read and written back as a JSON line. `--profile` prints the batch path's cProfile.
Prints figures; not a test.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from inwriting.cli.read import format_result, read_batch
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
    parser.add_argument("--profile", action="store_true", help="print the batch path's profile")
    args = parser.parse_args()
    n = args.n
    texts = _texts(n)
    at = datetime(2026, 11, 18, 10, 0)

    start, cpu = time.perf_counter(), time.process_time()
    for i, text in enumerate(texts):
        read(text, at + timedelta(hours=i % 500), CHANNELS[i % len(CHANNELS)])
    _print("read()", n, time.perf_counter() - start, time.process_time() - cpu)

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "statements.jsonl"
        with path.open("w", encoding="utf-8") as file:
            for i, text in enumerate(texts):
                item = {"id": i, "text": text, "at": (at + timedelta(hours=i % 500)).isoformat()}
                if CHANNELS[i % len(CHANNELS)]:
                    item["channel"] = CHANNELS[i % len(CHANNELS)]
                file.write(json.dumps(item) + "\n")
        start, cpu = time.perf_counter(), time.process_time()
        count = _batch(path)
        _print("--batch", count, time.perf_counter() - start, time.process_time() - cpu)
        if args.profile:
            profiler = cProfile.Profile()
            profiler.runcall(_batch, path)
            report = io.StringIO()
            pstats.Stats(profiler, stream=report).sort_stats("tottime").print_stats(20)
            print(report.getvalue())


def _batch(path: Path) -> int:
    """The --batch loop on a file, output lines written to memory; how many lines were read."""
    out = io.StringIO()
    with path.open("rb") as source:
        for result in read_batch(source, datetime(2026, 11, 18, 10, 0)):
            out.write(format_result(result) + "\n")
    return out.getvalue().count("\n")


def _print(name: str, count: int, wall: float, cpu: float) -> None:
    # CPU time is shown beside wall time: on a shared machine the wall clock measures the load.
    print(
        f"{name:13} {count} in {wall:.2f} s wall = {count / wall:,.0f}/s; "
        f"{cpu:.2f} s CPU = {count / cpu:,.0f}/s per CPU second"
    )


if __name__ == "__main__":
    main()
