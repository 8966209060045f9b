"""Where the importer's keys and tables go in a unit's TOML, so that every
comment stays with what it is about.

tomlkit keeps the comment lines directly above a table header at the end of
whatever comes before the header: the top-level keys, or the table before.
Left to itself it appends a new key after those lines (under a comment about
the next table) and a new table at the end of the file. So on opening, those
lines become part of the header's indent, which tomlkit writes as it is just
before the header: a table carries the comment above it wherever it goes,
and an unchanged file is written byte for byte as it was read. A new key goes
right after the last key of its table; a changed value keeps its line's
trailing comment (tomlkit copies it); a new table goes before the first table
that should follow it.

Inserting at a position is not in tomlkit's public API: `_insert_at` is the
method its own `append` uses for that.
"""

from collections.abc import Sequence
from typing import Any

import tomlkit
from tomlkit.container import Container, ends_with_whitespace
from tomlkit.items import AoT, Comment, Null, Table
from tomlkit.toml_document import TOMLDocument


def attach_comments(document: TOMLDocument) -> None:
    """Make the comment lines directly above each table header part of that header."""
    body, end = document.body, 0
    for position, (_, item) in enumerate(document.body):
        if not isinstance(item, (Table, AoT)):
            continue
        headers = item.body if isinstance(item, AoT) else [item]
        for header in headers:
            if body is document.body:
                end = position
            _attach(body, end, header)
            body, end = header.value.body, len(header.value.body)


def _attach(body: list, end: int, header: Table) -> None:
    start = end
    while start > 0 and isinstance(body[start - 1][1], (Comment, Null)):
        start -= 1
    lines = "".join(item.as_string() for _, item in body[start:end])
    for index in range(start, end):
        body[index] = (None, Null())
    header.trivia.indent = lines + header.trivia.indent


def set_key(table: Container | Table, key: str, value: Any) -> None:
    """Set `key` to `value`; a new key goes right after the last key of the table."""
    if key in table:
        table[key] = value
        return
    container = table.value if isinstance(table, Table) else table
    end = _after_keys(container.body)
    if end < len(container.body):
        container._insert_at(end, key, value)
    else:
        container.append(key, value)
    if isinstance(table, Table):  # a Table keeps its own copy of its keys for dict()
        dict.__setitem__(table, key, container.item(key))


def _after_keys(body: list) -> int:
    tables = [i for i, (_, item) in enumerate(body) if isinstance(item, (Table, AoT))]
    first_table = tables[0] if tables else len(body)
    keys = [i for i, (key, _) in enumerate(body[:first_table]) if key is not None]
    return keys[-1] + 1 if keys else first_table


def add_table(
    document: TOMLDocument, name: str, values: dict[str, Any], order: Sequence[str]
) -> None:
    """Add the table `name` before the first table that is not before it in `order`,
    or at the end when there is none."""
    table = tomlkit.table()
    for key, value in values.items():
        table[key] = value
    earlier = set(order[: order.index(name)])
    body = document.body
    position = next(
        (
            i
            for i, (key, item) in enumerate(body)
            if isinstance(item, (Table, AoT)) and key is not None and key.key not in earlier
        ),
        None,
    )
    if position is None:
        document.append(name, table)  # after a blank line, which tomlkit adds
        return
    following = body[position][1]
    header = following.body[0] if isinstance(following, AoT) else following
    if not header.trivia.indent.startswith("\n"):
        table.add(tomlkit.nl())
    previous = next(
        (item for _, item in reversed(body[:position]) if not isinstance(item, Null)), None
    )
    if not ends_with_whitespace(previous):
        table.trivia.indent = "\n"
    document._insert_at(position, name, table)
