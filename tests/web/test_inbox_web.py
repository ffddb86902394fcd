"""The inbox in the web app: mail read by the mail service becomes proposals the user accepts,
corrects or dismisses, through the JSON API (SQLite and PostgreSQL) and the page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

NOW = "2026-11-23T09:00:00+00:00"

# Three employers' mail: a rejection, a promise with a date, and a rejection from a company the
# ledger does not know.
MESSAGES = {
    "acme.eml": """\
From: Acme Corp Recruiting <recruiting@acme.com>
To: sam@example.com
Subject: Your application for Backend Engineer
Date: Fri, 20 Nov 2026 11:00:00 -0500
Message-ID: <web-rejection-1@acme.com>
Content-Type: text/plain; charset=us-ascii

Dear Sam,

Thank you for your time. After careful consideration we have decided to move forward with
other candidates.

Kind regards,
Acme Corp Recruiting
""",
    "initech.eml": """\
From: Jane Smith <jane@initech.com>
To: sam@example.com
Subject: Re: Data Engineer interview
Date: Tue, 17 Nov 2026 10:05:00 -0500
Message-ID: <web-promise-1@initech.com>
Content-Type: text/plain; charset=utf-8

Hi Sam,

Thanks for coming in yesterday. We will get back to you by Friday.

Jane Smith
Head of Data, Initech
""",
    "bluesun.eml": """\
From: Talent Team <talent@bluesun.example>
To: sam@example.com
Subject: Your application to Blue Sun
Date: Wed, 18 Nov 2026 09:00:00 +0000
Message-ID: <web-unmatched-1@bluesun.example>
Content-Type: text/plain; charset=utf-8

Hello Sam,

Unfortunately, the position has been filled. We wish you the best.

Talent Team, Blue Sun
""",
}


@pytest.fixture
def mail(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Two applications (Acme Corp, Initech) and the three messages read in with the mail
    service, as `inwriting import mail` does. Returns application ids and proposals by company."""
    from datetime import datetime

    from inwriting.services import inbox
    from inwriting.services.applications import add_application
    from inwriting.store.repository import open_repository

    monkeypatch.setenv("INWRITING_NOW", NOW)
    now = datetime.fromisoformat(NOW)
    ids: dict[str, Any] = {}
    with open_repository() as repo:
        for company, role in (("Acme Corp", "Backend Engineer"), ("Initech", "Data Engineer")):
            application, _ = add_application(
                repo, company, role, applied_on=datetime(2026, 11, 2).date(), now=now
            )
            ids[company] = application.id
    folder = tmp_path / "mail"
    folder.mkdir()
    for name, text in MESSAGES.items():
        (folder / name).write_text(text)
    report = inbox.import_paths([folder], me=["sam@example.com"], now=now)
    assert report.added == 3 and not report.skipped
    with open_repository() as repo:
        ids["proposals"] = {
            (p.company_name or "?"): p.id for p in inbox.pending(repo, include_done=True)
        }
    return ids


def _proposal(client: TestClient, proposal_id: int) -> dict[str, Any]:
    rows = client.get("/api/inbox", params={"all": "true"}).json()["proposals"]
    return next(row for row in rows if row["id"] == proposal_id)


# --- the JSON API ---------------------------------------------------------------------------


def test_the_inbox_lists_each_proposal_in_plain_words(
    client: TestClient, mail: dict[str, Any]
) -> None:
    inbox = client.get("/api/inbox").json()
    assert inbox["pending"] == 3
    summaries = {row["company"]: row["summary"] for row in inbox["proposals"]}
    assert summaries["Acme Corp"].startswith(
        "Acme Corp, 'After careful consideration we have decided to move forward"
    )
    assert summaries["Acme Corp"].endswith("→ rejected")
    assert summaries["Initech"].endswith("→ promise due Fri 20 Nov")
    unmatched = next(row for row in inbox["proposals"] if row["action"] == "unmatched")
    assert unmatched["summary"].startswith("no application matched: Blue Sun,")
    assert not unmatched["confident"]


