"""Every read of the site database. Each function takes the page language and
returns plain objects; the views hold no SQL.

A text without a current translation comes back in Dutch, with its state,
so the page can mark it `lang="nl"` and say why.
"""

import json
from datetime import date, datetime

from sqlite_utils import Database

from .records import (
    SHOWN_AS_WRITTEN,
    SOURCE_LANGUAGE,
    Organisation,
    Page,
    RegisterSource,
    RelatedItem,
    ReportSummary,
    Section,
    Text,
    Unit,
    UnitContact,
    UnitLink,
    ViolatedRule,
)

__all__ = ["Organisation", "Page", "RelatedItem", "Section", "Text", "Unit", "UnitLink"]

_TEXTS = """
SELECT source.owner, source.field, source.position, source.text AS source_text,
       translation.text AS translated_text, translation.state
FROM texts AS source
LEFT JOIN texts AS translation
  ON translation.owner = source.owner AND translation.field = source.field
 AND translation.position = source.position AND translation.lang = :lang
WHERE source.lang = :source
  AND (:owner IS NULL OR source.owner = :owner) AND (:field IS NULL OR source.field = :field)
ORDER BY source.owner, source.field, source.position
"""


def texts(db: Database, lang: str, owner: str | None = None, field: str | None = None) -> dict:
    """{owner: {field: [Text, ...]}}, for one owner or field or for all."""
    result: dict[str, dict[str, list[Text]]] = {}
    params = {"lang": lang, "source": SOURCE_LANGUAGE, "owner": owner, "field": field}
    for row in db.query(_TEXTS, params):
        if row["state"] in SHOWN_AS_WRITTEN:
            text = Text(row["translated_text"], lang, row["state"])
        else:
            text = Text(row["source_text"], SOURCE_LANGUAGE, row["state"] or "missing")
        result.setdefault(row["owner"], {}).setdefault(row["field"], []).append(text)
    return result


def organisation(db: Database, lang: str) -> Organisation:
    names = texts(db, lang, field="name")
    rows = db.query(
        'SELECT id, parent, abbreviation, has_page, ended FROM units ORDER BY "order", id'
    )
    units = {
        row["id"]: UnitLink(
            row["id"], row["parent"], row["abbreviation"], names[f"unit:{row['id']}"]["name"][0],
            bool(row["has_page"]), _date(row["ended"]),
        )
        for row in rows
    }  # fmt: skip
    root = next(unit for unit in units.values() if unit.parent is None)
    return Organisation(units, root)


def unit(db: Database, lang: str, unit_id: str) -> Unit | None:
    rows = list(db.query("SELECT * FROM units WHERE id = ?", [unit_id]))
    if not rows:
        return None
    row = rows[0]
    owner = f"unit:{unit_id}"
    unit_texts = texts(db, lang, owner=owner).get(owner, {})
    titles = unit_texts.get("related", [])
    related = [
        RelatedItem(item["kind"], titles[item["position"]], item["url"])
        for item in db.query("SELECT * FROM related WHERE unit = ? ORDER BY position", [unit_id])
    ]
    return Unit(
        id=row["id"], kind=row["kind"], parent=row["parent"], abbreviation=row["abbreviation"],
        director=row["director"], texts=unit_texts, related=related,
        director_since=_date(row["director_since"]), ended=_date(row["ended"]),
        has_page=bool(row["has_page"]), contact=_contact(row["contact"]), register=_register(row),
    )  # fmt: skip


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _contact(value: str | None) -> UnitContact | None:
    if not value:
        return None
    fields = json.loads(value)
    for name in ("visiting_address", "postal_address"):
        fields[name] = tuple(fields.get(name, ()))
    return UnitContact(**fields)


def _register(row: dict) -> RegisterSource | None:
    if not row["systeem_id"]:
        return None
    return RegisterSource(
        row["register_url"], date.fromisoformat(row["imported"]), row["systeem_id"], row["tooi"]
    )


def page(db: Database, lang: str, page_id: str) -> Page | None:
    """A page with its title, body and sections, or None when there is no such page."""
    if not list(db.query("SELECT id FROM pages WHERE id = ?", [page_id])):
        return None
    owner = f"page:{page_id}"
    page_texts = texts(db, lang, owner=owner).get(owner, {})
    headings = page_texts.get("sections_heading", [])
    paragraphs = page_texts.get("sections_paragraphs", [])
    sections = []
    start = 0
    rows = db.query("SELECT * FROM sections WHERE page = ? ORDER BY position", [page_id])
    for row in rows:
        end = start + row["paragraphs"]
        heading = headings[row["position"]]
        sections.append(Section(heading, paragraphs[start:end], row["include"]))
        start = end
    return Page(page_id, page_texts["title"][0], page_texts["body"], sections)


def translation_revised(db: Database, lang: str) -> date | None:
    """When `lang`'s translation was last brought up to date (None for the source language)."""
    rows = db.query("SELECT value FROM meta WHERE key = ?", [f"revised:{lang}"])
    row = next(rows, None)
    return date.fromisoformat(row["value"]) if row else None


def ministry_short_name(db: Database, lang: str) -> str:
    """The ministry's abbreviation, or its name when it has none."""
    row = next(db.query("SELECT id, abbreviation FROM units WHERE parent IS NULL"))
    if row["abbreviation"]:
        return row["abbreviation"]
    return texts(db, lang, owner=f"unit:{row['id']}", field="name")[f"unit:{row['id']}"]["name"][
        0
    ].text


def unit_ids(db: Database) -> list[str]:
    """Every current unit with a page of its own, in tree order: all but the
    ministry, which is the overview, and units that ended or have no page."""
    children: dict[str | None, list[str]] = {}
    listed = 'SELECT id, parent FROM units WHERE has_page AND ended IS NULL ORDER BY "order", id'
    for row in db.query(listed):
        children.setdefault(row["parent"], []).append(row["id"])
    ordered: list[str] = []
    pending = list(reversed(children.get(None, [])))
    while pending:
        unit_id = pending.pop()
        ordered.append(unit_id)
        pending.extend(reversed(children.get(unit_id, [])))
    return ordered[1:]


def accessibility_report(db: Database) -> ReportSummary | None:
    """The summary of the last automated accessibility test, or None before the first."""
    rows = list(db.query("SELECT * FROM accessibility_report"))
    if not rows:
        return None
    row = rows[0]
    rules = tuple(
        ViolatedRule(
            rule=rule["rule"],
            impact=rule["impact"],
            help=rule["help"],
            help_url=rule["help_url"],
            criteria=tuple(json.loads(rule["criteria"])),
            pages=rule["pages"],
        )
        for rule in db.query("SELECT * FROM accessibility_rules ORDER BY position")
    )
    return ReportSummary(
        generated=datetime.fromisoformat(row["generated"]), axe_version=row["axe_version"],
        pages=row["pages"], languages=tuple(json.loads(row["languages"])),
        violations=row["violations"], needs_review=row["needs_review"],
        check_problems=row["check_problems"], rules=rules,
    )  # fmt: skip
