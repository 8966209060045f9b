"""What comes before the root element, read by us before the parser sees any of it.

The file is read forward in pieces up to the root element's name, past
whitespace, comments and processing instructions of any length, so memory
stays at about one piece whatever the prologue holds. Refused here, with our
own message whichever error libxml2 would give first:

- an empty file, and one that ends before its root element's name;
- any <!DOCTYPE>: the register's export never has a DTD, and a DTD is where
  entities are declared (a "billion laughs" that expands without end, an
  external entity that reads a local file or reaches the network);
- a root element other than the register's, such as an HTML page.

The scan reads the bytes as UTF-8, as the register writes them. A file in
UTF-16 gets past it unread; the reader checks the parsed document too.
"""

import re
from pathlib import Path
from typing import BinaryIO

from .exportfile import error
from .records import RegisterError

ROOT_ELEMENT = "overheidsorganisaties"
DTD = (
    "the file has a DTD (<!DOCTYPE>), which the register's export never has;"
    " entities could expand without end or reach the network"
)
TRUNCATED = "the file ends in the middle of an element (truncated?)"
PIECE = 64 * 1024  # bytes read at a time
_BOM = b"\xef\xbb\xbf"
_NOT_SPACE = re.compile(rb"[^ \t\r\n]")
_LOOK = 1024  # bytes looked at in one go; a root name longer than this is left to the parser
_NAME = re.compile(rb"<([A-Za-z_:\x80-\xff][^ \t\r\n/>]*)")


def not_the_export(path: Path, line: int | None, root: str) -> RegisterError:
    message = f"the root element is <{root}>, not <{ROOT_ELEMENT}>"
    return error(path, line, f"not the register's export: {message}")


def check_prologue(path: Path, file: BinaryIO) -> None:
    """Refuse an empty or cut-off file, a DTD or another root element; leave `file` at its start."""
    scan = _Scan(file)
    try:
        if scan.ahead(3) == _BOM:
            scan.skip(3)
        _check(path, scan)
    finally:
        file.seek(0)


def _check(path: Path, scan: "_Scan") -> None:
    seen = False
    while True:
        scan.skip_space()
        head = scan.ahead(_LOOK)
        if not head:
            if seen:
                raise error(path, scan.line, TRUNCATED)
            raise error(path, None, "the file is empty")
        seen = True
        if head.startswith((b"<?", b"<!--")):
            opener, closing = (b"<?", b"?>") if head.startswith(b"<?") else (b"<!--", b"-->")
            scan.skip(len(opener))
            if not scan.skip_past(closing):
                raise error(path, scan.line, TRUNCATED)
        elif head[:9].upper() == b"<!DOCTYPE":
            if head[9:15].strip().lower().startswith(b"html"):
                raise error(path, scan.line, "an HTML page, not the register's export")
            raise error(path, scan.line, DTD)
        elif name := _NAME.match(head):
            if name.end() < len(head):
                root = name[1].rpartition(b":")[2].decode("utf-8", "replace")
                if root != ROOT_ELEMENT:
                    raise not_the_export(path, scan.line, root)
            elif len(head) < _LOOK:
                raise error(path, scan.line, TRUNCATED)
            return
        else:
            return  # not what an XML file starts with: the parser names it


class _Scan:
    """A binary file read forward, with the line the current position is on."""

    def __init__(self, file: BinaryIO) -> None:
        self._file = file
        self._data = b""
        self._at = 0
        self.line = 1
        self.at_end = False

    def ahead(self, size: int) -> bytes:
        """The next `size` bytes, fewer only at the end of the file."""
        while len(self._data) - self._at < size and not self.at_end:
            piece = self._file.read(PIECE)
            self.at_end = not piece
            self._data = self._data[self._at :] + piece
            self._at = 0
        return self._data[self._at : self._at + size]

    def skip(self, count: int) -> None:
        self.line += self._data.count(b"\n", self._at, self._at + count)
        self._at += count

    def skip_space(self) -> None:
        while self.ahead(1):
            found = _NOT_SPACE.search(self._data, self._at)
            self.skip((found.start() if found else len(self._data)) - self._at)
            if found:
                return

    def skip_past(self, closing: bytes) -> bool:
        """Move past the next `closing`; False, at the end of the file, when there is none."""
        while True:
            found = self._data.find(closing, self._at)
            if found >= 0:
                self.skip(found + len(closing) - self._at)
                return True
            # Keep what could be the start of `closing`, then read on.
            self.skip(max(len(self._data) - self._at - len(closing) + 1, 0))
            if self.at_end or len(self.ahead(len(closing))) < len(closing):
                self.skip(len(self._data) - self._at)
                return False
