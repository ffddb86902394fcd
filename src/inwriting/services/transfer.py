"""Export and import of a whole ledger: JSON (lossless) and CSV (one row per application).

The JSON format is documented in docs/export-format.md. It is driven by the table definitions in
`store.models`, so a column added by a migration is exported and imported without touching this
module. Every record sits on its own line, which lets the importer name the line of a bad record.

An import validates the whole file first and writes nothing unless every record is good (or the
caller asked to skip bad ones); the writes then happen in the repository's one transaction, so a
crash half-way leaves the database as it was.
"""

from __future__ import annotations

import base64
import csv
import io
import json
import os
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import IO, Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    ColumnElement,
    Date,
    Integer,
    LargeBinary,
    Numeric,
    String,
    Table,
    UniqueConstraint,
    func,
    select,
    text,
)

from inwriting.errors import UserError
from inwriting.store import hiring_models, mail_models  # noqa: F401  (registers their tables)
from inwriting.store.models import Application, Base, Company, UTCDateTime
from inwriting.store.repository import Repository

FORMAT_NAME = "inwriting-export"
FORMAT_VERSION = 1
OWNER_COLUMN = "owner"
# Rows go to the database in chunks: large enough for executemany to be fast, small enough that
# a 100,000-event import never holds one giant parameter list.
CHUNK = 5000
# Test hook for the crash test (tests/services/test_transfer_crash.py): when set, the importer
# creates this file once half of the rows are written, still inside the transaction, and waits
# there to be killed. Nothing else reads it.
PAUSE_ENV = "INWRITING_TEST_PAUSE_IMPORT"


class RowsRejected(UserError):
    """Some records of an import file are bad; nothing was written."""

    def __init__(self, rows: list[RowError]) -> None:
        noun = "record" if len(rows) == 1 else "records"
        super().__init__(
            f"nothing imported: {len(rows)} bad {noun}; fix them, or rerun with --skip-bad "
            "to import the rest"
        )
        self.rows = rows


@dataclass(frozen=True)
class RowError:
    """One rejected record: the line it starts on and why."""

    line: int
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}"


@dataclass
class ImportReport:
    """What an import wrote (per table) and what it skipped."""

    written: dict[str, int] = field(default_factory=dict)
    skipped: list[RowError] = field(default_factory=list)
    # Records the ledger already had (same company name, same mail key): reused, not added.
    shared: dict[str, int] = field(default_factory=dict)

    @property
    def applications(self) -> int:
        return self.written.get("applications", 0)


# --------------------------------------------------------------------------------------------
# The tables and how each column is written and read


def tables() -> list[Table]:
    """Every table of the user's data (ledger, mail, hiring), each after those it refers to."""
    return list(Base.metadata.sorted_tables)


def _data_columns(table: Table) -> list[Column[Any]]:
    # The owner is not exported: an import belongs to whoever imports it.
    return [c for c in table.columns if c.name != OWNER_COLUMN]


def _encoder(column: Column[Any]) -> Callable[[Any], Any]:
    kind = column.type
    if isinstance(kind, UTCDateTime):
        return lambda v: v.astimezone(UTC).isoformat()
    if isinstance(kind, LargeBinary):
        return lambda v: base64.b64encode(v).decode("ascii")
    if isinstance(kind, Date):
        return lambda v: v.isoformat()
    if isinstance(kind, Numeric):
        quantum = Decimal(1).scaleb(-(kind.scale or 0))
        return lambda v: str(Decimal(v).quantize(quantum))
    return lambda v: v


def _owned(table: Table, owner: str) -> ColumnElement[bool]:
    """The rows of `table` that belong to `owner`: by its owner column, or through its parent."""
    if OWNER_COLUMN in table.columns:
        return table.c[OWNER_COLUMN] == owner
    parent = _parent_key(table)
    if parent is None:
        raise RuntimeError(f"table {table.name} has neither an owner nor a parent to scope it by")
    column, parent_table = parent
    return column.in_(select(parent_table.c.id).where(_owned(parent_table, owner)))


