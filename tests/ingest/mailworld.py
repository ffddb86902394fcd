"""The mail tests' world: the user, the clock, the ledger the corpus was written against, and a
hand-made PDF offer letter."""

from __future__ import annotations

from datetime import UTC, date, datetime
from email.message import EmailMessage
from pathlib import Path

MESSAGES = Path(__file__).parent / "messages"
NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
ME = "sam@example.com"
DOVECOT = "/usr/sbin/dovecot"

# The ledger the corpus was written against: (company, role, applied on, domains).
WORLD = [
    ("Acme Corp", "Backend Engineer", date(2026, 11, 1), ["acme.com"]),
    ("Initech", "Data Engineer", date(2026, 11, 5), []),
    ("Umbrella Health", "Product Manager", date(2026, 11, 2), ["umbrella-health.com"]),
    ("Hooli", "Software Engineer", date(2026, 11, 3), []),
    ("Vandelay Industries", "Sales Lead", date(2026, 11, 4), []),
    ("Stark Industries", "Engineer", date(2026, 11, 6), []),
    ("Müller Maschinenbau GmbH", "Ingenieur", date(2026, 11, 3), ["mueller-maschinenbau.de"]),
    ("Soylent", "Analyst", date(2026, 11, 9), []),
    ("Yoyodyne", "Engineer", date(2026, 11, 10), ["yoyodyne.co.jp"]),
    ("Roga i Kopyta", "Developer", date(2026, 11, 10), ["roga-kopyta.ru"]),
]


def tiny_pdf(text: str) -> bytes:
    """A one-page PDF whose text pypdf can extract, written by hand (no PDF writer needed)."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return bytes(out)


def offer_message(
    pdf: bytes | None = None, *, message_id: str = "umb-offer-1@umbrella-health.com"
) -> bytes:
    """Umbrella Health's written offer, with the letter attached as a PDF."""
    message = EmailMessage()
    message["From"] = "Dana Ruiz <dana.ruiz@umbrella-health.com>"
    message["To"] = ME
    message["Subject"] = "Your offer from Umbrella Health"
    message["Date"] = "Wed, 25 Nov 2026 10:00:00 -0500"
    message["Message-ID"] = f"<{message_id}>"
    message.set_content(
        "Hi Sam,\n\nWe are pleased to offer you the position of Product Manager with an annual "
        "salary of $120,000, starting January 4. Please find your offer letter attached; sign "
        "and return it by December 4.\n\nDana Ruiz\nUmbrella Health\n"
    )
    letter = (
        pdf if pdf is not None else tiny_pdf("Offer letter: Product Manager, salary 120000 USD")
    )
    message.add_attachment(letter, maintype="application", subtype="pdf", filename="offer.pdf")
    return bytes(message)
