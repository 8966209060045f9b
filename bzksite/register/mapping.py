"""The editors' mapping (db/content/register-mapping.toml): what names and
places cannot decide.

    [decree]
    source = "Organisatiebesluit BZK 2025 (Staatscourant 2025, 29668), art. 1(e) and 2(1)"
    units = ["dgobdr", "dgvb", ...]   # the decree's top level: never moved or renamed

    [units]
    "9675" = "dgabd"  # why: a comment on every line

    [places]
    "134841" = "bzk"  # a register unit placed elsewhere than the register has it

Every [units] and [places] line says why in a comment; a line without one is
refused, so that the reason stays with the decision.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..content.decree import FILE_NAME, decree_units
from ..content.tomlfile import TomlFile
from ..content.units import Unit
from ..sourcefiles import SourceError, display_path
from .records import RegisterError

_SYSTEEM_ID = re.compile(r"^[0-9]+$")
_UNIT_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Mapping:
    decree: tuple[str, ...] = ()  # unit ids of the decree's top level
    units: dict[str, str] = field(default_factory=dict)  # systeemId -> unit id
    places: dict[str, str] = field(default_factory=dict)  # systeemId -> parent unit id
    path: Path | None = None

    def line(self, table: str, systeem_id: str) -> int | None:
        """Where a decision is written, for messages."""
        if self.path is None:
            return None
        return TomlFile(self.path).line_of(systeem_id, table)

    def check(self, units: list[Unit], in_export: set[str]) -> None:
        """RegisterError naming the line of a decision the content contradicts.
        Decisions about register units the export does not hold are not looked at."""
        by_id = {unit.id: unit for unit in units}
        for unit_id in self.decree:
            if unit_id not in by_id:
                self._refuse("decree", "units", f"the decree's unit {unit_id!r} does not exist")
        mapped: dict[str, str] = {}
        for systeem_id, unit_id in self.units.items():
            if systeem_id not in in_export:
                continue
            unit = by_id.get(unit_id)
            held = (unit.register or {}).get("systeem_id") if unit else None
            if unit is None:
                self._refuse("units", systeem_id, f"unit {unit_id!r} does not exist")
            elif held and held != systeem_id:
                message = f"unit {unit_id!r} already is the register's systeemId {held}"
                self._refuse("units", systeem_id, message)
            elif unit_id in mapped:
                message = f"unit {unit_id!r} is mapped twice (also to {mapped[unit_id]})"
                self._refuse("units", systeem_id, message)
            mapped[unit_id] = systeem_id
        for systeem_id, unit_id in self.places.items():
            if systeem_id in in_export and unit_id not in by_id:
                self._refuse("places", systeem_id, f"unit {unit_id!r} does not exist")

    def _refuse(self, table: str, key: str, message: str) -> None:
        where = display_path(self.path) if self.path else FILE_NAME
        line = self.line(table, key) if self.path else None
        raise RegisterError(f"{where}:{line}: {message}" if line else f"{where}: {message}")


def read_mapping(content_dir: Path) -> Mapping:
    """The mapping in `content_dir`; an empty one when there is no file."""
    path = content_dir / FILE_NAME
    if not path.exists():
        return Mapping()
    source = TomlFile(path)
    for key in source.data:
        if key not in ("decree", "units", "places"):
            raise source.error(f"unknown table {key!r}; known: decree, units, places", key)
    return Mapping(
        decree=decree_units(source),
        units=_decisions(source, "units"),
        places=_decisions(source, "places"),
        path=path,
    )


def _decisions(source: TomlFile, table: str) -> dict[str, str]:
    data = source.data.get(table, {})
    if not isinstance(data, dict):
        raise source.error(f"[{table}] must be a table", table)
    for systeem_id, unit_id in data.items():
        line = source.line_of(systeem_id, table)
        if not _SYSTEEM_ID.match(systeem_id):
            raise SourceError(source.path, line, f"{systeem_id!r} is not a register systeemId")
        if not isinstance(unit_id, str) or not _UNIT_ID.match(unit_id):
            raise SourceError(source.path, line, f"{systeem_id}: the value must be a unit id")
        if "#" not in source.lines[line - 1].split("=", 1)[1]:
            message = f"{systeem_id}: say why in a comment on the same line (# …)"
            raise SourceError(source.path, line, message)
    return dict(data)
