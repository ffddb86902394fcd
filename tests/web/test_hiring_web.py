"""The hiring ledger in the web app: its JSON API on SQLite and PostgreSQL, its pages, and one
browser walk from a new opening to closing it."""

from __future__ import annotations

import re
from typing import Any

import pytest
from fastapi.testclient import TestClient

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

MONDAY = "2026-11-16T09:00:00+00:00"


@pytest.fixture
def at_monday(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INWRITING_NOW", MONDAY)


def _post(client: TestClient, path: str, body: dict[str, Any], status: int = 201) -> Any:
    response = client.post(path, json=body)
    assert response.status_code == status, response.text
    return response.json()


def _kitchen(client: TestClient) -> tuple[int, int, int]:
    """An opening in Saudi Arabia (Friday–Saturday weekend) with two candidates: Amal, who has
    only a phone, and Ben, who has an email. Returns (opening, amal, ben)."""
    opening = _post(
        client, "/api/hiring/openings", {"title": "Line cook", "team": "Kitchen", "country": "SA"}
    )
    amal = _post(
        client,
        f"/api/hiring/openings/{opening['id']}/candidates",
        {"name": "Amal Haddad", "phone": "+966 55 123 4567", "since": "2026-11-09"},
    )
    ben = _post(
        client,
        f"/api/hiring/openings/{opening['id']}/candidates",
        {"name": "Ben Ortiz", "email": "ben@example.com", "since": "2026-11-11"},
    )
    return opening["id"], amal["id"], ben["id"]


# --- the JSON API ---------------------------------------------------------------------------


def test_an_opening_with_candidates_and_promised_answers(
    client: TestClient, at_monday: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    opening_id, amal, ben = _kitchen(client)
    promised = _post(client, f"/api/hiring/candidates/{amal}/promises", {"by": "thursday"})
    assert promised["promised_by"] == "2026-11-19"
    assert promised["remind_on"] == "2026-11-18"
    _post(client, f"/api/hiring/candidates/{ben}/promises", {"by": "+4 business days"})

    detail = client.get(f"/api/hiring/openings/{opening_id}").json()
    assert detail["opening"]["calendar"] == "SA holidays, weekend fri,sat"
    rows = {c["name"]: c for c in detail["candidates"]}
    assert rows["Amal Haddad"]["prefers"] == "phone"  # no email: phone is how she hears
    assert rows["Ben Ortiz"]["waiting"]["promised_by"] == "2026-11-22"  # Sunday works in SA

    # Wednesday: Amal's answer is due soon, Ben's is not yet.
    monkeypatch.setenv("INWRITING_NOW", "2026-11-18T09:00:00+00:00")
    reminders = client.get("/api/hiring/reminders").json()
    assert [(r["name"], r["status"]) for r in reminders] == [("Amal Haddad", "due soon")]

    # The next Monday both are overdue; the report lists the longest waiting first.
    monkeypatch.setenv("INWRITING_NOW", "2026-11-23T09:00:00+00:00")
    report = client.get("/api/hiring/report").json()
    assert report["waiting"] == 2
    lines = report["openings"][0]["waiting"]
    assert [(w["name"], w["days_waiting"], w["days_past_promise"]) for w in lines] == [
        ("Amal Haddad", 14, 4),
        ("Ben Ortiz", 12, 1),
    ]
    assert lines[0]["status_label"] == "overdue, 4 days past the promised date"
    listed = client.get("/api/hiring/openings").json()
    assert [(o["title"], o["waiting"]) for o in listed["openings"]] == [("Line cook", 2)]


def test_drafts_come_in_the_preferred_channel_first(
    client: TestClient, at_monday: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, amal, ben = _kitchen(client)
    _post(client, f"/api/hiring/candidates/{amal}/promises", {"by": "2026-11-19"})
    monkeypatch.setenv("INWRITING_NOW", "2026-11-23T09:00:00+00:00")
    rejection = client.get(
        f"/api/hiring/candidates/{amal}/draft", params={"outcome": "rejected", "sender": "Rania"}
    ).json()
    assert [d["channel"] for d in rejection["drafts"]] == ["phone", "email"]
    assert rejection["drafts"][1]["note"] == (
        "no email address on file: send this as a letter, or phone"
    )
    assert "this answer is late. I am sorry." in rejection["drafts"][0]["body"]
    update = client.get(
        f"/api/hiring/candidates/{ben}/draft",
        params={"outcome": "update", "new_date": "2026-12-03", "reason": "the chef is away"},
    ).json()
    assert update["drafts"][0]["channel"] == "email"
    assert "we now expect to decide by Thursday 3 December" in update["drafts"][0]["body"]
    assert "The chef is away." in update["drafts"][0]["body"]
    # Drafting records nothing: Ben still has no date.
    assert client.get(f"/api/hiring/candidates/{ben}").json()["history"][-1]["kind"] == "added"


def test_answers_fill_and_the_guard_on_closing(client: TestClient, at_monday: None) -> None:
    opening_id, amal, ben = _kitchen(client)
    filled = _post(client, f"/api/hiring/openings/{opening_id}/fill", {"candidate": amal}, 200)
    assert filled["state"] == "filled"
    assert [w["name"] for w in filled["still_waiting"]] == ["Ben Ortiz"]

    refused = client.post(f"/api/hiring/openings/{opening_id}/close", json={})
    assert refused.status_code == 422
    assert refused.json()["detail"].startswith(
        "cannot close 'Line cook': 1 person still needs an answer (Ben Ortiz)"
    )

    update = _post(
        client,
        f"/api/hiring/candidates/{ben}/answers",
        {"outcome": "update", "new_date": "2026-11-26"},
    )
    assert update["promise"]["promised_by"] == "2026-11-26"
    _post(client, f"/api/hiring/candidates/{ben}/answers", {"outcome": "rejected"})
    again = client.post(f"/api/hiring/candidates/{ben}/answers", json={"outcome": "offer"})
    assert again.status_code == 422
    assert "already has an answer (rejected" in again.json()["detail"]

    closed = _post(client, f"/api/hiring/openings/{opening_id}/close", {}, 200)
    assert (closed["closed"], closed["hired"], closed["still_waiting"]) == (True, "Amal Haddad", [])
    history = client.get(f"/api/hiring/candidates/{ben}").json()["history"]
    assert [(h["kind"], h["old_date"], h["new_date"]) for h in history][1] == (
        "update",
        None,
        "2026-11-26",
    )


def test_a_forced_close_names_who_was_left(client: TestClient, at_monday: None) -> None:
    opening_id, _, _ = _kitchen(client)
    closed = _post(client, f"/api/hiring/openings/{opening_id}/close", {"force": True}, 200)
    assert closed["state"] == "cancelled"
    assert [w["name"] for w in closed["still_waiting"]] == ["Amal Haddad", "Ben Ortiz"]
    late = client.post(
        f"/api/hiring/openings/{opening_id}/candidates", json={"name": "Cy", "phone": "555 0100"}
    )
    assert late.status_code == 422
    assert "add candidates to an open opening" in late.json()["detail"]


@pytest.mark.parametrize(
    ("method", "path", "body", "message"),
    [
        ("get", "/api/hiring/openings/99", None, "there is no opening #99"),
        ("get", "/hiring/openings/99", None, "there is no opening #99"),
        ("post", "/api/hiring/openings/99/candidates", {"name": "A", "phone": "1"}, "no opening"),
        ("post", "/api/hiring/openings/99/close", {}, "there is no opening #99"),
        ("get", "/api/hiring/candidates/99", None, "there is no candidate #99"),
        ("post", "/api/hiring/candidates/99/promises", {"by": "friday"}, "no candidate #99"),
        ("get", "/api/hiring/candidates/99/draft?outcome=rejected", None, "no candidate #99"),
        ("post", "/api/hiring/candidates/99/answers", {"outcome": "rejected"}, "no candidate"),
        ("get", "/api/hiring/report?opening=99", None, "there is no opening #99"),
    ],
)
def test_unknown_openings_and_candidates_are_404(
    client: TestClient,
    at_monday: None,
    method: str,
    path: str,
    body: dict[str, Any] | None,
    message: str,
) -> None:
    response = client.request(method, path, json=body)
    assert response.status_code == 404
    assert message in response.json()["detail"]


def test_bad_input_is_422_with_a_plain_message(client: TestClient, at_monday: None) -> None:
    opening_id, amal, _ = _kitchen(client)

    def detail(path: str, body: dict[str, Any]) -> str:
        response = client.post(path, json=body)
        assert response.status_code == 422, response.text
        return str(response.json()["detail"])

    candidates = f"/api/hiring/openings/{opening_id}/candidates"
    assert detail("/api/hiring/openings", {"team": "Bar"}) == "title is required"
    assert detail("/api/hiring/openings", {"title": "Chef", "country": "XX"}).startswith("'XX'")
    assert detail(candidates, {"name": "Dee"}) == (
        "give --email or --phone (or both) so the candidate can get an answer"
    )
    assert detail(candidates, {"name": "Dee", "phone": "1", "since": "2026-11-31"}) == (
        "since: '2026-11-31' is not a date; use YYYY-MM-DD, e.g. 2026-11-23"
    )
    assert detail(candidates, {"name": "Dee", "phone": "1", "prefers": "pigeon"}).startswith(
        "prefers: 'pigeon' is not one of"
    )
    promises = f"/api/hiring/candidates/{amal}/promises"
    assert detail(promises, {"by": "someday"}).startswith("'someday' is not a date")
    assert detail(promises, {"by": "2026-11-02"}) == (
        "2026-11-02 is in the past (today is 2026-11-16); promise a date from today on"
    )
    answers = f"/api/hiring/candidates/{amal}/answers"
    assert detail(answers, {"outcome": "update"}).startswith("an update needs the date")
    assert detail(answers, {"outcome": "maybe"}).startswith("outcome: 'maybe' is not one of")
    draft = client.get(f"/api/hiring/candidates/{amal}/draft", params={"outcome": "update"})
    assert draft.status_code == 422
    assert draft.json()["detail"].startswith("an update needs the date")
    wrong = client.post(f"/api/hiring/openings/{opening_id}/fill", json={"candidate": "Amal"})
    assert wrong.status_code == 422
    assert wrong.json()["detail"] == "candidate: 'Amal' is not a whole number"


def test_filling_with_another_openings_candidate_is_refused(
    client: TestClient, at_monday: None
) -> None:
    opening_id, amal, _ = _kitchen(client)
    other = _post(client, "/api/hiring/openings", {"title": "Waiter"})
    response = client.post(f"/api/hiring/openings/{other['id']}/fill", json={"candidate": amal})
    assert response.status_code == 422
    assert response.json()["detail"] == (
        "Amal Haddad is a candidate for 'Line cook', not for 'Waiter'; "
        "choose one of this opening's candidates"
    )


@pytest.mark.parametrize(
    "headers", [{"origin": "https://evil.example"}, {"sec-fetch-site": "cross-site"}]
)
def test_cross_site_hiring_writes_are_refused(
    client: TestClient, at_monday: None, headers: dict[str, str]
) -> None:
    response = client.post("/api/hiring/openings", json={"title": "Line cook"}, headers=headers)
    assert response.status_code == 403
    assert "cannot change data" in response.json()["detail"]
    assert client.get("/api/hiring/openings").json()["openings"] == []


def test_hiring_is_scoped_to_the_data_owner(client: TestClient, at_monday: None) -> None:
    from inwriting.web.app import create_app

    opening_id, amal, _ = _kitchen(client)
    with TestClient(create_app(owner="someone-else"), base_url="http://127.0.0.1:8765") as other:
        assert other.get("/api/hiring/openings").json()["openings"] == []
        assert other.get(f"/api/hiring/openings/{opening_id}").status_code == 404
        answer = other.post(f"/api/hiring/candidates/{amal}/answers", json={"outcome": "rejected"})
        assert answer.status_code == 404
        assert other.get("/api/hiring/report").json()["waiting"] == 0


# --- the pages ------------------------------------------------------------------------------


def test_hiring_pages_render(
    client: TestClient, at_monday: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    opening_id, amal, _ = _kitchen(client)
    _post(client, f"/api/hiring/candidates/{amal}/promises", {"by": "2026-11-19"})
    monkeypatch.setenv("INWRITING_NOW", "2026-11-20T09:00:00+00:00")
    html = {"accept": "text/html"}
    listing = client.get("/hiring", headers=html)
    assert listing.status_code == 200
    assert "Answers due soon or overdue" in listing.text
    assert "overdue, 1 day past the promised date" in listing.text
    opening = client.get(f"/hiring/openings/{opening_id}", headers=html).text
    assert "phone +966 55 123 4567" in opening and "Ben Ortiz" in opening
    candidate = client.get(f"/hiring/candidates/{amal}", headers=html).text
    assert "Draft the answer" in candidate and "Promised an answer by Thu 19 Nov 2026" in candidate
    report = client.get("/hiring/report", headers=html).text
    assert "2 people still waiting for an answer" in report
    fragment = client.get(
        "/fragments/hiring/draft", params={"candidate_id": amal, "outcome": "rejected"}
    ).text
    assert fragment.index("Phone script") < fragment.index("Email")
    bad = client.get(
        "/fragments/hiring/draft", params={"candidate_id": amal, "outcome": "update"}
    ).text
    assert "an update needs the date now expected" in bad
    nav = client.get("/", headers=html).text
    assert 'href="/hiring"' in nav and 'href="/inbox"' in nav


# --- in a browser ---------------------------------------------------------------------------


@pytest.mark.browser
def test_from_a_new_opening_to_closing_it(page: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from playwright.sync_api import expect

    # GIVEN Monday 16 November, WHEN the manager adds an opening
    monkeypatch.setenv("INWRITING_NOW", MONDAY)
    page.goto("/hiring")
    page.get_by_label("Title", exact=True).fill("Line cook")
    page.locator("#op-team").fill("Kitchen")
    page.get_by_role("button", name="Add opening").click()
    expect(page.locator("h1")).to_contain_text("Line cook")

    # AND a candidate who has only a phone
    page.get_by_label("Name", exact=True).fill("Amal Haddad")
    page.locator("#cd-phone").fill("+966 55 123 4567")
    page.locator("#cd-since").fill("2026-11-09")
    page.get_by_role("button", name="Add candidate").click()
    candidates = page.locator("section[aria-labelledby=candidates-heading]")
    expect(candidates).to_contain_text("phone +966 55 123 4567")

    # AND promises her an answer by Thursday
    candidates.get_by_role("link", name="Amal Haddad").click()
    page.locator("#pr-by").fill("thursday")
    page.get_by_role("button", name="Record the promise").click()
    expect(page.locator("#answer-state")).to_contain_text("promised by Thu 19 Nov 2026")

    # WHEN the clock passes the date, THEN the closure report shows her overdue
    monkeypatch.setenv("INWRITING_NOW", "2026-11-23T09:00:00+00:00")
    page.goto("/hiring/report")
    row = page.get_by_role("row", name=re.compile("Amal Haddad"))
    expect(row).to_contain_text("overdue, 4 days past the promised date")
    expect(row.locator("td").nth(2)).to_have_text("14")

    # WHEN they draft a rejection, THEN the phone script comes first (she has no email)
    row.get_by_role("link", name="Amal Haddad").click()
    page.locator("#dr-outcome").select_option("rejected")
    page.get_by_role("button", name="Draft", exact=True).click()
    drafts = page.locator("#draft-out")
    expect(drafts.locator("h3").first).to_contain_text("Phone script")
    expect(drafts).to_contain_text("The decision is final.")
    expect(drafts).to_contain_text("no email address on file")

    # WHEN the answer is recorded, THEN she is no longer waiting
    page.locator("#an-outcome").select_option("rejected")
    page.get_by_role("button", name="Record the answer").click()
    expect(page.locator("#answer-state")).to_contain_text("told: not offered the job")

    # AND the opening can be closed (nobody waits), and is marked cancelled
    page.get_by_role("link", name="← Line cook").click()
    page.get_by_role("button", name="Close the opening").click()
    expect(page.locator("main")).to_contain_text("This opening is closed (cancelled")
    page.goto("/hiring/report")
    expect(page.locator("main")).to_contain_text("nobody is waiting for an answer")


@pytest.mark.browser
def test_closing_with_someone_waiting_shows_why_in_the_form(
    page: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from playwright.sync_api import expect

    monkeypatch.setenv("INWRITING_NOW", MONDAY)
    page.goto("/hiring")
    page.get_by_label("Title", exact=True).fill("Waiter")
    page.get_by_role("button", name="Add opening").click()
    page.get_by_label("Name", exact=True).fill("Ben Ortiz")
    page.locator("#cd-email").fill("ben@example.com")
    page.get_by_role("button", name="Add candidate").click()
    expect(page.locator("section[aria-labelledby=candidates-heading]")).to_contain_text("Ben")
    page.get_by_role("button", name="Close the opening").click()
    error = page.locator("form[aria-labelledby=close-heading] [data-error]")
    expect(error).to_contain_text("1 person still needs an answer (Ben Ortiz)")
    expect(error).to_be_focused()


@pytest.mark.browser
@pytest.mark.parametrize("width", [360, 640])
def test_hiring_pages_fit_narrow_screens_and_label_every_control(
    page: Any, width: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    from inwriting.clock import now
    from inwriting.services import hiring as service
    from inwriting.store.repository import open_repository

    monkeypatch.setenv("INWRITING_NOW", MONDAY)
    with open_repository() as repo:
        opening = service.add_opening(repo, "Line cook", team="Kitchen", now=now())
        candidate = service.add_candidate(
            repo, str(opening.id), "Amal Haddad", phone="+966 55 123 4567", now=now()
        )
        service.promise(repo, str(candidate.id), "friday", now=now())
        ids = (opening.id, candidate.id)
    page.set_viewport_size({"width": width, "height": 800})
    for path in ("/hiring", f"/hiring/openings/{ids[0]}", f"/hiring/candidates/{ids[1]}"):
        page.goto(path)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at {width}px"
        unlabeled = page.evaluate(
            """() => [...document.querySelectorAll('input, select, textarea, button')]
                .filter(el => el.type !== 'hidden')
                .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label')
                              && !(el.tagName === 'BUTTON' && el.textContent.trim()))
                .map(el => el.outerHTML)"""
        )
        assert unlabeled == [], path
