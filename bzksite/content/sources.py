"""Read the Dutch source text in db/content/: one TOML file per unit and per page.

Every text becomes one `SourceText` per paragraph, with the msgctxt that names
where it lives (`unit:kiem:description`), so translators get one message per
paragraph and a change to one paragraph touches only that message.
"""

from dataclasses import dataclass, replace
from pathlib import Path

from ..sourcefiles import BuildError, SourceError
from .fields import (
    DIRECTOR_FIELDS,
    PAGE_FIELDS,
    PAGE_REQUIRED,
    RELATED_FIELDS,
    SECTION_FIELDS,
    SECTION_REQUIRED,
    UNIT_FIELDS,
    UNIT_REQUIRED,
    SourceText,
    check_table,
    table_texts,
)  # fmt: skip
from .tomlfile import TomlFile
from .tree import check_tree

KINDS = ("ministry", "cluster", "directorate-general", "department")
RELATED_KINDS = ("publication",)
# The pages the site links to: each must have exactly one source, and no others exist.
PAGE_IDS = ("privacy", "cookies", "accessibility")
# What the site fills in on a page, after the section whose `include` names it
# (a template in templates/includes/): each exactly once, on its page only.
PAGE_INCLUDES = {
    "privacy": ("cookie-table",),
    "cookies": ("cookie-choice", "cookie-table"),
    "accessibility": ("test-results", "known-problems"),
}


@dataclass(frozen=True)
class Related:
    position: int
    kind: str
    url: str | None


@dataclass(frozen=True)
class Unit:
    id: str
    kind: str
    parent: str | None
    order: int
    abbreviation: str | None
    director: str | None
    related: tuple[Related, ...]
    source: TomlFile


@dataclass(frozen=True)
class Section:
    position: int
    paragraphs: int  # how many of the page's section paragraphs are this section's
    include: str | None


@dataclass(frozen=True)
class Page:
    id: str
    sections: tuple[Section, ...]
    source: TomlFile


@dataclass(frozen=True)
class Sources:
    units: list[Unit]
    pages: list[Page]
    texts: list[SourceText]
    files: list[Path]


def read_sources(content_dir: Path) -> Sources:
    """Read and check every source file; raise BuildError listing every problem."""
    errors: list[SourceError] = []
    units: list[Unit] = []
    pages: list[Page] = []
    texts: list[SourceText] = []
    files: list[Path] = []
    for folder, read in (("units", _read_unit), ("pages", _read_page)):
        for path in _source_files(content_dir / folder, errors):
            files.append(path)
            try:
                item, item_texts = read(TomlFile(path))
            except SourceError as error:
                errors.append(error)
                continue
            (units if folder == "units" else pages).append(item)
            texts.extend(item_texts)
    if not errors:
        errors.extend(check_tree(units, pages, content_dir / "units"))
        errors.extend(_missing_pages(pages, content_dir / "pages"))
    if errors:
        raise BuildError(errors)
    return Sources(units, pages, texts, files)


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


def _read_unit(source: TomlFile) -> tuple[Unit, list[SourceText]]:
    data = check_table(source, source.data, UNIT_FIELDS, UNIT_REQUIRED)
    unit_id = data["id"]
    if data["kind"] not in KINDS:
        raise source.error(f"unknown kind {data['kind']!r}; use one of {', '.join(KINDS)}", "kind")
    owner = f"unit:{unit_id}"
    texts = table_texts(source, owner, data, UNIT_FIELDS)
    director = None
    if "director" in data:
        fields = check_table(
            source, data["director"], DIRECTOR_FIELDS, ("role", "name"), "director"
        )
        director = fields["name"]
        texts += table_texts(source, owner, fields, DIRECTOR_FIELDS, "director")
    related = []
    for index, item in enumerate(data.get("related", [])):
        fields = check_table(source, item, RELATED_FIELDS, ("kind", "title"), "related", index)
        if fields["kind"] not in RELATED_KINDS:
            raise source.error(f"unknown related kind {fields['kind']!r}", "kind", "related", index)
        url = fields.get("url")
        if url is not None and not url.startswith("https://"):
            raise source.error("a related url must start with https://", "url", "related", index)
        related.append(Related(index, fields["kind"], url))
        line = source.line_of("title", "related", index)
        texts.append(SourceText(owner, "related", index, fields["title"], source.path, line))
    unit = Unit(
        id=unit_id, kind=data["kind"], parent=data.get("parent"), order=data.get("order", 0),
        abbreviation=data.get("abbreviation"), director=director, related=tuple(related),
        source=source,
    )  # fmt: skip
    return unit, texts


def _read_page(source: TomlFile) -> tuple[Page, list[SourceText]]:
    data = check_table(source, source.data, PAGE_FIELDS, PAGE_REQUIRED)
    if data["id"] not in PAGE_IDS:
        known = ", ".join(PAGE_IDS)
        raise source.error(f"unknown page {data['id']!r}; the site has: {known}", "id")
    owner = f"page:{data['id']}"
    sections, section_texts = _sections(source, owner, data.get("sections", []))
    _check_includes(source, data["id"], sections)
    texts = table_texts(source, owner, data, PAGE_FIELDS) + section_texts
    return Page(data["id"], sections, source), texts


def _check_includes(source: TomlFile, page_id: str, sections: tuple[Section, ...]) -> None:
    known = PAGE_INCLUDES.get(page_id, ())
    seen: set[str] = set()
    for section in sections:
        if section.include is None:
            continue
        if section.include not in known:
            has = f"this page has: {', '.join(known)}" if known else "this page has none"
            message = f"unknown include {section.include!r}; {has}"
            raise source.error(message, "include", "sections", section.position)
        if section.include in seen:
            message = f"include {section.include!r} appears twice"
            raise source.error(message, "include", "sections", section.position)
        seen.add(section.include)
    for include in known:
        if include not in seen:
            message = (
                f'page {page_id!r} must show {include!r}: add include = "{include}" to a section'
            )
            raise source.error(message, "id")


def _sections(
    source: TomlFile, owner: str, items: list[dict]
) -> tuple[tuple[Section, ...], list[SourceText]]:
    """A page's [[sections]]: the headings are field sections_heading at the
    section's position, the paragraphs field sections_paragraphs numbered on
    through all sections, so each text keeps one msgctxt wherever it moves."""
    sections: list[Section] = []
    texts: list[SourceText] = []
    paragraphs_before = 0
    for index, item in enumerate(items):
        fields = check_table(source, item, SECTION_FIELDS, SECTION_REQUIRED, "sections", index)
        first = {"sections_heading": index, "sections_paragraphs": paragraphs_before}
        for text in table_texts(source, owner, fields, SECTION_FIELDS, "sections", index):
            texts.append(replace(text, position=first[text.field] + text.position))
        sections.append(Section(index, len(fields["paragraphs"]), fields.get("include")))
        paragraphs_before += len(fields["paragraphs"])
    return tuple(sections), texts
