"""What an import changes and tells the editors, in the order they read it."""

from dataclasses import dataclass, field
from pathlib import Path

HEADINGS = (
    "undated",
    "new source",
    "new",
    "ended (history)",
    "renamed",
    "moved",
    "ended",
    "reopened",
    "new head",
    "withheld",
    "left out",
    "different from the decree",
    "to map",
    "not in the register",
    "new organisation",
    "ended organisation",
)


@dataclass
class Import:
    files: dict[Path, str] = field(default_factory=dict)  # the files that change
    report: list[str] = field(default_factory=list)  # "<heading>: <what>", in HEADINGS order

    def add(self, heading: str, line: str) -> None:
        """Add a line under `heading`, after the lines of every heading before it."""
        rank = HEADINGS.index(heading)
        at = len(self.report)
        while at > 0 and HEADINGS.index(self.report[at - 1].split(": ", 1)[0]) > rank:
            at -= 1
        self.report.insert(at, f"{heading}: {line}")
