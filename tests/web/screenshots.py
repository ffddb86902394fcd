"""Take the README's screenshots of every page, light and dark, at 1280 px wide.

    .venv/bin/python tests/web/screenshots.py [OUT_DIR]    (default docs/screenshots)

Builds the sample search of `inwriting demo` (services.demo) into a temporary home with the clock
at Monday 23 November 2026, 10:00 UTC, serves the app on 127.0.0.1 in this process, and drives
Debian's Chromium.
"""

from __future__ import annotations

import os
import sys
import tempfile
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


def main(out: Path) -> None:
    """Write `<page>-<scheme>.png` for each page into `out`."""
    from datetime import UTC, datetime

    from inwriting.services import demo

    now = demo.demo_now(datetime(2026, 11, 23, tzinfo=UTC))
    home = Path(tempfile.mkdtemp(prefix="inwriting-shots-"))
    os.environ["INWRITING_HOME"] = str(home)
    os.environ["INWRITING_NOW"] = now.isoformat()
    os.environ.pop("INWRITING_DATABASE_URL", None)

    from live import served  # tests/web/live.py: this script runs from its own folder
    from playwright.sync_api import sync_playwright

    from inwriting.store.repository import open_repository
    from inwriting.web.app import create_app

    ids: dict[str, int] = {}
    with open_repository() as repo:
        demo.build(repo, now)
        for company in ("Meridian Retail", "Brightline Logistics", "Northwind Health"):
            found = repo.company_named(company)
            assert found is not None, f"the demo has no {company} any more"
            ids[company] = repo.applications_of(found.id)[0].id

    pages = {
        "today": "/",
        "board": "/board",
        "application": f"/applications/{ids['Meridian Retail']}",
        "verbal-offer": f"/applications/{ids['Brightline Logistics']}",
        "offer": f"/applications/{ids['Northwind Health']}",
        "promises": "/promises",
        "stats": "/stats",
        "settings": "/settings",
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
                color_scheme=scheme,  # type: ignore[arg-type]
            )
            page = context.new_page()
            for name, path in pages.items():
                page.goto(path)
                page.wait_for_load_state("networkidle")
                if name == "stats":
                    page.wait_for_selector(".chart svg")
                    page.wait_for_timeout(2000)  # let the charts' entry animation finish
                target = out / f"{name}-{scheme}.png"
                page.screenshot(path=str(target), full_page=True)
                print(target.relative_to(ROOT) if target.is_relative_to(ROOT) else target)
            # The phone-width view of Today, to show the layout holds at 360 px.
            page.set_viewport_size({"width": 360, "height": 780})
            page.goto("/")
            page.screenshot(path=str(out / f"today-phone-{scheme}.png"), full_page=False)
            context.close()
        browser.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots")
