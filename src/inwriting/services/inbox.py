"""The inbox: messages read into proposals, and the user's answers to them.

Import (`import_paths`, and `ingest_batch` for IMAP) remembers every message it reads, matches
it to an application, reads it with the reader and stores what it suggests as proposals. Nothing
reaches the ledger until the user accepts a proposal (`accept`, `accept_confident`), corrects it
(`correct`) or dismisses it (`dismiss`).

Transactions: messages are written in batches, one transaction per batch, each message inside
its own savepoint. A message that fails is rolled back alone and reported; a crash loses at
most the batch in flight, which the next import redoes, since nothing of it was committed and
every message already committed is recognised by its key.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from inwriting.domain.kinds import KINDS
from inwriting.errors import NotFound, UserError
from inwriting.ingest.mail import match as matching
from inwriting.ingest.mail.parse import BadMessage, ParsedMail, identify, message_key, parse
from inwriting.ingest.mail.propose import HIRING_KINDS, Proposal, propose
from inwriting.ingest.mail.sources import RawMessage, messages
from inwriting.store.mail_models import MailAttachment, MailMessage, MailProposal
from inwriting.store.models import Application, Company
from inwriting.store.repository import Repository, open_repository

BATCH_SIZE = 200
BATCH_BYTES = 16 * 1024 * 1024  # a batch of big messages is cut short
READ_CHARS = 4000  # what the reader is given of one message's new text
ACTIONS = ("statement", "new_application", "follow_up_sent", "thank_you_sent", "unmatched")


@dataclass
class Skipped:
    """A message that did not go in, and why."""

    origin: str
    reason: str


@dataclass
class ImportReport:
    """What an import or a sync did; printed by the CLI, as text or JSON."""

    read: int = 0
    added: int = 0
    already_seen: int = 0
    proposals: int = 0
    skipped: list[Skipped] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data["skipped"] = [dataclasses.asdict(s) for s in self.skipped]
        return data


# --- reading ---------------------------------------------------------------------------------


class _Reader:
    """The reader with each company's business calendar, cached for one import."""

    def __init__(self) -> None:
        from inwriting.language import read
        from inwriting.services.companies import calendar_settings

        self._read = read
        self._settings = calendar_settings()
        self._calendars: dict[int | None, Any] = {}

    def calendar(self, company: Company | None) -> Any:
        key = company.id if company is not None else None
        if key not in self._calendars:
            from inwriting.services.companies import calendar_for

            source: Any = company if company is not None else {}
            self._calendars[key] = calendar_for(source, self._settings)
        return self._calendars[key]

    def read(self, text: str, at: datetime, company: Company | None) -> Any:
        return self._read(text[:READ_CHARS], at, "email", calendar=self.calendar(company))

    def kind_of(self, company: Company | None, at: datetime) -> Callable[[str], str]:
        return lambda sentence: str(self.read(sentence, at, company).kind)


def _local_time(mail: ParsedMail, company: Company | None) -> datetime:
    """When the message was written, in the employer's time zone where the ledger knows it."""
    if company is not None and company.timezone:
        from zoneinfo import ZoneInfo

        try:
            return mail.sent_at.astimezone(ZoneInfo(company.timezone))
        except (KeyError, ValueError):
            pass
    return mail.sent_local


# --- import ----------------------------------------------------------------------------------


def load_directory(repo: Repository, me: Iterable[str] = ()) -> matching.Directory:
    """The user's companies and applications, as the matcher sees them."""
    companies = {
        c.id: matching.KnownCompany(id=c.id, name=c.name, domains=list(c.domains or []))
        for c in repo.session.scalars(select(Company).where(Company.owner == repo.owner))
    }
    rows = repo.session.execute(
        select(
            Application.id,
            Application.company_id,
            Application.role,
            Application.stage,
            Application.archived,
        ).where(Application.owner == repo.owner)
    )
    for row in rows:
        if row.company_id in companies:
            companies[row.company_id].applications.append(
                matching.KnownApplication(row.id, row.role, row.stage, row.archived, row.id)
            )
    return matching.Directory(list(companies.values()), frozenset(a.lower() for a in me))