def _parent_key(table: Table) -> tuple[Column[Any], Table] | None:
    """The required foreign key that makes `table` part of its parent (contacts → companies)."""
    for column in table.columns:
        if column.nullable:
            continue
        for key in column.foreign_keys:
            return column, key.column.table
    return None


# --------------------------------------------------------------------------------------------
# JSON export


def export_json(repo: Repository, out: IO[str], now: datetime) -> dict[str, int]:
    """Write the owner's whole ledger to `out` as JSON; returns the record count per table."""
    from inwriting.store.migrate import SCHEMA_HEAD

    counts: dict[str, int] = {}
    out.write("{\n")
    out.write(f'"format": {json.dumps(FORMAT_NAME)},\n')
    out.write(f'"version": {FORMAT_VERSION},\n')
    out.write(f'"schema": {json.dumps(SCHEMA_HEAD)},\n')
    out.write(f'"exported_at": {json.dumps(now.astimezone(UTC).isoformat())}')
    for table in tables():
        columns = _data_columns(table)
        encoders = [(c.name, _encoder(c)) for c in columns]
        query = select(*columns).where(_owned(table, repo.owner)).order_by(table.c.id)
        out.write(f',\n"{table.name}": [')
        count = 0
        for row in repo.session.execute(query):
            record = {
                name: (None if value is None else encode(value))
                for (name, encode), value in zip(encoders, row, strict=True)
            }
            out.write(",\n" if count else "\n")
            out.write(json.dumps(record, ensure_ascii=False))
            count += 1
        out.write("\n]" if count else "]")
        counts[table.name] = count
    out.write("\n}\n")
    return counts


# --------------------------------------------------------------------------------------------
# Reading a JSON export, record by record, with line numbers

_WHITESPACE = re.compile(r"[ \t\n\r]*")


