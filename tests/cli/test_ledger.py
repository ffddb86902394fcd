"""The ledger commands as a new user types them, on SQLite and on PostgreSQL.

Every test runs `inwriting …` in-process through the `cli` fixture; the clock is set with
INWRITING_NOW so dates are exact.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from typer.testing import Result

from cli_results import data, one_line_error

Cli = Callable[..., Result]

MON = {"INWRITING_NOW": "2026-11-09T09:00"}  # Monday 9 November 2026


def at(when: str) -> dict[str, str]:
    return {"INWRITING_NOW": when}


@pytest.fixture
def acme(cli: Cli) -> Cli:
    """GIVEN an application to Acme Corp made on Monday 2 November."""
    result = cli(
        "add",
        "Acme Corp",
        "HR Generalist",
        "--applied",
        "2026-11-02",
        "--url",
        "https://acme.example/jobs/7",
        "--source",
        "referral",
        env=MON,
    )
    assert result.exit_code == 0, result.output
    return cli


def show(cli: Cli, name: str = "acme", when: dict[str, str] = MON) -> dict[str, Any]:
    return data(cli("show", name, "--json", env=when))  # type: ignore[no-any-return]


# --- add, list, naming -----------------------------------------------------------------------


def test_add_then_list_shows_the_application(acme: Cli) -> None:
    rows = data(acme("list", "--json", env=MON))
    assert rows == [
        {
            "id": 1,
            "company": "Acme Corp",
            "role": "HR Generalist",
            "stage": "applied",
            "gone_quiet": False,
            "applied_on": "2026-11-02",
        }
    ]
    text = acme("list", env=MON).stdout
    assert "Acme Corp" in text and "HR Generalist" in text and "applied" in text


def test_a_company_keeps_its_calendar_for_later_applications(cli: Cli) -> None:
    cli("add", "Riyadh Trading", "Analyst", "--country", "SA", env=MON)
    cli("add", "riyadh trading", "Manager", env=MON)
    detail = show(cli, "2")
    assert detail["company"] == "Riyadh Trading"
    assert detail["calendar"] == {"country": "SA", "weekend": None}
    cli("add", "Gulf Co", "Clerk", "--weekend", "fri,sat", env=MON)
    assert show(cli, "gulf")["calendar"]["weekend"] == "fri,sat"


def test_add_without_applied_means_applied_today_and_interested_means_not_yet(cli: Cli) -> None:
    cli("add", "Acme Corp", "HR Generalist", env=MON)
    cli("add", "Beta Labs", "Analyst", "--interested", env=MON)
    rows = {r["company"]: r for r in data(cli("list", "--json", env=MON))}
    assert rows["Acme Corp"]["applied_on"] == "2026-11-09"
    assert rows["Beta Labs"]["stage"] == "interested"


@pytest.mark.parametrize(
    ("args", "fix"),
    [
        (["--applied", "last tuesday"], "YYYY-MM-DD"),
        (["--applied", "2026-12-01"], "future"),
        (["--country", "XX"], "country code"),
        (["--weekend", "caturday"], "--weekend"),
    ],
)
def test_add_refuses_bad_input_and_writes_nothing(cli: Cli, args: list[str], fix: str) -> None:
    message = one_line_error(cli("add", "Acme Corp", "HR Generalist", *args, env=MON), 2)
    assert fix in message
    assert data(cli("list", "--json", env=MON)) == []


def test_the_same_open_application_twice_is_refused(acme: Cli) -> None:
    message = one_line_error(acme("add", "acme corp", "hr generalist", env=MON), 2)
    assert "#1" in message


def test_applications_are_named_by_prefix_of_company_or_role_or_by_id(acme: Cli) -> None:
    acme("add", "Beta Labs", "Payroll Analyst", env=MON)
    assert show(acme, "acm")["id"] == 1
    assert show(acme, "payroll")["id"] == 2
    assert show(acme, "2")["id"] == 2
    assert show(acme, "#1")["id"] == 1


def test_an_ambiguous_name_lists_the_candidates_and_exits_3(acme: Cli) -> None:
    acme("add", "Acme Labs", "Analyst", env=MON)
    message = one_line_error(acme("show", "acme", env=MON), 3)
    assert "#1 Acme Corp — HR Generalist" in message
    assert "#2 Acme Labs — Analyst" in message


def test_an_unknown_name_exits_3_and_suggests(acme: Cli) -> None:
    message = one_line_error(acme("show", "Acne Corp", env=MON), 3)
    assert "Acme Corp" in message
    one_line_error(acme("show", "99", env=MON), 3)


# --- interview, promise, log, heard ----------------------------------------------------------


def test_interview_records_who_and_moves_to_interviewing(acme: Cli) -> None:
    result = acme(
        "interview",
        "acme",
        "--at",
        "2026-11-16 14:00",
        "--with",
        "Dana Reyes, HR Manager",
        "--with",
        "Lee Park, VP Operations",
        "--format",
        "onsite",
        env=MON,
    )
    assert result.exit_code == 0, result.output
    detail = show(acme)
    assert detail["stage"] == "interviewing"
    interview = [e for e in detail["events"] if e["type"] == "interview"][0]
    assert interview["at"] == "2026-11-16T14:00:00+00:00"
    assert [p["name"] for p in interview["details"]["with"]] == ["Dana Reyes", "Lee Park"]
    assert interview["details"]["format"] == "onsite"


@pytest.mark.parametrize(
    "args",
    [["--at", "next monday"], ["--at", "2026-11-16 14:00", "--format", "carrier pigeon"]],
)
def test_interview_bad_input_writes_nothing(acme: Cli, args: list[str]) -> None:
    one_line_error(acme("interview", "acme", *args, env=MON), 2)
    assert show(acme)["stage"] == "applied"


def test_a_promise_with_a_date_and_one_without(acme: Cli) -> None:
    acme("promise", "acme", "decision on the role", "--due", "2026-11-23", env=MON)
    result = acme("promise", "acme", "benefits summary", "--no-date", env=MON)
    assert "policy date" in result.stdout
    promises = show(acme)["promises"]
    assert [(p["what"], p["due"], p["due_source"], p["state"]) for p in promises] == [
        ("decision on the role", "2026-11-23", "stated", "open"),
        ("benefits summary", "2026-11-18", "policy", "open"),  # 7 business days after Mon 9
    ]


def test_a_promise_needs_a_date_or_no_date_and_never_a_date_before_it_was_said(acme: Cli) -> None:
    assert "--no-date" in one_line_error(acme("promise", "acme", "a call", env=MON), 2)
    message = one_line_error(acme("promise", "acme", "a call", "--due", "2026-11-01", env=MON), 2)
    assert "before" in message
    assert show(acme)["promises"] == []


def test_log_by_hand_records_a_dated_promise(acme: Cli) -> None:
    result = acme(
        "log",
        "acme",
        "We'll call you on Friday",
        "--channel",
        "phone",
        "--kind",
        "promise",
        "--due",
        "2026-11-13",
        env=MON,
    )
    assert result.exit_code == 0, result.output
    detail = show(acme)
    assert detail["statements"][0]["kind"] == "promise"
    assert detail["statements"][0]["kind_source"] == "user"
    assert detail["promises"][0]["due"] == "2026-11-13"
    assert detail["promises"][0]["due_source"] == "stated"


@pytest.mark.parametrize(
    ("args", "fix"),
    [
        (["--channel", "fax", "--kind", "promise"], "email, letter, phone"),
        (["--kind", "maybe"], "written_offer, verbal_offer"),
        (["--kind", "promise", "--due", "2026-11-02"], "before the statement"),
        (["--kind", "promise", "--due", "someday"], "YYYY-MM-DD"),
        (["--kind", "promise", "--at", "2026-12-24"], "future"),
    ],
)
def test_log_refuses_bad_input_and_writes_nothing(acme: Cli, args: list[str], fix: str) -> None:
    message = one_line_error(acme("log", "acme", "We'll call you", *args, env=MON), 2)
    assert fix in message
    detail = show(acme)
    assert detail["statements"] == [] and detail["promises"] == []


def test_enthusiasm_is_recorded_and_never_moves_the_stage(acme: Cli) -> None:
    # the reader works the kind out; the user is told why the stage stays where it is
    result = acme("log", "acme", "Your office will be next to mine", "--channel", "in-person")
    assert result.exit_code == 0, result.output
    assert "enthusiasm" in result.stdout
    assert "stage unchanged" in result.stdout
    assert "not an offer" in result.stdout
    assert show(acme)["stage"] == "applied"
    assert show(acme)["statements"][0]["kind_source"] == "reader"


def test_a_verbal_offer_is_not_yet_an_offer(acme: Cli) -> None:
    acme("log", "acme", "The job is yours", "--channel", "phone", "--kind", "verbal_offer", env=MON)
    detail = show(acme)
    assert detail["stage"] == "verbal_offer"
    assert detail["stage_label"] == "verbal offer — not yet an offer"
    assert [p["what"] for p in detail["promises"]] == ["send the written offer"]
    assert "verbal offer — not yet an offer" in acme("list", env=MON).stdout
    # it cannot be accepted: only a written offer can
    message = one_line_error(acme("accept", "acme", env=MON), 2)
    assert "not an offer" in message


def test_a_written_offer_email_waits_for_its_terms(acme: Cli) -> None:
    result = acme(
        "log",
        "acme",
        "Please find attached your offer letter",
        "--channel",
        "email",
        "--kind",
        "written_offer",
        env=MON,
    )
    assert "inwriting offer" in result.stdout
    assert show(acme)["stage"] == "applied"


def test_a_rejection_ends_it_and_withdraws_open_promises(acme: Cli) -> None:
    acme("promise", "acme", "decision on the role", "--due", "2026-11-23", env=MON)
    acme("log", "acme", "We went with someone else", "--kind", "rejection", env=MON)
    detail = show(acme)
    assert detail["stage"] == "rejected"
    assert [p["state"] for p in detail["promises"]] == ["withdrawn"]


def test_a_delay_supersedes_the_open_promise(acme: Cli) -> None:
    acme("promise", "acme", "decision on the role", "--due", "2026-11-10", env=MON)
    acme("log", "acme", "Approver travelling", "--kind", "delay", "--due", "2026-11-12", env=MON)
    promises = show(acme)["promises"]
    assert [(p["what"], p["due"], p["state"]) for p in promises] == [
        ("decision on the role", "2026-11-10", "superseded"),
        ("decision on the role", "2026-11-12", "open"),
    ]


def test_heard_keeps_the_promises_it_answers(acme: Cli) -> None:
    acme("promise", "acme", "call to schedule the next meeting", "--due", "2026-11-13", env=MON)
    result = acme("heard", "acme", "scheduling a final round", env=at("2026-11-11T10:00"))
    assert result.exit_code == 0, result.output
    detail = show(acme, when=at("2026-11-11T10:00"))
    assert detail["promises"][0]["state"] == "kept"
    assert "reply_received" in [e["type"] for e in detail["events"]]


def test_an_open_promise_past_its_date_is_broken(acme: Cli) -> None:
    acme("promise", "acme", "decision on the role", "--due", "2026-11-10", env=MON)
    assert show(acme, when=at("2026-11-11T09:00"))["promises"][0]["state"] == "broken"


# --- offers and the resign check -------------------------------------------------------------


def record_offer(cli: Cli) -> Result:
    return cli(
        "offer",
        "acme",
        "--salary",
        "58000",
        "--currency",
        "USD",
        "--start",
        "2027-01-05",
        "--expires",
        "2026-11-25",
        "--benefit",
        "health insurance: employee pays 0",
        "--contingency",
        "references",
        "--document",
        "offer.pdf",
        "--signed-by",
        "COO",
        env=MON,
    )


def test_only_a_recorded_written_offer_makes_an_offer(acme: Cli) -> None:
    acme("log", "acme", "The job is yours", "--channel", "phone", "--kind", "verbal_offer", env=MON)
    result = record_offer(acme)
    assert result.exit_code == 0, result.output
    detail = show(acme)
    assert detail["stage"] == "offer"
    offer = detail["offers"][0]
    assert offer["salary"] == "58000.00" and offer["currency"] == "USD"
    assert offer["benefits"] == [{"name": "health insurance", "employee_cost": "employee pays 0"}]
    assert offer["contingencies"] == [{"name": "references", "met_at": None}]
    assert [p["state"] for p in detail["promises"]] == ["kept"]  # the written offer came


def test_an_offer_without_terms_is_refused_and_the_checklist_names_what_is_missing(
    acme: Cli,
) -> None:
    one_line_error(acme("offer", "acme", env=MON), 2)
    result = acme("offer", "acme", "--salary", "58000", env=MON)
    assert "currency" in result.stdout and "start date" in result.stdout
    one_line_error(acme("offer", "acme", "--salary", "lots", env=MON), 2)


def test_resign_check_demands_an_accepted_written_offer_with_nothing_open(acme: Cli) -> None:
    # no offer: not safe, and it says so
    result = acme("resign-check", env=MON)
    assert result.exit_code == 1
    assert "no accepted written offer" in result.stdout
    # a written offer, not accepted: still not safe
    record_offer(acme)
    result = acme("resign-check", env=MON)
    assert result.exit_code == 1 and "not accepted" in result.stdout
    # accepted with an open contingency: not safe, listing it
    assert acme("accept", "acme", env=MON).exit_code == 0
    result = acme("resign-check", env=MON)
    assert result.exit_code == 1
    assert "references" in result.stdout
    # the contingency clears: safe
    assert acme("offer", "acme", "--met", "ref", env=MON).exit_code == 0
    result = acme("resign-check", env=MON)
    assert result.exit_code == 0, result.output
    verdict = data(acme("resign-check", "--json", env=MON))
    assert verdict["safe"] is True and verdict["missing"] == []


def test_decline_withdraw_and_reject(cli: Cli) -> None:
    for company in ("Acme", "Beta", "Gamma"):
        cli("add", company, "Analyst", env=MON)
    one_line_error(cli("decline", "acme", env=MON), 2)  # nothing to decline yet
    cli("log", "acme", "We'd love to have you", "--kind", "verbal_offer", env=MON)
    assert cli("decline", "acme", env=MON).exit_code == 0
    assert cli("withdraw", "beta", env=MON).exit_code == 0
    assert cli("reject", "gamma", env=MON).exit_code == 0
    stages = {r["company"]: r["stage"] for r in data(cli("list", "--json", env=MON))}
    assert stages == {"Acme": "declined", "Beta": "withdrawn", "Gamma": "rejected"}


def test_a_rejection_after_acceptance_is_a_rescinded_offer(acme: Cli) -> None:
    record_offer(acme)
    acme("accept", "acme", env=MON)
    acme("reject", "acme", "--note", "budget frozen", env=MON)
    detail = show(acme)
    assert detail["stage"] == "rejected"
    assert detail["events"][-1]["type"] == "rescinded"
    assert acme("resign-check", env=MON).exit_code == 1


# --- sharing, companies ----------------------------------------------------------------------


def test_share_records_documents_and_completes_the_request(acme: Cli) -> None:
    acme("log", "acme", "Please send your last three payslips", "--kind", "request", env=MON)
    assert show(acme)["requests"][0]["sensitive"] is True
    result = acme("share", "acme", "payslips", "--on", "2026-11-09", env=MON)
    assert result.exit_code == 0, result.output
    detail = show(acme)
    assert detail["shared_documents"][0]["document"] == "payslips"
    assert detail["requests"][0]["done_at"] is not None
    one_line_error(acme("share", "acme", "passport", "--on", "2027-01-01", env=MON), 2)


def test_companies_counts_promises_kept_and_broken(acme: Cli) -> None:
    acme("promise", "acme", "a call", "--due", "2026-11-10", env=MON)
    acme("heard", "acme", "Calling as promised", "--kind", "other", env=at("2026-11-10T10:00"))
    acme("promise", "acme", "a decision", "--due", "2026-11-12", env=at("2026-11-10T11:00"))
    figures = data(acme("companies", "--json", env=at("2026-11-16T09:00")))
    assert figures == [
        {
            "id": 1,
            "company": "Acme Corp",
            "applications": 1,
            "promises": 2,
            "kept": 1,
            "broken": 1,
            "open": 0,
            "median_days_to_reply": 8.0,
        }
    ]
    assert "Acme Corp" in acme("companies", env=MON).stdout


# --- the database ----------------------------------------------------------------------------


def test_a_corrupt_database_is_one_line_and_exit_4(cli: Cli, backend: str, home: Any) -> None:
    if backend != "sqlite":
        pytest.skip("a damaged file is a SQLite matter")
    home.mkdir(parents=True, exist_ok=True)
    (home / "inwriting.db").write_bytes(b"not a database at all" * 200)
    message = one_line_error(cli("list", env=MON), 4)
    assert "backup" in message


def test_a_database_from_a_newer_inwriting_is_one_line_and_exit_4(cli: Cli) -> None:
    from sqlalchemy import text

    from inwriting.store import db

    with db.get_engine().begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    db.dispose_all()
    message = one_line_error(cli("list", env=MON), 4)
    assert "newer" in message and "upgrade" in message
