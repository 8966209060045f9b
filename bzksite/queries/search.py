"""Search: the units and organisations whose texts match a query, best first
(SQLite FTS5 and its bm25 ranking over the index make db writes, store/search.py)."""

from sqlite_utils import Database

from ..records import SOURCE_LANGUAGE

# bm25's weights, one per column of the index in its order, the unindexed owner
# and lang included (they weigh nothing): name, abbreviation, head, related,
# description. A match in a name or an abbreviation counts most.
_COUNT = "SELECT count(*) AS found FROM search WHERE search MATCH :match AND lang = :lang"
_SEARCH = """
SELECT owner FROM search
WHERE search MATCH :match AND lang = :lang
ORDER BY bm25(search, 0.0, 0.0, 10.0, 10.0, 3.0, 2.0, 1.0), owner
LIMIT :limit
"""


def find(db: Database, lang: str, match: str, limit: int = 50) -> tuple[list[str], int]:
    """The owners ("unit:kiem", "organisation:logius") of the first `limit`
    units and organisations that `match` (an FTS5 query) finds in `lang`'s
    index, best first, and how many it finds in all. A language
    without an index of its own searches the source language's."""
    indexed = next(db.query("SELECT 1 FROM search WHERE lang = ? LIMIT 1", [lang]), None)
    params = {"match": match, "lang": lang if indexed else SOURCE_LANGUAGE, "limit": limit}
    found = next(db.query(_COUNT, params))["found"]
    return [row["owner"] for row in db.query(_SEARCH, params)], found