class _Cursor:
    """Walks a JSON document, decoding one value at a time and counting lines as it goes."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.line = 1
        self._counted = 0
        self._decoder = json.JSONDecoder()

    def skip(self) -> None:
        match = _WHITESPACE.match(self.text, self.pos)
        self.pos = match.end() if match else self.pos

    def line_here(self) -> int:
        self.line += self.text.count("\n", self._counted, self.pos)
        self._counted = self.pos
        return self.line

    def peek(self) -> str:
        self.skip()
        return self.text[self.pos : self.pos + 1]

    def expect(self, char: str) -> None:
        if self.peek() != char:
            found = self.peek() or "the end of the file"
            raise UserError(
                f"line {self.line_here()}: expected '{char}' but found '{found}'; "
                "the file is not an inwriting JSON export"
            )
        self.pos += 1

    def value(self) -> Any:
        self.skip()
        try:
            value, self.pos = self._decoder.raw_decode(self.text, self.pos)
        except json.JSONDecodeError as error:
            raise UserError(
                f"line {error.lineno}: not valid JSON ({error.msg}); "
                "the file is damaged or not an inwriting JSON export"
            ) from None
        return value


def read_export(text: str) -> tuple[dict[str, Any], dict[str, list[tuple[int, Any]]]]:
    """Split an export into its header and, per table, (line, record) pairs.

    Raises UserError for a file that is not an export at all (not JSON, wrong format or version).
    """
    known = {t.name for t in tables()}
    cursor = _Cursor(text)
    header: dict[str, Any] = {}
    sections: dict[str, list[tuple[int, Any]]] = {}
    cursor.expect("{")
    if cursor.peek() == "}":
        cursor.pos += 1
    else:
        while True:
            line = cursor.line_here()
            key = cursor.value()
            if not isinstance(key, str):
                raise UserError(f"line {line}: expected a section name in double quotes")
            cursor.expect(":")
            if key in known:
                sections[key] = _read_array(cursor, key)
            elif key in {"format", "version", "schema", "exported_at"}:
                header[key] = cursor.value()
            else:
                raise UserError(
                    f"line {line}: unknown section '{key}'; "
                    f"an export holds: {', '.join(sorted(known))}"
                )
            if cursor.peek() == ",":
                cursor.pos += 1
                continue
            cursor.expect("}")
            break
    if cursor.peek():
        raise UserError(f"line {cursor.line_here()}: unexpected text after the end of the export")
    _check_header(header)
    return header, sections


def _read_array(cursor: _Cursor, name: str) -> list[tuple[int, Any]]:
    records: list[tuple[int, Any]] = []
    cursor.expect("[")
    if cursor.peek() == "]":
        cursor.pos += 1
        return records
    while True:
        cursor.skip()
        records.append((cursor.line_here(), cursor.value()))
        if cursor.peek() == ",":
            cursor.pos += 1
            continue
        cursor.expect("]")
        return records


def _check_header(header: dict[str, Any]) -> None:
    if header.get("format") != FORMAT_NAME:
        raise UserError(
            f'this is not an inwriting export (no "format": "{FORMAT_NAME}"); '
            "for a spreadsheet use --format csv"
        )
    version = header.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise UserError('the export has no whole-number "version"; the file is damaged')
    if version > FORMAT_VERSION:
        raise UserError(
            f"this export is format version {version}, newer than this inwriting reads "
            f"({FORMAT_VERSION}); upgrade inwriting (pip install -U inwriting)"
        )


# --------------------------------------------------------------------------------------------
# Validating records


class _Bad(Exception):
    """One field of one record is wrong (caught per record)."""


def _decoder(column: Column[Any]) -> Callable[[Any], Any]:
    """A function that checks one JSON value for `column` and returns the Python value."""
    name = column.name
    kind = column.type
    if isinstance(kind, UTCDateTime):
        return lambda v: _instant(name, v)
    if isinstance(kind, LargeBinary):
        return lambda v: _binary(name, v)
    if isinstance(kind, Date):
        return lambda v: _date(name, v)
    if isinstance(kind, Numeric):
        return lambda v: _decimal(name, v, kind.precision or 14, kind.scale or 0)
    if isinstance(kind, Boolean):
        return lambda v: _typed(name, v, bool, "true or false")
    if isinstance(kind, Integer):
        bits = 64 if isinstance(kind, BigInteger) else 32  # what PostgreSQL's columns hold
        return lambda v: _integer(name, v, bits)
    if isinstance(kind, String):  # includes Text
        limit = kind.length
        return lambda v: _string(name, v, limit)
    if isinstance(kind, JSON):
        shape = _json_shape(column)
        if shape is list:
            return lambda v: _typed(name, v, list, "a list")
        if shape is dict:
            return lambda v: _typed(name, v, dict, "an object")
        return lambda v: v
    return lambda v: v


def _json_shape(column: Column[Any]) -> type | None:
    # The models give list/dict JSON columns a callable default (list, dict): its result
    # tells which shape the column holds.
    arg = getattr(column.default, "arg", None)
    if callable(arg):
        try:
            return type(arg(None))
        except TypeError:
            return None
    return None


def _typed(name: str, value: Any, kind: type, words: str) -> Any:
    if not isinstance(value, kind):
        raise _Bad(f"'{name}' must be {words}, not {json.dumps(value)[:40]}")
    return value


def _integer(name: str, value: Any, bits: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise _Bad(f"'{name}' must be a whole number, not {json.dumps(value)[:40]}")
    if not -(2 ** (bits - 1)) <= value < 2 ** (bits - 1):
        raise _Bad(f"'{name}' is too large")
    return value


def _string(name: str, value: Any, limit: int | None) -> str:
    if not isinstance(value, str):
        raise _Bad(f"'{name}' must be text, not {json.dumps(value)[:40]}")
    if limit is not None and len(value) > limit:
        raise _Bad(f"'{name}' is {len(value)} characters long; at most {limit} fit")
    if "\x00" in value:  # PostgreSQL cannot store it, and no user typed it
        raise _Bad(f"'{name}' contains a NUL character")
    return value


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_iso_date(value: str) -> date | None:
    """A YYYY-MM-DD date, or None when `value` is not one."""
    if not _ISO_DATE.fullmatch(value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _binary(name: str, value: Any) -> bytes:
    try:
        if not isinstance(value, str):
            raise ValueError
        return base64.b64decode(value, validate=True)
    except ValueError:
        raise _Bad(f"'{name}' must be base64 text") from None


def _date(name: str, value: Any) -> date:
    parsed = parse_iso_date(value) if isinstance(value, str) else None
    if parsed is None:
        raise _Bad(f"'{name}' must be a date as YYYY-MM-DD, not {json.dumps(value)[:40]}")
    return parsed


def _instant(name: str, value: Any) -> datetime:
    try:
        if not isinstance(value, str) or not _ISO_DATE.match(value):
            raise ValueError
        parsed = datetime.fromisoformat(value)
        # A hand-written time without a zone is read as UTC, as everywhere else in inwriting.
        return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)
    except (ValueError, OverflowError):
        raise _Bad(
            f"'{name}' must be an ISO 8601 date and time such as 2026-11-23T09:00:00+00:00, "
            f"not {json.dumps(value)[:40]}"
        ) from None


def _decimal(name: str, value: Any, precision: int, scale: int) -> Decimal:
    try:
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise InvalidOperation
        number = Decimal(str(value))
        if not number.is_finite():
            raise InvalidOperation
    except InvalidOperation:
        raise _Bad(f"'{name}' must be a number such as \"85000.00\"") from None
    if number != number.quantize(Decimal(1).scaleb(-scale)):
        raise _Bad(f"'{name}' has more than {scale} decimal places")
    if abs(number) >= Decimal(10) ** (precision - scale):
        raise _Bad(f"'{name}' is too large")
    return number


def _missing_value(column: Column[Any]) -> Any:
    """The value of a field left out of a record, or raise when it is required."""
    default = column.default
    if default is not None:
        arg = getattr(default, "arg", None)
        return arg(None) if callable(arg) else arg
    if column.nullable:
        return None
    raise _Bad(f"'{column.name}' is missing")


@dataclass
class _TablePlan:
    """One table's records from the file, checked, with the ids the file gave them."""

    table: Table
    rows: list[dict[str, Any]] = field(default_factory=list)
    ids: set[int] = field(default_factory=set)
    rejected: dict[int, int] = field(default_factory=dict)  # id → line of a rejected record


