"""What an import decides for one register unit: a new unit file, or the
place, name and end of a unit already in the content, each reported. A unit
of the decree's top level keeps its place and name; a difference is reported
instead."""

from datetime import date
from pathlib import Path

from ..content.units import Unit
from .kinds import kind_from_name
from .mapping import Mapping
from .matching import abbreviations_of, new_id, same_name
from .names import plain, split_abbreviation
from .records import RegisterUnit
from .report import Import
from .tomledit import UnitFile

DIFFERENT = "different from the decree"


class UnitDecisions:
    def __init__(
        self,
        content_dir: Path,
        units: list[Unit],
        mapping: Mapping,
        today: date,
        result: Import,
        key: str,
    ) -> None:
        self.content_dir = content_dir
        self.key = key  # the export in sources.toml: the source of what the import writes
        self.by_id = {unit.id: unit for unit in units}
        self.ids = set(self.by_id)
        self.orders: dict[str | None, int] = {}
        for unit in units:
            self.orders[unit.parent] = max(self.orders.get(unit.parent, 0), unit.order)
        self.ministry = next((u.id for u in units if u.kind == "ministry"), None)
        self.decree = {*mapping.decree, self.ministry}
        self.has_decree = bool(mapping.decree)
        self.today = today
        self.result = result

    def new(self, found: RegisterUnit, place: str | None) -> UnitFile:
        unit_id = new_id(found, self.ids)
        edit = UnitFile.new(self.content_dir / "units" / f"{unit_id}.toml", unit_id)
        kind = kind_from_name(found.name, found.types) or "unit"
        edit.set_place(place, kind, order=self._next_order(place))
        name = split_abbreviation(UnitFile.register_name(found))[0]
        edit.set_name(name[:1].upper() + name[1:])
        abbreviations = abbreviations_of(found)
        if abbreviations and abbreviations[0] != found.name:
            edit.set_abbreviation(abbreviations[0])
        edit.cite("unit", self.key)
        if found.end_date and found.end_date <= self.today:
            edit.set_ended(found.end_date, self.key)
            line = f"{unit_id} ({found.name}, {found.end_date.isoformat()})"
            self.result.add("ended (history)", line)
        else:
            self.result.add("new", f"{unit_id} ({found.name})")
        self._beside_the_decree(unit_id, found, place)
        return edit

    def existing(
        self, unit: Unit, found: RegisterUnit, parent: RegisterUnit | None, place: str | None
    ) -> UnitFile:
        edit = UnitFile.open(unit.source.path)
        if unit.id in self.decree:
            self._differences(unit, found, parent, place)
        else:
            self._place_and_name(edit, unit, found, place)
            self._beside_the_decree(unit.id, found, place)
            edit.cite("unit", self.key, alone=False)
        self._history(edit, unit, found)
        if found.head and found.head.name != unit.director:
            self.result.add("new head", f"{unit.id}: {found.head.name} ({found.head.role})")
        return edit

    def _next_order(self, place: str | None) -> int:
        self.orders[place] = self.orders.get(place, 0) + 1
        return self.orders[place]

    def _beside_the_decree(self, unit_id: str, found: RegisterUnit, place: str | None) -> None:
        """A unit the register puts directly under the ministry that the decree does not name."""
        if self.has_decree and place is not None and place == self.ministry:
            self.result.add(
                DIFFERENT,
                f"{unit_id}: register: {found.name!r} directly under the ministry"
                " / content: not in the decree's top level",
            )

    def _differences(
        self, unit: Unit, found: RegisterUnit, parent: RegisterUnit | None, place: str | None
    ) -> None:
        name, register_name = unit.source.data["name"], UnitFile.register_name(found)
        if parent is not None and unit.parent != place:
            where = f"under {parent.name!r} ({parent.systeem_id})"
            line = f"{unit.id}: register: {where} / content: under {unit.parent} (the decree's)"
            self.result.add(DIFFERENT, line)
        if plain(name) != plain(register_name):
            self.result.add(
                DIFFERENT, f"{unit.id}: register: {register_name!r} / content: {name!r}"
            )

    def _place_and_name(
        self, edit: UnitFile, unit: Unit, found: RegisterUnit, place: str | None
    ) -> None:
        name, register_name = unit.source.data["name"], UnitFile.register_name(found)
        if unit.parent != place:
            self.result.add("moved", f"{unit.id}: under {unit.parent} -> under {place}")
            edit.set_place(place, unit.kind, order=self._next_order(place))
        if not same_name(unit, found) and name != register_name:
            self.result.add("renamed", f"{unit.id}: {name} -> {register_name}")
            edit.set_name(register_name)
        if found.abbreviations:
            edit.set_abbreviation(found.abbreviations[0])

    def _history(self, edit: UnitFile, unit: Unit, found: RegisterUnit) -> None:
        ended = found.end_date if found.end_date and found.end_date <= self.today else None
        if ended and unit.ended != ended:
            heading = "ended" if unit.register else "ended (history)"  # its first import
            self.result.add(heading, f"{unit.id} ({ended.isoformat()})")
            edit.set_ended(ended, self.key)
        elif ended is None and unit.ended is not None and found.end_date is None:
            self.result.add("reopened", f"{unit.id}: the register lists it without an end date")
            edit.set_ended(None, self.key)
