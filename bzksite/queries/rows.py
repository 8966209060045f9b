"""What the unit queries share: a row's columns as plain objects, and the
order of a tree."""

import json
from collections.abc import Iterable
from datetime import date

from ..records import RegisterSource, UnitContact


def date_of(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def contact_of(value: str | None) -> UnitContact | None:
    """The unit's contact data, stored as JSON, or None when it has none."""
    if not value:
        return None
    fields = json.loads(value)
    for name in ("visiting_address", "postal_address"):
        fields[name] = tuple(fields.get(name, ()))
    return UnitContact(**fields)


def register_of(row: dict) -> RegisterSource | None:
    """Where the register publishes the unit, or None for a unit not from the register."""
    if not row["systeem_id"]:
        return None
    return RegisterSource(
        row["register_url"], date.fromisoformat(row["imported"]), row["systeem_id"], row["tooi"]
    )


def in_tree_order(units: Iterable[tuple[str, str | None]]) -> list[str]:
    """The ids of (id, parent) pairs depth first from the root, each unit's
    children in the order given. A unit whose parent is not among them is left out."""
    children: dict[str | None, list[str]] = {}
    for unit_id, parent in units:
        children.setdefault(parent, []).append(unit_id)
    ordered: list[str] = []
    pending = list(reversed(children.get(None, [])))
    while pending:
        unit_id = pending.pop()
        ordered.append(unit_id)
        pending.extend(reversed(children.get(unit_id, [])))
    return ordered
