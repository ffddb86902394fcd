"""The real pages in headless Chromium: a person's path through the app, clock moving between steps.

Runs on SQLite (the server thread uses the test's INWRITING_HOME); the API tests cover PostgreSQL.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.filterwarnings("ignore::DeprecationWarning")]


def _expect() -> Any:
    from playwright.sync_api import expect

    return expect


def test_from_application_to_written_offer(page: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    expect = _expect()
    seen_hosts: set[str] = set()
    page.on(
        "request", lambda request: seen_hosts.add(re.sub(r"^(\w+://[^/]+).*", r"\1", request.url))
    )

    # GIVEN Wednesday 18 November, WHEN the user adds an application from the board
    monkeypatch.setenv("INWRITING_NOW", "2026-11-18T09:00:00+00:00")
    page.goto("/board")
    page.get_by_text("Add an application").click()
    page.locator("#new-company").fill("Acme Corp")
    page.locator("#new-role").fill("Senior Engineer")
    page.locator("#new-applied").fill("2026-11-10")
    page.get_by_role("button", name="Add application").click()
    # THEN its page opens, applied
    expect(page.locator("h1")).to_have_text("Acme Corp — Senior Engineer")
    expect(page.locator("#stage")).to_have_text("applied")

    # WHEN they log an interview
    page.get_by_label("When", exact=True).fill("2026-11-18T08:00")
    page.get_by_label("With whom").fill("Dana Reyes, HR Manager")
    page.get_by_role("button", name="Add interview").click()
    expect(page.locator("#stage")).to_have_text("interviewing")
    expect(page.locator(".timeline")).to_contain_text("with Dana Reyes (HR Manager)")

    # WHEN they type what was said, THEN the reading appears as they type
    page.locator("#st-channel").select_option("phone")
    page.get_by_label("What they said or wrote").fill("You'll have a decision on Monday.")
    preview = page.locator("#reading-preview")
    expect(preview).to_contain_text("promise")
    expect(preview).to_contain_text("due Mon 23 Nov 2026")
    page.get_by_role("button", name="Log statement").click()
    # THEN the promise appears with its due date, open
    promises = page.locator("section[aria-labelledby=promises-heading]")
    expect(promises).to_contain_text("due Mon 23 Nov 2026")
    expect(promises).to_contain_text("open")

    # WHEN the clock passes the due date, THEN Today shows it overdue
    monkeypatch.setenv("INWRITING_NOW", "2026-11-24T09:00:00+00:00")
    page.goto("/")
    overdue = page.locator("section[aria-labelledby=overdue-heading]")
    expect(overdue).to_contain_text("Acme Corp — Senior Engineer")
    expect(overdue).to_contain_text("1 day overdue")

    # WHEN the follow-up day comes, THEN the draft is one click away, and it can be marked sent
    monkeypatch.setenv("INWRITING_NOW", "2026-11-25T09:00:00+00:00")
    page.goto("/")
    follow_ups = page.locator("section[aria-labelledby=followups-heading]")
    follow_ups.get_by_text("Show the drafted email and phone script").click()
    expect(follow_ups.locator("pre.draft").first).to_be_visible()
    expect(follow_ups).to_contain_text("Phone script")
    follow_ups.get_by_role("button", name="Mark as sent").click()
    expect(page.locator("#toast")).to_have_text("Follow-up marked as sent.")
    expect(follow_ups).to_contain_text("No follow-up is due today.")

    # WHEN they log a verbal offer, THEN the stage says it is not yet an offer
    page.goto("/board")
    page.get_by_role("link", name=re.compile("Acme Corp")).click()
    page.locator("#st-channel").select_option("phone")
    page.get_by_label("What they said or wrote").fill("The job is yours!")
    expect(page.locator("#reading-preview")).to_contain_text("verbal offer — not yet an offer")
    page.get_by_role("button", name="Log statement").click()
    expect(page.locator("#stage")).to_have_text("verbal offer — not yet an offer")
    expect(page.locator(".notice.warn")).to_contain_text("not yet an offer")

    # WHEN the written offer is recorded, THEN — and only then — the stage is offer
    page.get_by_label("Salary").fill("92000")
    page.get_by_label("Currency").fill("USD")
    page.get_by_label("Start date").fill("2027-01-11")
    page.get_by_label("Contingencies").fill("background check")
    page.get_by_role("button", name="Record written offer").click()
    expect(page.locator("#stage")).to_have_text("offer (written)")
    checklist = page.locator("section[aria-labelledby=offer-heading]")
    expect(checklist).to_contain_text("Still missing")
    expect(checklist).to_contain_text("background check")

    # Everything came from this server: the app needs no network.
    assert len(seen_hosts) == 1, seen_hosts


def test_a_bad_date_shows_a_message_in_the_form(page: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    expect = _expect()
    monkeypatch.setenv("INWRITING_NOW", "2026-11-18T09:00:00+00:00")
    page.goto("/board")
    page.get_by_text("Add an application").click()
    page.locator("#new-company").fill("Acme Corp")
    page.locator("#new-role").fill("Engineer")
    page.locator("#new-applied").fill("2026-12-01")  # after today
    page.get_by_role("button", name="Add application").click()
    error = page.locator("[data-error]").first
    expect(error).to_have_text("--applied 2026-12-01 is in the future; give the day you applied")
    expect(error).to_be_focused()


def test_keyboard_skip_link_labels_and_theme(page: Any) -> None:
    expect = _expect()
    page.goto("/board")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to content")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    unlabeled = page.evaluate(
        """() => [...document.querySelectorAll('input, select, textarea, button')]
            .filter(el => el.type !== 'hidden')
            .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label')
                          && !(el.tagName === 'BUTTON' && el.textContent.trim()))
            .map(el => el.outerHTML)"""
    )
    assert unlabeled == []
    toggle = page.get_by_role("button", name=re.compile("theme"))
    toggle.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.documentElement.dataset.theme") in ("dark", "light")
    first = page.evaluate("document.documentElement.dataset.theme")
    page.reload()  # the choice is kept
    assert page.evaluate("document.documentElement.dataset.theme") == first


@pytest.mark.parametrize("width", [360, 640])  # a phone; a laptop at 200% zoom
def test_pages_fit_narrow_screens(page: Any, width: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INWRITING_NOW", "2026-11-18T09:00:00+00:00")
    page.set_viewport_size({"width": width, "height": 800})
    for path in ("/", "/board", "/promises", "/stats", "/settings"):
        page.goto(path)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at {width}px"


def test_stats_draws_the_sankey_offline(page: Any, demo: dict[str, int]) -> None:
    expect = _expect()
    page.goto("/stats")
    expect(page.locator("[data-chart=flow-data] svg")).to_be_visible()
    expect(page.locator("[data-chart=flow-data]")).to_contain_text("Written offer")


def test_board_search_and_filters_narrow_the_cards(page: Any, demo: dict[str, int]) -> None:
    expect = _expect()
    page.goto("/board")
    results = page.locator("#board-results")
    expect(results).to_contain_text("9 applications.")
    expect(results).to_contain_text("verbal offer — not yet an offer")
    page.get_by_label("Search", exact=True).fill("glob")
    expect(results).to_contain_text("1 application match.")
    expect(results.locator(".board-card")).to_have_count(1)
    assert "q=glob" in page.url  # the filtered board has its own address
    page.get_by_label("Search", exact=True).fill("")
    page.get_by_label("Source", exact=True).select_option("referral")
    expect(results.locator(".board-card")).to_have_count(3)


def test_what_did_they_mean_box_reads_as_you_type(page: Any) -> None:
    expect = _expect()
    page.goto("/")
    page.get_by_label("How", exact=True).select_option("phone")
    page.get_by_label("What they said or wrote").fill("We'd like to offer you the role.")
    expect(page.locator("#meaning-reading")).to_contain_text("verbal offer — not yet an offer")
    page.get_by_label("What they said or wrote").fill("I look forward to working with you.")
    expect(page.locator("#meaning-reading")).to_contain_text("enthusiasm — not an offer")
