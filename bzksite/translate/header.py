"""A catalog's header entry, read and written as it is in the file.

Babel rebuilds the header from what it understands: it reorders the fields,
drops the ones it does not know (Poedit's X-Generator, our X-Up-To-Date)
and adds its own Generated-By. Our tools keep the header a translator's
editor wrote, changing only the fields they own.
"""

import re
from dataclasses import dataclass, field

from babel.messages.pofile import escape, unescape

_STRING = re.compile(r'^\s*(?:msgstr\s+)?("(?:[^"\\]|\\.)*")\s*$')


@dataclass
class Header:
    comments: list[str]  # the lines above msgid "": translator comments and flags
    line: int  # the line of msgid ""
    fuzzy_line: int | None = None  # the line of a fuzzy flag on the header
    fields: list[tuple[str, str]] = field(default_factory=list)

    def get(self, name: str) -> str | None:
        return next((value for key, value in self.fields if key.lower() == name.lower()), None)

    def set(self, name: str, value: str) -> None:
        """Change a field where it is, or add it at the end."""
        for index, (key, _) in enumerate(self.fields):
            if key.lower() == name.lower():
                self.fields[index] = (key, value)
                return
        self.fields.append((name, value))

    def text(self) -> str:
        strings = [escape(f"{key}: {value}\n") for key, value in self.fields]
        return "\n".join([*self.comments, 'msgid ""', 'msgstr ""', *strings]) + "\n"


def read_header(text: str) -> Header | None:
    """The header of a catalog whose syntax gettext accepted; None when its
    first entry is not a header (msgid "" without msgctxt)."""
    lines = text.splitlines()
    comments: list[str] = []
    fuzzy_line = None
    index = 0
    while index < len(lines) and (not lines[index].strip() or lines[index].startswith("#")):
        if lines[index].strip():
            comments.append(lines[index])
        if lines[index].startswith("#,") and "fuzzy" in lines[index]:
            fuzzy_line = index + 1
        index += 1
    rest = lines[index + 1 :]
    if index == len(lines) or lines[index].strip() != 'msgid ""':
        return None
    if not rest or not rest[0].lstrip().startswith("msgstr"):
        return None  # msgid "" followed by more strings: not empty, so not a header
    header = Header(comments, index + 1, fuzzy_line)
    strings = []
    for position, line in enumerate(rest):
        match = _STRING.match(line)
        if not match or (position and line.lstrip().startswith("msgstr")):
            break
        strings.append(unescape(match[1]))
    for part in "".join(strings).split("\n"):
        name, colon, value = part.partition(":")
        if colon:
            header.fields.append((name.strip(), value.strip()))
    return header
