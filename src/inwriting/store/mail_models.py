"""Tables for reading the inbox: messages seen, their attachments, proposals, IMAP sync state.

A message is remembered by a `key`: the SHA-256 of its normalised Message-ID, or of its content
when it has none, so importing the same mail twice (from an mbox and again over IMAP) creates
nothing new. Passwords are never stored here: IMAP state holds the account, folder, UIDVALIDITY
and the last UID fetched, and nothing else.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from inwriting.store.models import LOCAL_OWNER, Base


class MailMessage(Base):
    """One email seen by an import or a sync, whatever became of it."""

    __tablename__ = "mail_messages"
    __table_args__ = (UniqueConstraint("owner", "key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner: Mapped[str] = mapped_column(String(64), default=LOCAL_OWNER, index=True)
    # sha256 hex of "mid:<message-id>" or, with no Message-ID, "body:<content hash>"
    key: Mapped[str] = mapped_column(String(64))
    message_id: Mapped[str | None] = mapped_column(Text, index=True)  # no angle brackets
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    in_reply_to: Mapped[str | None] = mapped_column(Text)
    reference_ids: Mapped[list[Any]] = mapped_column(default=list)  # the References header
    # Every id of the thread this message belongs to (its own, In-Reply-To, References), so a
    # later message can be matched to an application by any of them.
    thread_ids: Mapped[list[Any]] = mapped_column(default=list)
    source: Mapped[str] = mapped_column(Text)  # "file:/path/inbox.mbox", "imap:user@host/INBOX"
    sender: Mapped[str | None] = mapped_column(String(320))
    sender_name: Mapped[str | None] = mapped_column(String(200))
    recipients: Mapped[list[Any]] = mapped_column(default=list)
    subject: Mapped[str] = mapped_column(Text, default="")
    sent_at: Mapped[datetime]
    direction: Mapped[str] = mapped_column(String(8))  # "in" from others, "out" the user's own
    text: Mapped[str] = mapped_column(Text, default="")  # the new part: no quotes, no signature
    application_id: Mapped[int | None] = mapped_column(ForeignKey("applications.id"), index=True)
    company_id: Mapped[int | None] = mapped_column(ForeignKey("companies.id"))
    matched_by: Mapped[str | None] = mapped_column(String(32))  # thread | domain | name | user
    created_at: Mapped[datetime]

    attachments: Mapped[list[MailAttachment]] = relationship(
        back_populates="message", order_by="MailAttachment.id", cascade="all, delete-orphan"
    )
    proposals: Mapped[list[MailProposal]] = relationship(
        back_populates="message", order_by="MailProposal.id", cascade="all, delete-orphan"
    )


class MailAttachment(Base):
    """An attachment's metadata; a PDF's bytes and text are kept (an offer letter must be)."""

    __tablename__ = "mail_attachments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("mail_messages.id"), index=True)
    filename: Mapped[str | None] = mapped_column(Text)
    content_type: Mapped[str] = mapped_column(String(200))
    size: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64))
    # Kept in the database, not beside it, so a backup of the one file keeps the offer letter.
    content: Mapped[bytes | None] = mapped_column(LargeBinary)
    text: Mapped[str | None] = mapped_column(Text)  # extracted from a PDF, where possible

    message: Mapped[MailMessage] = relationship(back_populates="attachments")


class MailProposal(Base):
    """What a message suggests for the ledger, waiting for the user in `inwriting inbox`.

    `action` is one of: `statement` (record what the employer wrote, with the reader's kind),
    `new_application` (an application confirmation for a company with no application yet),
    `follow_up_sent` / `thank_you_sent` (the user's own mail), `unmatched` (no application found;
    the user corrects it with --application). `state`: pending, accepted, dismissed.
    """

    __tablename__ = "mail_proposals"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner: Mapped[str] = mapped_column(String(64), default=LOCAL_OWNER, index=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("mail_messages.id"), index=True)
    action: Mapped[str] = mapped_column(String(32))
    application_id: Mapped[int | None] = mapped_column(ForeignKey("applications.id"))
    company_name: Mapped[str | None] = mapped_column(String(200))
    role: Mapped[str | None] = mapped_column(String(200))
    kind: Mapped[str | None] = mapped_column(String(32))
    due: Mapped[date | None] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text, default="")  # what is read and quoted to the user
    explanation: Mapped[str] = mapped_column(Text, default="")
    reading: Mapped[dict[str, Any]] = mapped_column(default=dict)
    confident: Mapped[bool] = mapped_column(Boolean, default=False)
    state: Mapped[str] = mapped_column(String(16), default="pending", index=True)
    statement_id: Mapped[int | None] = mapped_column(ForeignKey("statements.id"))
    created_at: Mapped[datetime]
    resolved_at: Mapped[datetime | None]

    message: Mapped[MailMessage] = relationship(back_populates="proposals")


class ImapSyncState(Base):
    """Where the last sync of one folder stopped. A new UIDVALIDITY means start the folder over
    (already-seen messages are still recognised by their key)."""

    __tablename__ = "imap_sync_state"
    __table_args__ = (UniqueConstraint("owner", "account", "folder"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner: Mapped[str] = mapped_column(String(64), default=LOCAL_OWNER)
    account: Mapped[str] = mapped_column(String(320))  # user@host:port, never a password
    folder: Mapped[str] = mapped_column(String(500))
    uidvalidity: Mapped[int] = mapped_column(BigInteger)
    last_uid: Mapped[int] = mapped_column(BigInteger, default=0)
    updated_at: Mapped[datetime]