def _thread_lookup(repo: Repository) -> Callable[[list[str]], int | None]:
    def lookup(ids: list[str]) -> int | None:
        return repo.session.scalar(
            select(MailMessage.application_id)
            .where(
                MailMessage.owner == repo.owner,
                MailMessage.message_id.in_(ids[-50:]),
                MailMessage.application_id.is_not(None),
            )
            .order_by(MailMessage.id.desc())
            .limit(1)
        )

    return lookup


def import_paths(
    paths: Sequence[Path],
    *,
    me: Iterable[str] = (),
    now: datetime,
    url: str | None = None,
    batch_size: int = BATCH_SIZE,
) -> ImportReport:
    """Import .eml files, mbox files and Maildir folders; one transaction per batch."""
    report = ImportReport()
    mine = [a.lower() for a in me]
    reader = _Reader()
    for path in paths:
        source = f"file:{path}"
        for batch in _batches(messages(path), batch_size):
            with open_repository(url) as repo:
                ingest_batch(
                    repo, batch, source=source, me=mine, now=now, report=report, reader=reader
                )
    return report


def _batches(items: Iterable[RawMessage], size: int) -> Iterator[list[RawMessage]]:
    """Batches of `size` messages, or fewer when they pass BATCH_BYTES: memory holds one batch,
    whatever the size of the mailbox."""
    batch: list[RawMessage] = []
    held = 0
    for item in items:
        batch.append(item)
        held += len(item.raw)
        if len(batch) >= size or held >= BATCH_BYTES:
            yield batch
            batch, held = [], 0
    if batch:
        yield batch


def ingest_batch(
    repo: Repository,
    batch: Sequence[RawMessage],
    *,
    source: str,
    me: Sequence[str],
    now: datetime,
    report: ImportReport,
    reader: Any | None = None,
) -> None:
    """Remember, match, read and propose for a batch of messages, inside the caller's
    transaction; each message in its own savepoint."""
    reader = reader or _Reader()
    identities: list[tuple[RawMessage, str, str | None, str]] = []
    for raw in batch:
        report.read += 1
        if raw.error:
            report.skipped.append(Skipped(raw.origin, raw.error))
            continue
        message_id, content_hash = identify(raw.raw)
        identities.append((raw, message_key(message_id, content_hash), message_id, content_hash))
    keys = [key for _, key, _, _ in identities]
    seen = set(
        repo.session.scalars(
            select(MailMessage.key).where(
                MailMessage.owner == repo.owner, MailMessage.key.in_(keys)
            )
        )
    )
    fresh = []
    for raw, key, _message_id, _hash in identities:
        if key in seen:
            report.already_seen += 1
        else:
            seen.add(key)  # the same message twice in one batch (a folder copy) counts once
            fresh.append((raw, key))
    if not fresh:
        return
    directory = load_directory(repo, me)
    companies = {
        c.id: c for c in repo.session.scalars(select(Company).where(Company.owner == repo.owner))
    }
    # Replies to messages earlier in this batch, not yet written, match through this map.
    batch_threads: dict[str, int] = {}
    in_db = _thread_lookup(repo)

    def lookup(ids: list[str]) -> int | None:
        for thread_id in ids:
            if thread_id in batch_threads:
                return batch_threads[thread_id]
        return in_db(ids)

    # Reading is pure and done first; a message that fails it never touches the database.
    prepared: list[tuple[RawMessage, MailMessage]] = []
    for raw, key in fresh:
        try:
            message = _prepare(raw, key, source, directory, companies, lookup, reader, me, now)
        except BadMessage as error:
            report.skipped.append(Skipped(raw.origin, str(error)))
            continue
        except Exception as error:  # a bug must not stop the rest of the mailbox
            reason = f"could not be read ({type(error).__name__}: {error})"
            report.skipped.append(Skipped(raw.origin, reason[:300]))
            continue
        message.owner = repo.owner
        for proposal in message.proposals:
            proposal.owner = repo.owner
        if message.application_id is not None:
            for thread_id in message.thread_ids:
                batch_threads.setdefault(thread_id, message.application_id)
        prepared.append((raw, message))
    # One insert for the batch; should the database refuse it, each message alone in its own
    # savepoint, so one bad row costs one message, never the batch.
    try:
        with repo.session.begin_nested():
            repo.session.add_all([message for _, message in prepared])
            repo.session.flush()
        written = prepared
    except Exception:
        written = []
        for raw, message in prepared:
            try:
                with repo.session.begin_nested():
                    repo.session.add(message)
                    repo.session.flush()
            except Exception as error:
                reason = f"could not be stored ({type(error).__name__})"
                report.skipped.append(Skipped(raw.origin, reason))
                continue
            written.append((raw, message))
    report.added += len(written)
    report.proposals += sum(len(message.proposals) for _, message in written)


