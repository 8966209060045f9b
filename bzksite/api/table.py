"""The whole organisation as CSV: one row per unit, made from the organisation
document so that the two files cannot say different things.

UTF-8 without a byte order mark, comma-separated, lines ended with CRLF
(RFC 4180), a header row first. A text in several languages is a column per
language (name_nl, name_en); an empty cell is a value the database does not
hold, or a translation that is missing or being updated.
"""

import csv
import io
from collections.abc import Callable, Sequence


def columns(languages: Sequence[str]) -> list[tuple[str, Callable[[dict], str | None]]]:
    """(header, the cell of a unit of the organisation document) of every column."""

    def register(field: str) -> Callable[[dict], str | None]:
        return lambda unit: (unit["register"] or {}).get(field)

    def head(field: str) -> Callable[[dict], str | None]:
        return lambda unit: (unit["head"] or {}).get(field)

    return [
        ("id", lambda unit: unit["id"]),
        ("kind", lambda unit: unit["kind"]),
        ("parent", lambda unit: unit["parent"]),
        ("abbreviation", lambda unit: unit["abbreviation"]),
        *per_language("name", lambda unit: unit["name"], languages),
        ("head", head("name")),
        ("head_since", head("since")),
        *per_language("role", head("role"), languages),
        ("ended", lambda unit: unit["ended"]),
        ("last_changed", lambda unit: unit["last_changed"]),
        ("systeem_id", register("systeem_id")),
        ("tooi", register("tooi")),
        ("register_url", register("url")),
        ("document", lambda unit: unit["url"]),
        *per_language("page", lambda unit: unit["pages"], languages),
    ]


def organisation_csv(document: dict) -> bytes:
    """The organisation document's units as CSV, in its order."""
    return csv_bytes(columns(document["languages"]), document["units"])


Columns = list[tuple[str, Callable[[dict], str | None]]]


def csv_bytes(table: Columns, rows: list[dict]) -> bytes:
    """A header row of `table`'s headers, then each row's cells."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header for header, _ in table)
    for row in rows:
        writer.writerow(cell(row) or "" for _, cell in table)
    return buffer.getvalue().encode()


def per_language(name: str, texts: Callable[[dict], dict | None], languages: Sequence[str]):
    """A column per language of a text: name_nl, name_en."""
    return [(f"{name}_{lang}", _in(texts, lang)) for lang in languages]


def _in(texts: Callable[[dict], dict | None], lang: str) -> Callable[[dict], str | None]:
    return lambda unit: (texts(unit) or {}).get(lang)
