"""Parsing one message: what a user would notice is right (names, dates, the new text, charsets),
and that no mutation of a message makes the parser crash."""

from __future__ import annotations

import contextlib
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mailworld import MESSAGES, offer_message, tiny_pdf

from inwriting.ingest.mail.parse import BadMessage, identify, message_key, parse
from inwriting.ingest.mail.text import html_to_text, strip_reply


def _read(name: str) -> bytes:
    return (MESSAGES / name).read_bytes()


def test_charsets_are_decoded_in_headers_and_bodies() -> None:
    german = parse(_read("15-mueller-latin1.eml"))
    assert german.sender_name == "Müller Maschinenbau"
    assert german.subject == "Ihre Bewerbung bei Müller"
    assert "vielen Dank für Ihre Bewerbung" in german.text
    japanese = parse(_read("18-yoyodyne-shift-jis.eml"))
    assert japanese.subject == "面接のご案内"
    assert "最終面接" in japanese.text
    russian = parse(_read("19-roga-koi8r.eml"))
    assert russian.subject == "Ваш отклик"
    assert "К сожалению" in russian.text


def test_windows_1252_labelled_as_latin_1_keeps_its_curly_quotes() -> None:
    mail = parse(_read("17-soylent-mislabeled.eml"))
    assert "It’s for the “salary talk”." in mail.text


def test_raw_8bit_headers_and_unknown_charsets_are_repaired() -> None:
    mail = parse(_read("30-broken-8bit-headers.eml"))
    assert mail.sender_name == "José Núñez"
    assert mail.subject == "Café chat — next steps"
    assert "We’ll call you tomorrow" in parse(_read("29-broken-unknown-charset.eml")).text


def test_quoted_replies_and_signatures_are_not_part_of_the_new_text() -> None:
    reply = parse(_read("03-acme-reschedule-quoted.eml"))
    assert "reschedule your interview" in reply.text
    assert "move forward with other candidates" not in reply.text
    assert "move forward with other candidates" in reply.body  # kept in the whole body
    html = parse(_read("02-acme-invitation-html.eml"))
    assert "final interview on Thursday at 3" in html.text
    assert "never hire you" not in html.text  # Gmail's quoted history
    rejection = parse(_read("04-acme-rejection.eml"))
    assert "confidential" not in rejection.text  # below the "-- " signature line


def test_html_becomes_readable_lines() -> None:
    text = html_to_text(
        "<html><head><style>p{color:red}</style><script>alert(1)</script></head><body>"
        "<p>We will <b>call</b>\nyou on Monday.</p><ul><li>one</li><li>two</li></ul></body></html>"
    )
    assert text.splitlines()[:3] == ["We will call you on Monday.", "one", "two"]
    assert "alert" not in text and "color" not in text


def test_reply_headers_in_other_languages_end_the_new_text() -> None:
    body = "Merci, à bientôt.\n\nLe lun. 16 nov. 2026 à 10:00, Sam <sam@example.com> a écrit :\n> x"
    assert strip_reply(body) == "Merci, à bientôt."


def test_thread_ids_and_dates() -> None:
    reply = parse(_read("03-acme-reschedule-quoted.eml"))
    assert reply.message_id == "CAF+priya-2212@acme.com"
    assert reply.in_reply_to == "CAF+priya-2211@acme.com"
    assert reply.thread_ids == ["CAF+priya-2212@acme.com", "CAF+priya-2211@acme.com"]
    assert reply.sent_at == datetime(2026, 11, 11, 21, 40, tzinfo=UTC)
    assert reply.sent_local.utcoffset() is not None
    assert reply.sent_local.hour == 16  # the sender's own clock, which the reader wants


def test_the_mailbox_date_stands_in_when_the_message_has_none() -> None:
    raw = _read("26-broken-no-date.eml")
    with pytest.raises(BadMessage, match="no date"):
        parse(raw)
    envelope = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
    assert parse(raw, fallback_date=envelope).sent_at == envelope