def _prepare(
    raw: RawMessage,
    key: str,
    source: str,
    directory: matching.Directory,
    companies: dict[int, Company],
    lookup: Callable[[list[str]], int | None],
    reader: Any,
    me: Sequence[str],
    now: datetime,
) -> MailMessage:
    """Parse, match, read and propose for one message; nothing is written yet."""
    mail = parse(raw.raw, fallback_date=raw.fallback_date)
    outgoing = matching.is_outgoing(mail, me, raw.folder_sent)
    found = matching.match(mail, directory, outgoing=outgoing, thread_lookup=lookup)
    company = companies.get(found.company_id) if found.company_id is not None else None
    reading = None
    read_one = None
    if not outgoing:
        at = _local_time(mail, company)
        reading = reader.read(mail.text or mail.subject, at, company)
        read_one = reader.kind_of(company, at)
    proposals = propose(mail, found, reading, outgoing=outgoing, read_one=read_one)
    message = MailMessage(
        key=key,
        message_id=mail.message_id,
        content_hash=mail.content_hash,
        in_reply_to=mail.in_reply_to,
        reference_ids=mail.references,
        thread_ids=mail.thread_ids,
        source=source,
        sender=mail.sender,
        sender_name=mail.sender_name,
        recipients=mail.recipients,
        subject=mail.subject,
        sent_at=mail.sent_at,
        direction="out" if outgoing else "in",
        text=mail.text,
        application_id=found.application_id,
        company_id=found.company_id,
        matched_by=found.matched_by,
        created_at=now,
    )
    for attachment in mail.attachments:
        message.attachments.append(
            MailAttachment(
                filename=attachment.filename,
                content_type=attachment.content_type[:200],
                size=attachment.size,
                sha256=attachment.sha256,
                content=attachment.content,
                text=attachment.text,
            )
        )
    for proposal in proposals:
        message.proposals.append(_stored(proposal, found, now))
    return message


def _stored(proposal: Proposal, found: matching.Match, now: datetime) -> MailProposal:
    reading = proposal.reading or {}
    return MailProposal(
        action=proposal.action,
        application_id=found.application_id if proposal.action != "new_application" else None,
        company_name=(found.company_name or "")[:200] or None,
        role=(found.role or "")[:200] or None,
        kind=proposal.kind,
        due=proposal.due,
        text=proposal.text,
        explanation=proposal.explanation,
        reading=_jsonable(reading),
        confident=proposal.confident,
        state="pending",
        created_at=now,
    )


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, date | datetime):
        return value.isoformat()
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


# --- proposals -------------------------------------------------------------------------------


def pending(repo: Repository, *, include_done: bool = False) -> list[MailProposal]:
    """The proposals waiting for the user, oldest message first."""
    query = (
        select(MailProposal)
        .join(MailMessage, MailProposal.message_id == MailMessage.id)
        .where(MailProposal.owner == repo.owner)
        .order_by(MailMessage.sent_at, MailProposal.id)
    )
    if not include_done:
        query = query.where(MailProposal.state == "pending")
    return list(repo.session.scalars(query))


def proposal(repo: Repository, proposal_id: int) -> MailProposal:
    """One proposal by id; NotFound names the command that lists them."""
    found = repo.session.get(MailProposal, proposal_id)
    if found is None or found.owner != repo.owner:
        raise NotFound(f"there is no inbox proposal #{proposal_id}; `inwriting inbox` lists them")
    return found


