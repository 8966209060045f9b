"""Content for tests of the import: the content as it was before the first
import, and a content's units as the register would publish them. Their
systeemIds and TOOI identifiers (but the ministry's) are made up: 9000xx
and .../oorg/oorg9000xx; so is everything the tests add."""

import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

from bzksite.content.sources import read_sources
from bzksite.register.records import DEFAULT_ROOT, Head, RegisterUnit
from tests.conftest import ROOT

MADE_UP_TOOI = "https://identifier.overheid.nl/tooi/id/oorg/oorg"
# db/content/ as it was before the first import (its README.md).
CONTENT_BEFORE_IMPORT = ROOT / "tests" / "data" / "content-before-import"


def content_before_import(folder: Path) -> Path:
    """A copy of the content before the first import in `folder`; the content folder."""
    return shutil.copytree(CONTENT_BEFORE_IMPORT, folder / "content")


def committed_as_register(content: Path) -> RegisterUnit:
    """The ministry in `content` with its subtree, as register records."""
    units = read_sources(content).units
    numbers = {unit.id: 900001 + position for position, unit in enumerate(units)}

    def record(unit) -> RegisterUnit:
        data = unit.source.data
        head = None
        if "director" in data:
            director = data["director"]
            head = Head(director["role"], director["name"], director.get("since"))
        children = sorted((u for u in units if u.parent == unit.id), key=lambda u: (u.order, u.id))
        ministry = unit.kind == "ministry"
        return RegisterUnit(
            systeem_id=str(numbers[unit.id]),
            tooi=DEFAULT_ROOT if ministry else f"{MADE_UP_TOOI}{numbers[unit.id]}",
            name=data["name"],
            abbreviations=(unit.abbreviation,) if unit.abbreviation else (),
            types=("Ministerie",) if ministry else ("Organisatieonderdeel",),
            head=head,
            children=tuple(record(child) for child in children),
        )

    return record(next(unit for unit in units if unit.kind == "ministry"))


def with_child(unit: RegisterUnit, parent_name: str, child: RegisterUnit) -> RegisterUnit:
    """`unit` with `child` added under the unit named `parent_name`."""
    if unit.name == parent_name:
        return replace(unit, children=(*unit.children, child))
    return replace(unit, children=tuple(with_child(c, parent_name, child) for c in unit.children))


def changed(unit: RegisterUnit, unit_name: str, /, **changes) -> RegisterUnit:
    """`unit` with the unit named `unit_name` changed (or left out, with drop=True)."""
    drop = changes.pop("drop", False)
    children = [changed(child, unit_name, drop=drop, **changes) for child in unit.children]
    kept = tuple(c for c in children if c is not None)
    if unit.name == unit_name:
        return None if drop else replace(unit, children=kept, **changes)
    return replace(unit, children=kept)


TODAY = date(2026, 11, 29)
EXPORTED = date(2026, 11, 28)  # the day of the made-up exports
