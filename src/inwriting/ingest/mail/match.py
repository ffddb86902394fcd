"""Which application a message belongs to: by thread, by the company's domain, by its name.

Pure functions over a `Directory` (a snapshot of the user's companies and applications), so the
rules are testable without a database. Applicant-tracking systems send on behalf of companies
from their own domains ("Acme via Greenhouse <no-reply@greenhouse.io>"): their domains never
identify a company; the company is found in the display name, the Reply-To, the ATS tenant name
(acme.bamboohr.com, acme@myworkday.com), the subject and the body instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from inwriting.ingest.mail.parse import ParsedMail

# Recruiting platforms that send mail on behalf of employers.
ATS_DOMAINS = frozenset(
    [
        "greenhouse.io",
        "greenhouse-mail.io",
        "lever.co",
        "hire.lever.co",
        "myworkday.com",
        "myworkdayjobs.com",
        "workday.com",
        "smartrecruiters.com",
        "smartrecruiters-mail.com",
        "ashbyhq.com",
        "icims.com",
        "jobvite.com",
        "taleo.net",
        "successfactors.com",
        "successfactors.eu",
        "sapsf.com",
        "bamboohr.com",
        "workable.com",
        "workablemail.com",
        "recruitee.com",
        "recruiteemail.com",
        "teamtailor.com",
        "teamtailor-mail.com",
        "personio.de",
        "personio.com",
        "jazzhr.com",
        "applytojob.com",
        "breezy.hr",
        "recruiterbox.com",
        "pinpointhq.com",
        "comeet.co",
        "comeet.com",
        "oracle.com",
        "taleo.com",
        "linkedin.com",
        "indeed.com",
        "indeedemail.com",
        "glassdoor.com",
        "ziprecruiter.com",
        "hired.com",
        "wellfound.com",
        "angel.co",
        "otta.com",
        "join.com",
        "stepstone.de",
        "xing.com",
        "hh.ru",
        "rikunabi.com",
        "doda.jp",
    ]
)
# Mailbox providers: a sender there is a person, never a company's domain.
PERSONAL_DOMAINS = frozenset(
    [
        "gmail.com",
        "googlemail.com",
        "outlook.com",
        "hotmail.com",
        "live.com",
        "msn.com",
        "yahoo.com",
        "yahoo.co.uk",
        "yahoo.co.jp",
        "icloud.com",
        "me.com",
        "mac.com",
        "aol.com",
        "proton.me",
        "protonmail.com",
        "pm.me",
        "gmx.de",
        "gmx.net",
        "gmx.com",
        "web.de",
        "mail.ru",
        "yandex.ru",
        "yandex.com",
        "qq.com",
        "163.com",
        "126.com",
        "fastmail.com",
        "zoho.com",
        "hey.com",
        "tutanota.com",
        "mail.com",
    ]
)
_LEGAL_SUFFIXES = frozenset(
    [
        "inc",
        "inc.",
        "corp",
        "corp.",
        "corporation",
        "llc",
        "ltd",
        "ltd.",
        "limited",
        "gmbh",
        "ag",
        "sa",
        "s.a.",
        "co",
        "co.",
        "company",
        "plc",
        "group",
        "bv",
        "b.v.",
        "nv",
        "oy",
        "ab",
        "as",
        "kk",
        "k.k.",
        "srl",
        "spa",
        "pty",
    ]
)
# Words around a company's name in an ATS display name: "Acme Hiring Team", "Talent at Acme".
_DISPLAY_NOISE = re.compile(
    r"\b(?:via|on behalf of|no-?reply|do-?not-?reply|hiring team|recruiting team|recruiting|"
    r"recruitment|careers?|talent acquisition|talent team|talent|people team|people ops|hr team|"
    r"jobs|notifications?|team|hr|at|@)\b",
    re.IGNORECASE,
)
CONFIRMATION = re.compile(
    r"thank(?:s| you) for (?:applying|your application|your interest in (?:joining|working))|"
    r"(?:we(?:'ve| have)?|has been) received your application|application (?:was |has been )?"
    r"(?:received|submitted)|your application (?:to|for|at|with) .{1,80}? (?:has been|was) "
    r"(?:received|submitted)|vielen dank für ihre bewerbung|wir haben ihre bewerbung erhalten|"
    r"merci (?:pour|de) votre candidature|nous avons bien reçu votre candidature|"
    r"gracias por (?:tu|su) (?:postulación|solicitud|candidatura)|grazie per la tua candidatura|"
    r"ご応募(?:いただき|ありがとう)|応募を受け付け|спасибо за (?:отклик|ваш отклик|резюме)",
    re.IGNORECASE,
)
_NAME = r"(?P<name>[A-Z0-9][\w&'.-]*(?:[ ](?:[A-Z0-9&][\w&'.-]*|of|and|de|&)){0,4})"
_NAME_PATTERNS = [
    re.compile(
        r"(?:applying|applied|application|candidacy|interest)\s+(?:to|at|with|in)\s+" + _NAME
    ),
    re.compile(r"(?:position|role|job|opening|team)\s+at\s+" + _NAME),
    re.compile(r"^" + _NAME + r"\s*[:|–—-]\s*(?:your\s+)?application", re.IGNORECASE),
    re.compile(r"(?:joining|join)\s+" + _NAME),
]
_ROLE_PATTERNS = [
    re.compile(
        r"(?:for|for the|as an?|as)\s+(?:position of\s+|role of\s+)?(?P<role>[A-Z][\w/&+.,'()# -]"
        r"{2,60}?)\s+(?:position|role|job|opening|vacancy)\b"
    ),
    re.compile(
        r"(?i:application) (?:for|to) (?:the )?(?P<role>[A-Z][\w/&+.'()# -]{2,60}?)\s+(?:at|with)\b"
    ),
    re.compile(r"(?:position|role|job) of (?P<role>[A-Z][\w/&+.'()# -]{2,60}?)(?:[.,!\n]| at\b)"),
]
_WORD = re.compile(r"[\w&]+")


@dataclass
class KnownApplication:
    id: int
    role: str
    stage: str
    archived: bool
    order: int  # higher is newer


@dataclass
class KnownCompany:
    id: int
    name: str
    domains: list[str]
    applications: list[KnownApplication] = field(default_factory=list)
    key: str = ""

    def __post_init__(self) -> None:
        self.key = self.key or company_key(self.name)


@dataclass
class Directory:
    """The user's companies and their applications, as the matcher sees them."""

    companies: list[KnownCompany]
    me: frozenset[str] = frozenset()  # the user's own addresses
    _by_key: dict[str, KnownCompany] | None = None
    _mention: re.Pattern[str] | None = None

    def by_key(self) -> dict[str, KnownCompany]:
        if self._by_key is None:
            self._by_key = {c.key: c for c in self.companies if c.key}
        return self._by_key

    def mentioned(self, text: str) -> list[KnownCompany]:
        """The companies whose names appear in `text` (lower case) as whole words."""
        if self._mention is None:
            keys = sorted(self.by_key(), key=len, reverse=True)
            if not keys:
                return []
            alternatives = "|".join(re.escape(k) for k in keys)
            self._mention = re.compile(r"(?<![\w&])(" + alternatives + r")(?![\w&])")
        found = {m.group(1) for m in self._mention.finditer(text)}
        by_key = self.by_key()
        return [by_key[k] for k in sorted(found)]


