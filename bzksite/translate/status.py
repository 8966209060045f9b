"""`make i18n-status`: how far each language's catalogs are, and what is not done."""

from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog

from .catalogs import read_catalog

# The language of the interface msgids: it needs no messages.po.
MSGID_LANGUAGE = "en"


@dataclass(frozen=True)
class Gap:
    path: Path
    line: int | None  # None: the entry is not in the file at all
    state: str  # fuzzy or missing
    context: str | None
    msgid: str


@dataclass(frozen=True)
class Status:
    language: str
    domain: str
    path: Path
    total: int
    fuzzy: int
    missing: int
    gaps: list[Gap]

    @property
    def translated(self) -> int:
        return self.total - self.fuzzy - self.missing

    @property
    def percent(self) -> int:
        """Rounded down, so 100 means everything."""
        return 100 if not self.total else self.translated * 100 // self.total


def catalog_status(language: str, domain: str, path: Path, template: Catalog) -> Status:
    catalog = read_catalog(path)
    gaps = []
    total = 0
    for wanted in template:
        if not wanted.id:
            continue
        total += 1
        found = catalog.get(wanted.id, context=wanted.context)
        msgid = wanted.id if isinstance(wanted.id, str) else wanted.id[0]
        if found is None or not found.string or not all(_texts(found.string)):
            line = found.lineno if found is not None else None
            gaps.append(Gap(path, line, "missing", wanted.context, msgid))
        elif found.fuzzy:
            gaps.append(Gap(path, found.lineno, "fuzzy", wanted.context, msgid))
    fuzzy = sum(gap.state == "fuzzy" for gap in gaps)
    return Status(language, domain, path, total, fuzzy, len(gaps) - fuzzy, gaps)


def domains_of(language: str, source_language: str) -> list[str]:
    """The catalogs a language needs: interface text unless it is the msgids'
    language, content unless it is the source language."""
    needed = []
    if language != MSGID_LANGUAGE:
        needed.append("messages")
    if language != source_language:
        needed.append("content")
    return needed


def _texts(value) -> list[str]:
    return [value] if isinstance(value, str) else list(value)
