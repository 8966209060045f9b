"""Where each published fact comes from.

db/content/sources.toml lists the documents the content rests on, once each:
the Organisatiebesluit, the register's export of a day, a rijksoverheid.nl
page, a budget memorandum. A unit's or an organisation's file names, in its
[sources] table, the document (or documents) behind each fact it states:

    [sources]
    unit = "organisatiebesluit-2025"   # that it exists, its name and place
    description = "organogram-cluster-bo"
    director = "organogram-cluster-bo"
    contact = "register-2026-05-15"
    ended = "register-2026-05-15"
    followed_by = "digicommissaris-2018"   # what followed an ended unit

A fact without a source, a source for a fact the file does not state and a
key sources.toml does not list each stop the build with the file and line.
"""

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..sourcefiles import SourceError
from .fields import check_table
from .tomlfile import TomlFile

FILE_NAME = "sources.toml"
EVIDENCE = ("official", "mention")  # a decree or official page; a mention in passing
CITATION_FIELDS = {
    "title": "str",
    "publisher": "str",
    "url": "str",
    "date": "any",
    "evidence": "str",
}
# What a file states, and the field (or table) that states it.
UNIT_FACTS = {"unit": "id", "description": "description", "director": "director",
              "contact": "contact", "ended": "ended", "followed_by": "followed_by"}  # fmt: skip
ORGANISATION_FACTS = {"organisation": "id", "description": "description",
                      "contact": "contact", "ended": "ended"}  # fmt: skip


@dataclass(frozen=True)
class Citation:
    key: str
    title: str  # the document's own title, kept as written
    publisher: str | None  # where it appeared: "Staatscourant 2025, 29668", "Rijksoverheid.nl"
    url: str | None
    published: str | None  # "2025-06-30", or "2025" when the document gives only a year
    evidence: str  # EVIDENCE


def read_citations(content_dir: Path) -> dict[str, Citation]:
    path = content_dir / FILE_NAME
    if not path.is_file():
        raise SourceError(path, None, "missing: every fact needs a source listed here")
    source = TomlFile(path)
    citations = {}
    for key, data in source.data.items():
        if not isinstance(data, dict):
            raise source.error(f"{key!r} must be a table: [{key}] with title, url, date", key)
        check_table(source, data, CITATION_FIELDS, ("title",), key)
        citations[key] = Citation(
            key=key, title=data["title"], publisher=data.get("publisher"),
            url=_url(source, key, data.get("url")), published=_published(source, key, data),
            evidence=_evidence(source, key, data.get("evidence", "official")),
        )  # fmt: skip
    return citations


def _url(source: TomlFile, key: str, url: str | None) -> str | None:
    if url is not None and not url.startswith(("https://", "http://")):
        raise source.error("url must be a web address (https://…)", "url", key)
    return url


def _published(source: TomlFile, key: str, data: dict) -> str | None:
    value = data.get("date")
    if value is None:
        return None  # the document shows no date
    if type(value) is date:
        return value.isoformat()
    if type(value) is int and 1800 <= value <= 2100:
        return str(value)
    raise source.error("date must be a day (2025-06-30, no quotes) or a year (2025)", "date", key)


def _evidence(source: TomlFile, key: str, evidence: str) -> str:
    if evidence not in EVIDENCE:
        raise source.error(f"evidence must be one of {', '.join(EVIDENCE)}", "evidence", key)
    return evidence


def read_fact_sources(
    source: TomlFile, data: dict, facts: dict[str, str]
) -> dict[str, tuple[str, ...]]:
    """The [sources] table of one file: each fact it states, with its source keys."""
    table = data.get("sources", {})
    if not isinstance(table, dict):
        raise source.error("[sources] must be a table", "sources")
    stated = {fact for fact, field in facts.items() if field in data}
    cited = {}
    for fact, value in table.items():
        if fact not in facts:
            known = ", ".join(facts)
            raise source.error(
                f"unknown fact {fact!r} under [sources]; known: {known}", fact, "sources"
            )
        if fact not in stated:
            message = f"[sources] names a source for {fact!r}, but the file does not state it"
            raise source.error(message, fact, "sources")
        keys = (value,) if isinstance(value, str) else value
        if (
            not isinstance(keys, list | tuple)
            or not keys
            or not all(isinstance(k, str) for k in keys)
        ):
            raise source.error(
                f"{fact!r}: a key of sources.toml, or a list of them", fact, "sources"
            )
        cited[fact] = tuple(keys)
    for fact in facts:
        if fact in stated and fact not in cited:
            field = facts[fact]
            message = f'{fact!r} has no source: add {fact} = "<key>" under [sources]'
            raise SourceError(source.path, source.line_of_field(field), message)
    return cited


def check_cited(
    source: TomlFile, cited: dict[str, tuple[str, ...]], citations: dict[str, Citation]
) -> list[SourceError]:
    """Every key a file cites is listed in sources.toml."""
    return [
        source.error(f"source {key!r} is not listed in {FILE_NAME}", fact, "sources")
        for fact, keys in cited.items()
        for key in keys
        if key not in citations
    ]
