"""Which unit of db/content each unit of the register is.

In this order: the register ids a unit file holds (every import after the
first); the editors' mapping file; then, for units never imported, the name
compared the way people read it (names.py) or an abbreviation: first under
the parent the register gives, across the whole tree, and only then
anywhere, when one unit alone fits. What names cannot decide is held back
for the editors to map, never created twice: a name that only resembles an
unmatched unit ("Bureau Algemene Bestuursdienst", "Directoraat-generaal
Algemene Bestuursdienst"), one that fits several units, and a second
register unit with the name of a unit another one under the same parent
already is.
"""

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..content.units import Unit
from .mapping import Mapping
from .names import core_key, name_key, split_abbreviation
from .records import RegisterUnit


@dataclass
class Matches:
    units: dict[str, Unit] = field(default_factory=dict)  # systeemId -> content unit
    held_back: dict[str, str] = field(default_factory=dict)  # systeemId -> why, for the editors
    look_alikes: set[str] = field(default_factory=set)  # ids of units something held back resembles


def match_units(root: RegisterUnit, units: list[Unit], mapping: Mapping) -> Matches:
    parents = {found.systeem_id: parent for found, parent in _walk(root, None)}
    mapping.check(units, set(parents))
    matches = Matches()
    by_id = {unit.id: unit for unit in units}
    registered = {}
    for unit in units:
        for key in ("systeem_id", "tooi"):
            if value := (unit.register or {}).get(key):
                registered[key, value] = unit
    taker: dict[str, str] = {}  # unit id -> the systeemId that took it

    def take(found: RegisterUnit, unit: Unit) -> None:
        matches.units[found.systeem_id] = unit
        taker[unit.id] = found.systeem_id

    def unmatched() -> Iterator[tuple[RegisterUnit, RegisterUnit | None]]:
        return ((f, p) for f, p in _walk(root, None) if f.systeem_id not in matches.units)

    for found, _ in unmatched():
        for key, value in (("systeem_id", found.systeem_id), ("tooi", found.tooi)):
            if value and (key, value) in registered and found.systeem_id not in matches.units:
                take(found, registered[key, value])
    for found, _ in unmatched():
        if (unit_id := mapping.units.get(found.systeem_id)) is not None:
            take(found, by_id[unit_id])
    ministry = next((u for u in units if u.kind == "ministry"), None)
    if root.systeem_id not in matches.units and ministry is not None:
        take(root, ministry)

    def fitting(found: RegisterUnit) -> list[Unit]:
        return [u for u in units if not u.register and u.id not in taker and _fits(u, found)]

    for found, parent in unmatched():  # parents first, so a parent's match is known
        place = matches.units.get(parent.systeem_id) if parent else None
        nearby = [u for u in fitting(found) if place and u.parent == place.id]
        if len(nearby) == 1:
            take(found, nearby[0])
    for found, _ in unmatched():
        if len(candidates := fitting(found)) == 1:
            take(found, candidates[0])
    for found, parent in unmatched():
        place = matches.units.get(parent.systeem_id) if parent else None
        why = _why_held_back(found, parent, place, units, taker, parents, matches.look_alikes)
        if why:
            matches.held_back[found.systeem_id] = why
    return matches


def _why_held_back(
    found: RegisterUnit,
    parent: RegisterUnit | None,
    place: Unit | None,
    units: list[Unit],
    taker: dict[str, str],
    parents: dict[str, RegisterUnit | None],
    look_alikes: set[str],
) -> str | None:
    open_units = [u for u in units if not u.register and u.id not in taker]
    several = [u.id for u in open_units if _fits(u, found)]
    if len(several) > 1:
        return f"fits several units: {', '.join(several)}"
    for unit in open_units:
        if _resembles(unit, found):
            look_alikes.add(unit.id)
            return f"resembles {unit.id} ({unit.source.data['name']})"
    for unit in units:
        other = taker.get(unit.id)
        if other is None or not _fits(unit, found):
            continue
        beside = parents.get(other) is parent or (place is not None and unit.parent == place.id)
        if beside:
            return f"has the name of {unit.id}, which register unit {other} already is"
    return None


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


def _fits(unit: Unit, found: RegisterUnit) -> bool:
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
