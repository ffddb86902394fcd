"""Written offers, their checklist, and the resign check.

Public functions:

- `record_offer(repo, application, terms, *, now)` — a written offer with its terms; the only
  thing that moves an application to `offer`. Keeps the promise to send it.
- `meet_contingency(repo, application, name, *, now)` — a condition of the offer was cleared.
- `checklist(offer)` — what a careful person checks in an offer and is not stated yet.
- `resign_check(repo)` — safe only with an accepted written offer and no open contingency;
  otherwise says exactly what is missing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from inwriting.domain.promises import ANSWER, NEXT_STEP, WRITTEN_OFFER
from inwriting.errors import UserError
from inwriting.store.models import Application, Contingency, Offer, OfferBenefit
from inwriting.store.repository import Repository

PERIODS = ("year", "month", "hour")


@dataclass
class OfferTerms:
    """The terms of a written offer as the user typed them."""

    title: str | None = None
    salary: Decimal | None = None
    currency: str | None = None
    salary_period: str | None = None
    start_on: date | None = None
    expires_on: date | None = None
    benefits: Sequence[str] = ()  # "health insurance: employee pays 0"
    contingencies: Sequence[str] = ()
    signed_by: str | None = None
    document: str | None = None

    def is_empty(self) -> bool:
        return not any(
            (
                self.title,
                self.salary is not None,
                self.start_on,
                self.expires_on,
                self.benefits,
                self.contingencies,
                self.signed_by,
                self.document,
            )
        )


def parse_benefit(text: str) -> tuple[str, str | None]:
    """'health insurance: employee pays 0' → ('health insurance', 'employee pays 0')."""
    name, sep, cost = text.partition(":")
    name = " ".join(name.split())
    if not name:
        raise UserError(
            '--benefit needs a name, e.g. --benefit "health insurance: employee pays 0"'
        )
    return name, (" ".join(cost.split()) or None) if sep else None


def record_offer(
    repo: Repository, application: Application, terms: OfferTerms, *, now: datetime
) -> Offer:
    """Record a written offer and move the application to `offer`."""
    from inwriting.services.applications import record_event
    from inwriting.services.promises import keep_answered

    if terms.is_empty():
        raise UserError(
            "a written offer needs its terms: give at least one of --salary, --start, "
            "--benefit, --contingency, --signed-by, --document"
        )
    if application.stage in ("declined", "withdrawn"):
        raise UserError(f"this application has ended ({application.stage}); nothing to record")
    if terms.salary is not None and terms.salary < 0:
        raise UserError("--salary cannot be negative")
    currency = terms.currency.strip().upper() if terms.currency else None
    if currency is not None and (len(currency) != 3 or not currency.isalpha()):
        raise UserError(f"'{terms.currency}' is not a currency code; use e.g. USD, EUR, SAR")
    period = terms.salary_period.strip().lower() if terms.salary_period else None
    if period is not None and period not in PERIODS:
        raise UserError(f"unknown pay period '{terms.salary_period}'; use {', '.join(PERIODS)}")
    offer = repo.add(
        Offer(
            application_id=application.id,
            received_at=now,
            title=terms.title or application.role,
            salary=terms.salary,
            currency=currency,
            salary_period=period or ("year" if terms.salary is not None else None),
            start_on=terms.start_on,
            expires_on=terms.expires_on,
            signed_by=terms.signed_by,
            document=terms.document,
            notes="",
        )
    )
    for raw in terms.benefits:
        name, cost = parse_benefit(raw)
        repo.add(OfferBenefit(offer_id=offer.id, name=name, employee_cost=cost))
    for raw in terms.contingencies:
        name = " ".join(raw.split())
        if name:
            repo.add(Contingency(offer_id=offer.id, name=name, met_at=None))
    keep_answered(repo, application, at=now, kinds=(WRITTEN_OFFER, ANSWER))
    # The offer ends the rounds: a planned next step is moot, not broken.
    for promise in repo.promises(application.id, state="open"):
        if promise.kind == NEXT_STEP and promise.made_at <= now:
            promise.state = "withdrawn"
            promise.resolved_at = now
    record_event(
        repo, application, "written_offer", at=now, now=now, details={"offer_id": offer.id}
    )
    repo.session.refresh(offer)
    return offer


def latest_offer(repo: Repository, application: Application) -> Offer | None:
    offers = repo.offers(application.id)
    return offers[-1] if offers else None


def meet_contingency(
    repo: Repository, application: Application, name: str, *, now: datetime
) -> Contingency:
    """Mark a contingency of the latest offer as met (by any unambiguous prefix of its name)."""
    offer = latest_offer(repo, application)
    if offer is None:
        raise UserError("there is no written offer yet; record it with `inwriting offer`")
    wanted = name.strip().lower()
    open_ones = [c for c in offer.contingencies if c.met_at is None]
    matches = [c for c in open_ones if c.name.lower() == wanted] or [
        c for c in open_ones if c.name.lower().startswith(wanted)
    ]
    if len(matches) != 1:
        listed = ", ".join(c.name for c in open_ones) or "none"
        problem = "matches several" if matches else "matches no"
        raise UserError(f"'{name}' {problem} open contingency; open: {listed}")
    matches[0].met_at = now
    return matches[0]


def checklist(offer: Offer) -> list[str]:
    """What the offer does not say yet: each item is worth asking for in writing."""
    missing = []
    if offer.salary is None:
        missing.append("salary")
    elif offer.currency is None:
        missing.append("currency of the salary")
    if offer.start_on is None:
        missing.append("start date")
    if offer.expires_on is None:
        missing.append("when the offer expires")
    if not offer.benefits:
        missing.append("benefits (health insurance, leave) and what each costs you")
    for benefit in offer.benefits:
        if benefit.employee_cost is None:
            missing.append(f"what {benefit.name} costs you")
    if offer.signed_by is None:
        missing.append("who signed it")
    if offer.document is None:
        missing.append("the letter or email itself (--document)")
    return missing


@dataclass
class ResignCheck:
    """The verdict for someone about to quit their job."""

    safe: bool
    missing: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    offer: dict[str, Any] | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "safe": self.safe,
            "missing": self.missing,
            "warnings": self.warnings,
            "offer": self.offer,
        }


def resign_check(repo: Repository) -> ResignCheck:
    """Safe only when an accepted written offer has no open contingency.

    Everything short of that is listed: no accepted offer (with what there is instead: verbal
    offers, written offers not accepted yet), and each open contingency. Unstated terms (a
    benefit's cost, who signed) are warnings: worth settling before resigning, not blockers.
    """
    accepted = repo.accepted_offers()
    candidates = []
    for offer in accepted:
        open_ones = [c.name for c in offer.contingencies if c.met_at is None]
        candidates.append((offer, open_ones))
    clear = [(o, c) for o, c in candidates if not c]
    if clear:
        offer = clear[0][0]
        app = offer.application
        warnings = [f"{app.company.name}: not stated yet: {item}" for item in checklist(offer)]
        return ResignCheck(True, [], warnings, _offer_summary(offer))
    missing: list[str] = []
    if candidates:
        for offer, open_ones in candidates:
            name = offer.application.company.name
            for contingency in open_ones:
                missing.append(
                    f"{name}: contingency '{contingency}' is still open; when it clears, "
                    f"record it with `inwriting offer {offer.application_id} --met {contingency}`"
                )
        return ResignCheck(False, missing, [], _offer_summary(candidates[0][0]))
    missing.append("no accepted written offer")
    for row in repo.overview():
        if row.stage == "offer":
            missing.append(
                f"{row.company}: a written offer is not accepted yet (`inwriting accept {row.id}`)"
            )
        elif row.stage == "verbal_offer":
            missing.append(f"{row.company}: verbal offer — not yet an offer; ask for it in writing")
    return ResignCheck(False, missing)


def _offer_summary(offer: Offer) -> dict[str, Any]:
    app = offer.application
    return {
        "application": app.id,
        "company": app.company.name,
        "role": app.role,
        "salary": str(offer.salary) if offer.salary is not None else None,
        "currency": offer.currency,
        "start_on": offer.start_on.isoformat() if offer.start_on else None,
        "signed_by": offer.signed_by,
        "open_contingencies": [c.name for c in offer.contingencies if c.met_at is None],
    }
