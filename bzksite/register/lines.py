"""Exact line numbers for the export's elements, however long the file.

libxml2 keeps an element's line in 16 bits: past line 65,535 lxml's
`sourceline` is guessed from the element's content, usually one line late,
and the real export has millions of lines. So the parser is handed the file
a line at a time: when it reports the start of an element, the start tag
ends on the line just handed out, and it begins on that line or a few
before, where its `<name` stands.
"""

from collections import deque
from typing import BinaryIO

from lxml import etree

from .elements import local

# At most this much is handed out at once, so that a file without line
# breaks is still read in pieces.
_PIECE = 64 * 1024
# Pieces kept to look back in: a start tag spread over more lines than this
# falls back to lxml's sourceline.
_KEPT = 32
_AFTER_NAME = (b"", b" ", b"\t", b"\r", b"\n", b">", b"/")


class LineReader:
    """A binary file as lxml's iterparse reads it, one line (or piece) per read()."""

    def __init__(self, file: BinaryIO) -> None:
        self._file = file
        self._recent: deque[tuple[int, bytes]] = deque(maxlen=_KEPT)
        self._newlines = 0
        self.at_end = False

    def read(self, size: int = -1) -> bytes:
        piece = self._file.readline(_PIECE if size < 0 else min(size, _PIECE))
        if not piece:
            self.at_end = True
            return piece
        self._recent.append((self._newlines + 1, piece))
        self._newlines += piece.endswith(b"\n")
        return piece

    @property
    def last_line(self) -> int:
        """The line the file has reached: once at_end, the line where it ends."""
        return self._newlines + 1

    def start_line(self, element: etree._Element) -> int | None:
        """The line where the start tag of `element`, just reported by the parser, begins."""
        name = local(element.tag)
        opener = f"<{element.prefix}:{name}" if element.prefix else f"<{name}"
        opener_bytes = opener.encode()
        for line, piece in reversed(self._recent):
            at = piece.rfind(opener_bytes)
            while at >= 0:
                after = at + len(opener_bytes)
                if piece[after : after + 1] in _AFTER_NAME:
                    return line
                at = piece.rfind(opener_bytes, 0, at)
        return element.sourceline
