"""Read .po files strictly, with errors that name the file and line.

Babel's reader is lenient: an unterminated string or a stray word silently
drops a message, and a duplicate entry silently wins or loses. A translator's
slip must fail the build instead, so every line is checked here first, then
Babel reads the file.
"""

import io
import os
import re
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import PoFileError, read_po

from ..sourcefiles import BuildError, SourceError, read_utf8
from .pochecks import check_header, check_messages
from .previous import read_previous

_STRING = r'"(?:[^"\\]|\\[\\"ntr])*"'
_KEYWORD_LINE = re.compile(
    rf"^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)[ \t]+({_STRING})[ \t]*$"
)
_STRING_LINE = re.compile(rf"^[ \t]*({_STRING})[ \t]*$")


def read_catalog(path: Path) -> Catalog:
    """The catalog in `path`, or SourceError naming the first bad line."""
    text = read_utf8(path)
    header, header_line = _check_lines(path, text)
    check_header(path, header, header_line)
    # Babel would keep previous msgids (#|) as translator comments: read_previous does them.
    without_previous = re.sub(r"(?m)^#\|.*$", "", text)
    try:
        catalog = read_po(io.StringIO(without_previous), abort_invalid=True)
    except PoFileError as error:
        # Babel counts lines from zero.
        message = str(error).removesuffix(f" on {error.lineno}")
        raise SourceError(path, error.lineno + 1, message) from None
    if catalog.fuzzy:
        line = _header_flag_line(text)
        raise SourceError(path, line, "the header is marked fuzzy: review it and remove the flag")
    check_messages(path, catalog)
    for (msgid, context), previous in read_previous(text).items():
        message = catalog.get(msgid, context=context)
        if message is not None:
            message.previous_id = [previous]
    return catalog


def _header_flag_line(text: str) -> int:
    for number, line in enumerate(text.splitlines(), 1):
        if line.startswith("#,") and "fuzzy" in line:
            return number
        if line.startswith("msgid"):
            break
    return 1


def _check_lines(path: Path, text: str) -> tuple[str | None, int]:
    """Check the syntax of every line, and that no msgctxt + msgid appears twice.

    Returns the header (the msgstr of the entry with an empty msgid, still
    escaped) and its line, or None and 1 when there is none."""
    seen: dict[tuple[str | None, str], int] = {}
    header: list = [None, 1]
    entry: dict[str, str] = {}
    entry_line = 0
    keyword = None

    def finish() -> None:
        if "msgid" not in entry:
            if entry:
                raise SourceError(path, entry_line, "entry without msgid")
            return
        if not any(k.startswith("msgstr") for k in entry):
            raise SourceError(path, entry_line, "msgid without msgstr")
        key = (entry.get("msgctxt"), entry["msgid"])
        if key == (None, ""):
            header[:] = [entry.get("msgstr"), entry_line]
        if key in seen:
            raise SourceError(
                path,
                entry_line,
                f"duplicate entry for msgctxt {key[0]!r}, first on line {seen[key]}",
            )
        seen[key] = entry_line

    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        match = _KEYWORD_LINE.match(stripped)
        if match:
            name, value = match.groups()
            new_msgid = name == "msgid" and ("msgid" in entry or "msgctxt" not in entry)
            if name == "msgctxt" or new_msgid:
                finish()
                entry, entry_line = {}, number
            if name in entry:
                raise SourceError(path, number, f"{name} appears twice in one entry")
            keyword = name
            entry[name] = value[1:-1]
            continue
        match = _STRING_LINE.match(line)
        if match and keyword is not None:
            entry[keyword] += match.group(1)[1:-1]
            continue
        raise SourceError(path, number, f"not valid .po syntax: {stripped[:60]!r}")
    finish()
    return header[0], header[1]


def read_messages(translations_dir: Path) -> dict[Path, Catalog]:
    """Every language's interface catalog (messages.po), checked."""
    catalogs = {}
    errors = []
    for path in sorted(translations_dir.glob("*/LC_MESSAGES/messages.po")):
        try:
            catalogs[path] = read_catalog(path)
        except SourceError as error:
            errors.append(error)
    if errors:
        raise BuildError(errors)
    return catalogs


def write_messages(catalogs: dict[Path, Catalog]) -> None:
    """Compile each catalog to the .mo beside it, which Flask-Babel reads.

    Fuzzy entries are left out, so the interface shows the English msgid
    rather than a translation nobody has checked.
    """
    for path, catalog in catalogs.items():
        target = path.with_suffix(".mo")
        temporary = target.with_name(f".{target.name}.tmp")
        with temporary.open("wb") as file:
            write_mo(file, catalog, use_fuzzy=False)
        os.replace(temporary, target)
