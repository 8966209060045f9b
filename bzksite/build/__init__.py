"""Build the site database from the Dutch sources and the translators' catalogs.

db/content/**/*.toml + translations/*/LC_MESSAGES/content.po  ->  db/site.db
"""

import hashlib
from pathlib import Path

from .catalogs import read_messages, write_messages
from .errors import BuildError, SourceError
from .sources import read_sources
from .store import write_database
from .translations import content_catalogs, read_translations

__all__ = ["BuildError", "SourceError", "build_database", "read_messages", "write_messages"]

# Part of the build id, so a change to what the build writes changes the id too.
SCHEMA_VERSION = "2"


def build_database(content_dir: Path, translations_dir: Path, output: Path) -> str:
    """Check every source, write `output` atomically and return the build id.

    Raises BuildError, naming file and line, before anything is written.
    """
    sources = read_sources(content_dir)
    catalogs = content_catalogs(translations_dir)
    translations = read_translations(catalogs, sources.texts)
    build_id = _build_id(
        [(content_dir, path) for path in sources.files]
        + [(translations_dir, path) for path in catalogs.values()]
    )
    write_database(output, sources, translations, build_id)
    return build_id


def _build_id(files: list[tuple[Path, Path]]) -> str:
    digest = hashlib.sha256(SCHEMA_VERSION.encode())
    for base, path in sorted(files):
        digest.update(path.relative_to(base).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]
