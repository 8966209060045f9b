"""Which unit of db/content each unit of the register is.

In this order: the register ids a unit file holds (every import after the
first); the editors' mapping file; then, for units never imported, the name
compared the way people read it (names.py) or an abbreviation, under the
same parent first and else anywhere when only one unit fits. A register unit
whose name only resembles an unmatched content unit ("Bureau Algemene
Bestuursdienst", "Directoraat-generaal Algemene Bestuursdienst") is not
matched: it is held back for the editors to map, never created twice.
"""

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..content.units import Unit
from ..sourcefiles import display_path
from .mapping import Mapping
from .names import core_key, name_key, split_abbreviation
from .records import RegisterError, RegisterUnit


@dataclass
class Matches:
    units: dict[str, Unit] = field(default_factory=dict)  # systeemId -> content unit
    resembling: dict[str, Unit] = field(default_factory=dict)  # held back: systeemId -> look-alike


def match_units(root: RegisterUnit, units: list[Unit], mapping: Mapping) -> Matches:
    matches = Matches()
    by_id = {unit.id: unit for unit in units}
    registered = {}
    for unit in units:
        for key in ("systeem_id", "tooi"):
            if value := (unit.register or {}).get(key):
                registered[key, value] = unit
    taken: set[str] = set()

    def take(found: RegisterUnit, unit: Unit) -> None:
        matches.units[found.systeem_id] = unit
        taken.add(unit.id)

    for found, _ in _walk(root, None):
        for key, value in (("systeem_id", found.systeem_id), ("tooi", found.tooi)):
            if value and (key, value) in registered and found.systeem_id not in matches.units:
                take(found, registered[key, value])
    for found, _ in _walk(root, None):
        unit_id = mapping.units.get(found.systeem_id)
        if unit_id is not None and found.systeem_id not in matches.units:
            if unit_id not in by_id:
                line = mapping.line("units", found.systeem_id)
                where = f"{display_path(mapping.path)}:{line}" if mapping.path else "the mapping"
                raise RegisterError(f"{where}: unit {unit_id!r} does not exist in db/content/units")
            take(found, by_id[unit_id])
    ministry = next((u for u in units if u.kind == "ministry"), None)
    if root.systeem_id not in matches.units and ministry is not None:
        take(root, ministry)

    def open_units() -> list[Unit]:
        return [u for u in units if not u.register and u.id not in taken]

    for found, parent in _walk(root, None):
        if found.systeem_id in matches.units:
            continue
        parent_unit = matches.units.get(parent.systeem_id) if parent else None
        fitting = [u for u in open_units() if _same_unit(u, found)]
        nearby = [u for u in fitting if parent_unit and u.parent == parent_unit.id]
        if len(nearby) == 1 or (not nearby and len(fitting) == 1):
            take(found, (nearby or fitting)[0])
    for found, _ in _walk(root, None):
        if found.systeem_id not in matches.units:
            alike = [u for u in open_units() if _resembles(u, found)]
            if alike:
                matches.resembling[found.systeem_id] = alike[0]
    return matches


def abbreviations_of(found: RegisterUnit) -> tuple[str, ...]:
    """Its afkortingen, an abbreviation in brackets after its name, and a name that is one."""
    bracketed = split_abbreviation(found.name)[1]
    alone = found.name if re.fullmatch(r"[A-Z0-9&\-]{2,12}", found.name) else None
    return tuple(a for a in (*found.abbreviations, bracketed, alone) if a)


def same_name(unit: Unit, found: RegisterUnit) -> bool:
    """Whether the register names the unit as the content does, read as people read it."""
    if name_key(unit.source.data["name"]) == name_key(found.name):
        return True
    return bool(unit.abbreviation) and found.name.casefold() == unit.abbreviation.casefold()


def _same_unit(unit: Unit, found: RegisterUnit) -> bool:
    if same_name(unit, found):
        return True
    ours = (unit.abbreviation or "").casefold()
    return bool(ours) and ours in {a.casefold() for a in abbreviations_of(found)}


def _resembles(unit: Unit, found: RegisterUnit) -> bool:
    ours, theirs = core_key(unit.source.data["name"]), core_key(found.name)
    return bool(ours) and ours == theirs


def _walk(
    found: RegisterUnit, parent: RegisterUnit | None
) -> Iterator[tuple[RegisterUnit, RegisterUnit | None]]:
    """Every register unit with its parent, parents first."""
    yield found, parent
    for child in found.children:
        yield from _walk(child, found)


def new_id(found: RegisterUnit, ids: set[str]) -> str:
    """An id for a new unit: from its abbreviation, else its name; never one in `ids` (added)."""
    abbreviations = abbreviations_of(found)
    base = slug(abbreviations[0]) if abbreviations else ""
    base = base or slug(split_abbreviation(found.name)[0]) or f"unit-{found.systeem_id}"
    candidate, number = base, 2
    while candidate in ids:
        candidate, number = f"{base}-{number}", number + 1
    ids.add(candidate)
    return candidate


def slug(text: str) -> str:
    """ "Directie Woningmarkt" -> "directie-woningmarkt", "D&B" -> "d-en-b"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9]+", " ", ascii_text.lower().replace("&", " en ")).split()
    return "-".join(words)
