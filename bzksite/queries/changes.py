"""The changes to the organisation (store/changes.py), newest first: all of
them for the changes page and its feed, or one unit's for its page."""

import json
from datetime import date

from sqlite_utils import Database

from ..records import SOURCE_LANGUAGE, Change, CitedSource, UnitLink
from .citations import published_of
from .texts import text_in
from .units import links_by_id

# Each change with its subject's name and, when it has one, its note.
_CHANGES = """
SELECT changes.*, units.parent, units.has_page,
       name.text AS source_text, name_translated.text AS translated_text,
       name_translated.state,
       note.text AS note_source, note_translated.text AS note_translated,
       note_translated.state AS note_state
FROM changes
LEFT JOIN units ON units.id = changes.unit
JOIN texts AS name ON name.owner = changes.owner AND name.field = 'name'
 AND name.position = 0 AND name.lang = :source
LEFT JOIN texts AS name_translated ON name_translated.owner = changes.owner
 AND name_translated.field = 'name' AND name_translated.position = 0
 AND name_translated.lang = :lang
LEFT JOIN texts AS note ON note.owner = changes.owner AND note.field = 'history_note'
 AND note.position = changes.note AND note.lang = :source
LEFT JOIN texts AS note_translated ON note_translated.owner = changes.owner
 AND note_translated.field = 'history_note' AND note_translated.position = changes.note
 AND note_translated.lang = :lang
WHERE :owner IS NULL OR changes.owner = :owner
"""
_SOURCES = """
SELECT change_sources.change, citations.*
FROM change_sources JOIN citations ON citations.key = change_sources.citation
WHERE change_sources.change IN (SELECT value FROM json_each(:keys))
ORDER BY change_sources.change, change_sources.position
"""


def changes(db: Database, lang: str) -> list[Change]:
    """Every change to the organisation, newest first."""
    return _changes(db, lang, None)


def history_of(db: Database, lang: str, unit_id: str) -> list[Change]:
    """The changes to one unit, newest first."""
    return _changes(db, lang, f"unit:{unit_id}")


def _changes(db: Database, lang: str, owner: str | None) -> list[Change]:
    params = {"lang": lang, "source": SOURCE_LANGUAGE, "owner": owner}
    rows = list(db.query(_CHANGES, params))
    sources = _sources(db, [row["key"] for row in rows])
    following = links_by_id(db, lang, [row["followed_by"] for row in rows if row["followed_by"]])
    found = [_change(row, lang, sources.get(row["key"], []), following) for row in rows]
    found.sort(key=lambda change: change.key)
    found.sort(key=lambda change: change.order, reverse=True)  # stable: same day by key
    return found


def _change(
    row: dict, lang: str, sources: list[CitedSource], following: dict[str, UnitLink]
) -> Change:
    day = date.fromisoformat(row["date"]) if len(row["date"]) > 4 else None
    is_unit = row["unit"] is not None
    subject = UnitLink(
        row["unit"] or row["owner"].split(":", 1)[1], row["parent"] if is_unit else None,
        row["abbreviation"], text_in(row, lang), bool(row["has_page"]),
    )  # fmt: skip
    note = None
    if row["note"] is not None:
        note = text_in(
            {"source_text": row["note_source"], "translated_text": row["note_translated"],
             "state": row["note_state"]}, lang,
        )  # fmt: skip
    return Change(
        key=row["key"], subject=subject, is_unit=is_unit, day=day,
        year=day.year if day else int(row["date"]), by=bool(row["by_date"]),
        change=row["change"], earlier_names=tuple(json.loads(row["earlier_names"])),
        earlier_abbreviation=row["earlier_abbreviation"], note=note, sources=sources,
        followed_by=following.get(row["followed_by"]),
    )  # fmt: skip


def _sources(db: Database, keys: list[str]) -> dict[str, list[CitedSource]]:
    cited: dict[str, list[CitedSource]] = {}
    for row in db.query(_SOURCES, {"keys": json.dumps(keys)}):
        cited.setdefault(row["change"], []).append(
            CitedSource(
                key=row["key"],
                title=row["title"],
                publisher=row["publisher"],
                url=row["url"],
                published=published_of(row["published"]),
                evidence=row["evidence"],
                facts=(),
            )
        )
    return cited
