"""The plain objects the queries return and the templates read, and what the
build and the site share: the site runs without the build's code."""

from dataclasses import dataclass, field
from datetime import date, datetime

# The language the content is written in: the msgids of content.po.
SOURCE_LANGUAGE = "nl"

SHOWN_AS_WRITTEN = ("source", "translated")


@dataclass(frozen=True)
class Text:
    text: str
    lang: str  # the language the text is in, which is Dutch for a fallback
    state: str  # source, translated, fuzzy or missing

    @property
    def is_fallback(self) -> bool:
        return self.state not in SHOWN_AS_WRITTEN


@dataclass(frozen=True)
class UnitLink:
    id: str
    parent: str | None
    abbreviation: str | None
    name: Text
    has_page: bool = True  # a unit with nothing but a name is listed, not linked
    ended: date | None = None
    subunits: int = 0  # current units under it
    # Directly under the ministry, where the register and not the decree puts it.
    beside_decree: bool = False


@dataclass(frozen=True)
class Organisation:
    """Units with their names, for a tree: the whole organisation or its top levels."""

    units: dict[str, UnitLink]
    root: UnitLink
    _children: dict[str | None, list[UnitLink]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        children: dict[str | None, list[UnitLink]] = {}
        for unit in self.units.values():
            if unit.ended is None:
                children.setdefault(unit.parent, []).append(unit)
        object.__setattr__(self, "_children", children)

    def children(self, unit_id: str) -> list[UnitLink]:
        """The units under `unit_id` that have not ended (of those in this tree); under
        the ministry, those of the decree's top level."""
        return [u for u in self._children.get(unit_id, []) if not u.beside_decree]

    def beside_decree(self) -> list[UnitLink]:
        """The current units directly under the ministry that the decree does not name."""
        return [u for u in self._children.get(self.root.id, []) if u.beside_decree]


@dataclass(frozen=True)
class RelatedItem:
    kind: str
    title: Text
    url: str | None


@dataclass(frozen=True)
class UnitContact:
    """A unit's own contact data, from the register."""

    visiting_address: tuple[str, ...] = ()
    postal_address: tuple[str, ...] = ()
    phone: str | None = None
    email: str | None = None
    website: str | None = None
    contact_form: str | None = None


@dataclass(frozen=True)
class RegisterSource:
    """Where the register publishes the unit, and when it was imported."""

    url: str
    imported: date
    systeem_id: str
    tooi: str | None


@dataclass(frozen=True)
class CitedSource:
    """A document that states some of a unit's facts (content/citations.py)."""

    key: str
    title: str  # as the document is titled: Dutch
    publisher: str | None
    url: str | None
    published: date | int | None  # a day, a year, or None: the document shows no date
    evidence: str  # "official", or "mention": it mentions the facts in passing
    # "unit", "organisation", "description", "director", "contact", "ended", "followed_by"
    facts: tuple[str, ...]

    @property
    def is_register(self) -> bool:
        return self.key.startswith("register-")


class WithTexts:
    """A record with `texts`: {field: [Text, ...]}."""

    texts: dict[str, list[Text]]

    def text(self, name: str) -> Text | None:
        """The field's first paragraph, or None when it has none."""
        values = self.texts.get(name)
        return values[0] if values else None


@dataclass(frozen=True)
class Change:
    """A change to the organisation, from the content's own records (store/changes.py)."""

    key: str  # what it is, the same in every build: "unit:dgabd:renamed:2025"
    subject: UnitLink  # the unit, or an organisation related to the ministry (is_unit False)
    is_unit: bool
    day: date | None  # None when the source gives only the year
    year: int
    by: bool  # it happened no later than this: the source shows it then
    change: str  # renamed, merged, split, moved, ended, started
    earlier_names: tuple[str, ...]  # kept as written
    earlier_abbreviation: str | None
    note: Text | None
    sources: list[CitedSource]
    followed_by: UnitLink | None = None

    @property
    def order(self) -> tuple[int, int, int]:
        """Its place in time: a year without a day counts as that year's start."""
        return (self.year, self.day.month, self.day.day) if self.day else (self.year, 1, 1)


@dataclass(frozen=True)
class Unit(WithTexts):
    id: str
    kind: str
    parent: str | None
    abbreviation: str | None
    director: str | None
    texts: dict[str, list[Text]]
    related: list[RelatedItem]
    director_since: date | None = None
    ended: date | None = None
    has_page: bool = True
    contact: UnitContact | None = None
    register: RegisterSource | None = None
    sources: list[CitedSource] = field(default_factory=list)


@dataclass(frozen=True)
class RelatedOrganisationLink:
    """An organisation that belongs to the ministry without being part of it, for a list."""

    id: str
    kind: str  # content/organisations.py KINDS
    abbreviation: str | None
    name: Text
    ended: date | None = None


@dataclass(frozen=True)
class RelatedOrganisation(WithTexts):
    """An agency, advisory body, ZBO or committee of the ministry, for its page."""

    id: str
    kind: str
    abbreviation: str | None
    texts: dict[str, list[Text]]
    ended: date | None = None
    contact: UnitContact | None = None
    register: RegisterSource | None = None
    sources: list[CitedSource] = field(default_factory=list)


@dataclass(frozen=True)
class Section:
    heading: Text
    paragraphs: list[Text]
    include: str | None  # what the site shows after the paragraphs (templates/includes/)


@dataclass(frozen=True)
class Page:
    id: str
    title: Text
    body: list[Text]
    sections: list[Section]


@dataclass(frozen=True)
class ViolatedRule:
    rule: str  # axe's rule id: "image-alt"
    impact: str | None  # the most severe impact on any page
    help: str  # axe's one-line description, in English
    help_url: str
    criteria: tuple[str, ...]  # WCAG success criteria: ("1.1.1",)
    pages: int  # how many pages violate it


@dataclass(frozen=True)
class ReportSummary:
    generated: datetime
    axe_version: str
    pages: int
    languages: tuple[str, ...]
    violations: int  # a rule failing on a page counts once for that page
    needs_review: int  # results axe could not decide, counted the same way
    check_problems: int  # problems the site's own checks reported
    rules: tuple[ViolatedRule, ...]
