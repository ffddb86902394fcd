"""What each page shows, as plain JSON-ready dicts: the API returns them, the templates render them.

Every figure comes from the services (or, where a service has no such read, a read-only query in
`web.queries`); this module only selects, groups and orders for display. One function per page,
so a page and its API route can never disagree.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, datetime, timedelta
from statistics import median
from typing import Any

from inwriting.domain.promises import effective_state
from inwriting.domain.stages import CLOSED_STAGES, LIVE_STAGES, STAGES, label
from inwriting.errors import NotFound
from inwriting.store.models import Application, Offer
from inwriting.store.repository import Repository
from inwriting.web import queries

BOARD_CARDS_PER_COLUMN = 20
PROMISES_SHOWN = 300
FOLLOW_THROUGH_SHOWN = 25
# Stages always shown as board columns; endings appear once something reached them.
BOARD_CORE = ("interested", "applied", "screening", "interviewing", "verbal_offer", "offer")

EVENT_TITLES = {
    "applied": "Applied",
    "screen": "Screening call",
    "interview": "Interview",
    "rescheduled": "Rescheduled",
    "request": "They asked for something",
    "verbal_offer": "Verbal offer — not yet an offer",
    "written_offer": "Written offer recorded",
    "accepted": "You accepted the offer",
    "declined": "You declined",
    "rejected": "They said no",
    "rescinded": "Offer rescinded",
    "withdrawn": "You withdrew",
    "reply_received": "They replied",
    "follow_up_sent": "You followed up",
    "thank_you_sent": "You sent a thank-you note",
}
PROMISE_STATE_LABELS = {
    "open": "open",
    "broken": "overdue",
    "kept": "kept",
    "superseded": "superseded",
    "withdrawn": "withdrawn",
}


def iso(value: date | datetime | None) -> str | None:
    """ISO 8601 text for a date or instant, None stays None."""
    return value.isoformat() if value is not None else None


def application_or_404(repo: Repository, application_id: int) -> Application:
    """The owner's application with this id, or NotFound (a 404 in the API)."""
    application = repo.application(application_id)
    if application is None:
        raise NotFound(f"there is no application #{application_id}; the board lists them all")
    return application


def _contact_types() -> tuple[str, ...]:
    from inwriting.services.applications import CONTACT_EVENT_TYPES

    return tuple(CONTACT_EVENT_TYPES)


def last_contacts(repo: Repository) -> dict[int, datetime]:
    """application id → the last time the employer was in touch (a statement or contact event)."""
    latest = dict(repo.last_statement_times())
    for app_id, _type, at in repo.event_times(_contact_types()):
        if app_id not in latest or at > latest[app_id]:
            latest[app_id] = at
    return latest


def _gone_quiet_ids(repo: Repository, now: datetime) -> set[int]:
    """Applications the follow-up cadence has marked gone quiet (from the agenda service)."""
    from inwriting.web import agenda_view

    return agenda_view.gone_quiet_ids(repo, now)


# --- board ----------------------------------------------------------------------------------