def _validate(
    sections: dict[str, list[tuple[int, Any]]],
) -> tuple[list[_TablePlan], list[RowError]]:
    """Check every record; a record that refers to a rejected or absent one is rejected too."""
    plans: dict[str, _TablePlan] = {}
    errors: list[RowError] = []
    for table in tables():
        plan = _TablePlan(table)
        plans[table.name] = plan
        columns = _data_columns(table)
        decoders = {c.name: (c, _decoder(c)) for c in columns}
        references = {
            c.name: next(iter(c.foreign_keys)).column.table.name for c in columns if c.foreign_keys
        }
        uniques = [
            [c.name for c in constraint.columns if c.name != OWNER_COLUMN]
            for constraint in table.constraints
            if isinstance(constraint, UniqueConstraint)
        ]
        seen_unique: list[set[tuple[Any, ...]]] = [set() for _ in uniques]
        for line, record in sections.get(table.name, []):
            try:
                row = _check_record(table, record, decoders, references, plans)
                keys = [tuple(row[n] for n in names) for names in uniques]
                for names, key, seen in zip(uniques, keys, seen_unique, strict=True):
                    if key in seen:
                        shown = ", ".join(f"{n}={json.dumps(row[n], default=str)}" for n in names)
                        raise _Bad(f"another record has the same {shown}")
            except _Bad as bad:
                errors.append(RowError(line, f"{table.name}: {bad}"))
                if isinstance(record, dict) and isinstance(record.get("id"), int):
                    plan.rejected.setdefault(record["id"], line)
                continue
            for key, seen in zip(keys, seen_unique, strict=True):
                seen.add(key)
            plan.ids.add(row["id"])
            plan.rows.append(row)
    return list(plans.values()), errors


