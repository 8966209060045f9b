"""The units for the open data (bzksite/api/): the whole organisation, or
one unit, in every language at once. Each table is read once, whatever the
number of units: no query per unit.

A text comes only in the languages that have it as written: the source, or
a translation that is complete and current. A missing or fuzzy translation
is left out, never filled in with Dutch.
"""

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlite_utils import Database

from ..records import SHOWN_AS_WRITTEN, RegisterSource, UnitContact
from .rows import contact_of, date_of, in_tree_order, register_of

InLanguages = dict[str, str]  # {language: text}, in the order of the languages asked for

# What the whole organisation shows of each unit's texts.
ORGANISATION_FIELDS = ("name", "director_role")
_UNITS = 'SELECT * FROM units ORDER BY "order", id'
_CURRENT_CHILDREN = 'SELECT id FROM units WHERE parent = ? AND ended IS NULL ORDER BY "order", id'
_TEXTS = """
SELECT substr(owner, length(:kind) + 2) AS unit, field, position, lang, text FROM texts
WHERE owner IN (SELECT :kind || ':' || value FROM json_each(:units))
  AND lang IN (SELECT value FROM json_each(:languages))
  AND state IN (SELECT value FROM json_each(:shown))
  AND (:fields IS NULL OR field IN (SELECT value FROM json_each(:fields)))
ORDER BY owner, field, position
"""


@dataclass(frozen=True)
class ExportRelated:
    kind: str
    title: InLanguages
    url: str | None


@dataclass(frozen=True)
class ExportUnit:
    id: str
    kind: str
    parent: str | None
    abbreviation: str | None
    has_page: bool
    ended: date | None
    director: str | None
    director_since: date | None
    register: RegisterSource | None
    contact: UnitContact | None
    texts: dict[str, list[InLanguages]]  # {field: [paragraph, ...]}
    children: list[str]  # the current units under it, in order
    related: tuple[ExportRelated, ...] = ()

    def text(self, name: str) -> InLanguages | None:
        values = self.texts.get(name)
        return values[0] if values else None


def organisation(db: Database, languages: Sequence[str]) -> list[ExportUnit]:
    """Every unit, ended ones too, in tree order, with its name and its head's role."""
    rows = {row["id"]: row for row in db.query(_UNITS)}
    children: dict[str, list[str]] = {}
    for row in rows.values():
        if row["ended"] is None and row["parent"] is not None:
            children.setdefault(row["parent"], []).append(row["id"])
    ordered = in_tree_order((row["id"], row["parent"]) for row in rows.values())
    texts = texts_in_languages(db, languages, ordered, ORGANISATION_FIELDS)
    return [
        _unit(rows[unit_id], texts.get(unit_id, {}), children.get(unit_id, []))
        for unit_id in ordered
    ]


def unit(db: Database, languages: Sequence[str], unit_id: str) -> ExportUnit | None:
    """One unit with all its texts and related items, or None when there is no such unit."""
    row = next(db.query("SELECT * FROM units WHERE id = ?", [unit_id]), None)
    if row is None:
        return None
    texts = texts_in_languages(db, languages, [unit_id]).get(unit_id, {})
    titles = texts.get("related", [])
    related = tuple(
        ExportRelated(item["kind"], _paragraph(titles, item["position"]), item["url"])
        for item in db.query("SELECT * FROM related WHERE unit = ? ORDER BY position", [unit_id])
    )
    children = [child["id"] for child in db.query(_CURRENT_CHILDREN, [unit_id])]
    return _unit(row, texts, children, related)


def names(db: Database, languages: Sequence[str], unit_ids: list[str]) -> dict[str, InLanguages]:
    """{unit id: its name} of the units asked for."""
    texts = texts_in_languages(db, languages, unit_ids, ("name",))
    return {unit_id: fields["name"][0] for unit_id, fields in texts.items()}


def every_unit(db: Database) -> list[str]:
    """The id of every unit, ended or not, with a page or not: each has a document."""
    return [row["id"] for row in db.query("SELECT id FROM units")]


def _unit(row: dict, texts: dict, children: list[str], related: tuple = ()) -> ExportUnit:
    return ExportUnit(
        id=row["id"], kind=row["kind"], parent=row["parent"], abbreviation=row["abbreviation"],
        has_page=bool(row["has_page"]), ended=date_of(row["ended"]), director=row["director"],
        director_since=date_of(row["director_since"]), register=register_of(row),
        contact=contact_of(row["contact"]), texts=texts, children=children, related=related,
    )  # fmt: skip


def _paragraph(paragraphs: list[InLanguages], position: int) -> InLanguages:
    """One paragraph of a field; empty when none of the languages asked for has it."""
    return paragraphs[position] if position < len(paragraphs) else {}


def texts_in_languages(
    db: Database,
    languages: Sequence[str],
    unit_ids: list[str],
    fields: Sequence[str] = (),
    kind: str = "unit",
) -> dict[str, dict[str, list[InLanguages]]]:
    """{unit id: {field: [paragraph, ...]}} of the units asked for (all fields
    when none are named), each paragraph {language: text} in `languages`' order;
    of the organisations with `kind` "organisation"."""
    params = {
        "kind": kind,
        "units": json.dumps(unit_ids),
        "languages": json.dumps(list(languages)),
        "shown": json.dumps(SHOWN_AS_WRITTEN),
        "fields": json.dumps(list(fields)) if fields else None,
    }
    found: dict[str, dict[str, list[InLanguages]]] = {}
    for row in db.query(_TEXTS, params):
        paragraphs = found.setdefault(row["unit"], {}).setdefault(row["field"], [])
        paragraphs.extend({} for _ in range(row["position"] + 1 - len(paragraphs)))
        paragraphs[row["position"]][row["lang"]] = row["text"]
    rank = {lang: number for number, lang in enumerate(languages)}
    for fields_found in found.values():
        for paragraphs in fields_found.values():
            paragraphs[:] = [dict(sorted(p.items(), key=lambda i: rank[i[0]])) for p in paragraphs]
    return found


def ministry_id(db: Database) -> str:
    """The id of the unit at the top: the ministry."""
    return next(db.query("SELECT id FROM units WHERE parent IS NULL"))["id"]
