"""Where a new unit stands among its siblings: after every unit already
under its parent, in the register's order. The orders editors gave the
existing units (from the decree) are theirs and are never renumbered."""

from collections.abc import Iterable


def next_order(existing_orders: Iterable[int]) -> int:
    """The order of a new unit under a parent whose units have `existing_orders`."""
    return max(existing_orders, default=0) + 1