@dataclass
class Match:
    """Where a message belongs. `company_name` is a guess when the company is not known yet."""

    application_id: int | None = None
    company_id: int | None = None
    company_name: str | None = None
    role: str | None = None
    domain: str | None = None  # the company's own mail domain, for a new company
    matched_by: str | None = None  # thread | domain | name


def company_key(name: str) -> str:
    """A company name reduced for comparison: lower case, no punctuation or legal suffix."""
    words = [w for w in _WORD.findall(name.lower()) if w]
    while len(words) > 1 and words[-1] in _LEGAL_SUFFIXES:
        words.pop()
    return " ".join(words)


def domain_of(address: str | None) -> str | None:
    if not address or "@" not in address:
        return None
    return address.rsplit("@", 1)[1].strip(".> ").lower() or None


def is_ats(domain: str | None) -> bool:
    return domain is not None and any(domain == d or domain.endswith("." + d) for d in ATS_DOMAINS)


def is_personal(domain: str | None) -> bool:
    return domain is not None and domain in PERSONAL_DOMAINS


def is_confirmation(mail: ParsedMail) -> bool:
    """Whether a message confirms an application was received."""
    return bool(CONFIRMATION.search(mail.subject) or CONFIRMATION.search(mail.text[:3000]))


def is_outgoing(mail: ParsedMail, me: Iterable[str], in_sent_folder: bool = False) -> bool:
    """The user's own mail: from one of their addresses, or found in a Sent folder."""
    mine = {a.lower() for a in me}
    return in_sent_folder or (mail.sender is not None and mail.sender in mine)


def clean_display_name(name: str) -> str:
    """The company in an ATS display name: "Acme Corp via Greenhouse" → "Acme Corp"."""
    head = re.split(r"\s+(?:via|on behalf of)\s+|\s+\(via\s+", name, maxsplit=1, flags=re.I)[0]
    head = _DISPLAY_NOISE.sub(" ", head)
    return " ".join(head.replace('"', " ").split()).strip(" -|,:")


def ats_tenant(address: str | None) -> str | None:
    """The employer an ATS address names: acme.bamboohr.com, acme@myworkday.com."""
    domain = domain_of(address)
    if not domain or not is_ats(domain):
        return None
    base = next(d for d in ATS_DOMAINS if domain == d or domain.endswith("." + d))
    sub = domain[: -len(base)].strip(".")
    generic = {"", "mail", "email", "us", "eu", "app", "hire", "jobs", "careers", "notifications"}
    if sub and sub.split(".")[0] not in generic:
        return sub.split(".")[0]
    local = (address or "").split("@", 1)[0].lower()
    if base in {"myworkday.com", "myworkdayjobs.com", "workday.com"} and not re.search(
        r"no-?reply|notification|donotreply", local
    ):
        return local
    return None


