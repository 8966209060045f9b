"""The fields a source file may have, and the checks of one table: names,
types, ids, and translated texts as one paragraph each, without markup."""

import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from .tomlfile import TomlFile

_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z!]")

# The fields a file may have: "text" and "paragraphs" are translated, the rest is data.
UNIT_FIELDS = {
    "id": "str", "kind": "str", "parent": "str", "order": "int", "abbreviation": "str",
    "name": "text", "ended": "date", "description_heading": "text",
    "description": "paragraphs", "children_intro": "text", "director": "table",
    "contact": "table", "register": "table", "related": "tables", "sources": "table",
    "history": "tables", "followed_by": "str",
}  # fmt: skip
UNIT_REQUIRED = ("id", "kind", "name")
DIRECTOR_FIELDS = {"role": "text", "name": "str", "since": "date"}
# The unit's own contact data, as the register publishes it (never a person's).
CONTACT_FIELDS = {
    "visiting_address": "lines", "postal_address": "lines", "phone": "str", "email": "str",
    "website": "str", "contact_form": "str",
}  # fmt: skip
# Where the unit is in the Register van Overheidsorganisaties, and when it was imported.
# description_hash: the description is the register's while it is the hash of the
# paragraphs (register/editedfile.py).
REGISTER_FIELDS = {
    "systeem_id": "str", "tooi": "str", "url": "str", "imported": "date",
    "description_hash": "str",
}  # fmt: skip
REGISTER_REQUIRED = ("systeem_id", "url", "imported")
RELATED_FIELDS = {"kind": "str", "title": "text", "url": "str"}
PAGE_FIELDS = {"id": "str", "title": "text", "body": "paragraphs", "sections": "tables"}
PAGE_REQUIRED = ("id", "title", "body")
SECTION_FIELDS = {"heading": "text", "paragraphs": "paragraphs", "include": "str"}
SECTION_REQUIRED = ("heading", "paragraphs")


@dataclass(frozen=True)
class SourceText:
    owner: str  # "unit:kiem" or "page:privacy"
    field: str
    position: int
    text: str
    path: Path
    line: int

    @property
    def context(self) -> str:
        return f"{self.owner}:{self.field}"


def check_table(
    source: TomlFile,
    data: Any,
    fields: dict[str, str],
    required: tuple[str, ...],
    table: str | None = None,
    index: int = 0,
) -> dict[str, Any]:
    """Check names and types of the keys in one table of a source file."""
    where = table or "id"
    if not isinstance(data, dict):
        raise source.error(f"{table!r} must be a table", where)
    for key, value in data.items():
        kind = fields.get(key)
        if kind is None:
            known = ", ".join(fields)
            raise source.error(f"unknown field {key!r}; known fields: {known}", key, table, index)
        problem = _type_problem(kind, value)
        if problem:
            raise source.error(f"field {key!r} {problem}", key, table, index)
        if key in ("id", "parent") and not _ID.match(value):
            raise source.error(f"{key} {value!r} must be lowercase letters, digits and -", key)
    for key in required:
        if key not in data:
            raise source.error(f"required field {key!r} is missing", where, table, index)
    return data


def _type_problem(kind: str, value: Any) -> str | None:
    if kind == "any":  # checked by the reader of the field
        return None
    if kind in ("str", "text"):
        return None if isinstance(value, str) else "must be a string"
    if kind == "int":
        return None if type(value) is int else "must be a whole number"
    if kind == "date":
        plain_date = isinstance(value, date) and not isinstance(value, datetime)
        return None if plain_date else "must be a date (2026-11-29, no quotes)"
    if kind == "lines":
        ok = isinstance(value, list) and value and all(isinstance(v, str) and v for v in value)
        return None if ok else "must be a list of lines (strings)"
    if kind == "paragraphs":
        ok = isinstance(value, list) and value and all(isinstance(v, str) for v in value)
        return None if ok else "must be a list of paragraphs (strings)"
    if kind == "table":
        return None if isinstance(value, dict) else "must be a table"
    ok = isinstance(value, list) and all(isinstance(v, dict) for v in value)
    return None if ok else "must be a list of tables ([[...]])"


def table_texts(
    source: TomlFile,
    owner: str,
    data: dict,
    fields: dict[str, str],
    table: str | None = None,
    index: int = 0,
) -> list[SourceText]:
    """The translated texts of one table, each paragraph at its position in its field."""
    texts = []
    for key, kind in fields.items():
        if kind not in ("text", "paragraphs") or key not in data:
            continue
        field = f"{table}_{key}" if table else key
        key_line = source.line_of(key, table, index)
        values = data[key] if kind == "paragraphs" else [data[key]]
        for position, value in enumerate(values):
            line = source.line_containing(value[:40], key_line)
            if not value.strip() or value != value.strip() or "\n" in value:
                raise source.error(
                    f"{key!r}: each text is one paragraph on one line, not empty, "
                    "without leading or trailing spaces",
                    key,
                    table,
                    index,
                )
            if _MARKUP.search(value):
                raise source.error(f"{key!r}: markup is not allowed in content", key, table, index)
            texts.append(SourceText(owner, field, position, value, source.path, line))
    return texts