def board(
    repo: Repository,
    now: datetime,
    *,
    stage: str | None = None,
    company: str | None = None,
    source: str | None = None,
    q: str | None = None,
) -> dict[str, Any]:
    """Applications grouped by stage, each card with its last contact and next date."""
    rows = [row for row in repo.overview() if not row.archived]
    sources = queries.application_sources(repo)
    contacts = last_contacts(repo)
    quiet = _gone_quiet_ids(repo, now)
    next_dates: dict[int, tuple[date, str]] = {}
    for row in repo.open_promise_rows():
        app_id, due = row.application_id, row.due
        if app_id not in next_dates or due < next_dates[app_id][0]:
            next_dates[app_id] = (due, "promise due")
    for app_id, event_type, at in repo.event_times(("interview", "screen")):
        if at >= now and (app_id not in next_dates or at.date() < next_dates[app_id][0]):
            next_dates[app_id] = (at.date(), "screen" if event_type == "screen" else "interview")

    needle = (q or "").strip().lower()
    today = now.date()
    cards_by_stage: dict[str, list[dict[str, Any]]] = defaultdict(list)
    total = 0
    for row in rows:
        shown_stage = (
            "gone_quiet" if row.id in quiet and row.stage not in CLOSED_STAGES else row.stage
        )
        if stage and shown_stage != stage:
            continue
        if company and row.company != company:
            continue
        if source and sources.get(row.id) != source:
            continue
        if needle and needle not in f"{row.company} {row.role}".lower():
            continue
        total += 1
        contact = contacts.get(row.id)
        upcoming = next_dates.get(row.id)
        cards_by_stage[shown_stage].append(
            {
                "application_id": row.id,
                "company": row.company,
                "role": row.role,
                "stage": shown_stage,
                "source": sources.get(row.id),
                "applied_on": iso(row.applied_on),
                "last_contact_at": iso(contact),
                "days_since_contact": (today - contact.date()).days if contact else None,
                "next_date": iso(upcoming[0]) if upcoming else None,
                "next_what": upcoming[1] if upcoming else None,
            }
        )
    order = [*STAGES[:6], "gone_quiet", *STAGES[6:]]
    columns = []
    for name in order:
        cards = cards_by_stage.get(name, [])
        if not cards and name not in BOARD_CORE and name != stage:
            continue
        cards.sort(key=lambda c: (c["next_date"] or "9999", -c["application_id"]))
        columns.append(
            {
                "stage": name,
                "label": label(name),
                "count": len(cards),
                "cards": cards[:BOARD_CARDS_PER_COLUMN],
                "more": max(0, len(cards) - BOARD_CARDS_PER_COLUMN),
            }
        )
    return {
        "total": total,
        "filtered": bool(stage or company or source or needle),
        "filters": {"stage": stage, "company": company, "source": source, "q": q},
        "choices": {
            "stages": order,
            "companies": sorted({row.company for row in rows}, key=str.lower),
            "sources": sorted({s for s in sources.values() if s}, key=str.lower),
        },
        "columns": columns,
    }


# --- one application ------------------------------------------------------------------------


def _people(details: dict[str, Any]) -> str:
    people = details.get("with") or []
    names = [p.get("name", "") + (f" ({p['title']})" if p.get("title") else "") for p in people]
    return ", ".join(n for n in names if n)


def _event_detail(event: dict[str, Any]) -> str:
    details = event.get("details") or {}
    parts = []
    if details.get("format"):
        parts.append(str(details["format"]))
    people = _people(details)
    if people:
        parts.append(f"with {people}")
    for key in ("note", "channel"):
        if details.get(key):
            parts.append(str(details[key]))
    return " · ".join(parts)


def _at_label(value: str | None) -> str:
    from inwriting.web.rendering import format_datetime

    return format_datetime(datetime.fromisoformat(value)) if value else ""


def offer_checklist(offer: Offer) -> dict[str, Any]:
    """An offer's stated terms (ticked) and what it does not say yet (from the offers service)."""
    from inwriting.services.offers import checklist

    items: list[dict[str, Any]] = []
    if offer.salary is not None:
        per = f" per {offer.salary_period}" if offer.salary_period else ""
        items.append({"label": f"Salary: {offer.salary:,} {offer.currency or ''}{per}", "ok": True})
    if offer.start_on:
        items.append({"label": f"Start date: {offer.start_on.isoformat()}", "ok": True})
    if offer.expires_on:
        items.append({"label": f"Expires: {offer.expires_on.isoformat()}", "ok": True})
    for benefit in offer.benefits:
        if benefit.employee_cost is not None:
            items.append({"label": f"{benefit.name}: {benefit.employee_cost}", "ok": True})
    if offer.signed_by:
        items.append({"label": f"Signed by {offer.signed_by}", "ok": True})
    if offer.document:
        items.append({"label": f"Document: {offer.document}", "ok": True})
    missing = checklist(offer)
    items.extend({"label": f"Not stated: {item}", "ok": False} for item in missing)
    open_conditions = []
    for contingency in offer.contingencies:
        met = contingency.met_at is not None
        items.append(
            {"label": f"Contingency: {contingency.name} — {'met' if met else 'open'}", "ok": met}
        )
        if not met:
            open_conditions.append(f"{contingency.name} (a condition still open)")
    return {
        "id": offer.id,
        "received_at": iso(offer.received_at),
        "title": offer.title,
        "checklist": items,
        "missing": [*missing, *open_conditions],
    }


