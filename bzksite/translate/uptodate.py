"""When a language's content was last brought up to date with the Dutch source.

PO-Revision-Date cannot say: Poedit sets it on every save, complete or not,
and scripts and text editors leave it as it was. So `make i18n-update`
records the day it first finds a content catalog complete for the current
source texts, in the catalog's header:

    "X-Up-To-Date: 2026-11-29, source 3f2a9c1e0b7d4e21\\n"

The fingerprint names those source texts. When they change, entries turn
fuzzy or new and the date stays; once all are translated again, the next
update records a new date. Gettext editors keep header fields they do not
know, and `make test` fails when a complete catalog's record is not current.
"""

import hashlib
import re
from datetime import date
from pathlib import Path

from babel.messages.catalog import Catalog

from ..sourcefiles import SourceError
from .header import Header

FIELD = "X-Up-To-Date"
_VALUE = re.compile(r"^(\d{4}-\d{2}-\d{2}), source ([0-9a-f]{16})$")


def fingerprint(template: Catalog) -> str:
    """A short hash of every source text (msgctxt and msgid) of `template`."""
    digest = hashlib.sha256()
    for message in sorted(template, key=lambda m: (m.context or "", str(m.id))):
        if message.id:
            digest.update(f"{message.context or ''}\x04{message.id}\x00".encode())
    return digest.hexdigest()[:16]


def recorded(path: Path, header: Header) -> tuple[date, str] | None:
    """The day and fingerprint in the header; None when there is none yet."""
    value = header.get(FIELD)
    if value is None:
        return None
    match = _VALUE.match(value)
    day = _day(match[1]) if match else None
    if match is None or day is None:
        message = (
            f"the header's {FIELD} must read 'YYYY-MM-DD, source <16 hex digits>', not"
            f" {value!r}: `make i18n-update` writes it; remove the field to let it"
        )
        raise SourceError(path, header.line, message)
    return day, match[2]


def record(path: Path, header: Header, template: Catalog, today: date) -> bool:
    """Record `today` for a complete catalog whose record names other source
    texts (or none). Returns whether the header changed."""
    current = fingerprint(template)
    found = recorded(path, header)
    if found is not None and found[1] == current:
        return False
    header.set(FIELD, f"{today.isoformat()}, source {current}")
    return True


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None
