"""The plain objects the queries return and the templates read."""

from dataclasses import dataclass

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


@dataclass(frozen=True)
class Organisation:
    """Every unit with its name, for the tree, breadcrumbs and links."""

    units: dict[str, UnitLink]
    root: UnitLink

    def children(self, unit_id: str) -> list[UnitLink]:
        return [unit for unit in self.units.values() if unit.parent == unit_id]

    def ancestors(self, unit_id: str) -> list[UnitLink]:
        """From the root down to the unit's parent."""
        chain = []
        parent = self.units[unit_id].parent
        while parent is not None:
            chain.append(self.units[parent])
            parent = self.units[parent].parent
        return chain[::-1]


@dataclass(frozen=True)
class RelatedItem:
    kind: str
    title: Text
    url: str | None


@dataclass(frozen=True)
class Unit:
    id: str
    kind: str
    parent: str | None
    abbreviation: str | None
    director: str | None
    texts: dict[str, list[Text]]
    related: list[RelatedItem]

    def text(self, name: str) -> Text | None:
        values = self.texts.get(name)
        return values[0] if values else None


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