def _check_record(
    table: Table,
    record: Any,
    decoders: dict[str, tuple[Column[Any], Callable[[Any], Any]]],
    references: dict[str, str],
    plans: dict[str, _TablePlan],
) -> dict[str, Any]:
    if not isinstance(record, dict):
        raise _Bad("a record must be an object with named fields")
    unknown = sorted(set(record) - set(decoders))
    if unknown:
        raise _Bad(f"unknown field(s): {', '.join(unknown)}")
    row: dict[str, Any] = {}
    for name, (column, decode) in decoders.items():
        if name not in record:
            row[name] = _missing_value(column)
            continue
        value = record[name]
        if value is None:
            if not column.nullable:
                raise _Bad(f"'{name}' may not be null")
            row[name] = None
        else:
            row[name] = decode(value)
    if row["id"] is None or row["id"] < 1:
        raise _Bad("'id' must be a whole number of 1 or more")
    if row["id"] in plans[table.name].ids:
        raise _Bad(f"another {table.name} record has id {row['id']}")
    for name, target in references.items():
        value = row[name]
        if value is not None and value not in plans[target].ids:
            if value in plans[target].rejected:
                line = plans[target].rejected[value]
                raise _Bad(f"'{name}' refers to {target} id {value}, rejected on line {line}")
            raise _Bad(f"'{name}' refers to {target} id {value}, which is not in the file")
    return row


# --------------------------------------------------------------------------------------------
# JSON import


def import_json(
    repo: Repository, text_: str, *, merge: bool = False, skip_bad: bool = False
) -> ImportReport:
    """Import a JSON export into the repository's owner's ledger, in the repository's transaction.

    Into an empty ledger the file's ids are kept as they are, so the ledger is restored exactly.
    `merge` adds the file to a ledger that already holds data: a company with the same name is
    shared, every other record is added with a new id. Without `merge` a non-empty ledger is
    refused. Raises RowsRejected (writing nothing) when a record is bad, unless `skip_bad`.
    """
    _header, sections = read_export(text_)
    plans, errors = _validate(sections)
    if errors and not skip_bad:
        raise RowsRejected(errors)
    _refuse_unless_empty(repo, merge)
    report = ImportReport(skipped=errors)
    _write(repo, plans, report)
    return report


def _refuse_unless_empty(repo: Repository, merge: bool) -> None:
    if merge:
        return
    for table in tables():
        if OWNER_COLUMN not in table.columns:
            continue
        held = repo.session.scalar(
            select(func.count()).select_from(table).where(table.c[OWNER_COLUMN] == repo.owner)
        )
        if held:
            applications = repo.session.scalar(
                select(func.count()).select_from(Application).where(Application.owner == repo.owner)
            )
            raise UserError(
                f"this ledger already holds data ({applications} applications); import into an "
                "empty home (set INWRITING_HOME to a new folder), or add --merge to add the "
                "file's records alongside what is there"
            )


def _write(repo: Repository, plans: list[_TablePlan], report: ImportReport) -> None:
    session = repo.session
    postgres = session.get_bind().dialect.name == "postgresql"
    if postgres:
        # Keep other writers out while ids are chosen; readers carry on.
        names = ", ".join(p.table.name for p in plans)
        session.execute(text(f"LOCK TABLE {names} IN SHARE ROW EXCLUSIVE MODE"))
    _derive_stages(plans)
    new_ids: dict[str, Callable[[int], int]] = {}
    total = sum(len(p.rows) for p in plans)
    pause_at = total // 2 if os.environ.get(PAUSE_ENV) else -1
    done = 0
    for plan in plans:
        table = plan.table
        # Fresh ids follow the largest id already in the table (of any owner): in an empty
        # database the offset is 0 and every id stays as the file has it.
        offset = session.scalar(select(func.coalesce(func.max(table.c.id), 0))) or 0
        shared = _match_existing(repo, plan)
        new_ids[table.name] = _id_map(offset, shared)
        if shared:
            report.shared[table.name] = len(shared)
        remap = [
            (c.name, new_ids[next(iter(c.foreign_keys)).column.table.name])
            for c in _data_columns(table)
            if c.foreign_keys
        ]
        own_id = new_ids[table.name]
        owned = OWNER_COLUMN in table.columns
        prepared = []
        for row in plan.rows:
            if row["id"] in shared:
                continue
            out = dict(row)
            out["id"] = own_id(row["id"])
            for name, mapping in remap:
                if out[name] is not None:
                    out[name] = mapping(out[name])
            if owned:
                out[OWNER_COLUMN] = repo.owner
            prepared.append(out)
        for start in range(0, len(prepared), CHUNK):
            chunk = prepared[start : start + CHUNK]
            session.execute(table.insert(), chunk)
            done += len(chunk)
            if 0 <= pause_at <= done:
                _pause_for_crash_test()
                pause_at = -1
        report.written[table.name] = len(prepared)
        if postgres and prepared:
            session.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                    f"(SELECT MAX(id) FROM {table.name}))"
                )
            )
            # Fresh statistics: without them the planner picks nested loops over tables it
            # believes empty, and the agenda's queries take seconds instead of milliseconds.
            session.execute(text(f"ANALYZE {table.name}"))


