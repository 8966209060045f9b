"""Checks across source files (unique ids, one tree of units under the ministry),
and what follows from the tree: when each unit ended and which get a page."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ..sourcefiles import SourceError

if TYPE_CHECKING:
    from .pages import Page
    from .units import Unit


def check_tree(units: list[Unit], pages: list[Page], units_folder: Path) -> list[SourceError]:
    errors = _duplicates(units) + _duplicates(pages)
    if errors:
        return errors
    by_id = {unit.id: unit for unit in units}
    roots = []
    for unit in units:
        if unit.kind == "ministry":
            roots.append(unit)
            if unit.parent is not None:
                errors.append(unit.source.error("the ministry has no parent", "parent"))
        elif unit.parent is None:
            errors.append(unit.source.error(f"a {unit.kind} needs a parent", "kind"))
        elif unit.parent not in by_id:
            errors.append(unit.source.error(f"parent {unit.parent!r} does not exist", "parent"))
    if len(roots) > 1:
        first = f"{roots[0].source.path.name}:{roots[0].source.line_of('kind')}"
        errors += [
            r.source.error(f"a second ministry; the first is in {first}", "kind") for r in roots[1:]
        ]
    if not roots:
        errors.append(SourceError(units_folder, None, 'no unit has kind = "ministry"'))
    if errors:
        return errors
    return _cycles(by_id)


def _duplicates(items: list[Unit] | list[Page]) -> list[SourceError]:
    seen: dict[str, Unit | Page] = {}
    errors = []
    for item in items:
        first = seen.setdefault(item.id, item)
        if first is not item:
            where = f"{first.source.path.name}:{first.source.line_of('id')}"
            errors.append(item.source.error(f"duplicate id {item.id!r}, also in {where}", "id"))
    return errors


def _cycles(by_id: dict[str, Unit]) -> list[SourceError]:
    """Units whose chain of parents never reaches the ministry."""
    errors = []
    reported: set[str] = set()
    for unit in by_id.values():
        chain = [unit.id]
        parent = unit.parent
        while parent is not None and parent not in chain:
            chain.append(parent)
            parent = by_id[parent].parent
        if parent is None or parent in reported:
            continue
        loop = chain[chain.index(parent) :]
        reported.update(loop)
        first = by_id[parent]
        path = " → ".join([*loop, parent])
        errors.append(first.source.error(f"the parents form a cycle: {path}", "parent"))
    return errors


@dataclass(frozen=True)
class Standing:
    ended: date | None  # its own end, else the end of the nearest unit above it that ended
    has_page: bool


def standings(units: list[Unit]) -> dict[str, Standing]:
    """Each unit's end (its own, else that of the nearest unit above it that
    ended) and whether it gets a page of its own: the ministry
    (the overview) always; another unit when it has something to say (a
    description, a head, contact data, related items) or units under it.
    A unit with nothing but a name is listed, not linked."""
    by_id = {unit.id: unit for unit in units}

    def ended(unit: Unit) -> date | None:
        # A unit's own end date is what the register says of it; without one,
        # it ended with the unit above it.
        if unit.ended:
            return unit.ended
        parent = by_id.get(unit.parent) if unit.parent else None
        return ended(parent) if parent else None

    ends = {unit.id: ended(unit) for unit in units}
    parents_of_current = {unit.parent for unit in units if ends[unit.id] is None}
    return {
        unit.id: Standing(
            ends[unit.id],
            unit.kind == "ministry" or unit.has_content or unit.id in parents_of_current,
        )
        for unit in units
    }
