"""The units: one unit's page, and the parts of the tree a page shows (its
ancestors, its children, the overview's levels). Each query reads only what
its page shows, so a page costs the same in an organisation of any size."""

import json

from sqlite_utils import Database

from ..records import SOURCE_LANGUAGE, Organisation, RelatedItem, Unit, UnitLink
from .citations import sources_of
from .rows import contact_of, date_of, in_tree_order, register_of
from .texts import text_in, texts_of

# Which units a page shows, in the order it shows them: each query picks ids.
_CHILDREN = 'SELECT id FROM units WHERE parent = :unit AND ended IS NULL ORDER BY "order", id'
_ANCESTORS = """
WITH RECURSIVE chain(id, depth) AS (
  SELECT parent, 1 FROM units WHERE id = :unit
  UNION ALL SELECT units.parent, chain.depth + 1 FROM units JOIN chain ON units.id = chain.id
)
SELECT id FROM chain WHERE id IS NOT NULL ORDER BY depth DESC
"""
_LEVELS = """
WITH RECURSIVE tree(id, depth) AS (
  SELECT id, 0 FROM units WHERE parent IS NULL
  UNION ALL SELECT units.id, tree.depth + 1 FROM units JOIN tree ON units.parent = tree.id
  WHERE tree.depth < :levels AND units.ended IS NULL
)
SELECT tree.id FROM tree JOIN units ON units.id = tree.id
ORDER BY tree.depth, units."order", units.id
"""
# The picked units as links: their row, their name (source and translation)
# and how many current units lie under each.
_LINKS = """
SELECT units.id, units.parent, units.abbreviation, units.has_page, units.ended,
       units.beside_decree,
       source.text AS source_text, translation.text AS translated_text, translation.state,
       (SELECT count(*) FROM units AS below
        WHERE below.parent = units.id AND below.ended IS NULL) AS subunits
FROM units
JOIN texts AS source ON source.owner = 'unit:' || units.id AND source.field = 'name'
 AND source.position = 0 AND source.lang = :source
LEFT JOIN texts AS translation ON translation.owner = source.owner
 AND translation.field = 'name' AND translation.position = 0 AND translation.lang = :lang
WHERE units.id IN (SELECT value FROM json_each(:ids))
"""


def _links(db: Database, lang: str, picking: str, **params: object) -> list[UnitLink]:
    """The units `picking` picks, as links, in its order."""
    ids = [row["id"] for row in db.query(picking, params)]
    rows = db.query(_LINKS, {"lang": lang, "source": SOURCE_LANGUAGE, "ids": json.dumps(ids)})
    links = {
        row["id"]: UnitLink(row["id"], row["parent"], row["abbreviation"], text_in(row, lang),
                            bool(row["has_page"]), date_of(row["ended"]), row["subunits"],
                            bool(row["beside_decree"]))
        for row in rows
    }  # fmt: skip
    return [links[unit_id] for unit_id in ids]


def links_by_id(db: Database, lang: str, ids: list[str]) -> dict[str, UnitLink]:
    """The units `ids` names, as links, by id."""
    picked = "SELECT value AS id FROM json_each(:ids)"
    return {link.id: link for link in _links(db, lang, picked, ids=json.dumps(ids))}


def children(db: Database, lang: str, unit_id: str) -> list[UnitLink]:
    """The units under `unit_id` that have not ended, in order."""
    return _links(db, lang, _CHILDREN, unit=unit_id)


def ancestors(db: Database, lang: str, unit_id: str) -> list[UnitLink]:
    """From the ministry down to the unit's parent."""
    return _links(db, lang, _ANCESTORS, unit=unit_id)


def levels(db: Database, lang: str, levels: int) -> Organisation:
    """The ministry and the current units `levels` deep under it, each with
    the number of current units under it."""
    units = _links(db, lang, _LEVELS, levels=levels)
    return Organisation({unit.id: unit for unit in units}, units[0])


def unit(db: Database, lang: str, unit_id: str) -> Unit | None:
    row = next(db.query("SELECT * FROM units WHERE id = ?", [unit_id]), None)
    if row is None:
        return None
    unit_texts = texts_of(db, lang, f"unit:{unit_id}")
    titles = unit_texts.get("related", [])
    related = [
        RelatedItem(item["kind"], titles[item["position"]], item["url"])
        for item in db.query("SELECT * FROM related WHERE unit = ? ORDER BY position", [unit_id])
    ]
    return Unit(
        id=row["id"], kind=row["kind"], parent=row["parent"], abbreviation=row["abbreviation"],
        director=row["director"], texts=unit_texts, related=related,
        director_since=date_of(row["director_since"]), ended=date_of(row["ended"]),
        has_page=bool(row["has_page"]), contact=contact_of(row["contact"]),
        register=register_of(row), sources=sources_of(db, f"unit:{unit_id}"),
    )  # fmt: skip


def ministry_short_name(db: Database, lang: str) -> str:
    """The ministry's abbreviation, or its name when it has none."""
    row = next(db.query("SELECT id, abbreviation FROM units WHERE parent IS NULL"))
    if row["abbreviation"]:
        return row["abbreviation"]
    return texts_of(db, lang, f"unit:{row['id']}")["name"][0].text


def unit_ids(db: Database) -> list[str]:
    """Every current unit with a page of its own, in tree order: all but the
    ministry, which is the overview, and units that ended or have no page."""
    listed = 'SELECT id, parent FROM units WHERE has_page AND ended IS NULL ORDER BY "order", id'
    return in_tree_order((row["id"], row["parent"]) for row in db.query(listed))[1:]


def unit_pages(db: Database) -> list[str]:
    """Every unit with a page of its own (ended or not): any other unit id is a 404."""
    return [row["id"] for row in db.query("SELECT id FROM units WHERE has_page")]