def _id_map(offset: int, shared: dict[int, int]) -> Callable[[int], int]:
    if not shared:
        return lambda i: i + offset
    return lambda i: shared.get(i, i + offset)


def _match_existing(repo: Repository, plan: _TablePlan) -> dict[int, int]:
    """File id → database id of the records the ledger already has, by an owner-unique key
    (a company by its name, a mail message by its key): these are shared, not duplicated."""
    table = plan.table
    matched: dict[int, int] = {}
    for constraint in table.constraints:
        if not isinstance(constraint, UniqueConstraint) or OWNER_COLUMN not in constraint.columns:
            continue
        names = [c.name for c in constraint.columns if c.name != OWNER_COLUMN]
        existing = {
            tuple(row[:-1]): row[-1]
            for row in repo.session.execute(
                select(*(table.c[n] for n in names), table.c.id).where(
                    table.c[OWNER_COLUMN] == repo.owner
                )
            )
        }
        if not existing:
            continue
        for row in plan.rows:
            found = existing.get(tuple(row[n] for n in names))
            if found is not None:
                matched[row["id"]] = found
    return matched


def _derive_stages(plans: list[_TablePlan]) -> None:
    """Rewrite each application's cached stage from its events, in the order refresh_stage reads
    them (time, then id), without a query per application."""
    from inwriting.domain.stages import derive_stage

    by_name = {p.table.name: p for p in plans}
    timeline: dict[int, list[tuple[datetime, int, str]]] = {}
    for event in by_name["events"].rows:
        timeline.setdefault(event["application_id"], []).append(
            (event["occurred_at"], event["id"], event["type"])
        )
    for application in by_name["applications"].rows:
        events = sorted(timeline.get(application["id"], []))
        application["stage"] = derive_stage([t for _, _, t in events])


def _pause_for_crash_test() -> None:
    """Signal the crash test that rows are written but not committed, then wait to be killed."""
    marker = Path(os.environ[PAUSE_ENV])
    marker.write_text(str(os.getpid()))
    while True:  # the test kills this process; it never returns
        time.sleep(1)


# --------------------------------------------------------------------------------------------
# CSV: one row per application, for spreadsheets

CSV_COLUMNS = ("company", "role", "stage", "applied", "source", "url", "country", "notes")


def export_csv(repo: Repository, out: IO[str]) -> int:
    """Write one row per application (archived ones included); returns the number of rows."""
    query = (
        select(
            Company.name,
            Application.role,
            Application.stage,
            Application.applied_on,
            Application.source,
            Application.url,
            Company.country,
            Application.notes,
        )
        .join(Company, Application.company_id == Company.id)
        .where(Application.owner == repo.owner)
        .order_by(Application.id)
    )
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    count = 0
    for row in repo.session.execute(query):
        writer.writerow(
            ["" if v is None else v.isoformat() if isinstance(v, date) else v for v in row]
        )
        count += 1
    return count


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    return value.isoformat() if isinstance(value, date) else str(value)


@dataclass(frozen=True)
class CsvApplication:
    """One checked CSV row: an application to add."""

    line: int
    company: str
    role: str
    applied: date | None
    source: str | None
    url: str | None
    country: str | None
    notes: str