def describe(repo: Repository, item: MailProposal) -> dict[str, Any]:
    """A proposal as `inbox` shows it, and as `inbox --json` prints it."""
    message = item.message
    company = item.company_name
    application = None
    if item.application_id is not None:
        found = repo.application(item.application_id)
        if found is not None:
            application = f"#{found.id} {found.company.name} — {found.role}"
            company = found.company.name
    return {
        "id": item.id,
        "action": item.action,
        "state": item.state,
        "company": company,
        "application_id": item.application_id,
        "application": application,
        "role": item.role,
        "kind": item.kind,
        "due": item.due.isoformat() if item.due else None,
        "quote": item.text,
        "explanation": item.explanation,
        "confident": item.confident,
        "subject": message.subject,
        "sender": message.sender,
        "sent_at": message.sent_at.isoformat() if message.sent_at else None,
        "summary": summary(item, company),
    }


def summary(item: MailProposal, company: str | None) -> str:
    """One line in the user's words: "Acme Corp, 'we went with another candidate' → rejected"."""
    who = company or "unknown company"
    quote = item.text if len(item.text) <= 120 else item.text[:117] + "…"
    if item.action == "new_application":
        role = f" ({item.role})" if item.role else ""
        return f"{who}, new application{role} from '{quote}' email"
    if item.action == "follow_up_sent":
        return f"{who}, your mail '{quote}' → follow-up sent"
    if item.action == "thank_you_sent":
        return f"{who}, your mail '{quote}' → thank-you sent"
    outcome = {
        "rejection": "rejected",
        "written_offer": "written offer",
        "verbal_offer": "verbal offer (not yet an offer)",
        "promise": "promise",
        "next_step": "next step",
        "request": "request for you",
        "enthusiasm": "enthusiasm (not a decision)",
        "delay": "delay",
        "other": "reply received",
    }.get(item.kind or "other", item.kind or "reply")
    if item.due is not None:
        outcome += f" due {item.due.strftime('%a')} {item.due.day} {item.due.strftime('%b')}"
    prefix = "no application matched: " if item.action == "unmatched" else ""
    return f"{prefix}{who}, '{quote}' → {outcome}"


def dismiss(repo: Repository, proposal_id: int, *, now: datetime) -> MailProposal:
    """The user says a proposal means nothing for the ledger."""
    item = proposal(repo, proposal_id)
    _check_pending(item)
    item.state = "dismissed"
    item.resolved_at = now
    return item


def correct(
    repo: Repository,
    proposal_id: int,
    *,
    now: datetime,
    kind: str | None = None,
    due: date | None = None,
    application: str | None = None,
) -> MailProposal:
    """The user corrects what a proposal says (its kind, due date or application) and accepts it."""
    from inwriting.services.applications import resolve_application

    item = proposal(repo, proposal_id)
    _check_pending(item)
    if kind is not None:
        if kind not in KINDS:
            raise UserError(f"--kind must be one of {', '.join(KINDS)}; got '{kind}'")
        item.kind = kind
        if item.action in ("unmatched", "new_application") and application is None:
            item.action = "statement" if item.application_id else item.action
    if due is not None:
        item.due = due
    if application is not None:
        target = resolve_application(repo, application)
        item.application_id = target.id
        item.company_name = target.company.name
        if item.action in ("unmatched", "new_application"):
            item.action = "statement"
        item.message.application_id = target.id
        item.message.company_id = target.company_id
        item.message.matched_by = "user"
    if item.action == "statement" and item.kind is None:
        item.kind = "other"
    return apply(repo, item, now=now)


def accept(repo: Repository, ids: Iterable[int], *, now: datetime) -> list[MailProposal]:
    """Apply the proposals the user accepts, as they are."""
    return [apply(repo, proposal(repo, i), now=now) for i in ids]


def accept_confident(
    repo: Repository, *, now: datetime
) -> tuple[list[MailProposal], list[tuple[MailProposal, str]]]:
    """Apply every pending proposal the reader and the matcher are both sure of.

    Each is applied in its own savepoint: one the ledger refuses (a duplicate application, say)
    stays pending with its reason, and the others go in. Returns (applied, refused)."""
    done: list[MailProposal] = []
    refused: list[tuple[MailProposal, str]] = []
    for item in pending(repo):
        if not item.confident or item.state != "pending" or item.action == "unmatched":
            continue
        try:
            with repo.session.begin_nested():
                done.append(apply(repo, item, now=now))
        except UserError as error:
            repo.session.expire(item)
            refused.append((item, str(error)))
    return done, refused


