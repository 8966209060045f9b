"""Write a catalog or template the way gettext's own tools do.

Babel writes the entries, previous msgids are added the gettext way
(previous.py), the header is the one the file had (header.py), and msgcat
gives the whole file GNU's line wrapping. So a catalog saved by Poedit or
msgcat and then updated by our tools changes only where its entries changed,
and a file that would come out the same is not touched at all.
"""

import io
import os
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from . import tools
from .header import Header
from .previous import with_previous


def write_catalog(path: Path, catalog: Catalog, header: Header | None = None) -> bool:
    """Write `catalog` to `path` with `header` (Babel's own for a new file).

    The file is replaced in one rename, never half written, and only when
    its bytes change. Returns whether they did."""
    return replace_if_changed(path, render(path, catalog, header))


def render(path: Path, catalog: Catalog, header: Header | None = None) -> str:
    """The text of `catalog` as write_catalog writes it to `path`."""
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=tools.WIDTH, include_previous=False, omit_header=bool(header))
    entries = buffer.getvalue().decode("utf-8").split("\n\n")
    messages = [message for message in catalog if message.id]
    first = 0 if header else 1  # Babel's header comes first when it writes one
    entries[first : first + len(messages)] = with_previous(
        entries[first : first + len(messages)], messages
    )
    text = "\n\n".join(entries)
    if header:
        text = header.text() + "\n" + text
    return tools.normalise(text, path)


def replace_if_changed(path: Path, text: str) -> bool:
    if path.exists() and path.read_bytes() == text.encode("utf-8"):
        return False
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)
    return True
