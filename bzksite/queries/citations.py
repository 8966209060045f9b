"""Where a unit's or an organisation's facts come from: each document it
cites, once, with the facts it supports, in the order the page shows them."""

from datetime import date

from sqlite_utils import Database

from ..records import CitedSource

# The facts in the order a page states them.
FACTS = ("unit", "organisation", "description", "director", "contact", "ended", "followed_by")
_CITED = """
SELECT fact_sources.fact, citations.*
FROM fact_sources JOIN citations ON citations.key = fact_sources.citation
WHERE fact_sources.owner = :owner
ORDER BY fact_sources.position
"""


def sources_of(db: Database, owner: str) -> list[CitedSource]:
    """The documents `owner` ("unit:kiem", "organisation:logius") cites."""
    rows = sorted(db.query(_CITED, {"owner": owner}), key=lambda row: FACTS.index(row["fact"]))
    facts: dict[str, list[str]] = {}
    found: dict[str, dict] = {}
    for row in rows:
        facts.setdefault(row["key"], []).append(row["fact"])
        found.setdefault(row["key"], row)
    return [
        CitedSource(
            key=key,
            title=row["title"],
            publisher=row["publisher"],
            url=row["url"],
            published=published_of(row["published"]),
            evidence=row["evidence"],
            facts=tuple(facts[key]),
        )
        for key, row in found.items()
    ]


def published_of(value: str | None) -> date | int | None:
    """A day, a year, or None for a document without a date."""
    if value is None:
        return None
    return int(value) if len(value) == 4 else date.fromisoformat(value)