def _check_pending(item: MailProposal) -> None:
    if item.state != "pending":
        raise UserError(f"inbox proposal #{item.id} is already {item.state}")


def _application_of(repo: Repository, item: MailProposal) -> Application:
    if item.application_id is None:
        raise UserError(
            f"inbox proposal #{item.id} matches no application; choose one with "
            f"`inwriting inbox correct {item.id} --application NAME`"
        )
    found = repo.application(item.application_id)
    if found is None:
        raise NotFound(f"the application of inbox proposal #{item.id} no longer exists")
    return found


def source_of(message: MailMessage) -> str:
    """The `source` of what a message becomes: "mail:<message-id>" (or its content hash)."""
    return f"mail:{message.message_id}" if message.message_id else f"mail:sha256:{message.key}"


def apply(repo: Repository, item: MailProposal, *, now: datetime) -> MailProposal:
    """Write what a proposal says into the ledger, with the message as its source."""
    _check_pending(item)
    message = item.message
    if item.action == "new_application":
        _apply_new_application(repo, item, now)
    elif item.action in ("follow_up_sent", "thank_you_sent"):
        application = _application_of(repo, item)
        from inwriting.ingest.mail import ledger

        ledger.own_mail(repo, application, message, item.action, source_of(message), now=now)
    else:
        application = _application_of(repo, item)
        from inwriting.ingest.mail import ledger

        statement_id = ledger.employer_mail(
            repo,
            application,
            message,
            kind=item.kind or "other",
            due=item.due,
            source=source_of(message),
            now=now,
        )
        item.statement_id = statement_id
        remember_domain(application.company, message.sender)
    item.state = "accepted"
    item.resolved_at = now
    repo.flush()
    return item


def _apply_new_application(repo: Repository, item: MailProposal, now: datetime) -> None:
    from inwriting.services.applications import add_application

    message = item.message
    name = item.company_name
    if not name:
        raise UserError(
            f"inbox proposal #{item.id} does not say which company; add the application with "
            "`inwriting add` and then `inwriting inbox correct "
            f"{item.id} --application NAME`"
        )
    application, _notes = add_application(
        repo,
        name,
        item.role or "role not stated",
        applied_on=min(message.sent_at.date(), now.date()),
        now=now,
        source="email",
    )
    company = application.company
    remember_domain(company, message.sender)
    item.application_id = application.id
    message.application_id = application.id
    message.company_id = company.id
    rematch_waiting(repo, company, application, exclude=item.id)
    if item.kind in HIRING_KINDS:
        # The confirmation also said something ("we will get back to you by Friday").
        from inwriting.ingest.mail import ledger

        item.statement_id = ledger.employer_mail(
            repo,
            application,
            message,
            kind=item.kind,
            due=item.due,
            source=source_of(message),
            now=now,
        )


def remember_domain(company: Company, sender: str | None) -> None:
    """Add the sender's domain to the company's (not a platform's or a mailbox provider's), so
    the next message from it matches by domain."""
    domain = matching.domain_of(sender)
    if not domain or matching.is_ats(domain) or matching.is_personal(domain):
        return
    known = [d.lower() for d in company.domains or []]
    if not any(domain == d or domain.endswith("." + d) for d in known):
        company.domains = [*(company.domains or []), domain]


def rematch_waiting(
    repo: Repository, company: Company, application: Application, exclude: int | None = None
) -> int:
    """Unmatched proposals about a company that now has an application are given it."""
    count = 0
    key = matching.company_key(company.name)
    waiting = repo.session.scalars(
        select(MailProposal).where(
            MailProposal.owner == repo.owner,
            MailProposal.state == "pending",
            MailProposal.action.in_(("unmatched", "new_application")),
            MailProposal.id != (exclude or 0),
        )
    )
    domains = [d.lower() for d in company.domains or []]
    for other in waiting:
        sender_domain = matching.domain_of(other.message.sender) or ""
        same_name = other.company_name and matching.company_key(other.company_name) == key
        same_domain = any(sender_domain == d or sender_domain.endswith("." + d) for d in domains)
        if not (same_name or same_domain):
            continue
        other.application_id = application.id
        other.company_name = company.name
        other.message.application_id = application.id
        other.message.company_id = company.id
        other.action = "statement"
        other.kind = other.kind or "other"
        count += 1
    return count