def test_accepting_a_proposal_changes_the_application(
    client: TestClient, mail: dict[str, Any]
) -> None:
    acme = mail["proposals"]["Acme Corp"]
    response = client.post(f"/api/inbox/{acme}/accept")
    assert response.status_code == 200, response.text
    assert response.json()["state"] == "accepted"
    detail = client.get(f"/api/applications/{mail['Acme Corp']}").json()
    assert detail["application"]["stage"] == "rejected"
    assert client.get("/api/inbox").json()["pending"] == 2
    again = client.post(f"/api/inbox/{acme}/accept")
    assert again.status_code == 422
    assert again.json()["detail"] == f"inbox proposal #{acme} is already accepted"


def test_correcting_gives_the_unmatched_mail_an_application(
    client: TestClient, mail: dict[str, Any]
) -> None:
    unmatched = next(
        row for row in client.get("/api/inbox").json()["proposals"] if row["action"] == "unmatched"
    )
    response = client.post(
        f"/api/inbox/{unmatched['id']}/correct",
        json={"application": f"#{mail['Initech']}", "kind": "promise", "due": "2026-11-27"},
    )
    assert response.status_code == 200, response.text
    promises = client.get(f"/api/applications/{mail['Initech']}").json()["promises"]
    assert "2026-11-27" in [p["due"] for p in promises]


def test_dismiss_and_accept_all_sure_ones(client: TestClient, mail: dict[str, Any]) -> None:
    initech = mail["proposals"]["Initech"]
    assert client.post(f"/api/inbox/{initech}/dismiss").json()["state"] == "dismissed"
    done = client.post("/api/inbox/accept-confident").json()
    assert [row["company"] for row in done["accepted"]] == ["Acme Corp"]  # not the unmatched one
    assert done["refused"] == []
    assert _proposal(client, initech)["state"] == "dismissed"
    assert client.get(f"/api/applications/{mail['Initech']}").json()["promises"] == []
    remaining = client.get("/api/inbox").json()
    assert (remaining["pending"], remaining["sure"]) == (1, 0)


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/api/inbox/999/accept", None),
        ("/api/inbox/999/dismiss", None),
        ("/api/inbox/999/correct", {"kind": "rejection"}),
        ("/api/inbox/999/correct", {}),
    ],
)
def test_unknown_proposals_are_404(
    client: TestClient, mail: dict[str, Any], path: str, body: dict[str, str] | None
) -> None:
    response = client.post(path, json=body)
    assert response.status_code == 404
    assert response.json()["detail"].startswith("there is no inbox proposal #999")


def test_bad_corrections_are_422_with_a_plain_message(
    client: TestClient, mail: dict[str, Any]
) -> None:
    acme = mail["proposals"]["Acme Corp"]

    def detail(body: dict[str, Any]) -> str:
        response = client.post(f"/api/inbox/{acme}/correct", json=body)
        assert response.status_code == 422, response.text
        return str(response.json()["detail"])

    assert detail({}) == "say what to correct: kind, due and/or application"
    assert detail({"kind": "maybe"}).startswith("kind: 'maybe' is not one of")
    assert detail({"due": "next friday"}) == (
        "due: 'next friday' is not a date; use YYYY-MM-DD, e.g. 2026-11-23"
    )
    unknown = client.post(f"/api/inbox/{acme}/correct", json={"application": "#4242"})
    assert unknown.status_code == 404
    assert "there is no application #4242" in unknown.json()["detail"]
    assert _proposal(client, acme)["state"] == "pending"  # nothing was applied


@pytest.mark.parametrize(
    "headers", [{"origin": "https://evil.example"}, {"sec-fetch-site": "cross-site"}]
)
def test_cross_site_inbox_writes_are_refused(
    client: TestClient, mail: dict[str, Any], headers: dict[str, str]
) -> None:
    for path in (
        "/api/inbox/accept-confident",
        f"/api/inbox/{mail['proposals']['Acme Corp']}/accept",
    ):
        response = client.post(path, headers=headers)
        assert response.status_code == 403
        assert "cannot change data" in response.json()["detail"]
    assert client.get("/api/inbox").json()["pending"] == 3


