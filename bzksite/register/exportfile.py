"""Where the export's elements stand, and the errors and dates that name it."""

import re
from datetime import date
from pathlib import Path

from lxml import etree

from ..sourcefiles import display_path
from .elements import text
from .records import RegisterError

# xs:date: a day, with a time zone at most.
_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})(?:Z|[+-]\d{2}:\d{2})?")


def error(path: Path, line: int | None, message: str) -> RegisterError:
    where = display_path(path) if line is None else f"{display_path(path)}:{line}"
    return RegisterError(f"{where}: {message}")


class ExportFile:
    """One export file with the lines where its elements start (see lines.py)."""

    def __init__(self, path: Path, lines: dict[etree._Element, int]) -> None:
        self.path = path
        self.lines = lines

    def line(self, element: etree._Element) -> int | None:
        return self.lines.get(element, element.sourceline)

    def error(self, element: etree._Element, message: str) -> RegisterError:
        return error(self.path, self.line(element), message)

    def date(self, element: etree._Element | None, subject: str) -> date | None:
        """The ISO date in `element`; `subject` says whose it is in an error."""
        value = text(element)
        if element is None or value is None:
            return None
        match = _DATE.fullmatch(value)
        try:
            if match:
                return date.fromisoformat(match[1])
        except ValueError:
            pass
        name = etree.QName(element).localname
        raise self.error(element, f"{subject}: {name} {value!r} is not a date (YYYY-MM-DD)")
