"""Load one JSON file and read its keys with errors that say what is wrong where.

A syntax error names the line (json gives it); JSON gives no lines for keys,
so a missing or mistyped key is named by its path: `pages[2].violations[0]`.
"""

import json
from pathlib import Path
from typing import Any

from ..sourcefiles import SourceError, read_utf8

Kind = type | tuple[type, ...]
_NAMES = {str: "a string", int: "a number", list: "a list", dict: "an object", type(None): "null"}


class JsonFile:
    def __init__(self, path: Path) -> None:
        self.path = path
        if not path.is_file():
            raise SourceError(path, None, "not a file")
        text = read_utf8(path)
        try:
            self.data: Any = json.loads(text)
        except json.JSONDecodeError as error:
            message = f"not valid JSON: {error.msg} (column {error.colno})"
            raise SourceError(path, error.lineno, message) from None
        if not isinstance(self.data, dict):
            raise SourceError(path, 1, "the file must hold a JSON object")

    def get(self, table: Any, key: str, kind: Kind, where: str = "") -> Any:
        """`table[key]`, which must exist and be of `kind`; `where` is the table's path."""
        if not isinstance(table, dict):
            raise self.error(f"{where} must be an object")
        if key not in table:
            place = f" in {where}" if where else ""
            raise self.error(f"required key {key!r} is missing{place}")
        value = table[key]
        if not isinstance(value, kind):
            kinds = kind if isinstance(kind, tuple) else (kind,)
            expected = " or ".join(_NAMES[k] for k in kinds)
            raise self.error(f"{where or 'the top level'}: {key!r} must be {expected}")
        return value

    def items(self, table: Any, key: str, where: str = "") -> list[tuple[str, Any]]:
        """The entries of the list `table[key]`, each with its path: [("pages[0]", {...})]."""
        values = self.get(table, key, list, where)
        prefix = f"{where}." if where else ""
        return [(f"{prefix}{key}[{index}]", value) for index, value in enumerate(values)]

    def error(self, message: str) -> SourceError:
        return SourceError(self.path, None, message)