def read_csv(text_: str) -> tuple[list[CsvApplication], list[RowError], list[str]]:
    """Check every row of a CSV file; returns the good rows, the bad ones and ignored columns."""
    from inwriting.domain.calendar import check_country

    reader = csv.reader(io.StringIO(text_.removeprefix("\ufeff")))
    try:
        header = next(reader)
    except StopIteration:
        raise UserError("the CSV file is empty; its first line must name the columns") from None
    except csv.Error as error:
        raise UserError(f"line 1: not a readable CSV header ({error})") from None
    names = [h.strip().lower().replace(" ", "_") for h in header]
    names = ["applied" if n in {"applied_on", "applied_date"} else n for n in names]
    for required in ("company", "role"):
        if required not in names:
            raise UserError(
                f"the CSV has no '{required}' column; its first line must name the columns, "
                f"e.g. {','.join(CSV_COLUMNS)}"
            )
    # stage is derived from what happened, so it is read back only by people, never by import.
    ignored = [h for h, n in zip(header, names, strict=True) if n not in CSV_COLUMNS]
    good: list[CsvApplication] = []
    bad: list[RowError] = []
    line = 1
    rows = _csv_rows(reader)
    for end_line, cells in rows:
        start, line = line + 1, end_line
        if cells is None:
            bad.append(RowError(start, "not readable as CSV (an unclosed quote?)"))
            continue
        if not any(c.strip() for c in cells):
            continue  # spreadsheets leave blank lines at the end
        if len(cells) > len(names):
            bad.append(RowError(start, f"{len(cells)} cells, but the header names {len(names)}"))
            continue
        row = dict(zip(names, [c.strip() for c in cells], strict=False))
        try:
            good.append(_csv_application(start, row, check_country))
        except (_Bad, UserError) as error:
            bad.append(RowError(start, str(error)))
    return good, bad, ignored


def _csv_rows(reader: Any) -> Iterator[tuple[int, list[str] | None]]:
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error:
            yield reader.line_num, None
            return
        yield reader.line_num, cells


def _csv_application(
    line: int, row: dict[str, str], check_country: Callable[[str], str]
) -> CsvApplication:
    company = row.get("company", "")
    role = row.get("role", "")
    if not company:
        raise _Bad("no company; every row needs a company and a role")
    if not role:
        raise _Bad("no role; every row needs a company and a role")
    for name, value, limit in (("company", company, 200), ("role", role, 200)):
        if len(value) > limit:
            raise _Bad(f"the {name} is {len(value)} characters long; at most {limit} fit")
    applied_text = row.get("applied", "")
    applied = parse_iso_date(applied_text) if applied_text else None
    if applied_text and applied is None:
        raise _Bad(f"applied '{applied_text}' is not a date as YYYY-MM-DD")
    country = row.get("country") or None
    if country:
        country = check_country(country)
    source = row.get("source") or None
    if source and len(source) > 100:
        raise _Bad(f"the source is {len(source)} characters long; at most 100 fit")
    return CsvApplication(
        line=line,
        company=company,
        role=role,
        applied=applied,
        source=source,
        url=row.get("url") or None,
        country=country,
        notes=row.get("notes", ""),
    )


def import_csv(
    repo: Repository, text_: str, now: datetime, *, skip_bad: bool = False
) -> ImportReport:
    """Add one application per CSV row (and any company not yet in the ledger), inside the
    repository's transaction.

    Each row goes through the ledger's own `add_application`, so its `applied` event, stage and
    company calendar come out as if it had been added by hand, and its checks apply (a date in
    the future, the same open role twice). A row that fails them is rejected like a malformed
    one; any rejected row makes the whole import write nothing unless `skip_bad`.
    """
    from inwriting.services.applications import add_application

    good, bad, _ignored = read_csv(text_)
    # The well-formed rows go through the ledger even when others are malformed, so that one
    # run reports every problem; the caller's transaction then rolls them back.
    report = ImportReport(skipped=bad)
    added = 0
    for row in good:
        savepoint = repo.session.begin_nested()
        try:
            add_application(
                repo,
                row.company,
                row.role,
                applied_on=row.applied,
                now=now,
                url=row.url,
                source=row.source,
                country=row.country,
                notes=row.notes,
            )
        except UserError as error:
            savepoint.rollback()
            bad.append(RowError(row.line, str(error)))
            continue
        savepoint.commit()
        added += 1
    bad.sort(key=lambda e: e.line)
    if bad and not skip_bad:
        raise RowsRejected(bad)  # the caller's transaction rolls back the rows already added
    report.written["applications"] = added
    return report
