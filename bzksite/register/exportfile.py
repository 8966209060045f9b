"""Where the export's elements stand, and the errors, warnings and dates that name it."""

import re
from datetime import date
from pathlib import Path

from lxml import etree

from ..sourcefiles import display_path
from .elements import local, text
from .records import RegisterError

# xs:date: a day, with a time zone at most.
_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})(?:Z|[+-]\d{2}:\d{2})?")


def error(path: Path, line: int | None, message: str) -> RegisterError:
    return RegisterError(f"{_where(path, line)}: {message}")


def _where(path: Path, line: int | None) -> str:
    return display_path(path) if line is None else f"{display_path(path)}:{line}"


class ExportFile:
    """One export file with the lines where its elements start (see lines.py),
    and the warnings about values left out of it, in the order they were met."""

    def __init__(self, path: Path, lines: dict[etree._Element, int]) -> None:
        self.path = path
        self.lines = lines
        self.warnings: list[str] = []

    def line(self, element: etree._Element) -> int | None:
        return self.lines.get(element, element.sourceline)

    def error(self, element: etree._Element, message: str) -> RegisterError:
        return error(self.path, self.line(element), message)

    def warn(
        self, element: etree._Element, subject: str, what: str, outcome: str = "left out"
    ) -> None:
        """Note a value left out, or taken otherwise:
        "<file>:<line>: <subject>: <what>; <outcome>"."""
        where = _where(self.path, self.line(element))
        self.warnings.append(f"{where}: {subject}: {what}; {outcome}")

    def date(self, element: etree._Element | None, subject: str) -> date | None:
        """The ISO date in `element`; None, with a warning naming `subject`, for one that is not."""
        value = text(element)
        if element is None or value is None:
            return None
        match = _DATE.fullmatch(value)
        try:
            if match:
                return date.fromisoformat(match[1])
        except ValueError:
            pass
        self.warn(element, subject, f"{local(element.tag)} {value!r} is not a date (YYYY-MM-DD)")
        return None