def test_a_pdf_attachment_is_kept_with_its_text_and_others_as_metadata() -> None:
    mail = parse(offer_message())
    (letter,) = mail.attachments
    assert letter.filename == "offer.pdf" and letter.content_type == "application/pdf"
    assert letter.content is not None and letter.text is not None
    assert "Product Manager" in letter.text
    broken = parse(_read("31-broken-base64.eml"))
    (blob,) = broken.attachments
    assert blob.filename == "data.bin" and blob.content is None


def test_a_damaged_pdf_is_kept_without_text() -> None:
    mail = parse(offer_message(tiny_pdf("x")[:60]))
    (letter,) = mail.attachments
    assert letter.content is not None and letter.text is None


def test_a_50_mb_attachment_goes_in_as_metadata() -> None:
    big = b"\x00\x01binary" * (50 * 1024 * 1024 // 8)
    from email.message import EmailMessage

    message = EmailMessage()
    message["From"] = "Dana <dana@umbrella-health.com>"
    message["Subject"] = "Our office video"
    message["Date"] = "Wed, 25 Nov 2026 10:00:00 -0500"
    message.set_content("Here is the video tour we promised.")
    message.add_attachment(big, maintype="video", subtype="mp4", filename="tour.mp4")
    mail = parse(bytes(message))
    (video,) = mail.attachments
    assert video.size == len(big) and video.content is None
    assert mail.text == "Here is the video tour we promised."


def test_the_same_message_has_one_identity_from_an_mbox_and_from_imap() -> None:
    raw = _read("05-initech-promise.eml")
    over_imap = raw.replace(b"\n", b"\r\n")
    assert identify(raw) == identify(over_imap)
    bare = b"From: a@acme.com\nDate: Mon, 16 Nov 2026 10:00:00 +0000\nSubject: hi\n\nbody\n"
    with_status = bare.replace(b"Subject", b"Status: RO\nSubject")
    assert message_key(*identify(bare)) == message_key(*identify(with_status))
    assert identify(bare)[0] is None


# --- never crashes ---------------------------------------------------------------------------

SEEDS = [p.read_bytes() for p in sorted(Path(MESSAGES).glob("*.eml"))] + [offer_message()]


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    """A corpus message cut, spliced, flipped or stuffed with junk."""
    raw = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 4))):
        action = draw(st.sampled_from(["cut", "flip", "insert", "delete", "header"]))
        at = draw(st.integers(0, max(len(raw) - 1, 0)))
        if action == "cut":
            raw = raw[:at]
        elif action == "flip" and raw:
            raw[at] = draw(st.integers(0, 255))
        elif action == "insert":
            raw[at:at] = draw(
                st.one_of(
                    st.binary(max_size=64),
                    st.sampled_from(
                        [
                            b"\n--boundary\n",
                            b"Content-Type: multipart/mixed; boundary=x\n",
                            b"=?utf-8?b?!!!?=",
                            b"=?bogus?q?=FF=FE?=",
                            b"Content-Transfer-Encoding: base64\n\n@@@",
                            b"Date: Mon, 99 Foo 99999 99:99:99 +9999\n",
                            b"\n\n\n" * 50,
                        ]
                    ),
                )
            )
        elif action == "delete":
            del raw[at : at + draw(st.integers(1, 200))]
        else:
            raw[0:0] = draw(st.sampled_from([b"From: \n", b"Subject: \xff\xfe\n", b"Date:\n"]))
    return bytes(raw)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutated_messages_never_crash_the_parser(raw: bytes) -> None:
    try:
        mail = parse(raw, fallback_date=datetime(2026, 11, 1, tzinfo=UTC))
    except BadMessage as error:
        assert str(error)  # a reason a user can read
        return
    assert isinstance(mail.text, str) and isinstance(mail.subject, str)
    assert mail.sent_at.tzinfo is not None
    assert len(mail.content_hash) == 64


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_at_all_never_crash_the_parser(raw: bytes) -> None:
    with contextlib.suppress(BadMessage):
        parse(raw)