# --- IMAP ------------------------------------------------------------------------------------


@dataclass
class SyncReport(ImportReport):
    """An import report plus where each folder stands, and whether the connection was lost."""

    folders: dict[str, int] = field(default_factory=dict)  # folder -> last UID now stored
    interrupted: str | None = None


def sync_imap(
    mailbox: Any,
    *,
    account: str,
    folders: Sequence[str],
    me: Iterable[str] = (),
    now: datetime,
    url: str | None = None,
    batch_size: int = 50,
) -> SyncReport:
    """Fetch what is new in each folder since the last sync and read it in.

    Each batch is fetched first, then written with the folder's new last UID in one transaction,
    so a connection lost mid-fetch leaves the folder exactly at the last committed batch and the
    next sync resumes there. A new UIDVALIDITY (the server renumbered the folder) starts the
    folder over; messages already read are recognised by their key and not duplicated.
    """
    from inwriting.ingest.mail.imap import CONNECTION_ERRORS, ConnectionLost
    from inwriting.ingest.mail.parse import MAX_MESSAGE_BYTES

    lost: tuple[type[BaseException], ...] = (*CONNECTION_ERRORS, ConnectionLost)
    report = SyncReport()
    mine = [a.lower() for a in me]
    reader = _Reader()
    try:
        for folder in folders:
            uidvalidity = mailbox.examine(folder)
            with open_repository(url) as repo:
                state = _sync_state(repo, account, folder)
                last_uid = state.last_uid if state and state.uidvalidity == uidvalidity else 0
            uids = mailbox.uids_after(last_uid)
            sent = "sent" in folder.lower()
            source = f"imap:{account}/{folder}"
            for start in range(0, len(uids), batch_size):
                chunk = uids[start : start + batch_size]
                sizes = mailbox.sizes(chunk)
                wanted = [u for u in chunk if sizes.get(u, 0) <= MAX_MESSAGE_BYTES]
                batch = [
                    RawMessage(b"", f"{folder} UID {u}", error=f"too large: {sizes[u]} bytes")
                    for u in chunk
                    if u not in wanted
                ]
                for fetched in mailbox.fetch(wanted) if wanted else []:
                    batch.append(
                        RawMessage(
                            fetched.raw,
                            f"{folder} UID {fetched.uid}",
                            fallback_date=fetched.internal_date,
                            folder_sent=sent,
                        )
                    )
                with open_repository(url) as repo:
                    ingest_batch(
                        repo, batch, source=source, me=mine, now=now, report=report, reader=reader
                    )
                    _save_state(repo, account, folder, uidvalidity, chunk[-1], now)
                report.folders[folder] = chunk[-1]
            report.folders.setdefault(folder, last_uid)
    except lost as error:
        report.interrupted = (
            f"the connection to the IMAP server was lost ({type(error).__name__}); "
            "what was fetched before is saved; run the same sync again to resume"
        )
    return report


def _sync_state(repo: Repository, account: str, folder: str) -> Any:
    from inwriting.store.mail_models import ImapSyncState

    return repo.session.scalar(
        select(ImapSyncState).where(
            ImapSyncState.owner == repo.owner,
            ImapSyncState.account == account,
            ImapSyncState.folder == folder,
        )
    )


def _save_state(
    repo: Repository, account: str, folder: str, uidvalidity: int, last_uid: int, now: datetime
) -> None:
    from inwriting.store.mail_models import ImapSyncState

    state = _sync_state(repo, account, folder)
    if state is None:
        state = ImapSyncState(owner=repo.owner, account=account, folder=folder)
        repo.session.add(state)
    state.uidvalidity = uidvalidity
    state.last_uid = last_uid
    state.updated_at = now
