"""Take the README's screenshots of every page, light and dark, at 1280 px wide.

    .venv/bin/python tests/web/screenshots.py [OUT_DIR]    (default docs/screenshots)

Seeds the sample search of `tests/web/seed.py` into a temporary home with the clock at
`seed.NOW`, serves the app on 127.0.0.1 in this process, and drives Debian's Chromium.
"""

from __future__ import annotations

import os
import socket
import sys
import tempfile
import threading
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
    sys.path.insert(0, str(HERE))
    from seed import NOW, seed_demo  # type: ignore[import-not-found]

    home = Path(tempfile.mkdtemp(prefix="inwriting-shots-"))
    os.environ["INWRITING_HOME"] = str(home)
    os.environ["INWRITING_NOW"] = NOW.isoformat()
    os.environ.pop("INWRITING_DATABASE_URL", None)

    import uvicorn
    from playwright.sync_api import sync_playwright

    from inwriting.store.repository import open_repository
    from inwriting.web.app import create_app

    with open_repository() as repo:
        ids = seed_demo(repo, NOW)

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(create_app(), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        thread.join(0.05)

    pages = {
        "today": "/",
        "board": "/board",
        "application": f"/applications/{ids['Acme Corp']}",
        "verbal-offer": f"/applications/{ids['Globex']}",
        "promises": "/promises",
        "stats": "/stats",
        "settings": "/settings",
    }
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        for scheme in ("light", "dark"):
            context = browser.new_context(
                base_url=f"http://127.0.0.1:{port}",
                viewport={"width": 1280, "height": 900},
                color_scheme=scheme,  # type: ignore[arg-type]
            )
            page = context.new_page()
            for name, path in pages.items():
                page.goto(path)
                page.wait_for_load_state("networkidle")
                if name == "stats":
                    page.wait_for_selector(".chart svg")
                target = out / f"{name}-{scheme}.png"
                page.screenshot(path=str(target), full_page=True)
                print(target.relative_to(ROOT) if target.is_relative_to(ROOT) else target)
            # The phone-width view of Today, to show the layout holds at 360 px.
            page.set_viewport_size({"width": 360, "height": 780})
            page.goto("/")
            page.screenshot(path=str(out / f"today-phone-{scheme}.png"), full_page=False)
            context.close()
        browser.close()
    server.should_exit = True
    thread.join(10)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots")
