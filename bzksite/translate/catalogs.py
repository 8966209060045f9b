"""Read .po files strictly, with errors that name the file and line.

GNU msgfmt decides what a catalog may hold (tools.check): Babel's reader is
lenient, and would silently drop a message with an unterminated string or
let one duplicate win. Babel then reads a file that gettext accepted, and the
site's own rules (pochecks) come on top.
"""

import codecs
import io
import re
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import PoFileError, read_po

from ..sourcefiles import BuildError, SourceError, read_bytes, read_utf8
from . import tools
from .header import Header, read_header
from .pochecks import check_header, check_markup
from .previous import read_previous


def read_catalog(path: Path) -> Catalog:
    """The catalog in `path`, or BuildError naming every problem's line."""
    return read_checked(path)[0]


def read_checked(path: Path) -> tuple[Catalog, Header]:
    """The catalog in `path` and its header as written, or BuildError."""
    try:
        text = _text(path)
        _refuse(tools.check(path, text))
    except SourceError as error:  # unreadable, or gettext's tools are missing
        raise BuildError([error]) from None
    header = read_header(text)
    _refuse(check_header(path, header))
    assert header is not None  # check_header refuses a file without one
    # Babel would keep previous msgids (#|) as translator comments: read_previous does them.
    without_previous = re.sub(r"(?m)^#\|.*$", "", text)
    try:
        catalog = read_po(io.StringIO(without_previous), abort_invalid=True)
    except PoFileError as error:  # gettext accepted it, so this is Babel's own limit
        message = str(error).removesuffix(f" on {error.lineno}")
        raise BuildError([SourceError(path, error.lineno + 1, message)]) from None
    _refuse(check_markup(path, catalog))
    for (msgid, context), previous in read_previous(text).items():
        message = catalog.get(msgid, context=context)
        if message is not None:
            message.previous_id = [previous]
    return catalog, header


def _text(path: Path) -> str:
    if read_bytes(path).startswith(codecs.BOM_UTF8):
        raise SourceError(
            path,
            1,
            "the file starts with a byte order mark (BOM), which gettext refuses: save it"
            " as UTF-8 without BOM (in Notepad: 'UTF-8', not 'UTF-8 with BOM')",
        )
    return read_utf8(path)


def _refuse(problems: list[SourceError]) -> None:
    if problems:
        raise BuildError(problems)


def read_messages(translations_dir: Path) -> dict[Path, Catalog]:
    """Every language's interface catalog (messages.po), checked."""
    catalogs = {}
    errors: list[SourceError] = []
    for path in sorted(translations_dir.glob("*/LC_MESSAGES/messages.po")):
        try:
            catalogs[path] = read_catalog(path)
        except BuildError as error:
            errors.extend(error.errors)
    if errors:
        raise BuildError(errors)
    return catalogs
