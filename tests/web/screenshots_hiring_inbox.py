"""Take the screenshots of the Hiring and Inbox pages, light and dark, at 1280 px wide.

    .venv/bin/python tests/web/screenshots_hiring_inbox.py [OUT_DIR]   (default docs/screenshots)

The same approach as screenshots.py: the sample search of `inwriting demo` in a temporary home
with the clock at Monday 23 November 2026, 10:00 UTC; then a kitchen's hiring ledger (recorded a
week earlier, so some promised answers are now overdue) and a few employers' emails read in with
the mail service, as `inwriting import mail` does. The app is served on 127.0.0.1 in this
process and Debian's Chromium takes the pictures.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Employers' mail about the demo's applications, plus one the ledger cannot place.
MAIL = {
    "pinecrest.eml": (
        "Jordan Blake <jordan.blake@pinecrestbank.com>",
        "Technical interview",
        "Fri, 20 Nov 2026 15:10:00 -0500",
        "Hi,\n\nThank you for your patience. We will send you the technical interview times "
        "by Wednesday.\n\nJordan Blake\nTalent Acquisition, Pinecrest Bank",
    ),
    "juniper.eml": (
        "Juniper Health Careers <careers@juniperhealth.com>",
        "Your application: Data Analyst",
        "Sat, 21 Nov 2026 08:30:00 -0500",
        "Dear applicant,\n\nThank you for your interest. After careful consideration we have "
        "decided to move forward with other candidates.\n\nJuniper Health Careers",
    ),
    "lattice.eml": (
        "Lattice Cloud <people@latticecloud.io>",
        "Next steps",
        "Fri, 20 Nov 2026 11:00:00 -0500",
        "Hello,\n\nThe team really enjoyed meeting you and everyone was impressed!"
        "\n\nPeople team, Lattice Cloud",
    ),
    "bluesun.eml": (
        "Talent Team <talent@bluesun.example>",
        "Your application to Blue Sun",
        "Thu, 19 Nov 2026 09:00:00 +0000",
        "Hello,\n\nUnfortunately, the position has been filled. We wish you the best.\n\n"
        "Talent Team, Blue Sun",
    ),
}


def _eml(sender: str, subject: str, when: str, body: str, n: int) -> str:
    return (
        f"From: {sender}\nTo: alex@example.com\nSubject: {subject}\nDate: {when}\n"
        f"Message-ID: <shot-{n}@example.com>\nContent-Type: text/plain; charset=utf-8\n\n{body}\n"
    )


def build_hiring(now: datetime) -> dict[str, int]:
    """A kitchen's openings, recorded a week before `now`; returns ids to photograph."""
    from inwriting.services import hiring as service
    from inwriting.store.repository import open_repository

    before = now - timedelta(days=7)  # Monday 16 November
    with open_repository() as repo:
        cook = service.add_opening(repo, "Line cook", team="Kitchen", country="SA", now=before)
        amal = service.add_candidate(
            repo,
            str(cook.id),
            "Amal Haddad",
            phone="+966 55 123 4567",
            stage="interviewed",
            since=before.date() - timedelta(days=7),
            now=before,
        )
        ben = service.add_candidate(
            repo,
            str(cook.id),
            "Ben Ortiz",
            email="ben@example.com",
            stage="interviewed",
            since=before.date() - timedelta(days=5),
            now=before,
        )
        chioma = service.add_candidate(
            repo,
            str(cook.id),
            "Chioma Eze",
            phone="+966 50 765 4321",
            prefers="text",
            since=before.date() - timedelta(days=2),
            now=before,
        )
        service.add_candidate(
            repo,
            str(cook.id),
            "Dana Ruiz",
            email="dana@example.com",
            since=before.date(),
            now=before,
        )
        service.promise(repo, str(amal.id), "thursday", channel="in-person", now=before)
        service.promise(repo, str(ben.id), "+4 business days", now=before)
        service.promise(repo, str(chioma.id), "2026-11-24", channel="phone", now=before)
        service.answer(repo, "Dana Ruiz", "rejected", now=before + timedelta(days=1))

        host = service.add_opening(repo, "Front-of-house host", team="Dining room", now=before)
        eli = service.add_candidate(
            repo,
            str(host.id),
            "Eli Moreau",
            email="eli@example.com",
            since=before.date(),
            now=before,
        )
        service.promise(repo, str(eli.id), "2026-11-27", now=before)
        return {"cook": cook.id, "amal": amal.id}


def main(out: Path) -> None:
    """Write `<page>-<scheme>.png` for the hiring and inbox pages into `out`."""
    from datetime import UTC

    from inwriting.services import demo

    now = demo.demo_now(datetime(2026, 11, 23, tzinfo=UTC))
    home = Path(tempfile.mkdtemp(prefix="inwriting-shots-"))
    os.environ["INWRITING_HOME"] = str(home)
    os.environ["INWRITING_NOW"] = now.isoformat()
    os.environ.pop("INWRITING_DATABASE_URL", None)

    from live import served  # tests/web/live.py: this script runs from its own folder
    from playwright.sync_api import sync_playwright

    from inwriting.services import inbox
    from inwriting.store.repository import open_repository
    from inwriting.web.app import create_app

    with open_repository() as repo:
        demo.build(repo, now)
    ids = build_hiring(now)
    folder = home / "mail"
    folder.mkdir()
    for n, (name, parts) in enumerate(MAIL.items(), start=1):
        (folder / name).write_text(_eml(*parts, n))
    report = inbox.import_paths([folder], me=["alex@example.com"], now=now)
    print(f"mail: {report.added} read, {report.proposals} proposals, {len(report.skipped)} skipped")

    pages = {
        "hiring": "/hiring",
        "hiring-opening": f"/hiring/openings/{ids['cook']}",
        "hiring-candidate": f"/hiring/candidates/{ids['amal']}",
        "hiring-report": "/hiring/report",
        "inbox": "/inbox",
    }
    out.mkdir(parents=True, exist_ok=True)
    with served(create_app()) as base_url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        for scheme in ("light", "dark"):
            context = browser.new_context(
                base_url=base_url,
                viewport={"width": 1280, "height": 900},
                color_scheme=scheme,
            )
            page = context.new_page()
            for name, path in pages.items():
                page.goto(path)
                page.wait_for_load_state("networkidle")
                if name == "hiring-candidate":
                    # Show a drafted rejection: the phone script first, as she has no email.
                    page.locator("#dr-outcome").select_option("rejected")
                    page.locator("#dr-sender").fill("Rania Aziz")
                    page.get_by_role("button", name="Draft", exact=True).click()
                    page.wait_for_selector("#draft-out pre.draft")
                target = out / f"{name}-{scheme}.png"
                page.screenshot(path=str(target), full_page=True)
                print(target.relative_to(ROOT) if target.is_relative_to(ROOT) else target)
            # The phone-width views, to show the layouts hold at 360 px.
            page.set_viewport_size({"width": 360, "height": 780})
            for name, path in (
                ("hiring-report-phone", "/hiring/report"),
                ("inbox-phone", "/inbox"),
            ):
                page.goto(path)
                target = out / f"{name}-{scheme}.png"
                page.screenshot(path=str(target), full_page=False)
                print(target.relative_to(ROOT) if target.is_relative_to(ROOT) else target)
            context.close()
        browser.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots")
