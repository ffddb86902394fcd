"""Latency of the web pages on a 10,000-application search, under steady load on loopback.

    python benchmarks/web.py                        # 10,000 applications, SQLite
    python benchmarks/web.py --applications 1000 --requests 100

It writes the search of `benchmarks/ledger.py` (same generator), imports it with `inwriting
import`, starts `uvicorn` serving the app on 127.0.0.1 in a subprocess, and then drives it from a
second process: for each page, a fixed number of requests from a few concurrent keep-alive
clients, bounded by a time limit. It prints the median and 95th-percentile latency of each page
and the requests per second the server answered. The aim (issue 4): every page's 95th percentile
under 100 ms. A benchmark that prints numbers, not a test: it never fails on a slow figure.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
INWRITING = str(Path(sys.executable).with_name("inwriting"))


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile (share in 0..1) of a non-empty list."""
    ordered = sorted(values)
    rank = max(1, round(share * len(ordered) + 0.5))
    return ordered[min(rank, len(ordered)) - 1]


def drive(base: str, paths: list[str], requests: int, clients: int, limit: float) -> dict[str, Any]:
    """Send `requests` GETs spread over `paths` from `clients` threads (each a keep-alive
    client), stopping early at `limit` seconds. Returns latencies in ms and the wall time."""
    import httpx

    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    counter = iter(range(requests))
    deadline = time.perf_counter() + limit

    def worker() -> None:
        with httpx.Client(base_url=base, timeout=30, headers={"accept": "text/html"}) as client:
            while time.perf_counter() < deadline:
                with lock:
                    index = next(counter, None)
                if index is None:
                    return
                path = paths[index % len(paths)]
                start = time.perf_counter()
                response = client.get(path)
                elapsed = (time.perf_counter() - start) * 1000
                with lock:
                    if response.status_code == 200:
                        latencies.append(elapsed)
                    else:
                        errors.append(f"{path}: {response.status_code}")

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return {
        "latencies": latencies,
        "errors": errors[:5],
        "error_count": len(errors),
        "wall": time.perf_counter() - started,
    }


def _driver_main(argv: list[str]) -> None:
    """Entry point of the load process: reads its job as JSON, prints the result as JSON."""
    job = json.loads(argv[0])
    results = {}
    for name, paths in job["pages"].items():
        # The first request computes the page from the database; later ones may be served
        # from the page cache until the ledger changes. Both are reported.
        cold = drive(job["base"], paths[:1], 1, 1, job["limit"])
        drive(job["base"], paths, job["warmup"], 1, job["limit"])  # warm-up, not measured
        results[name] = drive(job["base"], paths, job["requests"], job["clients"], job["limit"])
        results[name]["cold"] = cold["latencies"][0] if cold["latencies"] else None
    print(json.dumps(results))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_until_up(base: str, server: subprocess.Popen[bytes], limit: float = 60) -> None:
    import httpx

    deadline = time.perf_counter() + limit
    while time.perf_counter() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"the server exited with {server.returncode}")
        try:
            if httpx.get(base + "/api/settings", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)  # polling a starting server, not timing anything
    raise RuntimeError("the server did not start within a minute")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--applications", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=200, help="measured requests per page")
    parser.add_argument("--clients", type=int, default=4, help="concurrent clients")
    parser.add_argument("--limit", type=float, default=120, help="seconds per page at most")
    options = parser.parse_args()

    sys.path.insert(0, str(HERE))
    from ledger import NOW, write_search  # type: ignore[import-not-found]

    root = Path(tempfile.mkdtemp(prefix="inwriting-web-bench-"))
    server: subprocess.Popen[bytes] | None = None
    try:
        n = options.applications
        export = root / "search.json"
        write_search(export, n, n * 10, n * 2)
        env = {**os.environ, "INWRITING_HOME": str(root / "home"), "INWRITING_NOW": NOW.isoformat()}
        env.pop("INWRITING_DATABASE_URL", None)
        start = time.perf_counter()
        subprocess.run(
            [INWRITING, "import", str(export), "--format", "json"],
            env=env,
            check=True,
            capture_output=True,
        )
        print(f"imported {n} applications in {time.perf_counter() - start:.1f} s (SQLite)")

        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "uvicorn",
                "--factory",
                "inwriting.web.app:create_app",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--log-level",
                "warning",
                "--no-access-log",
            ],
            env=env,
        )
        _wait_until_up(base, server)
        # 50 application pages spread over the search: the first request of each reads the database.
        step = max(1, n // 50)
        pages = {
            "Today": ["/"],
            "Board": ["/board"],
            "Application": [f"/applications/{i}" for i in range(1, n + 1, step)],
            "Promises": ["/promises"],
            "Stats": ["/stats"],
        }
        job = {
            "base": base,
            "pages": pages,
            "requests": options.requests,
            "clients": options.clients,
            "warmup": 5,
            "limit": options.limit,
        }
        load = subprocess.run(
            [sys.executable, __file__, "--drive", json.dumps(job)],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        results = json.loads(load.stdout)
        print(
            f"{os.cpu_count()} CPUs; Python {sys.version.split()[0]}; one uvicorn worker; "
            f"{options.clients} concurrent keep-alive clients in a second process; "
            f"{options.requests} requests per page after 5 warm-up requests\n"
        )
        print(
            f"{'page':<14}{'first (cold)':>14}{'median':>12}{'p95':>12}{'req/s':>10}"
            f"{'requests':>10}"
        )
        for name, result in results.items():
            latencies = result["latencies"]
            if not latencies:
                print(f"{name:<14}{'no answers':>12}  {result['errors']}")
                continue
            rate = len(latencies) / result["wall"]
            cold = f"{result['cold']:>11.0f} ms" if result["cold"] is not None else f"{'-':>14}"
            print(
                f"{name:<14}{cold}{statistics.median(latencies):>9.1f} ms"
                f"{percentile(latencies, 0.95):>9.1f} ms{rate:>10.1f}{len(latencies):>10}"
            )
            if result["error_count"]:
                print(f"  {result['error_count']} errors, e.g. {result['errors']}")
    finally:
        if server is not None:
            server.terminate()
            server.wait(10)
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--drive":
        _driver_main(sys.argv[2:])
    else:
        main()
