"""The decree's top level: the units the Organisatiebesluit puts directly
under the ministry, listed in db/content/register-mapping.toml's [decree].

The import keeps them where the decree puts them; the overview and the chart
show them as the ministry's top level, and any other unit directly under the
ministry (one the register places there) apart from them.
"""

from pathlib import Path

from ..sourcefiles import SourceError
from .tomlfile import TomlFile

FILE_NAME = "register-mapping.toml"


def decree_units(source: TomlFile) -> tuple[str, ...]:
    """The unit ids of [decree] units in a mapping file; () without a [decree]."""
    decree = source.data.get("decree", {})
    units = decree.get("units", []) if isinstance(decree, dict) else None
    if not isinstance(units, list) or not all(isinstance(u, str) for u in units):
        raise source.error("[decree] units must be a list of unit ids", "units", "decree")
    return tuple(units)


def read_decree(content_dir: Path, unit_ids: set[str]) -> tuple[str, ...]:
    """The decree's top level in `content_dir`, each id a unit's; () without the file."""
    path = content_dir / FILE_NAME
    if not path.exists():
        return ()
    source = TomlFile(path)
    units = decree_units(source)
    for unit_id in units:
        if unit_id not in unit_ids:
            line = source.line_containing(f'"{unit_id}"', source.line_of("units", "decree"))
            raise SourceError(path, line, f"[decree] names {unit_id!r}, which is no unit")
    return units
