"""A unit's source (db/content/units/<id>.toml): its place in the tree, its
texts, and what the register publishes of it (head, contact data, ids)."""

import re
from dataclasses import dataclass
from datetime import date

from .citations import UNIT_FACTS, read_fact_sources
from .fields import (
    CONTACT_FIELDS,
    DIRECTOR_FIELDS,
    REGISTER_FIELDS,
    REGISTER_REQUIRED,
    RELATED_FIELDS,
    UNIT_FIELDS,
    UNIT_REQUIRED,
    SourceText,
    check_table,
    table_texts,
)  # fmt: skip
from .history import HistoryRecord, read_followed_by, read_history
from .tomlfile import TomlFile

# In Dutch: ministerie, cluster, directoraat-generaal, directie (also a
# programmadirectie), afdeling, bureau, dienst, programma, commissie, raad,
# secretariaat; "unit" is any other part of an organisation (a staff, a team).
KINDS = (
    "ministry", "cluster", "directorate-general", "department", "section", "office",
    "service", "programme", "committee", "council", "secretariat", "unit",
)  # fmt: skip
RELATED_KINDS = ("publication",)
# Public: the register import leaves out a value that would fail these.
WEB_ADDRESS = re.compile(r"^https?://[^\s/]+\S*$")
EMAIL = re.compile(r"^[^\s@]+@[^\s@]+\.[^\s@]+$")


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
    director_since: date | None
    ended: date | None
    contact: dict | None  # CONTACT_FIELDS
    register: dict | None  # REGISTER_FIELDS
    related: tuple[Related, ...]
    described: bool  # it has a text of its own: a description
    source: TomlFile
    cited: dict[str, tuple[str, ...]]  # each fact it states: the keys of its sources
    history: tuple[HistoryRecord, ...] = ()  # what it was before (history.py)
    followed_by: str | None = None  # the unit that followed it, when it ended

    @property
    def has_content(self) -> bool:
        """Something to say beyond a name: the reason for a page of its own. A unit
        the register lists has its register page, its identifiers and its sources."""
        return bool(
            self.described
            or self.director
            or self.related
            or self.contact
            or self.register
            or self.history
        )


def read_unit(source: TomlFile) -> tuple[Unit, list[SourceText]]:
    data = check_table(source, source.data, UNIT_FIELDS, UNIT_REQUIRED)
    unit_id = data["id"]
    if data["kind"] not in KINDS:
        raise source.error(f"unknown kind {data['kind']!r}; use one of {', '.join(KINDS)}", "kind")
    owner = f"unit:{unit_id}"
    texts = table_texts(source, owner, data, UNIT_FIELDS)
    director = {}
    if "director" in data:
        director = check_table(
            source, data["director"], DIRECTOR_FIELDS, ("role", "name"), "director"
        )
        texts += table_texts(source, owner, director, DIRECTOR_FIELDS, "director")
    related, related_texts = _related(source, owner, data.get("related", []))
    history, history_texts = read_history(source, owner, data)
    followed_by = read_followed_by(source, data)  # before its source: is it wanted at all?
    unit = Unit(
        id=unit_id, kind=data["kind"], parent=data.get("parent"), order=data.get("order", 0),
        abbreviation=data.get("abbreviation"), director=director.get("name"),
        director_since=director.get("since"), ended=data.get("ended"),
        contact=check_contact(source, data), register=_register(source, data),
        related=related, described="description" in data, source=source,
        cited=read_fact_sources(source, data, UNIT_FACTS), history=history,
        followed_by=followed_by,
    )  # fmt: skip
    return unit, texts + related_texts + history_texts


def _related(
    source: TomlFile, owner: str, items: list[dict]
) -> tuple[tuple[Related, ...], list[SourceText]]:
    related, texts = [], []
    for index, item in enumerate(items):
        fields = check_table(source, item, RELATED_FIELDS, ("kind", "title"), "related", index)
        if fields["kind"] not in RELATED_KINDS:
            raise source.error(f"unknown related kind {fields['kind']!r}", "kind", "related", index)
        url = fields.get("url")
        if url is not None and not url.startswith("https://"):
            raise source.error("a related url must start with https://", "url", "related", index)
        related.append(Related(index, fields["kind"], url))
        line = source.line_of("title", "related", index)
        texts.append(SourceText(owner, "related", index, fields["title"], source.path, line))
    return tuple(related), texts


def check_contact(source: TomlFile, data: dict) -> dict | None:
    """The [contact] table of `data` (a unit's or an organisation's), checked; None without one."""
    if "contact" not in data:
        return None
    contact = check_table(source, data["contact"], CONTACT_FIELDS, (), "contact")
    for key in ("website", "contact_form"):
        if key in contact and not WEB_ADDRESS.match(contact[key]):
            raise source.error(f"{key} must be a web address (https://…)", key, "contact")
    if "email" in contact and not EMAIL.match(contact["email"]):
        raise source.error("email must be an address such as info@example.nl", "email", "contact")
    return contact or None


def _register(source: TomlFile, data: dict) -> dict | None:
    if "register" not in data:
        return None
    register = check_table(source, data["register"], REGISTER_FIELDS, REGISTER_REQUIRED, "register")
    for key in ("url", "tooi"):
        if key in register and not register[key].startswith("https://"):
            raise source.error(f"{key} must start with https://", key, "register")
    return register
