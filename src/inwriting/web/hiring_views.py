"""What the hiring pages show, as JSON-ready dicts built from `services.hiring`.

The API returns these dicts and the templates render them, so a page and its route agree. Every
figure (days waiting, days past the promised date, due soon or overdue) comes from the service;
this module only picks the opening or candidate asked for and joins the service's answers.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from inwriting.domain import hiring as rules
from inwriting.errors import NotFound
from inwriting.services import hiring as service
from inwriting.store.hiring_models import Candidate, Opening
from inwriting.store.repository import Repository

# Labels for what a candidate was finally told (None: still waiting).
OUTCOME_LABELS = {
    "rejected": "told: not offered the job",
    "offer": "told: offered the job",
    "hired": "hired",
    "withdrew": "withdrew",
}
# The badge colour of each answer status on the pages (see app.css .badge.*).
STATUS_CLASSES = {
    rules.OVERDUE: "bad",
    rules.DUE_TODAY: "warn",
    rules.DUE_SOON: "warn",
    rules.PROMISED: "info",
    rules.NO_DATE: "",
}


def opening_or_404(repo: Repository, opening_id: int) -> Opening:
    """The owner's opening with this id, or NotFound worded for the web (a 404)."""
    try:
        return service.find_opening(repo, str(opening_id))
    except NotFound:
        raise NotFound(
            f"there is no opening #{opening_id}; the Hiring page lists them all"
        ) from None


def candidate_or_404(repo: Repository, candidate_id: int) -> Candidate:
    """The owner's candidate with this id, or NotFound worded for the web (a 404)."""
    try:
        return service.find_candidate(repo, str(candidate_id))
    except NotFound:
        raise NotFound(
            f"there is no candidate #{candidate_id}; each opening's page lists its candidates"
        ) from None


def _where_it_stands(line: dict[str, Any]) -> str:
    """'overdue, 4 days past the promised date', 'due today', … in the page's words."""
    status = str(line["status"])
    if status == rules.OVERDUE:
        days = int(line["days_past_promise"])
        return f"overdue, {days} day{'s' if days != 1 else ''} past the promised date"
    return status


def _with_status(line: dict[str, Any]) -> dict[str, Any]:
    return {
        **line,
        "status_label": _where_it_stands(line),
        "status_class": STATUS_CLASSES.get(str(line["status"]), ""),
    }


def _summary_of(repo: Repository, opening: Opening) -> dict[str, Any]:
    summary = next(s for s in service.list_openings(repo) if s.opening.id == opening.id)
    return {**summary.to_json(), "calendar": service.describe_calendar(opening)}


def openings(repo: Repository, now: datetime) -> dict[str, Any]:
    """The Hiring page: every opening with its counts, and the answers due soon or overdue."""
    summaries = service.list_openings(repo)
    reminders = [_with_status(w.to_json()) for w in service.reminders(repo, now)]
    return {
        "today": now.date().isoformat(),
        "openings": [
            {**s.to_json(), "calendar": service.describe_calendar(s.opening)} for s in summaries
        ],
        "reminders": reminders,
        "waiting": sum(s.waiting for s in summaries),
    }


def reminders(repo: Repository, now: datetime) -> list[dict[str, Any]]:
    """Answers overdue, due today or due soon, earliest promised date first."""
    return [_with_status(w.to_json()) for w in service.reminders(repo, now)]


def report(repo: Repository, now: datetime, opening_id: int | None = None) -> dict[str, Any]:
    """The closure report: everyone still waiting, per opening, oldest first."""
    ref = None
    if opening_id is not None:
        ref = str(opening_or_404(repo, opening_id).id)
    reports = service.closure_report(repo, now, ref)
    rows = []
    for r in reports:
        data = r.to_json()
        data["waiting"] = [_with_status(w) for w in data["waiting"]]
        rows.append(data)
    return {
        "today": now.date().isoformat(),
        "opening": opening_id,
        "waiting": sum(len(r["waiting"]) for r in rows),
        "openings": rows,
    }


def opening(repo: Repository, opening_id: int, now: datetime) -> dict[str, Any]:
    """One opening: its counts and calendar, and every candidate with where their answer stands."""
    found = opening_or_404(repo, opening_id)
    waiting: dict[int, dict[str, Any]] = {}
    for r in service.closure_report(repo, now, str(found.id)):
        for w in r.waiting:
            waiting[w.candidate.id] = _with_status(w.to_json())
    candidates = []
    for c in service.list_candidates(repo, str(found.id)):
        row = service.candidate_to_json(c)
        row["waiting"] = waiting.get(c.id)
        row["outcome_label"] = OUTCOME_LABELS.get(c.outcome or "", c.outcome)
        candidates.append(row)
    return {
        "opening": _summary_of(repo, found),
        "candidates": candidates,
        "waiting": [row for row in candidates if row["waiting"] is not None],
    }


def candidate(repo: Repository, candidate_id: int, now: datetime) -> dict[str, Any]:
    """One candidate: how to reach them, where their answer stands, and what they were told."""
    found = candidate_or_404(repo, candidate_id)
    _, entries = service.history(repo, str(found.id))
    line = None
    for r in service.closure_report(repo, now, str(found.opening_id)):
        for w in r.waiting:
            if w.candidate.id == found.id:
                line = _with_status(w.to_json())
    return {
        "candidate": {
            **service.candidate_to_json(found),
            "outcome_label": OUTCOME_LABELS.get(found.outcome or "", found.outcome),
        },
        "opening": _summary_of(repo, found.opening),
        "waiting": line,
        "history": [service.log_to_json(e) for e in entries],
    }
