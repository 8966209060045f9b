"""Previous msgids (`#| msgid "..."`), which Babel neither reads back nor
writes correctly when they span lines: it folds them into one comment line
that no gettext tool can parse. A fuzzy entry's previous msgid is what shows
the translator how the source changed, so these lines are handled here.
"""

import re

from babel.messages.catalog import Message
from babel.messages.pofile import escape, unescape

_STRING = r'"(?:[^"\\]|\\.)*"'
_PREVIOUS = re.compile(rf"^#\|\s*(msgctxt|msgid)\s+({_STRING})\s*$")
_PREVIOUS_MORE = re.compile(rf"^#\|\s*({_STRING})\s*$")
_ENTRY = re.compile(rf"^(msgctxt|msgid)\s+({_STRING})\s*$")


def read_previous(text: str) -> dict[tuple[str, str | None], str]:
    """{(msgid, msgctxt): previous msgid} of every entry that has one."""
    found: dict[tuple[str, str | None], str] = {}
    previous: list[str] = []
    entry: dict[str, list[str]] = {}
    target: list[str] | None = None  # where a continued string goes

    def close() -> None:
        if previous and "msgid" in entry:
            context = "".join(entry["msgctxt"]) if "msgctxt" in entry else None
            found["".join(entry["msgid"]), context] = "".join(previous)

    for line in text.splitlines():
        stripped = line.strip()
        if "msgid" in entry and (not stripped or stripped.startswith("#")):
            close()  # the entry ended: a blank line or the next entry's comments
            previous, entry = [], {}
        if match := _PREVIOUS.match(stripped):
            previous = [unescape(match[2])] if match[1] == "msgid" else previous
            target = previous if match[1] == "msgid" else None
        elif match := _PREVIOUS_MORE.match(stripped):
            if target is previous:
                previous.append(unescape(match[1]))
        elif match := _ENTRY.match(stripped):
            entry[match[1]] = target = [unescape(match[2])]
        elif stripped.startswith('"') and target is not None:
            target.append(unescape(stripped))
        else:
            target = None  # msgstr, other comments, blank lines
    close()
    return found


def with_previous(entries: list[str], messages: list[Message]) -> list[str]:
    """Babel's written `entries` (one per message, in order), each fuzzy one with
    its previous msgid as gettext writes it (one line: msgcat wraps it)."""
    result = []
    for entry, message in zip(entries, messages, strict=True):
        if message.previous_id and "fuzzy" in message.flags:
            lines = entry.split("\n")
            at = next(i for i, line in enumerate(lines) if line.startswith(("msgctxt", "msgid")))
            lines.insert(at, f"#| msgid {escape(message.previous_id[0])}")
            entry = "\n".join(lines)
        result.append(entry)
    return result
