"""Personal documents the user gave an employer, so they can ask for them back.

Public functions:

- `share_document(repo, application, document, *, on, now, notes="")` — record that a document
  (payslips, ID, references…) went to this employer on a day; an open request that asked for it
  is marked done.
- `complete_request(repo, application, what, *, now)` — mark an open request done by hand.
"""

from __future__ import annotations

from datetime import date, datetime

from inwriting.errors import UserError
from inwriting.store.models import Application, Request, SharedDocument
from inwriting.store.repository import Repository


def _stem(word: str) -> str:
    # "payslips" should match a request for "your last payslip".
    return word.lower().rstrip("s")


def _mentions(request: str, document: str) -> bool:
    wanted = [_stem(w) for w in document.split() if len(w) > 2]
    said = {_stem(w.strip(".,;:!?()'\"")) for w in request.split()}
    return bool(wanted) and all(w in said for w in wanted)


def share_document(
    repo: Repository,
    application: Application,
    document: str,
    *,
    on: date,
    now: datetime,
    notes: str = "",
) -> tuple[SharedDocument, list[Request]]:
    """Record a shared document; returns it and the requests it completed."""
    document = " ".join(document.split())
    if not document:
        raise UserError('name the document, e.g. payslips, "passport copy", references')
    if on > now.date():
        raise UserError(f"--on {on.isoformat()} is in the future; give the day you sent it")
    shared = repo.add(
        SharedDocument(application_id=application.id, document=document, shared_on=on, notes=notes)
    )
    done = []
    for request in repo.requests(application.id):
        if request.done_at is None and _mentions(request.what, document):
            request.done_at = now
            done.append(request)
    return shared, done


def complete_request(
    repo: Repository, application: Application, what: str, *, now: datetime
) -> Request:
    """Mark the open request whose text contains `what` as done."""
    wanted = what.strip().lower()
    open_ones = [r for r in repo.requests(application.id) if r.done_at is None]
    matches = [r for r in open_ones if wanted and wanted in r.what.lower()]
    if len(matches) != 1:
        listed = "; ".join(r.what for r in open_ones) or "none"
        problem = "matches several" if matches else "matches no"
        raise UserError(f"'{what}' {problem} open request; open: {listed}")
    matches[0].done_at = now
    return matches[0]
