"""The search index, written by make db from the units, the organisations
related to the ministry and the texts it has just written: one row per current
unit or organisation and language, named by its owner ("unit:kiem",
"organisation:logius", as in texts), each text as that language's page shows
it (the translation, or the Dutch it falls back to), folded and stemmed in the
language it is written in (searchtext.py). SQLite's FTS5 finds and ranks; the
site stems a query the same way (queries/search.py)."""

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
WHERE source.lang = :source
  AND (source.owner LIKE 'unit:%' OR source.owner LIKE 'organisation:%')
  AND source.field IN ('name', 'director_role', 'related', 'description')
ORDER BY source.owner, source.field, source.position
"""


def write_search_index(db: Database) -> None:
    db.execute(
        "CREATE VIRTUAL TABLE search USING fts5(owner UNINDEXED, lang UNINDEXED, "
        "name, abbreviation, head, related, description, tokenize = 'unicode61')"
    )
    # The current units and organisations: (abbreviation, head) by owner.
    owners = {
        f"unit:{row['id']}": (row["abbreviation"], row["director"])
        for row in db.query("SELECT id, abbreviation, director FROM units WHERE ended IS NULL")
    }
    current = "SELECT id, abbreviation FROM organisations WHERE ended IS NULL"
    owners.update(
        (f"organisation:{row['id']}", (row["abbreviation"], None)) for row in db.query(current)
    )
    languages = [row["lang"] for row in db.query("SELECT DISTINCT lang FROM texts ORDER BY lang")]
    for lang in languages:
        fields: dict[str, dict[str, list[str]]] = {owner: {} for owner in owners}
        for row in db.query(_TEXTS, {"lang": lang, "source": SOURCE_LANGUAGE}):
            if row["owner"] not in fields:
                continue
            if row["state"] in SHOWN_AS_WRITTEN:
                text = indexed(row["translated_text"], lang)
            else:
                text = indexed(row["source_text"], SOURCE_LANGUAGE)
            column = "head" if row["field"] == "director_role" else row["field"]
            fields[row["owner"]].setdefault(column, []).append(text)
        db["search"].insert_all(
            {
                "owner": owner,
                "lang": lang,
                "abbreviation": fold(owners[owner][0] or ""),
                **{column: " ".join(texts) for column, texts in found.items()},
                "head": " ".join(
                    [*found.get("head", []), indexed(owners[owner][1] or "", SOURCE_LANGUAGE)]
                ),
            }
            for owner, found in fields.items()
        )
