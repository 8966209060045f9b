"""`make i18n-update` and `make i18n-init` for one catalog: merge its template,
keep the header the translator's editor wrote (with the template's date), and
record when a content catalog became complete (uptodate.py)."""

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from ..sourcefiles import SourceError, read_utf8
from . import uptodate
from .catalogs import read_checked
from .domains import mark_formats
from .header import Header, read_header
from .merge import Merged, merge, new_catalog
from .status import find_gaps
from .writer import write_catalog


@dataclass(frozen=True)
class Template:
    domain: str
    catalog: Catalog
    header: Header | None


def read_template(translations: Path, domain: str) -> Template:
    path = translations / f"{domain}.pot"
    if not path.exists():
        raise SourceError(path, None, "missing: run `make i18n-extract` first")
    with path.open("rb") as file:
        catalog = read_po(file)
    return Template(domain, catalog, read_header(read_utf8(path)))


def update_catalog(path: Path, template: Template, today: date) -> tuple[Merged, bool]:
    """Bring the catalog at `path` in line with `template`; the merge, and
    whether the file changed."""
    catalog, header = read_checked(path)
    merged = merge(catalog, template.catalog)
    created = template.header.get("POT-Creation-Date") if template.header else None
    if created:
        header.set("POT-Creation-Date", created)
    if template.domain == "content" and not find_gaps(path, merged.catalog, template.catalog):
        uptodate.record(path, header, template.catalog, today)
    changed = write_catalog(path, mark_formats(merged.catalog, template.domain), header)
    return merged, changed


def init_catalog(path: Path, template: Template, language: str) -> None:
    """A new, empty catalog for `language`, with the header Poedit needs."""
    path.parent.mkdir(parents=True, exist_ok=True)
    catalog = new_catalog(template.catalog, language)
    write_catalog(path, mark_formats(catalog, template.domain))
