"""Which unit of db/content each unit of the register is: by its register id,
else (the first import) by abbreviation and parent or by its exact name; a
unit found in neither is new and gets an id of its own."""

import re
import unicodedata
from collections.abc import Iterator

from ..content.units import Unit
from .records import RegisterUnit


class Matcher:
    def __init__(self, units: list[Unit]) -> None:
        self.units = units
        self.by_register = {}
        for unit in units:
            register = unit.register or {}
            for key in ("systeem_id", "tooi"):
                if register.get(key):
                    self.by_register[key, register[key]] = unit
        self.taken: set[str] = set()  # ids matched in this import
        self.ids = {unit.id for unit in units}

    def find(self, found: RegisterUnit, parent_id: str | None) -> Unit | None:
        """The existing unit `found` is, or None when it is new."""
        for key, value in (("systeem_id", found.systeem_id), ("tooi", found.tooi)):
            unit = self.by_register.get((key, value)) if value else None
            if unit is not None:
                return self._take(unit)
        if parent_id is None:  # the ministry itself, on the first import
            return self._take(next(u for u in self.units if u.kind == "ministry"))
        unregistered = [u for u in self.units if not u.register and u.id not in self.taken]
        abbreviations = {a.casefold() for a in found.abbreviations}
        for unit in unregistered:
            same_abbreviation = unit.abbreviation and unit.abbreviation.casefold() in abbreviations
            if same_abbreviation and unit.parent == parent_id:
                return self._take(unit)
        for unit in unregistered:
            if unit.source.data["name"] == found.name:
                return self._take(unit)
        return None

    def new_id(self, found: RegisterUnit) -> str:
        """An id for a new unit: from its abbreviation, else its name; never one in use."""
        base = slug(found.abbreviations[0]) if found.abbreviations else ""
        base = base or slug(found.name) or f"unit-{found.systeem_id}"
        candidate, number = base, 2
        while candidate in self.ids:
            candidate, number = f"{base}-{number}", number + 1
        self.ids.add(candidate)
        self.taken.add(candidate)
        return candidate

    def unmatched(self) -> Iterator[Unit]:
        """Units the register held before and no longer lists."""
        return (u for u in self.units if u.register and u.id not in self.taken)

    def _take(self, unit: Unit) -> Unit:
        self.taken.add(unit.id)
        return unit


def slug(text: str) -> str:
    """ "Directie Woningmarkt" -> "directie-woningmarkt", "D&B" -> "d-en-b"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9]+", " ", ascii_text.lower().replace("&", " en ")).split()
    return "-".join(words)


KINDS = (
    ("ministerie", "ministry"),
    ("directoraat-generaal", "directorate-general"),
    ("cluster", "cluster"),
    ("directie", "department"),
)


def kind_of(found: RegisterUnit) -> str | None:
    """Our kind of a register unit: from its type where that says it, else
    from the first word of its name ("Directie Woningmarkt"); None when
    neither does (a plain Organisatieonderdeel)."""
    first_word = found.name.split()[0].casefold() if found.name.split() else ""
    for word, kind in KINDS:
        if any(t.casefold() == word for t in found.types):
            return kind
    for word, kind in KINDS:
        if first_word == word or (word != "ministerie" and first_word.endswith(word)):
            return kind
    return None