def application(repo: Repository, application_id: int, now: datetime) -> dict[str, Any]:
    """The whole story of one application: timeline, promises, offer checklist, documents."""
    from inwriting.services.applications import describe

    app = application_or_404(repo, application_id)
    told = describe(repo, app, now)
    statements = {s["id"]: s for s in told["statements"]}
    attached: set[int] = set()
    timeline: list[dict[str, Any]] = []
    for event in told["events"]:
        entry: dict[str, Any] = {
            "at": event["at"],
            "type": event["type"],
            "title": EVENT_TITLES.get(event["type"], event["type"].replace("_", " ")),
            "detail": _event_detail(event),
            "statement": None,
        }
        statement_id = event.get("statement_id")
        if statement_id in statements and statement_id not in attached:
            entry["statement"] = statements[statement_id]
            attached.add(statement_id)
        timeline.append(entry)
    for statement in told["statements"]:
        if statement["id"] in attached:
            continue
        timeline.append(
            {
                "at": statement["said_at"],
                "type": "statement",
                "title": "They said"
                if statement["channel"] not in ("email", "letter")
                else "They wrote",
                "detail": "",
                "statement": statement,
            }
        )
    timeline.sort(key=lambda e: e["at"] or "")
    for entry in timeline:
        entry["at_label"] = _at_label(entry["at"])
    promises = [
        {**p, "state_label": PROMISE_STATE_LABELS.get(p["state"], p["state"])}
        for p in told["promises"]
    ]
    next_step = None
    if told.get("gone_quiet"):
        next_step = "Gone quiet: they have not answered your follow-ups. Time to move on."
    elif told.get("next_follow_up"):
        follow = told["next_follow_up"]
        from inwriting.web.rendering import format_date

        next_step = f"Next follow-up: {format_date(follow['on'])} — {follow['reason']}"
    stage = "gone_quiet" if told.get("gone_quiet") and app.stage not in CLOSED_STAGES else app.stage
    return {
        "application": {
            "id": app.id,
            "company": told["company"],
            "role": told["role"],
            "stage": stage,
            "stage_label": label(stage),
            "source": told["source"],
            "url": told["url"],
            "applied_on": told["applied_on"],
            "calendar": told["calendar"],
        },
        "next": next_step,
        "timeline": timeline,
        "promises": promises,
        "offers": [offer_checklist(o) for o in repo.offers(app.id)],
        "requests": [{**r, "done": r["done_at"] is not None} for r in told["requests"]],
        "documents": told["shared_documents"],
    }


# --- promises -------------------------------------------------------------------------------


def follow_through(repo: Repository, now: datetime) -> list[dict[str, Any]]:
    """Per employer with promises: kept on time, broken, open (companies service), most first."""
    from inwriting.services.companies import company_report

    rows = []
    for figures in company_report(repo, now):
        if figures.promises == 0:
            continue
        settled = figures.kept + figures.broken
        row = figures.as_dict()
        row["kept_share"] = round(100 * figures.kept / settled) if settled else None
        rows.append(row)
    rows.sort(key=lambda r: (-r["promises"], r["company"].lower()))
    return rows


def promise_ledger(repo: Repository, now: datetime, *, state: str | None = None) -> dict[str, Any]:
    """Every promise across the search with its state today, and per-employer follow-through."""
    today = now.date()
    counts: Counter[str] = Counter()
    shown = []
    for row in queries.all_promises(repo):
        current = effective_state(row.state, row.due, today)
        counts[current] += 1
        if state and current != state:
            continue
        shown.append(
            {
                "id": row.id,
                "application_id": row.application_id,
                "company": row.company,
                "role": row.role,
                "what": row.what,
                "kind": row.kind,
                "due": iso(row.due),
                "due_source": row.due_source,
                "state": current,
                "state_label": PROMISE_STATE_LABELS.get(current, current),
                "days_overdue": (today - row.due).days if current == "broken" else 0,
                "made_at": iso(row.made_at),
                "resolved_at": iso(row.resolved_at),
            }
        )
    # The most pressing first: overdue (longest first), then open by due date, then the rest.
    rank = {"broken": 0, "open": 1, "kept": 2, "superseded": 3, "withdrawn": 4}
    shown.sort(key=lambda p: (rank.get(p["state"], 5), -p["days_overdue"], p["due"]))
    return {
        "state": state,
        "counts": dict(counts),
        "shown_count": len(shown),
        "promises": shown[:PROMISES_SHOWN],
        "follow_through": follow_through(repo, now),
    }


