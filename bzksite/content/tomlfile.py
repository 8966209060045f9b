"""Load one TOML source file and point at the line where a key was written.

tomllib gives no positions for keys, so errors about a key look the line up
in the text: editors need a line number, not just a file name.
"""

import re
import tomllib
from pathlib import Path
from typing import Any

from ..sourcefiles import SourceError, read_utf8

_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")
_HEADER = re.compile(r"^\s*\[")


class TomlFile:
    def __init__(self, path: Path) -> None:
        self.path = path
        text = read_utf8(path)
        self.lines = text.splitlines()
        try:
            self.data: dict[str, Any] = tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            raise self._syntax_error(str(error)) from None

    def _syntax_error(self, message: str) -> SourceError:
        match = _POSITION.search(message)
        if match:
            line, column = match.groups()
            return SourceError(
                self.path,
                int(line),
                f"TOML syntax error: {message[: match.start()]} (column {column})",
            )
        if message.endswith("(at end of document)"):
            message = message.removesuffix(" (at end of document)")
            return SourceError(self.path, len(self.lines) or 1, f"TOML syntax error: {message}")
        return SourceError(self.path, None, f"TOML syntax error: {message}")

    def line_of(self, key: str, table: str | None = None, index: int = 0) -> int:
        """The line where `key` is set, inside `[table]` or the `index`-th `[[table]]`."""
        start, end = 0, len(self.lines)
        if table is not None:
            header = re.compile(rf"^\s*\[\[?\s*{re.escape(table)}\s*\]\]?")
            found = [n for n, line in enumerate(self.lines) if header.match(line)]
            if index < len(found):
                start = found[index]
            else:
                return self.line_of(table)
            # A key missing from the table is not the same key in a later one ([sources]).
            later = (n for n in range(start + 1, end) if _HEADER.match(self.lines[n]))
            end = next(later, end)
        assignment = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=")
        for number in range(start, end):
            if assignment.match(self.lines[number]):
                return number + 1
        return start + 1

    def line_of_field(self, field: str) -> int:
        """The line of a top-level key, or of the header of the table `field`."""
        header = re.compile(rf"^\s*\[\[?\s*{re.escape(field)}\s*\]\]?")
        for number, line in enumerate(self.lines):
            if header.match(line):
                return number + 1
        return self.line_of(field)

    def line_containing(self, text: str, start: int) -> int:
        """The first line from `start` (1-based) on that contains `text`, else `start`."""
        for number in range(start - 1, len(self.lines)):
            if text in self.lines[number]:
                return number + 1
        return start

    def error(
        self, message: str, key: str, table: str | None = None, index: int = 0
    ) -> SourceError:
        return SourceError(self.path, self.line_of(key, table, index), message)
