"""The search index, written by make db from the units and texts it has just
written: one row per current unit and language, each text as that language's
page shows it (the translation, or the Dutch it falls back to), folded and
stemmed in the language it is written in (searchtext.py). SQLite's FTS5
finds and ranks; the site stems a query the same way (queries/search.py)."""

from sqlite_utils import Database

from ..records import SHOWN_AS_WRITTEN, SOURCE_LANGUAGE
from ..searchtext import fold, indexed

# The columns in the order bm25() weighs them (queries/search.py).
COLUMNS = ("name", "abbreviation", "head", "related", "description")
_TEXTS = """
SELECT source.owner, source.field, source.text AS source_text,
       translation.text AS translated_text, translation.state
FROM texts AS source
LEFT JOIN texts AS translation
  ON translation.owner = source.owner AND translation.field = source.field
 AND translation.position = source.position AND translation.lang = :lang
WHERE source.lang = :source AND source.owner LIKE 'unit:%'
  AND source.field IN ('name', 'director_role', 'related', 'description')
ORDER BY source.owner, source.field, source.position
"""


def write_search_index(db: Database) -> None:
    db.execute(
        "CREATE VIRTUAL TABLE search USING fts5(unit UNINDEXED, lang UNINDEXED, "
        "name, abbreviation, head, related, description, tokenize = 'unicode61')"
    )
    units = {
        row["id"]: row
        for row in db.query("SELECT id, abbreviation, director FROM units WHERE ended IS NULL")
    }
    languages = [row["lang"] for row in db.query("SELECT DISTINCT lang FROM texts ORDER BY lang")]
    for lang in languages:
        fields: dict[str, dict[str, list[str]]] = {unit_id: {} for unit_id in units}
        for row in db.query(_TEXTS, {"lang": lang, "source": SOURCE_LANGUAGE}):
            unit_id = row["owner"].removeprefix("unit:")
            if unit_id not in fields:
                continue
            if row["state"] in SHOWN_AS_WRITTEN:
                text = indexed(row["translated_text"], lang)
            else:
                text = indexed(row["source_text"], SOURCE_LANGUAGE)
            column = "head" if row["field"] == "director_role" else row["field"]
            fields[unit_id].setdefault(column, []).append(text)
        db["search"].insert_all(
            {
                "unit": unit_id,
                "lang": lang,
                "abbreviation": fold(units[unit_id]["abbreviation"] or ""),
                **{column: " ".join(texts) for column, texts in found.items()},
                "head": " ".join(
                    [
                        *found.get("head", []),
                        indexed(units[unit_id]["director"] or "", SOURCE_LANGUAGE),
                    ]
                ),
            }
            for unit_id, found in fields.items()
        )