def guess_company_name(mail: ParsedMail) -> str | None:
    """The employer's name when it is not in the ledger yet, from the subject, sender or body."""
    for source in (mail.subject, mail.text[:2000]):
        for pattern in _NAME_PATTERNS:
            found = pattern.search(source)
            if found:
                name = found.group("name").strip(" .,!-")
                if name and company_key(name) not in {"us", "our team", "the team", "you"}:
                    return name
    display = clean_display_name(mail.sender_name)
    if display and len(display) <= 80:
        return display
    tenant = ats_tenant(mail.sender)
    if tenant:
        return tenant.title()
    domain = domain_of(mail.sender)
    if domain and not is_ats(domain) and not is_personal(domain):
        return domain.split(".")[-2].title() if "." in domain else domain.title()
    return None


def guess_role(mail: ParsedMail) -> str | None:
    """The role a message is about, when it says so in a recognisable way."""
    for source in (mail.subject, mail.text[:2000]):
        for pattern in _ROLE_PATTERNS:
            found = pattern.search(source)
            if found:
                return " ".join(found.group("role").split()).strip(" .,-")
    return None


def _counterpart_domains(mail: ParsedMail, outgoing: bool) -> list[str]:
    addresses = mail.recipients if outgoing else [mail.sender or "", *mail.reply_to]
    out = []
    for address in addresses:
        domain = domain_of(address)
        if domain and not is_ats(domain) and not is_personal(domain) and domain not in out:
            out.append(domain)
    return out


def _domain_matches(domain: str, company: KnownCompany) -> bool:
    return any(domain == d.lower() or domain.endswith("." + d.lower()) for d in company.domains)


def _name_candidates(mail: ParsedMail, outgoing: bool) -> list[str]:
    names = []
    if not outgoing:
        names.append(clean_display_name(mail.sender_name))
        tenant = ats_tenant(mail.sender)
        if tenant:
            names.append(tenant)
    guessed = guess_company_name(mail)
    if guessed:
        names.append(guessed)
    return [n for n in names if n]


def find_company(mail: ParsedMail, directory: Directory, *, outgoing: bool) -> Match:
    """The company a message is from (or, for the user's own mail, to)."""
    domains = _counterpart_domains(mail, outgoing)
    for domain in domains:
        hits = [c for c in directory.companies if _domain_matches(domain, c)]
        if len(hits) == 1:
            return Match(company_id=hits[0].id, company_name=hits[0].name, matched_by="domain")
    # A company's own domain is usually its name: jane@initech.com writes for "Initech".
    for domain in domains:
        label = domain.split(".")[-2] if "." in domain else domain
        hits = [
            c
            for c in directory.companies
            if label in {c.key.replace(" ", ""), c.key.replace(" ", "-")}
        ]
        if len(hits) == 1:
            return Match(company_id=hits[0].id, company_name=hits[0].name, matched_by="domain")
    by_key = directory.by_key()
    for name in _name_candidates(mail, outgoing):
        company = by_key.get(company_key(name))
        if company is not None:
            return Match(company_id=company.id, company_name=company.name, matched_by="name")
    # A known company named in the sender's name or the subject, then in the body's first lines.
    head = f"{mail.sender_name}\n{mail.subject}".lower()
    for where, text in (("name", head), ("mention", mail.text[:3000].lower())):
        hits = directory.mentioned(text)
        if len(hits) == 1:
            return Match(company_id=hits[0].id, company_name=hits[0].name, matched_by=where)
    return Match(
        company_name=guess_company_name(mail),
        domain=domains[0] if domains else None,
    )


def pick_application(mail: ParsedMail, company: KnownCompany) -> int | None:
    """The application at a company a message is about: its role named in the subject or body,
    else the newest live one."""
    live = [a for a in company.applications if not a.archived] or company.applications
    if not live:
        return None
    text = f"{mail.subject}\n{mail.text[:3000]}".lower()
    named = [a for a in live if a.role and a.role.lower() in text]
    pool = named or live
    return max(pool, key=lambda a: a.order).id


def match(
    mail: ParsedMail,
    directory: Directory,
    *,
    outgoing: bool,
    thread_lookup: Callable[[list[str]], int | None],
) -> Match:
    """Where a message belongs: first by thread (any id it replies to or references), then by
    the company's domain, then by the company's name."""
    ids = [i for i in mail.thread_ids if i != mail.message_id]
    if ids:
        application_id = thread_lookup(ids)
        if application_id is not None:
            for company in directory.companies:
                if any(a.id == application_id for a in company.applications):
                    return Match(
                        application_id=application_id,
                        company_id=company.id,
                        company_name=company.name,
                        matched_by="thread",
                    )
    found = find_company(mail, directory, outgoing=outgoing)
    if found.company_id is not None:
        company = next(c for c in directory.companies if c.id == found.company_id)
        found.application_id = pick_application(mail, company)
    found.role = guess_role(mail)
    return found
