"""make db: the editors' sources, the translators' catalogs and the last
accessibility report, checked and written into the site database.

db/content/**/*.toml + translations/*/LC_MESSAGES/content.po  ->  db/site.db
"""

import hashlib
from pathlib import Path

from ..content.sources import read_sources
from ..sourcefiles import BuildError, SourceError
from .report import read_report
from .translations import content_catalogs, read_translations
from .write import write_database

__all__ = ["BuildError", "SourceError", "build_database"]

# Part of the build id, so a change to what the build writes changes the id too.
SCHEMA_VERSION = "10"


def build_database(
    content_dir: Path,
    translations_dir: Path,
    output: Path,
    accessibility_report: Path | None = None,
) -> str:
    """Check every source, write `output` atomically and return the build id.

    `accessibility_report` is the suite's JSON report, summarised for the
    accessibility statement; when it is None or missing, the statement says
    that there are no results yet. Raises BuildError, naming file and line,
    before anything is written.
    """
    sources = read_sources(content_dir)
    catalogs = content_catalogs(translations_dir)
    translations = read_translations(catalogs, sources.texts)
    report = read_report(accessibility_report)
    files = [(content_dir, path) for path in sources.files]
    files += [(translations_dir, path) for path in catalogs.values()]
    if report is not None and accessibility_report is not None:
        files.append((accessibility_report.parent, accessibility_report))
    build_id = _build_id(files)
    write_database(output, sources, translations, report, build_id)
    return build_id


def _build_id(files: list[tuple[Path, Path]]) -> str:
    digest = hashlib.sha256(SCHEMA_VERSION.encode())
    for base, path in sorted(files):
        digest.update(path.relative_to(base).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]