# --- stats ----------------------------------------------------------------------------------

FLOW_COLORS = {
    "Applied": "#5b8fb9",
    "Screening": "#6aa3c8",
    "Interviews": "#4f7cac",
    "Written offer": "#3f8f5a",
    "Verbal offer (not yet an offer)": "#c7922f",
    "Rejected": "#b8474c",
    "Withdrawn or declined": "#8a8f96",
    "Gone quiet": "#a67c52",
    "Still waiting": "#9aa5b1",
}


def _outcome(stage: str, quiet: bool) -> str:
    if stage in ("offer", "accepted"):
        return "Written offer"
    if stage == "verbal_offer":
        return "Verbal offer (not yet an offer)"
    if stage == "rejected":
        return "Rejected"
    if stage in ("withdrawn", "declined"):
        return "Withdrawn or declined"
    return "Gone quiet" if quiet else "Still waiting"


def flow(repo: Repository, now: datetime) -> dict[str, Any]:
    """The Sankey flow: applied → screening → interviews → where each application ended up."""
    stages = {row.id: row.stage for row in repo.overview()}
    quiet = _gone_quiet_ids(repo, now)
    seen: dict[int, set[str]] = defaultdict(set)
    for row in queries.event_type_rows(repo):
        seen[row.application_id].add(row.type)
    links: Counter[tuple[str, str]] = Counter()
    for app_id, stage in stages.items():
        types = seen.get(app_id, set())
        if "applied" not in types and stage == "interested":
            continue  # never applied: not part of the flow
        path = ["Applied"]
        if "screen" in types:
            path.append("Screening")
        if types & {"interview", "rescheduled"}:
            path.append("Interviews")
        path.append(_outcome(stage, app_id in quiet))
        for source, target in zip(path, path[1:], strict=False):
            links[(source, target)] += 1
    names = [n for n in FLOW_COLORS if any(n in pair for pair in links)]
    return {
        "type": "sankey",
        "nodes": [{"name": n, "color": FLOW_COLORS[n]} for n in names],
        "links": [{"source": s, "target": t, "value": v} for (s, t), v in links.items()],
    }


RESPONSE_BUCKETS = ((2, "0–2 days"), (7, "3–7 days"), (14, "8–14 days"), (30, "15–30 days"))


def response_times(repo: Repository) -> dict[str, Any]:
    """Days from applying to the employer's first word, per application, as a histogram."""
    applied: dict[int, datetime] = {}
    for app_id, _type, at in repo.event_times(("applied",)):
        applied.setdefault(app_id, at)
    first: dict[int, datetime] = {}
    for app_id, _type, at in repo.event_times(_contact_types()):
        if app_id in applied and at >= applied[app_id] and app_id not in first:
            first[app_id] = at
    for app_id, at in repo.statement_times():
        if (
            app_id in applied
            and at >= applied[app_id]
            and (app_id not in first or at < first[app_id])
        ):
            first[app_id] = at
    days = [(first[a] - applied[a]).days for a in first]
    counts = [0] * (len(RESPONSE_BUCKETS) + 1)
    for value in days:
        for index, (limit, _label) in enumerate(RESPONSE_BUCKETS):
            if value <= limit:
                counts[index] += 1
                break
        else:
            counts[-1] += 1
    labels = [text for _limit, text in RESPONSE_BUCKETS] + ["over 30 days"]
    return {
        "median_days": float(median(days)) if days else None,
        "answered": len(days),
        "unanswered": len(applied) - len(days),
        "chart": {
            "type": "bar",
            "name": "first answers",
            "unit": "applications",
            "labels": [*labels, "no answer yet"],
            "values": [*counts, len(applied) - len(days)],
        },
    }


