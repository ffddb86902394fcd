"""Benchmark: import a year of a busy job search from one mbox, then import it again.

    .venv/bin/python benchmarks/mail.py                 # 10,000 messages
    .venv/bin/python benchmarks/mail.py --messages 2000
    .venv/bin/python benchmarks/mail.py --pad-kb 100    # ~1 GB: does memory grow with the file?

Prints the mbox's size, the first import's time and messages per second, the re-import's time,
and each run's peak resident memory. Each import runs in a fresh process on a fresh SQLite
database in a temporary directory, so peak memory is the import's own. Not a timed test.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ME = "sam@example.com"
NOW = datetime(2026, 12, 31, 12, 0, tzinfo=UTC)
ATS = [
    ("via Greenhouse", "no-reply@us.greenhouse-mail.io"),
    ("via Lever", "no-reply@hire.lever.co"),
    ("", "notifications@smartrecruiters.com"),
]
EMPLOYER_LINES = [
    (
        "Thank you for applying",
        "Thank you for applying to {company}. We have received your application.",
    ),
    ("Interview invitation", "We would like to invite you to an interview next Thursday at 3."),
    ("Update on your application", "We will get back to you by Friday with a decision."),
    ("Next steps", "Could you send us two references by Monday?"),
    ("Reschedule", "We need to reschedule your interview; the panel is travelling."),
    ("Your application", "Unfortunately, we have decided to move forward with other candidates."),
    (
        "Still interviewing",
        "We're still interviewing, no update yet. We'll let you know next week.",
    ),
    ("Great to meet you", "We loved meeting you and you would be a great fit for the team."),
]
NEWSLETTERS = [
    ("Jobs Weekly", "digest@jobsweekly.example", "25 new jobs for you"),
    ("Career Tips", "tips@careertips.example", "Five interview mistakes to avoid"),
    ("MegaShop", "news@megashop.example", "This week's deals"),
    ("City News", "daily@citynews.example", "Your morning briefing"),
]


def _message(
    sender: str, name: str, subject: str, body: str, when: datetime, number: int, **extra: str
) -> bytes:
    headers = {
        "From": f"{name} <{sender}>",
        "To": ME,
        "Subject": subject,
        "Date": when.strftime("%a, %d %b %Y %H:%M:%S +0000"),
        "Message-ID": f"<bench-{number}@{sender.split('@')[1]}>",
        "MIME-Version": "1.0",
        **extra,
    }
    head = "".join(f"{k}: {v}\n" for k, v in headers.items())
    return (head + "\n" + body + "\n").encode("utf-8")


def _html(text: str) -> str:
    return f"<html><body><p>Hi Sam,</p><p>{text}</p><p>Best regards,<br>The team</p></body></html>"


def generate(path: Path, count: int, pad_kb: int, seed: int = 7) -> list[tuple[str, str]]:
    """Write an mbox of `count` messages; returns the (company, domain) pairs it mentions."""
    rng = random.Random(seed)
    companies = [(f"Company{n:03d}", f"company{n:03d}.example") for n in range(150)]
    start = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
    padding = ("x" * 76 + "\n") * (pad_kb * 1024 // 77) if pad_kb else ""
    with path.open("wb") as out:
        for number in range(count):
            when = start + timedelta(minutes=number * 50)
            roll = rng.random()
            company, domain = rng.choice(companies)
            if roll < 0.45:
                name, sender, subject = rng.choice(NEWSLETTERS)
                body = (
                    f"Content-Type: text/html; charset=utf-8\n\n{_html('Read more on our site.')}"
                )
                raw = _message(
                    sender, name, subject, "", when, number,
                    **{"List-Unsubscribe": f"<https://{sender.split('@')[1]}/u>"},
                )  # fmt: skip
                raw = raw.replace(b"MIME-Version: 1.0\n\n", b"MIME-Version: 1.0\n" + body.encode())
            elif roll < 0.55:
                raw = _message(
                    "friend@gmail.com", "A Friend", "weekend?", "Dinner on Saturday?", when, number
                )
            elif roll < 0.65:
                raw = _message(
                    ME, "Sam", f"Following up - {company}",
                    "Hi, I wanted to follow up on my application. Best, Sam", when, number,
                )  # fmt: skip
                raw = raw.replace(f"To: {ME}".encode(), f"To: hr@{domain}".encode())
            else:
                subject, line = rng.choice(EMPLOYER_LINES)
                text = line.format(company=company)
                if rng.random() < 0.4:
                    suffix, sender = rng.choice(ATS)
                    name = f"{company} {suffix}".strip()
                else:
                    sender, name = f"recruiting@{domain}", f"{company} Recruiting"
                if rng.random() < 0.5:
                    body = (
                        "Content-Type: text/plain; charset=utf-8\n\n"
                        f"Hi Sam,\n\n{text}\n\nBest regards,\n{company}\n\n"
                        f"On Mon, Jan 5, 2026 Sam <{ME}> wrote:\n> Any news?\n> Sam\n"
                    )
                else:
                    body = f"Content-Type: text/html; charset=utf-8\n\n{_html(text)}\n"
                raw = _message(sender, name, subject, "", when, number)
                raw = raw.replace(b"MIME-Version: 1.0\n\n", b"MIME-Version: 1.0\n" + body.encode())
            if padding:
                raw += padding.encode()
            out.write(f"From {ME} {when.strftime('%a %b %d %H:%M:%S %Y')}\n".encode())
            out.write(raw.replace(b"\nFrom ", b"\n>From "))
            out.write(b"\n")
    return companies


def setup_ledger(companies: list[tuple[str, str]]) -> None:
    from inwriting.services.applications import add_application
    from inwriting.store.repository import open_repository

    with open_repository() as repo:
        for number, (company, domain) in enumerate(companies):
            if number % 3 == 0:
                continue  # a third are unknown: their confirmations propose new applications
            application, _ = add_application(
                repo, company, "Engineer", applied_on=date(2026, 1, 2), now=NOW
            )
            application.company.domains = [domain]


def child(path: str) -> None:
    """One import, in this process; prints its figures as JSON."""
    from inwriting.services.inbox import import_paths

    before = resource.getrusage(resource.RUSAGE_SELF)
    cpu_before = before.ru_utime + before.ru_stime
    started = time.perf_counter()
    report = import_paths([Path(path)], me=[ME], now=NOW)
    elapsed = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_SELF)
    peak_kb = usage.ru_maxrss
    print(
        json.dumps(
            {
                "seconds": elapsed,
                # CPU time too: on a shared machine wall time includes waiting for a core.
                "cpu_seconds": usage.ru_utime + usage.ru_stime - cpu_before,
                "peak_mb": peak_kb / 1024,
                "read": report.read,
                "added": report.added,
                "already_seen": report.already_seen,
                "proposals": report.proposals,
                "skipped": len(report.skipped),
            }
        )
    )


def run_child(path: Path, env: dict[str, str]) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", str(path)],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=10_000)
    parser.add_argument("--pad-kb", type=int, default=0, help="Extra KB per message.")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    with tempfile.TemporaryDirectory(prefix="inwriting-bench-") as tmp:
        env = {**os.environ, "INWRITING_HOME": str(Path(tmp) / "home")}
        env.pop("INWRITING_DATABASE_URL", None)
        os.environ.update({"INWRITING_HOME": env["INWRITING_HOME"]})
        os.environ.pop("INWRITING_DATABASE_URL", None)
        mbox = Path(tmp) / "year.mbox"
        started = time.perf_counter()
        companies = generate(mbox, args.messages, args.pad_kb)
        setup_ledger(companies)
        generated = time.perf_counter() - started
        size_mb = mbox.stat().st_size / (1024 * 1024)
        first = run_child(mbox, env)
        again = run_child(mbox, env)
    print(f"mbox: {args.messages} messages, {size_mb:.1f} MB (generated in {generated:.1f} s)")
    print(
        f"first import: {first['seconds']:.2f} s ({first['cpu_seconds']:.2f} s CPU), "
        f"{first['read'] / first['seconds']:.0f} messages/s, peak memory {first['peak_mb']:.0f} MB "
        f"({first['added']:.0f} added, {first['proposals']:.0f} proposals, "
        f"{first['skipped']:.0f} skipped)"
    )
    print(
        f"re-import:    {again['seconds']:.2f} s ({again['cpu_seconds']:.2f} s CPU), "
        f"{again['already_seen']:.0f} already seen, "
        f"{again['added']:.0f} added, peak memory {again['peak_mb']:.0f} MB"
    )
    print(f"cores: {os.cpu_count()}")


if __name__ == "__main__":
    main()
