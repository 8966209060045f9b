"""What comes before the root element, checked before the parser sees any of it.

The register's export never has a DTD. A DTD is where entities are declared
(a "billion laughs" that expands without end, an external entity that reads
a local file or reaches the network), so any <!DOCTYPE> is refused outright.
The reader checks the parsed document too (lxml's docinfo), for a prologue
this scan does not get through.
"""

from pathlib import Path
from typing import BinaryIO

from .exportfile import error

_HEAD = 64 * 1024
_BOM = b"\xef\xbb\xbf"
DTD = (
    "the file has a DTD (<!DOCTYPE>), which the register's export never has;"
    " entities could expand without end or reach the network"
)


def check_prologue(path: Path, file: BinaryIO) -> None:
    """Refuse an empty file, an HTML page or a DTD; leave `file` at its start."""
    head = file.read(_HEAD)
    file.seek(0)
    text = head.removeprefix(_BOM)
    if not text.strip() and len(head) < _HEAD:
        raise error(path, None, "the file is empty")
    position = 0
    while True:
        while text[position : position + 1].isspace():
            position += 1
        if text.startswith((b"<?", b"<!--"), position):
            closing = b"?>" if text.startswith(b"<?", position) else b"-->"
            end = text.find(closing, position)
            if end < 0:
                return
            position = end + len(closing)
        elif text[position : position + 9].upper() == b"<!DOCTYPE":
            line = text.count(b"\n", 0, position) + 1
            if text[position + 9 : position + 15].strip().lower().startswith(b"html"):
                raise error(path, line, "an HTML page, not the register's export")
            raise error(path, line, DTD)
        else:
            return
