"""Score the reader on the frozen test split, time its batch mode, compare with date libraries.

    .venv/bin/python benchmarks/reader.py [--split test] [--lines 20000] [--from-batch N]

Prints:
- kind accuracy of the phrase rules alone and with the learned back-up, side by side;
- kind accuracy and a per-kind precision / recall / F1 table;
- due exact-match accuracy (a null due must be read as null);
- false written offers and missed rejections (both must be 0);
- throughput in batch mode on a generated JSON Lines file, single process, through the same code
  path as `inwriting read --batch` when that command exists (run in-process with Typer's
  CliRunner), else `read()` per line with JSON parsing and serialising (it says which);
- the same due-date task done by date libraries alone: dateparser's `search_dates` and
  parsedatetime's `nlp` (the latest date found; null when none), and the reader's gain over each.

A script that prints figures, not a test. It runs even before the reader exists (it says so, and
prints the baselines).
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPUS_DIR = ROOT / "tests" / "corpus"
sys.path.insert(0, str(CORPUS_DIR))

from build_corpus import calendar_for  # noqa: E402

KINDS = (
    "rejection",
    "written_offer",
    "verbal_offer",
    "delay",
    "next_step",
    "request",
    "promise",
    "enthusiasm",
    "other",
)
MONTH_FIRST_LOCALES = ("en-US", "en-CA", "en-PH")

Item = dict[str, Any]
DueFinder = Callable[[Item], date | None]


def load(split: str) -> list[Item]:
    """One split of the corpus."""
    lines = (CORPUS_DIR / f"{split}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def load_reader() -> Callable[..., Any] | None:
    """inwriting.language.read, or None (with a message) while it is not written yet."""
    try:
        from inwriting.language import read
    except ImportError as error:
        print(f"The reader is not ready: cannot import inwriting.language.read ({error}).")
        print("Only the date-library baselines are measured.\n")
        return None
    reader: Callable[..., Any] = read
    return reader


def kind_name(reading: Any) -> str:
    kind = reading.kind
    return str(getattr(kind, "value", kind))


# ------------------------------------------------------------------ scoring


def must_be_zero(items: list[Item], got: list[str]) -> tuple[int, int]:
    """Written offers reported where there was none, and rejections missed."""
    false_offers = sum(
        g == "written_offer" and i["kind"] != "written_offer"
        for i, g in zip(items, got, strict=True)
    )
    missed = sum(
        i["kind"] == "rejection" and g != "rejection" for i, g in zip(items, got, strict=True)
    )
    return false_offers, missed


def score_kinds(items: list[Item], got: list[str]) -> None:
    """Kind accuracy, the per-kind table and the two must-be-zero figures."""
    right = sum(item["kind"] == kind for item, kind in zip(items, got, strict=True))
    print(f"kind accuracy: {right}/{len(items)} = {right / len(items):.3f}\n")
    print(f"{'kind':<14}{'support':>8}{'precision':>11}{'recall':>8}{'F1':>7}")
    for kind in KINDS:
        tp = sum(i["kind"] == kind and g == kind for i, g in zip(items, got, strict=True))
        predicted = sum(g == kind for g in got)
        support = sum(i["kind"] == kind for i in items)
        precision = tp / predicted if predicted else 0.0
        recall = tp / support if support else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        print(f"{kind:<14}{support:>8}{precision:>11.3f}{recall:>8.3f}{f1:>7.3f}")
    unknown = Counter(g for g in got if g not in KINDS)
    if unknown:
        print(f"kinds outside the contract: {dict(unknown)}")
    false_offers, missed = must_be_zero(items, got)
    print(f"\nfalse written offers: {false_offers} (must be 0)")
    print(f"missed rejections:    {missed} (must be 0)\n")


def read_item(read: Callable[..., Any], item: Item, **options: Any) -> Any:
    """The reading of one corpus item, as the contract calls the reader."""
    return read(
        item["text"],
        datetime.fromisoformat(item["at"]),
        item["channel"],
        calendar=calendar_for(item),
        locale=item["locale"],
        **options,
    )


def compare_backup(read: Callable[..., Any], items: list[Item], got: list[str]) -> None:
    """The phrase rules alone against the rules with the learned back-up, on the same items."""
    try:
        alone = [kind_name(read_item(read, item, guesses=False)) for item in items]
    except TypeError:  # a reader without the learned back-up
        return
    print("phrase rules alone vs with the learned back-up (kind accuracy, false written offers,")
    print("missed rejections):")
    for name, kinds in (("rules alone", alone), ("rules + learned back-up", got)):
        right = sum(i["kind"] == k for i, k in zip(items, kinds, strict=True))
        false_offers, missed = must_be_zero(items, kinds)
        print(f"  {name:<26}{right / len(items):>7.3f}{false_offers:>4}{missed:>4}")
    print()


def by_batch(items: list[Item], readings: list[Any]) -> None:
    """The same figures per source batch: batches written later were scored fewer times."""
    print("by source batch (kind accuracy, due exact-match, false written offers, missed")
    print("rejections):")
    for batch in sorted({batch_of(i) for i in items}):
        pairs = [(i, r) for i, r in zip(items, readings, strict=True) if batch_of(i) == batch]
        kinds = [kind_name(r) for _, r in pairs]
        mine = [i for i, _ in pairs]
        right = sum(i["kind"] == k for i, k in zip(mine, kinds, strict=True))
        due = due_accuracy(mine, [r.due for _, r in pairs])[0]
        false_offers, missed = must_be_zero(mine, kinds)
        print(
            f"  batch {batch:<3}{len(mine):>5} items{right / len(mine):>8.3f}{due:>7.3f}"
            f"{false_offers:>4}{missed:>4}"
        )
    print()


def batch_of(item: Item) -> int:
    """The source batch an item comes from (its id is `b<batch>-<n>`)."""
    return int(item["id"].split("-")[0].removeprefix("b"))


def due_accuracy(items: list[Item], dues: list[date | None]) -> tuple[float, float]:
    """Exact match over all items (null must be null) and over the dated items only."""
    hits = [
        (d.isoformat() if d else None) == item["due"] for item, d in zip(items, dues, strict=True)
    ]
    dated = [hit for hit, item in zip(hits, items, strict=True) if item["due"] is not None]
    return sum(hits) / len(hits), (sum(dated) / len(dated) if dated else 0.0)


# ------------------------------------------------------------------ baselines


def dateparser_due(item: Item) -> date | None:
    """The latest date dateparser's search_dates finds in the text; None when it finds none."""
    from dateparser.search import search_dates

    order = "MDY" if item["locale"] in MONTH_FIRST_LOCALES else "DMY"
    settings = {
        "RELATIVE_BASE": datetime.fromisoformat(item["at"]),
        "PREFER_DATES_FROM": "future",
        "DATE_ORDER": order,
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    try:
        found = search_dates(item["text"], languages=["en"], settings=settings)
    except Exception:  # a baseline that crashes on a text has found no date in it
        return None
    return max(moment.date() for _, moment in found) if found else None


_PDT_CALENDAR: Any = None


def parsedatetime_due(item: Item) -> date | None:
    """The latest date parsedatetime's nlp finds in the text; None when it finds none."""
    global _PDT_CALENDAR
    import parsedatetime

    if _PDT_CALENDAR is None:
        _PDT_CALENDAR = parsedatetime.Calendar()
    at = datetime.fromisoformat(item["at"])
    try:
        found = _PDT_CALENDAR.nlp(item["text"], sourceTime=at)
    except Exception:  # as above
        return None
    return max(match[0].date() for match in found) if found else None


# ------------------------------------------------------------------ throughput


def batch_lines(items: list[Item], count: int) -> list[str]:
    """`count` batch-input lines cycling through the corpus texts, times and channels."""
    lines = []
    for n in range(count):
        item = items[n % len(items)]
        record = {"id": f"r{n}", "text": item["text"], "at": item["at"]}
        if item["channel"] is not None:
            record["channel"] = item["channel"]
        lines.append(json.dumps(record, ensure_ascii=False))
    return lines


def cli_batch_available() -> bool:
    """Whether `inwriting read --batch` exists."""
    try:
        from typer.testing import CliRunner

        from inwriting.cli.app import app
    except ImportError:
        return False
    result = CliRunner().invoke(app, ["read", "--help"])
    return result.exit_code == 0 and "--batch" in result.output


def time_cli_batch(path: Path, count: int) -> tuple[float, int, int]:
    """Run `inwriting read --batch PATH` in this process; seconds, output lines, exit code."""
    from typer.testing import CliRunner

    from inwriting.cli.app import app

    runner = CliRunner()
    start = time.perf_counter()
    result = runner.invoke(app, ["read", "--batch", str(path)])
    elapsed = time.perf_counter() - start
    produced = sum(1 for line in result.stdout.splitlines() if line.startswith("{"))
    return elapsed, produced, result.exit_code


def time_per_line(read: Callable[..., Any], path: Path) -> tuple[float, int]:
    """read() per line with JSON parsing and serialising, like the batch command would."""
    out = io.StringIO()
    start = time.perf_counter()
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            reading = read(
                record["text"], datetime.fromisoformat(record["at"]), record.get("channel")
            )
            out.write(
                json.dumps(
                    {
                        "id": record.get("id"),
                        "kind": kind_name(reading),
                        "due": reading.due.isoformat() if reading.due else None,
                        "follow_up_on": (
                            reading.follow_up_on.isoformat() if reading.follow_up_on else None
                        ),
                        "explanation": reading.explanation,
                    }
                )
                + "\n"
            )
    elapsed = time.perf_counter() - start
    return elapsed, out.getvalue().count("\n")


def throughput(read: Callable[..., Any], items: list[Item], count: int) -> None:
    """Print lines per second in batch mode on a generated file of `count` lines."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "statements.jsonl"
        path.write_text("\n".join(batch_lines(items, count)) + "\n", encoding="utf-8")
        if cli_batch_available():
            elapsed, produced, code = time_cli_batch(path, count)
            how = "`inwriting read --batch` (inwriting.cli.app via CliRunner, in-process)"
            if code != 0:
                how += f"; exit code {code}"
        else:
            elapsed, produced = time_per_line(read, path)
            how = "read() per line with JSON parsing and serialising (no `read --batch` yet)"
    print(f"throughput, {count:,} lines, single process, through {how}:")
    print(f"  {produced:,} lines out in {elapsed:.2f} s = {produced / elapsed:,.0f} lines/s\n")


# ------------------------------------------------------------------ main


def main(argv: list[str] | None = None) -> int:
    """Print the figures; the exit status is 0 whether or not the reader is ready."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="test", choices=("test", "dev"))
    parser.add_argument("--lines", type=int, default=20_000)
    parser.add_argument(
        "--from-batch",
        type=int,
        default=1,
        metavar="N",
        help="score only the items of source batch N and later",
    )
    args = parser.parse_args(argv)

    items = [i for i in load(args.split) if batch_of(i) >= args.from_batch]
    dated = sum(item["due"] is not None for item in items)
    batches = "" if args.from_batch == 1 else f" of batch {args.from_batch} and later"
    print(f"corpus: {args.split} split{batches}, {len(items)} items ({dated} with a due date)\n")

    read = load_reader()
    reader_due: tuple[float, float] | None = None
    if read is not None:
        start = time.perf_counter()
        readings = [read_item(read, item) for item in items]
        per_item_ms = (time.perf_counter() - start) * 1000 / len(items)
        compare_backup(read, items, [kind_name(r) for r in readings])
        score_kinds(items, [kind_name(r) for r in readings])
        by_batch(items, readings)
        reader_due = due_accuracy(items, [r.due for r in readings])
        print(
            f"due exact-match: {reader_due[0]:.3f} of all items, "
            f"{reader_due[1]:.3f} of dated items ({per_item_ms:.2f} ms per reading)\n"
        )
        throughput(read, load("dev") + items, args.lines)

    finders: dict[str, DueFinder] = {
        "dateparser.search_dates": dateparser_due,
        "parsedatetime.nlp": parsedatetime_due,
    }
    print("due date, side by side (exact match; all items / dated items only):")
    if reader_due is not None:
        print(f"  {'inwriting reader':<26}{reader_due[0]:>7.3f}{reader_due[1]:>8.3f}")
    for name, finder in finders.items():
        start = time.perf_counter()
        accuracy = due_accuracy(items, [finder(item) for item in items])
        per_item_ms = (time.perf_counter() - start) * 1000 / len(items)
        gain = ""
        if reader_due is not None:
            ratios = [
                r / a if a else float("inf") for r, a in zip(reader_due, accuracy, strict=True)
            ]
            gain = f"   reader's gain: {ratios[0]:.2f}x all, {ratios[1]:.2f}x dated"
        print(
            f"  {name:<26}{accuracy[0]:>7.3f}{accuracy[1]:>8.3f}"
            f"   ({per_item_ms:.1f} ms per text){gain}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
