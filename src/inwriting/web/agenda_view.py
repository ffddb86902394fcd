"""The Today page: the agenda service's items, grouped for the page, with drafts one click away."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from inwriting.store.repository import Repository

# The agenda's lines end with the CLI command to run; on a page, the button is the command.
_CLI_HINT = re.compile(r";?\s*`inwriting [^`]*`")
# Each section lists its most pressing items; on a big search the rest are counted, not drafted.
SHOWN_PER_SECTION = 25
_SECTIONS = {
    "overdue_promise": "overdue",
    "follow_up": "follow_ups",
    "thank_you": "thank_yous",
    "request": "requests",
    "verbal_offer": "verbal_offers",
    "gone_quiet": "gone_quiet",
}


def page_text(text: str) -> str:
    """An agenda line without its CLI hint, e.g. '…; `inwriting followup 3`' → '…'."""
    cleaned = _CLI_HINT.sub("", text).strip()
    cleaned = cleaned.replace("record what you send with", "record what you send")
    return cleaned[:1].upper() + cleaned[1:]


def _draft(draft: Any) -> dict[str, str] | None:
    return draft.as_dict() if draft is not None else None


def today(repo: Repository, now: datetime) -> dict[str, Any]:
    """The agenda for `now`'s day: same items as `inwriting today`, grouped by section."""
    from inwriting.services.agenda import agenda
    from inwriting.services.followups import draft_follow_up, draft_thank_yous

    today_date = now.date()
    page: dict[str, Any] = {name: [] for name in _SECTIONS.values()}
    page["date"] = today_date.isoformat()
    page["health"] = {"text": "", "live": 0, "days_since_last_new": None, "warnings": []}
    page["more"] = {name: 0 for name in _SECTIONS.values()}
    thank_you_drafts: dict[int, list[Any]] = {}
    for item in agenda(repo, now):
        entry: dict[str, Any] = {
            "type": item.type,
            "application_id": item.application,
            "company": item.company,
            "role": item.role,
            "date": item.date.isoformat(),
            "reason": page_text(item.text),
        }
        if item.type == "pipeline":
            page["health"] = _health(repo, item.text, today_date)
            continue
        section = _SECTIONS.get(item.type)
        if section is None:
            continue
        if len(page[section]) >= SHOWN_PER_SECTION:
            page["more"][section] += 1
            continue
        if item.type == "overdue_promise":
            entry["days_over"] = (today_date - item.date).days
        elif item.type == "follow_up" and item.application is not None:
            application = repo.application(item.application)
            if application is not None:
                advice = draft_follow_up(repo, application, now)
                entry["draft"] = _draft(advice.draft)
        elif item.type == "thank_you" and item.application is not None:
            if item.application not in thank_you_drafts:
                application = repo.application(item.application)
                thank_you_drafts[item.application] = (
                    draft_thank_yous(repo, application, now) if application is not None else []
                )
            drafts = thank_you_drafts[item.application]
            entry["draft"] = _draft(drafts.pop(0)[1]) if drafts else None
        page[section].append(entry)
    return page


def _health(repo: Repository, text: str, today_date: Any) -> dict[str, Any]:
    """The pipeline line, with the two figures the page shows large."""
    from inwriting.domain.stages import LIVE_STAGES

    rows = repo.overview()
    live = sum(1 for r in rows if r.stage in LIVE_STAGES and not r.archived)
    applied = [r.applied_on for r in rows if r.applied_on is not None]
    last_new = max(applied) if applied else None
    sentence = page_text(text)
    warnings = [sentence] if "keep applying" in sentence or "apply somewhere" in sentence else []
    return {
        "text": sentence,
        "live": live,
        "days_since_last_new": (today_date - last_new).days if last_new else None,
        "last_new": last_new.isoformat() if last_new else None,
        "warnings": warnings,
    }


def gone_quiet_ids(repo: Repository, now: datetime) -> set[int]:
    """Applications the agenda reports as gone quiet today."""
    from inwriting.services.agenda import agenda

    return {
        item.application
        for item in agenda(repo, now)
        if item.type == "gone_quiet" and item.application is not None
    }