def test_the_inbox_page_renders(client: TestClient, mail: dict[str, Any]) -> None:
    page = client.get("/inbox", headers={"accept": "text/html"})
    assert page.status_code == 200
    assert "Accept all 2 sure proposals" in page.text
    assert "we have decided to move forward" in page.text
    assert "no application matched: Blue Sun, &#39;Unfortunately, the position" in page.text
    assert f'<option value="#{mail["Initech"]}">Initech — Data Engineer</option>' in page.text
    # The unmatched message cannot be accepted as it is: it asks for its application instead.
    unmatched = page.text.split(f'id="proposal-{mail["proposals"]["Blue Sun"]}"')[1].split("</li>")[
        0
    ]
    assert "Choose its application" in unmatched and "/accept" not in unmatched


def test_an_empty_inbox_says_how_to_read_mail_in(client: TestClient) -> None:
    page = client.get("/inbox", headers={"accept": "text/html"})
    assert "The inbox is empty" in page.text and "inwriting import mail" in page.text


# --- in a browser ---------------------------------------------------------------------------


@pytest.mark.browser
def test_accepting_a_promise_in_the_page_puts_it_on_the_application(
    page: Any, mail: dict[str, Any]
) -> None:
    from playwright.sync_api import expect

    page.goto("/inbox")
    card = page.locator(f"#proposal-{mail['proposals']['Initech']}")
    expect(card).to_contain_text("We will get back to you by Friday.")
    expect(card).to_contain_text("→ promise due Fri 20 Nov")
    card.get_by_role("button", name="Accept").click()
    expect(page.locator("#toast")).to_contain_text("applied")
    expect(page.locator(f"#proposal-{mail['proposals']['Initech']}")).to_have_count(0)

    page.goto(f"/applications/{mail['Initech']}")
    promises = page.locator("section[aria-labelledby=promises-heading]")
    expect(promises).to_contain_text("due Fri 20 Nov 2026")
    expect(promises).to_contain_text("overdue")  # it is Monday 23 November


@pytest.mark.browser
def test_correcting_in_the_page_and_narrow_screens(page: Any, mail: dict[str, Any]) -> None:
    from playwright.sync_api import expect

    acme = mail["proposals"]["Acme Corp"]
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto("/inbox")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"/inbox scrolls sideways by {overflow}px at 360px"
    unlabeled = page.evaluate(
        """() => [...document.querySelectorAll('input, select, textarea, button')]
            .filter(el => el.type !== 'hidden')
            .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label')
                          && !(el.tagName === 'BUTTON' && el.textContent.trim()))
            .map(el => el.outerHTML)"""
    )
    assert unlabeled == []
    card = page.locator(f"#proposal-{acme}")
    card.locator("summary").click()
    card.locator(f"#kind-{acme}").select_option("delay")
    card.get_by_role("button", name="Correct and apply").click()
    expect(page.locator(f"#proposal-{acme}")).to_have_count(0)
    page.goto(f"/applications/{mail['Acme Corp']}")
    expect(page.locator("#stage")).not_to_have_text("rejected")
    expect(page.locator(".timeline")).to_contain_text("move forward with other candidates")


def test_the_inbox_is_scoped_to_the_data_owner(client: TestClient, mail: dict[str, Any]) -> None:
    from inwriting.web.app import create_app

    acme = mail["proposals"]["Acme Corp"]
    with TestClient(create_app(owner="someone-else"), base_url="http://127.0.0.1:8765") as other:
        assert other.get("/api/inbox").json()["pending"] == 0
        assert other.post(f"/api/inbox/{acme}/accept").status_code == 404
    assert _proposal(client, acme)["state"] == "pending"
