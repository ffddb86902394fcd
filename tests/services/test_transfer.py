"""JSON export and import: a lossless round trip, on each backend and across them; bad records
are named by line and nothing is written; a non-empty ledger is only added to with --merge."""

from __future__ import annotations

import contextlib
import io
import json
import re
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.orm import Session

from inwriting.errors import UserError
from inwriting.services import transfer
from inwriting.store import db
from inwriting.store.repository import open_repository

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)

Filler = Callable[[Session], None]


def new_database(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The URL of another empty, migrated database on the same backend."""
    if backend == "sqlite":
        folder = tmp_path / f"other-{uuid.uuid4().hex[:8]}"
        folder.mkdir()
        return f"sqlite:///{folder / 'inwriting.db'}"
    import psycopg

    server = request.getfixturevalue("postgres_server")
    template = request.getfixturevalue("postgres_template")
    name = f"other_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server.get_uri(), autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {name} TEMPLATE {template}")
    return str(server.get_uri(name))


def export(url: str | None = None) -> str:
    out = io.StringIO()
    with open_repository(url) as repo:
        transfer.export_json(repo, out, NOW)
    return out.getvalue()


def import_(text: str, url: str | None = None, **options: Any) -> transfer.ImportReport:
    with open_repository(url) as repo:
        return transfer.import_json(repo, text, **options)


def snapshot(url: str | None = None) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, every column (owner included), in id order."""
    with db.get_engine(url).connect() as connection:
        return {
            table.name: [tuple(row) for row in connection.execute(select(table).order_by("id"))]
            for table in transfer.tables()
        }


def filled(fill: Filler) -> None:
    with open_repository() as repo:
        fill(repo.session)


def test_the_fixture_and_the_export_hold_a_value_in_every_column(
    backend: str, fill_ledger: Filler
) -> None:
    filled(fill_ledger)
    document = json.loads(export())
    for table in transfer.tables():
        records = document[table.name]
        assert records, f"{table.name} is empty in the export"
        for column in table.columns:
            if column.name == "owner":
                continue
            assert any(r[column.name] not in (None, "", [], {}) for r in records), (
                f"{table.name}.{column.name} never holds a value, so the round trip cannot "
                "show it survives"
            )


def test_export_then_import_into_a_fresh_home_restores_every_field(
    backend: str, request: pytest.FixtureRequest, tmp_path: Path, fill_ledger: Filler
) -> None:
    filled(fill_ledger)
    first = export()
    other = new_database(backend, request, tmp_path)

    report = import_(first, other)

    assert report.applications == 2 and not report.skipped
    assert snapshot(other) == snapshot()
    assert export(other) == first


def test_the_next_record_after_an_import_gets_a_fresh_id(
    backend: str, request: pytest.FixtureRequest, tmp_path: Path, fill_ledger: Filler
) -> None:
    from inwriting.services.applications import add_application

    filled(fill_ledger)
    other = new_database(backend, request, tmp_path)
    import_(export(), other)

    # PostgreSQL hands out ids from a sequence, which the import must move past its ids.
    with open_repository(other) as repo:
        added, _notes = add_application(
            repo, "Acme Analytics", "Data Engineer", applied_on=None, now=NOW
        )
    assert added.id == 3
    assert [a["role"] for a in json.loads(export(other))["applications"]][-1] == "Data Engineer"


def test_a_sqlite_export_imports_into_postgresql_unchanged(
    backend: str, request: pytest.FixtureRequest, tmp_path: Path, fill_ledger: Filler
) -> None:
    if backend != "postgresql":
        pytest.skip("moves data from SQLite to PostgreSQL; runs once, on the PostgreSQL leg")
    sqlite_url = new_database("sqlite", request, tmp_path)
    with open_repository(sqlite_url) as repo:
        fill_ledger(repo.session)
    from_sqlite = export(sqlite_url)

    import_(from_sqlite)

    assert snapshot() == snapshot(sqlite_url)
    assert export() == from_sqlite


def test_a_ledger_built_by_the_services_round_trips_with_the_same_stages(
    backend: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    from inwriting.services import demo

    with open_repository() as repo:
        demo.build(repo, NOW)
    first = export()
    other = new_database(backend, request, tmp_path)

    import_(first, other)

    # The import derives each stage from the events again; it must agree with the services.
    assert snapshot(other) == snapshot()
    assert export(other) == first


def test_importing_into_a_ledger_with_data_is_refused_without_merge(
    backend: str, fill_ledger: Filler
) -> None:
    filled(fill_ledger)
    text = export()
    before = snapshot()

    with pytest.raises(UserError, match="--merge"):
        import_(text)

    assert snapshot() == before


def test_merge_adds_the_records_and_shares_companies_with_the_same_name(
    backend: str, fill_ledger: Filler
) -> None:
    filled(fill_ledger)
    text = export()

    report = import_(text, merge=True)

    document = json.loads(export())
    assert report.shared == {"companies": 2, "mail_messages": 1, "imap_sync_state": 1}
    assert [c["id"] for c in document["companies"]] == [1, 2]
    # The copies get the ids after the highest ones and point at each other, not the originals.
    assert [(a["id"], a["company_id"]) for a in document["applications"]] == [
        (1, 1),
        (2, 2),
        (3, 1),
        (4, 2),
    ]
    assert [(o["id"], o["application_id"]) for o in document["offers"]] == [(1, 1), (2, 3)]
    assert [b["offer_id"] for b in document["offer_benefits"]] == [1, 1, 2, 2]
    copied = [s for s in document["statements"] if s["id"] == 2]
    assert copied and copied[0]["contact_id"] == 3 and copied[0]["application_id"] == 3
    assert len(document["contacts"]) == 4


def broken_export(fill: Filler) -> str:
    """A good export with three bad records, each on a known line."""
    filled(fill)
    lines = export().splitlines()
    replaced = 0
    for index, line in enumerate(lines):
        if '"name": "Dana Whitfield"' in line:
            lines[index] = line.replace('"created_at": "2026-10-05', '"created_at": "5 Oct')
            replaced += 1
        if '"what": "a work sample"' in line:
            lines[index] = line.replace('"sensitive": false', '"sensitive": "no"')
            replaced += 1
        if '"name": "gym"' in line:
            lines[index] = line.replace('"offer_id": 1', '"offer_id": 77')
            replaced += 1
    assert replaced == 3
    return "\n".join(lines)


def test_bad_records_are_reported_by_line_and_nothing_is_written(
    backend: str, request: pytest.FixtureRequest, tmp_path: Path, fill_ledger: Filler
) -> None:
    text = broken_export(fill_ledger)
    numbered = text.splitlines()
    other = new_database(backend, request, tmp_path)

    with pytest.raises(transfer.RowsRejected) as caught:
        import_(text, other)

    messages = [str(row) for row in caught.value.rows]
    # The contact's statement, and what hangs off that statement, go with it, and say why.
    knock_on = [m for m in messages if "rejected on line" in m]
    assert any(
        "statements: 'contact_id' refers to contacts id 1, rejected on line" in m for m in knock_on
    )
    messages = [m for m in messages if m not in knock_on]
    assert len(messages) == 3
    for message in messages:
        line = int(message.split(":")[0].removeprefix("line "))
        assert numbered[line - 1].startswith("{")
    assert any("contacts: 'created_at' must be an ISO 8601" in m for m in messages)
    assert any("requests: 'sensitive' must be true or false" in m for m in messages)
    assert any("'offer_id' refers to offers id 77, which is not in the file" in m for m in messages)
    assert all(not rows for rows in snapshot(other).values())


def test_skip_bad_imports_the_good_records_and_drops_those_that_depend_on_bad_ones(
    backend: str, request: pytest.FixtureRequest, tmp_path: Path, fill_ledger: Filler
) -> None:
    text = broken_export(fill_ledger)
    # Also break a company: its contact and application must go with it.
    text = text.replace('"name": "Nakhla Logistics', '"name": 7, "x": "Nakhla Logistics', 1)
    other = new_database(backend, request, tmp_path)

    report = import_(text, other, skip_bad=True)

    reasons = " | ".join(str(row) for row in report.skipped)
    assert "companies: unknown field(s): x" in reasons
    assert "applications: 'company_id' refers to companies id 2, rejected on line" in reasons
    document = json.loads(export(other))
    assert [c["name"] for c in document["companies"]] == ["Acme Analytics"]
    assert [a["role"] for a in document["applications"]] == ["Senior Data Analyst"]
    assert [b["name"] for b in document["offer_benefits"]] == ["health insurance"]


def test_the_format_document_names_every_table_and_field() -> None:
    document = (Path(__file__).parents[2] / "docs" / "export-format.md").read_text()
    for table in transfer.tables():
        found = re.search(rf"^- `{table.name}`[:( ]", document, re.MULTILINE)
        assert found, f"docs/export-format.md does not describe {table.name}"
        start = found.start()
        end = min(
            i for i in (document.find("\n- ", start + 1), document.find("\n\n", start)) if i > 0
        )
        entry = document[start:end]
        for column in table.columns:
            if column.name != "owner":
                assert f"`{column.name}`" in entry, f"{table.name}.{column.name} is not documented"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "expected '{'"),
        ("name,role\n", "expected '{'"),
        ('{"format": "inwriting-export", "version": 1, "companies": [', "line 1: not valid JSON"),
        ('{"format": "something-else", "version": 1}', "not an inwriting export"),
        ('{"format": "inwriting-export", "version": 9}', "newer than this inwriting"),
        ('{"format": "inwriting-export", "version": 1, "people": []}', "unknown section 'people'"),
        ('{"format": "inwriting-export", "version": 1}\n\n  x', "line 3: unexpected text"),
    ],
)
def test_a_file_that_is_not_an_export_is_refused_in_one_line(text: str, message: str) -> None:
    with pytest.raises(UserError, match=message) as caught:
        transfer.read_export(text)
    assert "\n" not in str(caught.value)


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=200))
def test_reading_arbitrary_text_never_crashes(text: str) -> None:
    with contextlib.suppress(UserError):
        transfer.read_export(text)


