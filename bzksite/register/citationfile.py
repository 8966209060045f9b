"""The register's export of one day as a source in db/content/sources.toml:
every fact an import writes names it (register-2026-05-15), and the import
adds it to the list the first time, keeping the file byte for byte otherwise."""

from datetime import date
from pathlib import Path

import tomlkit

from ..content.citations import FILE_NAME
from .records import REGISTER_NAME

PREFIX = "register-"
HOME = "https://organisaties.overheid.nl/"


def register_key(exported: date) -> str:
    return f"{PREFIX}{exported.isoformat()}"


def with_register(content_dir: Path, exported: date) -> str | None:
    """sources.toml with the export of `exported` listed; None when it already is."""
    path = content_dir / FILE_NAME
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    document = tomlkit.parse(text)
    key = register_key(exported)
    if key in document:
        return None
    table = tomlkit.table()
    table["title"] = REGISTER_NAME
    table["publisher"] = "organisaties.overheid.nl, export (CC0)"
    table["url"] = HOME
    table["date"] = exported
    table["evidence"] = "official"
    document.append(key, table)
    return tomlkit.dumps(document)


def cited_with(current: object, key: str) -> str | list[str]:
    """The keys of a fact with `key` in place of any export of another day; others kept."""
    keys = [current] if isinstance(current, str) else list(current or [])
    kept = [each for each in keys if not str(each).startswith(PREFIX)]
    return key if not kept else [*kept, key]
