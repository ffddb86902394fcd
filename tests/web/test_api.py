"""The JSON API, route by route, on SQLite and PostgreSQL: what a script (or a page) gets back."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

MONDAY = "2026-11-23T09:00:00+00:00"


@pytest.fixture
def at_monday(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INWRITING_NOW", MONDAY)


def add(client: TestClient, company: str = "Acme", role: str = "Engineer", **extra: str) -> int:
    body = {"company": company, "role": role, "applied_on": "2026-11-10", **extra}
    response = client.post("/api/applications", json=body)
    assert response.status_code == 201, response.text
    return int(response.json()["id"])


# --- applications ---------------------------------------------------------------------------


def test_add_application_then_read_it_back(client: TestClient, at_monday: None) -> None:
    app_id = add(client, source="referral")
    detail = client.get(f"/api/applications/{app_id}").json()
    assert detail["application"]["company"] == "Acme"
    assert detail["application"]["stage"] == "applied"
    assert [e["type"] for e in detail["timeline"]] == ["applied"]
    listed = client.get("/api/applications").json()
    assert [(a["id"], a["stage"]) for a in listed] == [(app_id, "applied")]


def test_an_application_without_a_date_is_only_interested(
    client: TestClient, at_monday: None
) -> None:
    response = client.post("/api/applications", json={"company": "Acme", "role": "Engineer"})
    assert response.status_code == 201
    assert response.json()["stage"] == "interested"


def test_board_groups_by_stage_and_filters(client: TestClient, at_monday: None) -> None:
    add(client, "Acme", "Engineer", source="referral")
    add(client, "Globex", "Manager", source="job board")
    board = client.get("/api/board").json()
    applied = next(c for c in board["columns"] if c["stage"] == "applied")
    assert {card["company"] for card in applied["cards"]} == {"Acme", "Globex"}
    assert applied["cards"][0]["days_since_contact"] is None  # not heard from yet
    by_source = client.get("/api/board", params={"source": "referral"}).json()
    assert by_source["total"] == 1
    searched = client.get("/api/board", params={"q": "manag"}).json()
    assert searched["total"] == 1
    assert any(c["cards"] and c["cards"][0]["company"] == "Globex" for c in searched["columns"])


# --- the story of one application: interview, statement, promise, offer --------------------


def test_a_statement_becomes_a_promise_that_goes_overdue(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INWRITING_NOW", "2026-11-18T16:00:00+00:00")
    app_id = add(client)
    response = client.post(
        f"/api/applications/{app_id}/interviews",
        json={"at": "2026-11-18T14:00", "with_whom": "Dana Reyes, HR Manager", "format": "video"},
    )
    assert response.status_code == 201
    assert response.json()["stage"] == "interviewing"

    response = client.post(
        f"/api/applications/{app_id}/statements",
        json={"text": "You'll have a decision on Monday.", "channel": "phone"},
    )
    assert response.status_code == 201, response.text
    logged = response.json()
    assert logged["kind"] == "promise"
    assert logged["due"] == "2026-11-23"

    promises = client.get("/api/promises").json()
    assert [(p["due"], p["state"]) for p in promises["promises"]] == [("2026-11-23", "open")]

    # The day after the due date the promise is broken and the agenda says so.
    monkeypatch.setenv("INWRITING_NOW", "2026-11-24T09:00:00+00:00")
    promises = client.get("/api/promises").json()
    assert promises["promises"][0]["state"] == "broken"
    today = client.get("/api/today").json()
    assert [(o["application_id"], o["days_over"]) for o in today["overdue"]] == [(app_id, 1)]


def test_only_a_written_offer_moves_the_stage_to_offer(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INWRITING_NOW", "2026-11-19T11:00:00+00:00")
    app_id = add(client)
    said = client.post(
        f"/api/applications/{app_id}/statements",
        json={"text": "The job is yours, the offer letter goes out tomorrow.", "channel": "phone"},
    ).json()
    assert said["kind"] == "verbal_offer"
    detail = client.get(f"/api/applications/{app_id}").json()
    assert detail["application"]["stage"] == "verbal_offer"
    assert detail["application"]["stage_label"] == "verbal offer — not yet an offer"
    assert detail["offers"] == []

    response = client.post(
        f"/api/applications/{app_id}/offers",
        json={
            "salary": "92000",
            "currency": "usd",
            "start_on": "2027-01-11",
            "benefits": ["health insurance"],
            "contingencies": ["background check"],
        },
    )
    assert response.status_code == 201, response.text
    recorded = response.json()
    assert recorded["stage"] == "offer"
    assert "what health insurance costs you" in recorded["missing"]
    detail = client.get(f"/api/applications/{app_id}").json()
    assert detail["application"]["stage"] == "offer"
    checklist = detail["offers"][0]["checklist"]
    assert {"label": "Contingency: background check — open", "ok": False} in checklist


def test_a_reply_and_a_follow_up(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INWRITING_NOW", "2026-11-10T09:00:00+00:00")
    app_id = add(client)
    client.post(
        f"/api/applications/{app_id}/statements",
        json={"text": "We'll get back to you by Friday.", "channel": "email"},
    )
    # Too soon: the cadence refuses, and says when it will be time.
    too_soon = client.post(f"/api/applications/{app_id}/follow-ups", json={})
    assert too_soon.status_code == 422
    assert "too soon" in too_soon.json()["detail"]
    draft = client.get(f"/api/applications/{app_id}/follow-up").json()
    assert draft["ready"] is False

    monkeypatch.setenv("INWRITING_NOW", "2026-11-18T09:00:00+00:00")
    draft = client.get(f"/api/applications/{app_id}/follow-up").json()
    assert draft["ready"] is True
    assert draft["email"]["subject"] and draft["phone_script"]
    today = client.get("/api/today").json()
    assert [f["application_id"] for f in today["follow_ups"]] == [app_id]
    assert today["follow_ups"][0]["draft"]["body"]
    sent = client.post(f"/api/applications/{app_id}/follow-ups", json={"channel": "email"})
    assert sent.status_code == 201
    assert client.get("/api/today").json()["follow_ups"] == []

    reply = client.post(
        f"/api/applications/{app_id}/replies", json={"channel": "email", "note": "call Tuesday"}
    )
    assert reply.status_code == 201
    types = [e["type"] for e in client.get(f"/api/applications/{app_id}").json()["timeline"]]
    assert types[-2:] == ["follow_up_sent", "reply_received"]


def test_thank_you_notes(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INWRITING_NOW", "2026-11-18T16:00:00+00:00")
    app_id = add(client)
    client.post(
        f"/api/applications/{app_id}/interviews",
        json={"at": "2026-11-18T14:00", "with_whom": "Dana Reyes; Sam Lee"},
    )
    owed = client.get("/api/today").json()["thank_yous"]
    assert len(owed) == 2 and all(o["draft"]["body"] for o in owed)
    sent = client.post(f"/api/applications/{app_id}/thank-yous", json={})
    assert sent.status_code == 201
    assert client.get("/api/today").json()["thank_yous"] == []


# --- the reader, stats, settings, export, calendar ------------------------------------------


def test_read_explains_enthusiasm_is_not_an_offer(client: TestClient, at_monday: None) -> None:
    reading = client.get(
        "/api/read", params={"text": "I look forward to working with you", "channel": "in-person"}
    ).json()
    assert reading["kind"] == "enthusiasm"
    assert "not" in reading["explanation"].lower()


def test_stats_flow_and_follow_through(client: TestClient, at_monday: None) -> None:
    app_id = add(client)
    client.post(
        f"/api/applications/{app_id}/statements",
        json={"text": "Unfortunately we have decided to move forward with other candidates."},
    )
    stats = client.get("/api/stats").json()
    assert stats["flow_chart"]["type"] == "sankey"
    assert {"source": "Applied", "target": "Rejected", "value": 1} in stats["flow_chart"]["links"]
    assert stats["response"]["answered"] == 1
    assert sum(stats["weekly_chart"]["values"]) == 1


def test_settings_export_and_backup(client: TestClient, backend: str, at_monday: None) -> None:
    add(client)
    settings = client.get("/api/settings").json()
    assert [row["key"] for row in settings["cadence"]][:2] == ["thank_you_within", "after_due"]
    exported = client.get("/api/export")
    assert exported.status_code == 200
    assert "attachment" in exported.headers["content-disposition"]
    assert json.loads(exported.text)["applications"]
    backup = client.post("/api/backup")
    if backend == "sqlite":
        assert backup.status_code == 201
        assert backup.json()["size"] > 0
    else:  # a server database is backed up with the server's tools; the message says so
        assert backup.status_code == 422
        assert "PostgreSQL" in backup.json()["detail"]


def test_calendar_feed_has_the_promise(client: TestClient, at_monday: None) -> None:
    app_id = add(client)
    client.post(
        f"/api/applications/{app_id}/statements",
        json={"text": "We will let you know by Friday.", "channel": "email"},
    )
    feed = client.get("/calendar.ics")
    assert feed.status_code == 200
    assert feed.headers["content-type"].startswith("text/calendar")
    assert "BEGIN:VEVENT" in feed.text and "DTSTART;VALUE=DATE:20261127" in feed.text


def test_openapi_documents_the_routes(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    for path in (
        "/api/today",
        "/api/applications",
        "/api/applications/{application_id}/statements",
        "/api/applications/{application_id}/offers",
        "/api/promises",
        "/api/stats",
        "/calendar.ics",
    ):
        assert path in schema["paths"]


# --- bad input ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("get", "/api/applications/999", None),
        ("get", "/api/applications/999/follow-up", None),
        ("post", "/api/applications/999/statements", {"text": "We'll call you"}),
        ("post", "/api/applications/999/interviews", {"at": "2026-11-20T10:00"}),
        ("post", "/api/applications/999/replies", {}),
        ("post", "/api/applications/999/offers", {"salary": "1"}),
        ("post", "/api/applications/999/follow-ups", {}),
        ("post", "/api/applications/999/thank-yous", {}),
        ("get", "/api/read?text=hi&application_id=999", None),
    ],
)
def test_unknown_ids_are_404(
    client: TestClient, at_monday: None, method: str, path: str, body: dict[str, str] | None
) -> None:
    response = client.request(method, path, json=body)
    assert response.status_code == 404
    assert response.json()["detail"] == ("there is no application #999; the board lists them all")


def test_an_unknown_page_is_a_readable_404(client: TestClient) -> None:
    page = client.get("/applications/999", headers={"accept": "text/html"})
    assert page.status_code == 404
    assert "text/html" in page.headers["content-type"]
    assert "there is no application #999" in page.text


@pytest.mark.parametrize(
    ("path", "body", "message"),
    [
        (
            "/api/applications",
            {"company": "Acme", "role": "Engineer", "applied_on": "2026-13-45"},
            "applied_on: '2026-13-45' is not a date; use YYYY-MM-DD, e.g. 2026-11-23",
        ),
        (
            "/api/applications",
            {"company": "Acme", "role": "Engineer", "applied_on": "next tuesday"},
            "applied_on: 'next tuesday' is not a date; use YYYY-MM-DD, e.g. 2026-11-23",
        ),
        ("/api/applications", {"role": "Engineer"}, "company is required"),
        (
            "/api/applications",
            {"company": "Acme", "role": "Engineer", "applied_on": "2027-01-01"},
            "--applied 2027-01-01 is in the future; give the day you applied",
        ),
    ],
)
def test_bad_application_input_is_422_with_a_plain_message(
    client: TestClient, at_monday: None, path: str, body: dict[str, str], message: str
) -> None:
    response = client.post(path, json=body)
    assert response.status_code == 422
    assert response.json()["detail"] == message


def test_bad_dates_on_an_application_are_422(client: TestClient, at_monday: None) -> None:
    app_id = add(client)
    interview = client.post(f"/api/applications/{app_id}/interviews", json={"at": "soon"})
    assert interview.status_code == 422
    assert interview.json()["detail"] == (
        "at: 'soon' is not a date and time; use ISO 8601, e.g. 2026-11-23T14:00"
    )
    offer = client.post(f"/api/applications/{app_id}/offers", json={"start_on": "31/12/2026"})
    assert offer.status_code == 422
    assert "start_on: '31/12/2026' is not a date" in offer.json()["detail"]
    statement = client.post(
        f"/api/applications/{app_id}/statements",
        json={"text": "We'll call you", "channel": "carrier pigeon"},
    )
    assert statement.status_code == 422
    assert statement.json()["detail"].startswith("channel: 'carrier pigeon' is not one of")
    typo = client.post(f"/api/applications/{app_id}/replies", json={"chanel": "email"})
    assert typo.status_code == 422
    assert typo.json()["detail"].startswith("chanel:")
    path_id = client.get("/api/applications/abc")
    assert path_id.status_code == 422
    assert path_id.json()["detail"] == "application_id: 'abc' is not a whole number"


# --- cross-site requests and hosts ----------------------------------------------------------


@pytest.mark.parametrize(
    "headers",
    [
        {"origin": "https://evil.example"},
        {"origin": "null"},
        {"sec-fetch-site": "cross-site"},
        {"sec-fetch-site": "same-site", "origin": "http://127.0.0.1:8765"},
    ],
)
def test_cross_site_writes_are_refused(
    client: TestClient, at_monday: None, headers: dict[str, str]
) -> None:
    response = client.post(
        "/api/applications", json={"company": "Acme", "role": "Engineer"}, headers=headers
    )
    assert response.status_code == 403
    assert "cannot change data" in response.json()["detail"]
    assert client.get("/api/applications").json() == []


@pytest.mark.parametrize(
    "headers",
    [
        {},  # a script: no browser headers at all
        {"origin": "http://127.0.0.1:8765", "sec-fetch-site": "same-origin"},
        {"origin": "http://127.0.0.1:8765"},
    ],
)
def test_same_origin_and_scripts_may_write(
    client: TestClient, at_monday: None, headers: dict[str, str]
) -> None:
    response = client.post(
        "/api/applications", json={"company": "Acme", "role": "Engineer"}, headers=headers
    )
    assert response.status_code == 201


def test_cross_site_reads_are_allowed_but_unknown_hosts_are_not(client: TestClient) -> None:
    assert client.get("/api/today", headers={"sec-fetch-site": "cross-site"}).status_code == 200
    # A DNS-rebinding page reaches 127.0.0.1 under its own name: refused.
    rebound = client.get("/api/today", headers={"host": "attacker.example:8765"})
    assert rebound.status_code == 421


def test_pages_carry_a_strict_content_security_policy(client: TestClient) -> None:
    page = client.get("/settings")
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert page.headers["x-content-type-options"] == "nosniff"


def test_pages_see_writes_made_outside_the_app(client: TestClient, at_monday: None) -> None:
    """The CLI writes from another process while the app runs: the next page shows it."""
    from inwriting.clock import now
    from inwriting.services.applications import add_application
    from inwriting.store.repository import open_repository

    add(client, "Acme", "Engineer")
    assert client.get("/api/board").json()["total"] == 1  # computed, and kept
    with open_repository() as repo:
        add_application(repo, "Globex", "Manager", applied_on=None, now=now())
    assert client.get("/api/board").json()["total"] == 2
    assert client.get("/board").text.count("Globex") >= 1


def test_every_read_is_scoped_to_the_data_owner(client: TestClient, at_monday: None) -> None:
    """Another owner's app over the same database sees none of this owner's ledger."""
    from inwriting.web.app import create_app

    app_id = add(client)
    with TestClient(create_app(owner="someone-else"), base_url="http://127.0.0.1:8765") as other:
        assert other.get(f"/api/applications/{app_id}").status_code == 404
        assert other.get("/api/board").json()["total"] == 0
        assert other.get("/api/promises").json()["promises"] == []
        assert other.get("/api/today").json()["overdue"] == []
        statement = other.post(f"/api/applications/{app_id}/statements", json={"text": "Hi"})
        assert statement.status_code == 404


@pytest.mark.parametrize(
    ("path", "shows"),
    [
        ("/", "Overdue promises"),
        ("/board", "verbal offer — not yet an offer"),
        ("/promises", "How often each employer kept its word"),
        ("/stats", "Flow through the stages"),
        ("/settings", "Follow-up cadence"),
    ],
)
def test_every_page_renders(client: TestClient, at_monday: None, path: str, shows: str) -> None:
    add(client)
    page = client.get(path, headers={"accept": "text/html"})
    assert page.status_code == 200
    assert "text/html" in page.headers["content-type"]
    assert shows in page.text
    assert "https://" not in page.text.split("<body>")[0]  # nothing loaded from elsewhere


def test_application_page_shows_each_statement_with_its_reading(
    client: TestClient, at_monday: None
) -> None:
    app_id = add(client)
    client.post(
        f"/api/applications/{app_id}/statements",
        json={"text": "I look forward to working with you.", "channel": "in-person"},
    )
    page = client.get(f"/applications/{app_id}").text
    assert "I look forward to working with you." in page
    assert "enthusiasm — not an offer" in page


def test_reading_fragment_previews_what_is_typed(client: TestClient, at_monday: None) -> None:
    fragment = client.get(
        "/fragments/reading", params={"text": "The job is yours!", "channel": "phone"}
    )
    assert fragment.status_code == 200
    assert "verbal offer — not yet an offer" in fragment.text
    bad = client.get("/fragments/reading", params={"text": "hi", "said_at": "someday"})
    assert "not valid" in bad.text
