"""Build errors that name the file and line an editor or translator must fix."""

import errno
import os
from pathlib import Path


def display_path(path: Path) -> str:
    """The path as the person running the build typed it: relative when possible."""
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


class SourceError(Exception):
    """One problem in one source file."""

    def __init__(self, path: Path, line: int | None, message: str) -> None:
        where = display_path(path) if line is None else f"{display_path(path)}:{line}"
        super().__init__(f"{where}: {message}")
        self.path = path
        self.line = line
        self.message = message


class BuildError(Exception):
    """The build failed; every problem found is listed."""

    def __init__(self, errors: list[SourceError]) -> None:
        super().__init__("\n".join(str(error) for error in errors))
        self.errors = errors


def read_bytes(path: Path) -> bytes:
    """The bytes of a source file; SourceError saying why it cannot be read."""
    try:
        return path.read_bytes()
    except OSError as error:
        advice = _READ_ADVICE.get(error.errno, "make db needs to read it")
        raise SourceError(path, None, f"cannot read ({error.strerror}): {advice}") from None


_READ_ADVICE = {
    errno.EISDIR: "a folder is in its place; make db needs a file here",
    errno.EACCES: "make db needs read access to it",
    errno.EPERM: "make db needs read access to it",
}


def read_utf8(path: Path) -> str:
    """The text of a source file; SourceError with the line of the first bad byte."""
    data = read_bytes(path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise SourceError(path, line, "the file is not valid UTF-8") from None
