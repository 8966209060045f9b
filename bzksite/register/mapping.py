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

from ..content.tomlfile import TomlFile
from ..sourcefiles import SourceError

FILE_NAME = "register-mapping.toml"
_SYSTEEM_ID = re.compile(r"^[0-9]+$")
_UNIT_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Mapping:
    decree: tuple[str, ...] = ()  # unit ids of the decree's top level
    decree_source: str = ""
    units: dict[str, str] = field(default_factory=dict)  # systeemId -> unit id
    places: dict[str, str] = field(default_factory=dict)  # systeemId -> parent unit id
    path: Path | None = None

    def line(self, table: str, systeem_id: str) -> int | None:
        """Where a decision is written, for messages."""
        if self.path is None:
            return None
        return TomlFile(self.path).line_of(systeem_id, table)


def read_mapping(content_dir: Path) -> Mapping:
    """The mapping in `content_dir`; an empty one when there is no file."""
    path = content_dir / FILE_NAME
    if not path.exists():
        return Mapping()
    source = TomlFile(path)
    data = source.data
    for key in data:
        if key not in ("decree", "units", "places"):
            raise source.error(f"unknown table {key!r}; known: decree, units, places", key)
    decree = data.get("decree", {})
    units = decree.get("units", []) if isinstance(decree, dict) else None
    if not isinstance(units, list) or not all(isinstance(u, str) for u in units):
        raise source.error("[decree] units must be a list of unit ids", "units", "decree")
    return Mapping(
        decree=tuple(units),
        decree_source=str(decree.get("source", "")),
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