TRICKY = st.sampled_from(
    [
        "2026-01-01",
        "2026-01-01T00:00:00Z",
        "0001-01-01T00:00:00+01:00",
        "9" * 40,
        "12.345",
        "a\x00b",
        2**31,
        2**63,
        -1,
        "",
    ]
)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30) | TRICKY,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=5,
)
MINIMAL = {
    "format": "inwriting-export",
    "version": 1,
    "companies": [{"id": 1, "name": "A", "created_at": "2026-01-01T00:00:00+00:00"}],
    "applications": [{"id": 1, "company_id": 1, "role": "R", "created_at": "2026-01-01T00:00"}],
    "events": [
        {
            "id": 1,
            "application_id": 1,
            "type": "applied",
            "occurred_at": "2026-01-01T00:00:00Z",
            "created_at": "2026-01-01T00:00:00Z",
        }
    ],
    "offers": [{"id": 1, "application_id": 1, "received_at": "2026-01-02T00:00:00Z"}],
    "contingencies": [{"id": 1, "offer_id": 1, "name": "references"}],
}


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.sampled_from(["companies", "applications", "events", "offers", "contingencies"]), st.data()
)
def test_any_value_in_any_field_imports_or_is_named_never_a_crash(
    backend: str, table_name: str, data: st.DataObject
) -> None:
    document = json.loads(json.dumps(MINIMAL))
    table = next(t for t in transfer.tables() if t.name == table_name)
    column = data.draw(st.sampled_from([c.name for c in table.columns if c.name != "owner"]))
    document[table_name][0][column] = data.draw(JSON_VALUES)
    with open_repository() as repo:
        try:
            transfer.import_json(repo, json.dumps(document))
        except transfer.RowsRejected as rejected:
            assert all(row.line == 1 and row.reason for row in rejected.rows)
        finally:
            repo.session.rollback()  # the next example starts from an empty ledger again
