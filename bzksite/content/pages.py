"""A page's source (db/content/pages/<id>.toml): its title, body and sections,
and what the site fills in after a section (its `include`)."""

from dataclasses import dataclass, replace

from .fields import (
    PAGE_FIELDS,
    PAGE_REQUIRED,
    SECTION_FIELDS,
    SECTION_REQUIRED,
    SourceText,
    check_table,
    table_texts,
)  # fmt: skip
from .tomlfile import TomlFile

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
class Section:
    position: int
    paragraphs: int  # how many of the page's section paragraphs are this section's
    include: str | None


@dataclass(frozen=True)
class Page:
    id: str
    sections: tuple[Section, ...]
    source: TomlFile


def read_page(source: TomlFile) -> tuple[Page, list[SourceText]]:
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
