"""Read the Dutch source text in db/content/: one TOML file per unit, per page
and per related organisation (an agency, an advisory body; the folder is optional).

Every text becomes one `SourceText` per paragraph, with the msgctxt that names
where it lives (`unit:kiem:description`), so translators get one message per
paragraph and a change to one paragraph touches only that message.
"""

from dataclasses import dataclass, field
from pathlib import Path

from ..sourcefiles import BuildError, SourceError
from .citations import FILE_NAME as CITATIONS_FILE
from .citations import Citation, check_cited, read_citations
from .decree import FILE_NAME as DECREE_FILE
from .decree import read_decree
from .fields import SourceText
from .history import check_followed_by, check_history_sources
from .organisations import Organisation, check_organisations, read_organisation
from .pages import PAGE_IDS, Page, read_page
from .tomlfile import TomlFile
from .tree import check_tree
from .units import Unit, read_unit


@dataclass(frozen=True)
class Sources:
    units: list[Unit]
    pages: list[Page]
    texts: list[SourceText]
    files: list[Path]
    organisations: list[Organisation] = field(default_factory=list)
    decree: tuple[str, ...] = ()  # the decree's top level (decree.py)
    citations: dict[str, Citation] = field(default_factory=dict)  # sources.toml


def read_sources(content_dir: Path) -> Sources:
    """Read and check every source file; raise BuildError listing every problem."""
    errors: list[SourceError] = []
    units: list[Unit] = []
    pages: list[Page] = []
    texts: list[SourceText] = []
    files: list[Path] = []
    organisations: list[Organisation] = []
    readers = (
        ("units", read_unit, units),
        ("pages", read_page, pages),
        ("organisations", read_organisation, organisations),
    )
    for folder, read, items in readers:
        if folder == "organisations" and not (content_dir / folder).exists():
            continue
        for path in _source_files(content_dir / folder, errors):
            files.append(path)
            try:
                item, item_texts = read(TomlFile(path))
            except SourceError as error:
                errors.append(error)
                continue
            items.append(item)
            texts.extend(item_texts)
    decree: tuple[str, ...] = ()
    citations: dict[str, Citation] = {}
    try:
        citations = read_citations(content_dir)
        files.append(content_dir / CITATIONS_FILE)
    except SourceError as error:
        errors.append(error)
    for item in [*units, *organisations]:
        if citations:
            errors.extend(check_cited(item.source, item.cited, citations))
            errors.extend(check_history_sources(item.source, item.history, citations))
    unit_ids = {unit.id for unit in units}
    for unit in units:
        errors.extend(check_followed_by(unit.source, unit.followed_by, unit_ids))
    if not errors:
        errors.extend(check_tree(units, pages, content_dir / "units"))
        errors.extend(_missing_pages(pages, content_dir / "pages"))
        errors.extend(check_organisations(organisations))
    if not errors:
        try:
            decree = read_decree(content_dir, {unit.id for unit in units})
        except SourceError as error:
            errors.append(error)
        if (content_dir / DECREE_FILE).exists():
            files.append(content_dir / DECREE_FILE)
    if errors:
        raise BuildError(errors)
    return Sources(units, pages, texts, files, organisations, decree, citations)


def _missing_pages(pages: list[Page], folder: Path) -> list[SourceError]:
    found = {page.id for page in pages}
    return [
        SourceError(folder, None, f"page {page_id!r} is missing: add {page_id}.toml")
        for page_id in PAGE_IDS
        if page_id not in found
    ]


def _source_files(folder: Path, errors: list[SourceError]) -> list[Path]:
    if not folder.is_dir():
        errors.append(SourceError(folder, None, "folder missing"))
        return []
    paths = sorted(p for p in folder.iterdir() if not p.name.startswith("."))
    for path in paths:
        if path.suffix != ".toml" or not path.is_file():
            errors.append(SourceError(path, None, "not a .toml file: rename or remove it"))
    return [p for p in paths if p.suffix == ".toml" and p.is_file()]
