"""The exceptions file: accepted axe violations, each with a reason and an expiry date."""

import datetime
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path

from bzksite.content.tomlfile import TomlFile
from bzksite.sourcefiles import BuildError, SourceError

EXCEPTIONS_FILE = Path(__file__).with_name("accessibility-exceptions.toml")
FIELDS = {"rule": str, "selector": str, "url": str, "reason": str, "expires": datetime.date}


@dataclass(frozen=True)
class AcceptedViolation:
    rule: str
    selector: str
    url: str
    reason: str
    expires: datetime.date
    where: str  # file:line, for messages

    def covers(self, rule: str, selector: str, path: str) -> bool:
        return rule == self.rule and selector == self.selector and fnmatchcase(path, self.url)


def load(path: Path = EXCEPTIONS_FILE) -> list[AcceptedViolation]:
    """Read and check the file; raise BuildError naming file and line."""
    try:
        source = TomlFile(path)
    except SourceError as error:
        raise BuildError([error]) from None
    for key, value in source.data.items():
        if key != "exception":
            raise BuildError([source.error(f"unknown table {key!r}; use [[exception]]", key)])
        if not isinstance(value, list) or not all(isinstance(e, dict) for e in value):
            raise BuildError([source.error("write each entry as [[exception]]", key)])
    entries, errors = [], []
    for index, entry in enumerate(source.data.get("exception", [])):
        line = source.line_of("rule", "exception", index)
        problems = [f"unknown field {key!r}" for key in entry if key not in FIELDS]
        problems += [f"{key!r} is missing or not a {kind.__name__}" for key, kind in FIELDS.items()
                     if not _is(entry.get(key), kind)]  # fmt: skip
        if problems:
            errors.append(SourceError(path, line, "; ".join(problems)))
            continue
        entries.append(AcceptedViolation(**entry, where=f"{path.name}:{line}"))
    if errors:
        raise BuildError(errors)
    return entries


def _is(value: object, kind: type) -> bool:
    if kind is str:
        return isinstance(value, str) and bool(value.strip())
    # A TOML date-time is a datetime, which is a date too: only a plain date will do.
    return isinstance(value, kind) and not isinstance(value, datetime.datetime)


def expired(entries: list[AcceptedViolation], today: datetime.date) -> list[str]:
    return [
        f"{e.where}: the exception for {e.rule} on {e.selector} ({e.url}) expired on {e.expires}"
        for e in entries
        if e.expires < today
    ]


def unexcused(violations: list[dict], path: str, entries: list[AcceptedViolation]) -> list[dict]:
    """The violations, without the elements an exception accepts."""
    remaining = []
    for violation in violations:
        nodes = [
            node
            for node in violation["nodes"]
            if not any(e.covers(violation["id"], node["target"], path) for e in entries)
        ]
        if nodes:
            remaining.append({**violation, "nodes": nodes})
    return remaining