def applications_per_week(repo: Repository, now: datetime, weeks: int = 26) -> dict[str, Any]:
    """How many applications went out in each of the last `weeks` weeks (Monday to Sunday)."""
    this_monday = now.date() - timedelta(days=now.date().weekday())
    first_monday = this_monday - timedelta(weeks=weeks - 1)
    counts: Counter[date] = Counter()
    for row in repo.overview():
        if row.applied_on is None:
            continue
        monday = row.applied_on - timedelta(days=row.applied_on.weekday())
        if monday >= first_monday:
            counts[monday] += 1
    mondays = [first_monday + timedelta(weeks=i) for i in range(weeks)]
    return {
        "type": "bar",
        "name": "applications",
        "unit": "applications",
        "labels": [m.isoformat() for m in mondays],
        "values": [counts[m] for m in mondays],
    }


def stats(repo: Repository, now: datetime) -> dict[str, Any]:
    """Everything the Stats page draws."""
    rows = repo.overview()
    response = response_times(repo)
    return {
        "totals": {
            "applications": sum(1 for r in rows if r.stage != "interested"),
            "live": sum(1 for r in rows if r.stage in LIVE_STAGES),
            "offers": sum(1 for r in rows if r.stage in ("offer", "accepted")),
        },
        "flow_chart": flow(repo, now),
        "response": {k: v for k, v in response.items() if k != "chart"},
        "response_chart": response["chart"],
        "weekly_chart": applications_per_week(repo, now),
        "follow_through": follow_through(repo, now),
    }


# --- the reader -----------------------------------------------------------------------------


def reading(
    repo: Repository,
    text: str,
    *,
    at: datetime,
    channel: str | None,
    application_id: int | None = None,
) -> dict[str, Any]:
    """What a statement means, read on the employer's calendar when an application is given."""
    from inwriting.language import read
    from inwriting.services.companies import calendar_for, calendar_settings
    from inwriting.services.statements import check_channel

    channel = check_channel(channel)
    settings = calendar_settings()
    if application_id is not None:
        app = application_or_404(repo, application_id)
        calendar = calendar_for(app.company, settings)
    else:
        calendar = calendar_for({"country": None, "subdivision": None, "weekend": None}, settings)
    result = read(text, at, channel, calendar=calendar).to_json()
    return {"text": text, "at": iso(at), "channel": channel, **result}


# --- settings -------------------------------------------------------------------------------

CADENCE_LABELS = {
    "thank_you_within": "Thank-you note within",
    "after_due": "Follow up this many days after a dated promise is due",
    "no_date_answer_within": "No date given: expect an answer within",
    "min_gap": "Never two follow-ups closer than",
    "max_unanswered": "At most this many unanswered follow-ups",
    "gone_quiet_after": "Gone quiet this many days after the last one",
}


def settings() -> dict[str, Any]:
    """The settings in force and where the data lives."""
    from dataclasses import asdict

    from inwriting import config, paths
    from inwriting.domain.calendar import DEFAULT_WEEKEND, format_weekend
    from inwriting.services.companies import calendar_settings
    from inwriting.store.db import _safe

    calendar = calendar_settings()
    policy = asdict(config.follow_up_policy())
    weekend = calendar.weekend or format_weekend(DEFAULT_WEEKEND)
    return {
        "calendar": {
            "country": calendar.country,
            "weekend": weekend,
            "weekend_label": weekend.replace(",", "–").title()
            + ("" if calendar.weekend else " (the default)"),
            "holidays": list(calendar.holidays),
        },
        "cadence": [
            {"key": key, "label": CADENCE_LABELS.get(key, key), "value": value}
            for key, value in policy.items()
        ],
        "data": {
            "home": str(paths.home()),
            "database": _safe(paths.database_url()),
            "config_file": str(paths.config_file()),
            "config_exists": paths.config_file().exists(),
        },
        "backups": _recent_backups(),
    }


def _recent_backups() -> list[str]:
    """The newest backups the Settings page wrote (in the data directory's backups folder)."""
    from inwriting import paths

    folder = paths.home() / "backups"
    if not folder.is_dir():
        return []
    return [str(p) for p in sorted(folder.glob("inwriting-*.db"))[-5:]]
