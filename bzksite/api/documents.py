"""The API's documents, built from the export queries: the whole organisation
and one unit, both languages in one document. Addresses are absolute, like
the pages' canonical links; dates are ISO 8601 days."""

from collections.abc import Sequence
from dataclasses import asdict
from datetime import date

from ..queries.export import ExportUnit, InLanguages
from ..records import SOURCE_LANGUAGE
from ..site_address import absolute_url


def organisation_document(units: list[ExportUnit], languages: Sequence[str]) -> dict:
    """Every unit in tree order, each with its parent's and its current children's ids."""
    return {
        **about(languages),
        "url": absolute_url("api.organisation"),
        "units": [
            {**unit_fields(unit, languages), "parent": unit.parent, "children": unit.children}
            for unit in units
        ],
    }


def unit_document(
    unit: ExportUnit, names: dict[str, InLanguages], languages: Sequence[str]
) -> dict:
    """One unit with its texts, contact data and related items; its parent and
    children as links, named from `names`."""
    texts = unit.texts
    return {
        **about(languages),
        "unit": {
            **unit_fields(unit, languages),
            "parent": _link(unit.parent, names) if unit.parent else None,
            "children": [_link(child, names) for child in unit.children],
            "description_heading": unit.text("description_heading"),
            "description": texts.get("description", []),
            "children_intro": unit.text("children_intro"),
            "contact": asdict(unit.contact) if unit.contact else None,
            "related": [
                {"kind": item.kind, "title": item.title, "url": item.url} for item in unit.related
            ],
        },
    }


def unit_fields(unit: ExportUnit, languages: Sequence[str]) -> dict:
    """What both documents say of a unit, but its parent and children."""
    register = unit.register
    return {
        "id": unit.id,
        "kind": unit.kind,
        "name": unit.text("name") or {},
        "abbreviation": unit.abbreviation,
        "head": _head(unit),
        "register": (
            {"systeem_id": register.systeem_id, "tooi": register.tooi, "url": register.url}
            if register
            else None
        ),
        "ended": _day(unit.ended),
        # The one change the database dates: the register's import, which
        # keeps its date when the register's data did not change.
        "last_changed": _day(register.imported) if register else None,
        "url": unit_url(unit.id),
        "pages": _pages(unit, languages) if unit.has_page else None,
    }


def unit_url(unit_id: str) -> str:
    return absolute_url("api.unit", unit_id=unit_id)


def about(languages: Sequence[str]) -> dict:
    return {"languages": list(languages), "source_language": SOURCE_LANGUAGE}


def _head(unit: ExportUnit) -> dict | None:
    if not unit.director:
        return None
    role = unit.text("director_role") or {}
    return {"name": unit.director, "role": role, "since": _day(unit.director_since)}


def _pages(unit: ExportUnit, languages: Sequence[str]) -> dict[str, str]:
    """The unit's page in every language; the ministry's is the overview."""
    if unit.parent is None:
        return {lang: absolute_url("site.overview", lang=lang) for lang in languages}
    return {lang: absolute_url("site.unit", unit_id=unit.id, lang=lang) for lang in languages}


def _link(unit_id: str, names: dict[str, InLanguages]) -> dict:
    return {"id": unit_id, "name": names.get(unit_id, {}), "url": unit_url(unit_id)}


def _day(day: date | None) -> str | None:
    return day.isoformat() if day else None
