"""Previous msgids (`#| msgid "..."`), which Babel neither reads back nor
writes correctly when they span lines: it folds them into one comment line
that no gettext tool can parse. A fuzzy entry's previous msgid is what shows
the translator how the source changed, so these lines are handled here.
"""

import io
import os
import re
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import normalize, unescape, write_po

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


def write_catalog(
    path: Path, catalog: Catalog, width: int = 76, extra_header: list[str] = ()
) -> None:
    """Write `catalog` as Babel does, with previous msgids written properly and
    `extra_header` fields ("X-Generator: Poedit 3.4", which Babel drops when
    it reads) kept. The file is replaced in one rename: never half written."""
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=width, include_previous=False)
    entries = buffer.getvalue().decode("utf-8").split("\n\n")
    entries[0] += "".join(f'\n"{field}\\n"' for field in extra_header)
    messages = [message for message in catalog if message.id]
    # Babel writes the header, then each message in order, a blank line apart.
    for index, message in enumerate(messages, start=1):
        if not message.previous_id or "fuzzy" not in message.flags:
            continue
        lines = entries[index].split("\n")
        at = next(i for i, line in enumerate(lines) if line.startswith(("msgctxt", "msgid")))
        block = f"msgid {normalize(message.previous_id[0], width=width - 3)}".split("\n")
        lines[at:at] = [f"#| {line}" for line in block]
        entries[index] = "\n".join(lines)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text("\n\n".join(entries), encoding="utf-8")
    os.replace(temporary, path)


def extra_header_fields(text: str) -> list[str]:
    """The header's own fields (X-...), escaped as in the file, which Babel drops."""
    header = text.split("\n\n", 1)[0]
    return re.findall(r'^"(X-[^"]*?)\\n"$', header, re.MULTILINE)
