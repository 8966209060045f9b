"""Files the build writes: each is written beside its target under a temporary
name and swapped in with one rename, so that a failed build leaves the old
file as it was and no temporary file behind. A file that cannot be written
(no permission, a full disk, a folder in its place) is one line that names
the target and what to do, never a traceback."""

import errno
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .sourcefiles import BuildError, SourceError, display_path

# What a writer may leave beside its file under the file's name: SQLite's journals.
_SIDECARS = ("", "-journal", "-wal", "-shm")


@contextmanager
def new_file(target: Path) -> Iterator[Path]:
    """An empty temporary file beside `target`, to write in the block and then
    `swap_in`. When the block fails the file is removed, and an OSError (or
    SQLite's word for one) becomes the BuildError that names `target`."""
    try:
        if target.is_dir():  # else only the rename at the end would find it
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR))
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        os.close(handle)
    except OSError as error:
        raise write_failed(target, error) from None
    temporary = Path(name)
    try:
        yield temporary
    except BaseException as error:
        remove(temporary)
        if isinstance(error, sqlite3.OperationalError):
            error = _disk_error(error)
        if isinstance(error, OSError):
            raise write_failed(target, error) from None
        raise


def swap_in(temporary: Path, target: Path) -> None:
    """Replace `target` with the finished `temporary` in one rename, readable by all."""
    try:
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except OSError as error:
        remove(temporary)
        raise write_failed(target, error) from None


def remove(temporary: Path) -> None:
    for suffix in _SIDECARS:
        temporary.with_name(temporary.name + suffix).unlink(missing_ok=True)


def _disk_error(error: sqlite3.OperationalError) -> BaseException:
    """SQLite's word for a file it cannot write, as the file system's error."""
    code = error.sqlite_errorcode & 0xFF  # the primary code of an extended one
    if code == sqlite3.SQLITE_FULL:
        return OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    if code in (sqlite3.SQLITE_IOERR, sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN):
        return OSError(errno.EIO, str(error))
    return error


def write_failed(target: Path, error: OSError) -> BuildError:
    """The one line for `target`: what went wrong and what to do."""
    folder = f"{display_path(target.parent)}/"
    reason = error.strerror or str(error)
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        message = f"{reason.lower()}: free some space and run make db again"
    elif error.errno == errno.EISDIR:
        message = f"cannot write ({reason}): a folder is in its place; move it away"
    elif error.errno in (errno.ENOTDIR, errno.EEXIST):  # a file where a folder must be
        message = f"cannot write ({reason}): make db needs {folder} to be a folder"
    else:
        message = f"cannot write ({reason}): make db needs write access to {folder}"
    return BuildError([SourceError(target, None, message)])
